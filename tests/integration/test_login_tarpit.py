"""A connection that keeps failing to log in is held back, and nobody else is
(``server/tarpit.py``, issue 18 point 2; the throughput it keeps for others under a
flood is a ``make bench`` target, bench/login_flood.py).

The tarpit is narrowed here (3 failures, then one every 4 s) so a few calls show it."""

from __future__ import annotations

import http.client
import threading
import time

import pytest
import requests

from ips_emulator.server.runner import EmulatorServer
from tests.conftest import ServerFactory
from tests.helpers import asset_logs_param, auth_header, envelope

SERVICE = "/scene7/services/IpsApiService"
GOOD = envelope(asset_logs_param(), auth_header())
WRONG = envelope(asset_logs_param(), auth_header(password="not-the-password"))
NOBODY = envelope(asset_logs_param(), auth_header(user="nobody@nowhere.test"))
HOLD = 4.0
TOKEN = "tarpit-admin-token"
ADMIN = {"Authorization": f"Bearer {TOKEN}"}


def narrowed(server: EmulatorServer) -> EmulatorServer:
    server.app.tarpit.burst = 3
    server.app.tarpit.rate = 1 / HOLD
    return server


def call(connection: http.client.HTTPConnection, body: bytes) -> tuple[int, bytes]:
    connection.request("POST", SERVICE, body=body, headers={"Content-Type": "text/xml"})
    answer = connection.getresponse()
    return answer.status, answer.read()


def peer(connection: http.client.HTTPConnection) -> tuple[str, int]:
    """The connection as the server sees it: the client's end."""
    assert connection.sock is not None
    host, port = connection.sock.getsockname()[:2]
    return (host, port)


@pytest.mark.parametrize("threads", [1, 8], ids=["on the loop's thread", "task threads"])
def test_a_connection_failing_logins_waits_while_others_are_served(
    make_test_server: ServerFactory, threads: int
) -> None:
    """One thread (``ips-emulator serve``): held in the loop's queue; more: in the
    threaded dispatcher's."""
    server = narrowed(make_test_server(threads=threads))
    flooding = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    for body in (WRONG, NOBODY, WRONG):
        status, answer = call(flooding, body)
        assert status == 500
        assert b"authenticationFault" in answer
    assert server.app.tarpit.release_at(peer(flooding)) is not None

    held: dict[str, object] = {}

    def next_call() -> None:
        started = time.monotonic()
        held["answer"] = call(flooding, GOOD)  # even a good call waits its turn
        held["seconds"] = time.monotonic() - started

    waiting = threading.Thread(target=next_call)
    waiting.start()
    time.sleep(0.3)  # its request is in
    other = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    status, answer = call(other, GOOD)
    assert status == 200
    assert b"<jobName>" in answer
    assert waiting.is_alive(), "the failing connection was answered before its turn"
    waiting.join(60)
    status, answer = held["answer"]  # type: ignore[misc]
    assert status == 200
    assert b"<jobName>" in answer
    # A bucket of 3 spent: the next token comes 4 s after the last failure (lower
    # bound only: a loaded machine makes it later, never earlier).
    assert held["seconds"] > HOLD - 1.5  # type: ignore[operator]
    for connection in (flooding, other):
        connection.close()


def test_logged_in_calls_and_injected_faults_are_not_counted(
    make_test_server: ServerFactory,
) -> None:
    server = narrowed(make_test_server(admin_token=TOKEN))
    admin = f"{server.url}/admin/faults"
    injected = {"operation": "getAssetJobLogs", "code": 10001, "times": 5}
    assert requests.post(admin, json=injected, headers=ADMIN, timeout=30).status_code == 201
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for _ in range(5):  # more than the burst of 3, after the login
        status, answer = call(connection, GOOD)
        assert status == 500
        assert b"Injected fault" in answer
    assert server.app.tarpit.release_at(peer(connection)) is None
    for _ in range(5):
        status, answer = call(connection, GOOD)
        assert status == 200
        assert b"<jobName>" in answer
    assert server.app.tarpit.release_at(peer(connection)) is None
    connection.close()


def test_an_admin_reset_forgets_the_counts(make_test_server: ServerFactory) -> None:
    server = narrowed(make_test_server(admin_token=TOKEN))
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for _ in range(3):
        assert call(connection, WRONG)[0] == 500
    assert server.app.tarpit.release_at(peer(connection)) is not None
    assert requests.post(f"{server.url}/admin/reset", headers=ADMIN, timeout=30).status_code == 204
    assert server.app.tarpit.release_at(peer(connection)) is None
    status, answer = call(connection, GOOD)
    assert status == 200
    assert b"<jobName>" in answer
    connection.close()
