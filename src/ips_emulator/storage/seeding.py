"""What loading seed documents needs beyond the storage the SOAP operations use."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

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


def highest_number(session: Session, kind: str) -> int:
    """The highest id or handle number of ``kind`` (company, user, asset) stored so far.

    New handles count on from here so that they never collide with given ones
    (the demo company is ``c|6`` although its id is 1).
    """
    id_column, handle_column = _HANDLES[kind]
    top = session.scalar(select(id_column).order_by(id_column.desc()).limit(1)) or 0
    for handle in session.scalars(select(handle_column)):
        top = max(top, handle_number(handle))
    return top


def update_user(
    session: Session, user_id: int, is_valid: bool, password_expires: datetime | None
) -> None:
    session.execute(
        update(User)
        .where(User.id == user_id)
        .values(is_valid=is_valid, password_expires=password_expires)
    )


def has_membership(session: Session, user_id: int, company_id: int) -> bool:
    found = session.scalar(
        select(Membership.user_id).where(
            Membership.user_id == user_id, Membership.company_id == company_id
        )
    )
    return found is not None


def add_membership(session: Session, user_id: int, company_id: int, is_active: bool) -> None:
    session.add(Membership(user_id=user_id, company_id=company_id, is_active=is_active))
    session.flush()


def job_handle_taken(session: Session, handle: str) -> bool:
    return session.scalar(select(Job.id).where(Job.handle == handle)) is not None


def update_job(session: Session, job_id: int, **fields: Any) -> None:
    session.execute(update(Job).where(Job.id == job_id).values(**fields))
