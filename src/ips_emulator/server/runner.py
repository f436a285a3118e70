"""Run the emulator on a real port in a background thread (tests, the pytest plugin)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from types import TracebackType

from waitress import wasyncore

from ips_emulator.server.app import EmulatorApp
from ips_emulator.server.connections import create_http_server, socket_map
from ips_emulator.server.shutdown import serve_until

SERVICE_PATH = "/scene7/services/IpsApiService"


class EmulatorServer:
    """``EmulatorApp`` served by waitress on ``host:port`` (0 picks a free port), with
    ``threads`` threads answering (1: on the loop's own, as ``ips-emulator serve``)."""

    def __init__(
        self,
        app: EmulatorApp,
        host: str = "127.0.0.1",
        port: int = 0,
        scratch: Path | None = None,
        threads: int = 8,
    ) -> None:
        self.app = app
        #: A directory of the server's own (its SQLite file), removed once it has stopped.
        self.scratch = scratch
        self._server = create_http_server(app, threads, host=host, port=port)
        self.host = host
        self.port: int = self._server.effective_port
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def service_url(self) -> str:
        return self.url + SERVICE_PATH

    @property
    def wsdl_url(self) -> str:
        return f"{self.url}/scene7/webservice/IpsApi-2008-01-15.wsdl"

    def start(self) -> EmulatorServer:
        self._thread = threading.Thread(target=self._serve, name="ips-emulator", daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        # No wait for calls in flight: a test's server stops when the test is done.
        serve_until(self._server, self._told_to_stop, timeout=0)

    def _told_to_stop(self) -> bool:
        # Read under the lock stop() wakes the loop with: once the loop sees the flag,
        # stop() is done with the trigger, which the loop then closes on its way out
        # (pulled after that, it could write into a file that took its number).
        with self._lock:
            return self._stopping

    def stop(self) -> None:
        """Close the listener and every open connection (the serving thread does, on its
        way out), then wait for the thread. Stopping again does nothing."""
        with self._lock:
            first, self._stopping = not self._stopping, True
            if first and self._thread is not None:
                self._server.pull_trigger()  # wakes the loop's poll() at once
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        elif first:  # never started: nobody else closes them, or ends the task threads
            self._server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
            wasyncore.close_all(socket_map(self._server))
        self.app.database.dispose()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
