"""folders: the folder table, filled with the folders stored assets imply

Revision ID: 0003
Revises: 0002

Before this revision a folder existed only as the ``folder`` of its assets. Every
folder an asset names, and every parent of one, becomes a row: its lastModified the
earliest ``created`` of the assets at or below it (when it had to exist), its
childLastModified the latest change among its own assets and subfolders.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

import ips_emulator.storage.tables

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_UTC = ips_emulator.storage.tables.UtcDateTime


def _ancestors(path: str) -> Iterator[str]:
    """``a/b/`` -> ``a/``, ``a/b/``. Written out here, not imported: a migration keeps
    doing what it did when it was written, whatever the code becomes."""
    end = path.find("/")
    while end != -1:
        yield path[: end + 1]
        end = path.find("/", end + 1)


def _parent(path: str) -> str:
    return path[: path.rstrip("/").rfind("/") + 1]


def _folder_rows(connection: sa.Connection) -> list[dict[str, Any]]:
    """The rows the assets imply. Instants stay the stored integers (microseconds since
    1970 UTC), which min and max order as the instants."""
    asset = sa.table(
        "asset", sa.column("company_id"), sa.column("folder"), sa.column("created"),
        sa.column("last_modified"),
    )  # fmt: skip
    grouped = connection.execute(
        sa.select(
            asset.c.company_id, asset.c.folder,
            sa.func.min(asset.c.created), sa.func.max(asset.c.last_modified),
        )
        .where(asset.c.folder != "")
        .group_by(asset.c.company_id, asset.c.folder)
    )  # fmt: skip
    made: dict[tuple[int, str], int] = {}
    changed: dict[tuple[int, str], int] = {}
    for company_id, folder, created, modified in grouped:
        for path in _ancestors(folder):
            key = (company_id, path)
            made[key] = min(made.get(key, created), created)
        changed[(company_id, folder)] = max(changed.get((company_id, folder), modified), modified)
    for (company_id, path), created in made.items():
        above = (company_id, _parent(path))
        if above[1]:  # a subfolder appearing is a change of its parent
            changed[above] = max(changed.get(above, created), created)
    return [
        {"company_id": company_id, "path": path, "last_modified": created,
         "child_last_modified": max(created, changed.get((company_id, path), created))}
        for (company_id, path), created in sorted(made.items())
    ]  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "folder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("last_modified", _UTC(), nullable=False),
        sa.Column("child_last_modified", _UTC(), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "path"),
    )
    rows = _folder_rows(op.get_bind())
    if rows:
        # Raw integers: the table's UtcDateTime would take them for datetimes.
        plain = sa.table(
            "folder", sa.column("company_id"), sa.column("path"), sa.column("last_modified"),
            sa.column("child_last_modified"),
        )  # fmt: skip
        op.bulk_insert(plain, rows)


def downgrade() -> None:
    op.drop_table("folder")
