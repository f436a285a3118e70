"""Metadata field definitions, and the metadata values assets hold by field name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, update

from ips_emulator.records import AssetDetails, AssetRecord, ImageFacts, MetadataFieldRecord
from ips_emulator.storage import assets
from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import Asset, MetadataField


def _field(row: MetadataField) -> MetadataFieldRecord:
    return MetadataFieldRecord(
        id=row.id,
        handle=row.handle,
        company_id=row.company_id,
        asset_type=row.asset_type,
        name=row.name,
        field_type=row.field_type,
        default_value=row.default_value,
        is_required=row.is_required,
        is_user_defined=row.is_user_defined,
        is_hidden=row.is_hidden,
        is_enforced=row.is_enforced,
        tag_values=None if row.tag_values is None else tuple(row.tag_values),
    )


def add_field(store: Store, field: MetadataFieldRecord) -> MetadataFieldRecord:
    """Store ``field`` (its id is ignored) and return it as stored."""
    row = MetadataField(
        handle=field.handle,
        company_id=field.company_id,
        asset_type=field.asset_type,
        name=field.name,
        field_type=field.field_type,
        default_value=field.default_value,
        is_required=field.is_required,
        is_user_defined=field.is_user_defined,
        is_hidden=field.is_hidden,
        is_enforced=field.is_enforced,
        tag_values=None if field.tag_values is None else list(field.tag_values),
    )
    store.orm.add(row)
    store.orm.flush()
    return _field(row)


def company_fields(
    store: Store, company_id: int, asset_types: Sequence[str] | None = None
) -> list[MetadataFieldRecord]:
    """The company's fields (of ``asset_types`` only, when given), oldest first."""
    query = select(MetadataField).where(MetadataField.company_id == company_id)
    if asset_types is not None:
        query = query.where(MetadataField.asset_type.in_(asset_types))
    return [_field(r) for r in store.orm.scalars(query.order_by(MetadataField.id))]


def find_field(store: Store, handle: str) -> MetadataFieldRecord | None:
    row = store.orm.scalars(select(MetadataField).where(MetadataField.handle == handle)).first()
    return None if row is None else _field(row)


def all_fields(store: Store) -> list[MetadataFieldRecord]:
    """Every company's, company by company, oldest first (for export)."""
    order = (MetadataField.company_id, MetadataField.id)
    return [_field(r) for r in store.orm.scalars(select(MetadataField).order_by(*order))]


def set_values(
    store: Store, asset_id: int, pairs: Sequence[tuple[str, str]], when: datetime, by: str
) -> None:
    """The asset's metadata becomes ``pairs``, changed at ``when`` by ``by``."""
    stored: list[dict[str, Any]] = [{"name": n, "value": v} for n, v in pairs]
    store.orm.execute(
        update(Asset)
        .where(Asset.id == asset_id)
        .values(metadata_fields=stored, last_modified=when, modified_by=by)
    )


#: What a metadata search reads of an asset: its record but for most image facts.
_SEARCHED = (
    Asset.id, Asset.handle, Asset.company_id, Asset.name, Asset.folder, Asset.asset_type,
    Asset.created, Asset.last_modified, Asset.created_by, Asset.modified_by,
    Asset.metadata_fields, Asset.original_file, Asset.sku, Asset.description, Asset.comments,
    Asset.user_data,
)  # fmt: skip


def _searched(row: Any) -> AssetRecord:
    (id_, handle, company_id, name, folder, kind, created, modified, by, modifier, stored,
     original, sku, description, comments, user_data) = row  # fmt: skip
    image = None
    if any(v is not None for v in (original, sku, description, comments, user_data)):
        image = ImageFacts(original_file=original, sku=sku, description=description,
                           comments=comments, user_data=user_data)  # fmt: skip
    pairs = None if stored is None else tuple([(m["name"], m["value"]) for m in stored])
    details = AssetDetails(by, modifier, pairs, image)
    return AssetRecord(id_, handle, company_id, name, folder, kind, created, modified, details)


def searched_assets(store: Store, search: assets.AssetSearch) -> list[AssetRecord]:
    """Every asset ``search`` filters in (its conditions, folder, types), in its order, as
    a record holding what a metadata search reads (of the image facts: the original file,
    sku, description, comments and user data). Plain rows, not ORM objects: a company's
    every asset may be read, and 50,000 took 4 s as ORM rows, 1 s so (docs/decisions.md)."""
    where = and_(*assets._search_conditions(search))  # the filter searchAssets applies
    key = assets._SORT[search.sort_by]
    order = (key.desc(), Asset.id.desc()) if search.descending else (key.asc(), Asset.id.asc())
    rows = store.connection.execute(select(*_SEARCHED).where(where).order_by(*order)).all()
    return [_searched(row) for row in rows]
