"""The command line and the README's commands, run as a user runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from ips_emulator.cli import main

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return
        except requests.RequestException:  # not up yet, or too busy to answer in time
            time.sleep(0.1)
    raise AssertionError(f"{url} did not come up within {timeout}s")


@contextmanager
def running(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **env}, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_serve_help_documents_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--database-url", "--default-locale", "--timezone"):
        assert option in result.output
    assert "IPS_EMULATOR_DATABASE_URL" in result.output


def test_wsdl_command_prints_the_committed_contract() -> None:
    result = CliRunner().invoke(main, ["wsdl", "2008-01-15"])
    assert result.exit_code == 0
    assert result.output == (ROOT / "wsdl" / "IpsApi-2008-01-15.wsdl").read_text()
    assert CliRunner().invoke(main, ["wsdl", "1999-01-01"]).exit_code != 0


def test_wsdl_command_names_files_as_the_real_service(tmp_path: Path) -> None:
    for version, name in (("xsd", "IpsApi.wsdl"), ("2014-04-03", "IpsApi-2014-04-03.wsdl")):
        result = CliRunner().invoke(main, ["wsdl", version, "-d", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text() == (ROOT / "wsdl" / name).read_text()


def test_console_script_serves_and_the_example_prints_logs(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"IPS_EMULATOR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    with running([str(BIN / "ips-emulator"), "serve", "--port", str(port)], env):
        wait_for(f"{url}/scene7/webservice/IpsApi-2008-01-15.wsdl")
        example = [sys.executable, "examples/get_asset_job_logs.py", "--url", url]
        english = subprocess.run(example, cwd=ROOT, capture_output=True, text=True, check=True)
        french = subprocess.run(
            [*example, "--locale", "fr-FR"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    assert (tmp_path / "cli.db").exists()  # the environment variable chose the database
    assert "2 job log entries for a|732|1|535 (en-US):" in english.stdout
    assert "ApiTestCo/blakexslttest.jpg was processed into IPS." in english.stdout
    assert "2007-10-24T23:12:32.297+00:00  UploadSuccess  Add_2007-10-24-16:11:07" in english.stdout
    assert "ApiTestCo/blakexslttest.jpg a été traité dans IPS" in french.stdout


def test_no_demo_leaves_the_database_empty(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    db = tmp_path / "empty.db"
    command = [str(BIN / "ips-emulator"), "serve", "--port", str(port), "--no-demo"]
    with running([*command, "--database-url", f"sqlite:///{db}"], {}):
        wait_for(f"{url}/scene7/webservice/IpsApi-2008-01-15.wsdl")
        example = [sys.executable, "examples/get_asset_job_logs.py", "--url", url]
        result = subprocess.run(example, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "authenticationFault" not in result.stderr  # typed fault, printed by the example
    assert "AuthenticationException 10001" in result.stderr


@pytest.mark.skipif(not (ROOT / "Makefile").exists(), reason="needs the source checkout")
def test_make_serve_on_another_port(tmp_path: Path) -> None:
    port = free_port()
    env = {"IPS_EMULATOR_DATABASE_URL": f"sqlite:///{tmp_path / 'make.db'}"}
    with running(["make", "--no-print-directory", "serve", f"PORT={port}"], env):
        wait_for(f"http://127.0.0.1:{port}/scene7/services/IpsApiService?wsdl")


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = CliRunner().invoke(main, ["db", "upgrade", "--database-url", url])
    assert result.exit_code == 0, result.output
    assert "schema up to date" in result.output
    again = CliRunner().invoke(main, ["db", "upgrade", "--database-url", url])
    assert again.exit_code == 0


def test_serve_with_two_workers(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(BIN / "ips-emulator"), "serve", "--port", str(port), "--workers", "2"]
    env = {"IPS_EMULATOR_DATABASE_URL": f"sqlite:///{tmp_path / 'workers.db'}"}
    with running(command, env):
        wait_for(f"{url}/scene7/webservice/IpsApi-2008-01-15.wsdl")
        example = [sys.executable, "examples/get_asset_job_logs.py", "--url", url]
        for _ in range(4):  # calls spread over both workers
            result = subprocess.run(example, cwd=ROOT, capture_output=True, text=True, check=True)
            assert "2 job log entries" in result.stdout


def test_serve_runs_one_thread_per_process_unless_told() -> None:
    """decisions.md: calls are CPU-bound, so one thread answers the most calls."""
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    threads = " ".join(result.output.split("--threads", 1)[1].split())
    assert "[default: 1; x>=1]" in threads
    refused = CliRunner().invoke(main, ["serve", "--threads", "0"])
    assert refused.exit_code == 2
    assert "--threads" in refused.output


def test_two_workers_share_an_sqlite_file_while_both_write(tmp_path: Path) -> None:
    """decisions.md: --workers on an SQLite file is safe (WAL, busy timeout, retried
    transactions, compare-and-set claims): concurrent job submissions all land, once."""
    import threading

    import zeep
    from sqlalchemy import create_engine, text

    from tests.conftest import demo_header

    port = free_port()
    db = tmp_path / "shared.db"
    command = [str(BIN / "ips-emulator"), "serve", "--port", str(port), "--workers", "2",
               "--job-speed", "instant", "--database-url", f"sqlite:///{db}"]  # fmt: skip
    wsdl = f"http://127.0.0.1:{port}/scene7/webservice/IpsApi-2008-01-15.wsdl"
    errors: list[BaseException] = []

    def submit(thread: int) -> None:
        try:
            client = zeep.Client(wsdl)
            for n in range(5):
                files = [{"sourceUrl": f"http://example.com/{thread}-{n}-{i}.jpg",
                          "destPath": f"w/{thread}-{n}-{i}.jpg"} for i in range(5)]  # fmt: skip
                client.service.submitJob(
                    companyHandle="c|6", jobName=f"w{thread}-{n}", _soapheaders=demo_header(),
                    uploadUrlsJob={"urlArray": {"items": files}, "overwrite": True,
                                   "readyForPublish": True, "createMask": False,
                                   "emailSetting": "None"},
                )  # fmt: skip
        except BaseException as exc:  # reported below, in the test thread
            errors.append(exc)

    with running(command, {}):
        wait_for(wsdl)
        threads = [threading.Thread(target=submit, args=(t,)) for t in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors, errors
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        runs = connection.execute(
            text(
                "SELECT original_name, COUNT(*) FROM job WHERE original_name LIKE 'w%' "
                "GROUP BY original_name"
            )
        ).all()
        uploads = connection.execute(
            text("SELECT COUNT(*) FROM asset WHERE folder LIKE '%w/'")
        ).scalar_one()
    engine.dispose()
    assert sorted(runs) == sorted((f"w{t}-{n}", 1) for t in range(4) for n in range(5))
    assert uploads == 4 * 5 * 5
