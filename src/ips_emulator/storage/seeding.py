"""What loading seed documents needs beyond the storage the SOAP operations use."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import InstrumentedAttribute

from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import Asset, Company, Job, Membership, User

_HANDLES: dict[str, tuple[InstrumentedAttribute[int], InstrumentedAttribute[str]]] = {
    "company": (Company.id, Company.handle),
    "user": (User.id, User.handle),
    "asset": (Asset.id, Asset.handle),
}


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
