"""Checks a request's operation element against its declaration, naming what is wrong.

spyne converts the values, but its errors do not say which element was wrong
and it accepts integers of any size and unknown elements; the real service
(Axis2 data binding) rejects all of these. The check runs before spyne sees
the request. Element order inside a sequence is not enforced (docs/decisions.md).
"""

from __future__ import annotations

import re
from datetime import UTC, tzinfo

from lxml import etree

from ips_emulator.domain.instants import parse_instant
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter
from ips_emulator.protocol.schema import (
    BASE64,
    BOOLEAN,
    DATETIME,
    DOUBLE,
    FLOAT,
    INT,
    LONG,
    SIMPLE_TYPES,
    Field,
    Registry,
)

_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DOUBLE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
_RANGES = {INT: (-(2**31), 2**31 - 1), LONG: (-(2**63), 2**63 - 1)}
_EXPECTED = {
    INT: "an xsd:int (a whole number from -2147483648 to 2147483647)",
    LONG: "an xsd:long (a whole number)",
    BOOLEAN: "an xsd:boolean (true, false, 1 or 0)",
    DATETIME: "an xsd:dateTime such as 2008-06-11T11:38:48.547-07:00",
    DOUBLE: "an xsd:double",
    FLOAT: "an xsd:float",
    BASE64: "an xsd:base64Binary",
}


def _simple_ok(kind: str, text: str) -> bool:
    if kind in _RANGES:
        low, high = _RANGES[kind]
        return bool(_INTEGER.fullmatch(text)) and low <= int(text) <= high
    if kind == BOOLEAN:
        return text in ("true", "false", "1", "0")
    if kind in (DOUBLE, FLOAT):  # one lexical space
        return bool(_DOUBLE.fullmatch(text))
    if kind == BASE64:
        return bool(_BASE64.fullmatch("".join(text.split())))
    return True


class RequestChecker:
    """Checks operation elements of one API version."""

    def __init__(self, registry: Registry, version: str, zone: tzinfo = UTC) -> None:
        self.registry = registry
        self.version = version
        #: The server's time zone, which a date-time without an offset is in.
        self.zone = zone
        self._cache: dict[tuple[Field, ...], dict[str, Field]] = {}

    def _declared(self, fields: tuple[Field, ...]) -> dict[str, Field]:
        found = self._cache.get(fields)
        if found is None:
            found = self._cache[fields] = {f.name: f for f in fields if f.in_version(self.version)}
        return found

    def check(
        self,
        element: etree._Element,
        fields: tuple[Field, ...],
        path: str = "",
        namespace: str | None = None,
    ) -> None:
        """``namespace``: the operation's (default: ``element``'s own, the operation element)."""
        declared = self._declared(fields)
        namespace = namespace or etree.QName(element).namespace
        seen: dict[str, int] = {}
        for child in element:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            name = qname.localname
            where = f"{path}{name}"
            _check_namespace(qname.namespace, namespace, where)
            if child.get(_NIL) in ("true", "1"):
                continue  # xsi:nil: as good as absent
            field = declared.get(name)
            if field is None:
                raise IpsApiError(
                    FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
                    f"Invalid request XML: unexpected element '{where}'.",
                )
            seen[name] = seen.get(name, 0) + 1
            if not field.is_list and seen[name] > 1:
                raise invalid_parameter(where, None, "given more than once")
            self._check_value(child, field, where, namespace)
        for field in declared.values():
            if field.min_occurs > 0 and field.name not in seen:
                raise IpsApiError(
                    FaultCode.IPS_API_FAULT_CODE_MISSING_PARAMETER,
                    f"Missing required parameter '{path}{field.name}'.",
                )

    def _check_value(
        self, child: etree._Element, field: Field, where: str, namespace: str | None
    ) -> None:
        if field.type in SIMPLE_TYPES:
            if len(child):
                raise invalid_parameter(where, None, "expected text, not elements")
            text = (child.text or "").strip()
            if field.type == DATETIME:
                self._check_datetime(text, where)
            elif field.type != "string" and not _simple_ok(field.type, text):
                raise invalid_parameter(where, _shown(text), f"expected {_EXPECTED[field.type]}")
            return
        self.check(child, self.registry.structs[field.type].fields, f"{where}/", namespace)

    def _check_datetime(self, text: str, where: str) -> None:
        """The checks of the parser spyne then reads the value with, and the range."""
        try:
            parse_instant(text, self.zone)
        except ValueError as error:
            raise invalid_parameter(where, _shown(text), str(error)) from None


def _check_namespace(found: str | None, expected: str | None, where: str) -> None:
    """Parameters are in the operation's namespace (the WSDL's schemas are qualified):
    ``{urn:other}companyHandle`` is another element, not the parameter. Unqualified
    children are let through, as they always were, for lenient clients."""
    if found is not None and found != expected:
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
            f"Invalid request XML: element '{where}' is in namespace '{found}', "
            f"not the operation's '{expected}'.",
        )


def _shown(text: str) -> str:
    return text if len(text) <= 80 else text[:80] + "..."
