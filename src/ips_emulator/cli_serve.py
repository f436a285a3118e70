"""``ips-emulator serve``: the IPS API over HTTP, one process or several."""

from __future__ import annotations

import logging

import click

from ips_emulator.config import Settings, parse_job_speed
from ips_emulator.server.tuning import SERVE_THREADS


@click.command()
@click.option("--host", default=None, help="Interface to listen on.  [default: 127.0.0.1]")
@click.option("--port", type=int, default=None, help="Port to listen on.  [default: 8080]")
@click.option(
    "--database-url",
    envvar="IPS_EMULATOR_DATABASE_URL",
    default=None,
    help="SQLAlchemy database URL (also IPS_EMULATOR_DATABASE_URL).  "
    "[default: sqlite:///ips-emulator.db]",
)
@click.option(
    "--default-locale",
    default=None,
    help="Locale of logMessage when a request names none (authHeader/locale, "
    "Accept-Language).  [default: en-US]",
)
@click.option(
    "--timezone",
    default=None,
    help="The IPS server's time zone (IANA name); dates are rendered with its offset.  "
    "[default: UTC]",
)
@click.option(
    "--job-speed",
    default=None,
    help="How fast jobs run: realtime, instant (a job finishes within submitJob) or a "
    "factor such as 10.  [default: realtime]",
)
@click.option("--no-demo", is_flag=True, help="Do not load the demo data into an empty database.")
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
    help="Processes (gunicorn) sharing the database; use PostgreSQL for more than one.",
)
@click.option(
    "--admin-token",
    default=None,
    help="Open the JSON admin API under /admin/ to requests that send "
    "Authorization: Bearer TOKEN (also IPS_EMULATOR_ADMIN_TOKEN).  [default: closed]",
)
def serve(
    host: str | None,
    port: int | None,
    database_url: str | None,
    default_locale: str | None,
    timezone: str | None,
    job_speed: str | None,
    no_demo: bool,
    threads: int,
    workers: int,
    admin_token: str | None,
) -> None:
    """Serve the IPS API on http://HOST:PORT/scene7/services/IpsApiService."""
    from waitress import serve as waitress_serve

    from ips_emulator.i18n import CatalogsNotCompiledError
    from ips_emulator.server.app import create_app
    from ips_emulator.server.tuning import tune_for_serving

    try:
        speed = parse_job_speed(job_speed) if job_speed else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--job-speed") from None
    settings = Settings.from_env().with_changes(
        host=host,
        port=port,
        database_url=database_url,
        default_locale=default_locale,
        timezone=timezone,
        job_speed=speed,
        load_demo=False if no_demo else None,
        admin_token=admin_token,
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("spyne").setLevel(logging.WARNING)
    # Calls queueing for the one thread is the design, not an alarm (SERVE_THREADS).
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    base = f"http://{settings.host}:{settings.port}"
    if workers > 1:
        from ips_emulator.server.workers import serve_workers

        click.echo(f"ips-emulator serving {base}/scene7/services/IpsApiService ({workers} workers)")
        serve_workers(settings, workers, threads)
        return
    try:
        app = create_app(settings)
    except CatalogsNotCompiledError as exc:
        raise click.ClickException(str(exc)) from None
    tune_for_serving()
    click.echo(f"ips-emulator serving {base}/scene7/services/IpsApiService")
    click.echo(f"WSDL: {base}/scene7/webservice/IpsApi-2008-01-15.wsdl")
    if settings.admin_token:
        click.echo(f"Admin API: {base}/admin/ (docs/admin-api.md)")
    waitress_serve(
        app,
        host=settings.host,
        port=settings.port,
        threads=threads,
        ident="ips-emulator",
        max_request_body_size=2 * settings.max_body_bytes,
    )
