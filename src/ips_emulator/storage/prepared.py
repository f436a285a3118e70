"""Hot read queries, compiled once per dialect and run on the driver's cursor.

Every call authenticates, checks company access and looks for due jobs, and a
job-log page reads up to 1,000 rows: SQLAlchemy's per-execution work (cache keys,
parameter processing, result rows with type processors) costs as much as the
queries themselves there. These statements are still written with SQLAlchemy
Core, compiled by the engine's own dialect, and run in the store's transaction;
what they give back are the driver's plain tuples, which the caller converts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

from ips_emulator.storage.db import Store


def json_value(raw: Any) -> Any:
    """A JSON column's raw value: text on SQLite, already decoded by psycopg."""
    return orjson.loads(raw) if isinstance(raw, (str, bytes)) else raw


class PreparedQuery:
    """A Core SELECT with named bind parameters, executed without SQLAlchemy's result layer.

    Parameters are given as the driver takes them (integers for instants, see
    ``tables.to_micros``); literal values in the statement are bound as compiled.
    Statements must not use expanding IN lists (they are compiled once).
    """

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: dict[str, tuple[str, Any]] = {}

    def _for(self, dialect: Dialect) -> tuple[str, Any]:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            if "POSTCOMPILE" in compiled.string:
                raise ValueError("prepared queries cannot expand IN lists")
            defaults = compiled.construct_params(_check=False)
            order = compiled.positiontup
            found = (compiled.string, (tuple(order), defaults) if order else defaults)
            self._compiled[dialect.name] = found
        return found

    def rows(self, store: Store, params: Mapping[str, Any]) -> Sequence[tuple[Any, ...]]:
        """All rows, in the store's transaction (pending ORM writes flushed first)."""
        store.flush()
        connection = store.connection
        sql, binding = self._for(connection.dialect)
        if isinstance(binding, tuple):  # positional paramstyle (SQLite's qmark)
            order, defaults = binding
            values: Any = tuple(params[k] if k in params else defaults[k] for k in order)
        else:
            values = {**binding, **params}
        dialect, raw = connection.dialect, connection.connection
        cursor = raw.cursor()
        try:
            cursor.execute(sql, values)
            return cursor.fetchall()  # a list already: no copy of a 1,000-row page
        except dialect.loaded_dbapi.Error as exc:
            # Handled as SQLAlchemy's own execution would: a lost connection is
            # invalidated, and storage_failure() sees the same wrapped error.
            lost = dialect.is_disconnect(exc, raw.dbapi_connection, cursor)
            if lost:
                connection.invalidate(exc)
            raise DBAPIError.instance(
                sql, values, exc, dialect.loaded_dbapi.Error, connection_invalidated=lost
            ) from exc
        finally:
            cursor.close()
