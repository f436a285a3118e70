"""Assets."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ips_emulator.domain.records import AssetRecord
from ips_emulator.storage.tables import Asset


def _asset(row: Asset) -> AssetRecord:
    return AssetRecord(row.id, row.handle, row.company_id, row.name, row.folder, row.asset_type)


def find_asset(session: Session, company_id: int, handle: str) -> AssetRecord | None:
    row = session.scalars(
        select(Asset).where(Asset.handle == handle, Asset.company_id == company_id)
    ).first()
    return None if row is None else _asset(row)


def add_asset(
    session: Session,
    company_id: int,
    folder: str,
    name: str,
    asset_type: str,
    created: datetime,
    handle: str | None = None,
) -> AssetRecord:
    row = Asset(
        handle=handle or "",
        company_id=company_id,
        folder=folder,
        name=name,
        asset_type=asset_type,
        created=created,
        last_modified=created,
    )
    session.add(row)
    session.flush()
    if not handle:
        row.handle = f"a|{row.id}"
    return _asset(row)
