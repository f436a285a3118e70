"""The pages written from the declarations are current: docs/coverage.md, the tables of
docs/operations.md and docs/versions.md, the README's count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.coverage import REWRITES, coverage_page, headline

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_coverage_page_is_current() -> None:
    assert (DOCS / "coverage.md").read_text(encoding="utf-8") == coverage_page(), (
        "docs/coverage.md is stale: run `make coverage`"
    )


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_generated_part_is_current(name: str) -> None:
    page = (ROOT / name).read_text(encoding="utf-8")
    assert page == REWRITES[name](page), f"{name} is stale: run `make coverage`"


def test_coverage_page_lists_every_operation_once_with_its_state() -> None:
    found = re.findall(r"^\| `(\w+)` \| (yes|not yet) \| ([^|]+) \|", coverage_page(), re.MULTILINE)
    # Adobe's WSDLs' 166, then the 19 the beta namespaces add, whose versions start at one.
    adobes = [name for name, _, versions in found if "-beta" not in versions]
    assert len(adobes) == 166
    assert len(found) == 166 + 19 == len({name for name, _, _ in found})
    rows = [(name, state) for name, state, _ in found]
    emulated = {name for name, state in rows if state == "yes"}
    assert emulated == {op.name for op in REGISTRY.operations.values() if op.handler}
    assert {"getAssetCounts", "getZipEntries", "checkAssetNames", "getXMPPacket"} <= {
        name for name, state in rows if state == "not yet"
    }


def test_readme_shows_the_headline_count() -> None:
    rows = re.findall(r"^\| `\w+` \| (yes|not yet) \|", coverage_page(), re.MULTILINE)
    assert headline() == (
        f"{rows.count('yes')} of the 166 operations of Adobe's WSDLs are emulated"
    )
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"**{headline()}**" in readme
