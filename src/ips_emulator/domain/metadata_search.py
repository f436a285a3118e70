"""searchAssetsByMetadata: assets by conditions on their system and metadata fields.

As docs/reference/ips-api/operations/r-search-assets-by-metadata.md and
types/r-metadata-conditon.md describe it. The company's assets in the filter are read
in the order asked (SQL), the conditions tested in memory, where a value of every kind
is at hand, and the matches paged (docs/decisions.md, "Metadata").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ips_emulator.domain import job_runner
from ips_emulator.domain.assets import (
    MAX_RECORDS_PER_PAGE,
    SORT_FIELDS,
    FoundAsset,
    check_condition_count,
    check_match_mode,
    search_folder,
)
from ips_emulator.domain.auth import company_for_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.job_logs import sort_direction
from ips_emulator.domain.metadata_conditions import (
    CUSTOM_PREFIX,
    SYSTEM_KEYS,
    ConditionInput,
    compile_conditions,
    file_name,
)
from ips_emulator.domain.metadata_fields import date_text
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import IN_TRASH, NOT_IN_TRASH
from ips_emulator.storage import metadata
from ips_emulator.storage.assets import AssetSearch

#: sortBy: the Asset Sort Fields searchAssets takes, and the keys naming the same.
SORT_KEYS = {"name": "Name", "created_at": "Created", "modified_at": "Modified",
             "type": "AssetType"} | {f: f for f in SORT_FIELDS}  # fmt: skip
#: filters/trashState (r-search-filter.md) to the states stored (None: any); default NotInTrash.
TRASH_STATES: dict[str, tuple[str, ...] | None] = {
    "Any": None,
    NOT_IN_TRASH: (NOT_IN_TRASH,),
    IN_TRASH: (IN_TRASH,),
}
#: searchAssetsByMetadata's answer to a custom field it is asked to return (the page).
UNRETURNED_CUSTOM_VALUE = "null"


@dataclass(frozen=True, slots=True)
class MetadataSearch:
    """searchAssetsByMetadataParam as the request gives it (unchecked)."""

    company_handle: str | None
    folder: str | None = None
    include_subfolders: bool | None = None
    types: Sequence[str] | None = None
    exclude_types: Sequence[str] | None = None
    trash_state: str | None = None
    conditions: Sequence[ConditionInput] = ()
    match_mode: str | None = None
    response_keys: Sequence[str] | None = None
    records_per_page: int | None = None
    results_page: int | None = None
    sort_by: str | None = None
    sort_direction: str | None = None
    similarity: bool = False


@dataclass(frozen=True, slots=True)
class FoundSummary:
    """An AssetSummary: the asset, and the values ``responseMetadataArray`` asked for."""

    asset: FoundAsset
    metadata: list[tuple[str, str]] | None

    @property
    def file_name(self) -> str:
        return file_name(self.asset)


def response_value(found: FoundAsset, key: str) -> str | None:
    """The value a ``responseMetadataArray`` key gets, or None (left out)."""
    if key in SYSTEM_KEYS:
        value = SYSTEM_KEYS[key](found)
        return date_text(value) if isinstance(value, datetime) else value
    if key.startswith(CUSTOM_PREFIX):
        return UNRETURNED_CUSTOM_VALUE  # as documented: use getAssets for custom fields
    return dict(found.record.details.metadata or ()).get(key)


def _summary(found: FoundAsset, keys: Sequence[str] | None) -> FoundSummary:
    if keys is None:
        return FoundSummary(found, None)
    pairs = [(k, v) for k in keys if (v := response_value(found, k)) is not None]
    return FoundSummary(found, pairs)


def _check_paging(request: MetadataSearch) -> tuple[int, int]:
    per_page = request.records_per_page or MAX_RECORDS_PER_PAGE
    if not 1 <= per_page <= MAX_RECORDS_PER_PAGE:
        raise invalid_parameter("recordsPerPage", per_page, "must be between 1 and 1000")
    page = request.results_page or 1
    if page < 1:
        raise invalid_parameter("resultsPage", page, "pages are numbered from 1")
    return per_page, page


def _check(request: MetadataSearch) -> tuple[int, int]:
    if not request.company_handle:
        raise missing_parameter("companyHandle")
    if request.similarity:
        raise invalid_parameter("haystackSearch", "", "similarity search is not emulated")
    if request.sort_by and request.sort_by not in SORT_KEYS:
        raise invalid_parameter("sortBy", request.sort_by, "not an Asset Sort Field")
    check_match_mode(request.match_mode, "metadataConditionMatchMode")
    if request.trash_state and request.trash_state not in TRASH_STATES:
        raise invalid_parameter("filters/trashState", request.trash_state, "not a Trash State")
    check_condition_count(len(request.conditions), "metadataConditionArray")
    return _check_paging(request)


def search_assets_by_metadata(
    scope: RequestScope, request: MetadataSearch
) -> tuple[int, list[FoundSummary]]:
    """(total matches, one page of them, as AssetSummary items)."""
    per_page, page = _check(request)
    company = company_for_caller(scope, request.company_handle or "")
    job_runner.bring_up_to_date(scope, [company.id])
    conditions = compile_conditions(scope, company.id, request.conditions)
    search = AssetSearch(
        company_id=company.id,
        folder=search_folder(company, request.folder, "filters/folder"),
        include_subfolders=request.include_subfolders is not False,
        types=request.types,
        exclude_types=request.exclude_types,
        trash_states=TRASH_STATES[request.trash_state or NOT_IN_TRASH],
        sort_by=SORT_KEYS[request.sort_by or "Name"],
        descending=sort_direction(request.sort_direction, "sortDirection", False),
    )
    combine = any if request.match_mode == "MatchAny" else all
    matches = [
        found
        for found in (FoundAsset(r, company) for r in metadata.searched_assets(scope.store, search))
        if not conditions or combine(c.test(found) for c in conditions)
    ]
    chosen = matches[(page - 1) * per_page : page * per_page]
    return len(matches), [_summary(f, request.response_keys) for f in chosen]
