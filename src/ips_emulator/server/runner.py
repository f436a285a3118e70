"""Run the emulator on a real port in a background thread (tests, the pytest plugin)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from types import TracebackType

from ips_emulator.server.app import EmulatorApp
from ips_emulator.server.connections import create_http_server, socket_map

SERVICE_PATH = "/scene7/services/IpsApiService"


class EmulatorServer:
    """``EmulatorApp`` served by waitress on ``host:port`` (0 picks a free port)."""

    def __init__(
        self, app: EmulatorApp, host: str = "127.0.0.1", port: int = 0, scratch: Path | None = None
    ) -> None:
        self.app = app
        #: A directory of the server's own (its SQLite file), removed once it has stopped.
        self.scratch = scratch
        # A short loop timeout lets stop() end the serving thread promptly.
        self._server = create_http_server(app, 8, loop_timeout=0.2, host=host, port=port)
        self.host = host
        self.port: int = self._server.effective_port
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

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
        try:
            self._server.run()
        except (OSError, ValueError):
            # stop() closes sockets under the loop's select(): expected then, a bug otherwise.
            if not self._stopping.is_set():
                raise

    def stop(self) -> None:
        """Close the listener and every open connection, then wait for the thread."""
        self._stopping.set()
        server = self._server
        server.close()
        for channel in list(socket_map(server).values()):
            channel.close()
        server.task_dispatcher.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
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
