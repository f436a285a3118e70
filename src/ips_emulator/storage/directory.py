"""Companies, users and memberships."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select

from ips_emulator.records import CompanyRecord, Role, UserRecord, email_key
from ips_emulator.storage.db import Store
from ips_emulator.storage.prepared import PreparedQuery
from ips_emulator.storage.tables import Company, Membership, User, from_micros


def _company(row: Company) -> CompanyRecord:
    return CompanyRecord(row.id, row.handle, row.name, row.root_path, row.expires)


def _user(row: User) -> UserRecord:
    return UserRecord(
        id=row.id,
        handle=row.handle,
        email=row.email,
        first_name=row.first_name,
        last_name=row.last_name,
        role=Role(row.role),
        password_hash=row.password_hash,
        is_valid=row.is_valid,
    )


_USER_COLUMNS = (
    User.id, User.handle, User.email, User.first_name, User.last_name, User.role,
    User.password_hash, User.is_valid,
)  # fmt: skip
_USER_BY_EMAIL = PreparedQuery(select(*_USER_COLUMNS).where(User.email_key == bindparam("key")))


def _user_from(row: tuple[Any, ...]) -> UserRecord:
    return UserRecord(row[0], row[1], row[2], row[3], row[4], Role(row[5]), row[6], bool(row[7]))


def _access_from(row: tuple[Any, ...]) -> tuple[CompanyRecord, bool] | None:
    """(company, active member?) from the driver's values of ``_ACCESS_COLUMNS``."""
    if row[0] is None:
        return None
    expires = None if row[4] is None else from_micros(row[4])
    return CompanyRecord(row[0], row[1], row[2], row[3], expires), bool(row[5])


def find_user_by_email(store: Store, email: str) -> UserRecord | None:
    """Every call authenticates: one prepared, column-only query (no ORM objects)."""
    rows = _USER_BY_EMAIL.rows(store, {"key": email_key(email)})
    return _user_from(rows[0]) if rows else None


_ACCESS_COLUMNS = (
    Company.id, Company.handle, Company.name, Company.root_path, Company.expires,
    Membership.is_active,
)  # fmt: skip
_COMPANY_ACCESS = PreparedQuery(
    select(*_ACCESS_COLUMNS)
    .outerjoin(
        Membership,
        (Membership.company_id == Company.id) & (Membership.user_id == bindparam("user_id")),
    )
    .where(Company.handle == bindparam("handle"))
)  # fmt: skip


def company_access(store: Store, handle: str, user_id: int) -> tuple[CompanyRecord, bool] | None:
    """The company and whether the user is an active member of it, in one query."""
    rows = _COMPANY_ACCESS.rows(store, {"handle": handle, "user_id": user_id})
    return _access_from(rows[0]) if rows else None


_USER_AND_ACCESS = PreparedQuery(
    select(*_USER_COLUMNS, *_ACCESS_COLUMNS)
    .select_from(User)
    .outerjoin(Company, Company.handle == bindparam("handle"))
    .outerjoin(Membership, (Membership.company_id == Company.id) & (Membership.user_id == User.id))
    .where(User.email_key == bindparam("key"))
)


def find_user_with_access(
    store: Store, email: str, company_handle: str
) -> tuple[UserRecord, tuple[CompanyRecord, bool] | None] | None:
    """``find_user_by_email`` and that user's ``company_access`` in one round trip
    (company-scoped calls, most calls, need both)."""
    key = email_key(email)
    rows = _USER_AND_ACCESS.rows(store, {"key": key, "handle": company_handle})
    if not rows:
        return None
    width = len(_USER_COLUMNS)
    return _user_from(rows[0][:width]), _access_from(rows[0][width:])


def find_company_by_handle(store: Store, handle: str) -> CompanyRecord | None:
    row = store.orm.scalars(select(Company).where(Company.handle == handle)).first()
    return None if row is None else _company(row)


def is_member(store: Store, user_id: int, company_id: int) -> bool:
    found = store.orm.scalar(
        select(Membership.is_active).where(
            Membership.user_id == user_id, Membership.company_id == company_id
        )
    )
    return bool(found)


def add_company(
    store: Store, name: str, root_path: str, expires: datetime | None, handle: str | None
) -> CompanyRecord:
    row = Company(handle=handle or "", name=name, root_path=root_path, expires=expires)
    store.orm.add(row)
    store.orm.flush()
    if not handle:
        row.handle = f"c|{row.id}"
    return _company(row)


def add_user(
    store: Store,
    email: str,
    password_hash: str,
    role: Role,
    first_name: str = "",
    last_name: str = "",
    handle: str | None = None,
) -> UserRecord:
    row = User(
        handle=handle or "",
        email_key=email_key(email),
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=role.value,
        password_hash=password_hash,
        is_valid=True,
    )
    store.orm.add(row)
    store.orm.flush()
    if not handle:
        row.handle = f"u|{row.id}|{email}"
    return _user(row)


def add_membership(store: Store, user_id: int, company_id: int) -> None:
    store.orm.add(Membership(user_id=user_id, company_id=company_id, is_active=True))
    store.orm.flush()


def has_companies(store: Store) -> bool:
    return store.orm.scalar(select(Company.id).limit(1)) is not None


def get_company(store: Store, company_id: int) -> CompanyRecord:
    return _company(store.orm.get_one(Company, company_id))


def all_companies(store: Store) -> list[CompanyRecord]:
    return [_company(r) for r in store.orm.scalars(select(Company).order_by(Company.id))]


def companies_of(store: Store, user_id: int) -> list[CompanyRecord]:
    rows = store.orm.scalars(
        select(Company)
        .join(Membership, Membership.company_id == Company.id)
        .where(Membership.user_id == user_id, Membership.is_active.is_(True))
        .order_by(Company.id)
    )
    return [_company(r) for r in rows]


def find_company_by_name(store: Store, name: str) -> CompanyRecord | None:
    row = store.orm.scalars(select(Company).where(Company.name == name)).first()
    return None if row is None else _company(row)


def find_user_by_handle(store: Store, handle: str) -> UserRecord | None:
    row = store.orm.scalars(select(User).where(User.handle == handle)).first()
    return None if row is None else _user(row)


def get_user(store: Store, user_id: int) -> UserRecord:
    return _user(store.orm.get_one(User, user_id))
