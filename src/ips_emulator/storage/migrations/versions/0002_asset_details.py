"""asset details: creator, last modifier, metadata and image facts

Revision ID: 0002
Revises: 0001

Every column is nullable: assets stored before this revision keep what they had,
and what was never recorded for them stays unknown (NULL), which the service
answers by leaving the element out.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("created_by", sa.String(length=254)),
    ("modified_by", sa.String(length=254)),
    ("metadata_fields", sa.JSON(none_as_null=True)),
    ("original_path", sa.String(length=1000)),
    ("original_file", sa.String(length=400)),
    ("optimized_path", sa.String(length=1000)),
    ("optimized_file", sa.String(length=400)),
    ("mask_path", sa.String(length=1000)),
    ("mask_file", sa.String(length=400)),
    ("width", sa.Integer()),
    ("height", sa.Integer()),
    ("file_size", sa.BigInteger()),
    ("resolution", sa.Float()),
    ("sku", sa.Text()),
    ("description", sa.Text()),
    ("comments", sa.Text()),
    ("user_data", sa.Text()),
    ("anchor_x", sa.Integer()),
    ("anchor_y", sa.Integer()),
)


def upgrade() -> None:
    with op.batch_alter_table("asset", schema=None) as batch_op:
        for name, type_ in _COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("asset", schema=None) as batch_op:
        for name, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)
