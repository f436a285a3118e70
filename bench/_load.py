"""A small HTTP load generator: keep-alive connections in threads, fixed duration."""

from __future__ import annotations

import http.client
import threading
import time
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
