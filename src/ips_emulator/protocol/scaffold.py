"""Writes declarations from Adobe's WSDLs: the first step of adding an operation or type.

``python -m ips_emulator.protocol.scaffold createFolder Folder`` prints, for each
operation or complexType named, its declaration as it belongs in
``protocol/declarations/`` or ``protocol/types/``: the elements of Adobe's
2013-02-15 and 2014-04-03 WSDLs merged into one sequence, a field only in
2014-04-03 marked ``since="2014-04-03"``, one only in 2013-02-15
``until="2014-04-03"``. The output (one line each; ``ruff format`` lays it
out)  is pasted and then edited by hand (roles, handler,
notes, and the history before 2013-02-15, which no WSDL we have shows);
``tests/unit/protocol/test_declarations.py`` holds every declaration to the
WSDLs, so an edit that departs from them fails there.
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ips_emulator.protocol.schema import (
    BASE64,
    BOOLEAN,
    DATETIME,
    DOUBLE,
    INT,
    LONG,
    STRING,
    Field,
)

XS = "{http://www.w3.org/2001/XMLSchema}"
WSDL_VERSIONS = ("2013-02-15", "2014-04-03")
DEFAULT_WSDL_DIR = Path("docs/reference/real-service/wsdl")
_CONSTANTS = {STRING: "STRING", INT: "INT", BOOLEAN: "BOOLEAN", DATETIME: "DATETIME",
              DOUBLE: "DOUBLE", LONG: "LONG", BASE64: "BASE64"}  # fmt: skip

#: (name, type, minOccurs, maxOccurs; None = unbounded)
Element = tuple[str, str, int, int | None]


@dataclass(frozen=True)
class AdobeSchema:
    """The operations (portType order) and versioned schema of one of Adobe's WSDLs."""

    operations: tuple[str, ...]
    types: dict[str, tuple[Element, ...]]
    elements: dict[str, tuple[Element, ...]]

    @classmethod
    def read(cls, path: Path, version: str) -> AdobeSchema:
        root = etree.parse(str(path)).getroot()
        namespace = f"http://www.scene7.com/IpsApi/xsd/{version}"
        (schema,) = (s for s in root.iter(f"{XS}schema") if s.get("targetNamespace") == namespace)
        port_type = root.find("{http://schemas.xmlsoap.org/wsdl/}portType")
        assert port_type is not None
        return cls(
            operations=tuple(op.get("name", "") for op in port_type),
            types={ct.get("name", ""): _sequence(ct) for ct in schema.findall(f"{XS}complexType")},
            elements={
                el.get("name", ""): _sequence(el.find(f"{XS}complexType"))
                for el in schema.findall(f"{XS}element")
            },
        )


def _sequence(complex_type: etree._Element | None) -> tuple[Element, ...]:
    if complex_type is None:
        return ()
    out: list[Element] = []
    for el in complex_type.iter(f"{XS}element"):
        max_occurs = el.get("maxOccurs", "1")
        out.append(
            (
                el.get("name", ""),
                el.get("type", "").split(":")[-1],
                int(el.get("minOccurs", "1")),
                None if max_occurs == "unbounded" else int(max_occurs),
            )
        )
    return tuple(out)


def merge(older: Sequence[Element] | None, newer: Sequence[Element] | None) -> list[Field]:
    """One sequence for both WSDLs: what only one has is dated by ``since``/``until``.

    When only one WSDL has the sequence at all, its owner is dated, not its fields."""
    later = WSDL_VERSIONS[1]
    if older is None or newer is None:
        return [_field(e) for e in older or newer or ()]
    fields: list[Field] = []
    matcher = difflib.SequenceMatcher(a=older, b=newer, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            fields += [_field(e) for e in older[i1:i2]]
            continue
        fields += [_field(e, until=later) for e in older[i1:i2]]
        fields += [_field(e, since=later) for e in newer[j1:j2]]
    return fields


def _field(e: Element, since: str | None = None, until: str | None = None) -> Field:
    name, type_, min_occurs, max_occurs = e
    return Field(name, type_, min_occurs, max_occurs, since, until)


def field_source(f: Field) -> str:
    """A field as the declarations write it: ``Field``, ``opt`` or ``items``."""
    type_ = _CONSTANTS.get(f.type, repr(f.type))
    dated = _keywords(f.since, f.until)
    if f.name == "items" and (f.min_occurs, f.max_occurs) == (0, None):
        return f"items({type_}{dated})"
    if (f.min_occurs, f.max_occurs) == (0, 1):
        return f"opt({f.name!r}, {type_}{dated})"
    occurs = ""
    if f.min_occurs != 1:
        occurs += f", min_occurs={f.min_occurs}"
    if f.max_occurs != 1:
        occurs += f", max_occurs={f.max_occurs}"
    return f"Field({f.name!r}, {type_}{occurs}{dated})"


def _keywords(since: str | None, until: str | None) -> str:
    return "".join(f", {k}={v!r}" for k, v in (("since", since), ("until", until)) if v)


def _fields_source(fields: Iterable[Field]) -> str:
    """A tuple of fields, one per line once ``ruff format`` has run (trailing comma)."""
    items = [field_source(f) for f in fields]
    return f"({', '.join(items)},)" if items else "()"


class Scaffold:
    """Adobe's two WSDLs, merged."""

    def __init__(self, wsdl_dir: Path = DEFAULT_WSDL_DIR) -> None:
        self.older, self.newer = (
            AdobeSchema.read(wsdl_dir / f"IpsApi-{v}.wsdl", v) for v in WSDL_VERSIONS
        )

    @property
    def operations(self) -> list[str]:
        return list(dict.fromkeys((*self.older.operations, *self.newer.operations)))

    @property
    def types(self) -> list[str]:
        return list(dict.fromkeys((*self.older.types, *self.newer.types)))

    @staticmethod
    def _range(in_older: bool, in_newer: bool) -> tuple[str, str | None]:
        """(since, until) of what Adobe's WSDLs show; the history before them is unknown."""
        return (WSDL_VERSIONS[0] if in_older else WSDL_VERSIONS[1]), (
            None if in_newer else WSDL_VERSIONS[1]
        )

    def operation_fields(self, name: str, suffix: str) -> list[Field]:
        element = f"{name}{suffix}"
        older = self.older.elements.get(element) if name in self.older.operations else None
        newer = self.newer.elements.get(element) if name in self.newer.operations else None
        return merge(older, newer)

    def struct_fields(self, name: str) -> list[Field]:
        return merge(self.older.types.get(name), self.newer.types.get(name))

    def operation_source(self, name: str) -> str:
        since, until = self._range(name in self.older.operations, name in self.newer.operations)
        param = _fields_source(self.operation_fields(name, "Param"))
        result = _fields_source(self.operation_fields(name, "Return"))
        return f"Operation({name!r}, param={param}, result={result}{_keywords(since, until)},),\n"

    def struct_source(self, name: str) -> str:
        in_older, in_newer = name in self.older.types, name in self.newer.types
        since, until = (None, None) if in_older and in_newer else self._range(in_older, in_newer)
        fields = self.struct_fields(name)
        if [(f.name, f.min_occurs, f.max_occurs, f.since, f.until) for f in fields] == [
            ("items", 0, None, None, None)
        ]:  # an IPS array type
            item = _CONSTANTS.get(fields[0].type, repr(fields[0].type))
            return f"array({name!r}, {item}{_keywords(since, until)}),\n"
        body = "".join(f", {field_source(f)}" for f in fields)
        return f"struct({name!r}{body}{_keywords(since, until)},),\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ips_emulator.protocol.scaffold",
        description="Print declarations of IPS operations and types from Adobe's WSDLs.",
    )
    parser.add_argument("names", nargs="*", help="operations or complexTypes")
    parser.add_argument("--wsdl-dir", type=Path, default=DEFAULT_WSDL_DIR)
    args = parser.parse_args(argv)
    scaffold = Scaffold(args.wsdl_dir)
    for name in args.names:
        if name in scaffold.operations:
            print(scaffold.operation_source(name), end="")
        elif name in scaffold.types:
            print(scaffold.struct_source(name), end="")
        else:
            parser.error(f"{name}: neither an operation nor a complexType of Adobe's WSDLs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
