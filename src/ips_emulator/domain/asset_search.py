"""searchAssets: assets by folder, type, trash state, system field and metadata conditions.

As docs/reference/ips-api/operations/r-search-assets.md describes it. System field
conditions are tested in SQL, and such a search is paged there; metadata conditions are
MetadataCondition items as searchAssetsByMetadata reads them (one engine,
domain/metadata_conditions.py), tested in memory over the assets the rest of the search
lets through, which are then paged (docs/decisions.md, "Metadata").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from ips_emulator.domain import job_runner
from ips_emulator.domain.assets import (
    DATE_FIELDS,
    DATE_OPS,
    EMPTY_FIELDS,
    MAX_BRIEF_RECORDS_PER_PAGE,
    MAX_RECORDS_PER_PAGE,
    SORT_FIELDS,
    STRING_OPS,
    TEXT_FIELDS,
    FoundAsset,
    check_condition_count,
    check_match_mode,
    search_folder,
)
from ips_emulator.domain.auth import company_for_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.job_logs import sort_direction
from ips_emulator.domain.metadata_conditions import Condition, ConditionInput, compile_conditions
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import IN_TRASH, NOT_IN_TRASH, CompanyRecord
from ips_emulator.storage import assets, metadata
from ips_emulator.storage.assets import AssetSearch, DateCondition, TextCondition


@dataclass(frozen=True, slots=True)
class FieldCondition:
    """One system field condition of a search, as the request gives it (unchecked)."""

    field: str | None = None
    op: str | None = None
    value: str | None = None
    min_date: datetime | None = None
    max_date: datetime | None = None
    date_value: datetime | None = None


@dataclass(frozen=True, slots=True)
class SearchRequest:
    company_handle: str | None
    folder: str | None = None
    include_subfolders: bool | None = None
    types: Sequence[str] | None = None
    exclude_types: Sequence[str] | None = None
    conditions: Sequence[FieldCondition] = ()
    #: systemFieldMatchMode: how ``conditions`` combine.
    system_match_mode: str | None = None
    metadata_conditions: Sequence[ConditionInput] = ()
    #: metadataMatchMode: how ``metadata_conditions`` combine.
    metadata_match_mode: str | None = None
    #: conditionMatchMode: how the system and the metadata conditions' results combine.
    condition_match_mode: str | None = None
    records_per_page: int | None = None
    results_page: int | None = None
    sort_by: str | None = None
    sort_direction: str | None = None
    #: The response carries no more than the brief fields the page names (totalRows, the
    #: asset's name, handle, type and sub-type): pages of up to 10,000 assets.
    brief: bool = False
    trash_state: str | None = None


#: searchAssets' trashState: Trash State constants (r-trash-state.md) and the SearchFilter
#: page's Any, to the states stored (an emptied asset is purged: InEmptiedTrash finds none).
TRASH_STATES: dict[str, tuple[str, ...] | None] = {
    NOT_IN_TRASH: (NOT_IN_TRASH,),
    IN_TRASH: (IN_TRASH,),
    "InEmptiedTrash": (),
    "Any": None,
}


def _trash_states(given: str | None) -> tuple[str, ...] | None:
    if not given:
        return TRASH_STATES[NOT_IN_TRASH]  # the page's default
    if given not in TRASH_STATES:
        raise invalid_parameter("trashState", given, f"expected one of {', '.join(TRASH_STATES)}")
    return TRASH_STATES[given]


def _conditions(
    scope: RequestScope, items: Sequence[FieldCondition]
) -> tuple[list[TextCondition], list[DateCondition]]:
    texts: list[TextCondition] = []
    dates: list[DateCondition] = []
    for i, item in enumerate(items):
        where = f"systemFieldConditionArray/items[{i + 1}]"
        name, op = item.field or "", item.op or ""
        if name in TEXT_FIELDS or name in EMPTY_FIELDS:
            if op not in STRING_OPS:
                raise invalid_parameter(f"{where}/op", op, "not a String Comparison Operator")
            value = item.value or ""
            if name in TEXT_FIELDS:
                texts.append(TextCondition(name, op, value))
            else:  # "" compared: names never hold NUL, so tests on it behave alike
                texts.append(TextCondition("Name", op, f"\0{value}"))
        elif name in DATE_FIELDS:
            if op not in DATE_OPS:
                raise invalid_parameter(f"{where}/op", op, "not a Date Comparison Operator")
            low, high = (
                scope.in_server_zone(item.min_date),
                scope.in_server_zone(item.max_date),
            )
            date = scope.in_server_zone(item.date_value)
            if (op == "Between" and (low is None or high is None)) or (
                op != "Between" and date is None
            ):
                raise missing_parameter(
                    f"{where}/{'minDate/maxDate' if op == 'Between' else 'dateVal'}"
                )
            field_name = "Created" if name == "Created" else "LastModified"
            dates.append(DateCondition(field_name, op, date, low, high))
        else:
            raise invalid_parameter(f"{where}/field", name, "not an Asset Search System Field")
    return texts, dates


def _per_page_bounds(brief: bool) -> str:
    if brief:
        return f"must be between 1 and {MAX_BRIEF_RECORDS_PER_PAGE}"
    return (
        f"must be between 1 and {MAX_RECORDS_PER_PAGE}, or {MAX_BRIEF_RECORDS_PER_PAGE} when "
        "responseFieldArray limits the response to totalRows and the assets' name, "
        "assetHandle, type and subType"
    )


def _check(request: SearchRequest) -> tuple[int, int]:
    """(records per page, page) of a request whose parameters are checked before any query."""
    if not request.company_handle:
        raise missing_parameter("companyHandle")
    bound = MAX_BRIEF_RECORDS_PER_PAGE if request.brief else MAX_RECORDS_PER_PAGE
    per_page = request.records_per_page or bound
    if not 1 <= per_page <= bound:
        raise invalid_parameter("recordsPerPage", per_page, _per_page_bounds(request.brief))
    page = request.results_page or 1
    if page < 1:
        raise invalid_parameter("resultsPage", page, "pages are numbered from 1")
    if request.sort_by and request.sort_by not in SORT_FIELDS:
        raise invalid_parameter("sortBy", request.sort_by, "not an Asset Sort Field")
    check_match_mode(request.condition_match_mode, "conditionMatchMode")
    check_match_mode(request.system_match_mode, "systemFieldMatchMode")
    check_match_mode(request.metadata_match_mode, "metadataMatchMode")
    check_condition_count(len(request.conditions), "systemFieldConditionArray")
    check_condition_count(len(request.metadata_conditions), "metadataConditionArray")
    return per_page, page


def search_assets(scope: RequestScope, request: SearchRequest) -> tuple[int, list[FoundAsset]]:
    """(total matches, one page of them)."""
    per_page, page = _check(request)
    trash_states = _trash_states(request.trash_state)
    company = company_for_caller(scope, request.company_handle or "")
    job_runner.bring_up_to_date(scope, [company.id])
    texts, dates = _conditions(scope, request.conditions)
    tests = compile_conditions(scope, company.id, request.metadata_conditions)
    search = AssetSearch(
        company_id=company.id,
        folder=search_folder(company, request.folder, "folder"),
        include_subfolders=bool(request.include_subfolders),
        types=request.types,
        exclude_types=request.exclude_types,
        trash_states=trash_states,
        text_conditions=texts,
        date_conditions=dates,
        match_all=request.system_match_mode != "MatchAny",
        sort_by=request.sort_by or "Name",
        descending=sort_direction(request.sort_direction, "sortDirection", False),
        limit=per_page,
        offset=(page - 1) * per_page,
    )
    if tests:
        return _search_with_metadata(scope, company, search, tests, request)
    total, rows = assets.search_assets(scope.store, search)
    return total, [FoundAsset(r, company) for r in rows]


def _search_with_metadata(
    scope: RequestScope,
    company: CompanyRecord,
    search: AssetSearch,
    tests: list[Condition],
    request: SearchRequest,
) -> tuple[int, list[FoundAsset]]:
    """The search with metadata conditions: the assets its folder, types and trash state let
    through are read in its order and tested in memory; the system field conditions are
    tested in SQL, as the filter itself under conditionMatchMode MatchAll (the default),
    as a set of matches that may stand in for the metadata conditions under MatchAny."""
    either = request.condition_match_mode == "MatchAny" and bool(
        search.text_conditions or search.date_conditions
    )
    by_system: set[int] = set()
    if either:
        by_system = assets.matching_ids(scope.store, search)
        search = replace(search, text_conditions=(), date_conditions=())
    combine = any if request.metadata_match_mode == "MatchAny" else all
    matches = [
        record
        for record in metadata.searched_assets(scope.store, search)
        if record.id in by_system or combine(t.test(FoundAsset(record, company)) for t in tests)
    ]
    # The matches were read with what a condition reads: the page's are read whole.
    chosen = [r.handle for r in matches[search.offset : search.offset + search.limit]]
    whole = {a.handle: a for a in assets.find_by_handles(scope.store, company.id, chosen)}
    return len(matches), [FoundAsset(whole[h], company) for h in chosen]
