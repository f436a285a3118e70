"""asset trash: the Trash State of each asset

Revision ID: 0004
Revises: 0003

Assets stored before this revision were never deleted (no operation trashed one), so
every row is ``NotInTrash``, the column's server default.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("asset", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "trash_state", sa.String(length=20), nullable=False, server_default="NotInTrash"
            )
        )


def downgrade() -> None:
    """Assets in the trash come back as live ones: the column alone told them apart."""
    with op.batch_alter_table("asset", schema=None) as batch_op:
        batch_op.drop_column("trash_state")
