"""getAssetJobLogs (and, with the job family, its sibling log operations)."""

from __future__ import annotations

from typing import Any

from ips_emulator.domain import job_logs
from ips_emulator.domain.context import RequestScope
from ips_emulator.protocol.schema import STRING, Field, Operation


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


OPERATIONS = (
    Operation(
        "getAssetJobLogs",
        param=(Field("companyHandle", STRING), Field("assetHandle", STRING)),
        result=(Field("jobLogArray", "AssetJobLogArray"),),
        handler=getAssetJobLogs,
    ),
)
