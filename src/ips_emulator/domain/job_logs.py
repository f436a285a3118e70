"""Job-log reads: which entries, in which order, in which language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from ips_emulator.domain import job_runner
from ips_emulator.domain.auth import (
    company_for_caller,
    company_ids_for_caller,
    target_user,
)
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.messages import render
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter, missing_parameter
from ips_emulator.records import Instant, JobLogSummary
from ips_emulator.storage import job_logs, jobs
from ips_emulator.storage.job_logs import JobLogQuery


class AssetJobLog(NamedTuple):
    job_handle: str
    job_name: str
    log_message: str
    log_type: str
    submit_user_email: str
    log_date: Instant


def get_asset_job_logs(
    scope: RequestScope, company_handle: str | None, asset_handle: str | None
) -> list[AssetJobLog]:
    """Every entry any job wrote about the asset, oldest first (the docs' example order).

    Ties on the date keep the order in which the entries were written.
    """
    if not company_handle:
        raise missing_parameter("companyHandle")
    if not asset_handle:
        raise missing_parameter("assetHandle")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    rows = job_logs.asset_job_logs(scope.store, company.id, asset_handle)
    if rows is None:
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
            f"Invalid assetHandle '{asset_handle}': no such asset in company '{company_handle}'.",
        )
    # Up to 1,000 entries per call (details pages, below): positional and unpacked, and
    # tuple.__new__ for the NamedTuple (its Python __new__ was a third of the work).
    new, messages = tuple.__new__, scope.messages
    return [
        new(AssetJobLog, (job, name, render(template, params, messages), log_type, email, at))
        for job, name, log_type, template, params, email, at in rows
    ]


# Log type spellings printed in the reference's Job Log Types list -> the ones
# the emulator writes (docs/reference/ips-api/SPEC.md G10): filters accept both.
LOG_TYPE_ALIASES = {
    "BeginVideoPubl]ish": "BeginVideoPublish",
    "VideoPubilshSuccess": "VideoPublishSuccess",
    "FleEnd": "FileEnd",
    "endReoptimize": "EndReoptimize",
    "ImageRenderingPublishCleanupsuccess": "ImageRenderingPublishCleanupSuccess",
}
JOB_LOG_SORT_FIELDS = (
    "JobName", "LogType", "StartDate", "CompanyName", "UserId", "Email",
    "FileErrorCount", "FileWarningCount", "FileSuccessCount",
)  # fmt: skip
DETAIL_SORT_FIELDS = ("Date", "LogType")
MAX_RECORDS_PER_PAGE = 1000
DEFAULT_NUM_ROWS = 1000
#: Asset Types -> Job Log File Types for JobLogDetail/assetType
#: (docs/reference/ips-api/SPEC.md G13).
FILE_TYPES = {
    "Image": "MasterImage", "Video": "Video", "Pdf": "Pdf", "Font": "Font",
    "IccProfile": "IccProfile", "Xml": "Xml", "Xsl": "Xsl", "Svg": "Svg", "Zip": "Zip",
    "Cabinet": "Cabinet", "Vignette": "Vignette", "Aco": "Aco", "Watermark": "Watermark",
}  # fmt: skip


class JobLogDetail(NamedTuple):
    """One entry of a run's page (a tuple: a page has up to 1,000)."""

    log_message: str
    log_type: str
    created: Instant
    asset_name: str | None
    asset_type: str | None
    asset_handle: str | None


@dataclass(frozen=True, slots=True)
class JobLog:
    summary: JobLogSummary
    detail_total_rows: int | None = None
    details: list[JobLogDetail] | None = None


def sort_direction(value: str | None, field: str, default_descending: bool) -> bool:
    """True for descending; Sort Directions constants, case-insensitive (docs write both)."""
    if value is None or value == "":
        return default_descending
    lowered = value.lower()
    if lowered not in ("ascending", "descending"):
        raise invalid_parameter(field, value, "expected Ascending or Descending")
    return lowered == "descending"


def get_job_logs(
    scope: RequestScope,
    company_handle: str | None,
    user_handle: str | None,
    sort_by: str | None,
    direction: str | None,
    start_date: datetime | None,
    end_date: datetime | None,
    num_rows: int | None,
) -> list[JobLog]:
    """Job logs newest first unless told otherwise; exactly ``numRows`` at most."""
    if sort_by and sort_by not in JOB_LOG_SORT_FIELDS:
        raise invalid_parameter("sortBy", sort_by, "not a Job Log Sort Field")
    if num_rows is not None and num_rows < 0:
        raise invalid_parameter("numRows", num_rows, "must not be negative")
    company_ids = company_ids_for_caller(scope, company_handle)
    user_id = None
    if user_handle:
        company_id = company_ids[0] if company_handle and company_ids else None
        user_id = target_user(scope, user_handle, company_id).id
    job_runner.bring_up_to_date(scope, company_ids)
    query = JobLogQuery(
        company_ids=company_ids,
        submit_user_id=user_id,
        start=scope.in_server_zone(start_date),
        end=scope.in_server_zone(end_date),
        sort_by=sort_by or "StartDate",
        descending=sort_direction(direction, "sortDirection", default_descending=True),
        limit=DEFAULT_NUM_ROWS if num_rows is None else num_rows,
    )
    return [JobLog(s) for s in job_logs.job_log_summaries(scope.store, query)]


@dataclass(frozen=True, slots=True)
class DetailQuery:
    company_handle: str | None
    job_handle: str | None
    original_name: str | None
    log_types: list[str] | None
    records_per_page: int | None
    results_page: int | None
    sort_by: str | None
    sort_direction: str | None


def _page(query: DetailQuery) -> tuple[int, int]:
    per_page = MAX_RECORDS_PER_PAGE if query.records_per_page is None else query.records_per_page
    if not 1 <= per_page <= MAX_RECORDS_PER_PAGE:
        raise invalid_parameter("recordsPerPage", per_page, "must be between 1 and 1000")
    page = 1 if query.results_page is None else query.results_page
    if page < 1:
        raise invalid_parameter("resultsPage", page, "pages are numbered from 1")
    return per_page, page


def get_job_log_details(scope: RequestScope, query: DetailQuery) -> list[JobLog]:
    """One run's entries, one page at a time; an unknown originalName gives no log."""
    if not query.company_handle:
        raise missing_parameter("companyHandle")
    if not query.job_handle and not query.original_name:
        raise missing_parameter("jobHandle' or 'originalName")
    if query.sort_by and query.sort_by not in DETAIL_SORT_FIELDS:
        raise invalid_parameter("sortBy", query.sort_by, "expected Date or LogType")
    per_page, page = _page(query)
    descending = sort_direction(query.sort_direction, "sortDirection", default_descending=False)
    company = company_for_caller(scope, query.company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    if query.job_handle:
        run = jobs.find_run(scope.store, company.id, query.job_handle)
        if run is None:
            raise invalid_parameter("jobHandle", query.job_handle, "no such job in this company")
    else:
        run = jobs.latest_run_by_name(scope.store, company.id, query.original_name or "")
        if run is None:
            return []
    types = [LOG_TYPE_ALIASES.get(t, t) for t in query.log_types] if query.log_types else None
    rows = job_logs.select_details(
        scope.store, run.id, types, query.sort_by == "LogType", descending,
        per_page, (page - 1) * per_page,
    )  # fmt: skip
    summary = job_logs.run_summary(scope.store, run)
    new, messages = tuple.__new__, scope.messages  # as get_asset_job_logs
    details = [
        new(JobLogDetail, (
            render(template, params, messages),
            log_type,
            created,
            asset_name,
            FILE_TYPES.get(asset_type, "NoType") if asset_type else None,
            asset_handle,
        ))
        for log_type, template, params, created, asset_name, asset_type, asset_handle in rows
    ]  # fmt: skip
    total = job_logs.count_details(scope.store, run.id, types)
    return [JobLog(summary, total, details)]
