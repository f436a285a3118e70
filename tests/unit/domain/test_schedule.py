"""``execSchedule`` parsing and next fire times (``ips_emulator.domain.schedule``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from ips_emulator.domain.schedule import Schedule, ScheduleError, parse_schedule

LA = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall time in Los Angeles (the first of two, when the clock falls back)."""
    return datetime(year, month, day, hour, minute, tzinfo=LA)


def fires(schedule: Schedule, after: datetime, zone: tzinfo, count: int) -> list[datetime]:
    """The next ``count`` fire times, each computed strictly after the previous one."""
    result: list[datetime] = []
    for _ in range(count):
        fire = schedule.next_fire_time(after, zone)
        assert fire is not None
        result.append(fire)
        after = fire
    return result


# --- the documented example -------------------------------------------------------------


def test_docs_example_keeps_the_clients_text_stripped() -> None:
    schedule = parse_schedule("00 00 00 * * ")
    assert schedule.expression == "00 00 00 * *"


def test_docs_example_fires_at_utc_midnight_next_day_in_a_utc_server() -> None:
    schedule = parse_schedule("00 00 00 * * ")
    fire = schedule.next_fire_time(utc(2025, 1, 15, 13, 45), UTC)
    assert fire == utc(2025, 1, 16, 0, 0)
    assert fire is not None
    assert fire.utcoffset() == timedelta(0)


def test_docs_example_fires_at_local_midnight_in_los_angeles() -> None:
    # The getScheduledJobs example: Cleanup "00 00 00 * * ", nextFireTime
    # 2007-10-13T00:00:00.000-07:00 on a PST server.
    schedule = parse_schedule("00 00 00 * * ")
    fire = schedule.next_fire_time(local(2007, 10, 12, 10, 0), LA)
    assert fire == utc(2007, 10, 13, 7, 0)
    assert fire is not None
    assert fire.astimezone(LA).isoformat() == "2007-10-13T00:00:00-07:00"


def test_docs_example_in_winter_is_eight_hours_behind_utc() -> None:
    schedule = parse_schedule("00 00 00 * * ")
    assert fires(schedule, utc(2025, 1, 15, 12), LA, 2) == [
        utc(2025, 1, 16, 8),
        utc(2025, 1, 17, 8),
    ]


def test_result_is_utc_whatever_the_zone_of_after() -> None:
    schedule = parse_schedule("0 0 0 * * ?")
    instant = utc(2025, 6, 1, 12)
    in_tokyo = schedule.next_fire_time(instant.astimezone(TOKYO), LA)
    in_utc = schedule.next_fire_time(instant, LA)
    assert in_tokyo == in_utc == utc(2025, 6, 2, 7)
    assert in_tokyo is not None
    assert in_tokyo.tzinfo is UTC


def test_zone_decides_the_wall_clock() -> None:
    schedule = parse_schedule("0 0 9 * * ?")
    after = utc(2025, 6, 1, 0)
    assert schedule.next_fire_time(after, UTC) == utc(2025, 6, 1, 9)
    assert schedule.next_fire_time(after, TOKYO) == utc(2025, 6, 2, 0)
    assert schedule.next_fire_time(after, LA) == utc(2025, 6, 1, 16)


def test_naive_after_is_refused() -> None:
    schedule = parse_schedule("0 0 0 * * ?")
    with pytest.raises(ValueError, match="timezone-aware"):
        schedule.next_fire_time(datetime(2025, 1, 1), LA)


# --- fields --------------------------------------------------------------------------------


def test_every_fifteen_minutes() -> None:
    schedule = parse_schedule("0 */15 * * * ?")
    assert fires(schedule, utc(2025, 1, 15, 10, 7, 30), UTC, 4) == [
        utc(2025, 1, 15, 10, 15),
        utc(2025, 1, 15, 10, 30),
        utc(2025, 1, 15, 10, 45),
        utc(2025, 1, 15, 11, 0),
    ]


def test_quartz_start_and_step() -> None:
    schedule = parse_schedule("0 5/20 * * * ?")
    assert fires(schedule, utc(2025, 1, 15, 10, 0), UTC, 4) == [
        utc(2025, 1, 15, 10, 5),
        utc(2025, 1, 15, 10, 25),
        utc(2025, 1, 15, 10, 45),
        utc(2025, 1, 15, 11, 5),
    ]


def test_seconds_field_is_first() -> None:
    schedule = parse_schedule("30 0 0 * * ?")
    assert schedule.next_fire_time(utc(2025, 1, 15, 12), UTC) == utc(2025, 1, 16, 0, 0, 30)


def test_weekdays_from_friday_morning_to_monday() -> None:
    schedule = parse_schedule("0 30 9 ? * MON-FRI")
    friday = local(2025, 1, 10, 10, 0)
    assert friday.weekday() == 4
    fire = schedule.next_fire_time(friday, LA)
    assert fire == local(2025, 1, 13, 9, 30).astimezone(UTC)


def test_weekdays_only_over_a_week() -> None:
    schedule = parse_schedule("0 30 9 ? * MON-FRI")
    week = fires(schedule, local(2025, 1, 10, 10, 0), LA, 6)
    local_days = [fire.astimezone(LA) for fire in week]
    assert [day.weekday() for day in local_days] == [0, 1, 2, 3, 4, 0]
    assert {(day.hour, day.minute) for day in local_days} == {(9, 30)}


def test_monthly_on_the_first_at_noon() -> None:
    schedule = parse_schedule("0 0 12 1 * ?")
    assert fires(schedule, utc(2025, 1, 15), UTC, 3) == [
        utc(2025, 2, 1, 12),
        utc(2025, 3, 1, 12),
        utc(2025, 4, 1, 12),
    ]


@pytest.mark.parametrize(
    ("day_of_week", "weekday"),
    [("1", 6), ("2", 0), ("4", 2), ("7", 5), ("SUN", 6), ("mon", 0), ("Sat", 5)],
)
def test_quartz_day_of_week_numbers_start_at_sunday(day_of_week: str, weekday: int) -> None:
    schedule = parse_schedule(f"0 0 8 ? * {day_of_week}")
    fire = schedule.next_fire_time(utc(2025, 1, 8, 12), UTC)  # a Wednesday
    assert fire is not None
    assert fire.weekday() == weekday
    assert (fire.hour, fire.minute) == (8, 0)
    assert utc(2025, 1, 8, 12) < fire <= utc(2025, 1, 15, 8)


def test_quartz_numeric_two_is_monday() -> None:
    schedule = parse_schedule("0 0 8 ? * 2")
    assert schedule.next_fire_time(utc(2025, 1, 8, 12), UTC) == utc(2025, 1, 13, 8)


def test_day_of_week_range_wraps_round_saturday() -> None:
    schedule = parse_schedule("0 0 8 ? * FRI-MON")
    days = [fire.weekday() for fire in fires(schedule, utc(2025, 1, 8, 12), UTC, 5)]
    assert days == [4, 5, 6, 0, 4]


def test_day_of_week_numeric_range_and_list() -> None:
    # 2-3 = MON-TUE, 6 = FRI
    schedule = parse_schedule("0 0 8 ? * 2-3,6")
    days = [fire.weekday() for fire in fires(schedule, utc(2025, 1, 8, 12), UTC, 4)]
    assert days == [4, 0, 1, 4]


def test_equal_range_is_that_single_value() -> None:
    schedule = parse_schedule("0 0 8 5-5 * ?")
    assert fires(schedule, utc(2025, 1, 8), UTC, 2) == [utc(2025, 2, 5, 8), utc(2025, 3, 5, 8)]


def test_month_names() -> None:
    schedule = parse_schedule("0 0 0 1 jan,JUL ?")
    assert fires(schedule, utc(2025, 1, 8), UTC, 2) == [utc(2025, 7, 1), utc(2026, 1, 1)]


def test_whitespace_is_collapsed_and_the_text_stripped() -> None:
    schedule = parse_schedule("  0\t0  12 1 *\n")
    assert schedule.expression == "0\t0  12 1 *"
    assert schedule.next_fire_time(utc(2025, 1, 15), UTC) == utc(2025, 2, 1, 12)


def test_day_of_month_may_be_question_mark_with_five_fields_of_stars() -> None:
    # "*" in both day fields (the documented example) is accepted; so is "?" in both.
    for text in ("0 0 0 * * *", "0 0 0 ? * ?", "0 0 0 ? *"):
        fire = parse_schedule(text).next_fire_time(utc(2025, 1, 15, 12), UTC)
        assert fire == utc(2025, 1, 16), text


# --- strictly after ----------------------------------------------------------------------


def test_after_exactly_a_fire_time_gives_the_next_one() -> None:
    schedule = parse_schedule("0 */15 * * * ?")
    assert schedule.next_fire_time(utc(2025, 1, 15, 10, 15), UTC) == utc(2025, 1, 15, 10, 30)


def test_after_just_before_a_fire_time_gives_that_fire_time() -> None:
    schedule = parse_schedule("0 */15 * * * ?")
    just_before = utc(2025, 1, 15, 10, 15) - timedelta(microseconds=1)
    assert schedule.next_fire_time(just_before, UTC) == utc(2025, 1, 15, 10, 15)


def test_after_just_past_a_fire_time_skips_it() -> None:
    schedule = parse_schedule("00 00 00 * * ")
    just_past = utc(2025, 1, 16) + timedelta(microseconds=1)
    assert schedule.next_fire_time(just_past, UTC) == utc(2025, 1, 17)


# --- the year field ---------------------------------------------------------------------


def test_past_single_year_never_fires() -> None:
    schedule = parse_schedule("0 0 0 1 1 ? 2020")
    assert schedule.next_fire_time(utc(2025, 1, 15), UTC) is None


def test_single_year_fires_only_in_that_year() -> None:
    schedule = parse_schedule("0 0 0 1 * ? 2026")
    after = utc(2025, 1, 15)
    assert schedule.next_fire_time(after, UTC) == utc(2026, 1, 1)
    assert schedule.next_fire_time(utc(2026, 12, 1), UTC) is None


def test_last_supported_year_is_reached_from_far_away() -> None:
    schedule = parse_schedule("0 0 0 1 1 ? 2099")
    assert schedule.next_fire_time(utc(2025, 1, 15), UTC) == utc(2099, 1, 1)


def test_year_star_is_every_year() -> None:
    schedule = parse_schedule("0 0 0 1 1 ? *")
    assert fires(schedule, utc(2025, 1, 15), UTC, 2) == [utc(2026, 1, 1), utc(2027, 1, 1)]


def test_date_that_never_exists_never_fires() -> None:
    assert parse_schedule("0 0 0 31 2 ?").next_fire_time(utc(2025, 1, 15), UTC) is None


def test_leap_day_fires_in_the_next_leap_year() -> None:
    schedule = parse_schedule("0 0 0 29 FEB ?")
    assert schedule.next_fire_time(utc(2025, 1, 15), UTC) == utc(2028, 2, 29)


# --- daylight saving time (America/Los_Angeles) -------------------------------------------


def test_spring_forward_moves_a_missing_0230_to_0300() -> None:
    # 2025-03-09 02:00 PST -> 03:00 PDT: 02:30 does not exist that day.
    schedule = parse_schedule("0 30 2 * * ?")
    assert fires(schedule, local(2025, 3, 7, 12), LA, 4) == [
        utc(2025, 3, 8, 10, 30),  # 02:30 PST
        utc(2025, 3, 9, 10, 0),  # 03:00 PDT, first instant after the gap
        utc(2025, 3, 10, 9, 30),  # 02:30 PDT
        utc(2025, 3, 11, 9, 30),
    ]


def test_spring_forward_from_inside_the_gap_day() -> None:
    schedule = parse_schedule("0 30 2 * * ?")
    assert schedule.next_fire_time(local(2025, 3, 9, 3, 0), LA) == utc(2025, 3, 10, 9, 30)
    assert schedule.next_fire_time(local(2025, 3, 9, 1, 59), LA) == utc(2025, 3, 9, 10, 0)


def test_fall_back_fires_0230_once() -> None:
    # 2025-11-02 02:00 PDT -> 01:00 PST: 02:30 happens once, in standard time.
    schedule = parse_schedule("0 30 2 * * ?")
    assert fires(schedule, local(2025, 10, 31, 12), LA, 3) == [
        utc(2025, 11, 1, 9, 30),  # 02:30 PDT
        utc(2025, 11, 2, 10, 30),  # 02:30 PST
        utc(2025, 11, 3, 10, 30),
    ]


def test_fall_back_fires_a_repeated_wall_time_at_both_instants() -> None:
    schedule = parse_schedule("0 30 1 * * ?")
    assert fires(schedule, local(2025, 11, 1, 12), LA, 3) == [
        utc(2025, 11, 2, 8, 30),  # 01:30 PDT
        utc(2025, 11, 2, 9, 30),  # 01:30 PST, one hour later
        utc(2025, 11, 3, 9, 30),
    ]


def test_dst_fire_times_always_increase() -> None:
    schedule = parse_schedule("0 */30 * * * ?")
    for start in (local(2025, 3, 9, 0), local(2025, 11, 2, 0)):
        times = fires(schedule, start, LA, 12)
        assert times == sorted(times)
        assert len(set(times)) == len(times)


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("* * *", "got 3"),
        ("0 0 0 * * ? * *", "got 8"),
        ("61 * * * * ?", "seconds value 61"),
        ("0 60 * * * ?", "minutes value 60"),
        ("0 0 25 * * ?", "hours value 25"),
        ("0 0 0 32 * ?", "day-of-month value 32"),
        ("0 0 0 0 * ?", "day-of-month value 0"),
        ("0 0 0 1 13 ?", "month value 13"),
        ("0 0 0 ? * 0", "day-of-week value 0"),
        ("0 0 0 ? * 8", "day-of-week value 8"),
        ("0 0 0 L * ?", "Quartz special 'L'"),
        ("0 0 0 LW * ?", "Quartz special 'LW'"),
        ("0 0 0 15W * ?", "Quartz special '15W'"),
        ("0 0 0 ? * 6L", "Quartz special '6L'"),
        ("0 0 0 ? * FRI#3", "Quartz special 'FRI#3'"),
        ("abc def ghi jkl mno", "'ABC' is not a valid seconds value"),
        ("0 0 0 ? * JUL", "'JUL' is not a valid day-of-week value"),
        ("0 0 0 1 MON ?", "'MON' is not a valid month value"),
        ("? 0 0 * * ?", "'?' is only allowed"),
        ("0 0 0 1 * MON", "cannot both name days"),
        ("0 */0 * * * ?", "step 0"),
        ("0 *-5 * * * ?", "'*-5'"),
        ("0 1,,2 * * * ?", "'' is not a valid minutes value"),
        ("0 0 0 * * ? 1969", "year 1969"),
        ("0 0 0 * * ? 2020-2030", "single year"),
        ("0 0 0 ? * H", "'H'"),
        ("@daily", "got 1"),
    ],
)
def test_bad_expressions_say_what_is_wrong(expression: str, reason: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(expression)
    assert reason in str(caught.value)
    assert reason in caught.value.reason
    assert caught.value.expression == expression.strip()


def test_schedule_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"invalid schedule expression '\* \* \*'"):
        parse_schedule("* * *")
