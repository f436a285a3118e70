"""``ips-emulator db``: the database schema."""

from __future__ import annotations

import click

from ips_emulator.cli_checks import database_errors, masked
from ips_emulator.cli_settings import database_option, effective_database_url


@click.group()
def db() -> None:
    """The database schema (Alembic migrations; SQLite and PostgreSQL)."""


@db.command("upgrade")
@database_option
def db_upgrade(database_url: str | None) -> None:
    """Create the schema, or bring it to the current version (servers do this on start)."""
    from ips_emulator.storage.db import Database

    url = effective_database_url(database_url)
    with database_errors(url):
        database = Database(url)
        try:
            database.create_schema()
        finally:
            database.dispose()
    click.echo(f"schema up to date: {masked(url)}")
