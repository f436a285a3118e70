"""``ips-emulator serve --workers N``: N processes under gunicorn, each serving with
waitress as ``serve`` alone does, one database.

The schema is migrated once, in the master, before the workers start; each worker
then builds its own application (its own connection pool and clock). Jobs and
schedules are safe across workers and machines: their steps and fire times are
claimed with compare-and-set updates (``domain/job_runner.py``).
"""

from __future__ import annotations

import math
import os
import signal
import threading
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.glogging import Logger
from gunicorn.workers.base import Worker

from ips_emulator.config import Settings
from ips_emulator.domain.transactions import Transactions
from ips_emulator.server.app import create_app, load_demo_data
from ips_emulator.server.connections import create_http_server
from ips_emulator.server.shutdown import serve_until
from ips_emulator.server.tuning import tune_for_serving
from ips_emulator.storage.db import Database


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def run(self) -> None:
        _GracefulArbiter(self).run()

    def load(self) -> Any:
        # Loaded in each worker after the fork: nothing shared but the database.
        app = create_app(self.settings)
        tune_for_serving()
        return app


class _RootLogger(Logger):  # type: ignore[misc]
    """gunicorn's messages through the root logger's handler (``server/logs.py``, set up
    before the fork), so that ``--log-format json`` applies to them too."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for own in (self.error_log, self.access_log):
            for handler in list(own.handlers):
                own.removeHandler(handler)
            own.propagate = True


class _GracefulArbiter(Arbiter):  # type: ignore[misc]
    """SIGINT (Ctrl-C) stops as gracefully as SIGTERM; gunicorn's own kills the workers."""

    def handle_int(self) -> None:
        self.handle_term()


class WaitressWorker(Worker):  # type: ignore[misc]
    """A gunicorn worker process that serves as ``serve`` alone does, with waitress.

    gunicorn's own threaded worker (gthread) reads a request in the thread that will
    answer it: a client sending its request a byte at a time held that thread for as
    long as it took, and each new connection that sent nothing held one for 5 s (a
    constant of gunicorn's), so with one thread per worker three such clients stopped
    ``--workers 2``. waitress reads each request whole in its event loop first
    (``server/connections.py``). gunicorn still forks, watches and restarts the workers.
    """

    def init_signals(self) -> None:
        super().init_signals()
        # Graceful on SIGINT too: Ctrl-C reaches every process of the terminal's group.
        signal.signal(signal.SIGINT, self.handle_exit)

    def run(self) -> None:
        server = create_http_server(
            self.wsgi, self.cfg.threads, sockets=[listener.sock for listener in self.sockets]
        )
        # With one thread calls are answered on the loop's (server/inline.py), which
        # ticks only between them: the heartbeat has a thread of its own, or a call
        # longer than gunicorn's timeout would have the worker killed as hung.
        done = threading.Event()
        beat = threading.Thread(target=self._beat, args=(done,), name="heartbeat", daemon=True)
        beat.start()
        try:
            # Draining closes this process's copy of the listeners, so that once every
            # process has, connecting is refused instead of hanging in the backlog.
            serve_until(server, self._stopped, self.wsgi.settings.shutdown_timeout)
        finally:
            done.set()

    def _beat(self, done: threading.Event) -> None:
        while not done.wait(max(1.0, self.cfg.timeout / 4)):
            self.notify()

    def _stopped(self) -> bool:
        """Told to stop (SIGTERM, SIGINT), or the master is gone."""
        return not self.alive or self.ppid != os.getppid()


def prepare_database(settings: Settings) -> None:
    """Migrate the schema and load the demo data once, in the master, before any worker:
    workers racing on an empty database would clash."""
    database = Database(settings.database_url)
    try:
        database.create_schema()
        if settings.load_demo:
            load_demo_data(Transactions(database.store))
    finally:
        database.dispose()


def serve_workers(
    settings: Settings, workers: int, threads: int, on_ready: Callable[[int], None]
) -> None:
    """Serve with ``workers`` processes of ``threads`` threads each (blocks); call
    ``on_ready`` with the bound port once gunicorn listens (the real one when 0 was asked).
    The database must be prepared first (``prepare_database``)."""

    def when_ready(arbiter: Any) -> None:
        on_ready(int(arbiter.LISTENERS[0].getsockname()[1]))

    options = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": workers,
        "threads": threads,
        "worker_class": WaitressWorker,
        "accesslog": None,  # the application logs each call (server/logs.py)
        "logger_class": _RootLogger,
        "loglevel": settings.log_level,
        "timeout": 120,
        # Each worker drains for shutdown_timeout itself; gunicorn (counting whole
        # seconds) kills those still running a second later, not before.
        "graceful_timeout": math.ceil(settings.shutdown_timeout) + 1,
        # gunicorn's control socket (for gunicornc) is one path per user: a second
        # server would take it over; the emulator offers no such control.
        "control_socket_disable": True,
        "when_ready": when_ready,
    }
    _Gunicorn(settings.with_changes(load_demo=False), options).run()
