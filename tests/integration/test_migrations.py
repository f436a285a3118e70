"""The Alembic migrations build exactly the schema the models describe, on either backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from ips_emulator.storage.db import Database
from ips_emulator.storage.migrations.runner import upgrade
from ips_emulator.storage.tables import Base
from tests.databases import Databases


def test_migrations_match_the_models(databases: Databases) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, create_empty=False)  # the migrations themselves, step by step
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    database.dispose()


def test_upgrade_is_idempotent_and_keeps_data(databases: Databases) -> None:
    url = databases.new_url()
    first = Database(url)
    first.create_schema()
    with first.session() as session:
        from ips_emulator.storage import directory

        directory.add_company(session, "KeepMe", "KeepMe/", None, None)
    first.dispose()
    second = Database(url)
    second.create_schema()  # a second start-up: nothing to do, nothing lost
    with second.session() as session:
        from ips_emulator.storage.directory import find_company_by_name

        assert find_company_by_name(session, "KeepMe") is not None
    engine = create_engine(url)
    assert "alembic_version" in inspect(engine).get_table_names()
    engine.dispose()
    second.dispose()
