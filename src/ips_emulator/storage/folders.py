"""Folders: rows of the folder table, and moving a folder's subtree with its assets."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    and_,
    delete,
    exists,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.orm import aliased

from ips_emulator.records import NOT_IN_TRASH, FolderRecord
from ips_emulator.storage.db import Store
from ips_emulator.storage.tables import Asset, Folder


def _folder(row: Folder) -> FolderRecord:
    return FolderRecord(row.id, row.company_id, row.path, row.last_modified,
                        row.child_last_modified)  # fmt: skip


def _within(column: SQLColumnExpression[str], path: str) -> ColumnElement[bool]:
    """``column`` is ``path`` or below it (LIKE wildcards in names taken literally)."""
    return column.startswith(path, autoescape=True)


def find_folder(store: Store, company_id: int, path: str) -> FolderRecord | None:
    row = store.orm.scalars(
        select(Folder).where(Folder.company_id == company_id, Folder.path == path)
    ).first()
    return None if row is None else _folder(row)


def folders_within(store: Store, company_id: int, path: str) -> list[FolderRecord]:
    """The folder at ``path`` (unless the root, ``""``) and every folder below it."""
    rows = store.orm.scalars(
        select(Folder).where(Folder.company_id == company_id, _within(Folder.path, path))
    )
    return [_folder(r) for r in rows]


def existing_paths(store: Store, company_id: int, paths: Collection[str]) -> set[str]:
    found = store.orm.scalars(
        select(Folder.path).where(Folder.company_id == company_id, Folder.path.in_(paths))
    )
    return set(found)


def add_folder(
    store: Store,
    company_id: int,
    path: str,
    last_modified: datetime,
    child_last_modified: datetime | None = None,
) -> FolderRecord:
    row = Folder(
        company_id=company_id,
        path=path,
        last_modified=last_modified,
        child_last_modified=child_last_modified or last_modified,
    )
    store.orm.add(row)
    store.orm.flush()
    return _folder(row)


def child_changed(store: Store, company_id: int, path: str, when: datetime) -> None:
    """Something in the folder at ``path`` changed at ``when`` (a later change stays)."""
    store.orm.execute(
        update(Folder)
        .where(
            Folder.company_id == company_id,
            Folder.path == path,
            Folder.child_last_modified < when,
        )
        .values(child_last_modified=when)
    )


def set_dates(store: Store, folder_id: int, last_modified: datetime, child: datetime) -> None:
    store.orm.execute(
        update(Folder)
        .where(Folder.id == folder_id)
        .values(last_modified=last_modified, child_last_modified=child)
    )


def move_tree(store: Store, company_id: int, old: str, new: str) -> None:
    """Give the folder at ``old``, its subfolders and their assets the paths below ``new``.

    No path can collide on the way: ``new`` is free, and so, as every folder's parent
    exists, is every path below it.
    """
    store.orm.execute(
        update(Folder)
        .where(Folder.company_id == company_id, _within(Folder.path, old))
        .values(path=literal(new) + func.substr(Folder.path, len(old) + 1))
    )
    store.orm.execute(
        update(Asset)
        .where(Asset.company_id == company_id, _within(Asset.folder, old))
        .values(folder=literal(new) + func.substr(Asset.folder, len(old) + 1))
    )


def name_taken_below(store: Store, company_id: int, old: str, new: str) -> tuple[str, str] | None:
    """(folder, name) of an asset already at a path ``move_tree(old, new)`` would give one
    of the assets below ``old``, or None. Only assets in the trash can be there (a folder
    that held live assets is not deleted), keeping their names in use."""
    moved, there = aliased(Asset), aliased(Asset)
    found = store.orm.execute(
        select(there.folder, there.name)
        .where(
            moved.company_id == company_id,
            _within(moved.folder, old),
            there.company_id == company_id,
            _within(there.folder, new),
            there.folder == literal(new) + func.substr(moved.folder, len(old) + 1),
            there.name == moved.name,
        )
        .limit(1)
    ).first()
    return None if found is None else (found[0], found[1])


def delete_folder(store: Store, folder_id: int) -> None:
    store.orm.execute(delete(Folder).where(Folder.id == folder_id))


def holds_anything(store: Store, company_id: int, path: str) -> bool:
    """Whether a subfolder or a live asset lies in the folder at ``path`` (assets in the
    trash keep their path, and a restore makes their folder again)."""
    subfolder = exists().where(
        Folder.company_id == company_id, _within(Folder.path, path), Folder.path != path
    )
    asset = exists().where(
        Asset.company_id == company_id,
        _within(Asset.folder, path),
        Asset.trash_state == NOT_IN_TRASH,
    )
    return bool(store.orm.scalar(select(subfolder | asset)))


def extent_within(store: Store, company_id: int, path: str) -> tuple[int, int]:
    """(characters, names) of the longest and of the deepest folder path at or below ``path``."""
    names = func.length(Folder.path) - func.length(func.replace(Folder.path, "/", ""))
    longest, deepest = store.orm.execute(
        select(func.max(func.length(Folder.path)), func.max(names)).where(
            Folder.company_id == company_id, _within(Folder.path, path)
        )
    ).one()
    return int(longest or 0), int(deepest or 0)


def folders_holding(store: Store, company_id: int, asset_types: Sequence[str]) -> set[str]:
    """The paths of the folders that hold a live asset of one of ``asset_types`` themselves."""
    found = store.orm.scalars(
        select(Asset.folder)
        .where(
            and_(
                Asset.company_id == company_id,
                Asset.asset_type.in_(asset_types),
                Asset.trash_state == NOT_IN_TRASH,
            )
        )
        .distinct()
    )
    return set(found)
