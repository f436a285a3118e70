"""Who is calling, and what one request may use."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from ips_emulator.domain.clock import Clock
from ips_emulator.domain.messages import Messages
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.domain.roles import GLOBAL_ROLES
from ips_emulator.records import CompanyRecord, Role


@dataclass(frozen=True, slots=True)
class Credentials:
    """Credentials as the request carried them, wherever they came from."""

    user: str
    password: str
    #: "authHeader", "legacy" (AuthUser/AuthPassword) or "basic" (HTTP Basic).
    source: str


@dataclass(frozen=True, slots=True)
class Caller:
    user_id: int
    user_handle: str
    email: str
    role: Role

    @property
    def is_global(self) -> bool:
        """True when the caller may act on any company (IpsAdmin)."""
        return self.role in GLOBAL_ROLES


@dataclass(slots=True)
class RequestScope:
    """What the domain may use while it serves one call.

    ``store`` is the storage transaction, opaque to the domain: it only hands it on
    to ``ips_emulator.storage`` functions.
    """

    store: Any
    clock: Clock
    #: The log message texts in the request's negotiated locale.
    messages: Messages
    locale: str
    caller: Caller | None = None
    #: The IPS server's time zone (job names, schedules, dates without offset).
    zone: tzinfo = UTC
    #: Job speed: 1.0 is real time, math.inf completes jobs within the submitting call.
    job_speed: float = 1.0
    #: Company handle -> (company, caller is an active member), or None for no such
    #: company: read with the caller's credentials (one round trip instead of two).
    company_access: dict[str, tuple[CompanyRecord, bool] | None] = field(default_factory=dict)
    #: The failed-login limit, which ``checkLogin`` obeys and feeds like a login does.
    login_throttle: LoginThrottle | None = None

    def in_server_zone(self, value: datetime | None) -> datetime | None:
        """An input date; one without an offset is in the server's time zone (decisions.md)."""
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=self.zone)
