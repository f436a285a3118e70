"""waitress, the HTTP server of every serving process, with the emulator's connection
limits (SECURITY.md "Connections").

With one thread (``ips-emulator serve``'s default) calls are answered on the event
loop's own thread (``server/inline.py``); with more, by waitress's task threads. Either
way ``shutdown.serve_until`` runs the loop.

waitress reads each request whole in its event loop and only then hands it to a thread,
so a client that connects and sends nothing, or sends its request a byte at a time,
holds one of ``connection_limit`` connections but never a thread that answers calls.
A connection that sends nothing for ``idle_timeout`` seconds, between requests or in
the middle of one, is closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from waitress.server import create_server

from ips_emulator.server.inline import InlineDispatcher
from ips_emulator.server.tarpit import FailedLoginTarpit, TarpitDispatcher

if TYPE_CHECKING:
    from ips_emulator.config import Settings
    from ips_emulator.server.app import EmulatorApp

#: How often, in seconds, waitress looks for idle connections to close. Its default,
#: 30, let a connection outlive ``idle_timeout`` by up to that much; the look is a
#: pass over the open connections, nothing next to a poll() a tick.
_CLEANUP_INTERVAL = 1
_UNBOUNDED = 2**62
_SEND_BYTES = 64 * 1024


def create_http_server(app: EmulatorApp, threads: int, **where: Any) -> Any:
    """waitress serving ``app`` with ``threads`` threads, not yet running (run it with
    ``shutdown.serve_until``); ``where`` is ``host`` and ``port``, or ``sockets``
    already listening (a gunicorn worker's)."""
    return http_server(app, threads, app.settings, app.tarpit, **where)


def http_server(
    wsgi: Any, threads: int, settings: Settings, tarpit: FailedLoginTarpit, **where: Any
) -> Any:
    """``create_http_server`` for any WSGI application (the benchmarks' lxml responder is
    served as the emulator is), with ``settings``' connection limits and ``tarpit``."""
    dispatcher: InlineDispatcher | TarpitDispatcher
    if threads == 1:
        dispatcher = InlineDispatcher(tarpit)
        # waitress makes a task thread wait while a connection has more than this
        # unsent; on the loop's own thread nothing would send it. Answers are buffered
        # whole instead (in a temporary file past outbuf_overflow, 1 MiB).
        where.setdefault("outbuf_high_watermark", _UNBOUNDED)
    else:
        dispatcher = TarpitDispatcher(tarpit)
        dispatcher.set_thread_count(threads)
    server = create_server(
        wsgi,
        # waitress's own hook for its dispatcher (named as a test shim, there since 1.0).
        _dispatcher=dispatcher,
        threads=threads,
        ident="ips-emulator",
        channel_timeout=settings.idle_timeout,
        cleanup_interval=_CLEANUP_INTERVAL,
        connection_limit=settings.connection_limit,
        # select() cannot watch a descriptor numbered past 1023; poll() has no such bound.
        asyncore_use_poll=True,
        # waitress buffers a body before the app sees it: it refuses the grossly
        # oversized ones itself; the app answers the rest with its own 413.
        max_request_body_size=2 * settings.max_body_bytes,
        **where,
    )
    if threads == 1 and hasattr(server.adj, "send_bytes"):
        # waitress sends what a task writes at once (send_bytes 1): the status line and
        # headers, then the body, two sends. Buffered up to this, an answer goes in one
        # send when the loop next polls (which it does at once: the task pulls its
        # trigger): 0.86 -> 0.77 ms of CPU a small call, p99 13 -> 9 ms (bench.peers'
        # harness). Set on the adjustments, not passed: the option is deprecated, and
        # if it goes, so does this tuning, not the server.
        server.adj.send_bytes = _SEND_BYTES
    # waitress counts its listeners and its wake-up pipe as connections: without them,
    # the limit is exactly the clients' connections.
    server.adj.connection_limit += len(socket_map(server))
    return server


def socket_map(server: Any) -> dict[int, Any]:
    """The dispatchers a waitress server's loop watches: listeners, the wake-up pipe
    and every client connection. One listener keeps them in ``_map``, several in ``map``."""
    sockets: dict[int, Any] = server.map if hasattr(server, "map") else server._map
    return sockets
