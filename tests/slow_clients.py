"""Clients that hold connections without making calls: idle ones, kept alive after a
call or silent since they connected, and slow ones sending a request a byte at a time.
Used to show they cannot keep a normal call waiting (SECURITY.md "Connections")."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager, suppress

from tests.helpers import asset_logs_param, auth_header, envelope

SERVICE = "/scene7/services/IpsApiService"
CALL = envelope(asset_logs_param(), auth_header())
#: The whole request a trickling client sends, one byte every ``_TRICKLE_PAUSE``:
#: about 70 s in all, far longer than any test holds it.
TRICKLED = (
    f"POST {SERVICE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=UTF-8\r\n"
    f"Content-Length: {len(CALL)}\r\n\r\n"
).encode() + CALL
_TRICKLE_PAUSE = 0.1


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=30)


def kept_alive(port: int) -> http.client.HTTPConnection:
    """A connection that has had one answer (HTTP/1.1 keeps it open) and sends no more."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/healthz")
    answer = connection.getresponse()
    assert (answer.status, answer.read()) == (200, b'{"status": "ok"}')
    assert not answer.will_close
    return connection


def _trickle(sockets: list[socket.socket], started: threading.Event, stop: threading.Event) -> None:
    for index in range(len(TRICKLED) - 1):  # never the last byte: the request never ends
        for sock in sockets:
            # The server may close one: what the test then finds out.
            with suppress(OSError):
                sock.send(TRICKLED[index : index + 1])
        started.set()
        if stop.wait(_TRICKLE_PAUSE):
            return


@contextmanager
def crowd(port: int, idle: int = 200, trickling: int = 5) -> Iterator[None]:
    """While open: ``idle`` connections (half kept alive after a call, half silent since
    they connected) and ``trickling`` clients each sending a request a byte at a time."""
    with ExitStack() as stack:
        for index in range(idle):
            stack.enter_context(closing(kept_alive(port) if index % 2 else connect(port)))
        slow = [stack.enter_context(closing(connect(port))) for _ in range(trickling)]
        started, stop = threading.Event(), threading.Event()
        thread = threading.Thread(target=_trickle, args=(slow, started, stop), daemon=True)
        thread.start()
        try:
            assert started.wait(10)
            time.sleep(0.5)  # each is now inside its request line
            yield
        finally:
            stop.set()
            thread.join(timeout=10)


def timed_call(port: int, timeout: float = 10) -> float:
    """Seconds a getAssetJobLogs call takes on a new connection; fails unless it is
    answered whole within ``timeout``."""
    began = time.monotonic()
    with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)) as connection:
        connection.request("POST", SERVICE, CALL, {"Content-Type": "text/xml; charset=UTF-8"})
        answer = connection.getresponse()
        body = answer.read()
    assert answer.status == 200, body
    assert b"Add_2007-10-24-16:11:07" in body  # the demo asset's job: a whole answer
    return time.monotonic() - began


def closed_within(sock: socket.socket, seconds: float) -> float:
    """Seconds until the server closes ``sock`` (it sends nothing); fails past ``seconds``."""
    began = time.monotonic()
    sock.settimeout(seconds)
    try:
        data = sock.recv(1)
    except TimeoutError:
        raise AssertionError(f"still open after {seconds} s") from None
    except ConnectionResetError:
        data = b""
    assert data == b"", data
    return time.monotonic() - began
