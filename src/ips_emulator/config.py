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
    """

    host: str = "127.0.0.1"
    port: int = 8080
    database_url: str = field(default_factory=lambda: sqlite_url(DEFAULT_DATABASE_PATH))
    load_demo: bool = True
    default_locale: str = "en-US"
    timezone: str = "UTC"
    job_speed: float = 1.0

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
        return cls(**values)
