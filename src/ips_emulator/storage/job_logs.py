"""Jobs and their log entries."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ips_emulator.domain.records import AssetLogRow
from ips_emulator.storage.tables import Job, JobLogEntry, User


def select_asset_job_logs(session: Session, asset_id: int) -> list[AssetLogRow]:
    """Entries about one asset, oldest first, ties in writing order (index-only scan order)."""
    rows = session.execute(
        select(
            Job.handle,
            Job.name,
            JobLogEntry.log_type,
            JobLogEntry.template_id,
            JobLogEntry.params,
            User.email,
            JobLogEntry.created,
        )
        .join(Job, Job.id == JobLogEntry.job_id)
        .join(User, User.id == Job.submit_user_id)
        .where(JobLogEntry.asset_id == asset_id)
        .order_by(JobLogEntry.created, JobLogEntry.id)
    )
    return [AssetLogRow(*row) for row in rows]


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
