"""The mistakes an operator makes most, as one line each instead of a traceback.

Each helper turns one kind of failure (a database that cannot be opened, a port that
cannot be bound, a file that cannot be written) into a ``click.ClickException``: click
prints it as ``Error: ...`` on standard error and exits 1.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ips_emulator.config import SettingError

POSTGRES_EXTRA = "pip install 'ips-emulator[postgres]'"
URL_EXAMPLES = "sqlite:///ips-emulator.db or postgresql+psycopg://user:password@host/db"


def parse_database_url(url: str, source: str) -> URL:
    """The URL, or a ``SettingError`` that does not repeat it (it may hold a password)."""
    try:
        return make_url(url)
    except ArgumentError:
        raise SettingError(
            f"{source}: not a database URL; give one such as {URL_EXAMPLES}"
        ) from None


def masked(url: str) -> str:
    """The URL with its password replaced by ``***`` (as given if it does not parse)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


def check_sqlite_folder(url: URL) -> None:
    """Refuse an SQLite file whose folder is missing, rather than create the folder:
    a mistyped path should not quietly start a new, empty database somewhere else."""
    database = url.database or ""
    if (
        url.get_backend_name() != "sqlite"
        or database in ("", ":memory:")
        or database.startswith("file:")
    ):
        return
    folder = Path(database).parent
    if not folder.is_dir():
        raise click.ClickException(
            f"cannot open the SQLite database {url.database}: the folder {folder} does not "
            "exist (create it first, or give another --database-url)"
        )


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Report a database that cannot be opened or migrated in one line."""
    shown = masked(url)
    check_sqlite_folder(parse_database_url(url, "the database URL"))
    try:
        yield
    except NoSuchModuleError:
        raise click.ClickException(
            f"cannot open the database {shown}: SQLAlchemy knows no such database kind "
            f"(give a URL such as {URL_EXAMPLES})"
        ) from None
    except ImportError as exc:
        # Only a missing database driver is this mistake; any other import error is a bug.
        if not exc.name or not _is_driver(exc.name):
            raise
        hint = f"install the Python package {exc.name}"
        if "postgres" in shown:
            # The extra brings psycopg (3); a postgresql+psycopg2:// URL asks for psycopg2.
            switch = (
                " and write the URL as postgresql+psycopg://..." if "psycopg2" in exc.name else ""
            )
            hint = POSTGRES_EXTRA + switch
        raise click.ClickException(
            f"cannot open the database {shown}: its driver is not installed "
            f"(no module named {exc.name!r}); {hint}"
        ) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            # SQLite says only "unable to open database file", whatever the cause.
            raise click.ClickException(
                f"cannot open the SQLite database {parsed.database}: {reason} (it must be a "
                "file this user can write, in a folder this user can write)"
            ) from None
        raise click.ClickException(f"cannot open the database {shown}: {reason}") from None


def _is_driver(module: str) -> bool:
    top = module.split(".")[0]
    return top in {"psycopg", "psycopg2", "pg8000", "asyncpg", "pymysql", "MySQLdb", "sqlite3"}


_BIND_REASONS = {
    errno.EADDRINUSE: "the port is in use (is another server running there?); "
    "choose another --port, or 0 for any free port",
    errno.EACCES: "permission denied (ports below 1024 need privileges); choose another --port",
    errno.EADDRNOTAVAIL: "the address is not one of this machine's; choose another --host",
}


@contextmanager
def bind_errors(host: str, port: int) -> Iterator[None]:
    """Report a listening address that cannot be bound in one line."""
    try:
        yield
    except socket.gaierror as exc:
        raise click.ClickException(
            f"cannot listen on {host}:{port}: unknown host {host!r} ({exc.strerror}); "
            "choose another --host"
        ) from None
    except OSError as exc:
        reason = _BIND_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise click.ClickException(f"cannot listen on {host}:{port}: {reason}") from None


def check_bindable(host: str, port: int) -> None:
    """Bind and release ``host:port`` once, as the server will (with SO_REUSEADDR)."""
    with bind_errors(host, port):
        socket.create_server((host, port), family=_family(host)).close()


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def write_output(path: str, text: str) -> None:
    """Write ``text`` to ``path``; a missing folder is refused, not created (as for SQLite)."""
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except OSError as exc:
        folder = Path(path).parent
        hint = f"the folder {folder} does not exist" if not folder.is_dir() else exc.strerror
        raise click.ClickException(f"cannot write {path}: {hint}") from None
