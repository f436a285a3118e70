"""Every setting in one place: the options that set them, where each value came from,
and ``ips-emulator config``, which shows the effective settings.

Only ``Settings.from_env`` reads ``IPS_EMULATOR_*`` variables; options are declared
without click's ``envvar=`` so that one parser (config.py) checks a value whichever way
it comes, and each option's help names its variable in click's own ``[env var: ...]``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from ips_emulator.cli_checks import masked, parse_database_url
from ips_emulator.config import (
    ENV_VARS,
    INSTANT,
    SettingError,
    Settings,
    env_sources,
    parse_setting,
)

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT = "default"

#: field -> (option, metavar, help, default as shown)
OPTIONS: dict[str, tuple[str, str, str, str]] = {
    "host": ("--host", "HOST", "Interface to listen on.", "127.0.0.1"),
    "port": ("--port", "PORT", "Port to listen on, 0 to 65535 (0: any free port).", "8080"),
    "database_url": (
        "--database-url",
        "URL",
        "SQLAlchemy database URL (PostgreSQL: pip install 'ips-emulator[postgres]').",
        "sqlite:///ips-emulator.db",
    ),
    "default_locale": (
        "--default-locale",
        "LOCALE",
        "Locale of logMessage when a request names none (authHeader/locale, Accept-Language).",
        "en-US",
    ),
    "timezone": (
        "--timezone",
        "ZONE",
        "The IPS server's time zone (IANA name); dates are rendered with its offset.",
        "UTC",
    ),
    "job_speed": (
        "--job-speed",
        "SPEED",
        "How fast jobs run: realtime, instant (a job finishes within submitJob) or a "
        "factor such as 10.",
        "realtime",
    ),
    "admin_token": (
        "--admin-token",
        "TOKEN",
        "Open the JSON admin API under /admin/ to requests that send Authorization: Bearer TOKEN.",
        "closed",
    ),
    "shutdown_timeout": (
        "--shutdown-timeout",
        "SECONDS",
        "On SIGTERM or SIGINT, stop accepting and give calls in flight this long to finish.",
        "10",
    ),
    "log_level": (
        "--log-level",
        "LEVEL",
        "debug, info (a line per SOAP call), warning or error.",
        "info",
    ),
    "log_format": ("--log-format", "FORMAT", "text, or json (one object per line).", "text"),
    "idle_timeout": (
        "--idle-timeout",
        "SECONDS",
        "Close a connection that sends nothing for this many whole seconds (kept alive "
        "between calls, or stalled in the middle of a request).",
        "30",
    ),
    "connection_limit": (
        "--connection-limit",
        "N",
        "Open connections per process; past it new ones wait until one closes.",
        "1000",
    ),
}


def setting_option(name: str) -> Callable[[F], F]:
    """The option of setting ``name``, its help naming its variable and default."""
    option, metavar, text, default = OPTIONS[name]
    return click.option(
        option, name, metavar=metavar, default=None,
        help=f"{text}  [env var: {ENV_VARS[name]}; default: {default}]",
    )  # fmt: skip


def settings_options(command: F) -> F:
    """The options of every setting that has one (``serve`` and ``config``), in help order."""
    command = click.option(
        "--no-demo", is_flag=True, help="Do not load the demo data into an empty database."
    )(command)
    for name in reversed(OPTIONS):  # the last decorator applied is listed first
        command = setting_option(name)(command)
    return command


@dataclass(frozen=True)
class Resolved:
    """The effective settings and, per field, where its value came from."""

    settings: Settings
    sources: dict[str, str]

    def source(self, name: str) -> str:
        return self.sources.get(name, DEFAULT)


def resolve(options: Mapping[str, Any], no_demo: bool = False) -> Resolved:
    """Defaults, then ``IPS_EMULATOR_*`` variables, then options; every value checked.

    ``options`` maps fields to option values as typed (None: not given).
    """
    settings = Settings.from_env()
    sources = {name: f"environment variable {var}" for name, var in env_sources().items()}
    changes: dict[str, Any] = {}
    for name, text in options.items():
        if text is not None:
            option = OPTIONS[name][0]
            changes[name] = parse_setting(name, text, option)
            sources[name] = f"command-line option {option}"
    if no_demo:
        changes["load_demo"] = False
        sources["load_demo"] = "command-line option --no-demo"
    settings = settings.with_changes(**changes)
    parse_database_url(settings.database_url, _label(sources, "database_url", "database URL"))
    _check_locale(settings.default_locale, _label(sources, "default_locale", "default locale"))
    return Resolved(settings, sources)


def _label(sources: Mapping[str, str], name: str, what: str) -> str:
    """How an error names the origin of ``name``: its option, its variable or its default."""
    origin = sources.get(name, "")
    return origin.rsplit(" ", 1)[-1] if origin else f"the default {what}"


def _check_locale(locale: str, source: str) -> None:
    from ips_emulator.i18n import Catalogs, CatalogsNotCompiledError
    from ips_emulator.resources import data_dir

    try:
        Catalogs(data_dir("locales"), locale)
    except CatalogsNotCompiledError as exc:
        raise click.ClickException(str(exc)) from None
    except ValueError as exc:
        raise SettingError(f"{source}: {exc}") from None


def shown_value(name: str, value: Any) -> str:
    """A setting as ``config`` prints it: secrets masked, job speeds and None in words."""
    if name == "database_url":
        return masked(value)
    if name == "admin_token":
        return "***" if value else "none (the admin API is closed)"
    if name == "shutdown_timeout":
        return f"{value:g}"
    if name == "job_speed":
        return "instant" if value == INSTANT else "realtime" if value == 1.0 else f"{value:g}"
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return "none"
    return str(value)


@click.command("config")
@settings_options
def config(no_demo: bool, **options: str | None) -> None:
    """Show the effective settings and where each came from (default, environment
    variable or command-line option); secrets are masked.

    Takes the options of `serve`, so `ips-emulator config OPTIONS` shows what
    `ips-emulator serve OPTIONS` would run with.
    """
    resolved = resolve(options, no_demo)
    rows = [
        (f.name, shown_value(f.name, getattr(resolved.settings, f.name)), resolved.source(f.name))
        for f in dataclasses.fields(Settings)
    ]
    name_width = max(len(name) for name, _, _ in rows)
    value_width = max(len(value) for _, value, _ in rows)
    for name, value, source in rows:
        click.echo(f"{name:<{name_width}}  {value:<{value_width}}  {source}")


def database_option(command: F) -> F:
    """``--database-url``, for the commands that take the database the way ``serve`` does."""
    return setting_option("database_url")(command)


def effective_database_url(option: str | None) -> str:
    """The database URL from the option, else the environment, else the default; checked."""
    return resolve({"database_url": option}).settings.database_url
