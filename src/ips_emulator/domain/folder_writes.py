"""Keeping the folder table in step with what is stored: folders made by the calls that
need them (an upload's destPath, createFolder), and the dates a change leaves.

The rule the rest relies on: every folder an asset names exists, and so does every
parent of a folder.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ips_emulator.domain.folder_paths import ancestors, parent
from ips_emulator.storage import folders


def make_folders(store: Any, company_id: int, path: str, when: datetime) -> list[str]:
    """Create the folder at ``path`` and every parent it lacks, at ``when``; the paths
    created, parents first. The folder that gained the first of them changed then."""
    needed = list(ancestors(path))
    if not needed:
        return []
    existing = folders.existing_paths(store, company_id, needed)
    missing = [p for p in needed if p not in existing]
    for created in missing:
        folders.add_folder(store, company_id, created, when)
    if missing:
        folders.child_changed(store, company_id, parent(missing[0]), when)
    return missing


def asset_stored(store: Any, company_id: int, folder: str, when: datetime) -> None:
    """An asset was added to ``folder`` or changed at ``when``: the folder (and, if
    missing, its parents) exists, and its childLastModified says so."""
    make_folders(store, company_id, folder, when)
    folders.child_changed(store, company_id, folder, when)
