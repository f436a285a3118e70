"""Serve with waitress until SIGTERM or SIGINT (a gunicorn worker: until told to stop),
then shut down gracefully.

waitress's own ``run()`` dies at once on SIGTERM (exit 143) and turns Ctrl-C into a
traceback. Here the loop stops on either signal; the listening sockets are closed (new
connections are refused), the calls in flight finish and their answers are written,
for at most ``timeout`` seconds; then every connection is closed and ``serve`` returns.
A call already running on the loop's own thread (``server/inline.py``) is not cut
short: it finishes, and the wait for the others starts after it.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
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


def serve_until_signalled(server: Any, timeout: float) -> None:
    """Run waitress ``server`` (``connections.create_http_server``) until SIGTERM or
    SIGINT, then drain it for at most ``timeout`` seconds."""
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("%s received: finishing the calls in flight", signal.Signals(signum).name)
        stop.set()
        if server.task_dispatcher.answering:  # the loop is busy with a call: not polling
            stop_listening(socket_map(server))

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        serve_until(server, stop.is_set, timeout)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def serve_until(server: Any, stopped: Callable[[], bool], timeout: float) -> None:
    """Run waitress ``server`` until ``stopped()`` (looked at twice a second, and after
    each round of calls), then drain it for at most ``timeout`` seconds."""
    sockets = socket_map(server)
    tasks = server.task_dispatcher
    try:
        while not stopped():
            wasyncore.loop(timeout=tasks.poll_timeout(_TICK), map=sockets, use_poll=True, count=1)
            tasks.run_ready()
        drain(sockets, tasks, timeout)
    finally:
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(sockets)


def stop_listening(sockets: dict[int, Any]) -> None:
    """New connections refused from now on, while a call keeps the loop busy (one
    serving thread answers on the loop's, ``server/inline.py``): from a signal handler
    that interrupted that call, never one that interrupted poll() (the listener is
    registered there, and a shut socket would wake it). The loop's map is left alone;
    ``drain`` closes the listeners. One process only: a gunicorn worker shares its
    listeners with the master and the other workers, and only closes its copies."""
    for listener in list(sockets.values()):
        if isinstance(listener, BaseWSGIServer) and listener.accepting:
            listener.accepting = False  # no longer polled: no accept() on a dead socket
            # On Linux this stops the listening itself (connecting is refused); where
            # a listening socket cannot be shut down, drain closes it after the call.
            with contextlib.suppress(OSError):
                if listener.socket is not None:
                    listener.socket.shutdown(socket.SHUT_RDWR)


def drain(sockets: dict[int, Any], tasks: Any, timeout: float) -> None:
    """Close the listeners, then serve the open connections until none has a call in
    flight or ``timeout`` has passed."""
    for dispatcher in list(sockets.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            # The dispatcher's own close() would also close the trigger, which the
            # task threads still pull to have their answers written.
            wasyncore.dispatcher.close(dispatcher)
    deadline = time.monotonic() + timeout
    while timeout > 0 and _in_flight(sockets):
        left = deadline - time.monotonic()
        if left <= 0:
            log.warning(
                "shutdown: %d calls still in flight after %g s", _in_flight(sockets), timeout
            )
            return
        wait = tasks.poll_timeout(min(left, 0.05))
        wasyncore.loop(timeout=wait, map=sockets, use_poll=True, count=1)
        tasks.run_ready()


def _in_flight(sockets: dict[int, Any]) -> int:
    """Connections with a request arriving, waiting, running or being answered; an idle
    kept-alive connection does not count."""
    return sum(
        1
        for channel in list(sockets.values())
        if isinstance(channel, HTTPChannel)
        and (channel.request is not None or channel.requests or channel.total_outbufs_len)
    )
