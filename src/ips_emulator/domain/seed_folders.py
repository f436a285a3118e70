"""A seed document's folders: those its ``folders`` section lists, and those its assets imply.

Listed folders keep their dates, so that an export loads back as it was (an empty
folder included). A listed folder's missing parents are made at its lastModified; a
parent listed after its child then gets its own dates. The folders the document's
assets name but does not list are made as migration 0003 made them for stored assets
(``folder_paths.implied_folders``), once every asset is loaded, so their dates do not
depend on the order of the assets.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from ips_emulator.domain.folder_paths import (
    FolderPathError,
    folder_handle,
    folder_path,
    implied_folders,
    parent,
)
from ips_emulator.domain.folder_writes import make_folders
from ips_emulator.domain.seed_schema import SeedError
from ips_emulator.storage import folders


def seed_path(given: str, where: str) -> str:
    """A path of the document, below the company root, as stored (``a/b`` -> ``a/b/``)."""
    try:
        return folder_path("", given)
    except FolderPathError as exc:
        raise SeedError(where, str(exc)) from None


class SeedFolders:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.listed: set[tuple[int, str]] = set()
        #: Parents made for a listed folder, which the document may still list.
        self.made: set[tuple[int, str]] = set()
        #: Company id -> (folder, created, last modified) of each asset loaded.
        self.places: defaultdict[int, list[tuple[str, datetime, datetime]]] = defaultdict(list)

    def add(
        self,
        company_id: int,
        root: str,
        given: str,
        dates: tuple[datetime, datetime | None],
        where: str,
    ) -> str:
        """Store a listed folder at ``dates`` (lastModified, childLastModified); its handle."""
        path = seed_path(given, f"{where}.path")
        if not path:
            raise SeedError(f"{where}.path", "the company root is no folder: name one below it")
        key = (company_id, path)
        if key in self.listed:
            raise SeedError(f"{where}.path", f"{path} is listed twice in its company")
        self.listed.add(key)
        modified, child = dates[0], dates[1] or dates[0]
        found = folders.find_folder(self.store, company_id, path)
        if found is not None and key not in self.made:
            raise SeedError(f"{where}.path", f"folder {path} already exists in the database")
        if found is not None:
            folders.set_dates(self.store, found.id, modified, max(child, modified))
        else:
            for made in make_folders(self.store, company_id, parent(path), modified):
                self.made.add((company_id, made))
            folders.add_folder(self.store, company_id, path, modified, max(child, modified))
            folders.child_changed(self.store, company_id, parent(path), modified)
        return folder_handle(root, path)

    def asset_loaded(
        self, company_id: int, folder: str, created: datetime, modified: datetime
    ) -> None:
        self.places[company_id].append((folder, created, modified))

    def imply(self) -> None:
        """Make the folders the loaded assets name and their parents; bring the dates of
        those that exist up to the assets'."""
        for company_id, places in self.places.items():
            implied = implied_folders(places)
            existing = folders.existing_paths(self.store, company_id, list(implied))
            for path, (made, changed) in implied.items():
                if path in existing:
                    folders.child_changed(self.store, company_id, path, changed)
                else:
                    folders.add_folder(self.store, company_id, path, made, changed)
        self.places.clear()
