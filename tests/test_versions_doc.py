"""docs/versions.md against the declarations: every served version, every operation."""

from __future__ import annotations

from pathlib import Path

from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
from ips_emulator.protocol.wsdl import wsdl_file_name

DOC = Path(__file__).resolve().parents[1] / "docs" / "versions.md"


def cells(line: str) -> list[str]:
    return [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]


def operations_table() -> tuple[list[str], dict[str, list[str]]]:
    """(the version columns, operation -> its cells) of the "Operations per version" table."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Operation |"))
    rows: dict[str, list[str]] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        name, *marks = cells(line)
        rows[name] = marks
    return cells(lines[start])[1:], rows


def test_every_served_version_is_described() -> None:
    text = DOC.read_text(encoding="utf-8")
    for version, namespace in VERSION_NAMESPACES.items():
        assert f"`{namespace}`" in text, version
        assert f"/scene7/webservice/{wsdl_file_name(version)}" in text, version


def test_operations_table_is_what_each_version_serves() -> None:
    versions, rows = operations_table()
    assert versions == list(VERSION_NAMESPACES)
    assert set(rows) == {op.name for op in REGISTRY.operations.values() if op.emulated}
    for i, version in enumerate(versions):
        served = {op.name for op in REGISTRY.emulated_in(version)}
        listed = {name for name, marks in rows.items() if marks[i] == "yes"}
        assert listed == served, version
        assert all(marks[i] in ("yes", "—") for marks in rows.values())
