"""getAssetJobLogs, getJobLogs, getJobLogDetails: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

from ips_emulator.domain import job_logs
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.job_logs import AssetJobLog, DetailQuery, JobLog, JobLogDetail
from ips_emulator.protocol import params
from ips_emulator.protocol.convert import strings
from ips_emulator.protocol.serializer import Rows

#: publishType -> JobLog/jobSubType, lower case as the 4.0 change log gives them.
JOB_SUB_TYPES = {
    "Full": "full",
    "Incremental": "increment",
    "FullWithSearch": "fullwithsearch",
    "FullOverride": "fulloverride",
}


def _columns(record: type[tuple[Any, ...]], wire_names: dict[str, str]) -> tuple[str, ...]:
    """The wire name of each field of a domain NamedTuple, in its field order."""
    return tuple(wire_names[name] for name in record._fields)  # type: ignore[attr-defined]


#: Log entries go to the writer as the domain's tuples (Rows): no dict per entry.
ASSET_LOG_COLUMNS = _columns(
    AssetJobLog,
    {
        "job_handle": "jobHandle",
        "job_name": "jobName",
        "log_message": "logMessage",
        "log_type": "logType",
        "submit_user_email": "submitUserEmail",
        "log_date": "logDate",
    },
)
DETAIL_COLUMNS = _columns(
    JobLogDetail,
    {
        "log_message": "logMessage",
        "log_type": "logType",
        "created": "dateCreated",
        "asset_name": "assetName",
        "asset_type": "assetType",
        "asset_handle": "assetHandle",
    },
)


def getAssetJobLogs(scope: RequestScope, param: params.GetAssetJobLogsParam) -> dict[str, Any]:
    entries = job_logs.get_asset_job_logs(scope, param.companyHandle, param.assetHandle)
    return {"jobLogArray": {"items": Rows(ASSET_LOG_COLUMNS, entries)}}


def job_log(log: JobLog) -> dict[str, Any]:
    s = log.summary
    run = s.run
    publish = (run.spec or {}).get("imageServingPublishJob") or {}
    item: dict[str, Any] = {
        "companyHandle": run.company_handle,
        "jobHandle": run.handle,
        "jobName": run.name,
        "originalJobName": run.original_name,
        "submitUserEmail": run.submit_user_email,
        "logType": s.log_type,
        "jobSubType": JOB_SUB_TYPES.get(publish.get("publishType", ""), ""),
        "startDate": run.created,
        "endDate": run.end_date,
        "description": run.description,
        "fileSuccessCount": s.success_count,
        "fileErrorCount": s.error_count,
        "fileWarningCount": s.warning_count,
        "fileDuplicateCount": s.duplicate_count,
        "fileUpdateCount": s.update_count,
        "totalFileCount": s.total_file_count,
        "transferSuccessCount": 0,
        "transferErrorCount": 0,
        "transferWarningCount": 0,
        "fatalError": s.fatal_error,
    }
    if log.details is not None:
        item["detailTotalRows"] = log.detail_total_rows
        item["detailArray"] = {"items": Rows(DETAIL_COLUMNS, log.details)}
    return item


def getJobLogs(scope: RequestScope, param: params.GetJobLogsParam) -> dict[str, Any]:
    logs = job_logs.get_job_logs(
        scope,
        param.companyHandle,
        param.userHandle,
        param.sortBy,
        param.sortDirection,
        param.startDate,
        param.endDate,
        param.numRows,
    )
    return {"jobLogArray": {"items": [job_log(log) for log in logs]}}


def getJobLogDetails(scope: RequestScope, param: params.GetJobLogDetailsParam) -> dict[str, Any]:
    query = DetailQuery(
        company_handle=param.companyHandle,
        job_handle=param.jobHandle,
        original_name=param.originalName,
        log_types=strings(param.logTypeArray),
        records_per_page=param.recordsPerPage,
        results_page=param.resultsPage,
        sort_by=param.sortBy,
        sort_direction=param.sortDirection,
    )
    logs = job_logs.get_job_log_details(scope, query)
    return {"jobLogArray": {"items": [job_log(log) for log in logs]}}
