"""Log entries per second that ``ips-emulator generate`` writes into a fresh SQLite file.

    .venv/bin/python bench/generate_speed.py [--logs 200000] [--companies 20] [--assets 5000]

Times the whole data set (schema excluded): companies, users with their one
password hash, assets, jobs and entries, in one transaction. Target: >= 50,000
entries/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ips_emulator.domain.generate import GenerateOptions, generate
from ips_emulator.storage.db import Database

TARGET = 50_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=200_000)
    parser.add_argument("--companies", type=int, default=20)
    parser.add_argument("--assets", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3, help="Best of this many runs.")
    args = parser.parse_args()
    rates = []
    with tempfile.TemporaryDirectory(prefix="ips-generate-") as folder:
        for run in range(args.runs):
            database = Database(f"sqlite:///{Path(folder) / f'run{run}.db'}")
            database.create_schema()
            options = GenerateOptions(
                companies=args.companies, assets=args.assets, logs=args.logs, seed=run
            )
            started = time.perf_counter()
            summary = generate(database, options)
            seconds = time.perf_counter() - started
            database.dispose()
            rates.append(summary.entries / seconds)
            print(f"run {run + 1}: {summary.entries:,} entries in {summary.jobs:,} jobs, "
                  f"{seconds:.2f} s, {rates[-1]:,.0f} entries/s")  # fmt: skip
    best = max(rates)
    verdict = "PASS" if best >= TARGET else "FAIL"
    print(f"TARGET generate into SQLite: {best:,.0f} entries/s (goal >= {TARGET:,}) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
