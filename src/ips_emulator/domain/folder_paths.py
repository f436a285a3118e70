"""Folder paths and handles: plain string rules, no storage.

A folder is stored by its path below the company root, each name followed by
"/" (``products/shoes/``), as ``asset.folder`` is; the root itself is ``""``.
Its handle is ``f|`` + the company root + that path (``f|ApiTestCo/products/``),
as the recorded service writes folder handles; the handle follows the path, so
renaming or moving a folder gives it a new one (the pages' examples show that).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

HANDLE_PREFIX = "f|"
#: ``folder.path`` and ``asset.folder`` hold at most this many characters.
MAX_PATH = 1000
#: Folders nest at most this deep: each level of a getFolderTree answer nests two XML
#: elements, and libxml2 (lxml, so zeep) reads 256 levels unless told otherwise; 100
#: levels nest about 205.
MAX_DEPTH = 100
#: What a client may use to separate names, to be refused as ``..`` either way
#: (as an upload's destPath is, ``job_plans.check_upload_paths``).
_SEPARATORS = re.compile(r"[/\\]")


class FolderPathError(ValueError):
    """A path that names no place in the company's folders (the reason, for a fault)."""


def _names(text: str) -> list[str]:
    """The folder names in ``text``: empty and ``.`` segments are no names."""
    if ".." in _SEPARATORS.split(text):
        raise FolderPathError("'..' segments are not allowed: a folder lies below its parent")
    return [name for name in text.split("/") if name not in ("", ".")]


def folder_path(root: str, given: str) -> str:
    """The stored path of ``given``, a path with or without the company root.

    ``/SpinSets``, ``SpinSets/`` and ``ApiTestCo/SpinSets`` are ``SpinSets/``; ``/``
    and ``ApiTestCo/`` are the root, ``""``. A leading "/" is the company root, as the
    createFolder page's example writes it.
    """
    path = "".join(f"{name}/" for name in _names(given))
    if root and path.startswith(root):
        path = path[len(root) :]
    if len(path) > MAX_PATH:
        raise FolderPathError(f"a folder path holds at most {MAX_PATH} characters")
    if path.count("/") > MAX_DEPTH:
        raise FolderPathError(f"folders nest at most {MAX_DEPTH} deep")
    return path


def upload_place(root: str, dest: str) -> tuple[str, str]:
    """(stored folder path, file name) of an upload's ``destPath``, given with or without
    the company root; ``..`` is refused wherever it stands, in the name too (``..\\x``)."""
    _names(dest)
    folder, name = posixpath.split(dest)
    return folder_path(root, folder), name


def path_of_handle(root: str, handle: str) -> str:
    """The stored path a folder handle names (``f|`` may be left out, as the pre-4.0
    examples do); one outside the company root raises FolderPathError."""
    text = handle[len(HANDLE_PREFIX) :] if handle.startswith(HANDLE_PREFIX) else handle
    full = "".join(f"{name}/" for name in _names(text))
    if not full.startswith(root):
        raise FolderPathError(f"not a folder of this company, whose folders are below {root!r}")
    return folder_path("", full[len(root) :])


def folder_handle(root: str, path: str) -> str:
    return f"{HANDLE_PREFIX}{root}{path}"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a folder (renameFolder's folderName), or None."""
    if not name.strip():
        return "a folder name cannot be empty"
    if "/" in name:
        return "a folder name cannot hold '/'"
    if name in (".", ".."):
        return f"{name!r} cannot name a folder"
    return None


def parent(path: str) -> str:
    """``a/b/`` -> ``a/``; ``a/`` -> ``""`` (the root)."""
    return path[: path.rstrip("/").rfind("/") + 1]


def name_of(path: str) -> str:
    return path[len(parent(path)) : -1]


def ancestors(path: str) -> Iterator[str]:
    """``a/b/c/`` -> ``a/``, ``a/b/``, ``a/b/c/``: every folder the path needs, parents first."""
    end = path.find("/")
    while end != -1:
        yield path[: end + 1]
        end = path.find("/", end + 1)


def is_within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies below it."""
    return path.startswith(folder)


FolderDates = tuple[datetime, datetime]


def implied_folders(
    assets: Iterable[tuple[str, datetime, datetime]],
) -> Mapping[str, FolderDates]:
    """The folders that assets (folder, created, last modified) imply, with their dates.

    A folder's lastModified is when it had to exist, the earliest ``created`` at or
    below it; its childLastModified the latest change among its own assets and
    subfolders, and not before its own lastModified (``Folder`` type page: "last
    modification date for subfolders and folder child assets").
    """
    created: dict[str, datetime] = {}
    changed: dict[str, datetime] = {}
    for folder, made, modified in assets:
        for path in ancestors(folder):
            created[path] = min(created.get(path, made), made)
        if folder:
            changed[folder] = max(changed.get(folder, modified), modified)
    for path, made in created.items():
        above = parent(path)
        if above:  # a subfolder appearing is a change of its parent
            changed[above] = max(changed.get(above, made), made)
    return {
        path: (made, max(made, changed.get(path, made))) for path, made in sorted(created.items())
    }
