"""Jobs that run: submitJob, getActiveJobs, stop, pause, resume, delete, execute."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import zeep

from tests.conftest import ServerFactory, demo_header
from tests.helpers import NS_2008, auth_header, envelope, post
from tests.integration.jobs_support import START, Emulator, emulator, unique_name

__all__ = ["emulator"]  # the fixture, imported for this module

JPG = ("http://example.com/images/hat.jpg", "jobs/hat.jpg")
PNG = ("https://example.com/images/scarf.png", "jobs/scarf.png")


@pytest.fixture(autouse=True)
def _restarted(emulator: Emulator) -> None:
    # Each test starts from the module's first state, so none depends on which ran before
    # it (job names carry the clock's time, schedules fire by it).
    emulator.restart()


def fault_code(caught: pytest.ExceptionInfo[zeep.exceptions.Fault]) -> tuple[str, int, str]:
    detail = caught.value.detail[0]
    return caught.value.message, int(detail[0].text), detail[1].text


def test_upload_job_moves_new_running_done(emulator: Emulator) -> None:
    name = unique_name("upload")
    handle = emulator.upload(name, JPG, PNG)
    assert handle == f"j|6|{name}||"  # the recorded real shape of submitJob's handle

    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert job.state == "New"
    assert job.type == "UrlUpload"
    assert job.originalName == name
    assert re.fullmatch(rf"{name}_2026-01-05-12:00:00\.000", job.name)
    assert re.fullmatch(rf"j\|6\|\|{re.escape(job.name)}\|\d+", job.jobHandle)
    assert job.submitUserEmail == "demo@ips-emulator.test"
    assert job.serverName == "ips-emulator"
    assert job.uploadUrlsJob.urlArray.items[0].sourceUrl == JPG[0]

    emulator.advance(1.6)  # begun, first file done
    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert (job.state, job.progress, job.progressMessage) == ("Running", 50, "Optimizing files")
    task = job.taskProgressArray.items[0]
    assert (task.numProcessed, task.numProcessing, task.numPending) == (1, 1, 0)

    emulator.advance(1.5)  # second file and the end entry
    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert (job.state, job.progress) == ("Done", 100)
    emulator.advance(10)  # finished runs leave the active list
    assert not emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)


def test_upload_job_writes_entries_and_creates_assets(emulator: Emulator) -> None:
    name = unique_name("upload")
    bad = ("file:///etc/passwd", "jobs/passwd.jpg")
    odd = ("http://example.com/x.unknown", "jobs/x.unknown")
    emulator.upload(name, ("http://example.com/a.jpg", "logs/a.jpg"), bad, odd)
    emulator.advance(10)
    log = emulator.details(name)
    types = [d.logType for d in log.detailArray.items]
    assert types == [
        "BeginUpload", "OriginalJobName", "JobClient", "JobType", "TotalFileCount",
        "UploadSuccess", "UploadError", "UploadError", "EndUpload",
    ]  # fmt: skip
    details = log.detailArray.items
    assert details[1].logMessage == name
    assert details[5].logMessage == "ApiTestCo/logs/a.jpg was processed into IPS"
    assert details[5].assetName == "a"  # the file name without its extension
    assert details[5].assetType == "MasterImage"
    assert details[6].logMessage == "file:///etc/passwd could not be downloaded."
    assert details[7].logMessage == "ApiTestCo/jobs/x.unknown is not a supported file type."
    assert (log.fileSuccessCount, log.fileErrorCount, log.totalFileCount) == (1, 2, 3)
    assert log.detailTotalRows == 9
    # The docs' JobLog examples (docs/reference/ips-api/SPEC.md G8).
    assert log.logType == "BeginUpload"

    asset_handle = details[5].assetHandle
    entries = emulator.call("getAssetJobLogs", companyHandle="c|6", assetHandle=asset_handle)
    assert [(e.logType, e.jobName) for e in entries] == [("UploadSuccess", log.jobName)]

    again = unique_name("reupload")
    emulator.upload(again, ("http://example.com/a.jpg", "logs/a.jpg"))
    emulator.advance(10)
    entries = emulator.call("getAssetJobLogs", companyHandle="c|6", assetHandle=asset_handle)
    assert [e.logType for e in entries] == ["UploadSuccess", "FileUpdated"]
    assert entries[1].logMessage == "ApiTestCo/logs/a.jpg was processed into IPS."
    french = emulator.call(
        "getAssetJobLogs", _locale="fr-FR", companyHandle="c|6", assetHandle=asset_handle
    )
    assert french[1].logMessage == "ApiTestCo/logs/a.jpg a été traité dans IPS."


def test_asset_lookups_see_uploads_once_due(emulator: Emulator) -> None:
    emulator.upload(unique_name("due"), ("http://example.com/due.jpg", "due/due.jpg"))

    def found() -> list[str]:
        hits = emulator.call("getAssetsByName", companyHandle="c|6",
                             nameArray={"items": ["due"]})  # fmt: skip
        searched = emulator.call("searchAssets", companyHandle="c|6", includeSubfolders=True,
                                 folder="due/")  # fmt: skip
        listed = searched.assetArray.items if searched.assetArray else []
        return [a.name for a in (hits or [])] + [a.name for a in listed]

    assert found() == []
    emulator.advance(10)  # no job operation called meanwhile
    assert found() == ["due", "due"]


def test_stop_job_cancels_remaining_files(emulator: Emulator) -> None:
    name = unique_name("stopped")
    files = [(f"http://example.com/{i}.png", f"stop/{name}-{i}.png") for i in range(3)]
    handle = emulator.upload(name, *files)
    emulator.advance(1.6)
    emulator.call("stopJob", companyHandle="c|6", jobHandle=handle)
    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert job.state == "Done"
    log = emulator.details(name)
    assert [d.logType for d in log.detailArray.items][5:] == [
        "UploadSuccess", "FileCancel", "FileCancel", "EndUpload",
    ]  # fmt: skip
    cancelled = log.detailArray.items[6].logMessage
    assert cancelled == f"Processing of ApiTestCo/stop/{name}-1.png was cancelled."
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call("stopJob", companyHandle="c|6", jobHandle=handle)
    assert fault_code(caught)[:2] == ("ipsApiFault", 30001)


def test_pause_and_resume_a_running_job(emulator: Emulator) -> None:
    name = unique_name("paused")
    handle = emulator.upload(name, JPG, PNG)
    emulator.advance(1.6)
    emulator.call("pauseJob", companyHandle="c|6", jobHandle=handle)
    emulator.advance(60)
    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert (job.state, job.progress, job.progressMessage) == ("Running", 50, "Paused")
    emulator.call("resumeJob", companyHandle="c|6", jobHandle=handle)
    emulator.advance(2)
    (job,) = emulator.call("getActiveJobs", companyHandle="c|6", originalName=name)
    assert job.state == "Done"


def test_scheduled_job_fires_pauses_resumes_executes_and_deletes(emulator: Emulator) -> None:
    # Half past: no fire time falls on an instant the test submits, resumes or reads at
    # (those edges are tests/unit/domain/test_fire_boundaries.py's).
    emulator.advance(30 * 60)
    name = unique_name("nightly")
    publish = {"publishType": "Full", "emailSetting": "None"}
    handle = emulator.call(
        "submitJob", companyHandle="c|6", jobName=name, execSchedule="0 0 * * * ?",
        locale="fr-FR", description="hourly publish", imageServingPublishJob=publish,
    )  # fmt: skip
    (scheduled,) = emulator.call("getScheduledJobs", companyHandle="c|6", originalName=name)
    assert scheduled.jobHandle == handle
    assert scheduled.triggerState == "Normal"
    assert scheduled.execSchedule == "0 0 * * * ?"
    assert scheduled.locale == "fr-FR"
    assert scheduled.description == "hourly publish"
    assert scheduled.imageServingPublishJob.publishType == "Full"
    assert scheduled.nextFireTime == START + timedelta(hours=1)

    emulator.call("pauseJob", companyHandle="c|6", jobHandle=handle)
    (scheduled,) = emulator.call("getScheduledJobs", companyHandle="c|6", originalName=name)
    assert scheduled.triggerState == "Paused"
    emulator.advance(2 * 3600)  # 14:30: 13:00 and 14:00 pass while paused
    assert emulator.details(name) is None  # nothing ran while paused

    emulator.call("resumeJob", companyHandle="c|6", jobHandle=handle)
    emulator.advance(3600)  # 15:30
    logs = emulator.call("getJobLogs", companyHandle="c|6", numRows=50)
    runs = [log for log in logs if log.originalJobName == name]
    assert len(runs) == 1
    assert runs[0].startDate == START + timedelta(hours=3)  # 15:00, the first after resuming
    assert runs[0].logType == "BeginImageServingPublish"
    assert runs[0].jobSubType == "full"

    emulator.call("executeJob", companyHandle="c|6", jobHandle=handle)
    logs = emulator.call("getJobLogs", companyHandle="c|6", numRows=50)
    assert len([log for log in logs if log.originalJobName == name]) == 2

    emulator.call("deleteJob", companyHandle="c|6", jobHandle=handle)
    assert not emulator.call("getScheduledJobs", companyHandle="c|6", originalName=name)
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call("executeJob", companyHandle="c|6", jobHandle=handle)
    assert fault_code(caught)[:2] == ("ipsApiFault", 30001)


def test_future_exec_time_runs_once_at_that_time(emulator: Emulator) -> None:
    name = unique_name("later")
    when = emulator.clock.now().replace(microsecond=0) + timedelta(hours=1)
    emulator.call(
        "submitJob", companyHandle="c|6", jobName=name, execTime=when,
        optimizeImagesJob={"emailSetting": "None"},
    )  # fmt: skip
    (scheduled,) = emulator.call("getScheduledJobs", companyHandle="c|6", originalName=name)
    assert scheduled.nextFireTime == when
    emulator.advance(3600 + 120)
    assert not emulator.call("getScheduledJobs", companyHandle="c|6", originalName=name)
    log = emulator.details(name)
    assert log.startDate == when
    assert log.detailArray.items[0].logType == "BeginReoptimize"


def test_publish_job_logs_against_each_asset(emulator: Emulator) -> None:
    name = unique_name("publish")
    emulator.call(
        "submitJob", companyHandle="c|6", jobName=name,
        imageServingPublishJob={"publishType": "Full", "emailSetting": "None"},
    )  # fmt: skip
    emulator.advance(600)
    entries = emulator.call("getAssetJobLogs", companyHandle="c|6", assetHandle="a|732|1|535")
    published = [e for e in entries if e.jobName.startswith(name)]
    assert [(e.logType, e.logMessage) for e in published] == [
        ("ImageServingPublishSuccess", "ApiTestCo/blakexslttest.jpg was published.")
    ]


@pytest.mark.parametrize(
    ("params", "code", "needle"),
    [
        ({"jobName": "x"}, 30002, "submitJob needs exactly one of"),
        (
            {"jobName": "x", "optimizeImagesJob": {"emailSetting": "None"},
             "imageServingPublishJob": {"publishType": "Full", "emailSetting": "None"}},
            30001, "Only one job type",
        ),
        (
            {"jobName": "x", "execSchedule": "0 0 * * * ?",
             "execTime": "2030-01-01T00:00:00Z", "optimizeImagesJob": {"emailSetting": "None"}},
            30001, "execTime and execSchedule",
        ),
        (
            {"jobName": "x", "execSchedule": "every day",
             "optimizeImagesJob": {"emailSetting": "None"}},
            30001, "execSchedule",
        ),
        *(
            ({"jobName": "x", "execSchedule": every,
              "optimizeImagesJob": {"emailSetting": "None"}},
             30001, "fires more often than once a minute")
            # every second; twice a minute; 59 s then 1 s; every second of day 1 only
            for every in ("* * * * * ?", "0/30 * * * * ?", "0,59 * * * * ?", "* * * 1 * ?")
        ),
    ],
)  # fmt: skip
def test_submit_job_rules(
    emulator: Emulator, params: dict[str, object], code: int, needle: str
) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call("submitJob", companyHandle="c|6", **params)
    element, got, reason = fault_code(caught)
    assert (element, got) == ("ipsApiFault", code)
    assert needle in reason


def test_unknown_job_handle_is_30001(emulator: Emulator) -> None:
    for operation in ("stopJob", "pauseJob", "resumeJob", "deleteJob", "executeJob"):
        with pytest.raises(zeep.exceptions.Fault) as caught:
            emulator.call(operation, companyHandle="c|6", jobHandle="j|6|nope||")
        assert fault_code(caught)[1] == 30001
        assert "jobHandle" in fault_code(caught)[2]


def test_instant_speed_finishes_within_submit(make_test_server: ServerFactory) -> None:
    from ips_emulator.config import INSTANT

    server = make_test_server(job_speed=INSTANT)
    client = zeep.Client(server.wsdl_url)
    job = {"urlArray": {"items": [{"sourceUrl": JPG[0], "destPath": JPG[1]}]},
           "overwrite": True, "readyForPublish": True, "createMask": False,
           "emailSetting": "None"}  # fmt: skip
    client.service.submitJob(
        companyHandle="c|6", jobName="quick", uploadUrlsJob=job, _soapheaders=demo_header()
    )
    logs = client.service.getJobLogDetails(
        companyHandle="c|6", originalName="quick", _soapheaders=demo_header()
    )
    assert logs[0].detailArray.items[-1].logType == "EndUpload"
    (active,) = client.service.getActiveJobs(
        companyHandle="c|6", originalName="quick", _soapheaders=demo_header()
    )
    assert active.state == "Done"


def test_submit_job_without_job_name_is_30002(emulator: Emulator) -> None:
    """zeep refuses to send this, so the request is written by hand."""
    body = (
        f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>"
        "</submitJobParam>"
    )
    answer = post(emulator.server.service_url, envelope(body, auth_header()))
    assert answer.fault()[2:4] == ("ipsApiFault", 30002)
    assert "jobName" in answer.fault()[4]


def test_upload_without_overwrite_skips_existing_files(emulator: Emulator) -> None:
    first, second = unique_name("orig"), unique_name("dup")
    target = ("http://example.com/dup.jpg", f"dup/{first}.jpg")
    emulator.upload(first, target)
    emulator.advance(10)
    emulator.upload(second, target, overwrite_files=False)
    emulator.advance(10)
    log = emulator.details(second)
    skipped = log.detailArray.items[5]
    assert (skipped.logType, skipped.logMessage) == (
        "DuplicateSkipped",
        f"ApiTestCo/dup/{first}.jpg already exists and was skipped.",
    )
    assert log.fileDuplicateCount == 1


@pytest.mark.parametrize(
    "dest",
    ["../OtherCo/x.jpg", "a/../../OtherCo/x.jpg", "ApiTestCo/..", "a\\..\\..\\x.jpg", "/../x.jpg"],
)
def test_upload_dest_path_with_dot_dot_is_refused(emulator: Emulator, dest: str) -> None:
    name = unique_name("escape")
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.upload(
            name, ("http://example.com/ok.jpg", "ok.jpg"), ("http://example.com/x.jpg", dest)
        )
    element, code, reason = fault_code(caught)
    assert (element, code) == ("ipsApiFault", 30001)
    assert "'uploadUrlsJob/urlArray/items[2]/destPath'" in reason
    assert "'..' segments are not allowed" in reason
    assert emulator.details(name) is None  # nothing was submitted, not even the good file


def test_dots_inside_a_name_are_not_a_segment(emulator: Emulator) -> None:
    name = unique_name("dots")
    emulator.upload(name, ("http://example.com/x.jpg", f"dots/{name}..v2.jpg"))
    emulator.advance(10)
    log = emulator.details(name)
    assert log.detailArray.items[5].logMessage == (
        f"ApiTestCo/dots/{name}..v2.jpg was processed into IPS"
    )
