"""Where a getAssetJobLogs call's CPU time goes on the live server (issue 19 point 2).

    .venv/bin/python -m bench.breakdown [--seconds 20] [--entries 20|1000]

Not part of ``make bench``: it measures, it has no target, and it wraps private names
of the emulator (it stops with the name when one has moved). The emulator runs as
``ips-emulator serve`` runs it, through the CLI with the default settings, in a child
process pinned to one core, the load (8 keep-alive connections) on the other. In that
child each layer of a call is wrapped in a timer of the calling thread's CPU time
(``CLOCK_THREAD_CPUTIME_ID``: a thread waiting for the GIL or for the core, which
other work on a shared machine takes, is not counted), nested timers subtracted from
their callers' (exclusive times), and collector runs from whatever they interrupt.
The process's whole CPU time is read from the kernel (``/proc/.../schedstat``, every
thread); what the wrapped layers leave of it is waitress's own part (its event loop:
poll, accept, recv, HTTP parsing, send; and the task around the application, unless
that is wrapped). An unwrapped ``ips-emulator serve`` is measured in the same way
beforehand, for the CPU time per call the wrappers add.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench._fixtures import asset_logs_request, free_port
from bench._load import pound
from bench._processes import Server, cpus, launch, pin_self, wait_until_answering
from bench._processes import without_emulator_settings as clean_env
from bench.peers import ROOT, SIZES, prepare

HTTP = "HTTP: waitress's task (environ, start_response, write to the channel), body read"
GLUE = "app and endpoint glue (routing, SoapRequest, answer, headers)"
XML = "XML parse (hardened lxml parse, envelope split, headers read)"
CHECKS = "request checks against the declaration"
SPYNE = "spyne: method context, deserialization, dispatch, release"
AUTH = "auth: credentials, password check (cached), company access, role"
SQL_TX = "SQL: connection checkout, BEGIN, COMMIT"
SQL = "SQL: the queries (4 round trips)"
ROWS = "SQL rows to records (JSON params decoded)"
CATCH_UP = "job catch-up check (Python)"
RENDER = "entries built, logMessage rendered from the catalog"
WRITE = "response write (serializer, envelope)"
LOG = "access log line (formatted, written to stderr)"
JOURNAL = "journal entry (parameters without secrets)"
GC = "garbage collector"

#: (module, attribute: "name" or "Class.name", label). A module attribute is patched
#: where its caller looks it up (the importing module for a ``from x import name``).
TARGETS = [
    ("waitress.task", "WSGITask.service", HTTP),
    ("ips_emulator.server.app", "EmulatorApp.__call__", GLUE),
    ("ips_emulator.server.app", "read_body", HTTP),
    ("ips_emulator.server.app", "log_call", LOG),
    ("ips_emulator.server.app", "without_secrets", JOURNAL),
    ("ips_emulator.server.journal", "Journal.record", JOURNAL),
    ("ips_emulator.protocol.endpoint", "parse_request", XML),
    ("ips_emulator.protocol.endpoint", "soap_version_of", XML),
    ("ips_emulator.protocol.endpoint", "split_envelope", XML),
    ("ips_emulator.protocol.validation", "RequestChecker.check", CHECKS),
    ("ips_emulator.protocol.endpoint", "method_context", SPYNE),
    ("ips_emulator.protocol.endpoint", "release", SPYNE),
    ("spyne.server._base", "ServerBase.get_out_object", SPYNE),
    ("ips_emulator.protocol.endpoint", "SoapEndpoint._scope", GLUE),
    ("ips_emulator.domain.transactions", "Transactions.once", SQL_TX),
    ("ips_emulator.protocol.spyne_app", "_invoke", AUTH),
    ("ips_emulator.protocol.spyne_app", "authenticate", AUTH),
    ("ips_emulator.protocol.spyne_app", "authorize_operation", AUTH),
    ("ips_emulator.domain.job_logs", "company_for_caller", AUTH),
    ("ips_emulator.storage.prepared", "PreparedQuery.rows", SQL),
    ("sqlalchemy.engine.base", "Connection.execute", SQL),
    ("sqlalchemy.orm.session", "Session.execute", SQL),
    ("ips_emulator.domain.job_runner", "bring_up_to_date", CATCH_UP),
    ("ips_emulator.storage.job_logs", "asset_job_logs", ROWS),
    ("ips_emulator.domain.job_logs", "get_asset_job_logs", RENDER),
    ("ips_emulator.protocol.serializer", "ResponseWriter.body", WRITE),
    ("ips_emulator.protocol.envelope", "SoapVersion.wrap", WRITE),
]
LOOP = "HTTP: waitress's event loop (poll, accept, recv, parse HTTP, send)"


class Timers:
    """Exclusive CPU time per label, on every thread.

    Per label also the number of its calls and of the wrapped calls they made: what a
    wrapper costs its callee and its caller (``calibrate``) is taken out with them.
    """

    def __init__(self) -> None:
        self.totals: dict[str, int] = defaultdict(int)
        self.calls: dict[str, int] = defaultdict(int)
        self.children: dict[str, int] = defaultdict(int)
        self._local = threading.local()

    def _stack(self) -> list[list[int]]:
        stack: list[list[int]] | None = getattr(self._local, "stack", None)
        if stack is None:
            stack = self._local.stack = []
        return stack

    def wrap(self, module_name: str, attribute: str, label: str) -> None:
        owner: Any = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)  # AttributeError names what moved
        clock, timers = time.thread_time_ns, self

        def timed(*args: Any, **kwargs: Any) -> Any:
            stack = timers._stack()
            frame = [0, 0]  # the wrapped calls' time inside this one, and their number
            stack.append(frame)
            started = clock()
            try:
                return original(*args, **kwargs)
            finally:
                spent = clock() - started
                stack.pop()
                timers.totals[label] += spent - frame[0]
                timers.calls[label] += 1
                timers.children[label] += frame[1]
                if stack:
                    stack[-1][0] += spent
                    stack[-1][1] += 1

        setattr(owner, name, timed)

    def on_gc(self, phase: str, _info: dict[str, Any]) -> None:
        stack = self._stack()
        if stack is None:
            return
        if phase == "start":
            self._local.gc_started = time.thread_time_ns()
            return
        spent = time.thread_time_ns() - self._local.gc_started
        self.totals[GC] += spent
        self.calls[GC] += 1
        if stack:
            stack[-1][0] += spent  # out of the layer it interrupted

    def reset(self) -> None:
        for counts in (self.totals, self.calls, self.children):
            counts.clear()


def thread_cpu_ns(pid: int) -> dict[int, int]:
    """Each thread's CPU time so far (schedstat's first field, in ns)."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found[int(task.name)] = int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError):
            continue
    return found


def calibrate(repeat: int = 200_000) -> tuple[float, float]:
    """(ns a wrapper adds to the wrapped function's exclusive time, ns it adds to its
    caller's), measured on empty functions in a thread of this process."""
    module: Any = type(sys)("_calibration")
    module.leaf = lambda: None
    module.alone = lambda: None
    module.parent = lambda: module.leaf()
    sys.modules["_calibration"] = module
    timers = Timers()
    for name in ("leaf", "alone", "parent"):
        timers.wrap("_calibration", name, name)

    def run() -> None:
        for _ in range(repeat):
            module.alone()
            module.parent()

    worker = threading.Thread(target=run)  # apart from the serving thread
    worker.start()
    worker.join()
    del sys.modules["_calibration"]
    inner = timers.totals["leaf"] / repeat
    return inner, (timers.totals["parent"] - timers.totals["alone"]) / repeat


def child(port: int, out: Path) -> None:
    """``ips-emulator serve --port PORT`` with the timers in; SIGUSR1 resets them, SIGUSR2
    writes them to ``out``."""
    from ips_emulator.cli import main

    timers = Timers()
    for module_name, attribute, _label in TARGETS:
        timers.wrap(module_name, attribute, f"{module_name}:{attribute}")
    gc.callbacks.append(timers.on_gc)
    marks: dict[str, Any] = {}

    def reset(_signum: int, _frame: Any) -> None:
        timers.reset()
        marks["cpu"] = thread_cpu_ns(os.getpid())

    def dump(_signum: int, _frame: Any) -> None:
        ended = thread_cpu_ns(os.getpid())
        cpu = {tid: ended[tid] - marks["cpu"].get(tid, 0) for tid in ended}
        inner, outer = calibrate()
        data = {"totals": timers.totals, "calls": timers.calls, "children": timers.children,
                "cpu": sum(cpu.values()), "inner_ns": inner, "outer_ns": outer}  # fmt: skip
        out.write_text(json.dumps(data))

    signal.signal(signal.SIGUSR1, reset)
    signal.signal(signal.SIGUSR2, dump)
    main(["serve", "--port", str(port)])


def cpu_per_call(server: Server, body: bytes, seconds: float) -> tuple[float, float]:
    """(requests/s, the server's CPU µs per call) under the load."""
    before = sum(thread_cpu_ns(server.process.pid).values())
    done = pound(server.url, body, seconds)
    spent = sum(thread_cpu_ns(server.process.pid).values()) - before
    return done.rate, spent / 1000 / max(done.requests, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--entries", type=int, choices=[n for _, _, n in SIZES], default=20)
    parser.add_argument("--child", nargs=2, metavar=("PORT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]))
        return 0
    handle = next(h for _, h, n in SIZES if n == args.entries)
    body = asset_logs_request(handle)
    pinning = cpus()
    server_cpu, load_cpu = pinning if pinning else (None, None)
    folder = Path(tempfile.mkdtemp(prefix="ips-breakdown-"))
    prepare(folder)
    env = {**clean_env(), "PYTHONPATH": str(ROOT)}
    plain_port, timed_port, out = free_port(), free_port(), folder / "timers.json"
    url = "http://127.0.0.1:{}/scene7/services/IpsApiService"
    exe = str(Path(sys.executable).with_name("ips-emulator"))
    plain = launch("emulator", url.format(plain_port), [exe, "serve", "--port", str(plain_port)],
                   cwd=folder, log=folder / "plain.log", cpu=server_cpu, env=env)  # fmt: skip
    timed = launch("emulator with timers", url.format(timed_port),
                   [sys.executable, "-m", "bench.breakdown", "--child", str(timed_port), str(out)],
                   cwd=folder, log=folder / "timed.log", cpu=server_cpu, env=env)  # fmt: skip
    try:
        for server in (plain, timed):
            wait_until_answering(server, body)
        pin_self(load_cpu)
        for server in (plain, timed):
            pound(server.url, body, 3.0)  # warm up
        # Alternating quarters: a shared machine's speed drifts over seconds.
        timed.process.send_signal(signal.SIGUSR1)
        plain_runs, timed_rates = [], []
        for _ in range(4):
            plain_runs.append(cpu_per_call(plain, body, args.seconds / 4))
            timed_rates.append(pound(timed.url, body, args.seconds / 4).rate)
        timed.process.send_signal(signal.SIGUSR2)
        rate = statistics.mean(r for r, _ in plain_runs)
        plain_cpu = statistics.mean(c for _, c in plain_runs)
        timed_rate = statistics.mean(timed_rates)
        deadline = time.monotonic() + 30
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        data = json.loads(out.read_text())
    finally:
        plain.stop()
        timed.stop()
    inner, outer = data["inner_ns"], data["outer_ns"]
    counts, totals, children = data["calls"], data["totals"], data["children"]
    calls = counts["waitress.task:WSGITask.service"]  # one task per call
    labels = {f"{module}:{attribute}": label for module, attribute, label in TARGETS}
    rows: dict[str, float] = defaultdict(float)
    for key, ns in totals.items():
        # What the timers cost, out: their inner part in each call, their outer part in
        # each caller's (for each wrapped call it made).
        if key != GC:  # the collector's callback is no wrapper
            ns -= counts[key] * inner + children.get(key, 0) * outer
        rows[labels.get(key, key)] += ns / 1000 / calls
    wrapped = sum(counts.values()) - counts.get(GC, 0)
    overhead = wrapped * (inner + outer)
    rows[LOOP] = (data["cpu"] - sum(totals.values()) - calls * outer) / 1000 / calls
    total = sum(rows.values())
    print(f"getAssetJobLogs, {args.entries} entries, {args.seconds:g} s of load, 8 connections")
    print(f"unwrapped server: {rate:,.0f} req/s, {plain_cpu:.0f} µs CPU per call")
    print(f"wrapped server:   {timed_rate:,.0f} req/s, "
          f"{data['cpu'] / 1000 / calls:.0f} µs CPU per call, of which "
          f"the timers {overhead / 1000 / calls:.0f} µs ({wrapped / calls:.0f} per call, "
          f"{inner:.0f} + {outer:.0f} ns each): {total:.0f} µs without them")  # fmt: skip
    for label, micros in sorted(rows.items(), key=lambda item: -item[1]):
        print(f"  {micros:7.1f} µs  {100 * micros / total:5.1f}%  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
