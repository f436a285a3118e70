"""Emulator settings: one explicit object, read from the environment in one place."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


def parse_port(text: str) -> int:
    """A TCP port: 0 (any free port) to 65535."""
    try:
        port = int(text.strip())
    except ValueError:
        raise ValueError(f"port {text!r} is not a whole number") from None
    if not 0 <= port <= 65535:
        raise ValueError(f"port {port} is not between 0 and 65535 (0 picks any free port)")
    return port


def check_timezone(name: str) -> str:
    """An IANA time zone name, as ZoneInfo knows it."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"time zone {name!r} is not an IANA name such as UTC or Europe/Paris"
        ) from None
    return name


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


def parse_seconds(text: str) -> float:
    """A duration in seconds: a number, 0 or more."""
    try:
        seconds = float(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a number of seconds") from None
    if not 0 <= seconds < math.inf:
        raise ValueError(f"{text!r} seconds must be 0 or more")
    return seconds


LOG_LEVELS = ("debug", "info", "warning", "error")
LOG_FORMATS = ("text", "json")


def _one_of(what: str, choices: tuple[str, ...], text: str) -> str:
    value = text.strip().lower()
    if value not in choices:
        raise ValueError(f"{what} {text!r} is not one of {', '.join(choices)}")
    return value


class SettingError(ValueError):
    """A setting's value is unusable; the message starts with where it came from."""


#: Every setting the environment may give: field -> variable (``IPS_EMULATOR_`` + NAME).
ENV_VARS: dict[str, str] = {
    name: f"{ENV_PREFIX}{name.upper()}"
    for name in ("host", "port", "database_url", "default_locale", "timezone", "job_speed",
                 "admin_token", "shutdown_timeout", "log_level", "log_format",
                 "idle_timeout", "connection_limit", *BOUND_SETTINGS)
}  # fmt: skip

_PARSERS: dict[str, Callable[[str], Any]] = {
    "port": parse_port,
    "timezone": check_timezone,
    "job_speed": parse_job_speed,
    "shutdown_timeout": parse_seconds,
    "log_level": partial(_one_of, "log level", LOG_LEVELS),
    "log_format": partial(_one_of, "log format", LOG_FORMATS),
    # Whole seconds: waitress counts its channel timeout in them.
    "idle_timeout": partial(parse_bound, "idle timeout"),
    "connection_limit": partial(parse_bound, "connection limit"),
    **{name: partial(parse_bound, name) for name in BOUND_SETTINGS},
}


def parse_setting(name: str, text: str, source: str) -> Any:
    """The value of setting ``name`` given as ``text`` by ``source`` (a variable or option)."""
    try:
        return _PARSERS.get(name, str)(text)
    except ValueError as exc:
        raise SettingError(f"{source}: {exc}") from None


def env_sources(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings the environment gives: field -> the variable that gives it."""
    env = os.environ if environ is None else environ
    return {name: var for name, var in ENV_VARS.items() if env.get(var)}


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
    Operation (README "Running it for a team")
        ``shutdown_timeout``: on SIGTERM or SIGINT, how long calls in flight may take to
        finish (seconds) before ``serve`` exits anyway.
        ``log_level``: ``debug``, ``info`` (one access line per SOAP call), ``warning``
        or ``error``. ``log_format``: ``text``, or ``json`` (one object per line).
    Connections (SECURITY.md "Connections")
        ``idle_timeout``: whole seconds a connection may send nothing, between requests
        or in the middle of one, before it is closed.
        ``connection_limit``: open connections per serving process; past it, new ones
        wait in the listen backlog until one closes.
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
    shutdown_timeout: float = 10.0
    log_level: str = "info"
    log_format: str = "text"
    idle_timeout: int = 30
    connection_limit: int = 1000
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
        """Settings from ``IPS_EMULATOR_*`` variables; the only place that reads them.

        An empty variable counts as unset; a bad value raises ``SettingError`` naming it.
        """
        env = os.environ if environ is None else environ
        values = {
            name: parse_setting(name, env[var], var) for name, var in env_sources(env).items()
        }
        return cls(**values)
