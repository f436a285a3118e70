"""Each operation's declared roles, and ``Role``, against the IPS API reference pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ips_emulator.domain.roles import GLOBAL_ROLES
from ips_emulator.protocol.api import REGISTRY
from ips_emulator.records import Role
from tests.helpers import REFERENCE

REF = REFERENCE / "ips-api"

OPERATIONS = REF / "operations"
BULLET = re.compile(r"^\* `(\w+)`\s*$")

#: Misspelt roles on Adobe's pages, kept verbatim in the copies (ips-api/README.md lists
#: them among the quirks): page -> {the name that is no User Role: the role it misspells}.
MISSPELT_ROLES = {
    "r-delete-assets.md": {"IspAdmin": "IpsAdmin"},
    "r-rename-asset.md": {"ImpagePortalContribUser": "ImagePortalContribUser"},
    "r-update-xmp-packet.md": {"ImagePortalcontribUser": "ImagePortalContribUser"},
}
#: Every declared operation's roles (None: no page).
DECLARED = {op.name: op.roles for op in REGISTRY.operations.values()}


def kebab(name: str) -> str:
    """``getAssetJobLogs`` -> ``get-asset-job-logs``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def page_for(operation: str) -> Path:
    """``getXMPPacket``'s page is r-get-xmp-packet.md: acronyms are one word."""
    return OPERATIONS / f"r-{kebab(operation.replace('XMP', 'Xmp'))}.md"


def bullets_under(path: Path, heading: str) -> list[str]:
    """The first run of "* `Value`" bullets under ``heading``, stopping at the next section.

    The heading's case and trailing blanks are not compared: r-delete-assets.md, as Adobe
    wrote it, has "## Authorized user types ".
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    titles = [line.rstrip().casefold() for line in lines]
    assert heading.casefold() in titles, f"{path.name} has no {heading!r} heading"
    values: list[str] = []
    for line in lines[titles.index(heading.casefold()) + 1 :]:
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


def documented_roles(page: Path) -> set[str]:
    fixes = MISSPELT_ROLES.get(page.name, {})
    return {fixes.get(r, r) for r in bullets_under(page, "## Authorized User Types")}


@pytest.mark.parametrize("operation", sorted(DECLARED))
def test_declared_roles_match_the_reference_page(operation: str) -> None:
    page = page_for(operation)
    roles = DECLARED[operation]
    if not page.is_file():
        assert roles is None, f"{operation} has roles but Adobe documents no page for it"
        return
    assert roles is not None, f"{operation}: declare the roles of {page.name}"
    documented = documented_roles(page)
    declared = {str(role) for role in roles}
    assert declared == documented, (
        f"{operation}: only in code {sorted(declared - documented)}, "
        f"only on {page.name} {sorted(documented - declared)}"
    )


def test_every_operation_page_is_a_declared_operation() -> None:
    pages = {p.name for p in OPERATIONS.glob("r-*.md")}
    assert len(pages) == 53
    assert pages <= {page_for(op).name for op in DECLARED}


def test_every_emulated_operation_has_roles() -> None:
    for op in REGISTRY.operations.values():
        if op.emulated:
            assert op.roles, op.name


def test_every_role_is_a_documented_user_role() -> None:
    documented = set(bullets_under(REF / "constants" / "r-user-roles.md", "## Values"))
    values = {role.value for role in Role}
    assert values <= documented, sorted(values - documented)
    assert documented <= values, f"documented roles missing from Role: {documented - values}"


def test_roles_on_operation_pages_are_known_roles() -> None:
    values = {role.value for role in Role}
    for page in sorted(OPERATIONS.glob("r-*.md")):
        unknown = set(bullets_under(page, "## Authorized User Types")) - values
        assert unknown == set(MISSPELT_ROLES.get(page.name, {})), f"{page.name}: {sorted(unknown)}"


def test_global_roles_may_call_every_company_operation() -> None:
    assert frozenset({Role.IPS_ADMIN}) == GLOBAL_ROLES
    for operation, roles in DECLARED.items():
        assert roles is None or roles >= GLOBAL_ROLES, operation
