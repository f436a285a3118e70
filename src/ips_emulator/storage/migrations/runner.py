"""Running the migrations from code: ``ips-emulator db upgrade`` and server start-up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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


@dataclass(frozen=True)
class Revision:
    """One migration, as ``ips-emulator db history`` lists it."""

    revision: str
    down_revision: str | None
    message: str
    is_head: bool


def history() -> list[Revision]:
    """Every migration, newest first (Alembic's order)."""
    script = ScriptDirectory(str(_HERE))
    heads = set(script.get_heads())
    return [
        Revision(
            revision=r.revision,
            down_revision=r.down_revision if isinstance(r.down_revision, str) else None,
            message=(r.doc or "").strip(),
            is_head=r.revision in heads,
        )
        for r in script.walk_revisions()
    ]


def current(engine: Engine) -> tuple[str, ...]:
    """The revisions the database is stamped at; empty when it has no schema yet."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_heads()
