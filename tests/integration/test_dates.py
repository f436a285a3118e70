"""Input date-times are read exactly: offsets with minutes, negative offsets under an hour."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.integration.jobs_support import Emulator, emulator, unique_name

__all__ = ["emulator"]  # the fixture, imported for this module


@pytest.mark.parametrize(
    ("sent", "instant"),
    [
        ("2026-06-01T10:00:00-03:30", datetime(2026, 6, 1, 13, 30, tzinfo=UTC)),
        ("2026-06-01T10:00:00-00:30", datetime(2026, 6, 1, 10, 30, tzinfo=UTC)),
        ("2026-06-01T10:00:00+05:45", datetime(2026, 6, 1, 4, 15, tzinfo=UTC)),
        ("2026-06-01T10:00:00.25+00:30", datetime(2026, 6, 1, 9, 30, 0, 250000, tzinfo=UTC)),
        ("2026-06-01T10:00:00", datetime(2026, 6, 1, 10, 0, tzinfo=UTC)),  # the server's zone
    ],
)
def test_exec_time_is_the_instant_sent(emulator: Emulator, sent: str, instant: datetime) -> None:
    name = unique_name("exact")
    emulator.call(
        "submitJob", companyHandle="c|6", jobName=name, execTime=sent,
        optimizeImagesJob={"emailSetting": "None"},
    )  # fmt: skip
    (scheduled,) = emulator.call("getScheduledJobs", companyHandle="c|6", originalName=name)
    assert scheduled.nextFireTime == instant


def test_job_log_date_filters_read_offsets_exactly(emulator: Emulator) -> None:
    """A job that starts at 12:00:00Z; the filters put 12:00Z just inside or outside."""
    emulator.clock.set(datetime(2026, 2, 1, 12, 0, tzinfo=UTC))
    name = unique_name("window")
    emulator.call(
        "submitJob", companyHandle="c|6", jobName=name, optimizeImagesJob={"emailSetting": "None"}
    )
    emulator.advance(600)

    def found(**dates: str) -> bool:
        logs = emulator.call("getJobLogs", companyHandle="c|6", **dates) or []
        return any(log.jobName.startswith(name) for log in logs)

    assert found(startDate="2026-02-01T08:30:00-03:30", endDate="2026-02-01T08:31:00-03:30")
    assert not found(startDate="2026-02-01T08:30:01-03:30")  # read as -02:30: 11:00:01Z
    assert found(startDate="2026-02-01T11:30:00-00:30", endDate="2026-02-01T11:31:00-00:30")
    assert not found(startDate="2026-02-01T11:30:01-00:30")  # read as +00:30: 11:00:01Z
