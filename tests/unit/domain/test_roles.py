"""``AUTHORIZED_ROLES`` and ``Role`` against the IPS API reference pages in docs/reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ips_emulator.domain.roles import AUTHORIZED_ROLES, GLOBAL_ROLES, Role
from tests.helpers import REFERENCE

REF = REFERENCE / "ips-api"

OPERATIONS = REF / "operations"
BULLET = re.compile(r"^\* `(\w+)`\s*$")


def kebab(name: str) -> str:
    """``getAssetJobLogs`` -> ``get-asset-job-logs``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def page_for(operation: str) -> Path:
    return OPERATIONS / f"r-{kebab(operation)}.md"


def bullets_under(path: Path, heading: str) -> list[str]:
    """The first run of "* `Value`" bullets under ``heading``, stopping at the next section."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert heading in lines, f"{path.name} has no {heading!r} heading"
    values: list[str] = []
    for line in lines[lines.index(heading) + 1 :]:
        if line.startswith("#"):
            break
        match = BULLET.match(line.strip())
        if match:
            values.append(match.group(1))
        elif line.strip() and values:
            break  # the bullet list is over (a note or table follows)
    assert values, f"{path.name}: no bullets under {heading!r}"
    return values


@pytest.mark.parametrize(
    ("operation", "page"),
    [
        ("getAssetJobLogs", "r-get-asset-job-logs.md"),
        ("getJobLogDetails", "r-get-job-log-details.md"),
        ("checkLogin", "r-check-login.md"),
        ("getAssetsByName", "r-get-assets-by-name.md"),
    ],
)
def test_page_name(operation: str, page: str) -> None:
    assert page_for(operation).name == page


@pytest.mark.parametrize("operation", sorted(AUTHORIZED_ROLES))
def test_authorized_roles_match_the_reference_page(operation: str) -> None:
    page = page_for(operation)
    assert page.is_file(), f"no reference page {page.name} for {operation}"
    documented = set(bullets_under(page, "## Authorized User Types"))
    declared = {str(role) for role in AUTHORIZED_ROLES[operation]}
    assert declared == documented, (
        f"{operation}: only in code {sorted(declared - documented)}, "
        f"only on {page.name} {sorted(documented - declared)}"
    )


def test_every_operation_page_has_an_entry() -> None:
    pages = {p.name for p in OPERATIONS.glob("r-*.md")}
    assert pages
    covered = {page_for(op).name for op in AUTHORIZED_ROLES}
    assert pages - covered == set()


def test_every_role_is_a_documented_user_role() -> None:
    documented = set(bullets_under(REF / "constants" / "r-user-roles.md", "## Values"))
    values = {role.value for role in Role}
    assert values <= documented, sorted(values - documented)
    assert documented <= values, f"documented roles missing from Role: {documented - values}"


def test_roles_on_operation_pages_are_known_roles() -> None:
    values = {role.value for role in Role}
    for page in sorted(OPERATIONS.glob("r-*.md")):
        unknown = set(bullets_under(page, "## Authorized User Types")) - values
        assert not unknown, f"{page.name}: {sorted(unknown)}"


def test_global_roles_may_call_every_company_operation() -> None:
    assert frozenset({Role.IPS_ADMIN}) == GLOBAL_ROLES
    for operation, roles in AUTHORIZED_ROLES.items():
        assert roles >= GLOBAL_ROLES, operation
