"""metadata fields: the companies' field definitions, made for the values assets hold

Revision ID: 0005
Revises: 0004

Before this revision an asset's metadata was name/value pairs with no definition. Each
name a company's assets hold becomes a field of that company: of type ``String``, for
every asset type (``Asset``, handle ``m|<company number>|ALL|<name>``), user-defined,
with no default, so that getMetadataFields lists it and setAssetMetadata can write it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _company_number(handle: str) -> str:
    """``c|6`` -> ``6``. Written out here, not imported: a migration keeps doing what it
    did when it was written, whatever the code becomes."""
    return handle.split("|", 1)[1] if handle.startswith("c|") else handle


def _field_rows(connection: sa.Connection) -> list[dict[str, Any]]:
    company = sa.table("company", sa.column("id"), sa.column("handle"))
    asset = sa.table("asset", sa.column("company_id"), sa.column("metadata_fields"))
    numbers = {i: _company_number(h) for i, h in connection.execute(sa.select(company))}
    names: dict[tuple[int, str], None] = {}
    query = sa.select(asset.c.company_id, asset.c.metadata_fields).where(
        asset.c.metadata_fields.is_not(None)
    )
    for company_id, stored in connection.execute(query):
        pairs = json.loads(stored) if isinstance(stored, str) else stored
        for pair in pairs or []:
            names.setdefault((company_id, str(pair["name"])), None)
    return [
        {"handle": f"m|{numbers[company_id]}|ALL|{name}", "company_id": company_id,
         "asset_type": "Asset", "name": name, "field_type": "String", "default_value": "",
         "is_required": False, "is_user_defined": True, "is_hidden": False,
         "is_enforced": True, "tag_values": None}
        for company_id, name in sorted(names)
    ]  # fmt: skip


def upgrade() -> None:
    table = op.create_table(
        "metadata_field",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handle", sa.String(length=600), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("asset_type", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("field_type", sa.String(length=40), nullable=False),
        sa.Column("default_value", sa.Text(), nullable=False),
        sa.Column("is_required", sa.Boolean(), nullable=False),
        sa.Column("is_user_defined", sa.Boolean(), nullable=False),
        sa.Column("is_hidden", sa.Boolean(), nullable=False),
        sa.Column("is_enforced", sa.Boolean(), nullable=False),
        sa.Column("tag_values", sa.JSON(none_as_null=True), nullable=True),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "asset_type", "name"),
        sa.UniqueConstraint("handle"),
    )
    op.create_index(
        op.f("ix_metadata_field_company_id"), "metadata_field", ["company_id"], unique=False
    )
    rows = _field_rows(op.get_bind())
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_index(op.f("ix_metadata_field_company_id"), table_name="metadata_field")
    op.drop_table("metadata_field")
