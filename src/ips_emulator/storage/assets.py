"""Assets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, not_, or_, select, update

from ips_emulator.records import NOT_IN_TRASH, AssetDetails, AssetRecord, ImageFacts
from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import Asset, JobLogEntry

#: The asset columns of ImageFacts, in its fields' order.
IMAGE_COLUMNS = tuple(f.name for f in fields(ImageFacts))


def _details(row: Asset) -> AssetDetails:
    image = ImageFacts(**{name: getattr(row, name) for name in IMAGE_COLUMNS})
    metadata = row.metadata_fields
    return AssetDetails(
        created_by=row.created_by,
        modified_by=row.modified_by,
        metadata=None if metadata is None else tuple((m["name"], m["value"]) for m in metadata),
        image=None if image == ImageFacts() else image,
    )


def _asset(row: Asset) -> AssetRecord:
    return AssetRecord(
        row.id,
        row.handle,
        row.company_id,
        row.name,
        row.folder,
        row.asset_type,
        row.created,
        row.last_modified,
        _details(row),
        row.trash_state,
    )


def detail_columns(details: AssetDetails) -> dict[str, Any]:
    """The asset columns that hold ``details``."""
    pairs = details.metadata
    metadata = None if pairs is None else [{"name": n, "value": v} for n, v in pairs]
    return {
        "created_by": details.created_by,
        "modified_by": details.modified_by,
        "metadata_fields": metadata,
        **asdict(details.image or ImageFacts()),
    }


def add_asset(
    store: Store,
    company_id: int,
    folder: str,
    name: str,
    asset_type: str,
    created: datetime,
    handle: str | None = None,
    details: AssetDetails | None = None,
) -> AssetRecord:
    row = Asset(
        handle=handle or "",
        company_id=company_id,
        folder=folder,
        name=name,
        asset_type=asset_type,
        created=created,
        last_modified=created,
        **detail_columns(details or AssetDetails()),
    )
    store.orm.add(row)
    store.orm.flush()
    if not handle:
        row.handle = f"a|{row.id}"
    return _asset(row)


def find_by_path(store: Store, company_id: int, folder: str, name: str) -> AssetRecord | None:
    row = store.orm.scalars(
        select(Asset).where(
            Asset.company_id == company_id, Asset.folder == folder, Asset.name == name
        )
    ).first()
    return None if row is None else _asset(row)


def _locked(statement: Select[Asset], for_update: bool) -> Select[Asset]:
    # For a call that writes what it read (the trash state, the metadata values): the
    # row is locked until the call commits, so a concurrent writer of the asset waits and
    # then reads what this one wrote (PostgreSQL reads the latest commit otherwise; an
    # SQLite transaction is alone in writing already, storage/db.py).
    if not for_update:
        return statement
    return statement.with_for_update().execution_options(populate_existing=True)


def find_by_handle(store: Store, handle: str, for_update: bool = False) -> AssetRecord | None:
    statement = _locked(select(Asset).where(Asset.handle == handle), for_update)
    row = store.orm.scalars(statement).first()
    return None if row is None else _asset(row)


def find_by_handles(
    store: Store, company_id: int, handles: Sequence[str], for_update: bool = False
) -> list[AssetRecord]:
    """The company's assets among ``handles``, in no particular order."""
    statement = select(Asset).where(Asset.company_id == company_id, Asset.handle.in_(handles))
    rows = store.orm.scalars(_locked(statement.order_by(Asset.id), for_update))
    return [_asset(r) for r in rows]


def touch(store: Store, asset_id: int, when: datetime, by: str | None = None) -> None:
    """The asset was changed at ``when`` (by ``by``, when known)."""
    values: dict[str, Any] = {"last_modified": when}
    if by is not None:
        values["modified_by"] = by
    store.orm.execute(update(Asset).where(Asset.id == asset_id).values(**values))


def name_in_use(store: Store, company_id: int, name: str, folder: str | None) -> bool:
    """Whether an asset of the company (in ``folder``; None: in any) is named ``name``."""
    query = select(Asset.id).where(Asset.company_id == company_id, Asset.name == name)
    if folder is not None:
        query = query.where(Asset.folder == folder)
    return store.orm.scalar(query.limit(1)) is not None


def rename(store: Store, asset_id: int, name: str, when: datetime, by: str) -> None:
    store.orm.execute(
        update(Asset)
        .where(Asset.id == asset_id)
        .values(name=name, last_modified=when, modified_by=by)
    )


def move(store: Store, asset_id: int, folder: str, when: datetime, by: str) -> None:
    store.orm.execute(
        update(Asset)
        .where(Asset.id == asset_id)
        .values(folder=folder, last_modified=when, modified_by=by)
    )


def set_trash_state(store: Store, asset_id: int, state: str) -> None:
    store.orm.execute(update(Asset).where(Asset.id == asset_id).values(trash_state=state))


def purge(store: Store, asset_id: int) -> None:
    """Remove the asset for good; the log entries about it stay, about no asset."""
    store.orm.execute(
        update(JobLogEntry).where(JobLogEntry.asset_id == asset_id).values(asset_id=None)
    )
    store.orm.execute(delete(Asset).where(Asset.id == asset_id))


def company_assets(store: Store, company_id: int) -> list[AssetRecord]:
    """The company's live assets (none in the trash), by folder and name."""
    rows = store.orm.scalars(
        select(Asset)
        .where(Asset.company_id == company_id, Asset.trash_state == NOT_IN_TRASH)
        .order_by(Asset.folder, Asset.name)
    )
    return [_asset(r) for r in rows]


@dataclass(frozen=True, slots=True)
class TextCondition:
    """A string condition on a text field (String Comparison Operators)."""

    field: str  # a key of TEXT_COLUMNS
    op: str
    value: str


@dataclass(frozen=True, slots=True)
class DateCondition:
    """A date condition on ``Created`` or ``LastModified`` (Numeric/Date operators)."""

    field: str
    op: str
    value: datetime | None = None
    low: datetime | None = None
    high: datetime | None = None


@dataclass(frozen=True, slots=True)
class AssetSearch:
    company_id: int
    folder: str | None = None
    include_subfolders: bool = True
    names: Sequence[str] | None = None
    types: Sequence[str] | None = None
    exclude_types: Sequence[str] | None = None
    #: Trash State constants to match (None: any).
    trash_states: Sequence[str] | None = (NOT_IN_TRASH,)
    text_conditions: Sequence[TextCondition] = field(default_factory=tuple)
    date_conditions: Sequence[DateCondition] = field(default_factory=tuple)
    match_all: bool = True
    sort_by: str = "Name"
    descending: bool = False
    limit: int = 1000
    offset: int = 0


#: Asset Search System Fields held as text; a detail not known compares as "".
TEXT_COLUMNS: dict[str, Any] = {
    "Name": Asset.name,
    "FileName": Asset.name,
    "Description": func.coalesce(Asset.description, ""),
    "Comments": func.coalesce(Asset.comments, ""),
    "UserData": func.coalesce(Asset.user_data, ""),
    "Sku": func.coalesce(Asset.sku, ""),
    "CreateUser": func.coalesce(Asset.created_by, ""),
    "LastModifyUser": func.coalesce(Asset.modified_by, ""),
}


def _text_condition(c: TextCondition) -> ColumnElement[bool]:
    column: ColumnElement[str] = TEXT_COLUMNS[c.field]
    escaped = c.value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = {
        "Contains": f"%{escaped}%",
        "NotContains": f"%{escaped}%",
        "StartsWith": f"{escaped}%",
        "EndsWith": f"%{escaped}",
    }
    if c.op in ("Equals", "NotEquals"):
        test = column == c.value
    else:
        test = column.like(like[c.op], escape="\\")
    return not_(test) if c.op.startswith("Not") else test


def _date_condition(c: DateCondition) -> ColumnElement[bool]:
    column = Asset.created if c.field == "Created" else Asset.last_modified
    if c.op == "Between":
        return and_(column >= c.low, column <= c.high)
    return {
        "Equals": column == c.value,
        "NotEquals": column != c.value,
        "LessThan": column < c.value,
        "LessThanEquals": column <= c.value,
        "GreaterThan": column > c.value,
        "GreaterThanEquals": column >= c.value,
    }[c.op]


def _search_conditions(search: AssetSearch) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Asset.company_id == search.company_id]
    if search.folder is not None:
        if search.include_subfolders:
            conditions.append(Asset.folder.startswith(search.folder, autoescape=True))
        else:
            conditions.append(Asset.folder == search.folder)
    if search.names is not None:
        conditions.append(Asset.name.in_(search.names))
    if search.types:
        conditions.append(Asset.asset_type.in_(search.types))
    if search.exclude_types:
        conditions.append(Asset.asset_type.not_in(search.exclude_types))
    if search.trash_states is not None:
        conditions.append(Asset.trash_state.in_(search.trash_states))
    field_tests = [_text_condition(c) for c in search.text_conditions]
    field_tests += [_date_condition(c) for c in search.date_conditions]
    if field_tests:
        conditions.append(and_(*field_tests) if search.match_all else or_(*field_tests))
    return conditions


_SORT: dict[str, Any] = {
    "Name": Asset.name,
    "Created": Asset.created,
    "Modified": Asset.last_modified,
    "AssetType": Asset.asset_type,
    "FileSize": func.coalesce(Asset.file_size, -1),  # not known: before every size
}


def search_assets(store: Store, search: AssetSearch) -> tuple[int, list[AssetRecord]]:
    """(total matches, one page of them), filtered, sorted and paged in SQL."""
    where = and_(*_search_conditions(search))
    total = store.orm.scalar(select(func.count(Asset.id)).where(where)) or 0
    key = _SORT[search.sort_by]
    order = (key.desc(), Asset.id.desc()) if search.descending else (key.asc(), Asset.id.asc())
    rows = store.orm.scalars(
        select(Asset).where(where).order_by(*order).limit(search.limit).offset(search.offset)
    )
    return int(total), [_asset(r) for r in rows]


def matching_ids(store: Store, search: AssetSearch) -> set[int]:
    """The ids of every asset ``search`` filters in (not paged)."""
    where = and_(*_search_conditions(search))
    return set(store.connection.execute(select(Asset.id).where(where)).scalars())
