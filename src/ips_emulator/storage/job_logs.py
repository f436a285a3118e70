"""Jobs and their log entries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, String, and_, bindparam, case, func, or_, select

from ips_emulator.records import AssetLogRow, DetailRow, JobLogSummary, RunRecord
from ips_emulator.storage.db import Store
from ips_emulator.storage.jobs import RUN_WIDTH, run_record, runs_query
from ips_emulator.storage.prepared import PreparedQuery, json_value
from ips_emulator.storage.tables import Asset, Company, Job, JobLogEntry, User

_ASSET_ENTRIES = PreparedQuery(
    select(
        JobLogEntry.job_id, JobLogEntry.log_type, JobLogEntry.template_id, JobLogEntry.params,
        JobLogEntry.created,
    )
    .select_from(Asset)
    .outerjoin(JobLogEntry, JobLogEntry.asset_id == Asset.id)
    .where(Asset.handle == bindparam("handle"), Asset.company_id == bindparam("company_id"))
    .order_by(JobLogEntry.created, JobLogEntry.id)
)  # fmt: skip
_ASSET_JOBS = PreparedQuery(
    select(Job.id, Job.handle, Job.name, User.email)
    .outerjoin(User, User.id == Job.submit_user_id)
    .where(
        Job.id.in_(
            select(JobLogEntry.job_id)
            .join(Asset, Asset.id == JobLogEntry.asset_id)
            .where(Asset.handle == bindparam("handle"), Asset.company_id == bindparam("company_id"))
        )
    )
)


def asset_job_logs(store: Store, company_id: int, handle: str) -> list[AssetLogRow] | None:
    """Entries about the asset, oldest first (ties in writing order); None if the company
    has no such asset.

    Two queries: the asset left-joined to its entries, then the few jobs that wrote them.
    Joining each entry to its job and submitter in SQL read those three texts again for
    every entry: on a 1,000-entry page, a third of the query's time.
    """
    params = {"handle": handle, "company_id": company_id}
    rows = _ASSET_ENTRIES.rows(store, params)
    if not rows:
        return None
    if rows[0][0] is None:  # the asset, without entries
        return []
    jobs = {job_id: rest for job_id, *rest in _ASSET_JOBS.rows(store, params)}
    # Up to 1,000 rows a page: tuple.__new__ skips the NamedTuple's Python __new__
    # (a third of the conversion), and the dates stay the stored integers (Instant).
    new = tuple.__new__
    return [
        new(AssetLogRow, ((job := jobs[job_id])[0], job[1], log_type, template,
                          json_value(params), job[2], created))
        for job_id, log_type, template, params, created in rows
    ]  # fmt: skip


def add_job(
    store: Store,
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
    store.orm.add(row)
    store.orm.flush()
    return row.id


def add_entry(
    store: Store,
    job_id: int,
    log_type: str,
    template_id: str,
    params: Mapping[str, str],
    created: datetime,
    asset_id: int | None = None,
) -> None:
    store.orm.add(
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


#: Counter -> (log type suffixes, whole log types) it counts; in SQL for sorting many
#: runs, in Python for one run's summary.
COUNTED = {
    "success": (("Success",), ()),
    "error": (("Error", "Failure"), ()),
    "warning": (("Warning",), ()),
    "duplicate": ((), ("DuplicateSkipped",)),
    "update": ((), ("FileUpdated",)),
    "fatal": ((), ("FatalError",)),
}


def _counter(suffixes: tuple[str, ...], types: tuple[str, ...]) -> ColumnElement[int]:
    log_type = JobLogEntry.log_type
    return _count(or_(*(log_type.like(f"%{s}") for s in suffixes), *(log_type == t for t in types)))


COUNTERS = {name: _counter(*rule) for name, rule in COUNTED.items()}


def _counted(log_type: str, rule: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    suffixes, types = rule
    return log_type.endswith(suffixes) or log_type in types


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


def job_log_summaries(store: Store, query: JobLogQuery) -> list[JobLogSummary]:
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
    if conditions:
        statement = statement.where(and_(*conditions))
    key = _sort_key(query.sort_by, counters, first)
    order = (key.desc(), Job.id.desc()) if query.descending else (key.asc(), Job.id.asc())
    statement = statement.order_by(*order)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    rows = store.orm.execute(statement).all()
    totals = _total_file_counts(store, [row[0] for row in rows])
    summaries = []
    for row in rows:
        run = run_record(row)
        # The first log type, then the COUNTERS in their order.
        log_type, success, error, warning, duplicate, update, fatal = row[RUN_WIDTH:]
        total = totals.get(run.id, 0)
        summaries.append(
            JobLogSummary(
                run, log_type, success, error, warning, duplicate, update, bool(fatal), total
            )
        )
    return summaries


_TYPE_COUNTS = PreparedQuery(
    select(JobLogEntry.log_type, func.count(JobLogEntry.id))
    .where(JobLogEntry.job_id == bindparam("run_id"))
    .group_by(JobLogEntry.log_type)
)
_TOTAL_FILES = PreparedQuery(
    select(JobLogEntry.params).where(
        JobLogEntry.job_id == bindparam("run_id"), JobLogEntry.log_type == "TotalFileCount"
    )
)
_FIRST_TYPE = PreparedQuery(
    select(JobLogEntry.log_type)
    .where(JobLogEntry.job_id == bindparam("run_id"))
    .order_by(JobLogEntry.created, JobLogEntry.id)
    .limit(1)
)


def run_summary(store: Store, run: RunRecord) -> JobLogSummary:
    """``job_log_summaries`` for one run already read: counts per log type, summed here."""
    params = {"run_id": run.id}
    by_type = _TYPE_COUNTS.rows(store, params)
    first = _FIRST_TYPE.rows(store, params)
    stated = _TOTAL_FILES.rows(store, params)
    counts = {
        name: sum(n for log_type, n in by_type if _counted(log_type, rule))
        for name, rule in COUNTED.items()
    }
    return JobLogSummary(
        run=run,
        log_type=first[0][0] if first else "",
        success_count=counts["success"],
        error_count=counts["error"],
        warning_count=counts["warning"],
        duplicate_count=counts["duplicate"],
        update_count=counts["update"],
        fatal_error=bool(counts["fatal"]),
        total_file_count=_stated_count(json_value(stated[-1][0])) if stated else 0,
    )


def _total_file_counts(store: Store, run_ids: list[int]) -> dict[int, int]:
    """The count each run's TotalFileCount entry states."""
    if not run_ids:
        return {}
    rows = store.orm.execute(
        select(JobLogEntry.job_id, JobLogEntry.params).where(
            JobLogEntry.job_id.in_(run_ids), JobLogEntry.log_type == "TotalFileCount"
        )
    )
    return {job_id: _stated_count(params) for job_id, params in rows}


def _stated_count(params: Mapping[str, Any]) -> int:
    try:
        return int(params.get("count", 0))
    except (TypeError, ValueError):
        return 0


def _detail_filter(type_count: int) -> ColumnElement[bool]:
    """A run's entries, of ``type_count`` log types bound as t0, t1, ... (0: any type)."""
    condition = JobLogEntry.job_id == bindparam("run_id")
    if type_count:
        types = [bindparam(f"t{i}", type_=String()) for i in range(type_count)]
        condition = and_(condition, JobLogEntry.log_type.in_(types))
    return condition


def _type_params(log_types: Sequence[str] | None) -> dict[str, str]:
    return {f"t{i}": log_type for i, log_type in enumerate(log_types or ())}


@lru_cache(maxsize=64)
def _count_query(type_count: int) -> PreparedQuery:
    return PreparedQuery(select(func.count(JobLogEntry.id)).where(_detail_filter(type_count)))


def count_details(store: Store, run_id: int, log_types: Sequence[str] | None) -> int:
    query = _count_query(len(log_types or ()))
    return int(query.rows(store, {"run_id": run_id, **_type_params(log_types)})[0][0])


@lru_cache(maxsize=64)
def _page_query(type_count: int, by_log_type: bool, descending: bool) -> PreparedQuery:
    keys: list[Any] = [JobLogEntry.log_type] if by_log_type else []
    keys += [JobLogEntry.created, JobLogEntry.id]
    return PreparedQuery(
        select(
            JobLogEntry.log_type, JobLogEntry.template_id, JobLogEntry.params,
            JobLogEntry.created, Asset.name, Asset.asset_type, Asset.handle,
        )
        .outerjoin(Asset, Asset.id == JobLogEntry.asset_id)
        .where(_detail_filter(type_count))
        .order_by(*(k.desc() if descending else k.asc() for k in keys))
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )  # fmt: skip


def select_details(
    store: Store,
    run_id: int,
    log_types: Sequence[str] | None,
    by_log_type: bool,
    descending: bool,
    limit: int,
    offset: int,
) -> list[DetailRow]:
    """One page of a run's entries, paged in SQL."""
    query = _page_query(len(log_types or ()), by_log_type, descending)
    params = {"run_id": run_id, "limit": limit, "offset": offset, **_type_params(log_types)}
    new = tuple.__new__  # as asset_job_logs: up to 1,000 rows
    return [
        new(DetailRow, (log_type, template, json_value(raw), created, name, kind, handle))
        for log_type, template, raw, created, name, kind, handle in query.rows(store, params)
    ]  # fmt: skip
