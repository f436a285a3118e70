"""setAssetMetadata and batchSetAssetMetadata: writing an asset's metadata values.

As docs/reference/ips-api/operations/r-set-asset-metadata.md,
r-batch-set-asset-metadata.md, types/r-metadata-update.md and
constants/r-metadata-field-types.md describe them. setAssetMetadata writes all its
updates or none; a batch writes each asset of each item, or none of that item's updates
to it, and reports the others (docs/decisions.md, "Metadata").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ips_emulator.domain import job_runner
from ips_emulator.domain.asset_batches import BatchResult
from ips_emulator.domain.auth import company_for_caller, require_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_writes import asset_stored
from ips_emulator.domain.metadata_fields import (
    SINGLE_TAGS,
    TAG_SEPARATOR,
    TAG_TYPES,
    TYPED,
    applies_to,
    check_tags,
    date_text,
    tag_values,
    typed_text,
)
from ips_emulator.errors import IpsApiError, invalid_parameter, missing_parameter
from ips_emulator.records import AssetRecord, MetadataFieldRecord
from ips_emulator.storage import assets, metadata

#: Asset field updates one batchSetAssetMetadata may make (each asset of an item times
#: the item's updates): past it the call is refused before any is made.
MAX_BATCH_UPDATES = 100_000


@dataclass(frozen=True, slots=True)
class MetadataUpdate:
    """One MetadataUpdate as the request gives it (unchecked)."""

    field_handle: str | None
    value: str | None = None
    bool_val: bool | None = None
    long_val: int | None = None
    double_val: float | None = None
    date_val: datetime | None = None
    add_tags: Sequence[str] | None = None
    set_tags: Sequence[str] | None = None
    delete_tags: Sequence[str] | None = None


@dataclass(frozen=True, slots=True)
class BatchItem:
    asset_handles: Sequence[str]
    updates: Sequence[MetadataUpdate]


@dataclass(frozen=True, slots=True)
class SetFault:
    """A SetMetadataFault: what the same setAssetMetadata would have faulted with."""

    asset_handle: str
    field_handle: str
    code: int
    reason: str


#: The counts and faults of batchSetAssetMetadata: as the asset batches', with SetFaults.
BatchOutcome = BatchResult[SetFault]


def _typed_given(update: MetadataUpdate, scope: RequestScope) -> tuple[str, str, str] | None:
    """(element, field type it is for, value as text) of the update's typed value."""
    if update.bool_val is not None:
        return "boolVal", "Boolean", "true" if update.bool_val else "false"
    if update.long_val is not None:
        return "longVal", "Int", str(update.long_val)
    if update.double_val is not None:
        return "doubleVal", "Float", repr(update.double_val)
    if update.date_val is not None:
        instant = scope.in_server_zone(update.date_val)
        assert instant is not None
        return "dateVal", "Date", date_text(instant)
    return None


def _check_given(field: MetadataFieldRecord, update: MetadataUpdate, where: str) -> None:
    """Refuse a tag value the field cannot hold, naming the element that gave it (the
    ``value``, or the item of ``setTagValueArray``/``addTagValueArray``)."""
    given = [(f"{where}/value", update.value)] if update.value is not None else []
    for element, values in (("setTagValueArray", update.set_tags),
                            ("addTagValueArray", update.add_tags)):  # fmt: skip
        given += [(f"{where}/{element}/items[{i}]", v) for i, v in enumerate(values or (), 1)]
    for path, value in given:
        try:
            check_tags(field, [value])
        except ValueError as exc:
            raise invalid_parameter(path, value, str(exc)) from None


def _tags(
    field: MetadataFieldRecord, update: MetadataUpdate, current: str | None, where: str
) -> str:
    _check_given(field, update, where)
    values = tag_values(current)
    if update.value is not None:
        values = [update.value]
    if update.set_tags is not None:
        values = list(update.set_tags)
    values += [v for v in update.add_tags or () if v not in values]
    values = [v for v in values if v not in (update.delete_tags or ())]
    if field.field_type in SINGLE_TAGS:  # "single-value tag fields store the last value only"
        return values[-1] if values else ""
    return TAG_SEPARATOR.join(values)


def new_value(
    scope: RequestScope,
    field: MetadataFieldRecord,
    update: MetadataUpdate,
    current: str | None,
    where: str,
) -> tuple[str, IpsApiError | None]:
    """The field's value after ``update``, and the warning an unenforced illegal value
    gets; raises IpsApiError (naming the element under ``where``) for a refused one."""
    typed = _typed_given(update, scope)
    tag_arrays = {"addTagValueArray": update.add_tags, "setTagValueArray": update.set_tags,
                  "deleteTagValueArray": update.delete_tags}  # fmt: skip
    has_tags = any(a is not None for a in tag_arrays.values())
    if update.double_val is not None and not math.isfinite(update.double_val):
        raise invalid_parameter(f"{where}/doubleVal", update.double_val, "not a finite number")
    if typed is not None and typed[1] != field.field_type:
        why = f"for {typed[1]} fields only; {field.name!r} is a {field.field_type} field"
        raise invalid_parameter(f"{where}/{typed[0]}", typed[2], why)
    if has_tags and field.field_type not in TAG_TYPES:
        why = f"for tag fields only; {field.name!r} is a {field.field_type} field"
        element, values = next((k, v) for k, v in tag_arrays.items() if v is not None)
        raise invalid_parameter(f"{where}/{element}", list(values), why)
    if typed is None and not has_tags and update.value is None:
        raise missing_parameter(f"{where}/value")
    warning = None
    if typed is not None:
        text = typed[2]
    elif field.field_type in TAG_TYPES:
        text = _tags(field, update, current, where)
    elif field.field_type in TYPED:
        text = update.value or ""
        try:
            text = typed_text(scope.zone, field.field_type, text) if text else ""
        except ValueError as exc:
            refused = invalid_parameter(f"{where}/value", update.value, str(exc))
            if field.is_enforced:
                raise refused from None
            warning = refused  # not enforced: stored as given, and said so in a batch
    else:
        text = update.value or ""
    if field.is_required and not text:
        raise invalid_parameter(f"{where}/value", text, f"field {field.name!r} is required")
    return text, warning


def _field(
    fields: dict[str, MetadataFieldRecord], asset: AssetRecord, handle: str | None, where: str
) -> MetadataFieldRecord:
    if not handle:
        raise missing_parameter(f"{where}/fieldHandle")
    found = fields.get(handle)
    if found is None:
        raise invalid_parameter(f"{where}/fieldHandle", handle, "no such metadata field")
    if not applies_to(found, asset.asset_type):
        why = f"a field of {found.asset_type} assets, not of {asset.asset_type} ones"
        raise invalid_parameter(f"{where}/fieldHandle", handle, why)
    return found


class RefusedUpdateError(Exception):
    """An update refused: the fault setAssetMetadata answers, and the field it names."""

    def __init__(self, error: IpsApiError, field_handle: str) -> None:
        super().__init__(error.reason)
        self.error = error
        self.field_handle = field_handle


def apply_updates(
    scope: RequestScope,
    fields: dict[str, MetadataFieldRecord],
    asset: AssetRecord,
    pairs: list[tuple[str, str]],
    updates: Sequence[MetadataUpdate],
    where: str,
) -> tuple[list[tuple[str, str]], RefusedUpdateError | None]:
    """``pairs`` (the asset's values, in order) after ``updates``, and the first warning;
    raises RefusedUpdateError for the first update that cannot be made."""
    values = dict(pairs)
    warning = None
    for i, update in enumerate(updates):
        at = f"{where}/items[{i + 1}]"
        try:
            found = _field(fields, asset, update.field_handle, at)
            text, problem = new_value(scope, found, update, values.get(found.name), at)
        except IpsApiError as error:
            raise RefusedUpdateError(error, update.field_handle or "") from None
        values[found.name] = text
        if problem is not None and warning is None:
            warning = RefusedUpdateError(problem, found.handle)
    return list(values.items()), warning


def _company_fields(scope: RequestScope, company_id: int) -> dict[str, MetadataFieldRecord]:
    return {f.handle: f for f in metadata.company_fields(scope.store, company_id)}


def _write(scope: RequestScope, asset: AssetRecord, pairs: list[tuple[str, str]]) -> None:
    now = scope.clock.now()
    metadata.set_values(scope.store, asset.id, pairs, now, require_caller(scope).email)
    asset_stored(scope.store, asset.company_id, asset.folder, now)


def set_asset_metadata(
    scope: RequestScope,
    company_handle: str | None,
    asset_handle: str | None,
    updates: Sequence[MetadataUpdate] | None,
) -> None:
    if not company_handle:
        raise missing_parameter("companyHandle")
    if not asset_handle:
        raise missing_parameter("assetHandle")
    if updates is None:
        raise missing_parameter("updateArray")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    asset = assets.find_by_handle(scope.store, asset_handle, for_update=True)
    if asset is None or asset.company_id != company.id:
        raise invalid_parameter("assetHandle", asset_handle, "no such asset in the company")
    current = list(asset.details.metadata or ())
    fields = _company_fields(scope, company.id)
    try:
        pairs, _ = apply_updates(scope, fields, asset, current, updates, "updateArray")
    except RefusedUpdateError as refused:
        raise refused.error from None
    if updates:
        _write(scope, asset, pairs)


def _fault(asset_handle: str, refused: RefusedUpdateError) -> SetFault:
    error = refused.error
    return SetFault(asset_handle, refused.field_handle, int(error.code), error.reason)


def _check_batch(items: Sequence[BatchItem]) -> None:
    for i, item in enumerate(items):
        if not item.asset_handles:
            raise missing_parameter(f"updateArray/items[{i + 1}]/assetHandleArray")
    total = sum(len(item.asset_handles) * len(item.updates) for item in items)
    if total > MAX_BATCH_UPDATES:
        raise invalid_parameter(
            "updateArray",
            f"{total} asset field updates",
            f"at most {MAX_BATCH_UPDATES} asset field updates are made at once",
        )


@dataclass(slots=True)
class _Batch:
    scope: RequestScope
    fields: dict[str, MetadataFieldRecord]
    found: dict[str, AssetRecord]
    values: dict[str, list[tuple[str, str]]]
    outcome: BatchOutcome = field(default_factory=BatchOutcome)
    changed: dict[str, None] = field(default_factory=dict)

    def apply(self, handle: str, updates: Sequence[MetadataUpdate], where: str) -> None:
        asset = self.found.get(handle)
        if asset is None:
            # An empty handle is missing, as the asset batches' items say (asset_of).
            error = (
                invalid_parameter("assetHandle", handle, "no such asset in the company")
                if handle
                else missing_parameter("assetHandle")
            )
            first = updates[0].field_handle or "" if updates else ""
            self.outcome.errors.append(_fault(handle, RefusedUpdateError(error, first)))
            return
        try:
            pairs, warning = apply_updates(
                self.scope, self.fields, asset, self.values[handle], updates, where
            )
        except RefusedUpdateError as refused:
            self.outcome.errors.append(_fault(handle, refused))
            return
        self.values[handle] = pairs
        if updates:
            self.changed[handle] = None
        if warning is None:
            self.outcome.success_count += 1
        else:
            self.outcome.warnings.append(_fault(handle, warning))


def batch_set_asset_metadata(
    scope: RequestScope, company_handle: str | None, items: Sequence[BatchItem] | None
) -> BatchOutcome:
    """Each asset of each item gets the item's updates, or none of them: an asset the
    updates cannot apply to is an error, one given an unenforced illegal value a warning
    (its values are written), the others successes; the three counts add up to the
    assets of all items."""
    if not company_handle:
        raise missing_parameter("companyHandle")
    if items is None:
        raise missing_parameter("updateArray")
    _check_batch(items)
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    wanted = list(dict.fromkeys(h for item in items for h in item.asset_handles))
    locked = assets.find_by_handles(scope.store, company.id, wanted, for_update=True)
    found = {a.handle: a for a in locked}
    values = {h: list(a.details.metadata or ()) for h, a in found.items()}
    batch = _Batch(scope, _company_fields(scope, company.id), found, values)
    for i, item in enumerate(items):
        for handle in item.asset_handles:
            batch.apply(handle, item.updates, f"updateArray/items[{i + 1}]/updateArray")
    for handle in batch.changed:
        _write(scope, found[handle], values[handle])
    return batch.outcome
