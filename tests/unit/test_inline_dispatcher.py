"""Calls answered on the event loop's own thread (``server/inline.py``), the failed-login
tarpit's queue included; a fake clock and fake channels (waitress queues channels)."""

from __future__ import annotations

from typing import Any

from ips_emulator.server.inline import InlineDispatcher
from ips_emulator.server.tarpit import FailedLoginTarpit
from tests.unit.test_tarpit import FakeClock

A = ("127.0.0.1", 50001)
B = ("127.0.0.1", 50002)


class Channel:
    """Records the order it was served in; may queue itself again, as a waitress channel
    with a second pipelined request does at the end of ``service``."""

    def __init__(self, name: str, addr: Any, log: list[str], again: int = 0) -> None:
        self.name, self.addr, self.log, self.again = name, addr, log, again
        self.dispatcher: InlineDispatcher | None = None
        self.cancelled = False

    def service(self) -> None:
        assert self.dispatcher is not None
        assert self.dispatcher.answering
        self.log.append(self.name)
        if self.again:
            self.again -= 1
            self.dispatcher.add_task(self)

    def cancel(self) -> None:
        self.cancelled = True


def channels(
    dispatcher: InlineDispatcher, log: list[str], *specs: tuple[str, Any, int]
) -> list[Channel]:
    made = [Channel(name, addr, log, again) for name, addr, again in specs]
    for channel in made:
        channel.dispatcher = dispatcher
    return made


def test_ready_requests_are_answered_in_order_one_each_per_round() -> None:
    log: list[str] = []
    dispatcher = InlineDispatcher(FailedLoginTarpit(now=FakeClock()))
    first, second = channels(dispatcher, log, ("a", A, 1), ("b", B, 0))
    assert dispatcher.poll_timeout(0.5) == 0.5  # nothing ready: wait for the sockets
    dispatcher.add_task(first)
    dispatcher.add_task(second)
    assert dispatcher.poll_timeout(0.5) == 0.0
    dispatcher.run_ready()
    # a's second request waits for the next round: a poll comes between (new connections).
    assert log == ["a", "b"]
    assert dispatcher.poll_timeout(0.5) == 0.0
    dispatcher.run_ready()
    assert log == ["a", "b", "a"]
    assert dispatcher.poll_timeout(0.5) == 0.5
    assert not dispatcher.answering


def test_a_tarpitted_connection_waits_for_its_token_while_others_are_answered() -> None:
    clock = FakeClock()
    pit = FailedLoginTarpit(burst=1, rate=1 / 2.0, now=clock)  # a token every 2 s
    log: list[str] = []
    dispatcher = InlineDispatcher(pit)
    pit.failed(A)
    held, free, unix = channels(dispatcher, log, ("held", A, 0), ("free", B, 0), ("unix", "", 0))
    for channel in (held, free, unix):
        dispatcher.add_task(channel)
    dispatcher.run_ready()
    assert log == ["free", "unix"]
    assert dispatcher.poll_timeout(5.0) == 2.0  # the poll wakes for its turn, no later
    assert dispatcher.poll_timeout(0.5) == 0.5
    clock.now += 1.5
    dispatcher.run_ready()
    assert log == ["free", "unix"]
    assert dispatcher.poll_timeout(5.0) == 0.5
    clock.now += 0.5
    dispatcher.run_ready()
    assert log == ["free", "unix", "held"]


def test_shutting_down_cancels_what_was_not_begun() -> None:
    clock = FakeClock()
    pit = FailedLoginTarpit(burst=1, rate=0.01, now=clock)
    dispatcher = InlineDispatcher(pit)
    pit.failed(A)
    log: list[str] = []
    held, ready = channels(dispatcher, log, ("held", A, 0), ("ready", B, 0))
    dispatcher.add_task(held)
    dispatcher.add_task(ready)
    assert dispatcher.shutdown()
    assert held.cancelled
    assert ready.cancelled
    dispatcher.run_ready()
    assert log == []
