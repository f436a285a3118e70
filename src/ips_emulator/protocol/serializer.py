"""Responses written the way the real IPS service writes them, fast.

The real service (Axis2) answers with the envelope prefix ``soapenv``, the
``...Return`` element unprefixed with a default ``xmlns``, unprefixed children,
self-closing empties, optional fields omitted and dates with milliseconds and
the server's offset. Several real clients slice the text between
``<soapenv:Body>`` and ``</soapenv:Body>``, so the bytes matter. spyne's own
serializer uses other prefixes and is several times slower, so responses are
written here from the same declarations the spyne models are built from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    INT,
    LONG,
    SIMPLE_TYPES,
    STRING,
    Field,
    Operation,
    Registry,
)

# Characters XML 1.0 cannot carry at all; stored text is cleaned of them on output.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("\ufffd", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def format_datetime(value: datetime | str, zone: tzinfo) -> str:
    """``2008-06-11T11:38:48.547-07:00``: milliseconds and the server's offset (Z for 0).

    Offsets are whole minutes in xsd:dateTime, so an old zone's seconds offset
    (LMT) is rounded and the local time written to match it: the instant holds.
    """
    if isinstance(value, str):  # stored as JSON text (job structs)
        value = datetime.fromisoformat(value)
    offset = value.astimezone(zone).utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    local = value.astimezone(UTC).replace(tzinfo=None) + timedelta(minutes=minutes)
    if minutes == 0:
        suffix = "Z"
    else:
        sign = "-" if minutes < 0 else "+"
        hours, rest = divmod(abs(minutes), 60)
        suffix = f"{sign}{hours:02d}:{rest:02d}"
    return (
        f"{local.year:04d}-{local.month:02d}-{local.day:02d}T{local.hour:02d}:"
        f"{local.minute:02d}:{local.second:02d}.{local.microsecond // 1000:03d}{suffix}"
    )


# One step of a struct's plan: (element name, simple type or None, nested plan, list?, required?)
_Step = tuple[str, str | None, "list[Any]", bool, bool]


class ResponseWriter:
    """Writes the responses of one API version."""

    def __init__(self, registry: Registry, version: str, namespace: str, zone: tzinfo) -> None:
        self.registry = registry
        self.version = version
        self.namespace = namespace
        self.zone = zone
        self._plans: dict[str, list[_Step]] = {}

    def _plan(self, fields: Sequence[Field]) -> list[_Step]:
        steps: list[_Step] = []
        for f in fields:
            if not f.in_version(self.version):
                continue
            if f.type in SIMPLE_TYPES:
                steps.append((f.name, f.type, [], f.is_list, f.min_occurs > 0))
            else:
                nested = self._struct_plan(f.type)
                steps.append((f.name, None, nested, f.is_list, f.min_occurs > 0))
        return steps

    def _struct_plan(self, name: str) -> list[_Step]:
        plan = self._plans.get(name)
        if plan is None:
            plan = self._plans[name] = []  # placed first: guards against recursion
            plan.extend(self._plan(self.registry.structs[name].fields))
        return plan

    def _simple(self, kind: str, value: Any) -> str:
        if kind == STRING:
            return escape(value if isinstance(value, str) else str(value))
        if kind == DATETIME:
            return format_datetime(value, self.zone)
        if kind == BOOLEAN:
            return "true" if value else "false"
        if kind in (INT, LONG):
            return str(int(value))
        if kind == DOUBLE:
            number = float(value)
            if number != number:
                return "NaN"
            if number in (float("inf"), float("-inf")):
                return "INF" if number > 0 else "-INF"
            return repr(number)
        raise TypeError(f"unknown simple type {kind}")

    def _fields(self, out: list[str], plan: list[_Step], value: Mapping[str, Any]) -> None:
        for name, kind, nested, is_list, required in plan:
            item = value.get(name)
            if item is None:
                if required:
                    out.append(f"<{name}/>")
                continue
            for one in item if is_list else (item,):
                self._element(out, name, kind, nested, one)

    def _element(
        self, out: list[str], name: str, kind: str | None, nested: list[_Step], value: Any
    ) -> None:
        if kind is not None:
            text = self._simple(kind, value)
            out.append(f"<{name}>{text}</{name}>" if text else f"<{name}/>")
            return
        start = len(out)
        out.append(f"<{name}>")
        self._fields(out, nested, value)
        if len(out) == start + 1:
            out[start] = f"<{name}/>"
        else:
            out.append(f"</{name}>")

    def body(self, op: Operation, value: Mapping[str, Any]) -> str:
        """The ``<op>Return`` element, unprefixed with a default namespace."""
        tag = op.return_element
        out: list[str] = []
        self._fields(out, self._plan_for(op), value)
        if not out:
            return f'<{tag} xmlns="{self.namespace}"/>'
        return f'<{tag} xmlns="{self.namespace}">{"".join(out)}</{tag}>'

    def _plan_for(self, op: Operation) -> list[_Step]:
        key = f"#{op.return_element}"
        if key not in self._plans:
            self._plans[key] = self._plan(op.result)
        return self._plans[key]
