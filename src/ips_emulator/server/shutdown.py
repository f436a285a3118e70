"""Serve with waitress until SIGTERM or SIGINT (a gunicorn worker: until told to stop),
then shut down gracefully.

waitress's own ``run()`` dies at once on SIGTERM (exit 143) and turns Ctrl-C into a
traceback. Here the loop stops on either signal; the listening sockets are closed (new
connections are refused), the calls in flight finish and their answers are written,
for at most ``timeout`` seconds; then every connection is closed and ``serve`` returns.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer

from ips_emulator.server.connections import socket_map

log = logging.getLogger(__name__)

#: How often the loop looks at the stop flag. A signal handler that only sets a flag
#: cannot wake poll() (PEP 475 resumes it), and one that raised could leave a
#: connection half-written; waking twice a second costs nothing measurable.
_TICK = 0.5
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _idle() -> None:
    """Nothing to do on a tick."""


def serve_until_signalled(server: Any, timeout: float) -> None:
    """Run waitress ``server`` (``connections.create_http_server``) until SIGTERM or
    SIGINT, then drain it for at most ``timeout`` seconds."""
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("%s received: finishing the calls in flight", signal.Signals(signum).name)
        stop.set()

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        serve_until(server, stop.is_set, timeout)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def serve_until(
    server: Any, stopped: Callable[[], bool], timeout: float, tick: Callable[[], None] = _idle
) -> None:
    """Run waitress ``server`` until ``stopped()``, calling ``tick()`` at least twice a
    second (a gunicorn worker's heartbeat), then drain it for at most ``timeout`` seconds,
    still calling ``tick()``."""
    sockets = socket_map(server)
    try:
        while not stopped():
            tick()
            wasyncore.loop(timeout=_TICK, map=sockets, use_poll=True, count=1)
        drain(sockets, timeout, tick)
    finally:
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(sockets)


def drain(sockets: dict[int, Any], timeout: float, tick: Callable[[], None] = _idle) -> None:
    """Close the listeners, then serve the open connections until none has a call in
    flight or ``timeout`` has passed."""
    for dispatcher in list(sockets.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            # The dispatcher's own close() would also close the trigger, which the
            # task threads still pull to have their answers written.
            wasyncore.dispatcher.close(dispatcher)
    deadline = time.monotonic() + timeout
    while _in_flight(sockets):
        left = deadline - time.monotonic()
        if left <= 0:
            log.warning(
                "shutdown: %d calls still in flight after %g s", _in_flight(sockets), timeout
            )
            return
        tick()
        wasyncore.loop(timeout=min(left, 0.05), map=sockets, use_poll=True, count=1)


def _in_flight(sockets: dict[int, Any]) -> int:
    """Connections with a request arriving, waiting, running or being answered; an idle
    kept-alive connection does not count."""
    return sum(
        1
        for channel in list(sockets.values())
        if isinstance(channel, HTTPChannel)
        and (channel.request is not None or channel.requests or channel.total_outbufs_len)
    )
