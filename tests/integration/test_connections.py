"""Idle and slow connections cannot keep a call waiting, and an idle connection is
closed after ``idle_timeout`` (SECURITY.md "Connections"): the in-process server, as
the pytest plugin runs it. ``tests/test_cli_connections.py`` runs ``serve``."""

from __future__ import annotations

import time
from contextlib import ExitStack, closing

from tests.conftest import ServerFactory
from tests.slow_clients import CALL, SERVICE, closed_within, connect, crowd, kept_alive, timed_call


def test_idle_and_trickling_connections_do_not_delay_a_call(
    make_test_server: ServerFactory,
) -> None:
    """Before: 98 idle connections filled waitress's default limit of 100 (its listener
    and wake-up pipe count), and a call waited up to 150 s for one to time out."""
    port = make_test_server().port
    timed_call(port)  # the first call of a server sets up what later ones reuse
    with crowd(port, idle=200, trickling=5):
        seconds = [timed_call(port) for _ in range(3)]
    # The goal is 1 s (a few ms measured); the loose bound is for a loaded machine.
    assert min(seconds) < 1, seconds
    assert max(seconds) < 5, seconds


def test_an_idle_connection_is_closed_after_the_idle_timeout(
    make_test_server: ServerFactory,
) -> None:
    """Silent since it connected, kept alive after a call, or stalled in the middle of a
    request: each is closed once it has sent nothing for ``idle_timeout`` seconds."""
    port = make_test_server(idle_timeout=1).port
    with ExitStack() as stack:
        opened = time.monotonic()
        silent = stack.enter_context(closing(connect(port)))
        kept = stack.enter_context(closing(kept_alive(port)))
        stalled = stack.enter_context(closing(connect(port)))
        stalled.sendall(f"POST {SERVICE} HTTP/1.1\r\nContent-Length: {len(CALL)}\r\n\r\n".encode())
        stalled.sendall(CALL[:100])
        assert kept.sock is not None
        for sock in (silent, kept.sock, stalled):
            closed_within(sock, 10)
            # Closed a second after it last sent (waitress looks each second); the loose
            # upper bound is for a loaded machine, and well below the default of 30.
            assert 0.9 < time.monotonic() - opened < 10
    timed_call(port)  # and the server goes on serving
