"""Running the migrations from code: ``ips-emulator db upgrade`` and server start-up."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

from ips_emulator.storage.tables import Base

_HERE = Path(__file__).resolve().parent


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head", create_empty: bool = True) -> None:
    """Bring the database's schema to ``revision``.

    An empty database gets the current schema in one ``create_all`` and is stamped
    at head (the migrations build the same schema: tests/integration/test_migrations.py
    holds them to it), which keeps test servers quick to start.
    """
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        if create_empty and revision == "head" and not inspect(connection).get_table_names():
            Base.metadata.create_all(connection)
            command.stamp(config, "head")
        else:
            command.upgrade(config, revision)


def make_revision(engine: Engine, message: str) -> None:
    """Write a new migration for the difference between tables.py and the database."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)
