"""submitJob and the operations that watch and steer jobs: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ips_emulator.domain import jobs
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.job_plans import JOB_TYPES
from ips_emulator.protocol.convert import to_plain
from ips_emulator.protocol.operations import PARAMS, RESULTS, SINCE
from ips_emulator.protocol.schema import Operation
from ips_emulator.records import RunRecord, SubmissionRecord

SERVER_NAME = "ips-emulator"
UPLOAD_TASK = "com.scene7.upload.UploadAsyncTaskMonitor"  # as recorded from the real service


def submitJob(scope: RequestScope, param: Any) -> dict[str, Any]:
    structs = {name: getattr(param, name, None) for name in JOB_TYPES}
    request = jobs.JobRequest(
        company_handle=param.companyHandle,
        user_handle=param.userHandle,
        job_name=param.jobName,
        # 4.0 parameters: pre-4.0 requests have no such attribute.
        locale=getattr(param, "locale", None),
        exec_time=param.execTime,
        exec_schedule=param.execSchedule,
        description=getattr(param, "description", None),
        jobs={
            name: to_plain(value)
            for name, value in structs.items()
            if name in type(param).get_flat_type_info(type(param))
        },
    )
    return {"jobHandle": jobs.submit_job(scope, request)}


def _task_progress(run: RunRecord, progress: jobs.Progress) -> dict[str, Any]:
    if run.job_type not in ("UrlUpload", "UploadFromServerDirectory", "ReprocessAssets"):
        return {"items": []}
    running = run.state == "Running" and progress.files_done < progress.files_total
    pending = progress.files_total - progress.files_done - (1 if running else 0)
    fraction = progress.files_done / progress.files_total if progress.files_total else 0.0
    return {
        "items": [
            {
                "taskType": UPLOAD_TASK,
                "taskState": run.state,
                "numProcessed": progress.files_done,
                "numProcessing": 1 if running else 0,
                "numPending": max(pending, 0),
                "progress": 1.0 if run.state == "Done" else fraction,
                "progressMessage": "",
                "lastProgressUpdate": run.last_progress or run.created,
                "taskItemProgressArray": {"items": []},
            }
        ]
    }


def active_job(run: RunRecord) -> dict[str, Any]:
    progress = jobs.progress_of(run)
    item: dict[str, Any] = {
        "companyHandle": run.company_handle,
        "jobHandle": run.handle,
        "name": run.name,
        "originalName": run.original_name,
        "type": run.job_type,
        "state": run.state,
        "submitUserEmail": run.submit_user_email,
        "locale": run.locale,
        "description": run.description or None,
        "serverName": SERVER_NAME,
        "startDate": run.created,
        "triggerTime": run.created,
        "totalSize": 0,
        "progress": progress.percent,
        "progressMessage": progress.message,
        "lastProgressUpdate": run.last_progress or run.created,
        "taskProgressArray": _task_progress(run, progress),
    }
    item.update(run.spec or {})
    return item


def getActiveJobs(scope: RequestScope, param: Any) -> dict[str, Any]:
    runs = jobs.get_active_jobs(scope, param.companyHandle, param.jobHandle, param.originalName)
    return {"jobArray": {"items": [active_job(run) for run in runs]}}


def _zone_name(scope: RequestScope, when: datetime | None) -> str:
    return (when or scope.clock.now()).astimezone(scope.zone).tzname() or "UTC"


def scheduled_job(scope: RequestScope, submission: SubmissionRecord) -> dict[str, Any]:
    item: dict[str, Any] = {
        "companyHandle": submission.company_handle,
        "jobHandle": submission.handle,
        "name": submission.name,
        "originalName": submission.name,
        "type": submission.job_type,
        "submitUserEmail": submission.submit_user_email,
        "locale": submission.locale,
        "description": submission.description,
        "execSchedule": submission.exec_schedule,
        "nextFireTime": submission.next_fire_time,
        "timeZone": _zone_name(scope, submission.next_fire_time),
        "triggerState": submission.trigger_state,
    }
    item.update(submission.spec)
    return item


def getScheduledJobs(scope: RequestScope, param: Any) -> dict[str, Any]:
    found = jobs.get_scheduled_jobs(scope, param.companyHandle, param.jobHandle, param.originalName)
    return {"jobArray": {"items": [scheduled_job(scope, s) for s in found]}}


JobAction = Callable[[RequestScope, str | None, str | None], None]


def _steer(action: JobAction) -> Callable[[RequestScope, Any], dict[str, Any]]:
    """stopJob, pauseJob, ...: companyHandle and jobHandle in, an empty Return out."""

    def handler(scope: RequestScope, param: Any) -> dict[str, Any]:
        action(scope, param.companyHandle, param.jobHandle)
        return {}

    return handler


OPERATIONS = tuple(
    Operation(name, PARAMS[name], RESULTS[name], handler, SINCE.get(name))
    for name, handler in (
        ("submitJob", submitJob),
        ("getActiveJobs", getActiveJobs),
        ("getScheduledJobs", getScheduledJobs),
        ("stopJob", _steer(jobs.stop_job)),
        ("pauseJob", _steer(jobs.pause_job)),
        ("resumeJob", _steer(jobs.resume_job)),
        ("deleteJob", _steer(jobs.delete_job)),
        ("executeJob", _steer(jobs.execute_job)),
    )
)
