"""Emulator settings: one explicit object, read from the environment in one place."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_DATABASE_PATH = Path("ips-emulator.db")
INSTANT = math.inf
ENV_PREFIX = "IPS_EMULATOR_"


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def parse_job_speed(text: str) -> float:
    """``realtime`` (1), ``instant`` (jobs finish within submitJob) or a factor such as ``10``."""
    lowered = text.strip().lower()
    if lowered == "realtime":
        return 1.0
    if lowered == "instant":
        return INSTANT
    try:
        speed = float(lowered)
    except ValueError:
        raise ValueError(f"job speed {text!r} is not realtime, instant or a number") from None
    if not speed > 0:
        raise ValueError(f"job speed {text!r} must be greater than 0")
    return speed


#: Integer bounds read from ``IPS_EMULATOR_<NAME>`` (SECURITY.md).
BOUND_SETTINGS = (
    "max_body_bytes",
    "max_xml_depth",
    "max_xml_elements",
    "max_xml_attributes",
    "max_xml_text",
    "login_failure_limit",
)


def parse_bound(name: str, text: str) -> int:
    """A bound's value: a whole number greater than 0."""
    try:
        value = int(text.strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a whole number") from None
    if value < 1:
        raise ValueError(f"{name} {text!r} must be at least 1")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything the emulator can be told, grouped by concern.

    Network
        ``host``, ``port``: where ``ips-emulator serve`` listens (port 0 = any free port).
    Storage
        ``database_url``: any SQLAlchemy URL; an embedded SQLite file by default,
        ``postgresql+psycopg://...`` when one process or machine is not enough.
        ``load_demo``: load the documented example data into an empty database.
    Behaviour
        ``default_locale``: the locale of ``logMessage`` when the request names none.
        ``timezone``: the IPS server's time zone (an IANA name); dates are stored in
        UTC and rendered with this zone's offset, as the real server does.
        ``job_speed``: how fast jobs run: 1.0 is real time (a file a second),
        ``INSTANT`` finishes them within the submitting call.
    Test harness
        ``admin_token``: the bearer token of the JSON admin API under ``/admin/``
        (docs/admin-api.md); None keeps the admin API closed.
    Bounds (SECURITY.md; each has the env var ``IPS_EMULATOR_`` + its name in capitals)
        ``max_body_bytes``: request body size, after gzip decompression (HTTP 413 over it).
        ``max_xml_depth``, ``max_xml_elements``, ``max_xml_attributes`` (per element),
        ``max_xml_text`` (characters in a text node or attribute value): over any,
        ``ipsApiFault`` 30003.
        ``login_failure_limit``: failed logins per user and minute before 10001 "too many
        attempts"; None (the default) never limits.
    """

    host: str = "127.0.0.1"
    port: int = 8080
    database_url: str = field(default_factory=lambda: sqlite_url(DEFAULT_DATABASE_PATH))
    load_demo: bool = True
    default_locale: str = "en-US"
    timezone: str = "UTC"
    job_speed: float = 1.0
    admin_token: str | None = None
    max_body_bytes: int = 10 * 1024 * 1024
    max_xml_depth: int = 100
    max_xml_elements: int = 100_000
    max_xml_attributes: int = 50
    max_xml_text: int = 1024 * 1024
    login_failure_limit: int | None = None

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``IPS_EMULATOR_*`` variables; the only place that reads them."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if url := env.get(f"{ENV_PREFIX}DATABASE_URL"):
            values["database_url"] = url
        if locale := env.get(f"{ENV_PREFIX}DEFAULT_LOCALE"):
            values["default_locale"] = locale
        if tz := env.get(f"{ENV_PREFIX}TIMEZONE"):
            values["timezone"] = tz
        if speed := env.get(f"{ENV_PREFIX}JOB_SPEED"):
            values["job_speed"] = parse_job_speed(speed)
        if host := env.get(f"{ENV_PREFIX}HOST"):
            values["host"] = host
        if port := env.get(f"{ENV_PREFIX}PORT"):
            values["port"] = int(port)
        if token := env.get(f"{ENV_PREFIX}ADMIN_TOKEN"):
            values["admin_token"] = token
        for name in BOUND_SETTINGS:
            if text := env.get(f"{ENV_PREFIX}{name.upper()}"):
                values[name] = parse_bound(name, text)
        return cls(**values)
