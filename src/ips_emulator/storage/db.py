"""Engine, transactions and schema for any SQLAlchemy URL (SQLite by default)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from ips_emulator.errors import StorageError, TransientStorageError


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


# PostgreSQL's deadlock and serialization failures; SQLite's busy database. And
# PostgreSQL's unique violation (23505): every insert on a unique key follows a check
# that the row is absent (a new asset's path, a job's handle), and PostgreSQL raises it
# only once the other writer of that key has committed, so the call run again sees the
# row and takes the path for an existing one (an upload updates the asset, as
# ``overwrite`` says). SQLite cannot race there: its writers queue, and a transaction
# that read before another's commit gets "database is locked" (SQLITE_BUSY_SNAPSHOT)
# when it comes to write, retried already; ``_sqlite_begin`` makes its reads part
# of the transaction, so that this holds.
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001", "23505"})


def storage_failure(exc: BaseException) -> StorageError | None:
    """The ipsApiFault 30000 for a database failure, or None if ``exc`` is not one."""
    if not isinstance(exc, SQLAlchemyError):
        return None
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES or "database is locked" in str(orig):
        return TransientStorageError(
            "The emulator could not complete the call: the database reported "
            f"{type(orig).__name__}.",
            failure_summary(exc),
        )
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        reason = "the database connection was lost"
    elif isinstance(exc, DBAPIError):
        reason = f"the database refused the request ({type(exc.orig).__name__})"
    else:
        reason = f"the database failed ({type(exc).__name__})"
    return StorageError(
        f"The emulator could not complete the call: {reason}.", failure_summary(exc)
    )


def failure_summary(exc: BaseException) -> str:
    """The driver's error in one line, for the log: its class and first line.

    SQLAlchemy's own text adds the statement and its parameters (user data, an e-mail
    address, a search's thousands of values), and PostgreSQL's later lines quote the
    statement and the key's values: neither belongs in a log.
    """
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {lines[0] if lines else ''}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_autocommit(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling begins a transaction only before an INSERT,
    # UPDATE or DELETE: the reads before them (is the asset in the trash? is the name
    # free?) each saw the latest commit, outside the transaction, so two calls could
    # both act on what they read (a restore and an empty of one asset both succeeding,
    # the live asset purged; two moves of one name into a folder meeting the unique
    # index as a 30000). Off here; ``_sqlite_begin`` begins every transaction instead
    # (SQLAlchemy's documented recipe for pysqlite).
    dbapi_connection.isolation_level = None


#: ``Connection.info`` key: the next transaction on the connection takes the write lock
#: when it begins (``Database.store(exclusive=True)``).
_EXCLUSIVE = "ips_emulator_exclusive"


def _sqlite_begin(connection: Connection) -> None:
    # Deferred by default: reads share the database (WAL), and a transaction whose
    # snapshot another writer's commit made stale is refused its first write ("database
    # is locked", at once: waiting cannot help it). domain.transactions then runs the
    # call again exclusive, IMMEDIATE: it waits its turn for the write lock (busy_timeout)
    # and reads what the other writer committed, so a second attempt cannot be refused so.
    if connection.info.get(_EXCLUSIVE, False):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        # On the driver's connection: a deferred BEGIN touches no file and cannot fail,
        # and SQLAlchemy's statement machinery was half the cost of every call's
        # transaction (about 30 of 70 µs).
        driver = connection.connection.driver_connection
        assert driver is not None  # a connection begins only once checked out
        driver.execute("BEGIN")


class Store:
    """One transaction on the database: what every storage function is given.

    Reads run on its Core connection. The ORM Session on that connection is made only
    when a function first needs one: most calls only read, with prepared queries, and
    a Session's begin, flush and commit cost about four times the Core transaction
    (40 µs against 9, measured).
    """

    __slots__ = ("_orm", "connection")

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._orm: Session | None = None

    @property
    def orm(self) -> Session:
        """The Session, joined to this transaction (``Database.store`` commits, not it)."""
        if self._orm is None:
            self._orm = Session(bind=self.connection, expire_on_commit=False)
        return self._orm

    def flush(self) -> None:
        """Write the Session's pending objects, if a Session was made."""
        if self._orm is not None:
            self._orm.flush()

    def close(self) -> None:
        if self._orm is not None:
            self._orm.close()
            self._orm = None


class Database:
    """One engine, and transactions on it."""

    def __init__(self, url: str) -> None:
        self.url = url
        # orjson: job-log pages decode a JSON column per entry (1,000 per page).
        kwargs: dict[str, Any] = {"json_deserializer": orjson.loads, "json_serializer": _dumps}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False}
        else:
            # A database server may restart under us: test each pooled connection before
            # use, and give up connecting after a few seconds (ipsApiFault 30000 then).
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 5}
        self.engine: Engine = create_engine(url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "connect", _sqlite_autocommit)
            event.listen(self.engine, "begin", _sqlite_begin)

    def create_schema(self) -> None:
        """Create or upgrade the schema with the Alembic migrations."""
        from ips_emulator.storage.migrations.runner import upgrade

        upgrade(self.engine)

    @contextmanager
    def store(self, exclusive: bool = False) -> Iterator[Store]:
        """A transaction that commits when the block succeeds and rolls back otherwise.

        ``exclusive``: on SQLite, it holds the write lock from its start (a call run again
        after its snapshot went stale); PostgreSQL's transactions need no such help.
        """
        with self.engine.connect() as connection:
            connection.info[_EXCLUSIVE] = exclusive
            with connection.begin():
                store = Store(connection)
                try:
                    yield store
                    store.flush()
                finally:
                    store.close()

    def unreachable(self) -> str | None:
        """Why the database cannot answer a query now, or None when it can (readiness).

        The reason names the failure's kind only: a driver's message may quote the URL.
        """
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            return f"the database did not answer ({type(cause).__name__})"
        return None

    def dispose(self) -> None:
        self.engine.dispose()
