"""Alembic environment: the engine comes from ``ips_emulator.storage.db``, never from an ini."""

from __future__ import annotations

from alembic import context

from ips_emulator.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
