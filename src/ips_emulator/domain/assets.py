"""getAssetsByName and searchAssets: finding assetHandle values.

As docs/reference/ips-api/SPEC.md 1.18 and 1.20 describe them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ips_emulator.domain import job_runner
from ips_emulator.domain.asset_details import ips_image_url
from ips_emulator.domain.auth import company_for_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_paths import FolderPathError, folder_path
from ips_emulator.domain.job_logs import sort_direction
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import AssetRecord, CompanyRecord
from ips_emulator.storage import assets
from ips_emulator.storage.assets import AssetSearch, DateCondition, TextCondition

MAX_RECORDS_PER_PAGE = 1000
#: recordsPerPage's bound when the response is limited to a few brief fields
#: (r-search-assets.md, "Response Size").
MAX_BRIEF_RECORDS_PER_PAGE = 10_000
#: Conditions one searchAssets may combine (SECURITY.md). Each is a term of one AND or OR,
#: which SQLite nests one level per term and refuses past 1,000 levels
#: ("Expression tree is too large"); half of that leaves room for the rest of the query.
MAX_SEARCH_CONDITIONS = 500
STRING_OPS = ("Equals", "NotEquals", "Contains", "NotContains", "StartsWith", "EndsWith")
DATE_OPS = ("Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan",
            "GreaterThanEquals", "Between")  # fmt: skip
#: Asset Search System Fields compared with the text the emulator stores.
TEXT_FIELDS = tuple(assets.TEXT_COLUMNS)
DATE_FIELDS = ("Created", "LastModified", "Modified")
#: Asset Search System Fields compared as "": no keywords or creating application are
#: modelled, and FileSize is a number, not text.
EMPTY_FIELDS = ("Keywords", "FileSize", "CreatedWith")
SORT_FIELDS = ("Created", "Modified", "Name", "AssetType", "FileSize")
MATCH_MODES = ("MatchAll", "MatchAny")


@dataclass(frozen=True, slots=True)
class FoundAsset:
    record: AssetRecord
    company: CompanyRecord

    @property
    def folder_path(self) -> str:
        return f"{self.company.root_path}{self.record.folder}"

    @property
    def ips_image_url(self) -> str | None:
        return ips_image_url(self.record.details.image)


def get_assets_by_name(
    scope: RequestScope,
    company_handle: str | None,
    names: Sequence[str] | None,
    types: Sequence[str] | None,
    exclude_types: Sequence[str] | None,
) -> list[FoundAsset]:
    if not company_handle:
        raise missing_parameter("companyHandle")
    if names is None:
        raise missing_parameter("nameArray")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])  # uploads due by now have made their assets
    search = AssetSearch(
        company.id, names=list(names), types=types, exclude_types=exclude_types, limit=10_000
    )
    return [FoundAsset(r, company) for r in assets.search_assets(scope.store, search)[1]]


def get_assets(
    scope: RequestScope, company_handle: str | None, handles: Sequence[str] | None
) -> list[FoundAsset]:
    """getAssets: the company's assets among ``handles``, in the order asked, each once.

    "Only returns those assets that the user has access to": a handle of no asset, or of
    another company's, is left out rather than faulted (docs/decisions.md).
    """
    if not company_handle:
        raise missing_parameter("companyHandle")
    if handles is None:
        raise missing_parameter("assetHandleArray")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])  # uploads due by now have made their assets
    wanted = list(dict.fromkeys(handles))
    found = {a.handle: a for a in assets.find_by_handles(scope.store, company.id, wanted)}
    return [FoundAsset(found[h], company) for h in wanted if h in found]


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
    match_mode: str | None = None
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
    "NotInTrash": ("NotInTrash",),
    "InTrash": ("InTrash",),
    "InEmptiedTrash": (),
    "Any": None,
}


def _trash_states(given: str | None) -> tuple[str, ...] | None:
    if not given:
        return TRASH_STATES["NotInTrash"]  # the page's default
    if given not in TRASH_STATES:
        raise invalid_parameter("trashState", given, f"expected one of {', '.join(TRASH_STATES)}")
    return TRASH_STATES[given]


def _folder(company: CompanyRecord, folder: str | None) -> str | None:
    """A folder given with or without the company root, as stored (relative, "/"-ended)."""
    if not folder:
        return None
    try:
        return folder_path(company.root_path, folder)
    except FolderPathError as exc:
        raise invalid_parameter("folder", folder, str(exc)) from None


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


def search_assets(scope: RequestScope, request: SearchRequest) -> tuple[int, list[FoundAsset]]:
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
    if request.match_mode and request.match_mode not in MATCH_MODES:
        raise invalid_parameter(
            "systemFieldMatchMode", request.match_mode, "expected MatchAll or MatchAny"
        )
    if len(request.conditions) > MAX_SEARCH_CONDITIONS:
        raise invalid_parameter(
            "systemFieldConditionArray",
            f"{len(request.conditions)} conditions",
            f"at most {MAX_SEARCH_CONDITIONS} conditions are searched at once",
        )
    trash_states = _trash_states(request.trash_state)
    company = company_for_caller(scope, request.company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    texts, dates = _conditions(scope, request.conditions)
    search = AssetSearch(
        company_id=company.id,
        folder=_folder(company, request.folder),
        include_subfolders=bool(request.include_subfolders),
        types=request.types,
        exclude_types=request.exclude_types,
        trash_states=trash_states,
        text_conditions=texts,
        date_conditions=dates,
        match_all=request.match_mode != "MatchAny",
        sort_by=request.sort_by or "Name",
        descending=sort_direction(request.sort_direction, "sortDirection", False),
        limit=per_page,
        offset=(page - 1) * per_page,
    )
    total, rows = assets.search_assets(scope.store, search)
    return total, [FoundAsset(r, company) for r in rows]
