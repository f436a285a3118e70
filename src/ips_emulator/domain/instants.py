"""The one reader of input date-times.

Every ``xsd:dateTime`` a client sends (SOAP parameters), every seed date and every
admin API date goes through ``parse_datetime``: spyne's own reader puts an offset's
minutes on the wrong side of its hours (``-03:30`` is read as ``-02:30``, ``-00:30``
as ``+00:30``), and ``datetime.fromisoformat`` accepts forms xsd:dateTime does not.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Final

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
        raise ValueError("the year is outside 0001-9999")
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
