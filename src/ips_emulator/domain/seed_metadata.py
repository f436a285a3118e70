"""A seed document's metadata fields: those its ``metadataFields`` section lists, and
those its assets' values name.

A value's name is looked up among the company's fields of the asset's type and of every
type; a name no such field has becomes a ``String`` field of every type (``Asset``), as
migration 0005 made them for stored values. Values of enforced typed fields are checked
and kept in the type's canonical form, values of fixed tag fields against the
dictionary, as setAssetMetadata keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC
from typing import Any

from ips_emulator.domain.metadata_fields import (
    EVERY_TYPE,
    FIELD_TYPES,
    TYPED,
    asset_type,
    check_tags,
    dictionary,
    field_handle,
    tag_values,
    typed_text,
)
from ips_emulator.domain.seed_schema import SeedError
from ips_emulator.errors import IpsApiError
from ips_emulator.records import CompanyRecord, MetadataFieldRecord
from ips_emulator.storage import metadata


class SeedMetadata:
    def __init__(self, store: Any) -> None:
        self.store = store
        #: Company id -> its fields, stored ones included once the company is seen.
        self.fields: dict[int, list[MetadataFieldRecord]] = {}

    def _company_fields(self, company_id: int) -> list[MetadataFieldRecord]:
        if company_id not in self.fields:
            self.fields[company_id] = metadata.company_fields(self.store, company_id)
        return self.fields[company_id]

    def _add(self, field: MetadataFieldRecord, where: str) -> MetadataFieldRecord:
        if metadata.find_field(self.store, field.handle) is not None:
            raise SeedError(where, f"metadata field {field.handle!r} already exists")
        stored = metadata.add_field(self.store, field)
        self._company_fields(field.company_id).append(stored)
        return stored

    def field(self, company: CompanyRecord, item: Mapping[str, Any], path: str) -> str:
        """Store a listed field; its handle."""
        try:
            of_type = asset_type(str(item.get("assetType", EVERY_TYPE)))
        except IpsApiError:
            raise SeedError(f"{path}.assetType", "is not an Asset Types constant") from None
        name, kind = str(item["name"]), str(item.get("type", "String"))
        if kind not in FIELD_TYPES:  # the schema's enum says so first
            raise SeedError(f"{path}.type", f"{kind!r} is not a Metadata Field Types constant")
        # An asset has one value of a name: of its own type's field or the every-type one.
        for other in self._company_fields(company.id):
            if other.name == name and (
                other.asset_type == of_type or EVERY_TYPE in (of_type, other.asset_type)
            ):
                raise SeedError(
                    f"{path}.name", f"{name!r} is already a field of {other.asset_type} assets"
                )
        tags = item.get("tagValues")
        if tags is not None and kind not in ("SingleFixedTag", "MultiFixedTag"):
            raise SeedError(f"{path}.tagValues", "only fixed tag fields have a dictionary")
        field = MetadataFieldRecord(
            id=0,
            handle=item.get("handle") or field_handle(company.handle, of_type, name),
            company_id=company.id,
            asset_type=of_type,
            name=name,
            field_type=kind,
            default_value=str(item.get("defaultValue", "")),
            is_required=bool(item.get("isRequired", False)),
            is_user_defined=bool(item.get("isUserDefined", True)),
            is_hidden=bool(item.get("isHidden", False)),
            is_enforced=bool(item.get("isEnforced", True)),
            tag_values=None if tags is None else tuple(str(t) for t in tags),
        )
        default = self._checked(field, field.default_value, f"{path}.defaultValue")
        return self._add(replace(field, default_value=default), path).handle

    def _checked(self, field: MetadataFieldRecord, value: str, where: str) -> str:
        """``value`` as setAssetMetadata would store it; SeedError if it would refuse it."""
        if not value:
            return value
        try:
            if field.field_type in TYPED and field.is_enforced:
                return typed_text(UTC, field.field_type, value)
            if dictionary(field) is not None or field.field_type.startswith("Multi"):
                check_tags(field, tag_values(value))
        except ValueError as exc:
            raise SeedError(where, str(exc)) from None
        return value

    def values(
        self,
        company: CompanyRecord,
        of_type: str,
        pairs: Sequence[Mapping[str, Any]],
        path: str,
    ) -> tuple[tuple[str, str], ...]:
        """An asset's values, checked; the fields they name and no field has are made."""
        checked = []
        for i, pair in enumerate(pairs):
            name, value = str(pair["name"]), str(pair.get("value", ""))
            known = [
                f
                for f in self._company_fields(company.id)
                if f.name == name and f.asset_type in (EVERY_TYPE, of_type)
            ]
            if not known:
                made = MetadataFieldRecord(
                    0, field_handle(company.handle, EVERY_TYPE, name), company.id, EVERY_TYPE,
                    name, "String",
                )  # fmt: skip
                known = [self._add(made, f"{path}[{i}].name")]
            checked.append((name, self._checked(known[0], value, f"{path}[{i}].value")))
        return tuple(checked)
