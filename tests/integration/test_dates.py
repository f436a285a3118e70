"""Input date-times are read exactly: offsets with minutes, negative offsets under an hour."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import zeep

from ips_emulator.domain.clock import ManualClock
from tests.conftest import ServerFactory
from tests.integration.jobs_support import START, Emulator, emulator, unique_name

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


def fault(caught: pytest.ExceptionInfo[zeep.exceptions.Fault]) -> tuple[int, str]:
    detail = caught.value.detail[0]
    return int(detail.findtext("{*}code")), detail.findtext("{*}reason") or ""


@pytest.mark.parametrize(
    ("operation", "params", "field"),
    [
        ("submitJob", {"execTime": "9999-12-31T23:00:00-07:00"}, "execTime"),  # 10000 in UTC
        ("submitJob", {"execTime": "9999-06-01T00:00:00Z"}, "execTime"),
        ("getJobLogs", {"startDate": "0001-01-01T00:00:00+14:00"}, "startDate"),  # year 0 in UTC
        ("getJobLogs", {"endDate": "0001-01-01T23:59:59Z"}, "endDate"),
    ],
)
def test_instants_outside_the_range_are_30001(
    emulator: Emulator, operation: str, params: dict[str, str], field: str
) -> None:
    if operation == "submitJob":
        params = {**params, "jobName": unique_name("far"),
                  "optimizeImagesJob": {"emailSetting": "None"}}  # fmt: skip
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call(operation, companyHandle="c|6", **params)
    code, reason = fault(caught)
    assert code == 30001
    assert f"'{field}'" in reason
    assert "0001-01-02T00:00:00Z to 9998-12-31T23:59:59.999999Z" in reason
    emulator.call("getScheduledJobs", companyHandle="c|6")  # the company is still served


def test_the_range_edges_are_stored_shown_and_deleted(make_server: ServerFactory) -> None:
    """At the edges, with the server's zone far from UTC both ways, the company keeps working."""
    for zone in ("Pacific/Kiritimati", "Etc/GMT+12"):  # +14:00 and -12:00
        server = make_server(clock=ManualClock(START), timezone=zone)
        emulator = Emulator(server, ManualClock(START), zeep.Client(server.wsdl_url))
        latest = "9998-12-31T23:59:59.999999Z"
        handle = emulator.call(
            "submitJob", companyHandle="c|6", jobName="last", execTime=latest,
            optimizeImagesJob={"emailSetting": "None"},
        )  # fmt: skip
        (scheduled,) = emulator.call("getScheduledJobs", companyHandle="c|6")
        assert scheduled.nextFireTime == datetime(9998, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)
        emulator.call("deleteJob", companyHandle="c|6", jobHandle=handle)
        assert not emulator.call("getScheduledJobs", companyHandle="c|6")
        logs = emulator.call(
            "getJobLogs", companyHandle="c|6",
            startDate="0001-01-02T00:00:00Z", endDate=latest,
        )  # fmt: skip
        assert len(logs) == 2  # the demo data's two job logs


@pytest.mark.parametrize(
    ("at", "later"),
    [  # the demo asset was created at 2007-10-24T23:12:32.297Z
        ("2007-10-24T19:42:32.297-03:30", "2007-10-24T19:42:32.298-03:30"),
        ("2007-10-24T22:42:32.297-00:30", "2007-10-24T22:42:32.298-00:30"),
    ],
)
def test_search_dates_read_offsets_exactly(emulator: Emulator, at: str, later: str) -> None:
    def found(op: str, date: str) -> bool:
        condition = {"field": "Created", "op": op, "dateVal": date}
        result = emulator.call(
            "searchAssets", companyHandle="c|6", includeSubfolders=True,
            systemFieldConditionArray={"items": [condition]},
        )  # fmt: skip
        items = result.assetArray.items if result.assetArray else []
        return "a|732|1|535" in [a.assetHandle for a in items]

    assert found("Equals", at)
    assert found("GreaterThanEquals", at)
    assert not found("GreaterThanEquals", later)
