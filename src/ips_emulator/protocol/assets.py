"""Assets and trash: getAssetsByName, getAssets, searchAssets, renameAsset, moveAsset(s),
deleteAsset(s), emptyAssetsFromTrash and restoreAssetsFromTrash."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ips_emulator.domain import asset_changes, asset_search, assets, trash
from ips_emulator.domain.asset_batches import ItemFault
from ips_emulator.domain.asset_search import FieldCondition, SearchRequest
from ips_emulator.domain.assets import FoundAsset
from ips_emulator.domain.context import RequestScope
from ips_emulator.protocol import params
from ips_emulator.protocol.convert import batch_result, strings
from ips_emulator.protocol.field_selection import response_fields
from ips_emulator.protocol.metadata import condition_inputs
from ips_emulator.records import IMAGE_FIELDS, ImageFacts

#: The fields to which a searchAssets response may be limited to page up to 10,000 assets
#: (r-search-assets.md: "totalRows, name, handle, type, and subType"; handle is assetHandle).
BRIEF_FIELDS = (
    "totalRows",
    "assetArray/items/assetHandle",
    "assetArray/items/name",
    "assetArray/items/type",
    "assetArray/items/subType",
)

#: ImageInfo fields the emulator does not model: sent empty, as the recordings show them.
_IMAGE_EMPTIES = {
    "urlModifier": "",
    "urlPostApplyModifier": "",
    "zoomTargets": {},
    "masks": {},
    "imageMaps": {},
}


def _image_info(image: ImageFacts | None) -> dict[str, Any] | None:
    if image is None:
        return None
    info = {wire: getattr(image, attribute) for wire, attribute in IMAGE_FIELDS.items()}
    return {**info, **_IMAGE_EMPTIES}


def _metadata(pairs: Sequence[tuple[str, str]] | None) -> dict[str, Any] | None:
    if pairs is None:
        return None
    return {"items": [{"name": name, "value": value} for name, value in pairs]}


def asset(found: FoundAsset) -> dict[str, Any]:
    """An Asset; fields of later versions than the call's are dropped by the serializer."""
    record, details = found.record, found.record.details
    return {
        "assetHandle": record.handle,
        "type": record.asset_type,
        "name": record.name,
        "folder": found.folder_path,
        "folderHandle": f"f|{found.folder_path}",
        # Publish state is not modelled: every recorded asset is ready (2008-09-10 on).
        "readyForPublish": True,
        "trashState": record.trash_state,
        "projects": "",  # no projects are modelled: empty, as recorded
        "ipsImageUrl": found.ips_image_url,
        "created": record.created,
        "createUser": details.created_by,
        "lastModified": record.last_modified,
        "lastModifyUser": details.modified_by,
        "metadataArray": _metadata(details.metadata),
        "imageInfo": _image_info(details.image),
    }


def getAssetsByName(scope: RequestScope, param: params.GetAssetsByNameParam) -> Mapping[str, Any]:
    fields = response_fields("getAssetsByName", param.responseFieldArray, param.excludeFieldArray)
    found = assets.get_assets_by_name(
        scope,
        param.companyHandle,
        strings(param.nameArray),
        strings(param.assetTypeArray),
        strings(param.excludeAssetTypeArray),
    )
    return fields.apply({"assetArray": {"items": [asset(a) for a in found]}})


def getAssets(scope: RequestScope, param: params.GetAssetsParam) -> Mapping[str, Any]:
    fields = response_fields("getAssets", param.responseFieldArray, param.excludeFieldArray)
    found = assets.get_assets(scope, param.companyHandle, strings(param.assetHandleArray))
    return fields.apply({"assetArray": {"items": [asset(a) for a in found]}})


def renameAsset(scope: RequestScope, param: params.RenameAssetParam) -> dict[str, Any]:
    asset_changes.rename_asset(
        scope, param.companyHandle, param.assetHandle, param.newName, param.validateName
    )
    return {}


def moveAsset(scope: RequestScope, param: params.MoveAssetParam) -> dict[str, Any]:
    asset_changes.move_asset(scope, param.companyHandle, param.assetHandle, param.folderHandle)
    return {}


def _fault(fault: ItemFault) -> dict[str, Any]:
    return {"assetHandle": fault.asset_handle, "code": fault.code, "reason": fault.reason}


def moveAssets(scope: RequestScope, param: params.MoveAssetsParam) -> dict[str, Any]:
    array = param.assetMoveArray
    moves = None
    if array is not None:
        moves = [(item.assetHandle, item.folderHandle) for item in array.items or []]
    return batch_result(asset_changes.move_assets(scope, param.companyHandle, moves), _fault)


def deleteAsset(scope: RequestScope, param: params.DeleteAssetParam) -> dict[str, Any]:
    trash.delete_asset(scope, param.companyHandle, param.assetHandle)
    return {}


def deleteAssets(scope: RequestScope, param: params.DeleteAssetsParam) -> dict[str, Any]:
    handles = strings(param.assetHandleArray)
    return batch_result(trash.delete_assets(scope, param.companyHandle, handles), _fault)


def emptyAssetsFromTrash(
    scope: RequestScope, param: params.EmptyAssetsFromTrashParam
) -> dict[str, Any]:
    handles = strings(param.assetHandleArray)
    return batch_result(trash.empty_assets_from_trash(scope, param.companyHandle, handles), _fault)


def restoreAssetsFromTrash(
    scope: RequestScope, param: params.RestoreAssetsFromTrashParam
) -> dict[str, Any]:
    handles = strings(param.assetHandleArray)
    return batch_result(
        trash.restore_assets_from_trash(scope, param.companyHandle, handles), _fault
    )


def _conditions(param: params.SearchAssetsParam) -> list[FieldCondition]:
    array = param.systemFieldConditionArray
    return [
        FieldCondition(
            field=item.field,
            op=item.op,
            value=item.value,
            min_date=item.minDate,
            max_date=item.maxDate,
            date_value=item.dateVal,
        )
        for item in (array.items if array is not None else None) or []
    ]


def searchAssets(scope: RequestScope, param: params.SearchAssetsParam) -> Mapping[str, Any]:
    fields = response_fields("searchAssets", param.responseFieldArray, param.excludeFieldArray)
    request = SearchRequest(
        company_handle=param.companyHandle,
        folder=param.folder,
        include_subfolders=param.includeSubfolders,
        types=strings(param.assetTypeArray),
        exclude_types=strings(param.excludeAssetTypeArray),
        conditions=_conditions(param),
        system_match_mode=param.systemFieldMatchMode,
        metadata_conditions=condition_inputs(param.metadataConditionArray),
        metadata_match_mode=param.metadataMatchMode,
        condition_match_mode=param.conditionMatchMode,
        records_per_page=param.recordsPerPage,
        results_page=param.resultsPage,
        sort_by=param.sortBy,
        sort_direction=param.sortDirection,
        brief=fields.only(BRIEF_FIELDS),
        trash_state=param.trashState,
    )
    total, found = asset_search.search_assets(scope, request)
    return fields.apply({"totalRows": total, "assetArray": {"items": [asset(a) for a in found]}})
