"""Bulk inserts for generated data sets: SQLAlchemy Core ``executemany``, one transaction.

Rows carry their ids, chosen up front (``next_number``), so that entries can
point at jobs and assets without reading anything back; handles use the same
numbers, above every id and handle number already stored.

Log entries are the bulk of a data set. They come as tuples and go to the
DBAPI's ``executemany`` through the insert statement SQLAlchemy compiles for
the dialect, with the columns' own bind processors applied once per value:
per-row parameter handling in ``Connection.execute`` would otherwise cost
more than SQLite's inserting.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Compiled, Connection, Table, func, select, text

from ips_emulator.storage.db import Database
from ips_emulator.storage.seeding import handle_number
from ips_emulator.storage.tables import Asset, Company, Folder, Job, JobLogEntry, Membership, User

Row = Mapping[str, Any]

TABLES: Mapping[str, Table] = {
    "company": Company.__table__,  # type: ignore[dict-item]
    "user": User.__table__,  # type: ignore[dict-item]
    "membership": Membership.__table__,  # type: ignore[dict-item]
    "folder": Folder.__table__,  # type: ignore[dict-item]
    "asset": Asset.__table__,  # type: ignore[dict-item]
    "job": Job.__table__,  # type: ignore[dict-item]
    "entry": JobLogEntry.__table__,  # type: ignore[dict-item]
}
_NUMBERED = ("company", "user", "asset", "job")
#: The columns of an entry tuple, in order.
ENTRY_COLUMNS = ("job_id", "asset_id", "log_type", "template_id", "params", "created")
EntryTuple = tuple[int, int | None, str, str, Mapping[str, str], Any]


class BulkWriter:
    """Inserts rows on one connection, inside the caller's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._entry_insert: Compiled | None = None

    def next_number(self, kind: str) -> int:
        """The first free id of ``kind``, above every id and handle number stored."""
        table = TABLES[kind]
        top = self.connection.scalar(select(func.max(table.c.id))) or 0
        if kind != "job":  # job handles end in the run id, which is an id
            for handle in self.connection.scalars(select(table.c.handle)):
                top = max(top, handle_number(handle))
        return int(top) + 1

    def insert(self, kind: str, rows: Sequence[Row]) -> None:
        if rows:
            self.connection.execute(TABLES[kind].insert(), list(rows))

    def insert_entries(self, rows: Sequence[EntryTuple]) -> None:
        """Insert log entries given as ``ENTRY_COLUMNS`` tuples."""
        if not rows:
            return
        table, dialect = TABLES["entry"], self.connection.dialect
        if self._entry_insert is None:
            self._entry_insert = table.insert().compile(
                dialect=dialect, column_keys=list(ENTRY_COLUMNS)
            )
        order = self._entry_insert.positiontup  # type: ignore[attr-defined]
        if order is None:  # a named paramstyle: let Core bind each row
            self.insert("entry", [dict(zip(ENTRY_COLUMNS, row, strict=True)) for row in rows])
            return
        processors = [
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in order
        ]
        dump, date = processors[-2:]
        if tuple(order) == ENTRY_COLUMNS and not any(processors[:4]) and dump and date:
            # The usual case (SQLite): only params (JSON) and created (UTC) need converting.
            values: list[tuple[Any, ...]] = [
                (job, asset, log_type, template, dump(params), date(created))
                for job, asset, log_type, template, params, created in rows
            ]
        else:
            index = [ENTRY_COLUMNS.index(name) for name in order]
            steps = list(zip(index, processors, strict=True))
            values = [tuple(p(row[i]) if p else row[i] for i, p in steps) for row in rows]
        self.connection.exec_driver_sql(str(self._entry_insert), values)

    def sync_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids written explicitly."""
        if self.connection.dialect.name != "postgresql":
            return
        for kind in _NUMBERED:
            name = TABLES[kind].name
            self.connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
                )
            )


@contextmanager
def bulk_writer(database: Database) -> Iterator[BulkWriter]:
    """A writer whose rows are committed together when the block succeeds."""
    with database.engine.begin() as connection:
        writer = BulkWriter(connection)
        yield writer
        writer.sync_sequences()
