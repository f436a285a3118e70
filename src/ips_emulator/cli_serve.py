"""``ips-emulator serve``: the IPS API over HTTP, one process or several.

The banner is printed only once the database is open and migrated and the socket is
bound, so "serving" is true when it appears; every failure before it is one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ips_emulator.cli_checks import bind_errors, check_bindable, database_errors
from ips_emulator.cli_settings import resolve, settings_options
from ips_emulator.config import Settings
from ips_emulator.server.tuning import SERVE_THREADS

if TYPE_CHECKING:
    from ips_emulator.server.app import EmulatorApp


@click.command()
@settings_options
@click.option(
    "--threads",
    type=click.IntRange(min=1),
    default=SERVE_THREADS,
    show_default=True,
    help="Threads per process: calls are CPU-bound, so one is fastest; more let calls "
    "proceed while another waits (an injected delay, a locked database).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes (gunicorn) sharing the database: an SQLite file on this machine's "
    "disk, or PostgreSQL (several machines, many writers).",
)
def serve(no_demo: bool, threads: int, workers: int, **options: str | None) -> None:
    """Serve the IPS API on http://HOST:PORT/scene7/services/IpsApiService."""
    from ips_emulator.server.logs import configure

    settings = resolve(options, no_demo).settings
    configure(settings.log_level, settings.log_format)
    if workers > 1:
        _serve_workers(settings, workers, threads)
    else:
        _serve_one(settings, threads)


def _serve_one(settings: Settings, threads: int) -> None:
    from ips_emulator.server.connections import create_http_server
    from ips_emulator.server.shutdown import serve_until_signalled
    from ips_emulator.server.tuning import allow_connections, tune_for_serving

    app = _open_app(settings)
    try:
        with bind_errors(settings.host, settings.port):
            server = create_http_server(app, threads, host=settings.host, port=settings.port)
    except click.ClickException:
        app.database.dispose()
        raise
    allow_connections(settings.connection_limit)
    tune_for_serving()
    # One socket has effective_port; a host name bound on several addresses has a list.
    port = getattr(server, "effective_port", None) or server.effective_listen[0][1]
    _banner(settings, int(port), 1)
    try:
        serve_until_signalled(server, settings.shutdown_timeout)
    finally:
        app.database.dispose()


def _open_app(settings: Settings) -> EmulatorApp:
    from ips_emulator.server.app import create_app

    with database_errors(settings.database_url):
        return create_app(settings)


def _serve_workers(settings: Settings, workers: int, threads: int) -> None:
    from sqlalchemy.engine import make_url

    from ips_emulator.server.tuning import allow_connections
    from ips_emulator.server.workers import prepare_database, serve_workers

    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        raise click.ClickException(
            f"--workers {workers}: an in-memory SQLite database is private to one process; "
            "give a file (sqlite:///ips-emulator.db) or PostgreSQL"
        )
    with database_errors(settings.database_url):
        prepare_database(settings)
    # gunicorn retries a busy port for seconds, logging each try: check it first.
    check_bindable(settings.host, settings.port)
    allow_connections(settings.connection_limit)  # the workers inherit the limit
    serve_workers(settings, workers, threads, lambda port: _banner(settings, port, workers))


def _banner(settings: Settings, port: int, workers: int) -> None:
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    base = f"http://{host}:{port}"
    processes = f" ({workers} workers)" if workers > 1 else ""
    click.echo(f"ips-emulator serving {base}/scene7/services/IpsApiService{processes}")
    click.echo(f"WSDL: {base}/scene7/webservice/IpsApi-2008-01-15.wsdl")
    if settings.admin_token:
        click.echo(f"Admin API: {base}/admin/ (docs/admin-api.md)")
