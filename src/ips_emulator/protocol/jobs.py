"""submitJob and the operations that watch and steer jobs: unpack, call the domain, pack."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ips_emulator.domain import jobs
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.job_plans import JOB_TYPES
from ips_emulator.protocol import params
from ips_emulator.protocol.convert import fields_of_version, to_plain
from ips_emulator.records import RunRecord, SubmissionRecord

SERVER_NAME = "ips-emulator"
UPLOAD_TASK = "com.scene7.upload.UploadAsyncTaskMonitor"  # as recorded from the real service


def submitJob(scope: RequestScope, param: params.SubmitJobParam) -> dict[str, Any]:
    in_version = fields_of_version(param)
    request = jobs.JobRequest(
        company_handle=param.companyHandle,
        user_handle=param.userHandle,
        job_name=param.jobName,
        locale=param.locale,  # 4.0 on: None before
        exec_time=param.execTime,
        exec_schedule=param.execSchedule,
        description=param.description,  # 4.0 on: None before
        # The job structs of the call's version, given or not (the fault names them).
        jobs={name: to_plain(getattr(param, name)) for name in JOB_TYPES if name in in_version},
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


def getActiveJobs(scope: RequestScope, param: params.GetActiveJobsParam) -> dict[str, Any]:
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


def getScheduledJobs(scope: RequestScope, param: params.GetScheduledJobsParam) -> dict[str, Any]:
    found = jobs.get_scheduled_jobs(scope, param.companyHandle, param.jobHandle, param.originalName)
    return {"jobArray": {"items": [scheduled_job(scope, s) for s in found]}}


def stopJob(scope: RequestScope, param: params.StopJobParam) -> dict[str, Any]:
    jobs.stop_job(scope, param.companyHandle, param.jobHandle)
    return {}


def pauseJob(scope: RequestScope, param: params.PauseJobParam) -> dict[str, Any]:
    jobs.pause_job(scope, param.companyHandle, param.jobHandle)
    return {}


def resumeJob(scope: RequestScope, param: params.ResumeJobParam) -> dict[str, Any]:
    jobs.resume_job(scope, param.companyHandle, param.jobHandle)
    return {}


def deleteJob(scope: RequestScope, param: params.DeleteJobParam) -> dict[str, Any]:
    jobs.delete_job(scope, param.companyHandle, param.jobHandle)
    return {}


def executeJob(scope: RequestScope, param: params.ExecuteJobParam) -> dict[str, Any]:
    jobs.execute_job(scope, param.companyHandle, param.jobHandle)
    return {}
