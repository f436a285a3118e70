"""submitJob and the operations that watch and steer jobs.

As docs/reference/ips-api/SPEC.md 1.4-1.11, G16 and G17 describe them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ips_emulator.domain import job_plans, job_runner
from ips_emulator.domain.auth import (
    company_for_caller,
    company_ids_for_caller,
    require_caller,
    target_user,
)
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.schedule import Schedule, ScheduleError, parse_schedule
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter, missing_parameter
from ips_emulator.records import RunRecord, SubmissionRecord
from ips_emulator.storage import jobs

#: How long a finished run stays in getActiveJobs (state Done), in emulator time.
DONE_LINGER = timedelta(seconds=5)


def _one_job_struct(jobs_given: Mapping[str, Any]) -> tuple[str, Any]:
    present = [(name, value) for name, value in jobs_given.items() if value is not None]
    if not present:
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_MISSING_PARAMETER,
            "Missing job: submitJob needs exactly one of " + ", ".join(jobs_given) + ".",
        )
    if len(present) > 1:
        names = " and ".join(name for name, _ in present)
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
            f"Only one job type may be given per submitJob, got {names}.",
        )
    return present[0]


@dataclass(frozen=True, slots=True)
class JobRequest:
    company_handle: str | None
    user_handle: str | None
    job_name: str | None
    locale: str | None
    exec_time: datetime | None
    exec_schedule: str | None
    description: str | None
    #: Job struct name -> its value (wire names), None for those not given.
    jobs: Mapping[str, Any]


def submit_job(scope: RequestScope, request: JobRequest) -> str:
    """Record the job and start it now, or schedule it; the handle submitJob returns."""
    if not request.company_handle:
        raise missing_parameter("companyHandle")
    if not request.job_name:
        raise missing_parameter("jobName")
    company = company_for_caller(scope, request.company_handle)
    struct_name, job = _one_job_struct(request.jobs)
    job_plans.check_upload_paths(struct_name, job)
    if request.exec_time is not None and request.exec_schedule:
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
            "Give at most one of execTime and execSchedule.",
        )
    email_user = target_user(scope, request.user_handle, company.id)
    now = scope.clock.now()
    next_fire = _first_fire(scope, request, now)
    handle = f"j|{job_runner.company_number(company.handle)}|{request.job_name}||"
    submission_id = jobs.add_submission(
        scope.store,
        handle=handle,
        company_id=company.id,
        submit_user_id=require_caller(scope).user_id,
        email_user_id=email_user.id,
        name=request.job_name,
        job_type=job_plans.JOB_TYPES[struct_name],
        spec={struct_name: job},
        locale=request.locale,
        description=request.description,
        exec_time=scope.in_server_zone(request.exec_time),
        exec_schedule=request.exec_schedule or None,
        next_fire_time=next_fire,
        trigger_state="Normal" if next_fire is not None else "Complete",
        created=now,
    )
    if next_fire is None:
        job_runner.start_run(scope, jobs.get_submission(scope.store, submission_id), now)
    return handle


#: The most often a schedule may fire: every run is a job with its log, and a schedule
#: firing every second would pile up 86,400 of them a day (docs/decisions.md).
MIN_INTERVAL = timedelta(minutes=1)
#: Gaps checked from the first fire time: the finest field's values repeat within them.
_GAPS_CHECKED = 5


def _check_interval(scope: RequestScope, text: str, schedule: Schedule, first: datetime) -> None:
    fire = first
    for _ in range(_GAPS_CHECKED):
        following = schedule.next_fire_time(fire, scope.zone)
        if following is None:
            return
        if following - fire < MIN_INTERVAL:
            raise invalid_parameter(
                "execSchedule", text, "it fires more often than once a minute, the emulator's limit"
            )
        fire = following


def _first_fire(scope: RequestScope, request: JobRequest, now: datetime) -> datetime | None:
    """None: run now. An execTime in the past runs now too."""
    if request.exec_schedule:
        try:
            schedule = parse_schedule(request.exec_schedule)
        except ScheduleError as exc:
            raise invalid_parameter("execSchedule", request.exec_schedule, str(exc)) from None
        # At or after now: a schedule submitted on one of its fire times fires then.
        first = schedule.next_fire_time(now - job_runner.INSTANT_STEP, scope.zone)
        if first is None:
            raise invalid_parameter("execSchedule", request.exec_schedule, "it never fires")
        _check_interval(scope, request.exec_schedule, schedule, first)
        return first
    when = scope.in_server_zone(request.exec_time)
    if when is not None:
        return when if when > now else None
    return None


def get_active_jobs(
    scope: RequestScope,
    company_handle: str | None,
    job_handle: str | None,
    original_name: str | None,
) -> list[RunRecord]:
    company_ids = company_ids_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, company_ids)
    since = scope.clock.now() - DONE_LINGER
    return jobs.active_runs(scope.store, company_ids, job_handle, original_name, since)


def get_scheduled_jobs(
    scope: RequestScope,
    company_handle: str | None,
    job_handle: str | None,
    original_name: str | None,
) -> list[SubmissionRecord]:
    if not company_handle:
        raise missing_parameter("companyHandle")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    return jobs.scheduled(scope.store, company.id, job_handle, original_name)


@dataclass(frozen=True, slots=True)
class _Target:
    submission: SubmissionRecord | None  # a schedule still to fire
    run: RunRecord | None  # a run that has not finished


def _target(scope: RequestScope, company_handle: str | None, job_handle: str | None) -> _Target:
    if not company_handle:
        raise missing_parameter("companyHandle")
    if not job_handle:
        raise missing_parameter("jobHandle")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    submission = jobs.find_submission(scope.store, company.id, job_handle)
    if submission is not None and submission.trigger_state not in jobs.SCHEDULED_STATES:
        submission = None
    run = jobs.find_run(scope.store, company.id, job_handle)
    if run is not None and run.state == "Done":
        run = None
    if submission is None and run is None:
        known = jobs.find_run(scope.store, company.id, job_handle) is not None
        why = "the job has already finished" if known else "no such job in this company"
        raise invalid_parameter("jobHandle", job_handle, why)
    return _Target(submission, run)


def stop_job(scope: RequestScope, company_handle: str | None, job_handle: str | None) -> None:
    target = _target(scope, company_handle, job_handle)
    if target.run is None:
        raise invalid_parameter("jobHandle", job_handle, "the job is scheduled but not running")
    job_runner.cancel(scope, target.run)


def pause_job(scope: RequestScope, company_handle: str | None, job_handle: str | None) -> None:
    target = _target(scope, company_handle, job_handle)
    if target.submission is not None:
        jobs.update_submission(scope.store, target.submission.id, trigger_state="Paused")
    elif target.run is not None and target.run.paused_at is None:
        jobs.update_run(scope.store, target.run.id, paused_at=scope.clock.now())


def resume_job(scope: RequestScope, company_handle: str | None, job_handle: str | None) -> None:
    target = _target(scope, company_handle, job_handle)
    now = scope.clock.now()
    if target.submission is not None and target.submission.trigger_state == "Paused":
        _resume_schedule(scope, target.submission, now)
    elif target.run is not None and target.run.paused_at is not None:
        paused = (now - target.run.paused_at).total_seconds()
        jobs.update_run(
            scope.store,
            target.run.id,
            paused_at=None,
            paused_seconds=target.run.paused_seconds + paused,
        )
    else:
        raise invalid_parameter("jobHandle", job_handle, "the job is not paused")


def _resume_schedule(scope: RequestScope, submission: SubmissionRecord, now: datetime) -> None:
    """Fire times missed while paused are skipped; a past execTime fires at once.

    "Missed" is strictly before ``now``: a fire time at the resume instant is due then,
    whatever the paused trigger's stored next fire time was.
    """
    next_fire = submission.next_fire_time
    if submission.exec_schedule and next_fire is not None and next_fire < now:
        next_fire = job_runner.first_fire_from(scope, submission, now)
    jobs.update_submission(
        scope.store, submission.id, trigger_state="Normal", next_fire_time=next_fire
    )
    job_runner.bring_up_to_date(scope, [submission.company_id])


def delete_job(scope: RequestScope, company_handle: str | None, job_handle: str | None) -> None:
    """A schedule is removed (its past runs keep their logs); a running job is stopped."""
    target = _target(scope, company_handle, job_handle)
    if target.run is not None:
        job_runner.cancel(scope, target.run)
    if target.submission is not None:
        jobs.delete_submission(scope.store, target.submission.id)


def execute_job(scope: RequestScope, company_handle: str | None, job_handle: str | None) -> None:
    """Run a scheduled job now, leaving its schedule as it is."""
    target = _target(scope, company_handle, job_handle)
    if target.submission is None:
        raise invalid_parameter("jobHandle", job_handle, "only a scheduled job can be executed")
    job_runner.start_run(scope, target.submission, scope.clock.now())


#: ActiveJob/progressMessage while a run works, as recorded from the real service.
PROGRESS_MESSAGES = {
    "UrlUpload": "Optimizing files",
    "UploadFromServerDirectory": "Optimizing files",
    "ReprocessAssets": "Optimizing files",
    "ImageServingPublish": "Starting to generate manifest files.",
}


@dataclass(frozen=True, slots=True)
class Progress:
    percent: int
    files_done: int
    files_total: int
    message: str


def progress_of(run: RunRecord) -> Progress:
    """How far a run is, from its plan and the steps that have happened."""
    plan = run.plan or []
    file_indexes = [i for i, step in enumerate(plan) if job_plans.is_file_step(step)]
    done = sum(1 for i in file_indexes if i < run.steps_done)
    total = len(file_indexes)
    if run.state == "Done":
        return Progress(100, done, total, "")
    if run.state == "New":
        return Progress(0, 0, total, "")
    if run.paused_at is not None:
        message = "Paused"
    else:
        message = PROGRESS_MESSAGES.get(run.job_type, "Processing files")
    return Progress(done * 100 // total if total else 0, done, total, message)
