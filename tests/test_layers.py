"""The import contracts of pyproject.toml ([tool.importlinter]) hold, so that `pytest` alone
fails on an import that crosses a layer, as `make lint` does; and they do bite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ips_emulator"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(source: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with this project's contracts on the package under ``source``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(source)},  # before the venv's editable install
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_layer_contracts_are_kept() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def plant(module: Path, line: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_a_storage_import_of_the_domain_or_a_protocol_import_of_storage_is_caught(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "ips_emulator"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    plant(copy / "storage" / "db.py", "from ips_emulator.domain import messages")
    plant(copy / "protocol" / "endpoint.py", "from ips_emulator.storage import db")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if line.endswith(" BROKEN")]
    assert broken == [
        "Layers: entry points, server, protocol, i18n, domain, storage, shared values BROKEN",
        "protocol/ reaches storage only through the domain BROKEN",
    ]
    assert "ips_emulator.storage.db -> ips_emulator.domain.messages" in result.stdout
    assert "ips_emulator.protocol.endpoint -> ips_emulator.storage.db" in result.stdout
