"""``ips-emulator db``: the database schema and its migrations."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.engine import make_url

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


@db.command("current")
@database_option
def db_current(database_url: str | None) -> None:
    """Print the migration the database is at (one line per revision; none before upgrade)."""
    from ips_emulator.storage.migrations.runner import history

    heads = {r.revision for r in history() if r.is_head}
    current = _current(effective_database_url(database_url))
    if not current:
        click.echo("none: no schema yet (ips-emulator db upgrade creates it)")
    for revision in current:
        click.echo(f"{revision} (head)" if revision in heads else f"{revision} (upgrade pending)")


@db.command("history")
@database_option
def db_history(database_url: str | None) -> None:
    """List the migrations, newest first, marking the head and the database's current one."""
    from ips_emulator.storage.migrations.runner import history

    current = set(_current(effective_database_url(database_url)))
    for r in history():
        marks = [m for m, on in (("head", r.is_head), ("current", r.revision in current)) if on]
        shown = f" ({', '.join(marks)})" if marks else ""
        click.echo(f"{r.down_revision or '<base>'} -> {r.revision}{shown}: {r.message}")


def _current(url: str) -> tuple[str, ...]:
    """The database's revisions, without creating an SQLite file that does not exist."""
    from ips_emulator.storage.db import Database
    from ips_emulator.storage.migrations.runner import current

    parsed = make_url(url)
    on_disk = parsed.get_backend_name() == "sqlite" and parsed.database not in (
        None,
        "",
        ":memory:",
    )
    if on_disk and not Path(str(parsed.database)).exists():
        return ()
    with database_errors(url):
        database = Database(url)
        try:
            return current(database.engine)
        finally:
            database.dispose()
