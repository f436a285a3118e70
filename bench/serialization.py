"""Requests per second of the emulator against a minimal lxml responder (the ceiling).

    .venv/bin/python -m bench.serialization

Both serve the same bytes through the same WSGI server (waitress, answering on its
event loop's thread as `ips-emulator serve` does) in their own process; the load comes
from this process.
Targets: >= 0.5 of the ceiling for getAssetJobLogs (20 entries) and getJobLogDetails
(1,000 entries), as the median of fifteen one-second rounds, the two servers taking
turns: on a shared machine the speed drifts over seconds, and short alternating
rounds see both servers under the same conditions.
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import requests
from lxml import etree

from bench import lxml_ceiling
from bench._fixtures import ASSET_LOGS, DETAILS, NS, bench_document, free_port, start, wait_until_up
from bench._load import hammer, target

SECONDS = 1.0
ROUNDS = 15
CLIENTS = 4


def serve_emulator(port: int, database_url: str) -> None:
    from ips_emulator import Settings, create_app
    from ips_emulator.server.connections import create_http_server
    from ips_emulator.server.shutdown import serve_until
    from ips_emulator.server.tuning import SERVE_THREADS, tune_for_serving

    app = create_app(Settings(database_url=database_url))
    tune_for_serving()  # as `ips-emulator serve` does
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # idem
    # The server `ips-emulator serve` runs: its connection limits and failed-login tarpit.
    server = create_http_server(app, SERVE_THREADS, host="127.0.0.1", port=port)
    serve_until(server, lambda: False, 0)


def serve_ceiling(port: int, answers: dict[str, Any]) -> None:
    from bench.wsgi_apps import serve_waitress

    builders = {
        "getAssetJobLogsParam": lxml_ceiling.asset_logs(answers["asset"]),
        "getJobLogDetailsParam": lxml_ceiling.details(answers["log"], answers["details"]),
    }
    serve_waitress(lxml_ceiling.make_app(builders), port)  # as the emulator is served


def prepare(database_url: str) -> None:
    from ips_emulator import Settings, create_app

    app = create_app(Settings(database_url=database_url))
    app.seed(bench_document())
    app.database.dispose()


def rows(element: etree._Element) -> list[dict[str, str]]:
    return [{etree.QName(c).localname: c.text or "" for c in item} for item in element]


def answers_from(url: str) -> dict[str, Any]:
    """The emulator's own answers, as rows for the lxml responder to rebuild."""
    asset = etree.fromstring(requests.post(url, data=ASSET_LOGS, timeout=30).content)
    detail = etree.fromstring(requests.post(url, data=DETAILS, timeout=30).content)
    item = detail.find(f".//{{{NS}}}jobLogArray/{{{NS}}}items")
    assert item is not None
    log = {etree.QName(c).localname: c.text or "" for c in item if len(c) == 0}
    return {
        "asset": rows(asset.find(f".//{{{NS}}}jobLogArray")),  # type: ignore[arg-type]
        "log": log,
        "details": rows(item.find(f"{{{NS}}}detailArray")),  # type: ignore[arg-type]
    }


def compare(name: str, ours_url: str, ceiling_url: str, body: bytes) -> tuple[float, int]:
    """The median ratio of ROUNDS side-by-side rounds (a shared machine drifts), and errors."""
    hammer(ours_url, body, 0.5, CLIENTS)  # warm up
    hammer(ceiling_url, body, 0.5, CLIENTS)
    ratios, errors, rates = [], 0, {ours_url: [], ceiling_url: []}
    for round_ in range(ROUNDS):
        first, second = (ours_url, ceiling_url) if round_ % 2 == 0 else (ceiling_url, ours_url)
        results = {url: hammer(url, body, SECONDS, CLIENTS) for url in (first, second)}
        ours, ceiling = results[ours_url], results[ceiling_url]
        ratios.append(ours.rate / ceiling.rate)
        errors += ours.errors + ceiling.errors
        for url, result in results.items():
            rates[url].append(result.rate)
    ours_rate, ceiling_rate = (statistics.median(rates[url]) for url in (ours_url, ceiling_url))
    print(f"{name}: emulator {ours_rate:.0f} req/s, lxml ceiling {ceiling_rate:.0f} req/s "
          f"(medians); ratio per round {min(ratios):.2f}-{max(ratios):.2f}, "
          f"median {statistics.median(ratios):.2f}")  # fmt: skip
    return statistics.median(ratios), errors


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="ips-bench-"))
    database_url = f"sqlite:///{folder / 'bench.db'}"
    prepare(database_url)
    ours_port, ceiling_port = free_port(), free_port()
    ours_url = f"http://127.0.0.1:{ours_port}/scene7/services/IpsApiService"
    ceiling_url = f"http://127.0.0.1:{ceiling_port}/scene7/services/IpsApiService"
    processes = [start(serve_emulator, ours_port, database_url)]
    wait_until_up(ours_url, ASSET_LOGS)
    answers = answers_from(ours_url)
    processes.append(start(serve_ceiling, ceiling_port, answers))
    wait_until_up(ceiling_url, ASSET_LOGS)
    for name, body in (("getAssetJobLogs", ASSET_LOGS), ("getJobLogDetails", DETAILS)):
        same = (
            requests.post(ceiling_url, data=body, timeout=30).content
            == requests.post(ours_url, data=body, timeout=30).content
        )
        print(f"same bytes from both for {name}: {same}")
    lines = []
    for name, body in (("getAssetJobLogs (20 entries)", ASSET_LOGS),
                       ("getJobLogDetails (1,000 entries)", DETAILS)):  # fmt: skip
        ratio, errors = compare(name, ours_url, ceiling_url, body)
        lines.append(target(f"serialization {name}", f"{ratio:.2f} of the ceiling", ">= 0.50",
                            ratio >= 0.5 and errors == 0))  # fmt: skip
    for process in processes:
        process.terminate()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
