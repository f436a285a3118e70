"""``submitJob/execSchedule``: parse a schedule expression and compute its next fire time.

The IPS pages call ``execSchedule`` a "custom schedule format" evaluated in the IPS
server's local time. Their only example is the nightly ``Cleanup`` job's
``00 00 00 * * `` (five fields and a trailing space), which is Quartz-style cron with
a leading seconds field::

    seconds minutes hours day-of-month month [day-of-week [year]]

What is accepted (case-insensitive, fields separated by any run of whitespace):

* 5 fields (day-of-week implied ``?``), 6 fields (+ day-of-week) or 7 fields (+ year).
* In each field: ``*``, a value, a range ``a-b`` (wrapping ranges such as ``FRI-MON`` or
  ``22-2`` go round the end of the field), a step ``*/n``, ``a/n``, ``a-b/n`` or ``/n``
  (= ``*/n``), and comma lists of those.
* ``?`` (no specific value) in day-of-month or day-of-week, read as ``*``. At most one of
  day-of-month and day-of-week may name specific days (Quartz refuses both as well);
  unlike Quartz, ``*`` in both is accepted, since the documented example has exactly that.
* Month names ``JAN``..``DEC``; day-of-week names ``SUN``..``SAT`` and Quartz numbers
  ``1`` (Sunday) .. ``7`` (Saturday) -- not Unix cron's ``0``/``7`` = Sunday.
* The year only as ``*`` or a single year in 1970..2099.

Quartz's ``L``, ``W``, ``LW`` and ``#`` are refused with :class:`ScheduleError`, as is
anything else that is not listed above.

The arithmetic is croniter's (``second_at_beginning=True``): this module only checks the
Quartz grammar, turns it into croniter's numbering and wraps the result.

Daylight saving time (wall-clock fields evaluated in the server zone; pinned by tests
with America/Los_Angeles and a daily ``0 30 2 * * ?``):

* Spring forward (02:00 -> 03:00): a wall time that does not exist that day fires at the
  first instant after the gap, 03:00 local (not skipped, and not moved to 03:30 as
  java.util.Calendar would); the next day fires at 02:30 again.
* Fall back (02:00 -> 01:00): 02:30 exists once and fires once. A wall time inside the
  repeated hour (``0 30 1 * * ?``) fires at each of its two instants, 01:30 daylight
  time and one hour later 01:30 standard time: firing follows the local clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Final

from croniter import CroniterBadDateError, CroniterError, croniter

__all__ = ["Schedule", "ScheduleError", "parse_schedule"]

# Quartz's own year range, which is also croniter's.
_MIN_YEAR: Final = 1970
_MAX_YEAR: Final = 2099
# croniter stops looking after this many years without a match (default 50, which
# would miss e.g. a single year 2099 asked for in 2025).
_MAX_YEARS_BETWEEN_MATCHES: Final = _MAX_YEAR - _MIN_YEAR + 1

_MONTHS: Final = (
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "OCT",
    "NOV",
    "DEC",
)
_DAYS: Final = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")

_ITEM = re.compile(
    r"^(?:(?P<start>\*|[0-9A-Z]+)(?:-(?P<end>[0-9A-Z]+))?)?(?:/(?P<step>[0-9]+))?$",
    re.ASCII,
)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_DAY_NAME = "(?:" + "|".join(_DAYS) + ")"
# Quartz specials this emulator does not support (to give them a message of their own).
_DOM_SPECIAL = re.compile(r"^(?:L|LW|L-[0-9]+|[0-9]+W|W)$", re.ASCII)
_DOW_SPECIAL = re.compile(rf"^(?:L|(?:[0-9]+|{_DAY_NAME})(?:L|#[0-9]+))$", re.ASCII)


class ScheduleError(ValueError):
    """An ``execSchedule`` expression that cannot be used, and why."""

    def __init__(self, expression: str, reason: str) -> None:
        super().__init__(f"invalid schedule expression {expression!r}: {reason}")
        self.expression = expression
        self.reason = reason


@dataclass(frozen=True)
class _Field:
    name: str
    low: int
    high: int
    names: tuple[str, ...] = ()  # names[i] stands for the value low + i
    question_mark: bool = False  # whether "?" is allowed
    shift: int = 0  # added to each value to get croniter's numbering

    def value(self, token: str) -> int:
        """One value of this field, in Quartz numbering; ``ValueError`` with the reason."""
        if _DIGITS.fullmatch(token):
            number = int(token)
            if not self.low <= number <= self.high:
                raise ValueError(
                    f"{self.name} value {number} is out of range {self.low}-{self.high}"
                )
            return number
        if token in self.names:
            return self.low + self.names.index(token)
        raise ValueError(f"{token!r} is not a valid {self.name} value")


_SECONDS = _Field("seconds", 0, 59)
_MINUTES = _Field("minutes", 0, 59)
_HOURS = _Field("hours", 0, 23)
_DAY_OF_MONTH = _Field("day-of-month", 1, 31, question_mark=True)
_MONTH = _Field("month", 1, 12, names=_MONTHS)
_DAY_OF_WEEK = _Field("day-of-week", 1, 7, names=_DAYS, question_mark=True, shift=-1)
_FIELDS: Final = (_SECONDS, _MINUTES, _HOURS, _DAY_OF_MONTH, _MONTH, _DAY_OF_WEEK)


def _unsupported(spec: _Field, item: str) -> bool:
    if spec is _DAY_OF_MONTH:
        return _DOM_SPECIAL.match(item) is not None
    if spec is _DAY_OF_WEEK:
        return _DOW_SPECIAL.match(item) is not None
    return False


def _convert_item(spec: _Field, item: str) -> str:
    """One comma-separated item of a field, checked and rewritten for croniter."""
    if _unsupported(spec, item):
        raise ValueError(f"Quartz special {item!r} in {spec.name} is not supported (no L, W or #)")
    match = _ITEM.match(item)
    if match is None or (match["start"] is None and match["step"] is None):
        raise ValueError(f"{item!r} is not a valid {spec.name} value")
    start, end, step = match["start"], match["end"], match["step"]
    if start == "*" and end is not None:
        raise ValueError(f"{item!r} is not a valid {spec.name} range")

    suffix = ""
    if step is not None:
        span = spec.high - spec.low + 1
        if not 1 <= int(step) <= span:
            raise ValueError(f"{spec.name} step {int(step)} is out of range 1-{span}")
        suffix = f"/{int(step)}"

    if start is None or start == "*":
        return "*" + suffix
    first = spec.value(start) + spec.shift
    if end is None:
        return f"{first}{suffix}"
    last = spec.value(end) + spec.shift
    if first == last:
        # Quartz reads "5-5" as 5; croniter would read an equal range as the whole field.
        return str(first)
    return f"{first}-{last}{suffix}"


def _convert_field(spec: _Field, text: str) -> str:
    if text == "?":
        if not spec.question_mark:
            raise ValueError(f"'?' is only allowed in day-of-month or day-of-week, not {spec.name}")
        return "*"
    return ",".join(_convert_item(spec, item) for item in text.split(","))


def _convert_year(text: str) -> int | None:
    """``None`` for every year, else the one year the expression is limited to."""
    if text == "*":
        return None
    if not _DIGITS.fullmatch(text):
        raise ValueError(f"year must be '*' or a single year, not {text!r}")
    year = int(text)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"year {year} is out of range {_MIN_YEAR}-{_MAX_YEAR}")
    return year


def _restricts_days(text: str) -> bool:
    return text not in ("*", "?")


@dataclass(frozen=True)
class Schedule:
    """A parsed ``execSchedule``; build one with :func:`parse_schedule`."""

    expression: str
    """The client's expression, stripped: what ``ScheduledJob/execSchedule`` echoes."""
    cron: str
    """The same schedule for croniter (``second_at_beginning``, Unix day-of-week numbers)."""

    def next_fire_time(self, after: datetime, zone: tzinfo) -> datetime | None:
        """The first fire time strictly after ``after``, as an aware UTC datetime.

        ``after`` must be timezone-aware (any zone). The expression's wall-clock fields
        are read in ``zone``, the IPS server's time zone. ``None`` when the schedule never
        fires again (a past year, or a date that does not exist such as 31 February).
        """
        if after.tzinfo is None or after.utcoffset() is None:
            raise ValueError("after must be a timezone-aware datetime")
        iterator = croniter(
            self.cron,
            after.astimezone(zone),
            second_at_beginning=True,
            max_years_between_matches=_MAX_YEARS_BETWEEN_MATCHES,
        )
        try:
            fire = iterator.get_next(datetime)
        except CroniterBadDateError:
            return None
        if not isinstance(fire, datetime):  # pragma: no cover - croniter's contract
            raise TypeError(f"croniter returned {fire!r}, not a datetime")
        return fire.astimezone(UTC)


def parse_schedule(expression: str) -> Schedule:
    """Check a Quartz-style ``execSchedule`` and return its :class:`Schedule`.

    Raises :class:`ScheduleError` saying what is wrong with the expression.
    """
    stripped = expression.strip()
    fields = stripped.upper().split()
    if not fields:
        raise ScheduleError(stripped, "the expression is empty")
    if not 5 <= len(fields) <= 7:
        raise ScheduleError(
            stripped,
            f"expected 5, 6 or 7 fields (seconds minutes hours day-of-month month "
            f"[day-of-week [year]]), got {len(fields)}",
        )
    if len(fields) == 5:
        fields.append("?")
    if _restricts_days(fields[3]) and _restricts_days(fields[5]):
        raise ScheduleError(
            stripped,
            "day-of-month and day-of-week cannot both name days; use '?' in one of them",
        )
    try:
        parts = [_convert_field(spec, text) for spec, text in zip(_FIELDS, fields, strict=False)]
        year = _convert_year(fields[6]) if len(fields) == 7 else None
    except ValueError as exc:
        raise ScheduleError(stripped, str(exc)) from None
    if year is not None:
        parts.append(str(year))
    cron = " ".join(parts)
    try:
        croniter.expand(cron, second_at_beginning=True)
    except CroniterError as exc:  # pragma: no cover - the checks above should catch it
        raise ScheduleError(stripped, str(exc)) from exc
    return Schedule(expression=stripped, cron=cron)
