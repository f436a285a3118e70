"""User accounts as ``ips-emulator users`` manages them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select, update

from ips_emulator.records import email_key
from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import Company, Membership, User


@dataclass(frozen=True, slots=True)
class Account:
    handle: str
    email: str
    role: str
    is_valid: bool
    #: Handles of the companies the user is an active member of.
    companies: tuple[str, ...]


def list_accounts(store: Store, company_handle: str | None = None) -> list[Account]:
    """Every user (or the members of one company), in creation order."""
    member_of: defaultdict[int, list[str]] = defaultdict(list)
    rows = store.orm.execute(
        select(Membership.user_id, Company.handle)
        .join(Company, Company.id == Membership.company_id)
        .where(Membership.is_active.is_(True))
        .order_by(Membership.user_id, Company.id)
    )
    for user_id, handle in rows:
        member_of[user_id].append(handle)
    accounts = [
        Account(u.handle, u.email, u.role, u.is_valid, tuple(member_of[u.id]))
        for u in store.orm.scalars(select(User).order_by(User.id))
    ]
    if company_handle is None:
        return accounts
    return [a for a in accounts if company_handle in a.companies]


def set_password_hash(store: Store, email: str, password_hash: str) -> bool:
    """Replace the user's password hash; False if there is no such user."""
    result = store.orm.execute(
        update(User).where(User.email_key == email_key(email)).values(password_hash=password_hash)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
