"""The failed-login tarpit's buckets and its dispatcher (``server/tarpit.py``)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from ips_emulator.server import tarpit as tarpit_module
from ips_emulator.server.tarpit import FailedLoginTarpit, TarpitDispatcher, peer_of

A = ("127.0.0.1", 50001)
B = ("127.0.0.1", 50002)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_passes_then_one_failure_per_token() -> None:
    clock = FakeClock()
    pit = FailedLoginTarpit(burst=3, rate=2.0, now=clock)
    for _ in range(2):
        pit.failed(A)
        assert pit.release_at(A) is None
    pit.failed(A)  # the third: the bucket is empty
    assert pit.release_at(A) == pytest.approx(100.5)  # one token at 2 a second
    assert pit.release_at(B) is None  # another connection has its own bucket
    clock.now = 100.5
    assert pit.release_at(A) is None
    pit.failed(A)
    assert pit.release_at(A) == pytest.approx(101.0)


def test_a_quiet_connection_gets_its_whole_burst_back() -> None:
    clock = FakeClock()
    pit = FailedLoginTarpit(burst=3, rate=1.0, now=clock)
    for _ in range(3):
        pit.failed(A)
    clock.now += 10  # far more than 3 tokens' worth: capped at the burst
    assert pit.release_at(A) is None
    for _ in range(2):
        pit.failed(A)
    assert pit.release_at(A) is None  # 3 - 2 = 1 left
    pit.failed(A)
    assert pit.release_at(A) == pytest.approx(clock.now + 1)


def test_memory_is_bounded_by_forgetting_the_least_recently_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tarpit_module, "_CONNECTIONS", 3)
    pit = FailedLoginTarpit(burst=1, rate=0.001, now=FakeClock())
    for port in range(1, 5):
        pit.failed(("h", port))
    assert pit.release_at(("h", 1)) is None  # forgotten
    assert all(pit.release_at(("h", port)) is not None for port in (2, 3, 4))
    pit.clear()
    assert pit.release_at(("h", 4)) is None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"REMOTE_ADDR": "127.0.0.1", "REMOTE_PORT": "5000"}, ("127.0.0.1", 5000)),
        ({"REMOTE_ADDR": "::1", "REMOTE_PORT": "6000"}, ("::1", 6000)),
        ({"REMOTE_ADDR": "localhost"}, None),  # a Unix socket
        ({"REMOTE_ADDR": "x", "REMOTE_PORT": "None"}, None),
        ({}, None),
    ],
)
def test_peer_of_a_request(environ: dict[str, str], expected: object) -> None:
    assert peer_of(environ) == expected


class Channel:
    def __init__(self, addr: Any) -> None:
        self.addr = addr
        self.served = threading.Event()
        self.cancelled = False

    def service(self) -> None:
        self.served.set()

    def cancel(self) -> None:
        self.cancelled = True


def test_the_dispatcher_holds_a_tarpitted_channel_without_a_thread() -> None:
    pit = FailedLoginTarpit(burst=1, rate=1 / 0.5)  # hold half a second
    dispatcher = TarpitDispatcher(pit)
    dispatcher.set_thread_count(1)
    try:
        pit.failed(A)
        held, free, unix = Channel(A), Channel((*B, 0, 0)), Channel("")
        started = time.monotonic()
        for channel in (held, free, unix):
            dispatcher.add_task(channel)
        assert free.served.wait(5)
        assert unix.served.wait(5)
        assert not held.served.is_set()
        assert held.served.wait(5)
        assert time.monotonic() - started > 0.3  # its turn came with the next token
    finally:
        dispatcher.shutdown(timeout=1)


def test_shutting_down_cancels_held_channels() -> None:
    pit = FailedLoginTarpit(burst=1, rate=0.01)
    dispatcher = TarpitDispatcher(pit)
    dispatcher.set_thread_count(1)
    pit.failed(A)
    held = Channel(A)
    dispatcher.add_task(held)
    dispatcher.shutdown(timeout=1)
    assert held.cancelled
    assert not held.served.is_set()
