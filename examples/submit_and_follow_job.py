"""Submit an upload job to a running ips-emulator and follow it to the end.

    python examples/submit_and_follow_job.py [--url http://127.0.0.1:8080] [--locale de-DE]

What a real client does: find the company handle, submitJob, poll getActiveJobs
by originalName (the handle submitJob returns is not the running job's), read
getJobLogDetails page by page, then the new asset's getAssetJobLogs.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime

import zeep

URLS = [
    ("https://example.com/catalog/hat.jpg", "examples/hat.jpg"),
    ("https://example.com/catalog/scarf.png", "examples/scarf.png"),
    ("https://example.com/catalog/readme.unknown", "examples/readme.unknown"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080", help="emulator base URL")
    parser.add_argument("--user", default="demo@ips-emulator.test")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the job")
    args = parser.parse_args(argv)

    client = zeep.Client(f"{args.url}/scene7/webservice/IpsApi-2008-01-15.wsdl")
    header = {"authHeader": {"user": args.user, "password": args.password, "locale": args.locale}}
    service = client.service

    company = service.getCompanyInfo(companyName="ApiTestCo", _soapheaders=header)
    job_name = f"example-{datetime.now():%Y%m%d-%H%M%S-%f}"
    job = {
        "urlArray": {"items": [{"sourceUrl": url, "destPath": dest} for url, dest in URLS]},
        "overwrite": True,
        "readyForPublish": True,
        "createMask": False,
        "emailSetting": "None",
    }
    handle = service.submitJob(
        companyHandle=company.companyHandle, jobName=job_name, uploadUrlsJob=job,
        _soapheaders=header,
    )  # fmt: skip
    print(f"submitted {job_name}: {handle}")

    deadline = time.monotonic() + args.timeout
    while True:
        active = service.getActiveJobs(
            companyHandle=company.companyHandle, originalName=job_name, _soapheaders=header
        )
        state = active[0].state if active else "Done"
        if active:
            run = active[0]
            print(f"  {run.state:<8} {run.progress:>3}%  {run.progressMessage or ''}")
        if state == "Done":
            break
        if time.monotonic() > deadline:
            print("the job did not finish in time", file=sys.stderr)
            return 1
        time.sleep(0.5)

    page, asset_handles = 1, []
    while True:
        logs = service.getJobLogDetails(
            companyHandle=company.companyHandle, originalName=job_name, recordsPerPage=4,
            resultsPage=page, _soapheaders=header,
        )  # fmt: skip
        log = logs[0]
        if page == 1:
            print(f"{log.jobName}: {log.fileSuccessCount} uploaded, {log.fileErrorCount} failed, "
                  f"{log.detailTotalRows} entries")  # fmt: skip
        items = log.detailArray.items if log.detailArray else []
        if not items:
            break
        print(f"page {page}:")
        for detail in items:
            print(f"  {detail.logType:<16} {detail.logMessage}")
            if detail.assetHandle:
                asset_handles.append(detail.assetHandle)
        page += 1

    for asset_handle in asset_handles:
        entries = service.getAssetJobLogs(
            companyHandle=company.companyHandle, assetHandle=asset_handle, _soapheaders=header
        )
        print(f"getAssetJobLogs {asset_handle}:")
        for entry in entries:
            print(f"  {entry.logType:<16} {entry.jobName}  {entry.logMessage}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
