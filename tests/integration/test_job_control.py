"""Authorization of acting for another user, and job control at its edges: each test
fails if its rule is broken (a second pauseJob, numRows=-1, sort ties, the Done linger)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import zeep

from tests.integration.jobs_support import Emulator, emulator, unique_name

__all__ = ["emulator"]  # the fixture, imported for this module

JPG = ("http://example.com/images/hat.jpg", "control/hat.jpg")
PNG = ("http://example.com/images/logo.png", "control/logo.png")
PLAIN, OTHER = "plain-control@example.com", "other-control@example.com"
OTHER_HANDLE = "u|912|other-control@example.com"


@pytest.fixture(scope="module")
def plain_user(emulator: Emulator) -> zeep.Client:
    """An IpsUser of c|6 (no admin role) and another user of c|6 it might act for."""
    emulator.server.app.seed(
        {
            "users": [
                {"email": PLAIN, "password": "pw", "role": "IpsUser", "companies": ["c|6"]},
                {"email": OTHER, "password": "pw", "role": "IpsUser", "companies": ["c|6"],
                 "handle": OTHER_HANDLE},
            ]
        }
    )  # fmt: skip
    return emulator.client


def fault_of(caught: pytest.ExceptionInfo[zeep.exceptions.Fault]) -> tuple[int, str]:
    detail = caught.value.detail[0]
    return int(detail.findtext("{*}code")), detail.findtext("{*}reason") or ""


@pytest.mark.parametrize(
    ("operation", "params"),
    [
        ("submitJob", {"companyHandle": "c|6", "jobName": "for-other",
                       "optimizeImagesJob": {"emailSetting": "None"}}),
        ("getJobLogs", {"companyHandle": "c|6"}),
    ],
)  # fmt: skip
def test_a_non_admin_may_not_act_for_another_user(
    plain_user: zeep.Client, operation: str, params: dict[str, object]
) -> None:
    header = {"authHeader": {"user": PLAIN, "password": "pw"}}
    method = getattr(plain_user.service, operation)
    method(**params, _soapheaders=header)  # as itself: allowed
    with pytest.raises(zeep.exceptions.Fault) as caught:
        method(**params, userHandle=OTHER_HANDLE, _soapheaders=header)
    code, reason = fault_of(caught)
    assert code == 20004
    assert OTHER_HANDLE in reason


def test_a_second_pause_keeps_the_first_pause_time(emulator: Emulator) -> None:
    start = emulator.clock.now()
    name = unique_name("twice")
    handle = emulator.upload(name, JPG, PNG)  # files at 1.5 s and 2.5 s
    emulator.advance(1.6)
    emulator.call("pauseJob", companyHandle="c|6", jobHandle=handle)
    emulator.advance(100)
    emulator.call("pauseJob", companyHandle="c|6", jobHandle=handle)  # already paused
    emulator.advance(100)
    emulator.call("resumeJob", companyHandle="c|6", jobHandle=handle)  # paused 200 s in all

    def processed(seconds: float) -> int:
        emulator.clock.set(start + timedelta(seconds=seconds))
        (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
        return int(job.taskProgressArray.items[0].numProcessed)

    assert processed(202.4) == 1  # the second file is due at 2.5 s + 200 s
    assert processed(202.6) == 2


@pytest.mark.parametrize("rows", [-1, -2, -2147483648])
def test_negative_num_rows_is_30001(emulator: Emulator, rows: int) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call("getJobLogs", companyHandle="c|6", numRows=rows)
    code, reason = fault_of(caught)
    assert code == 30001
    assert "'numRows'" in reason


def test_job_log_ties_on_the_sort_key_follow_submission_order(emulator: Emulator) -> None:
    names = [unique_name("tie") for _ in range(3)]
    for name in names:  # the same instant: equal StartDate
        emulator.call("submitJob", companyHandle="c|6", jobName=name,
                      optimizeImagesJob={"emailSetting": "None"})  # fmt: skip
    emulator.advance(10)

    def order(direction: str) -> list[str]:
        logs = emulator.call("getJobLogs", companyHandle="c|6", sortBy="StartDate",
                             sortDirection=direction)  # fmt: skip
        return [log.originalJobName for log in logs if log.originalJobName in names]

    assert order("Ascending") == names
    assert order("Descending") == names[::-1]  # newest first, ties too


def test_job_log_detail_ties_keep_writing_order(emulator: Emulator) -> None:
    name = unique_name("entries")
    emulator.upload(name, JPG)
    emulator.advance(10)
    opening = ["BeginUpload", "OriginalJobName", "JobClient", "JobType", "TotalFileCount"]
    ascending = emulator.details(name, sortBy="Date", sortDirection="Ascending")
    types = [entry.logType for entry in ascending.detailArray.items]
    assert types[:5] == opening  # all written at 0.5 s
    descending = emulator.details(name, sortBy="Date", sortDirection="Descending")
    types = [entry.logType for entry in descending.detailArray.items]
    assert types[-5:] == opening[::-1]


def test_done_jobs_stay_active_exactly_five_seconds(emulator: Emulator) -> None:
    name = unique_name("linger")
    emulator.upload(name, JPG)
    emulator.advance(30)
    (log,) = emulator.call("getJobLogs", companyHandle="c|6", sortBy="StartDate", numRows=1)
    assert log.originalJobName == name
    emulator.clock.set(log.endDate + timedelta(seconds=5))
    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert job.state == "Done"
    emulator.clock.set(log.endDate + timedelta(seconds=5, milliseconds=1))
    assert not emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)


def test_asset_job_log_ties_keep_writing_order(emulator: Emulator) -> None:
    """Two uploads over the demo asset at one instant: two entries with one date."""
    first, second = unique_name("over"), unique_name("over")
    target = ("http://example.com/blakexslttest.jpg", "blakexslttest.jpg")
    emulator.upload(first, target)
    emulator.upload(second, target)
    emulator.advance(10)
    entries = emulator.call("getAssetJobLogs", companyHandle="c|6", assetHandle="a|732|1|535")
    ours = [e for e in entries if e.jobName.split("_")[0] in (first, second)]
    assert [e.jobName.split("_")[0] for e in ours] == [first, second]
    assert ours[0].logDate == ours[1].logDate
