"""hatchling build hook: the wheel ships compiled message catalogs.

The ``.mo`` files are build products (git-ignored; ``make catalogs`` makes them for a
checkout), so a wheel built from a clean clone or from the sdist would otherwise have
none, and every locale would answer in English. This hook compiles each
``locales/<ll_CC>/LC_MESSAGES/<domain>.po`` with Babel into
``ips_emulator/_data/locales/<ll_CC>/LC_MESSAGES/<domain>.mo`` of the wheel. Editable
installs read the checkout's ``locales/`` instead (``ips_emulator.resources``).
Not part of the installed package: ``[tool.hatch.build.targets.wheel.hooks.custom]``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "ips_emulator/_data/locales"


def compile_catalog(po_file: Path, mo_file: Path, locale: str) -> None:
    """Compile one catalog, refusing a broken one: a build must not ship it silently."""
    with po_file.open("rb") as source:
        catalog = read_po(source, locale=locale)
    if catalog.fuzzy:
        raise RuntimeError(f"{po_file} is marked fuzzy: review it before building")
    problems = [
        f"{message.id!r}: {error}" for message, errors in catalog.check() for error in errors
    ]
    if problems:
        raise RuntimeError(f"{po_file} has errors:\n" + "\n".join(problems))
    mo_file.parent.mkdir(parents=True, exist_ok=True)
    with mo_file.open("wb") as out:
        write_mo(out, catalog)


class CatalogBuildHook(BuildHookInterface):
    """Adds the compiled catalogs to the wheel (not to editable wheels)."""

    _staging: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        po_files = sorted(Path(self.root, "locales").glob("*/LC_MESSAGES/*.po"))
        if not po_files:
            raise RuntimeError(f"no message catalogs under {self.root}/locales")
        self._staging = Path(tempfile.mkdtemp(prefix="ips-emulator-catalogs-"))
        for po_file in po_files:
            relative = po_file.relative_to(Path(self.root, "locales")).with_suffix(".mo")
            mo_file = self._staging / relative
            compile_catalog(po_file, mo_file, locale=relative.parts[0])
            build_data["force_include"][str(mo_file)] = f"{TARGET}/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
