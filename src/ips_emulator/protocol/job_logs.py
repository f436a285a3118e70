"""getAssetJobLogs, getJobLogs, getJobLogDetails: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

from ips_emulator.domain import job_logs
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.job_logs import DetailQuery, JobLog
from ips_emulator.protocol.convert import strings
from ips_emulator.protocol.operations import PARAMS, RESULTS, SINCE
from ips_emulator.protocol.schema import Operation

#: publishType -> JobLog/jobSubType, lower case as the 4.0 change log gives them.
JOB_SUB_TYPES = {
    "Full": "full",
    "Incremental": "increment",
    "FullWithSearch": "fullwithsearch",
    "FullOverride": "fulloverride",
}


def getAssetJobLogs(scope: RequestScope, param: Any) -> dict[str, Any]:
    entries = job_logs.get_asset_job_logs(scope, param.companyHandle, param.assetHandle)
    items = [
        {
            "jobHandle": e.job_handle,
            "jobName": e.job_name,
            "logMessage": e.log_message,
            "logType": e.log_type,
            "submitUserEmail": e.submit_user_email,
            "logDate": e.log_date,
        }
        for e in entries
    ]
    return {"jobLogArray": {"items": items}}


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
        item["detailArray"] = {
            "items": [
                {
                    "logMessage": d.log_message,
                    "logType": d.log_type,
                    "dateCreated": d.created,
                    "assetName": d.asset_name,
                    "assetType": d.asset_type,
                    "assetHandle": d.asset_handle,
                }
                for d in log.details
            ]
        }
    return item


def getJobLogs(scope: RequestScope, param: Any) -> dict[str, Any]:
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


def getJobLogDetails(scope: RequestScope, param: Any) -> dict[str, Any]:
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


OPERATIONS = tuple(
    Operation(name, PARAMS[name], RESULTS[name], handler, SINCE.get(name))
    for name, handler in (
        ("getAssetJobLogs", getAssetJobLogs),
        ("getJobLogs", getJobLogs),
        ("getJobLogDetails", getJobLogDetails),
    )
)
