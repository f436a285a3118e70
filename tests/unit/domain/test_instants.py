"""The one date-time parser, against a reference (datetime.fromisoformat on normalized
text), and the range of instants the server accepts."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ips_emulator.domain.instants import instant_problem, parse_datetime
from ips_emulator.domain.seed_schema import date_problem


def reference(text: str) -> datetime:
    """fromisoformat, once the text is in the form it reads exactly: ``Z`` spelled
    ``+00:00`` and the fraction cut to microseconds."""
    normalized = text.replace("Z", "+00:00")
    if "." in normalized:
        head, rest = normalized.split(".", 1)
        digits = re.match(r"[0-9]*", rest).group()  # type: ignore[union-attr]
        normalized = head + "." + digits[:6].ljust(6, "0") + rest[len(digits) :]
    return datetime.fromisoformat(normalized)


def offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@given(
    wall=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    fraction=st.text(alphabet="0123456789", max_size=9),
    offset=st.none() | st.just("Z") | st.integers(-14 * 60, 14 * 60).map(offset_text),
)
def test_agrees_with_the_reference(wall: datetime, fraction: str, offset: str | None) -> None:
    text = wall.strftime("%Y-%m-%dT%H:%M:%S").rjust(19, "0")
    if fraction:
        text += "." + fraction
    text += offset or ""
    parsed = parse_datetime(text)
    expected = reference(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()
    assert (parsed.tzinfo is None) == (offset is None)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2026-01-01T10:00:00-03:30", datetime(2026, 1, 1, 13, 30, tzinfo=UTC)),
        ("2026-01-01T10:00:00-00:30", datetime(2026, 1, 1, 10, 30, tzinfo=UTC)),
        ("2026-01-01T10:00:00+00:30", datetime(2026, 1, 1, 9, 30, tzinfo=UTC)),
        ("2026-01-01T10:00:00+05:45", datetime(2026, 1, 1, 4, 15, tzinfo=UTC)),
        ("2026-01-01T10:00:00.1234567Z", datetime(2026, 1, 1, 10, 0, 0, 123456, tzinfo=UTC)),
        (" 2026-01-01T10:00:00Z\n", datetime(2026, 1, 1, 10, tzinfo=UTC)),  # xsd collapses
    ],
)
def test_instants_written_by_hand(text: str, utc: datetime) -> None:
    assert parse_datetime(text) == utc


def test_negative_offset_under_an_hour_is_west() -> None:
    assert parse_datetime("2026-01-01T10:00:00-00:30").utcoffset() == timedelta(minutes=-30)
    assert parse_datetime("2026-01-01T10:00:00-00:30").tzinfo == timezone(timedelta(minutes=-30))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-01-01", "expected an xsd:dateTime"),
        ("2026-01-01 10:00:00Z", "expected an xsd:dateTime"),
        ("2026-01-01T10:00Z", "expected an xsd:dateTime"),
        ("2026-01-01T10:00:00+0530", "expected an xsd:dateTime"),
        ("2026-02-30T10:00:00Z", "not a date-time"),
        ("2026-01-01T24:00:00Z", "not a date-time"),
        ("0000-01-01T00:00:00Z", "the year is outside"),
        ("10000-01-01T00:00:00Z", "the year is outside"),
        ("2026-01-01T10:00:00+14:01", "more than 14 hours"),
        ("2026-01-01T10:00:00+05:60", "more than 59 minutes"),
    ],
)
def test_refusals_say_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_datetime(text)


EAST, WEST = timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))


@pytest.mark.parametrize(
    ("value", "zone", "accepted"),
    [
        (datetime(1, 1, 2, tzinfo=UTC), UTC, True),
        (datetime(1, 1, 1, 23, 59, 59, 999999, tzinfo=UTC), UTC, False),
        (datetime(9998, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), UTC, True),
        (datetime(9999, 1, 1, tzinfo=UTC), UTC, False),
        (datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-7))), UTC, False),
        (datetime(1, 1, 1, 0, 0, tzinfo=EAST), UTC, False),  # year 0 in UTC
        (datetime(1, 1, 2, 10, 0), EAST, False),  # naive: in the server's zone, 01-01T20:00Z
        (datetime(1, 1, 2, 14, 0), EAST, True),
        (datetime(9998, 12, 31, 12, 0), WEST, False),  # 9999-01-01T00:00Z
    ],
)
def test_the_accepted_range(value: datetime, zone: timezone, accepted: bool) -> None:
    assert (instant_problem(value, zone) is None) is accepted


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:00:00-07:00", "0001-01-01T00:00:00+14:00", "9999-06-01T00:00:00Z"]
)
def test_seed_dates_outside_the_range_are_refused(text: str) -> None:
    assert "outside the range the server accepts" in (date_problem(text) or "")
