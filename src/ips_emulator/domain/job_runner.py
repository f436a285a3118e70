"""Jobs that run: firing schedules and making each run's steps happen on the clock.

No thread per job and no polling loop: whenever a call looks at a company's jobs
or assets, that company's runs and schedules are first brought up to the emulator
clock's "now" (a job only ever changes its own company, so another tenant's
20,000-file job costs this call nothing). Each
step is written at the instant the plan gives it (start + offset / speed),
so results are the same however often clients poll. Updates are guarded
(``steps_done``/``next_fire_time`` compare-and-set) so that several server
processes on one database never run a step or fire a trigger twice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from ips_emulator.domain import asset_details, job_plans
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_writes import asset_stored
from ips_emulator.domain.schedule import parse_schedule
from ips_emulator.records import NOT_IN_TRASH, AssetRecord, RunRecord, SubmissionRecord
from ips_emulator.storage import assets, directory, job_logs, jobs

#: At most this many missed fire times of one schedule are caught up per call.
MAX_CATCH_UP = 1000
#: The clock's resolution (storage keeps integer microseconds): "just before" an instant.
INSTANT_STEP = timedelta(microseconds=1)


def company_number(company_handle: str) -> str:
    """``c|110`` -> ``110``: the company part of job handles (recorded real handles)."""
    return company_handle.split("|", 1)[1] if company_handle.startswith("c|") else company_handle


def step_time(scope: RequestScope, run: RunRecord, at: float) -> datetime:
    offset = 0.0 if math.isinf(scope.job_speed) else at / scope.job_speed
    return run.created + timedelta(seconds=offset + run.paused_seconds)


def bring_up_to_date(scope: RequestScope, company_ids: Sequence[int] | None) -> None:
    """Fire the companies' due schedules and advance their unfinished runs to now
    (``None``: every company's, for IpsAdmin calls that name none)."""
    now = scope.clock.now()
    if company_ids is None:
        pending = jobs.pending_companies(scope.store, now)
    else:
        pending = [c for c in company_ids if jobs.anything_pending(scope.store, now, c)]
    if not pending:
        return
    _fire_due(scope, pending)
    for run in jobs.unfinished_runs(scope.store, pending):
        advance(scope, run)


def start_run(scope: RequestScope, submission: SubmissionRecord, at: datetime) -> RunRecord:
    company = directory.get_company(scope.store, submission.company_id)
    plan_assets = [
        job_plans.PlanAsset(a.handle, f"{company.root_path}{a.folder}{a.name}", a.asset_type)
        for a in assets.company_assets(scope.store, company.id)
    ]
    struct_name, job = next(iter(submission.spec.items()))
    context = job_plans.PlanContext(
        submission.name, submission.job_type, company.root_path, plan_assets
    )
    local = at.astimezone(scope.zone)
    name = f"{submission.name}_{local:%Y-%m-%d-%H:%M:%S}.{local.microsecond // 1000:03d}"
    run_id = jobs.add_run(
        scope.store,
        handle=f"pending|{submission.id}|{at.timestamp()}",
        company_id=company.id,
        submit_user_id=submission.submit_user_id,
        submission_id=submission.id,
        name=name,
        original_name=submission.name,
        job_type=submission.job_type,
        locale=submission.locale,
        description=submission.description or "",
        created=at,
        state="New",
        spec=dict(submission.spec),
        plan=job_plans.build_plan(context, struct_name, job),
        steps_done=0,
        last_progress=at,
    )
    jobs.set_run_handle(scope.store, run_id, f"j|{company_number(company.handle)}||{name}|{run_id}")
    run = jobs.get_run(scope.store, run_id)
    advance(scope, run)
    return jobs.get_run(scope.store, run_id)


def advance(scope: RequestScope, run: RunRecord) -> None:
    """Make the run's due steps happen (nothing if paused or already done)."""
    if run.plan is None or run.paused_at is not None or run.state == "Done":
        return
    now = scope.clock.now()
    plan = run.plan
    due = run.steps_done
    while due < len(plan) and step_time(scope, run, plan[due]["at"]) <= now:
        due += 1
    if due == run.steps_done:
        return
    finished = due == len(plan)
    last = step_time(scope, run, plan[due - 1]["at"])
    if not jobs.advance_run(
        scope.store,
        run.id,
        steps_from=run.steps_done,
        steps_done=due,
        state="Done" if finished else "Running",
        end_date=last if finished else None,
        last_progress=last,
    ):
        return  # another worker made these steps happen
    for step in plan[run.steps_done : due]:
        write_step(scope, run, step, step_time(scope, run, step["at"]))


def write_step(
    scope: RequestScope, run: RunRecord, step: Mapping[str, Any], when: datetime
) -> None:
    log_type, template, asset_id = step["logType"], step["template"], None
    target = step.get("asset")
    if target and "handle" in target:
        found = assets.find_by_handle(scope.store, target["handle"])
        asset_id = found.id if found else None
    elif target:
        existing = _existing(scope, run, target)
        if existing is not None and target.get("overwrite") is False:
            asset_id = existing.id
            log_type, template = "DuplicateSkipped", "upload.duplicate_skipped"
        elif existing is not None:
            by = asset_details.modifier(existing.asset_type, run.submit_user_email)
            assets.touch(scope.store, existing.id, when, by)
            if existing.trash_state != NOT_IN_TRASH:  # its file uploaded again: back, live
                assets.set_trash_state(scope.store, existing.id, NOT_IN_TRASH)
            asset_stored(scope.store, run.company_id, existing.folder, when)
            asset_id = existing.id
            log_type, template = "FileUpdated", "upload.file_updated"
        else:
            asset_id = _upload(scope, run, target, when)
    job_logs.add_entry(
        scope.store, run.id, log_type, template, step["params"], when, asset_id=asset_id
    )


def _existing(scope: RequestScope, run: RunRecord, target: Mapping[str, Any]) -> AssetRecord | None:
    """The asset an upload collides with: the one named as it names its asset (the file
    name without its extension), or one named by the whole file name (seeded so, or
    uploaded before uploads named assets that way)."""
    for name in dict.fromkeys((target["name"], target.get("file", target["name"]))):
        found = assets.find_by_path(scope.store, run.company_id, target["folder"], name)
        if found is not None:
            return found
    return None


def _upload(scope: RequestScope, run: RunRecord, target: Mapping[str, Any], when: datetime) -> int:
    """Store a newly uploaded asset with the details the real service gives one."""
    root = directory.get_company(scope.store, run.company_id).root_path
    folder, name, asset_type = target["folder"], target["name"], target["type"]
    # Plans written before assets were named without the extension have no "file".
    file_name = target.get("file", name)
    details = asset_details.uploaded(
        root, folder, file_name, asset_type, run.submit_user_email, when
    )
    record = assets.add_asset(
        scope.store, run.company_id, folder, name, asset_type, when, details=details
    )
    asset_stored(scope.store, run.company_id, folder, when)  # destPath's folders are made
    return record.id


def cancel(scope: RequestScope, run: RunRecord) -> None:
    """stopJob: the remaining files are cancelled, the job ends now and is Done."""
    advance(scope, run)
    run = jobs.get_run(scope.store, run.id)
    if run.state == "Done" or run.plan is None:
        return
    now = scope.clock.now()
    remaining = run.plan[run.steps_done :]
    if not jobs.advance_run(
        scope.store, run.id, steps_from=run.steps_done, steps_done=len(run.plan),
        state="Done", end_date=now, last_progress=now, paused_at=None,
    ):  # fmt: skip
        return
    for step in remaining[:-1]:
        if "asset" in step and "asset_path" in step["params"]:
            params = {"asset_path": step["params"]["asset_path"]}
            job_logs.add_entry(scope.store, run.id, "FileCancel", "file.cancel", params, now)
    if remaining:
        write_step(scope, run, remaining[-1], now)  # the End... entry


def _fire_due(scope: RequestScope, company_ids: Sequence[int]) -> None:
    now = scope.clock.now()
    for submission in jobs.due_submissions(scope.store, now, company_ids):
        fire = submission.next_fire_time
        if fire is None:
            continue
        times: list[datetime] = []
        next_fire: datetime | None = fire
        while next_fire is not None and next_fire <= now and len(times) < MAX_CATCH_UP:
            times.append(next_fire)
            next_fire = next_fire_after(scope, submission, next_fire)
        if not jobs.advance_submission(
            scope.store,
            submission.id,
            next_from=fire,
            next_fire_time=next_fire,
            trigger_state="Normal" if next_fire is not None else "Complete",
        ):
            continue  # another worker fired it
        for when in times:
            start_run(scope, submission, when)


def next_fire_after(
    scope: RequestScope, submission: SubmissionRecord, after: datetime
) -> datetime | None:
    if not submission.exec_schedule:
        return None  # a one-off execTime fires once
    return parse_schedule(submission.exec_schedule).next_fire_time(after, scope.zone)


def first_fire_from(
    scope: RequestScope, submission: SubmissionRecord, instant: datetime
) -> datetime | None:
    """The first fire time at or after ``instant``: where a trigger (re)starts.

    A fire time equal to the instant a schedule is submitted or resumed is due then,
    as ``_fire_due`` holds every fire time ``<= now`` due (and as Quartz computes a
    cron trigger's first fire time). Instants are microseconds, the finest step.
    """
    return next_fire_after(scope, submission, instant - INSTANT_STEP)
