"""Idle and slow connections cannot keep a call waiting, and an idle connection is
closed after --idle-timeout (SECURITY.md "Connections"): ``serve`` as operators run it,
alone and with gunicorn workers, on an SQLite file."""

from __future__ import annotations

import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.slow_clients import closed_within, connect, crowd, kept_alive, timed_call
from tests.test_cli_shutdown import serving


@pytest.mark.parametrize("workers", ["1", "2"])
def test_idle_and_trickling_connections_do_not_delay_a_call(tmp_path: Path, workers: str) -> None:
    """Before: 98 idle connections stopped ``serve`` (waitress's default limit, 100, counts
    its listener and wake-up pipe) for up to 150 s. Under --workers 2 gunicorn's gthread
    worker read each request in the worker's one thread: two new connections that sent
    nothing held both threads 5 s each, and a client trickling its request held one until
    it was done."""
    with serving(tmp_path, "--workers", workers) as (_process, port):
        timed_call(port)  # the first call of a process sets up what later ones reuse
        with crowd(port, idle=200, trickling=5):
            seconds = [timed_call(port) for _ in range(3)]
    # The goal is 1 s (a few ms measured); the loose bound is for a loaded machine.
    assert min(seconds) < 1, seconds
    assert max(seconds) < 5, seconds


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_idle_connection_is_closed_after_the_idle_timeout(tmp_path: Path, workers: str) -> None:
    with serving(tmp_path, "--workers", workers, "--idle-timeout", "1") as (_process, port):
        opened = time.monotonic()
        with closing(connect(port)) as silent, closing(kept_alive(port)) as kept:
            assert kept.sock is not None
            for sock in (silent, kept.sock):
                closed_within(sock, 10)
                # The loose upper bound is for a loaded machine; the default is 30.
                assert 0.9 < time.monotonic() - opened < 10
