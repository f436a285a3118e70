"""The folder tree getFolderTree and getFolders answer with, built from stored paths.

Plain values only: the folders come in as records, the tree goes out as nodes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ips_emulator.domain.folder_paths import ancestors, is_within, parent
from ips_emulator.records import FolderRecord

#: getFolders and getFolderTree answer at most this many folders (their pages).
MAX_FOLDERS = 100_000


@dataclass(frozen=True, slots=True)
class FolderNode:
    """A folder as a tree shows it: ``record`` None for the company root."""

    path: str
    record: FolderRecord | None
    has_subfolders: bool
    #: None where the tree stops (the depth asked for): hasSubfolders still tells.
    subfolders: tuple[FolderNode, ...] | None = None


def _children(
    start: str, folders: Sequence[FolderRecord], keep: Collection[str] | None
) -> dict[str, list[FolderRecord]]:
    """The folders below ``start`` by parent path, in name order; with ``keep``, only
    the folders within which a kept path lies (so the tree stays connected)."""
    kept = None if keep is None else {a for path in keep for a in ancestors(path)}
    by_parent: defaultdict[str, list[FolderRecord]] = defaultdict(list)
    for folder in sorted(folders, key=lambda f: f.path.split("/")):  # siblings by name
        if folder.path == start or not is_within(folder.path, start):
            continue
        if kept is not None and folder.path not in kept:
            continue
        by_parent[parent(folder.path)].append(folder)
    return by_parent


def build_tree(
    start: str,
    start_record: FolderRecord | None,
    folders: Sequence[FolderRecord],
    depth: int,
    keep: Collection[str] | None = None,
) -> FolderNode:
    """The tree from ``start`` down ``depth`` levels (0: ``start`` alone; negative: every
    level), of at most MAX_FOLDERS folders in all, siblings in name order.

    ``keep``: the paths of the folders asked for (assetTypeArray); the others are left
    out unless such a folder lies below them. ``start`` is always there.
    """
    by_parent = _children(start, folders, keep)
    budget = [MAX_FOLDERS - 1]

    def node(path: str, record: FolderRecord | None, level: int) -> FolderNode:
        below = by_parent.get(path, [])
        if not below or level == depth:
            return FolderNode(path, record, bool(below))
        shown = below[: max(budget[0], 0)]
        budget[0] -= len(shown)
        subfolders = tuple(node(f.path, f, level + 1) for f in shown)
        return FolderNode(path, record, True, subfolders or None)

    return node(start, start_record, 0)


def flatten(tree: FolderNode) -> Iterator[FolderNode]:
    """Every node of the tree, each before its subfolders (getFolders' list)."""
    yield tree
    for sub in tree.subfolders or ():
        yield from flatten(sub)
