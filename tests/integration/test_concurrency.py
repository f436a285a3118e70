"""8 client threads, 2,000 mixed calls against a 2-worker server (this run's backend):
no answer but a success or a documented fault; every job once, with consistent logs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.databases import Databases
from tests.helpers import NS_2008, auth_header, envelope
from tests.test_cli import free_port, wait_for

THREADS, CALLS = 8, 250  # 2,000 calls
FILES = 3
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def body(operation: str, inner: str) -> bytes:
    return envelope(
        f'<{operation}Param xmlns="{NS_2008}">{inner}</{operation}Param>', auth_header()
    )


def submit(name: str) -> bytes:
    urls = "".join(
        f"<items><sourceUrl>http://example.com/{name}/{i}.jpg</sourceUrl>"
        f"<destPath>load/{name}/{i}.jpg</destPath></items>"
        for i in range(FILES)
    )
    return body(
        "submitJob",
        f"<companyHandle>c|6</companyHandle><jobName>{name}</jobName><uploadUrlsJob>"
        f"<urlArray>{urls}</urlArray><overwrite>true</overwrite><readyForPublish>true"
        "</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting>"
        "</uploadUrlsJob>",
    )


def client(url: str, number: int, outcomes: Counter[str], names: list[str]) -> None:
    session = requests.Session()
    handle, name = "j|6|none||", "none"
    for call in range(CALLS):
        kind = call % 6
        if kind == 0:
            name = f"load-{number}-{call}"
            data = submit(name)
        elif kind == 1:
            data = body("getJobLogs", "<companyHandle>c|6</companyHandle><numRows>5</numRows>")
        elif kind == 2:
            data = body(
                "getJobLogDetails",
                f"<companyHandle>c|6</companyHandle><originalName>{name}</originalName>",
            )
        elif kind == 3:
            data = body("getActiveJobs", "<companyHandle>c|6</companyHandle>")
        else:
            operation = "stopJob" if kind == 4 else "pauseJob"
            data = body(
                operation, f"<companyHandle>c|6</companyHandle><jobHandle>{handle}</jobHandle>"
            )
        response = session.post(url, data=data, timeout=60)
        if response.status_code == 200:
            outcomes["ok"] += 1
            if kind == 0:
                handle = re.search(rb"<jobHandle>([^<]+)</jobHandle>", response.content)[1].decode()  # type: ignore[index]
                names.append(name)
        else:
            code = re.search(rb"<tns:code>(\d+)</tns:code>", response.content)
            outcomes[f"{response.status_code}:{code[1].decode() if code else '-'}"] += 1


def test_two_workers_under_eight_clients(databases: Databases) -> None:
    database_url = databases.new_url()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "ips-emulator"), "serve", "--port", str(port), "--workers", "2",
               "--job-speed", "20", "--database-url", database_url]  # fmt: skip
    log = open(os.environ.get("IPS_TEST_SERVER_LOG", os.devnull), "w")  # noqa: SIM115
    process = subprocess.Popen(command, start_new_session=True, stdout=log, stderr=log)
    try:
        wait_for(f"{base}/scene7/webservice/IpsApi-2008-01-15.wsdl", timeout=60)
        outcomes: Counter[str] = Counter()
        names: list[str] = []
        threads = [
            threading.Thread(
                target=client, args=(f"{base}/scene7/services/IpsApiService", n, outcomes, names)
            )
            for n in range(THREADS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    assert sum(outcomes.values()) == THREADS * CALLS
    # Stopping or pausing a job that has already finished is the documented 30001. Every
    # answer is a SOAP fault with a code; a rare 30000 (a deadlock that outlived its
    # retries, logged by the server) is a documented fault too, but must stay rare.
    assert set(outcomes) <= {"ok", "500:30001", "500:30000"}, outcomes
    assert outcomes["500:30000"] <= 5, outcomes
    assert len(names) == THREADS * len(range(0, CALLS, 6))  # every submitJob succeeded

    engine = create_engine(database_url)
    with engine.connect() as connection:
        runs = Counter(
            row[0]
            for row in connection.execute(
                text("SELECT original_name FROM job WHERE original_name LIKE 'load-%'")
            )
        )
        entries = connection.execute(
            text(
                "SELECT j.original_name, e.log_type, COUNT(*) FROM job_log_entry e "
                "JOIN job j ON j.id = e.job_id WHERE j.original_name LIKE 'load-%' "
                "GROUP BY j.original_name, e.log_type"
            )
        ).all()
    engine.dispose()
    assert sorted(runs) == sorted(names)
    assert set(runs.values()) == {1}  # every submitted job present exactly once
    per_job: dict[str, Counter[str]] = {}
    for name, log_type, count in entries:
        per_job.setdefault(name, Counter())[log_type] = count
    for name, types in per_job.items():
        assert types["BeginUpload"] == 1, (name, types)  # no entry written twice
        assert types["EndUpload"] <= 1, (name, types)
        files = types["UploadSuccess"] + types["FileUpdated"] + types["FileCancel"]
        assert files <= FILES, (name, types)
        if types["EndUpload"]:
            assert files == FILES, (name, types)  # a finished job accounts for every file
