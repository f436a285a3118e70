"""Job submissions (schedules) and job runs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, exists, or_, select, update

from ips_emulator.records import RunRecord, SubmissionRecord
from ips_emulator.storage.db import Store
from ips_emulator.storage.prepared import PreparedQuery, json_value
from ips_emulator.storage.tables import (
    Company,
    Job,
    JobSubmission,
    User,
    from_micros,
    to_micros,
)

SCHEDULED_STATES = ("Normal", "Paused")
#: Active Job States of runs that have not finished (IN, not != "Done": indexable).
UNFINISHED_STATES = ("New", "Running")


def _submissions() -> Any:
    return (
        select(JobSubmission, Company.handle, User.email)
        .join(Company, Company.id == JobSubmission.company_id)
        .join(User, User.id == JobSubmission.submit_user_id)
    )


def _submission(row: Any) -> SubmissionRecord:
    s, company_handle, email = row
    return SubmissionRecord(
        id=s.id,
        handle=s.handle,
        company_id=s.company_id,
        company_handle=company_handle,
        submit_user_id=s.submit_user_id,
        submit_user_email=email,
        name=s.name,
        job_type=s.job_type,
        spec=s.spec,
        locale=s.locale,
        description=s.description,
        exec_time=s.exec_time,
        exec_schedule=s.exec_schedule,
        next_fire_time=s.next_fire_time,
        trigger_state=s.trigger_state,
    )


#: A run's columns, in RunRecord's field order.
_RUN_COLUMNS = (
    Job.id, Job.handle, Job.company_id, Company.handle, User.email, Job.submission_id,
    Job.name, Job.original_name, Job.job_type, Job.locale, Job.description, Job.created,
    Job.end_date, Job.state, Job.spec, Job.plan, Job.steps_done, Job.paused_at,
    Job.paused_seconds, Job.last_progress,
)  # fmt: skip
#: How many of a ``runs_query`` row's values ``run_record`` reads.
RUN_WIDTH = len(_RUN_COLUMNS)


def runs_query() -> Any:
    return (
        select(*_RUN_COLUMNS)
        .join(Company, Company.id == Job.company_id)
        .join(User, User.id == Job.submit_user_id)
    )


def run_record(row: Any) -> RunRecord:
    """The run in a ``runs_query`` row (columns added after it are left)."""
    return RunRecord(*row[:RUN_WIDTH])


def add_submission(store: Store, **fields: Any) -> int:
    row = JobSubmission(**fields)
    store.orm.add(row)
    store.orm.flush()
    return row.id


def update_submission(store: Store, submission_id: int, **fields: Any) -> None:
    store.orm.execute(
        update(JobSubmission).where(JobSubmission.id == submission_id).values(**fields)
    )


def delete_submission(store: Store, submission_id: int) -> None:
    """Forget the schedule; runs it already made keep their logs."""
    store.orm.execute(
        update(Job).where(Job.submission_id == submission_id).values(submission_id=None)
    )
    store.orm.execute(delete(JobSubmission).where(JobSubmission.id == submission_id))


def find_submission(store: Store, company_id: int, handle: str) -> SubmissionRecord | None:
    row = store.orm.execute(
        _submissions()
        .where(JobSubmission.company_id == company_id, JobSubmission.handle == handle)
        .order_by(JobSubmission.id.desc())
        .limit(1)
    ).first()
    return None if row is None else _submission(row)


def get_submission(store: Store, submission_id: int) -> SubmissionRecord:
    return _submission(
        store.orm.execute(_submissions().where(JobSubmission.id == submission_id)).one()
    )


def due_submissions(
    store: Store, now: datetime, company_ids: Sequence[int]
) -> list[SubmissionRecord]:
    rows = store.orm.execute(
        _submissions()
        .where(
            JobSubmission.company_id.in_(company_ids),
            JobSubmission.trigger_state == "Normal",
            JobSubmission.next_fire_time <= now,
        )
        .order_by(JobSubmission.next_fire_time, JobSubmission.id)
    )
    return [_submission(r) for r in rows]


def scheduled(
    store: Store, company_id: int, handle: str | None, original_name: str | None
) -> list[SubmissionRecord]:
    query = _submissions().where(
        JobSubmission.company_id == company_id, JobSubmission.trigger_state.in_(SCHEDULED_STATES)
    )
    if handle:
        query = query.where(JobSubmission.handle == handle)
    if original_name:
        query = query.where(JobSubmission.name == original_name)
    return [_submission(r) for r in store.orm.execute(query.order_by(JobSubmission.id))]


def add_run(store: Store, **fields: Any) -> int:
    row = Job(**fields)
    store.orm.add(row)
    store.orm.flush()
    return row.id


def set_run_handle(store: Store, run_id: int, handle: str) -> None:
    store.orm.execute(update(Job).where(Job.id == run_id).values(handle=handle))


def get_run(store: Store, run_id: int) -> RunRecord:
    return run_record(store.orm.execute(runs_query().where(Job.id == run_id)).one())


def unfinished_runs(store: Store, company_ids: Sequence[int]) -> list[RunRecord]:
    rows = store.orm.execute(
        runs_query()
        .where(Job.company_id.in_(company_ids), Job.state.in_(UNFINISHED_STATES))
        .order_by(Job.created, Job.id)
    )
    return [run_record(r) for r in rows]


def _run_lookup(*conditions: Any, via_submission: bool = False) -> PreparedQuery:
    query = runs_query()
    if via_submission:
        query = query.join(JobSubmission, JobSubmission.id == Job.submission_id)
    latest_first = (Job.created.desc(), Job.id.desc())
    return PreparedQuery(query.where(*conditions).order_by(*latest_first).limit(1))


_COMPANY = Job.company_id == bindparam("company_id")
_RUN_BY_HANDLE = _run_lookup(_COMPANY, Job.handle == bindparam("handle"))
_RUN_BY_SUBMISSION = _run_lookup(
    _COMPANY, JobSubmission.handle == bindparam("handle"), via_submission=True
)
_RUN_BY_NAME = _run_lookup(_COMPANY, Job.original_name == bindparam("name"))


def _micros(value: int | None) -> datetime | None:
    return None if value is None else from_micros(value)


def _run_from_columns(row: tuple[Any, ...]) -> RunRecord:
    """``run_record`` for the driver's own values (a PreparedQuery's rows)."""
    (id_, handle, company_id, company_handle, email, submission_id, name, original_name,
     job_type, locale, description, created, end_date, state, spec, plan, steps_done,
     paused_at, paused_seconds, last_progress) = row  # fmt: skip
    return RunRecord(
        id_, handle, company_id, company_handle, email, submission_id, name, original_name,
        job_type, locale, description, from_micros(created), _micros(end_date), state,
        json_value(spec), json_value(plan), steps_done, _micros(paused_at),
        float(paused_seconds), _micros(last_progress),
    )  # fmt: skip


def find_run(store: Store, company_id: int, handle: str) -> RunRecord | None:
    """The run with this handle, or the latest run of the submission with this handle."""
    params = {"company_id": company_id, "handle": handle}
    rows = _RUN_BY_HANDLE.rows(store, params) or _RUN_BY_SUBMISSION.rows(store, params)
    return _run_from_columns(rows[0]) if rows else None


def latest_run_by_name(store: Store, company_id: int, original_name: str) -> RunRecord | None:
    rows = _RUN_BY_NAME.rows(store, {"company_id": company_id, "name": original_name})
    return _run_from_columns(rows[0]) if rows else None


def active_runs(
    store: Store,
    company_ids: list[int] | None,
    handle: str | None,
    original_name: str | None,
    done_since: datetime,
) -> list[RunRecord]:
    """Runs not yet done, and those done at or after ``done_since``."""
    query = runs_query().where(
        or_(Job.state.in_(UNFINISHED_STATES), and_(Job.state == "Done", Job.end_date >= done_since))
    )
    query = query.where(Job.plan.is_not(None))  # seeded history never ran here
    if company_ids is not None:
        query = query.where(Job.company_id.in_(company_ids))
    if handle:
        query = query.outerjoin(JobSubmission, JobSubmission.id == Job.submission_id).where(
            or_(Job.handle == handle, JobSubmission.handle == handle)
        )
    if original_name:
        query = query.where(Job.original_name == original_name)
    return [run_record(r) for r in store.orm.execute(query.order_by(Job.created, Job.id))]


def advance_run(store: Store, run_id: int, steps_from: int, **fields: Any) -> bool:
    """Update a run only if no one else advanced it since we read it (several workers)."""
    result = store.orm.execute(
        update(Job).where(Job.id == run_id, Job.steps_done == steps_from).values(**fields)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def update_run(store: Store, run_id: int, **fields: Any) -> None:
    store.orm.execute(update(Job).where(Job.id == run_id).values(**fields))


def advance_submission(
    store: Store, submission_id: int, next_from: datetime, **fields: Any
) -> bool:
    """Update a schedule only if its next fire time is still ``next_from`` (several workers)."""
    result = store.orm.execute(
        update(JobSubmission)
        .where(JobSubmission.id == submission_id, JobSubmission.next_fire_time == next_from)
        .values(**fields)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


_PENDING = PreparedQuery(
    select(
        exists().where(
            JobSubmission.trigger_state == "Normal",
            JobSubmission.next_fire_time <= bindparam("now"),
            JobSubmission.company_id == bindparam("company_id"),
        ),
        exists().where(
            or_(*(Job.state == state for state in UNFINISHED_STATES)),
            Job.company_id == bindparam("company_id"),
        ),
    )
)


def pending_companies(store: Store, now: datetime) -> list[int]:
    """The companies with a due schedule or an unfinished run."""
    due = select(JobSubmission.company_id).where(
        JobSubmission.trigger_state == "Normal", JobSubmission.next_fire_time <= now
    )
    running = select(Job.company_id).where(Job.state.in_(UNFINISHED_STATES))
    return sorted(set(store.orm.scalars(due.union(running))))


def anything_pending(store: Store, now: datetime, company_id: int) -> bool:
    """One cheap round trip: has the company a due schedule, or an unfinished run?"""
    ((due, unfinished),) = _PENDING.rows(store, {"now": to_micros(now), "company_id": company_id})
    return bool(due or unfinished)
