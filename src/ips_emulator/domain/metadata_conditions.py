"""MetadataCondition: what a searchAssetsByMetadata condition reads and how it compares.

searchAssets' ``metadataConditionArray`` is read the same way (``compile_conditions``).
A condition's ``fieldHandle`` is a metadata search key: one of the page's system keys
(``name``, ``created_at``, ...), ``custom_attributes.<field name>``, a field handle of
the company, or any other dotted key (``dc.rights``), which reads the asset's stored
value of that name. Text compares with the String Comparison Operators, without regard
to case unless ``caseSensitive``; a typed value (``longVal``, ``minDate``/``maxDate``...)
or a typed field compares with the Numeric/Date Comparison Operators and ``Between``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ips_emulator.domain.assets import DATE_OPS, STRING_OPS, FoundAsset
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.instants import parse_datetime
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import MetadataFieldRecord
from ips_emulator.storage import metadata

CUSTOM_PREFIX = "custom_attributes."
Value = str | datetime | None
Reader = Callable[[FoundAsset], Value]


def _image(found: FoundAsset, attribute: str) -> str | None:
    image = found.record.details.image
    return None if image is None else getattr(image, attribute)


def file_name(found: FoundAsset) -> str:
    """The uploaded file's name where it is known (an image's), else the asset's name."""
    return _image(found, "original_file") or found.record.name


#: The page's metadata search keys of an asset's own fields, and what each reads.
SYSTEM_KEYS: dict[str, Reader] = {
    "asset_id": lambda a: a.record.handle.removeprefix("a|"),
    "name": lambda a: a.record.name,
    "folder_path": lambda a: a.folder_path,
    "type": lambda a: a.record.asset_type,
    "file_name": file_name,
    "description": lambda a: _image(a, "description"),
    "comment": lambda a: _image(a, "comments"),
    "user_data": lambda a: _image(a, "user_data"),
    "sku": lambda a: _image(a, "sku"),
    "modified_at": lambda a: a.record.last_modified,
    "modified_by": lambda a: a.record.details.modified_by,
    "created_at": lambda a: a.record.created,
    "created_by": lambda a: a.record.details.created_by,
}
DATE_KEYS = ("created_at", "modified_at")
#: What kind of value a field type's stored text holds ("text": compared as text only).
_KINDS = {"Boolean": "bool", "Int": "number", "Float": "number", "Date": "date"}
#: (kind, single value element, range low, range high) of MetadataCondition.
_FAMILIES = (
    ("bool", "boolVal", None, None),
    ("number", "longVal", "minLong", "maxLong"),
    ("number", "doubleVal", "minDouble", "maxDouble"),
    ("date", "dateVal", "minDate", "maxDate"),
)
_ATTRIBUTES = {"boolVal": "bool_val", "longVal": "long_val", "minLong": "min_long",
               "maxLong": "max_long", "doubleVal": "double_val", "minDouble": "min_double",
               "maxDouble": "max_double", "dateVal": "date_val", "minDate": "min_date",
               "maxDate": "max_date"}  # fmt: skip
_INT = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
#: The page's created_at example: ``Fri Jul 25 2014 22:13:45 GMT-0500 (CDT)``.
_SCRIPT_DATE = re.compile(r"\w{3} (\w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2}) GMT([+-]\d{4})\b.*")
_TEXT_TESTS: dict[str, Callable[[str, str], bool]] = {
    "Equals": str.__eq__,
    "Contains": lambda actual, wanted: wanted in actual,
    "StartsWith": str.startswith,
    "EndsWith": str.endswith,
}
_ORDER_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "Equals": lambda a, b: bool(a == b),
    "NotEquals": lambda a, b: bool(a != b),
    "LessThan": lambda a, b: bool(a < b),
    "LessThanEquals": lambda a, b: bool(a <= b),
    "GreaterThan": lambda a, b: bool(a > b),
    "GreaterThanEquals": lambda a, b: bool(a >= b),
}


@dataclass(frozen=True, slots=True)
class ConditionInput:
    """One MetadataCondition as the request gives it (unchecked)."""

    field_handle: str | None
    op: str | None
    value: str | None = None
    values: Sequence[str] | None = None
    case_sensitive: bool | None = None
    bool_val: bool | None = None
    long_val: int | None = None
    min_long: int | None = None
    max_long: int | None = None
    double_val: float | None = None
    min_double: float | None = None
    max_double: float | None = None
    date_val: datetime | None = None
    min_date: datetime | None = None
    max_date: datetime | None = None


def _number(text: str) -> int | float | None:
    text = text.strip()
    if _INT.fullmatch(text):
        return int(text)
    return float(text) if _NUMBER.fullmatch(text) else None


def _date(text: str) -> datetime | None:
    """An ISO 8601 date-time, or the page's ``Fri Jul 25 2014 22:13:45 GMT-0500`` form."""
    try:
        return parse_datetime(text)
    except ValueError:
        pass
    match = _SCRIPT_DATE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return datetime.strptime(" ".join(match.groups()), "%b %d %Y %H:%M:%S %z")
    except ValueError:
        return None


def _bool(text: str) -> bool | None:
    return {"true": True, "1": True, "false": False, "0": False}.get(text.strip().lower())


def _as_kind(kind: str, actual: Value) -> Any:
    """A stored value as a comparable of ``kind``, or None when it is not one."""
    if actual is None or isinstance(actual, datetime):
        return actual
    if kind == "number":
        return _number(actual)
    if kind == "bool":
        return _bool(actual)
    found = _date(actual)
    return found.replace(tzinfo=UTC) if found is not None and found.tzinfo is None else found


@dataclass(frozen=True, slots=True)
class Condition:
    read: Reader
    #: "text", "number", "date" or "bool".
    kind: str
    op: str
    operands: tuple[Any, ...]
    case_sensitive: bool = False

    def test(self, found: FoundAsset) -> bool:
        actual = self.read(found)
        if self.kind == "text":
            text = "" if actual is None else str(actual)
            text = text if self.case_sensitive else text.casefold()
            test = _TEXT_TESTS[self.op.removeprefix("Not")]
            hit = any(test(text, wanted) for wanted in self.operands)
            return not hit if self.op.startswith("Not") else hit
        value = _as_kind(self.kind, actual)
        if value is None:  # no value of that kind: only "not equal" holds
            return self.op == "NotEquals"
        if self.op == "Between":
            return bool(self.operands[0] <= value <= self.operands[1])
        return _ORDER_TESTS[self.op](value, self.operands[0])


def _stored(name: str) -> Reader:
    return lambda found: dict(found.record.details.metadata or ()).get(name)


def _key(
    key: str,
    fields: Mapping[str, MetadataFieldRecord],
    by_name: Mapping[str, MetadataFieldRecord],
    where: str,
) -> tuple[Reader, str]:
    """What the key reads, and its kind ("any": a stored value of no known type)."""
    if key in SYSTEM_KEYS:
        return SYSTEM_KEYS[key], "date" if key in DATE_KEYS else "text"
    field = fields.get(key)
    if key.startswith(CUSTOM_PREFIX):
        field = by_name.get(key.removeprefix(CUSTOM_PREFIX))
        if field is None:
            raise invalid_parameter(f"{where}/fieldHandle", key, "no such custom metadata field")
    if field is not None:
        return _stored(field.name), _KINDS.get(field.field_type, "text")
    if "." in key:
        return _stored(key), "any"
    raise invalid_parameter(f"{where}/fieldHandle", key, "not a metadata search key")


def _typed(
    scope: RequestScope, item: ConditionInput, op: str, where: str
) -> tuple[str, str, tuple[Any, ...]] | None:
    """(kind, element, operands) of the condition's typed value, or None."""
    for kind, single, low, high in _FAMILIES:
        names = [n for n in (single, low, high) if n is not None]
        if all(getattr(item, _ATTRIBUTES[n]) is None for n in names):
            continue
        wanted = [low, high] if op == "Between" else [single]
        operands = []
        for name in wanted:
            if name is None:
                raise invalid_parameter(f"{where}/op", op, f"{single} is no range")
            value = getattr(item, _ATTRIBUTES[name])
            if value is None:
                raise missing_parameter(f"{where}/{name}")
            if isinstance(value, float) and not math.isfinite(value):
                # NaN compares false with everything: it would match nothing, silently.
                raise invalid_parameter(f"{where}/{name}", repr(value), "not a finite number")
            operands.append(scope.in_server_zone(value) if kind == "date" else value)
        return kind, single, tuple(operands)
    return None


def _parsed(scope: RequestScope, kind: str, text: str, where: str) -> Any:
    value: Any = {"number": _number, "date": _date, "bool": _bool}[kind](text)
    if value is None:
        raise invalid_parameter(f"{where}/value", text, f"not a {kind} value")
    return scope.in_server_zone(value) if kind == "date" else value


def _check_op(kind: str, op: str, where: str) -> None:
    allowed = {"text": STRING_OPS, "bool": ("Equals", "NotEquals")}.get(kind, DATE_OPS)
    if op not in allowed:
        raise invalid_parameter(f"{where}/op", op, f"expected one of {', '.join(allowed)}")


def compile_condition(
    scope: RequestScope,
    item: ConditionInput,
    fields: Mapping[str, MetadataFieldRecord],
    by_name: Mapping[str, MetadataFieldRecord],
    where: str,
) -> Condition:
    """The condition ``item`` states, checked: faults name the element under ``where``."""
    key, op = (item.field_handle or "").strip(), item.op or ""
    if not key:
        raise missing_parameter(f"{where}/fieldHandle")
    if not op:
        raise missing_parameter(f"{where}/op")
    read, key_kind = _key(key, fields, by_name, where)
    typed = _typed(scope, item, op, where)
    if typed is not None:
        kind, element, operands = typed
        if key_kind not in (kind, "any"):
            raise invalid_parameter(f"{where}/{element}", operands[0], f"{key} is no {kind}")
        _check_op(kind, op, where)
        return Condition(read, kind, op, operands)
    texts = list(item.values) if item.values else []
    texts += [item.value] if item.value is not None else []
    if not texts:
        raise missing_parameter(f"{where}/value")
    if key_kind in ("text", "any") or (op in STRING_OPS and op not in _ORDER_TESTS):
        _check_op("text", op, where)
        sensitive = bool(item.case_sensitive)
        wanted = tuple(t if sensitive else t.casefold() for t in texts)
        return Condition(read, "text", op, wanted, sensitive)
    _check_op(key_kind, op, where)
    if op == "Between":
        raise missing_parameter(f"{where}/{'minDate' if key_kind == 'date' else 'minLong'}")
    return Condition(read, key_kind, op, (_parsed(scope, key_kind, texts[0], where),))


def compile_conditions(
    scope: RequestScope,
    company_id: int,
    items: Sequence[ConditionInput],
    where: str = "metadataConditionArray",
) -> list[Condition]:
    """The conditions of a ``metadataConditionArray`` against the company's metadata
    fields, checked: faults name the item (``metadataConditionArray/items[2]/op``)."""
    if not items:
        return []
    fields = {f.handle: f for f in metadata.company_fields(scope.store, company_id)}
    by_name = {f.name: f for f in fields.values()}
    return [
        compile_condition(scope, item, fields, by_name, f"{where}/items[{i + 1}]")
        for i, item in enumerate(items)
    ]
