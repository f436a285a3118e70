"""``ips-emulator db``: the database schema."""

from __future__ import annotations

import click

from ips_emulator.config import Settings


@click.group()
def db() -> None:
    """The database schema (Alembic migrations; SQLite and PostgreSQL)."""


@db.command("upgrade")
@click.option(
    "--database-url",
    envvar="IPS_EMULATOR_DATABASE_URL",
    default=None,
    help="SQLAlchemy database URL (also IPS_EMULATOR_DATABASE_URL).",
)
def db_upgrade(database_url: str | None) -> None:
    """Create the schema, or bring it to the current version (servers do this on start)."""
    from ips_emulator.storage.db import Database

    settings = Settings.from_env().with_changes(database_url=database_url)
    database = Database(settings.database_url)
    database.create_schema()
    database.dispose()
    click.echo(f"schema up to date: {settings.database_url}")
