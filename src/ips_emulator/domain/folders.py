"""getFolderTree, getFolders, createFolder, deleteFolder, renameFolder and moveFolder.

As their reference pages (docs/reference/ips-api/operations/r-*-folder*.md) describe
them; docs/decisions.md (Folders) lists what the pages leave open. Folder permissions
and groups are not modelled: every member of the company sees and changes every folder
its role allows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ips_emulator.domain import job_runner
from ips_emulator.domain.auth import company_for_caller, target_user
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_paths import (
    MAX_DEPTH,
    MAX_PATH,
    FolderPathError,
    folder_handle,
    folder_path,
    is_within,
    name_of,
    name_problem,
    parent,
    path_of_handle,
)
from ips_emulator.domain.folder_tree import FolderNode, build_tree, flatten
from ips_emulator.domain.folder_writes import make_folders
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import CompanyRecord, FolderRecord
from ips_emulator.storage import folders


@dataclass(frozen=True, slots=True)
class FolderQuery:
    """getFolderTree's and getFolders' parameters, as the request gives them."""

    company_handle: str | None
    folder_path: str | None = None
    #: Levels below the start folder: 0 the start alone, negative every level.
    depth: int = -1
    asset_types: Sequence[str] | None = None
    access_user_handle: str | None = None


@dataclass(frozen=True, slots=True)
class Folders:
    """The folders of the company whose root is ``root``, from one start folder."""

    root: str
    tree: FolderNode

    def handle(self, node: FolderNode) -> str:
        return folder_handle(self.root, node.path)

    def path(self, node: FolderNode) -> str:
        """As the service writes ``Folder.path``: with the company root."""
        return f"{self.root}{node.path}"

    def listed(self) -> Iterator[FolderNode]:
        """getFolders' list: the start folder, then every folder below, parents first."""
        return flatten(self.tree)


def _company(scope: RequestScope, company_handle: str | None) -> CompanyRecord:
    if not company_handle:
        raise missing_parameter("companyHandle")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])  # uploads due by now made their folders
    return company


def _required(value: str | None, field: str) -> str:
    if not value:
        raise missing_parameter(field)
    return value


def _existing(
    scope: RequestScope, company: CompanyRecord, path: str, field: str, given: str
) -> FolderRecord | None:
    """The folder at ``path`` (None for the root), which must exist."""
    if not path:
        return None
    found = folders.find_folder(scope.store, company.id, path)
    if found is None:
        raise invalid_parameter(field, given, "no such folder")
    return found


def _by_path(company: CompanyRecord, given: str | None) -> str:
    try:
        return folder_path(company.root_path, given or "")
    except FolderPathError as exc:
        raise invalid_parameter("folderPath", given, str(exc)) from None


def _by_handle(
    scope: RequestScope, company: CompanyRecord, handle: str | None, field: str
) -> tuple[str, FolderRecord | None]:
    """(path, folder or None for the root) of a folder handle the request gives."""
    given = _required(handle, field)
    try:
        path = path_of_handle(company.root_path, given)
    except FolderPathError as exc:
        raise invalid_parameter(field, given, str(exc)) from None
    return path, _existing(scope, company, path, field, given)


def folder_of_handle(
    scope: RequestScope, company: CompanyRecord, handle: str | None, field: str
) -> str:
    """The stored path of the company's folder (or root, ``""``) a handle names; a
    handle outside the company, or of no folder, is 30001 naming ``field``."""
    return _by_handle(scope, company, handle, field)[0]


def _below_root(
    scope: RequestScope, company: CompanyRecord, handle: str | None, what: str
) -> FolderRecord:
    """The folder ``folderHandle`` names, which may not be the company root."""
    _, found = _by_handle(scope, company, handle, "folderHandle")
    if found is None:
        raise invalid_parameter("folderHandle", handle, f"the company root cannot be {what}")
    return found


def _read(scope: RequestScope, query: FolderQuery) -> Folders:
    company = _company(scope, query.company_handle)
    if query.access_user_handle:  # who is impersonated: no folder permissions differ
        target_user(scope, query.access_user_handle, company.id)
    start = _by_path(company, query.folder_path)
    record = _existing(scope, company, start, "folderPath", query.folder_path or "")
    keep = None
    if query.asset_types:
        keep = folders.folders_holding(scope.store, company.id, query.asset_types)
    found = folders.folders_within(scope.store, company.id, start)
    return Folders(company.root_path, build_tree(start, record, found, query.depth, keep))


def get_folder_tree(scope: RequestScope, query: FolderQuery) -> Folders:
    return _read(scope, query)


def get_folders(scope: RequestScope, query: FolderQuery) -> Folders:
    """Every level below the start folder: ``Folders.listed()`` is the answer."""
    return _read(scope, replace(query, depth=-1))


def create_folder(scope: RequestScope, company_handle: str | None, given: str | None) -> str:
    """The new folder's handle; missing parents are made too, as an upload makes them."""
    company = _company(scope, company_handle)
    path = _by_path(company, _required(given, "folderPath"))
    if not path or folders.find_folder(scope.store, company.id, path):
        raise invalid_parameter("folderPath", given, "a folder of that name already exists")
    make_folders(scope.store, company.id, path, scope.clock.now())
    return folder_handle(company.root_path, path)


def delete_folder(scope: RequestScope, company_handle: str | None, handle: str | None) -> None:
    company = _company(scope, company_handle)
    found = _below_root(scope, company, handle, "deleted")
    if folders.holds_anything(scope.store, company.id, found.path):
        raise invalid_parameter(
            "folderHandle", handle, "the folder is not empty: move or delete what it holds first"
        )
    folders.delete_folder(scope.store, found.id)
    folders.child_changed(scope.store, company.id, parent(found.path), scope.clock.now())


def rename_folder(
    scope: RequestScope, company_handle: str | None, handle: str | None, name: str | None
) -> str:
    """The renamed folder's handle (its path, and so its handle, changes)."""
    company = _company(scope, company_handle)
    found = _below_root(scope, company, handle, "renamed")
    new_name = _required(name, "folderName")
    problem = name_problem(new_name)
    if problem:
        raise invalid_parameter("folderName", new_name, problem)
    new = f"{parent(found.path)}{new_name}/"
    return _move(scope, company, found, new, ("folderName", new_name))


def move_folder(
    scope: RequestScope, company_handle: str | None, handle: str | None, dest: str | None
) -> str:
    """The moved folder's handle, below the destination folder (the root included)."""
    company = _company(scope, company_handle)
    found = _below_root(scope, company, handle, "moved")
    dest_path, _ = _by_handle(scope, company, dest, "destFolderHandle")
    if is_within(dest_path, found.path):
        raise invalid_parameter(
            "destFolderHandle", dest, "a folder cannot move into itself or a folder below it"
        )
    new = f"{dest_path}{name_of(found.path)}/"
    return _move(scope, company, found, new, ("destFolderHandle", dest or ""))


def _move(
    scope: RequestScope,
    company: CompanyRecord,
    found: FolderRecord,
    new: str,
    given: tuple[str, str],
) -> str:
    """Give ``found``, its subfolders and their assets the path ``new``; its handle.

    ``given``: the parameter that names the new place, and its value (for faults).
    The parents it leaves and joins change, and so does the folder itself.
    """
    if new == found.path:
        return folder_handle(company.root_path, new)
    field, value = given
    if folders.find_folder(scope.store, company.id, new):
        raise invalid_parameter(field, value, f"a folder {company.root_path}{new} already exists")
    taken = folders.name_taken_below(scope.store, company.id, found.path, new)
    if taken:
        where, name = taken
        why = f"an asset in the trash keeps the name {name!r} in use in {company.root_path}{where}"
        raise invalid_parameter(field, value, f"{why}: empty it from the trash first")
    longest, deepest = folders.extent_within(scope.store, company.id, found.path)
    if longest - len(found.path) + len(new) > MAX_PATH:
        raise invalid_parameter(
            field, value, f"the folder's paths would exceed {MAX_PATH} characters"
        )
    if deepest - found.path.count("/") + new.count("/") > MAX_DEPTH:
        raise invalid_parameter(field, value, f"folders would nest more than {MAX_DEPTH} deep")
    now = scope.clock.now()
    folders.move_tree(scope.store, company.id, found.path, new)
    folders.set_dates(scope.store, found.id, now, max(found.child_last_modified, now))
    folders.child_changed(scope.store, company.id, parent(found.path), now)
    folders.child_changed(scope.store, company.id, parent(new), now)
    return folder_handle(company.root_path, new)
