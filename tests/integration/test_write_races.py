"""Two emulator instances on one database writing the same new rows at the same moment:
neither faults; one creates the row, the other finds it (this run's backend)."""

from __future__ import annotations

import re
import threading

import requests
from sqlalchemy import create_engine, text

from ips_emulator import EmulatorServer, Settings, create_app
from ips_emulator.config import INSTANT
from tests.databases import Databases
from tests.helpers import NS_2008, auth_header, envelope

PAIRS = 20


def upload(job: str, path: str) -> bytes:
    return envelope(
        f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<jobName>{job}</jobName><uploadUrlsJob><urlArray><items>"
        f"<sourceUrl>http://example.com/{path}</sourceUrl><destPath>{path}</destPath>"
        "</items></urlArray><overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
        "<createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>"
        "</submitJobParam>",
        auth_header(),
    )


def test_two_instances_upload_the_same_new_path_at_once(databases: Databases) -> None:
    url = databases.new_url()
    # Instant jobs: each submitJob writes its upload (and the asset) in its own transaction.
    servers = [
        EmulatorServer(create_app(Settings(database_url=url, job_speed=INSTANT))).start()
        for _ in range(2)
    ]
    barrier = threading.Barrier(2)
    faults: list[bytes] = []

    def submit(number: int, server: EmulatorServer) -> None:
        session = requests.Session()
        for pair in range(PAIRS):
            barrier.wait(timeout=60)
            data = upload(f"race-{number}-{pair}", f"race/{pair}.jpg")
            answer = session.post(server.service_url, data=data, timeout=60)
            if answer.status_code != 200:
                faults.append(answer.content)

    try:
        threads = [threading.Thread(target=submit, args=pair) for pair in enumerate(servers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for server in servers:
            server.stop()
    codes = [re.findall(rb"<tns:code>(\d+)</tns:code>|(UniqueViolation)", f) for f in faults]
    assert faults == [], codes
    engine = create_engine(url)
    with engine.connect() as connection:
        assets = connection.execute(
            text("SELECT name, COUNT(*) FROM asset WHERE folder = 'race/' GROUP BY name")
        ).all()
        kinds = connection.execute(
            text(
                "SELECT e.log_type, COUNT(*) FROM job_log_entry e JOIN job j ON j.id = e.job_id"
                " WHERE j.original_name LIKE 'race-%' AND e.log_type IN"
                " ('UploadSuccess', 'FileUpdated') GROUP BY e.log_type ORDER BY e.log_type"
            )
        ).all()
    engine.dispose()
    assert sorted(assets) == sorted((f"{pair}", 1) for pair in range(PAIRS))
    # Per path: one job created the asset, the other updated it (overwrite).
    assert [tuple(k) for k in kinds] == [("FileUpdated", PAIRS), ("UploadSuccess", PAIRS)]
