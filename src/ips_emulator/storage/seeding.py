"""What loading, exporting and resetting the stored data need beyond the SOAP operations'."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import InstrumentedAttribute

from ips_emulator.records import CompanyRecord, ImageFacts
from ips_emulator.storage.assets import IMAGE_COLUMNS
from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import (
    Asset,
    Base,
    Company,
    Folder,
    Job,
    JobLogEntry,
    Membership,
    User,
)

_HANDLES: dict[str, tuple[InstrumentedAttribute[int], InstrumentedAttribute[str]]] = {
    "company": (Company.id, Company.handle),
    "user": (User.id, User.handle),
    "asset": (Asset.id, Asset.handle),
}


def delete_all(store: Store) -> None:
    """Delete every row (children first), keeping the schema."""
    for table in reversed(Base.metadata.sorted_tables):
        store.connection.execute(table.delete())


def handle_number(handle: str) -> int:
    """The number in ``c|12``, ``u|12|x@y`` or ``a|12|1|5`` (0 if there is none)."""
    parts = handle.split("|")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdecimal() else 0


def highest_number(store: Store, kind: str) -> int:
    """The highest id or handle number of ``kind`` (company, user, asset) stored so far.

    New handles count on from here so that they never collide with given ones
    (the demo company is ``c|6`` although its id is 1).
    """
    id_column, handle_column = _HANDLES[kind]
    top = store.orm.scalar(select(id_column).order_by(id_column.desc()).limit(1)) or 0
    for handle in store.orm.scalars(select(handle_column)):
        top = max(top, handle_number(handle))
    return top


def update_user(
    store: Store, user_id: int, is_valid: bool, password_expires: datetime | None
) -> None:
    store.orm.execute(
        update(User)
        .where(User.id == user_id)
        .values(is_valid=is_valid, password_expires=password_expires)
    )


def has_membership(store: Store, user_id: int, company_id: int) -> bool:
    found = store.orm.scalar(
        select(Membership.user_id).where(
            Membership.user_id == user_id, Membership.company_id == company_id
        )
    )
    return found is not None


def add_membership(store: Store, user_id: int, company_id: int, is_active: bool) -> None:
    store.orm.add(Membership(user_id=user_id, company_id=company_id, is_active=is_active))
    store.orm.flush()


def job_handle_taken(store: Store, handle: str) -> bool:
    return store.orm.scalar(select(Job.id).where(Job.handle == handle)) is not None


def update_job(store: Store, job_id: int, **fields: Any) -> None:
    store.orm.execute(update(Job).where(Job.id == job_id).values(**fields))


# Exporting: every row of a table as plain values, in the order the seed document
# lists them. Each row type's fields are the names of its table's columns.


class MembershipRow(NamedTuple):
    user_id: int
    company_id: int
    is_active: bool


class UserRow(NamedTuple):
    id: int
    handle: str
    email: str
    password_hash: str
    role: str
    first_name: str
    last_name: str
    is_valid: bool
    password_expires: datetime | None


class FolderRow(NamedTuple):
    company_id: int
    path: str
    last_modified: datetime
    child_last_modified: datetime


class AssetRow(NamedTuple):
    id: int
    handle: str
    company_id: int
    folder: str
    name: str
    asset_type: str
    created: datetime
    last_modified: datetime
    created_by: str | None
    modified_by: str | None
    metadata_fields: list[dict[str, str]] | None
    trash_state: str
    #: Every ImageInfo column, whatever the asset's type.
    image: ImageFacts


class JobRow(NamedTuple):
    id: int
    handle: str
    company_id: int
    submit_user_id: int
    name: str
    original_name: str
    job_type: str
    created: datetime
    end_date: datetime | None
    state: str
    locale: str | None
    description: str


class JobLogEntryRow(NamedTuple):
    job_id: int
    template_id: str
    params: Mapping[str, str] | None
    log_type: str
    created: datetime
    asset_id: int | None


R = TypeVar("R")


def _all(
    store: Store, entity: type[Any], fields: Sequence[str], make: Callable[..., R], *order: Any
) -> list[R]:
    columns = [getattr(entity, name) for name in fields]
    return [make(*row) for row in store.connection.execute(select(*columns).order_by(*order))]


def all_companies(store: Store) -> list[CompanyRecord]:
    fields = ("id", "handle", "name", "root_path", "expires")
    return _all(store, Company, fields, CompanyRecord, Company.id)


def all_memberships(store: Store) -> list[MembershipRow]:
    order = (Membership.user_id, Membership.company_id)
    return _all(store, Membership, MembershipRow._fields, MembershipRow, *order)


def all_users(store: Store) -> list[UserRow]:
    return _all(store, User, UserRow._fields, UserRow, User.id)


def all_folders(store: Store) -> list[FolderRow]:
    """Company by company, parents first (a moved folder's id may be below its parent's)."""
    return _all(store, Folder, FolderRow._fields, FolderRow, Folder.company_id, Folder.path)


def _asset_row(*values: Any) -> AssetRow:
    split = len(AssetRow._fields) - 1
    return AssetRow._make((*values[:split], ImageFacts(*values[split:])))


def all_assets(store: Store) -> list[AssetRow]:
    fields = (*AssetRow._fields[:-1], *IMAGE_COLUMNS)
    return _all(store, Asset, fields, _asset_row, Asset.id)


def all_jobs(store: Store) -> list[JobRow]:
    return _all(store, Job, JobRow._fields, JobRow, Job.id)


def all_entries(store: Store) -> list[JobLogEntryRow]:
    """Job by job, in the order written."""
    order = (JobLogEntry.job_id, JobLogEntry.created, JobLogEntry.id)
    return _all(store, JobLogEntry, JobLogEntryRow._fields, JobLogEntryRow, *order)
