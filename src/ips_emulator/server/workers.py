"""``ips-emulator serve --workers N``: N processes under gunicorn, one database.

The schema is migrated once, in the master, before the workers start; each worker
then builds its own application (its own connection pool and clock). Jobs and
schedules are safe across workers and machines: their steps and fire times are
claimed with compare-and-set updates (``domain/job_runner.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication

from ips_emulator.config import Settings
from ips_emulator.server.app import create_app, load_demo_data
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

    def load(self) -> Any:
        # Loaded in each worker after the fork: nothing shared but the database.
        app = create_app(self.settings)
        tune_for_serving()
        return app


def prepare_database(settings: Settings) -> None:
    """Migrate the schema and load the demo data once, in the master, before any worker:
    workers racing on an empty database would clash."""
    database = Database(settings.database_url)
    try:
        database.create_schema()
        if settings.load_demo:
            load_demo_data(database)
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
        "worker_class": "gthread",
        "accesslog": None,
        "timeout": 120,
        "when_ready": when_ready,
    }
    _Gunicorn(settings.with_changes(load_demo=False), options).run()
