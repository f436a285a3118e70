"""A job's log entries a page at a time, keyset-paged on (created, id).

Keyset paging (rather than offsets) keeps pages stable while entries are
written: an entry is never skipped or shown twice because another one was
inserted between two page reads.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select

from ips_emulator.records import EntryKey, EntryRow
from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import Asset, JobLogEntry


def _entry(row: Any) -> EntryRow:
    return EntryRow(row[0], row[1], row[2], row[3], row[4], row[5])


def _after(key: EntryKey) -> ColumnElement[bool]:
    created, entry_id = key
    return or_(
        JobLogEntry.created > created,
        and_(JobLogEntry.created == created, JobLogEntry.id > entry_id),
    )


def _before(key: EntryKey) -> ColumnElement[bool]:
    created, entry_id = key
    return or_(
        JobLogEntry.created < created,
        and_(JobLogEntry.created == created, JobLogEntry.id < entry_id),
    )


def _rows(job_id: int) -> Any:  # Select[...]: its generics differ between SQLAlchemy 2.0 and 2.1
    return (
        select(
            JobLogEntry.id,
            JobLogEntry.log_type,
            JobLogEntry.template_id,
            JobLogEntry.params,
            JobLogEntry.created,
            Asset.handle,
        )
        .outerjoin(Asset, Asset.id == JobLogEntry.asset_id)
        .where(JobLogEntry.job_id == job_id)
    )


def count_entries(store: Store, job_id: int) -> int:
    total = store.orm.scalar(select(func.count(JobLogEntry.id)).where(JobLogEntry.job_id == job_id))
    return int(total or 0)


def entries_after(store: Store, job_id: int, key: EntryKey | None, limit: int) -> list[EntryRow]:
    """Up to ``limit`` entries after ``key`` (from the first if None), oldest first."""
    query = _rows(job_id)
    if key is not None:
        query = query.where(_after(key))
    query = query.order_by(JobLogEntry.created, JobLogEntry.id).limit(limit)
    return [_entry(row) for row in store.orm.execute(query)]


def entries_before(store: Store, job_id: int, key: EntryKey, limit: int) -> list[EntryRow]:
    """The ``limit`` entries just before ``key``, oldest first."""
    query = (
        _rows(job_id)
        .where(_before(key))
        .order_by(JobLogEntry.created.desc(), JobLogEntry.id.desc())
        .limit(limit)
    )
    return [_entry(row) for row in reversed(store.orm.execute(query).all())]


def has_entries(
    store: Store, job_id: int, *, after: EntryKey | None = None, before: EntryKey | None = None
) -> bool:
    """Whether the job has an entry after ``after`` (or before ``before``)."""
    condition = JobLogEntry.job_id == job_id
    if after is not None:
        condition = and_(condition, _after(after))
    if before is not None:
        condition = and_(condition, _before(before))
    return bool(store.orm.scalar(select(exists().where(condition))))
