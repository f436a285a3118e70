"""``AUTHORIZED_ROLES`` and ``Role`` against the IPS API reference pages in docs/reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ips_emulator.domain.roles import AUTHORIZED_ROLES, GLOBAL_ROLES
from ips_emulator.records import Role
from tests.helpers import REFERENCE

REF = REFERENCE / "ips-api"

OPERATIONS = REF / "operations"
BULLET = re.compile(r"^\* `(\w+)`\s*$")

#: Pages of the operations the reference holds for later work (its second batch of pages,
#: docs/reference/ips-api/README.md), which have no entry in AUTHORIZED_ROLES yet. Give
#: an operation its roles, then take its page out of this set.
PAGES_WITHOUT_ENTRY = frozenset({
    "r-batch-set-asset-metadata.md", "r-cdn-cache-invalidation.md", "r-create-folder.md",
    "r-create-image-set.md", "r-delete-asset.md", "r-delete-assets.md",
    "r-delete-folder.md", "r-empty-assets-from-trash.md", "r-get-asset-counts.md",
    "r-get-asset-publish-history.md", "r-get-associated-assets.md", "r-get-company-settings.md",
    "r-get-folder-tree.md", "r-get-folders.md", "r-get-image-set-members.md",
    "r-get-metadata-fields.md", "r-get-property-set-types.md", "r-get-property-sets.md",
    "r-get-publish-contexts.md", "r-get-xmp-packet.md", "r-move-asset.md",
    "r-move-assets.md", "r-move-folder.md", "r-rename-asset.md",
    "r-rename-folder.md", "r-restore-assets-from-trash.md", "r-search-assets-by-metadata.md",
    "r-set-asset-metadata.md", "r-set-asset-publish-state.md", "r-set-assets-publish-state.md",
    "r-update-xmp-packet.md",
})  # fmt: skip

#: Misspelt roles on Adobe's pages, kept verbatim in the copies (ips-api/README.md lists
#: them among the quirks): page -> the names that are no User Role.
MISSPELT_ROLES = {
    "r-delete-assets.md": {"IspAdmin"},
    "r-rename-asset.md": {"ImpagePortalContribUser"},
    "r-update-xmp-packet.md": {"ImagePortalcontribUser"},
}


def kebab(name: str) -> str:
    """``getAssetJobLogs`` -> ``get-asset-job-logs``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def page_for(operation: str) -> Path:
    return OPERATIONS / f"r-{kebab(operation)}.md"


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
    assert pages - covered == PAGES_WITHOUT_ENTRY


def test_every_role_is_a_documented_user_role() -> None:
    documented = set(bullets_under(REF / "constants" / "r-user-roles.md", "## Values"))
    values = {role.value for role in Role}
    assert values <= documented, sorted(values - documented)
    assert documented <= values, f"documented roles missing from Role: {documented - values}"


def test_roles_on_operation_pages_are_known_roles() -> None:
    values = {role.value for role in Role}
    for page in sorted(OPERATIONS.glob("r-*.md")):
        unknown = set(bullets_under(page, "## Authorized User Types")) - values
        assert unknown == MISSPELT_ROLES.get(page.name, set()), f"{page.name}: {sorted(unknown)}"


def test_global_roles_may_call_every_company_operation() -> None:
    assert frozenset({Role.IPS_ADMIN}) == GLOBAL_ROLES
    for operation, roles in AUTHORIZED_ROLES.items():
        assert roles >= GLOBAL_ROLES, operation
