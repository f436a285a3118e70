"""The environment the suite runs in is uv.lock's, exactly (issue: a fresh machine once
resolved a newer lxml than the one the suite passed on).

``make test`` installs with ``uv sync --locked`` and checks with ``--check``; this test
holds the result from inside, with nothing but the lock file and the installed
distributions' metadata, so a venv that drifted (a package added or upgraded by hand)
fails here too. ``make test-latest`` deselects it: that venv is not the lock's by design.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parent.parent / "uv.lock"

pytestmark = pytest.mark.lock


def _locked() -> dict[str, list[dict[str, object]]]:
    packages: dict[str, list[dict[str, object]]] = {}
    for package in tomllib.loads(LOCK.read_text(encoding="utf-8"))["package"]:
        packages.setdefault(canonicalize_name(str(package["name"])), []).append(package)
    return packages


def _installed() -> dict[str, str]:
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()
    }


def test_every_installed_distribution_is_locked_at_its_version() -> None:
    locked = _locked()
    drifted = {
        name: version
        for name, version in _installed().items()
        if version not in {str(p.get("version")) for p in locked.get(name, [])}
    }
    assert drifted == {}, f"installed but not at a version uv.lock pins: {drifted}"


def test_every_dependency_the_lock_names_for_this_python_is_installed() -> None:
    locked, installed = _locked(), _installed()
    (project,) = locked["ips-emulator"]
    wanted = list(project.get("dependencies", []))  # type: ignore[call-overload]
    wanted += project.get("optional-dependencies", {}).get("dev", [])  # type: ignore[union-attr]
    missing = [
        dep["name"]
        for dep in wanted
        if ("marker" not in dep or Marker(dep["marker"]).evaluate())
        and canonicalize_name(dep["name"]) not in installed
    ]
    assert missing == [], f"uv.lock names these for this Python, not installed: {missing}"
