"""Small HTTP load generators: keep-alive connections, fixed duration (``hammer`` in
threads, ``pound`` on one thread's event loop, with latencies)."""

from __future__ import annotations

import http.client
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Result:
    requests: int
    seconds: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def hammer(url: str, body: bytes, seconds: float = 3.0, threads: int = 4) -> Result:
    """POST ``body`` to ``url`` as fast as ``threads`` keep-alive clients can, for ``seconds``."""
    parts = urlsplit(url)
    counts = [0] * threads
    errors = [0] * threads
    stop = time.monotonic() + seconds
    headers = {"Content-Type": "text/xml; charset=UTF-8", "SOAPAction": '""'}

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < stop:
            connection.request("POST", parts.path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                counts[index] += 1
            else:
                errors[index] += 1
        connection.close()

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return Result(sum(counts), time.monotonic() - started, sum(errors))


def target(name: str, figure: str, goal: str, ok: bool) -> str:
    return f"TARGET {name}: {figure} (goal {goal}) {'PASS' if ok else 'FAIL'}"


@dataclass
class Round:
    """One round of ``pound``: completed 200s, other answers, and each 200's latency."""

    requests: int
    seconds: float
    errors: int
    latencies: list[float]
    peak_rss_mb: float
    #: 200s including those read after ``seconds`` (the server did their work too).
    answered: int = 0
    #: The server's CPU time over the round (``cpu_of``), in seconds.
    cpu_seconds: float = float("nan")

    @property
    def cpu_per_call(self) -> float:
        """The server's CPU seconds per answered call: on a machine shared with other
        work, steadier than the rate, which depends on how much of its core it got."""
        return self.cpu_seconds / self.answered if self.answered else float("nan")

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def p99(self) -> float:
        """The 99th percentile latency in seconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


class _Connection:
    """One keep-alive connection with one request in flight (no pipelining)."""

    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.head = bytearray()
        self.remaining = -1  # body bytes still to come; -1 while the head is incomplete
        self.status = 0
        self.sent = 0.0

    def send(self, request: bytes) -> None:
        # A request is well under a socket buffer: a blocking sendall returns at once.
        self.sent = time.perf_counter()
        self.sock.sendall(request)
        self.head.clear()
        self.remaining = -1

    def receive(self) -> bool:
        """Reads what has arrived; True once the whole response is in."""
        data = self.sock.recv(1 << 18)
        if not data:
            raise ConnectionError("the server closed a keep-alive connection")
        if self.remaining < 0:
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                return False
            head = bytes(self.head[:end]).lower()
            self.status = int(head[9:12])
            marker = head.find(b"\r\ncontent-length:")
            if marker < 0:
                raise ValueError("a response without Content-Length (chunked?)")
            line_end = head.find(b"\r\n", marker + 2)
            length = int(head[marker + 17 : line_end if line_end > 0 else None])
            self.remaining = length - (len(self.head) - end - 4)
        else:
            self.remaining -= len(data)
        return self.remaining <= 0


def pound(
    url: str,
    body: bytes,
    seconds: float,
    connections: int = 8,
    rss_of: Callable[[], float] | None = None,
    cpu_of: Callable[[], float] | None = None,
) -> Round:
    """POST ``body`` over ``connections`` keep-alive connections for ``seconds``, each
    sending its next request as soon as its answer is in.

    One thread and an epoll loop rather than ``hammer``'s threads: with the load on a
    core of its own, a thread per connection spends its time switching for the GIL and
    caps what a fast server can be shown to do. Answers that arrive after ``seconds``
    are read (the connection stays usable) but not counted in the rate. ``rss_of`` is
    sampled every quarter second while the load runs; ``cpu_of`` (the server's CPU
    seconds so far) before the first request and after the last answer.
    """
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    request = (
        f"POST {parts.path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        'Content-Type: text/xml; charset=UTF-8\r\nSOAPAction: ""\r\n'
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    selector = selectors.DefaultSelector()
    pool = [_Connection(host, port) for _ in range(connections)]
    latencies: list[float] = []
    errors = late = 0
    peak = rss_of() if rss_of else float("nan")
    cpu_before = cpu_of() if cpu_of else float("nan")
    started = time.perf_counter()
    stop = started + seconds
    next_sample = started + 0.25
    for connection in pool:
        selector.register(connection.sock, selectors.EVENT_READ, connection)
        connection.send(request)
    in_flight = connections
    while in_flight:
        events = selector.select(timeout=60)
        if not events:
            raise TimeoutError(f"{url} answered nothing for 60 s")
        for key, _ in events:
            connection = key.data
            if not connection.receive():
                continue
            now = time.perf_counter()
            if connection.status != 200:
                errors += 1
            elif now > stop:
                late += 1  # answered after the round: in the CPU per call, not the rate
            else:
                latencies.append(now - connection.sent)
            if now < stop:
                connection.send(request)
            else:
                in_flight -= 1
        if rss_of is not None and time.perf_counter() >= next_sample:
            peak = max(peak, rss_of())
            next_sample += 0.25
    for connection in pool:
        selector.unregister(connection.sock)
        connection.sock.close()
    selector.close()
    cpu = cpu_of() - cpu_before if cpu_of else float("nan")
    return Round(len(latencies), seconds, errors, latencies, peak, len(latencies) + late, cpu)
