"""getAssetsByName and getAssets, and what every asset search shares: its bounds, its
operators and fields, the asset found and the folder searched (searchAssets itself is
domain/asset_search.py).

As docs/reference/ips-api/SPEC.md 1.18 and 1.20 describe them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ips_emulator.domain import job_runner
from ips_emulator.domain.asset_details import ips_image_url
from ips_emulator.domain.auth import company_for_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_paths import FolderPathError, folder_path
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import AssetRecord, CompanyRecord
from ips_emulator.storage import assets
from ips_emulator.storage.assets import AssetSearch

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


def search_folder(company: CompanyRecord, folder: str | None, field: str) -> str | None:
    """A search's folder given with or without the company root, as stored (relative,
    "/"-ended); None when not given. A path outside the root is 30001 naming ``field``."""
    if not folder:
        return None
    try:
        return folder_path(company.root_path, folder)
    except FolderPathError as exc:
        raise invalid_parameter(field, folder, str(exc)) from None


def check_match_mode(given: str | None, field: str) -> None:
    """A Search Match Mode, when given: MatchAll or MatchAny, else 30001 naming ``field``."""
    if given and given not in MATCH_MODES:
        raise invalid_parameter(field, given, "expected MatchAll or MatchAny")


def check_condition_count(count: int, field: str) -> None:
    """At most MAX_SEARCH_CONDITIONS conditions in one array, else 30001 naming ``field``."""
    if count > MAX_SEARCH_CONDITIONS:
        raise invalid_parameter(
            field,
            f"{count} conditions",
            f"at most {MAX_SEARCH_CONDITIONS} conditions are searched at once",
        )
