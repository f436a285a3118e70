"""Failed logins: what they reveal by timing, and what they take from other callers.

    .venv/bin/python -m bench.login_flood

One emulator process (the server `ips-emulator serve` runs: one thread, the failed-login
tarpit, no login-failure limit), the load from this process. Targets:

* an unknown user and a known user with a wrong password take the same time: the median
  ratio of their latencies, called in turn (new passwords each time, so every call runs
  scrypt), lies within 0.8-1.25;
* four clients sending wrong passwords (a new one each call: the worst case, nothing
  remembered) leave a logged-in client at least half its throughput alone, measured
  after the KDF budget's burst is spent. Four clients repeating one wrong password are
  reported too (answered from memory).
"""

from __future__ import annotations

import http.client
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench._fixtures import ASSET_LOGS, NS, SOAP, free_port, start, wait_until_up
from bench._load import hammer, target
from bench.serialization import prepare, serve_emulator

KNOWN = "demo@ips-emulator.test"
UNKNOWN = "nobody@ips-emulator.test"
PAIRS = 25  # 50 failed logins: within the KDF budget's burst
SECONDS = 4.0
WARM_UP = 8.0  # longer than the KDF budget's burst lasts under the flood (5 s at 0.9 net)


def wrong_login(user: str, password: str) -> bytes:
    header = (
        f'<authHeader xmlns="http://www.scene7.com/IpsApi/xsd"><user>{user}</user>'
        f"<password>{password}</password></authHeader>"
    )
    return (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header>{header}</soapenv:Header>'
        f'<soapenv:Body><getCompanyInfoParam xmlns="{NS}"><companyHandle>c|6</companyHandle>'
        "</getCompanyInfoParam></soapenv:Body></soapenv:Envelope>"
    ).encode()


def _post(connection: http.client.HTTPConnection, path: str, body: bytes) -> int:
    headers = {"Content-Type": "text/xml; charset=UTF-8", "SOAPAction": '""'}
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def timing_ratio(port: int, path: str) -> float:
    """Median over pairs of an unknown-user login's latency over the known-user wrong
    password's just before it: adjacent calls see the same machine load."""
    ratios, times = [], []
    for _ in range(PAIRS):
        # A connection per pair: 50 failures on one would reach the tarpit's hold.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.connect()
        pair = []
        for user in (KNOWN, UNKNOWN):
            started = time.perf_counter()
            assert _post(connection, path, wrong_login(user, uuid.uuid4().hex)) == 500
            pair.append(time.perf_counter() - started)
        ratios.append(pair[1] / pair[0])
        times.append(pair)
        connection.close()
    known = statistics.median(t[0] for t in times)
    unknown = statistics.median(t[1] for t in times)
    print(f"median failed login: known user {known * 1000:.1f} ms, unknown {unknown * 1000:.1f} ms")
    return statistics.median(ratios)


def flood(port: int, path: str, stop: threading.Event, fresh: bool) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = wrong_login(KNOWN, "always-the-same")
    while not stop.is_set():
        _post(connection, path, wrong_login(KNOWN, uuid.uuid4().hex) if fresh else body)
    connection.close()


def good_company(port: int, path: str, stop: threading.Event, fresh: bool) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while not stop.is_set():
        _post(connection, path, ASSET_LOGS)
    connection.close()


def good_rate_under_flood(url: str, port: int, path: str, fresh: bool | None) -> float:
    """The logged-in client's rate beside 4 clients: wrong passwords, or (None) logged in."""
    stop = threading.Event()
    work = good_company if fresh is None else flood
    pool = [threading.Thread(target=work, args=(port, path, stop, fresh)) for _ in range(4)]
    for thread in pool:
        thread.start()
    time.sleep(WARM_UP)  # the budget's burst goes first
    rate = hammer(url, ASSET_LOGS, SECONDS, 1).rate
    stop.set()
    for thread in pool:
        thread.join()
    time.sleep(WARM_UP)  # let the budget refill for what comes next
    return rate


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="ips-bench-"))
    database_url = f"sqlite:///{folder / 'bench.db'}"
    prepare(database_url)
    port = free_port()
    path = "/scene7/services/IpsApiService"
    url = f"http://127.0.0.1:{port}{path}"
    process = start(serve_emulator, port, database_url)
    wait_until_up(url, ASSET_LOGS)
    ratio = timing_ratio(port, path)
    alone = hammer(url, ASSET_LOGS, SECONDS, 1).rate
    shared = good_rate_under_flood(url, port, path, None)
    fresh = good_rate_under_flood(url, port, path, fresh=True)
    same = good_rate_under_flood(url, port, path, fresh=False)
    process.terminate()
    print(f"logged-in client: alone {alone:.0f} calls/s, beside 4 other logged-in clients "
          f"{shared:.0f} (its fair share of the one serving thread), beside 4 clients sending "
          f"new wrong passwords {fresh:.0f}, beside 4 repeating one {same:.0f}")  # fmt: skip
    print(target("login timing, unknown / known user with a wrong password", f"{ratio:.2f}",
                 "0.80-1.25", 0.8 <= ratio <= 1.25))  # fmt: skip
    print(target("logged-in client under a flood of new wrong passwords", f"{fresh / alone:.2f}"
                 " of its throughput alone", ">= 0.50", fresh / alone >= 0.5))  # fmt: skip
    print(target("logged-in client under a flood of one wrong password", f"{same / alone:.2f}"
                 " of its throughput alone", ">= 0.50", same / alone >= 0.5))  # fmt: skip
    print(target("logged-in client under a flood of new wrong passwords, against its fair "
                 "share", f"{fresh / shared:.2f} of its rate beside 4 logged-in clients",
                 ">= 0.50", fresh / shared >= 0.5))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
