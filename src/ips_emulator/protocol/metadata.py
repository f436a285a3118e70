"""getMetadataFields, setAssetMetadata, batchSetAssetMetadata and searchAssetsByMetadata."""

from __future__ import annotations

from typing import Any

from ips_emulator.domain import metadata_fields, metadata_search, metadata_writes
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.metadata_conditions import ConditionInput
from ips_emulator.domain.metadata_search import FoundSummary, MetadataSearch
from ips_emulator.domain.metadata_writes import BatchItem, MetadataUpdate, SetFault
from ips_emulator.protocol import params
from ips_emulator.protocol.convert import batch_result, strings
from ips_emulator.records import MetadataFieldRecord


def _field(field: MetadataFieldRecord) -> dict[str, Any]:
    return {
        "fieldHandle": field.handle,
        "name": field.name,
        "type": field.field_type,
        "defaultValue": field.default_value,
        "isRequired": field.is_required,
        "isUserDefined": field.is_user_defined,
        "isHidden": field.is_hidden,
        "isEnforced": field.is_enforced,
        "isPublishData": False,  # publishing metadata is not modelled
    }


def getMetadataFields(scope: RequestScope, param: params.GetMetadataFieldsParam) -> dict[str, Any]:
    found = metadata_fields.get_metadata_fields(scope, param.companyHandle, param.assetType)
    return {"fieldArray": {"items": [_field(f) for f in found]}}


def _updates(array: params.MetadataUpdateArray | None) -> list[MetadataUpdate] | None:
    if array is None:
        return None
    # The typed values are 4.0's and the tag arrays 4.5's: a pre-4.0 item has neither.
    return [
        MetadataUpdate(
            field_handle=item.fieldHandle,
            value=item.value,
            bool_val=getattr(item, "boolVal", None),
            long_val=getattr(item, "longVal", None),
            double_val=getattr(item, "doubleVal", None),
            date_val=getattr(item, "dateVal", None),
            add_tags=strings(getattr(item, "addTagValueArray", None)),
            set_tags=strings(getattr(item, "setTagValueArray", None)),
            delete_tags=strings(getattr(item, "deleteTagValueArray", None)),
        )
        for item in array.items or []
    ]


def setAssetMetadata(scope: RequestScope, param: params.SetAssetMetadataParam) -> dict[str, Any]:
    metadata_writes.set_asset_metadata(
        scope, param.companyHandle, param.assetHandle, _updates(param.updateArray)
    )
    return {}


def _fault(fault: SetFault) -> dict[str, Any]:
    return {"assetHandle": fault.asset_handle, "fieldHandle": fault.field_handle,
            "code": fault.code, "reason": fault.reason}  # fmt: skip


def batchSetAssetMetadata(
    scope: RequestScope, param: params.BatchSetAssetMetadataParam
) -> dict[str, Any]:
    array = param.updateArray
    items = None
    if array is not None:
        items = [
            BatchItem(strings(item.assetHandleArray) or [], _updates(item.updateArray) or [])
            for item in array.items or []
        ]
    outcome = metadata_writes.batch_set_asset_metadata(scope, param.companyHandle, items)
    return batch_result(outcome, _fault)


def condition_inputs(array: params.MetadataConditionArray | None) -> list[ConditionInput]:
    """A metadataConditionArray (searchAssetsByMetadata's, searchAssets')."""
    return [
        ConditionInput(
            field_handle=c.fieldHandle,
            op=c.op,
            value=c.value,
            values=strings(c.values),
            # 4.5's: searchAssets of earlier versions has none.
            case_sensitive=getattr(c, "caseSensitive", None),
            bool_val=c.boolVal,
            long_val=c.longVal,
            min_long=c.minLong,
            max_long=c.maxLong,
            double_val=c.doubleVal,
            min_double=c.minDouble,
            max_double=c.maxDouble,
            date_val=c.dateVal,
            min_date=c.minDate,
            max_date=c.maxDate,
        )
        for c in (array.items if array is not None else None) or []
    ]


def _summary(found: FoundSummary) -> dict[str, Any]:
    record, details = found.asset.record, found.asset.record.details
    pairs = found.metadata
    return {
        "assetHandle": record.handle,
        "type": record.asset_type,
        "name": record.name,
        "folder": found.asset.folder_path,
        "filename": found.file_name,
        "created": record.created,
        "createUser": details.created_by,
        "lastModified": record.last_modified,
        "lastModifyUser": details.modified_by,
        "metadataArray": None
        if pairs is None
        else {"items": [{"name": n, "value": v} for n, v in pairs]},
    }


def searchAssetsByMetadata(
    scope: RequestScope, param: params.SearchAssetsByMetadataParam
) -> dict[str, Any]:
    filters = param.filters
    request = MetadataSearch(
        company_handle=param.companyHandle,
        folder=filters.folder if filters else None,
        include_subfolders=filters.includeSubfolders if filters else None,
        types=strings(filters.assetTypeArray) if filters else None,
        exclude_types=strings(filters.excludeAssetTypeArray) if filters else None,
        trash_state=filters.trashState if filters else None,
        conditions=condition_inputs(param.metadataConditionArray),
        match_mode=param.metadataConditionMatchMode,
        response_keys=strings(param.responseMetadataArray),
        records_per_page=param.recordsPerPage,
        results_page=param.resultsPage,
        sort_by=param.sortBy,
        sort_direction=param.sortDirection,
        similarity=getattr(param, "haystackSearch", None) is not None,  # 2016-01-14-beta
    )
    total, found = metadata_search.search_assets_by_metadata(scope, request)
    return {"totalRows": total, "assetSummaryArray": {"items": [_summary(f) for f in found]}}
