"""How long the pytest plugin takes to be ready: import to first answered SOAP call.

    .venv/bin/python bench/plugin_startup.py [--runs 7]

Each run is a fresh interpreter doing what the plugin does for a suite's first test:
``import ips_emulator.testing``, start the server (``ips_server``), reset it
(``ips_emulator``), build a zeep client from the served WSDL and call
getAssetJobLogs. Prints the median of every phase, cumulative from the import.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile

PHASES = ["import", "server started", "first reset", "client built", "first call answered"]

RUN = """
import json, sys, time
started = time.perf_counter()
marks = []
import ips_emulator.testing as testing
marks.append(time.perf_counter())
server = testing.start_server(directory=sys.argv[1])
marks.append(time.perf_counter())
emulator = testing.IpsEmulator(server).begin()
marks.append(time.perf_counter())
client = emulator.client()
marks.append(time.perf_counter())
entries = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
marks.append(time.perf_counter())
assert len(entries) == 2, entries
emulator.end()
server.stop()
print(json.dumps([mark - started for mark in marks]))
"""


def one_run() -> list[float]:
    with tempfile.TemporaryDirectory(prefix="ips-bench-") as folder:
        out = subprocess.run(
            [sys.executable, "-c", RUN, folder], capture_output=True, text=True, check=True
        ).stdout
    marks: list[float] = json.loads(out.splitlines()[-1])
    return marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters to time")
    args = parser.parse_args(argv)
    runs = [one_run() for _ in range(args.runs)]
    print(f"plugin start-up, median of {args.runs} fresh interpreters (seconds since import):")
    for index, phase in enumerate(PHASES):
        values = [run[index] for run in runs]
        print(f"  {phase:<20} {statistics.median(values):6.3f}  (min {min(values):.3f})")
    ready = [run[-1] - run[0] for run in runs]
    print(f"  after the import:    {statistics.median(ready):6.3f}  to the first answered call")
    started = statistics.median(run[1] - run[0] for run in runs)
    verdict = "PASS" if started < 0.5 else "FAIL"
    print(f"TARGET plugin server ready after import: {started:.3f} s (goal < 0.5 s) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
