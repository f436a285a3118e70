"""One tenant's huge job and another tenant's calls.

    .venv/bin/python -m bench.tenant_isolation

Company A submits an uploadUrlsJob of 20,000 URLs (it runs for hours at job speed 1);
company B then calls getAssetJobLogs, the clock moving a second between calls, so A's
job always has due steps. Target: B's median latency with A's job running is at most
1.5 times B's median latency before it was submitted (measured in the same run). Before
catch-up was scoped to the call's company, every call re-read every running job's plan:
2 ms became 51 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import requests

from bench._fixtures import NS, SOAP, START
from ips_emulator.config import Settings
from ips_emulator.domain.clock import ManualClock
from ips_emulator.server.app import create_app
from ips_emulator.server.runner import EmulatorServer

URLS = 20_000
CALLS = 60
SEED = {
    "companies": [{"handle": "c|100", "name": "Tenant A"}, {"handle": "c|200", "name": "Tenant B"}],
    "users": [
        {"email": "a@bench.test", "password": "pw", "role": "IpsUser", "companies": ["c|100"]},
        {"email": "b@bench.test", "password": "pw", "role": "IpsUser", "companies": ["c|200"]},
    ],
    "assets": [
        {
            "company": "c|200",
            "name": "b-asset",
            "type": "Image",
            "handle": "a|b",
            "created": "2019-12-31T00:00:00Z",
        }
    ],
}


def _envelope(user: str, body: str) -> bytes:
    header = (f'<authHeader xmlns="http://www.scene7.com/IpsApi/xsd"><user>{user}</user>'
              "<password>pw</password></authHeader>")  # fmt: skip
    return (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header>{header}</soapenv:Header>'
        f"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


B_CALL = _envelope(
    "b@bench.test",
    f'<getAssetJobLogsParam xmlns="{NS}"><companyHandle>c|200</companyHandle>'
    "<assetHandle>a|b</assetHandle></getAssetJobLogsParam>",
)


def _submit_big_job(url: str) -> None:
    items = "".join(f"<items><sourceUrl>http://example.com/{i}.jpg</sourceUrl>"
                    f"<destPath>big/{i}.jpg</destPath></items>" for i in range(URLS))  # fmt: skip
    body = (f'<submitJobParam xmlns="{NS}"><companyHandle>c|100</companyHandle>'
            "<jobName>huge</jobName><uploadUrlsJob><urlArray>"
            f"{items}</urlArray><overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
            "<createMask>false</createMask><emailSetting>None</emailSetting>"
            "</uploadUrlsJob></submitJobParam>")  # fmt: skip
    answer = requests.post(url, data=_envelope("a@bench.test", body), timeout=600)
    assert answer.status_code == 200, answer.text[:500]


def _b_latency(url: str, clock: ManualClock) -> float:
    """Median seconds of B's call, the clock a second on before each."""
    times = []
    with requests.Session() as session:
        for _ in range(CALLS):
            clock.advance(timedelta(seconds=1))
            started = time.perf_counter()
            answer = session.post(url, data=B_CALL, timeout=60)
            times.append(time.perf_counter() - started)
            assert answer.status_code == 200, answer.text[:300]
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        clock = ManualClock(START)
        database = f"sqlite:///{Path(folder) / 'bench.db'}"
        server = EmulatorServer(create_app(Settings(database_url=database), clock)).start()
        try:
            server.app.seed(SEED)
            url = server.service_url
            before = _b_latency(url, clock)
            _submit_big_job(url)
            during = _b_latency(url, clock)
        finally:
            server.stop()
    ratio = during / before
    print(f"tenant B getAssetJobLogs: {before * 1000:.2f} ms alone, {during * 1000:.2f} ms "
          f"while tenant A's {URLS:,}-URL job runs")  # fmt: skip
    verdict = "PASS" if ratio <= 1.5 else "FAIL"
    print(
        f"TARGET tenant isolation: B's latency {ratio:.2f}x with A's job (goal <= 1.5x) {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
