"""Jobs and their log entries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from ips_emulator.domain.records import AssetLogRow, DetailRow, JobLogSummary
from ips_emulator.storage.jobs import run_record, runs_query
from ips_emulator.storage.tables import Asset, Company, Job, JobLogEntry, User

_ASSET_LOGS = (
    select(
        Asset.id, Job.handle, Job.name, JobLogEntry.log_type, JobLogEntry.template_id,
        JobLogEntry.params, User.email, JobLogEntry.created,
    )
    .select_from(Asset)
    .outerjoin(JobLogEntry, JobLogEntry.asset_id == Asset.id)
    .outerjoin(Job, Job.id == JobLogEntry.job_id)
    .outerjoin(User, User.id == Job.submit_user_id)
    .where(Asset.handle == bindparam("handle"), Asset.company_id == bindparam("company_id"))
    .order_by(JobLogEntry.created, JobLogEntry.id)
)  # fmt: skip


def asset_job_logs(session: Session, company_id: int, handle: str) -> list[AssetLogRow] | None:
    """Entries about the asset, oldest first (ties in writing order); None if the company
    has no such asset. One query: the asset left-joined to its entries."""
    # Core execution on the session's connection: no ORM result machinery per row,
    # and no autoflush either, so entries written earlier in this call go out first.
    session.flush()
    rows = (
        session.connection()
        .execute(_ASSET_LOGS, {"handle": handle, "company_id": company_id})
        .all()
    )
    if not rows:
        return None
    return [AssetLogRow(*row[1:]) for row in rows if row[1] is not None]


def add_job(
    session: Session,
    company_id: int,
    submit_user_id: int,
    name: str,
    original_name: str,
    job_type: str,
    created: datetime,
    handle: str,
) -> int:
    row = Job(
        handle=handle,
        company_id=company_id,
        submit_user_id=submit_user_id,
        name=name,
        original_name=original_name,
        job_type=job_type,
        created=created,
    )
    session.add(row)
    session.flush()
    return row.id


def add_entry(
    session: Session,
    job_id: int,
    log_type: str,
    template_id: str,
    params: Mapping[str, str],
    created: datetime,
    asset_id: int | None = None,
) -> None:
    session.add(
        JobLogEntry(
            job_id=job_id,
            asset_id=asset_id,
            log_type=log_type,
            template_id=template_id,
            params=dict(params),
            created=created,
        )
    )


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


_TYPE = JobLogEntry.log_type
COUNTERS = {
    "success": _count(_TYPE.like("%Success")),
    "error": _count(or_(_TYPE.like("%Error"), _TYPE.like("%Failure"))),
    "warning": _count(_TYPE.like("%Warning")),
    "duplicate": _count(_TYPE == "DuplicateSkipped"),
    "update": _count(_TYPE == "FileUpdated"),
    "fatal": _count(_TYPE == "FatalError"),
}


def _first_log_type() -> Any:
    first = (
        select(JobLogEntry.log_type)
        .where(JobLogEntry.job_id == Job.id)
        .order_by(JobLogEntry.created, JobLogEntry.id)
        .limit(1)
        .correlate(Job)
        .scalar_subquery()
    )
    return func.coalesce(first, "")


@dataclass(frozen=True, slots=True)
class JobLogQuery:
    company_ids: Sequence[int] | None = None
    submit_user_id: int | None = None
    start: datetime | None = None
    end: datetime | None = None
    run_ids: Sequence[int] | None = None
    sort_by: str = "StartDate"
    descending: bool = True
    limit: int | None = None


def _sort_key(name: str, counters: dict[str, Any], first: Any) -> Any:
    return {
        "JobName": Job.name,
        "LogType": first,
        "StartDate": Job.created,
        "CompanyName": Company.name,
        "UserId": User.handle,
        "Email": User.email,
        "FileErrorCount": counters["error"],
        "FileWarningCount": counters["warning"],
        "FileSuccessCount": counters["success"],
    }[name]


def job_log_summaries(session: Session, query: JobLogQuery) -> list[JobLogSummary]:
    """Runs with their counters, filtered, sorted and limited in SQL."""
    first = _first_log_type().label("first_log_type")
    counters = {name: expr.label(name) for name, expr in COUNTERS.items()}
    statement = (
        runs_query()
        .add_columns(first, *counters.values())
        .outerjoin(JobLogEntry, JobLogEntry.job_id == Job.id)
        .group_by(Job.id, Company.handle, User.email, Company.name, User.handle)
    )
    conditions: list[ColumnElement[bool]] = []
    if query.company_ids is not None:
        conditions.append(Job.company_id.in_(query.company_ids))
    if query.submit_user_id is not None:
        conditions.append(Job.submit_user_id == query.submit_user_id)
    if query.start is not None:
        conditions.append(Job.created >= query.start)
    if query.end is not None:
        conditions.append(Job.created <= query.end)
    if query.run_ids is not None:
        conditions.append(Job.id.in_(query.run_ids))
    if conditions:
        statement = statement.where(and_(*conditions))
    key = _sort_key(query.sort_by, counters, first)
    order = (key.desc(), Job.id.desc()) if query.descending else (key.asc(), Job.id.asc())
    statement = statement.order_by(*order)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    rows = session.execute(statement).all()
    totals = _total_file_counts(session, [row[0].id for row in rows])
    return [
        JobLogSummary(
            run=run_record(row[:3]),
            log_type=row[3],
            success_count=row[4],
            error_count=row[5],
            warning_count=row[6],
            duplicate_count=row[7],
            update_count=row[8],
            fatal_error=bool(row[9]),
            total_file_count=totals.get(row[0].id, 0),
        )
        for row in rows
    ]


def _total_file_counts(session: Session, run_ids: list[int]) -> dict[int, int]:
    """The count each run's TotalFileCount entry states."""
    if not run_ids:
        return {}
    rows = session.execute(
        select(JobLogEntry.job_id, JobLogEntry.params).where(
            JobLogEntry.job_id.in_(run_ids), JobLogEntry.log_type == "TotalFileCount"
        )
    )
    totals: dict[int, int] = {}
    for job_id, params in rows:
        try:
            totals[job_id] = int(params.get("count", 0))
        except (TypeError, ValueError):
            totals[job_id] = 0
    return totals


def _detail_filter(run_id: int, log_types: Sequence[str] | None) -> ColumnElement[bool]:
    condition = JobLogEntry.job_id == run_id
    if log_types:
        condition = and_(condition, JobLogEntry.log_type.in_(log_types))
    return condition


def count_details(session: Session, run_id: int, log_types: Sequence[str] | None) -> int:
    return int(
        session.scalar(select(func.count(JobLogEntry.id)).where(_detail_filter(run_id, log_types)))
        or 0
    )


def select_details(
    session: Session,
    run_id: int,
    log_types: Sequence[str] | None,
    by_log_type: bool,
    descending: bool,
    limit: int,
    offset: int,
) -> list[DetailRow]:
    """One page of a run's entries, paged in SQL."""
    keys: list[Any] = [JobLogEntry.log_type] if by_log_type else []
    keys += [JobLogEntry.created, JobLogEntry.id]
    session.flush()
    rows = (
        session.connection()
        .execute(
            select(
                JobLogEntry.log_type,
                JobLogEntry.template_id,
                JobLogEntry.params,
                JobLogEntry.created,
                Asset.name,
                Asset.asset_type,
                Asset.handle,
            )
            .outerjoin(Asset, Asset.id == JobLogEntry.asset_id)
            .where(_detail_filter(run_id, log_types))
            .order_by(*(k.desc() if descending else k.asc() for k in keys))
            .limit(limit)
            .offset(offset)
        )
        .all()
    )
    return [DetailRow(*row) for row in rows]
