"""The mistakes operators make most, run as they run them (the console script, in a
subprocess): one line on standard error, no traceback, exit status 1, no banner."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from ips_emulator.config import ENV_VARS

CLI = str(Path(sys.executable).parent / "ips-emulator")
URLS = "sqlite:///ips-emulator.db or postgresql+psycopg://user:password@host/db"

# A Python start-up hook that makes the PostgreSQL drivers impossible to import, as on a
# machine where `pip install ips-emulator` was run without the postgres extra.
BLOCK_DRIVERS = """\
import sys


class _NoPostgresDriver:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg", "psycopg2"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, _NoPostgresDriver())
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The test's environment without the emulator's settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS.values()}
    return {**env, **extra}


def one_line_error(args: list[str], cwd: Path, **env: str) -> str:
    result = subprocess.run(
        [CLI, *args], cwd=cwd, env=clean_env(**env), capture_output=True, text=True, timeout=60
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    assert result.returncode == 1
    assert result.stdout == ""  # no banner
    return lines[0]


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield int(listener.getsockname()[1])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_port_in_use(tmp_path: Path, busy_port: int, workers: str) -> None:
    args = ["serve", "--port", str(busy_port), "--workers", workers]
    assert one_line_error(args, tmp_path) == (
        f"Error: cannot listen on 127.0.0.1:{busy_port}: the port is in use (is another "
        "server running there?); choose another --port, or 0 for any free port"
    )


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_port_out_of_range(tmp_path: Path, port: str) -> None:
    assert one_line_error(["serve", "--port", port], tmp_path) == (
        f"Error: --port: port {port} is not between 0 and 65535 (0 picks any free port)"
    )


def test_bad_database_url_option_and_variable(tmp_path: Path) -> None:
    expected = f"not a database URL; give one such as {URLS}"
    line = one_line_error(["serve", "--database-url", "ips.db"], tmp_path)
    assert line == f"Error: --database-url: {expected}"
    line = one_line_error(["export"], tmp_path, IPS_EMULATOR_DATABASE_URL="ips.db")
    assert line == f"Error: IPS_EMULATOR_DATABASE_URL: {expected}"
    line = one_line_error(["serve", "--database-url", "mongodb://u:secret@host/db"], tmp_path)
    assert line == (
        "Error: cannot open the database mongodb://u:***@host/db: SQLAlchemy knows no such "
        f"database kind (give a URL such as {URLS})"
    )


def test_postgresql_without_the_driver(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(BLOCK_DRIVERS, encoding="utf-8")
    url = "postgresql+psycopg://user:secret@127.0.0.1:1/db"
    line = one_line_error(["serve", "--database-url", url], tmp_path, PYTHONPATH=str(tmp_path))
    assert line == (
        "Error: cannot open the database postgresql+psycopg://user:***@127.0.0.1:1/db: its "
        "driver is not installed (no module named 'psycopg'); pip install 'ips-emulator[postgres]'"
    )


def test_unreachable_postgresql_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = "postgresql+psycopg://user:secret@127.0.0.1:1/db"
    line = one_line_error(["db", "upgrade", "--database-url", url], tmp_path)
    assert line.startswith(
        "Error: cannot open the database postgresql+psycopg://user:***@127.0.0.1:1/db: "
    )
    assert "Connection refused" in line
    assert "secret" not in line


def test_sqlite_file_in_a_folder_that_cannot_exist(tmp_path: Path) -> None:
    """Tests run as root, who may write anywhere: a path under a regular file fails for all."""
    (tmp_path / "file").write_text("", encoding="utf-8")
    path = tmp_path / "file" / "sub" / "x.db"
    line = one_line_error(["serve", "--database-url", f"sqlite:///{path}"], tmp_path)
    assert line == (
        f"Error: cannot open the SQLite database {path}: the folder {path.parent} does not "
        "exist (create it first, or give another --database-url)"
    )


def test_sqlite_path_that_is_a_folder(tmp_path: Path) -> None:
    """SQLite's own reason is vague; the line says what to check."""
    (tmp_path / "folder.db").mkdir()
    line = one_line_error(["db", "upgrade", "--database-url", "sqlite:///folder.db"], tmp_path)
    assert line == (
        "Error: cannot open the SQLite database folder.db: unable to open database file (it "
        "must be a file this user can write, in a folder this user can write)"
    )


def test_host_that_is_not_this_machines(tmp_path: Path) -> None:
    line = one_line_error(["serve", "--host", "192.0.2.1", "--port", "0"], tmp_path)
    assert line == (
        "Error: cannot listen on 192.0.2.1:0: the address is not one of this machine's; "
        "choose another --host"
    )


def test_missing_sqlite_folder_is_refused_not_created(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    line = one_line_error(["seed", "x.json", "--database-url", "sqlite:///new/x.db"], tmp_path)
    assert line == (
        "Error: cannot open the SQLite database new/x.db: the folder new does not exist "
        "(create it first, or give another --database-url)"
    )
    assert not (tmp_path / "new").exists()


def test_unknown_default_locale(tmp_path: Path) -> None:
    assert one_line_error(["serve", "--default-locale", "xx-XX"], tmp_path) == (
        "Error: --default-locale: default locale 'xx-XX' is not shipped (available: de_DE, "
        "en_US, es_ES, fr_FR, it_IT, ja_JP, ko_KR, nl_NL, pt_BR, sv_SE, zh_CN, zh_TW)"
    )


def test_unknown_time_zone(tmp_path: Path) -> None:
    assert one_line_error(["serve", "--timezone", "Mars/Olympus"], tmp_path) == (
        "Error: --timezone: time zone 'Mars/Olympus' is not an IANA name such as UTC or "
        "Europe/Paris"
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("IPS_EMULATOR_PORT", "http", "port 'http' is not a whole number"),
        ("IPS_EMULATOR_JOB_SPEED", "fast", "job speed 'fast' is not realtime, instant or a number"),
        ("IPS_EMULATOR_TIMEZONE", "CEST", "time zone 'CEST' is not an IANA name such as UTC or "
         "Europe/Paris"),
        ("IPS_EMULATOR_DEFAULT_LOCALE", "klingon", "default locale 'klingon' is not shipped"),
        ("IPS_EMULATOR_MAX_XML_DEPTH", "0", "max_xml_depth '0' must be at least 1"),
    ],
)  # fmt: skip
def test_bad_environment_variable(tmp_path: Path, variable: str, value: str, message: str) -> None:
    line = one_line_error(["serve"], tmp_path, **{variable: value})
    assert line.startswith(f"Error: {variable}: {message}")


def test_writing_into_a_missing_folder(tmp_path: Path) -> None:
    line = one_line_error(["export", "-o", "missing/state.json"], tmp_path)
    assert line == "Error: cannot write missing/state.json: the folder missing does not exist"
    line = one_line_error(["wsdl", "-d", "missing"], tmp_path)
    assert line == (
        "Error: cannot write missing/IpsApi-2008-01-15.wsdl: the folder missing does not exist"
    )


def test_workers_with_an_in_memory_database(tmp_path: Path) -> None:
    assert one_line_error(["serve", "--workers", "2", "--database-url", "sqlite://"], tmp_path) == (
        "Error: --workers 2: an in-memory SQLite database is private to one process; give a "
        "file (sqlite:///ips-emulator.db) or PostgreSQL"
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_port_0_prints_the_bound_port_once_serving(tmp_path: Path, workers: str) -> None:
    """The banner names the port actually bound, and it answers as soon as it is printed."""
    command = [CLI, "serve", "--port", "0", "--workers", workers, "--no-demo"]
    process = subprocess.Popen(
        command, cwd=tmp_path, env=clean_env(), stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "no banner within 60 s"
        banner = process.stdout.readline()
        prefix = "ips-emulator serving http://127.0.0.1:"
        assert banner.startswith(prefix), banner
        port = int(banner.removeprefix(prefix).split("/", 1)[0])
        assert port != 0
        wsdl = requests.get(f"http://127.0.0.1:{port}/scene7/webservice/IpsApi.wsdl", timeout=10)
        assert wsdl.status_code == 200
        assert "IpsApiService" in wsdl.text
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        process.stdout.close()
