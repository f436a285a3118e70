"""Plain value objects that storage returns to the domain (no ORM objects leak out)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ips_emulator.domain.roles import Role


@dataclass(frozen=True, slots=True)
class CompanyRecord:
    id: int
    handle: str
    name: str
    root_path: str
    expires: datetime | None


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    handle: str
    email: str
    first_name: str
    last_name: str
    role: Role
    password_hash: str
    is_valid: bool


@dataclass(frozen=True, slots=True)
class AssetRecord:
    id: int
    handle: str
    company_id: int
    name: str
    folder: str
    asset_type: str


@dataclass(frozen=True, slots=True)
class AssetLogRow:
    """One job-log entry about an asset, joined with its job and submitter."""

    job_handle: str
    job_name: str
    log_type: str
    template_id: str
    params: Mapping[str, str]
    submit_user_email: str
    created: datetime
