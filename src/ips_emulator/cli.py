"""The ``ips-emulator`` command."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ips_emulator.cli_checks import database_errors, write_output
from ips_emulator.cli_db import db
from ips_emulator.cli_serve import serve
from ips_emulator.cli_settings import config, database_option, effective_database_url
from ips_emulator.config import SettingError

if TYPE_CHECKING:
    from ips_emulator.storage.db import Database

F = TypeVar("F", bound=Callable[..., Any])


class _Main(click.Group):
    """The command group; a bad setting, however it was given, is one line, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SettingError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ips-emulator")
def main() -> None:
    """A local emulator of the Adobe Scene7 IPS SOAP API (getAssetJobLogs and its family)."""


@main.command()
@click.argument("version", default="2008-01-15")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to this file."
)
@click.option(
    "--output-dir",
    "-d",
    type=click.Path(file_okay=False),
    default=None,
    help="Write into this folder, under the name the real service uses (IpsApi.wsdl for xsd).",
)
def wsdl(version: str, output: str | None, output_dir: str | None) -> None:
    """Print the WSDL of API VERSION (xsd is pre-4.0) as generated from the declarations;
    ``all`` with --output-dir writes every served version's.

    The address is a placeholder that the server replaces with the one the client used.
    """
    from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
    from ips_emulator.protocol.wsdl import WsdlWriter, wsdl_file_name

    if version == "all" and output_dir:
        versions = list(VERSION_NAMESPACES)
    elif version in VERSION_NAMESPACES:
        versions = [version]
    else:
        raise click.BadParameter(
            f"{version!r} is not served (served: {', '.join(VERSION_NAMESPACES)}; "
            "all with --output-dir)",
            param_hint="VERSION",
        )
    for each in versions:
        text = WsdlWriter(REGISTRY, each, VERSION_NAMESPACES[each]).write()
        if output_dir:
            output = os.path.join(output_dir, wsdl_file_name(each))
        if output:
            write_output(output, text)
        else:
            click.echo(text, nl=False)


# Data commands: all take the database the way ``serve`` does.


def open_database(database_url: str | None) -> Database:
    """The database of ``--database-url`` (or the environment's), migrated; one-line errors."""
    from ips_emulator.storage.db import Database

    url = effective_database_url(database_url)
    with database_errors(url):
        database = Database(url)
        database.create_schema()
    return database


def fail(lines: list[str]) -> NoReturn:
    """Print what is wrong and exit 1."""
    for line in lines:
        click.secho(line, err=True, fg="red")
    sys.exit(1)


class _RolledBackError(Exception):
    """Rolls back a --check load."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@database_option
@click.option("--check", is_flag=True, help="Check FILE against the database, load nothing.")
def seed(file: str, database_url: str | None, check: bool) -> None:
    """Load the seed document FILE (JSON, or YAML if it ends in .yaml/.yml).

    All or nothing: on any problem nothing is loaded, each problem is printed as
    FILE: PATH: WHAT and the exit status is 1. The format: docs/seed-format.md.
    """
    from ips_emulator.domain.seed import SeedError, load_seed
    from ips_emulator.seed_files import DocumentFileError, read_document

    try:
        document = read_document(file)
    except DocumentFileError as exc:
        fail([f"{file}: {exc}"])
    database = open_database(database_url)
    try:
        with database.store() as store:
            result = load_seed(store, document)
            if check:
                raise _RolledBackError
    except SeedError as exc:
        fail([f"{file}: {p.path}: {p.message}" for p in exc.errors])
    except _RolledBackError:
        click.echo(f"{file}: valid ({_counts(result.to_json())}); nothing loaded")
        return
    finally:
        database.dispose()
    click.echo(f"{file}: loaded {_counts(result.to_json())}")


def _counts(summary: dict[str, Any]) -> str:
    parts = [f"{len(summary[k])} {k}" for k in ("companies", "users", "assets", "jobs")]
    return ", ".join([*parts, f"{summary['entries']} log entries"])


@main.command()
@database_option
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to this file."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "yaml"]),
    default=None,
    help="Output format.  [default: yaml for a .yaml/.yml output, else json]",
)
def export(database_url: str | None, output: str | None, fmt: str | None) -> None:
    """Write everything stored as a seed document (to standard output by default).

    `ips-emulator seed` loads it back into an empty database as the same state.
    """
    from ips_emulator.domain.export import export_document
    from ips_emulator.seed_files import dump_document, format_of

    database = open_database(database_url)
    try:
        with database.store() as store:
            document = export_document(store)
    finally:
        database.dispose()
    text = dump_document(document, fmt or (format_of(output) if output else "json"))
    if output:
        write_output(output, text)
    else:
        click.echo(text, nl=False)


@main.command()
@database_option
@click.option("--companies", type=click.IntRange(min=1), default=5, show_default=True)
@click.option(
    "--assets", type=click.IntRange(min=0), default=1000, show_default=True, help="In all."
)
@click.option(
    "--logs",
    type=click.IntRange(min=0),
    default=100_000,
    show_default=True,
    help="Job log entries in all.",
)
@click.option("--seed", "seed_value", type=int, default=None, help="Random seed (repeatable).")
@click.option("--days", type=click.FloatRange(min=0, min_open=True), default=365.0,
              show_default=True, help="Spread job start dates over this many days.")  # fmt: skip
@click.option(
    "--until",
    type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d"]),
    default=None,
    help="Latest start date (ISO, UTC unless an offset is given).  [default: now]",
)
@click.option("--users-per-company", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--password", default="password", show_default=True, help="Every user's password.")
def generate(
    database_url: str | None,
    companies: int,
    assets: int,
    logs: int,
    seed_value: int | None,
    days: float,
    until: datetime | None,
    users_per_company: int,
    password: str,
) -> None:
    """Add a synthetic data set: companies, users, assets, jobs and their log entries."""
    from datetime import UTC

    from ips_emulator.domain.generate import GenerateOptions
    from ips_emulator.domain.generate import generate as generate_data

    options = GenerateOptions(
        companies=companies,
        assets=assets,
        logs=logs,
        seed=seed_value,
        days=days,
        until=until if until is None or until.tzinfo else until.replace(tzinfo=UTC),
        users_per_company=users_per_company,
        password=password,
    )
    database = open_database(database_url)
    started = time.perf_counter()
    try:
        with click.progressbar(length=logs, label="Writing job log entries") as bar:
            summary = generate_data(database, options, bar.update)
    finally:
        database.dispose()
    seconds = time.perf_counter() - started
    click.echo(
        f"Added {len(summary.companies)} companies, {summary.users} users, "
        f"{summary.assets} assets, {summary.jobs} jobs and {summary.entries} log entries "
        f"in {seconds:.1f} s ({summary.entries / max(seconds, 1e-9):,.0f} entries/s)."
    )
    click.echo(f"Companies {summary.companies[0]} to {summary.companies[-1]}; log in as")
    click.echo(f"{summary.logins[0]} (and the other admin@... users) / {password!r}.")


@main.group()
def users() -> None:
    """Manage user accounts."""


@users.command("list")
@database_option
@click.option("--company", default=None, help="Only the members of this company handle.")
def users_list(database_url: str | None, company: str | None) -> None:
    """List users: handle, e-mail, role, whether valid, companies."""
    from ips_emulator.storage.accounts import list_accounts

    database = open_database(database_url)
    try:
        with database.store() as store:
            accounts = list_accounts(store, company)
    finally:
        database.dispose()
    for a in accounts:
        valid = "valid" if a.is_valid else "invalid"
        click.echo(f"{a.handle}\t{a.email}\t{a.role}\t{valid}\t{','.join(a.companies)}")


@users.command("add")
@click.argument("email")
@click.option("--role", required=True, help="An IPS user role: IpsUser, IpsAdmin, ...")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option(
    "--company", "companies", multiple=True, help="Handle of a company to join (repeatable)."
)
@click.option("--first-name", default="")
@click.option("--last-name", default="")
@database_option
def users_add(
    email: str,
    role: str,
    password: str,
    companies: tuple[str, ...],
    first_name: str,
    last_name: str,
    database_url: str | None,
) -> None:
    """Add the user EMAIL."""
    from ips_emulator.domain.seed import SeedError, load_seed

    user = {"email": email, "password": password, "role": role, "companies": list(companies),
            "firstName": first_name, "lastName": last_name}  # fmt: skip
    database = open_database(database_url)
    try:
        with database.store() as store:
            result = load_seed(store, {"users": [user]})
    except SeedError as exc:
        option = {"email": "EMAIL", "role": "--role", "companies": "--company"}
        fail([_option_error(p.path, p.message, option) for p in exc.errors])
    finally:
        database.dispose()
    click.echo(f"Added {result.users[0]}")


def _option_error(path: str, message: str, options: dict[str, str]) -> str:
    """``users[0].companies[1]: ...`` -> ``--company: ...``."""
    field = path.removeprefix("users[0]").lstrip(".").split("[")[0]
    return f"{options.get(field, field or 'user')}: {message}"


@users.command("passwd")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@database_option
def users_passwd(email: str, password: str, database_url: str | None) -> None:
    """Set the password of the user EMAIL."""
    from ips_emulator.domain.passwords import hash_password
    from ips_emulator.storage.accounts import set_password_hash

    database = open_database(database_url)
    try:
        with database.store() as store:
            changed = set_password_hash(store, email, hash_password(password))
    finally:
        database.dispose()
    if not changed:
        fail([f"EMAIL: no user {email!r}"])
    click.echo(f"Password of {email} changed.")


main.add_command(config)
main.add_command(db)
main.add_command(serve)
