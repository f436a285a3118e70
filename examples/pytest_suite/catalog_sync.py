"""The code under test: a small piece of an application that talks to Scene7 IPS.

It reads an asset's processing history (retrying once when the service reports a
transient ``ipsApiFault`` 30000) and submits URL uploads, then reports on them.
In a real project this would be your package; the tests next to it exercise it
against the emulator, through the ``ips_emulator`` pytest fixture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import zeep

IPS_FAULT_NS = "http://www.scene7.com/IpsApi/xsd"
TRANSIENT_CODES = {30000}  # "exception": the service had a problem, worth retrying


@dataclass(frozen=True)
class HistoryLine:
    date: datetime
    kind: str
    message: str


@dataclass(frozen=True)
class UploadReport:
    job_name: str
    uploaded: int
    failed: int
    problems: list[str]


def fault_code(fault: zeep.exceptions.Fault) -> int | None:
    """The IPS code of a fault (``<code>`` inside the fault detail element)."""
    if fault.detail is None or not len(fault.detail):
        return None
    code = fault.detail[0].find(f"{{{IPS_FAULT_NS}}}code")
    return int(code.text) if code is not None else None


def asset_history(client: Any, company: str, asset: str, retries: int = 1) -> list[HistoryLine]:
    """An asset's job-log entries, oldest first, in the client's locale."""
    for attempt in range(retries + 1):
        try:
            entries = client.service.getAssetJobLogs(companyHandle=company, assetHandle=asset)
        except zeep.exceptions.Fault as fault:
            if fault_code(fault) not in TRANSIENT_CODES or attempt == retries:
                raise
            continue
        return [HistoryLine(e.logDate, e.logType, e.logMessage) for e in entries or []]
    raise AssertionError("unreachable")


def submit_upload(client: Any, company: str, job_name: str, urls: dict[str, str]) -> str:
    """Submit one URL upload job; ``urls`` maps source URLs to destination paths."""
    job = {
        "urlArray": {"items": [{"sourceUrl": u, "destPath": d} for u, d in urls.items()]},
        "overwrite": True,
        "readyForPublish": True,
        "createMask": False,
        "emailSetting": "None",
    }
    return str(client.service.submitJob(companyHandle=company, jobName=job_name, uploadUrlsJob=job))


def upload_report(client: Any, company: str, job_name: str) -> UploadReport | None:
    """What the job's log says so far; None until the job has started."""
    logs = client.service.getJobLogDetails(companyHandle=company, originalName=job_name)
    if not logs:
        return None
    log = logs[0]
    items = log.detailArray.items if log.detailArray else []
    problems = [d.logMessage for d in items if d.logType.endswith(("Error", "Failure"))]
    return UploadReport(job_name, log.fileSuccessCount, log.fileErrorCount, problems)
