"""getAssetsByName and searchAssets."""

from __future__ import annotations

from typing import Any

from ips_emulator.domain import assets
from ips_emulator.domain.assets import FoundAsset, SearchRequest
from ips_emulator.domain.context import RequestScope
from ips_emulator.protocol.convert import strings
from ips_emulator.protocol.operations import PARAMS, RESULTS, SINCE
from ips_emulator.protocol.schema import Operation


def asset(found: FoundAsset) -> dict[str, Any]:
    record = found.record
    return {
        "assetHandle": record.handle,
        "type": record.asset_type,
        "name": record.name,
        "folder": found.folder_path,
        "folderHandle": f"f|{found.folder_path}",
        "trashState": "NotInTrash",
        "created": record.created,
        "lastModified": record.last_modified,
    }


def getAssetsByName(scope: RequestScope, param: Any) -> dict[str, Any]:
    found = assets.get_assets_by_name(
        scope,
        param.companyHandle,
        strings(param.nameArray),
        strings(param.assetTypeArray),
        strings(param.excludeAssetTypeArray),
    )
    return {"assetArray": {"items": [asset(a) for a in found]}}


def _conditions(param: Any) -> list[dict[str, Any]]:
    array = getattr(param, "systemFieldConditionArray", None)
    items = getattr(array, "items", None) or []
    # Dates stay datetimes here: only JSON storage needs them as text.
    return [
        {name: getattr(item, name, None) for name in type(item).get_flat_type_info(type(item))}
        for item in items
    ]


def searchAssets(scope: RequestScope, param: Any) -> dict[str, Any]:
    request = SearchRequest(
        company_handle=param.companyHandle,
        folder=param.folder,
        include_subfolders=param.includeSubfolders,
        types=strings(param.assetTypeArray),
        exclude_types=strings(getattr(param, "excludeAssetTypeArray", None)),
        conditions=_conditions(param),
        match_mode=param.systemFieldMatchMode,
        records_per_page=param.recordsPerPage,
        results_page=param.resultsPage,
        sort_by=param.sortBy,
        sort_direction=param.sortDirection,
    )
    total, found = assets.search_assets(scope, request)
    return {"totalRows": total, "assetArray": {"items": [asset(a) for a in found]}}


OPERATIONS = tuple(
    Operation(name, PARAMS[name], RESULTS[name], handler, SINCE.get(name))
    for name, handler in (
        ("getAssetsByName", getAssetsByName),
        ("searchAssets", searchAssets),
    )
)
