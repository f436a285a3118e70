"""A connection that keeps failing to log in waits its turn: the failed-login tarpit.

The KDF budget (``domain/login_checks``) stops failed logins from draining the CPU in
scrypt, but a refused login still costs about what a good call costs. A serving process
answers calls on one thread, in the order they arrive, so four connections sending
wrong passwords as fast as they are answered would still take four fifths of it from a
logged-in client (measured: 0.18 of its rate alone, ``bench/login_flood.py``).

So failed logins are counted per connection (its peer address and port) in a token
bucket: ``BURST`` of them at any pace, then ``RATE`` a second. Past that, the
connection's next request is held, not by a thread but in a queue of waiting
connections that a timer hands to the threads when the bucket has a token again. A
held connection costs nothing meanwhile, so other clients are served at full speed,
and the flood is slowed to ``RATE`` calls a second per connection. Any request is held,
not only logins: it cannot be read without spending the thread the tarpit protects.

A client that opens a new connection for every call escapes the count, but pays a
connect each time; counting by address instead would hold every client behind one
NAT, or every local test run (all 127.0.0.1), for one of them.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from waitress.task import ThreadedTaskDispatcher

#: Failed logins a connection may send at any pace, then how many a second.
BURST = 30
RATE = 10.0
_CONNECTIONS = 10_000  # connections remembered at once; the least recently failed go first

Peer = tuple[str, int]


class FailedLoginTarpit:
    """Per-connection token buckets of failed logins, keyed by peer address and port."""

    def __init__(
        self,
        burst: int = BURST,
        rate: float = RATE,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.burst = burst
        self.rate = rate
        self._now = now
        #: peer -> (tokens left, when counted); least recently failed first.
        self._buckets: OrderedDict[Peer, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now()

    def _tokens(self, peer: Peer, now: float) -> float:
        tokens, at = self._buckets.get(peer, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - at) * self.rate)

    def failed(self, peer: Peer) -> None:
        """Count one failed login of the connection ``peer``."""
        with self._lock:
            now = self._now()
            self._buckets[peer] = (max(0.0, self._tokens(peer, now) - 1), now)
            self._buckets.move_to_end(peer)
            while len(self._buckets) > _CONNECTIONS:
                self._buckets.popitem(last=False)

    def clear(self) -> None:
        """Forget every count (the admin reset)."""
        with self._lock:
            self._buckets.clear()

    def release_at(self, peer: Peer) -> float | None:
        """When the next request of ``peer`` may run (``now`` clock); None: at once."""
        with self._lock:
            if peer not in self._buckets:
                return None
            now = self._now()
            tokens = self._tokens(peer, now)
            if tokens >= 1:
                if tokens >= self.burst:
                    del self._buckets[peer]  # back to a new connection's allowance
                return None
            return now + (1 - tokens) / self.rate


def peer_of(environ: dict[str, Any]) -> Peer | None:
    """The connection a WSGI request came on, as waitress reports it (None: unknown)."""
    address, port = environ.get("REMOTE_ADDR"), environ.get("REMOTE_PORT")
    if not address or not port or not str(port).isdigit():
        return None
    return (address, int(port))


def peer_of_channel(channel: Any) -> Peer | None:
    """The same key for a waitress channel (``addr``: host, port, and more for IPv6)."""
    address = getattr(channel, "addr", None)
    if not isinstance(address, tuple) or len(address) < 2:
        return None  # a Unix socket
    return (str(address[0]), int(address[1]))


class HeldChannels:
    """The channels the tarpit holds back (waitress queues the channel itself), each with
    the time its next request may run, the earliest first; ties keep arrival order. Both
    dispatchers keep one: the threaded one below, and ``inline.InlineDispatcher``."""

    def __init__(self, tarpit: FailedLoginTarpit) -> None:
        self.tarpit = tarpit
        self._heap: list[tuple[float, int, Any]] = []
        self._order = itertools.count()

    def hold(self, channel: Any) -> bool:
        """Hold ``channel`` if its connection must wait; False: it may run now."""
        peer = peer_of_channel(channel)
        due = self.tarpit.release_at(peer) if peer is not None else None
        if due is None:
            return False
        heapq.heappush(self._heap, (due, next(self._order), channel))
        return True

    def wait(self) -> float | None:
        """Seconds until the first held channel's turn (0 or less: due); None: none held."""
        return self._heap[0][0] - self.tarpit.now() if self._heap else None

    def release_due(self) -> list[Any]:
        """The channels whose turn has come, taken out, in order."""
        now, due = self.tarpit.now(), []
        while self._heap and self._heap[0][0] <= now:
            due.append(heapq.heappop(self._heap)[2])
        return due

    def release_all(self) -> list[Any]:
        """Every held channel, taken out (the server is stopping)."""
        channels = [channel for _, _, channel in sorted(self._heap)]
        self._heap.clear()
        return channels


class TarpitDispatcher(ThreadedTaskDispatcher):
    """waitress's dispatcher, holding back the channels the tarpit says must wait."""

    def __init__(self, tarpit: FailedLoginTarpit) -> None:
        super().__init__()
        self.tarpit = tarpit
        self._held = HeldChannels(tarpit)
        self._wake = threading.Condition()
        self._closed = False
        threading.Thread(target=self._release, name="ips-emulator-tarpit", daemon=True).start()

    def add_task(self, task: Any) -> None:
        with self._wake:
            if self._held.hold(task):
                self._wake.notify()
                return
        super().add_task(task)

    def _release(self) -> None:
        with self._wake:
            while not self._closed:
                wait = self._held.wait()
                if wait is not None and wait <= 0:
                    for task in self._held.release_due():
                        super().add_task(task)
                else:
                    self._wake.wait(wait)

    #: Calls are answered by the threads, never on the loop's (``InlineDispatcher``).
    answering = False

    def poll_timeout(self, longest: float) -> float:
        """The loop may wait its longest: these threads wake it (``inline.InlineDispatcher``)."""
        return longest

    def run_ready(self) -> None:
        """Nothing to answer on the loop's thread: the threads answer."""

    def shutdown(self, cancel_pending: bool = True, timeout: int = 5) -> bool:
        with self._wake:
            self._closed = True
            held = self._held.release_all()
            self._wake.notify()
        for task in held:
            task.cancel()
        return bool(super().shutdown(cancel_pending, timeout))
