"""Latency with 1,000,000 log entries in the database against 1,000, and memory.

    .venv/bin/python -m bench.scale [--large 1000000]

Two SQLite databases hold the same benchmark data (an asset with 20 entries, a job
with 1,000), one with 1,000 other entries around it and one with 1,000,000. Each is
served by its own emulator process; the median latency of getAssetJobLogs and of a
1,000-row getJobLogDetails page is measured on both. Targets: large within 1.5x of
small; the large server's resident memory under 200 MB while serving those pages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench._fixtures import ASSET_LOGS, DETAILS, bench_document, free_port, start, wait_until_up
from bench._load import target
from bench.serialization import serve_emulator

REQUESTS = 60


def build(database_url: str, entries: int) -> None:
    from ips_emulator import Settings, create_app
    from ips_emulator.domain.generate import GenerateOptions, generate

    app = create_app(Settings(database_url=database_url))
    app.seed(bench_document())
    generate(app.database, GenerateOptions(companies=5, assets=5_000, logs=entries, seed=1))
    app.database.dispose()


def median_latency(url: str, body: bytes) -> float:
    session = requests.Session()
    for _ in range(5):  # warm up
        session.post(url, data=body, timeout=60)
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = session.post(url, data=body, timeout=60)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.content[:300]
    return statistics.median(times)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ips-scale-"))
    urls, processes = {}, {}
    for size in (args.small, args.large):
        database_url = f"sqlite:///{folder / f'db{size}.db'}"
        started = time.perf_counter()
        build(database_url, size)
        print(f"built {size:,} entries in {time.perf_counter() - started:.1f} s")
        port = free_port()
        urls[size] = f"http://127.0.0.1:{port}/scene7/services/IpsApiService"
        processes[size] = start(serve_emulator, port, database_url)
        wait_until_up(urls[size], ASSET_LOGS)
    lines = []
    for name, body in (("getAssetJobLogs", ASSET_LOGS), ("getJobLogDetails 1,000 rows", DETAILS)):
        small = median_latency(urls[args.small], body)
        large = median_latency(urls[args.large], body)
        ratio = large / small
        print(f"{name}: {small * 1000:.2f} ms with {args.small:,} entries, "
              f"{large * 1000:.2f} ms with {args.large:,} ({ratio:.2f}x)")  # fmt: skip
        lines.append(target(f"{name} latency at {args.large:,} entries", f"{ratio:.2f}x of "
                            f"{args.small:,}", "<= 1.50x", ratio <= 1.5))  # fmt: skip
    memory = rss_mb(processes[args.large].pid or 0)
    lines.append(target("server memory serving 1,000-row pages", f"{memory:.0f} MB",
                        "< 200 MB", memory < 200))  # fmt: skip
    for process in processes.values():
        process.terminate()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
