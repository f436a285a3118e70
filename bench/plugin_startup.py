"""What the pytest plugin costs: at pytest start-up, and to be ready for a first call.

    .venv/bin/python bench/plugin_startup.py [--runs 7]

First, pytest start-up in a directory of one trivial test, with the plugin (loaded by
its entry point, as in any suite where the package is installed) and without it
(``-p no:ips_emulator``): the CPU time of each run, the two taking turns, and the median
of the paired differences. The plugin must cost next to nothing until a fixture is used.

Then, each run a fresh interpreter doing what the plugin does for a suite's first test:
``import ips_emulator.testing``, start the server (``ips_server``), reset it
(``ips_emulator``), build a zeep client from the served WSDL and call
getAssetJobLogs. Prints the median of every phase, cumulative from the import.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

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


STARTUP_GOAL = 0.050  # seconds the plugin may add to a pytest start-up


def pytest_startup(folder: str, *extra: str) -> float:
    """CPU seconds (user + system) for pytest to start, collect and run one trivial test
    in ``folder``: unlike elapsed time, hardly changed by other load on the machine."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=folder, capture_output=True, check=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired_run(folder: str, index: int) -> tuple[float, float]:
    """(with the plugin, without it), in alternating order so neither always goes first."""
    if index % 2:
        without = pytest_startup(folder, "-p", "no:ips_emulator")
        return pytest_startup(folder), without
    return pytest_startup(folder), pytest_startup(folder, "-p", "no:ips_emulator")


def startup_cost(runs: int) -> int:
    """Median pytest start-up with and without the plugin, and their paired difference."""
    with tempfile.TemporaryDirectory(prefix="ips-bench-") as folder:
        Path(folder, "pytest.ini").write_text("[pytest]\n")  # the rootdir: not this repo
        Path(folder, "test_trivial.py").write_text("def test_trivial():\n    pass\n")
        pytest_startup(folder)  # warm the file-system cache and bytecode
        pairs = [paired_run(folder, index) for index in range(runs)]
    with_plugin = statistics.median(on for on, _ in pairs)
    without = statistics.median(off for _, off in pairs)
    extra = statistics.median(on - off for on, off in pairs)
    print(f"pytest start-up, CPU time, median of {runs} paired runs (one trivial test):")
    print(f"  with the plugin      {with_plugin:6.3f} s")
    print(f"  -p no:ips_emulator   {without:6.3f} s")
    verdict = "PASS" if extra < STARTUP_GOAL else "FAIL"
    print(
        f"TARGET plugin cost at pytest start-up: {extra * 1000:+.0f} ms "
        f"(goal < {STARTUP_GOAL * 1000:.0f} ms) {verdict}"
    )
    return 0 if verdict == "PASS" else 1


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
    startup_cost(max(args.runs, 9))
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
