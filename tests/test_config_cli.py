"""Every setting in one place: each option's help names its variable, and
``ips-emulator config`` shows the effective settings and where each came from."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner, Result

from ips_emulator.cli import main
from ips_emulator.config import ENV_VARS

OPTIONS = {
    "host": "--host",
    "port": "--port",
    "database_url": "--database-url",
    "default_locale": "--default-locale",
    "timezone": "--timezone",
    "job_speed": "--job-speed",
    "admin_token": "--admin-token",
    "shutdown_timeout": "--shutdown-timeout",
    "log_level": "--log-level",
    "log_format": "--log-format",
    "idle_timeout": "--idle-timeout",
    "connection_limit": "--connection-limit",
}


def run(*args: str, **env: str) -> Result:
    # Unset the emulator's variables the caller's shell may have, then set ``env``.
    unset: dict[str, str | None] = {var: None for var in ENV_VARS.values() if var in os.environ}
    return CliRunner().invoke(main, list(args), env={**unset, **env}, catch_exceptions=False)


def help_of(option: str, text: str) -> str:
    """The help of ``option`` in ``--help`` output without white space: click wraps
    lines at spaces and after hyphens (``ips-`` ``emulator.db``)."""
    after = text.split(f"  {option} ", 1)[1]
    return "".join(after.split("\n  -", 1)[0].split())


@pytest.mark.parametrize("command", [["serve"], ["config"]])
def test_each_option_names_its_variable_and_default(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    defaults = {"host": "127.0.0.1", "port": "8080", "database_url": "sqlite:///ips-emulator.db",
                "default_locale": "en-US", "timezone": "UTC", "job_speed": "realtime",
                "admin_token": "closed", "shutdown_timeout": "10", "log_level": "info",
                "log_format": "text", "idle_timeout": "30", "connection_limit": "1000"}  # fmt: skip
    for name, option in OPTIONS.items():
        expected = f"[envvar:{ENV_VARS[name]};default:{defaults[name]}]"
        assert help_of(option, result.output).endswith(expected), option


def test_every_variable_config_reads_has_an_option_or_is_shown_by_config() -> None:
    """The twelve with an option are in serve's help; every one is listed by `config`."""
    help_text = run("serve", "--help").output
    assert [var for var in ENV_VARS.values() if var in help_text] == [
        f"IPS_EMULATOR_{name.upper()}" for name in OPTIONS
    ]
    env = {var: "7" for var in ENV_VARS.values() if var.removeprefix("IPS_EMULATOR_").startswith(
        ("MAX_", "LOGIN_"))}  # fmt: skip
    shown = run("config", **env).output
    for var in ENV_VARS.values():
        if var in env:
            assert f"environment variable {var}\n" in shown


def test_config_shows_defaults() -> None:
    result = run("config")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "host                 127.0.0.1                       default",
        "port                 8080                            default",
        "database_url         sqlite:///ips-emulator.db       default",
        "load_demo            True                            default",
        "default_locale       en-US                           default",
        "timezone             UTC                             default",
        "job_speed            realtime                        default",
        "admin_token          none (the admin API is closed)  default",
        "shutdown_timeout     10                              default",
        "log_level            info                            default",
        "log_format           text                            default",
        "idle_timeout         30                              default",
        "connection_limit     1000                            default",
        "max_body_bytes       10485760                        default",
        "max_xml_depth        100                             default",
        "max_xml_elements     100000                          default",
        "max_xml_attributes   50                              default",
        "max_xml_text         1048576                         default",
        "login_failure_limit  none                            default",
    ]


def test_config_names_each_source_and_masks_secrets() -> None:
    result = run(
        "config", "--port", "0", "--job-speed", "instant", "--no-demo",
        "--database-url", "postgresql+psycopg://ips:s3cret@db.example/ips",
        IPS_EMULATOR_PORT="9000", IPS_EMULATOR_TIMEZONE="Europe/Paris",
        IPS_EMULATOR_ADMIN_TOKEN="t0ken", IPS_EMULATOR_LOGIN_FAILURE_LIMIT="5",
    )  # fmt: skip
    assert result.exit_code == 0
    rows = {line.split()[0]: " ".join(line.split()[1:]) for line in result.output.splitlines()}
    assert rows["port"] == "0 command-line option --port"  # the option wins over the variable
    assert rows["database_url"] == (
        "postgresql+psycopg://ips:***@db.example/ips command-line option --database-url"
    )
    assert rows["load_demo"] == "False command-line option --no-demo"
    assert rows["timezone"] == "Europe/Paris environment variable IPS_EMULATOR_TIMEZONE"
    assert rows["job_speed"] == "instant command-line option --job-speed"
    assert rows["admin_token"] == "*** environment variable IPS_EMULATOR_ADMIN_TOKEN"
    assert rows["login_failure_limit"] == "5 environment variable IPS_EMULATOR_LOGIN_FAILURE_LIMIT"
    assert rows["host"] == "127.0.0.1 default"
    assert "s3cret" not in result.output
    assert "t0ken" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--shutdown-timeout", "-1"], "--shutdown-timeout: '-1' seconds must be 0 or more"),
        (["--shutdown-timeout", "soon"], "--shutdown-timeout: 'soon' is not a number of seconds"),
        (["--log-level", "loud"], "--log-level: log level 'loud' is not one of debug, info, "
         "warning, error"),
        (["--log-format", "xml"], "--log-format: log format 'xml' is not one of text, json"),
        (["--idle-timeout", "0"], "--idle-timeout: idle timeout '0' must be at least 1"),
        (["--idle-timeout", "0.5"], "--idle-timeout: idle timeout '0.5' is not a whole number"),
        (["--connection-limit", "many"],
         "--connection-limit: connection limit 'many' is not a whole number"),
    ],
)  # fmt: skip
def test_operating_settings_are_checked(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["config", *args])
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"


def test_config_refuses_what_serve_would_refuse() -> None:
    result = CliRunner().invoke(main, ["config", "--timezone", "Mars/Olympus"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: --timezone: time zone 'Mars/Olympus' is not an IANA name such as UTC or "
        "Europe/Paris\n"
    )
