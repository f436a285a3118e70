"""Graceful shutdown, run as operators run it (the console script, in a subprocess): on
SIGTERM or SIGINT a call in flight gets its whole answer, new connections are refused,
and the process exits 0 within --shutdown-timeout."""

from __future__ import annotations

import http.client
import os
import select
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import pytest
import requests

from tests.helpers import asset_logs_param, auth_header, envelope
from tests.test_cli_errors import CLI, clean_env

SERVICE = "/scene7/services/IpsApiService"
TOKEN = "t0ken"
SIGNALS = [signal.SIGTERM, signal.SIGINT]


@contextmanager
def serving(cwd: Path, *args: str, **env: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """``serve --port 0 ARGS`` in its own process group with ``env`` added to a clean
    environment, and the port its banner names."""
    command = [CLI, "serve", "--port", "0", "--admin-token", TOKEN, *args]
    process = subprocess.Popen(
        command, cwd=cwd, env=clean_env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "no banner within 60 s"
        banner = process.stdout.readline()
        yield process, int(banner.split(":")[2].split("/")[0])
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=10)


def send(process: subprocess.Popen[str], signum: int) -> None:
    """SIGTERM as a supervisor sends it (to the server's process); SIGINT as Ctrl-C in a
    terminal does (to every process of the group, gunicorn's workers too)."""
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)


def wait_until_refused(port: int, within: float = 3.0) -> None:
    deadline = time.monotonic() + within
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except ConnectionRefusedError:
            return
        assert time.monotonic() < deadline, "new connections are still accepted"
        time.sleep(0.1)


def assert_asset_logs(status: int, body: bytes) -> None:
    assert status == 200, body
    assert b"getAssetJobLogsReturn" in body
    assert b"Add_2007-10-24-16:11:07" in body  # the demo asset's job: a whole answer


def exits_cleanly(process: subprocess.Popen[str], within: float) -> str:
    """Standard error once the process has exited 0 within ``within`` seconds."""
    _, stderr = process.communicate(timeout=within)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    return stderr


@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGTERM", "SIGINT"])
def test_a_delayed_call_finishes_after_the_signal(tmp_path: Path, signum: int) -> None:
    """One process: the call is running in the application (a 2 s fault-rule delay)."""
    with serving(tmp_path) as (process, port):
        base = f"http://127.0.0.1:{port}"
        rule = {"operation": "getAssetJobLogs", "delay": 2}
        headers = {"Authorization": f"Bearer {TOKEN}"}
        assert requests.post(f"{base}/admin/faults", json=rule, headers=headers).status_code == 201
        answers: list[requests.Response] = []
        call = threading.Thread(target=lambda: answers.append(requests.post(
            base + SERVICE, data=envelope(asset_logs_param(), auth_header()), timeout=30,
            headers={"Content-Type": "text/xml; charset=UTF-8"},
        )))  # fmt: skip
        call.start()
        time.sleep(0.5)
        signalled = time.monotonic()
        send(process, signum)
        wait_until_refused(port, within=1.4)  # before the call ends, 1.5 s after the signal
        call.join(timeout=10)
        assert_asset_logs(answers[0].status_code, answers[0].content)
        exits_cleanly(process, within=10)
        assert 1.0 < time.monotonic() - signalled < 5  # it waited for the call, no longer


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGTERM", "SIGINT"])
def test_a_request_still_arriving_is_answered(tmp_path: Path, workers: str, signum: int) -> None:
    """The signal comes while the request body is half sent: under gunicorn the fault
    rules are per worker, so the call is held in flight by the client instead."""
    with ExitStack() as stack:
        process, port = stack.enter_context(serving(tmp_path, "--workers", workers))
        body = envelope(asset_logs_param(), auth_header())
        connection = stack.enter_context(closing(http.client.HTTPConnection("127.0.0.1", port)))
        # A whole call first: the connection is accepted (on a loaded machine a new one
        # could still wait in the listen backlog when the signal comes, and be reset).
        headers = {"Content-Type": "text/xml; charset=UTF-8"}
        connection.request("POST", SERVICE, body=body, headers=headers)
        first = connection.getresponse()
        assert_asset_logs(first.status, first.read())
        connection.putrequest("POST", SERVICE)
        connection.putheader("Content-Type", "text/xml; charset=UTF-8")
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body[:100])
        time.sleep(1)  # the server reading the body
        send(process, signum)
        wait_until_refused(port)
        connection.send(body[100:])
        answer = connection.getresponse()
        assert_asset_logs(answer.status, answer.read())
        exits_cleanly(process, within=10)


def test_the_wait_is_bounded(tmp_path: Path) -> None:
    """A call that outlasts --shutdown-timeout is cut off; the process still exits 0."""
    with ExitStack() as stack:
        process, port = stack.enter_context(serving(tmp_path, "--shutdown-timeout", "1"))
        connection = stack.enter_context(closing(http.client.HTTPConnection("127.0.0.1", port)))
        connection.putrequest("POST", SERVICE)
        connection.putheader("Content-Length", "1000")
        connection.endheaders(b"<")  # and never the rest
        time.sleep(0.5)
        signalled = time.monotonic()
        process.send_signal(signal.SIGTERM)
        stderr = exits_cleanly(process, within=10)
        assert 1.0 <= time.monotonic() - signalled < 3
        assert "shutdown: 1 calls still in flight after 1 s" in stderr
