"""The one reader of input date-times, and the range of instants the server accepts.

Every ``xsd:dateTime`` a client sends (SOAP parameters), every seed date and every
admin API date goes through ``parse_datetime``: spyne's own reader puts an offset's
minutes on the wrong side of its hours (``-03:30`` is read as ``-02:30``, ``-00:30``
as ``+00:30``), and ``datetime.fromisoformat`` accepts forms xsd:dateTime does not.

The accepted range keeps a margin inside what Python's ``datetime`` can hold: a day
at the start, so that an instant can be shown in any time zone (offsets reach 14
hours), and a year at the end, so that the job runner and schedules can compute
after it. An instant outside it could be stored but not shown or computed with.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Final

#: The earliest and latest instants the server accepts (both included).
MIN_INSTANT: Final = datetime(1, 1, 2, tzinfo=UTC)
MAX_INSTANT: Final = datetime(9998, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
RANGE_TEXT: Final = "0001-01-02T00:00:00Z to 9998-12-31T23:59:59.999999Z"

_XSD_DATETIME = re.compile(
    r"(?P<year>-?[0-9]{4,})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:\.(?P<fraction>[0-9]+))?"
    r"(?P<zone>Z|(?P<sign>[+-])(?P<zh>[0-9]{2}):(?P<zm>[0-9]{2}))?"
)
_MAX_OFFSET: Final = timedelta(hours=14)  # xsd:dateTime's limit


def parse_datetime(text: str) -> datetime:
    """An xsd:dateTime (``2008-06-11T11:38:48.547-07:00``) as a datetime.

    Aware when the text has an offset (``Z`` or ``±hh:mm``), naive when it has none
    (the caller decides its zone). Fractions beyond microseconds are cut off.
    Raises ValueError saying what is wrong.
    """
    match = _XSD_DATETIME.fullmatch(text.strip())
    if match is None:
        raise ValueError("expected an xsd:dateTime such as 2008-06-11T11:38:48.547-07:00")
    part = match.group
    if not 1 <= int(part("year")) <= 9999:
        raise ValueError(f"the year is outside the range the server accepts ({RANGE_TEXT})")
    fraction = (part("fraction") or "").ljust(6, "0")[:6]
    try:
        wall = datetime(
            int(part("year")), int(part("month")), int(part("day")),
            int(part("hour")), int(part("minute")), int(part("second")), int(fraction),
        )  # fmt: skip
    except ValueError as error:  # year 0, month 13, 31 February, hour 24...
        raise ValueError(f"not a date-time: {error}") from None
    if part("zone") is None:
        return wall
    return wall.replace(tzinfo=_offset(part("zone"), part("sign"), part("zh"), part("zm")))


def _offset(zone: str, sign: str | None, hours: str | None, minutes: str | None) -> tzinfo:
    if zone == "Z":
        return UTC
    if int(minutes or 0) > 59:
        raise ValueError(f"the offset {zone} has more than 59 minutes")
    size = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    if size > _MAX_OFFSET:
        raise ValueError(f"the offset {zone} is more than 14 hours")
    # The sign applies to hours and minutes together: -00:30 is half an hour west.
    return timezone(-size if sign == "-" else size)


def instant_problem(value: datetime, zone: tzinfo) -> str | None:
    """Why the instant ``value`` stands for is outside the accepted range, or None.

    A naive ``value`` is a wall time in ``zone`` (the server's).
    """
    try:
        instant = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        utc = instant.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not MIN_INSTANT <= utc <= MAX_INSTANT:
        return f"the instant is outside the range the server accepts ({RANGE_TEXT})"
    return None


def parse_instant(text: str, zone: tzinfo) -> datetime:
    """``parse_datetime``, then refused (ValueError) outside the accepted range."""
    value = parse_datetime(text)
    problem = instant_problem(value, zone)
    if problem:
        raise ValueError(problem)
    return value
