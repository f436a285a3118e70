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
from dataclasses import dataclass
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
from ips_emulator.records import EPOCH, instant_datetime

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


def format_double(value: Any) -> str:
    number = float(value)
    if number != number:
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "INF" if number > 0 else "-INF"
    return repr(number)


#: ``format_datetime``'s text before the offset: year to milliseconds.
_STAMP = "%04d-%02d-%02dT%02d:%02d:%02d.%03d"
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _DateFormatter:
    """``format_datetime`` for one zone, fast for the usual whole-minute offsets."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._suffixes: dict[timedelta | None, str | None] = {}

    def _suffix(self, offset: timedelta | None) -> str | None:
        """``Z`` or ``±HH:MM`` for a whole-minute offset; None for the careful path."""
        if offset is None or offset.seconds % 60 or offset.microseconds:
            return None
        if not offset:
            return "Z"
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        return "%s%02d:%02d" % (sign, *divmod(abs(minutes), 60))  # noqa: UP031

    def __call__(self, value: datetime | str | int) -> str:
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        elif isinstance(value, int):  # records.Instant: microseconds since 1970 UTC
            value = instant_datetime(value)
        local = value if value.tzinfo is self.zone else value.astimezone(self.zone)
        offset = local.utcoffset()
        suffix = self._suffixes.get(offset, "")
        if suffix == "":
            suffix = self._suffixes[offset] = self._suffix(offset)
        if suffix is None or local.year < 1000:
            return format_datetime(value, self.zone)
        return _STAMP % (  # %-formatting: the fastest here
            local.year, local.month, local.day, local.hour, local.minute, local.second,
            local.microsecond // 1000,
        ) + suffix  # fmt: skip


_MINUTE = 60_000_000  # microseconds


class _MinuteStamps(dict[int, str]):
    """``2008-06-11T18:38:`` by minute since 1970 (a ``records.Instant`` // ``_MINUTE``):
    a page's entries mostly share their minutes, and only the seconds and milliseconds of
    each are formatted (a third of formatting every field). At most ``SIZE`` are kept."""

    SIZE = 4096

    def __missing__(self, minute: int) -> str:
        if len(self) >= self.SIZE:
            self.clear()
        at = EPOCH + timedelta(minutes=minute)
        text = self[minute] = "%04d-%02d-%02dT%02d:%02d:" % (  # noqa: UP031
            at.year, at.month, at.day, at.hour, at.minute,
        )  # fmt: skip
        return text

    def stamp(self, instant: int) -> str:
        """The instant in UTC, to the millisecond: ``2008-06-11T18:38:48.547Z``."""
        minute, rest = divmod(instant, _MINUTE)
        return f"{self[minute]}{rest // 1_000_000:02d}.{rest // 1000 % 1000:03d}Z"


@dataclass(frozen=True, slots=True)
class Rows:
    """A struct array's items as tuples whose fields ``columns`` names, in order.

    A page of 1,000 entries is written straight from the domain's tuples, with no
    dict per entry. Columns the version lacks are skipped; fields not named are absent.
    """

    columns: tuple[str, ...]
    rows: Sequence[tuple[Any, ...]]


class ResponseWriter:
    """Writes the responses of one API version.

    Each struct gets a writer function generated from its declaration once
    (fields of other versions left out), so a 1,000-entry page costs little
    more than the string joins themselves.
    """

    def __init__(self, registry: Registry, version: str, namespace: str, zone: tzinfo) -> None:
        self.registry = registry
        self.version = version
        self.namespace = namespace
        self.zone = zone
        self._writers: dict[str, Any] = {}
        # Stored instants are in UTC: with the default zone no conversion is needed.
        dates = _DateFormatter(UTC if zone.utcoffset(None) == timedelta(0) else zone)
        self._utc = dates.zone is UTC
        self._names = {
            "escape": escape,
            "special": _SPECIAL.search,
            "fmt_dt": dates,
            "datetime": datetime,
            "UTC": UTC,
            "fmt_double": format_double,
            "writers": self._writers,
            "Rows": Rows,
            "write_rows": self._write_rows,
            "minutes": (minutes := _MinuteStamps()),
            "instant": minutes.stamp,
        }
        self._row_writers: dict[tuple[str, str, tuple[str, ...]], Any] = {}

    def _value_code(self, kind: str) -> str:
        return {
            STRING: "x if x.__class__ is str else str(x)",
            DATETIME: "fmt_dt(x)",
            BOOLEAN: "'true' if x else 'false'",
            INT: "str(int(x))",
            LONG: "str(int(x))",
            DOUBLE: "fmt_double(x)",
        }[kind]

    def _field_code(self, f: Field) -> list[str]:
        name = f.name
        lines = [f"    x = get({name!r})"]
        if f.type in SIMPLE_TYPES:
            one = [f"        t = {self._value_code(f.type)}"]
            if f.type == STRING:  # escaping inline: most text needs none
                one.append("        if special(t): t = escape(t)")
            one.append(f"        out('<{name}>' + t + '</{name}>' if t else '<{name}/>')")
        else:
            self._writer(f.type)
            one = [
                "        start = len(buf)",
                f"        out('<{name}>')",
                f"        writers[{f.type!r}](buf, x)",
                f"        if len(buf) == start + 1: buf[start] = '<{name}/>'",
                f"        else: out('</{name}>')",
            ]
        if f.is_list and f.type not in SIMPLE_TYPES:
            body = [
                f"        if x.__class__ is Rows: write_rows(buf, {f.type!r}, {name!r}, x)",
                "        else:",
                "            for x in x:",
                *("        " + line for line in one),
            ]
        else:
            body = ["        for x in x:", *("    " + line for line in one)] if f.is_list else one
        lines.append("    if x is not None:")
        lines += body
        if f.min_occurs > 0:
            lines.append(f"    else: out('<{name}/>')")
        return lines

    def _compile(self, key: str, fields: Sequence[Field]) -> Any:
        lines = ["def write(buf, v):", "    out = buf.append", "    get = v.get"]
        for f in fields:
            if f.in_version(self.version):
                lines += self._field_code(f)
        self._writers[key] = write = self._define(lines)
        return write

    def _write_rows(self, buf: list[str], struct_name: str, tag: str, rows: Rows) -> None:
        key = (struct_name, tag, rows.columns)
        write = self._row_writers.get(key) or self._compile_rows(key)
        write(buf, rows.rows)

    def _compile_rows(self, key: tuple[str, str, tuple[str, ...]]) -> Any:
        """A writer of ``<tag>`` items from tuples, fields in declaration order.

        Each item is one string: its fields' texts joined by an f-string, and one
        search for characters to escape per item (across its texts), not per field.
        """
        struct_name, tag, columns = key
        names = {column: f"c{i}" for i, column in enumerate(columns)}
        fields = [
            f
            for f in self.registry.structs[struct_name].fields
            if f.in_version(self.version) and (f.name in names or f.min_occurs > 0)
        ]
        given = [f for f in fields if f.name in names]
        if any(f.is_list or f.type not in SIMPLE_TYPES for f in given):
            raise ValueError(f"Rows of {struct_name} can only name fields of simple types")
        # ``or ''``: formatting None costs more than the search saves.
        texts = "".join(f"{{{names[f.name]} or ''}}" for f in given if f.type == STRING)
        lines = ["def write(buf, rows):", "    out = buf.append"]
        lines.append(f"    for {', '.join(names.values())}, in rows:")
        lines += self._fast_row_code(tag, fields, names)
        lines.append(
            f'        plain = not special(f"{texts}")' if texts else "        plain = True"
        )
        parts = []
        for f in fields:
            if f.name not in names:  # required, and not given: an empty element
                parts.append(f"<{f.name}/>")
                continue
            part = f"p{len(parts)}"
            absent = f"<{f.name}/>" if f.min_occurs > 0 else ""
            lines += [
                f"        x = {names[f.name]}",
                f"        if x is None: {part} = {absent!r}",
                "        else:",
                f"            t = {self._row_value_code(f.type)}",
            ]
            if f.type == STRING:
                lines.append("            if not plain and special(t): t = escape(t)")
            lines.append(
                f"            {part} = f'<{f.name}>{{t}}</{f.name}>' if t else '<{f.name}/>'"
            )
            parts.append(f"{{{part}}}")
        lines.append(f"        item = f'{''.join(parts)}'")
        lines.append(f"        out(f'<{tag}>{{item}}</{tag}>' if item else '<{tag}/>')")
        self._row_writers[key] = write = self._define(lines)
        return write

    def _fast_row_code(self, tag: str, fields: Sequence[Field], names: dict[str, str]) -> list[str]:
        """The usual item first: every text given, non-empty and plain, every date an
        Instant written in UTC. It is written by one f-string, without a test per field;
        anything else falls through to the careful code below (the same bytes either way)."""
        given = [f for f in fields if f.name in names]
        if not self._utc or any(f.type not in (STRING, DATETIME) for f in given):
            return []
        tests, parts, stamps = [], [], []
        for f in fields:
            if f.name not in names:
                parts.append(f"<{f.name}/>")
                continue
            c = names[f.name]
            if f.type == STRING:
                tests.append(f"{c}.__class__ is str and {c}")
                parts.append(f"<{f.name}>{{{c}}}</{f.name}>")
            else:  # a records.Instant, inline: minutes.stamp without the call
                tests.append(f"{c}.__class__ is int")
                stamps.append(
                    f"            d{c} = '%s%02d.%03dZ' % (minutes[{c} // {_MINUTE}], "
                    f"{c} % {_MINUTE} // 1000000, {c} % 1000000 // 1000)"
                )
                parts.append(f"<{f.name}>{{d{c}}}</{f.name}>")
        write = [f"            out(f'<{tag}>{''.join(parts)}</{tag}>')", "            continue"]
        texts = "".join(f"{{{names[f.name]}}}" for f in given if f.type == STRING)
        if not texts:
            return [f"        if {' and '.join(tests)}:", *stamps, *write]
        # Printable ASCII without &, < or > needs no escaping: twice as fast to tell as
        # the search for special characters, which decides for other text.
        plain = (
            "(t.isascii() and t.isprintable() and '&' not in t and '<' not in t "
            "and '>' not in t or not special(t))"
        )
        return [
            f"        if {' and '.join(tests)}:",
            f'            t = f"{texts}"',
            f"            if {plain}:",
            *("    " + line for line in stamps + write),
        ]

    def _row_value_code(self, kind: str) -> str:
        if kind == DATETIME and self._utc:  # stored instants, written as they are: inline
            fields = "x.year, x.month, x.day, x.hour, x.minute, x.second, x.microsecond // 1000"
            return (
                f"instant(x) if x.__class__ is int else {_STAMP + 'Z'!r} % ({fields}) "
                "if x.__class__ is datetime and x.tzinfo is UTC else fmt_dt(x)"
            )
        return self._value_code(kind)

    def _define(self, lines: list[str]) -> Any:
        """The ``write`` function those lines define."""
        namespace = dict(self._names)
        exec("\n".join(lines), namespace)  # our own declarations, never request input
        return namespace["write"]

    def _writer(self, struct_name: str) -> Any:
        if struct_name not in self._writers:
            self._writers[struct_name] = None  # placed first: guards against recursion
            self._compile(struct_name, self.registry.structs[struct_name].fields)
        return self._writers[struct_name]

    def body(self, op: Operation, value: Mapping[str, Any]) -> str:
        """The ``<op>Return`` element, unprefixed with a default namespace."""
        tag = op.return_element
        key = f"#{tag}"
        write = self._writers.get(key) or self._compile(key, op.result)
        buf: list[str] = []
        write(buf, value)
        if not buf:
            return f'<{tag} xmlns="{self.namespace}"/>'
        return f'<{tag} xmlns="{self.namespace}">{"".join(buf)}</{tag}>'
