"""The ``ips-emulator`` command."""

from __future__ import annotations

import logging

import click

from ips_emulator.config import Settings, parse_job_speed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ips-emulator")
def main() -> None:
    """A local emulator of the Adobe Scene7 IPS SOAP API (getAssetJobLogs and its family)."""


@main.command()
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
@click.option("--threads", type=int, default=8, show_default=True, help="Worker threads.")
def serve(
    host: str | None,
    port: int | None,
    database_url: str | None,
    default_locale: str | None,
    timezone: str | None,
    job_speed: str | None,
    no_demo: bool,
    threads: int,
) -> None:
    """Serve the IPS API on http://HOST:PORT/scene7/services/IpsApiService."""
    from waitress import serve as waitress_serve

    from ips_emulator.server.app import create_app

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
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("spyne").setLevel(logging.WARNING)
    app = create_app(settings)
    base = f"http://{settings.host}:{settings.port}"
    click.echo(f"ips-emulator serving {base}/scene7/services/IpsApiService")
    click.echo(f"WSDL: {base}/scene7/webservice/IpsApi-2008-01-15.wsdl")
    waitress_serve(
        app, host=settings.host, port=settings.port, threads=threads, ident="ips-emulator"
    )


@main.command()
@click.argument("version", default="2008-01-15")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to this file."
)
def wsdl(version: str, output: str | None) -> None:
    """Print the WSDL of API VERSION as generated from the declarations.

    The address is a placeholder that the server replaces with the one the client used.
    """
    from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
    from ips_emulator.protocol.wsdl import WsdlWriter

    if version not in VERSION_NAMESPACES:
        raise click.BadParameter(
            f"{version!r} is not served (served: {', '.join(VERSION_NAMESPACES)})",
            param_hint="VERSION",
        )
    text = WsdlWriter(REGISTRY, version, VERSION_NAMESPACES[version]).write()
    if output:
        with open(output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)
