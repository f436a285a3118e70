"""The lxml responder and the emulator under waitress (answering on its loop's thread, as
``ips-emulator serve`` does, or on a task thread), gunicorn (gthread) and granian.

    .venv/bin/python -m bench.servers [--granian DIR] [--rounds 3] [--seconds 8]

A comparison to report (bench/README.md), with no target and not in ``make bench``:
``ips-emulator serve`` uses waitress and changes server only if this says it should.
Every server gets one process with one thread for the application, pinned to one core
(its children too), the load on the other (``bench.peers``' harness: 8 keep-alive
connections, rounds interleaved, the first rotating). The emulator under waitress is
``ips-emulator serve`` itself; under the others it is the application it builds
(``bench.wsgi_apps.emulator``). Both answer getAssetJobLogs for 20 and 1,000 entries.

granian is no dependency of the project: install it into a folder of its own
(``.venv-tools/bin/python -m pip install --target DIR granian``) and pass ``--granian
DIR``; without it granian is left out. Memory is the server's whole process tree
(gunicorn's and granian's main process and worker).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench._fixtures import asset_logs_request, free_port
from bench._load import Round
from bench._processes import Server, cpus, launch, pin_self, wait_until_answering
from bench._processes import without_emulator_settings as clean_env
from bench.peers import ROOT, SERVICE, SIZES, measure, post, prepare, rows_of, spread
from bench.peers import table as peers_table
from bench.wsgi_apps import ANSWERS_ENV


def commands(app: str, port: int, granian: Path | None) -> dict[str, list[str]]:
    """The command serving ``app`` (emulator, lxml) under each server."""
    python = sys.executable
    waitress = (
        [str(Path(python).with_name("ips-emulator")), "serve", "--port", str(port)]
        if app == "emulator"
        else [python, "-m", "bench.wsgi_apps", "lxml", str(port)]
    )
    found = {
        "waitress": waitress,
        "waitress task thread": [python, "-m", "bench.wsgi_apps", app, str(port), "task-thread"],
        "gunicorn gthread": [
            python, "-m", "gunicorn", "--worker-class", "gthread", "--workers", "1",
            "--threads", "1", "--bind", f"127.0.0.1:{port}", "--timeout", "120",
            "--no-control-socket", f"bench.wsgi_apps:{app}()",
        ],
    }  # fmt: skip
    if granian is not None:
        found["granian"] = [
            python, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(port), "--workers", "1", "--runtime-threads", "1",
            "--blocking-threads", "1", "--http", "1", "--no-ws", "--factory",
            f"bench.wsgi_apps:{app}",
        ]  # fmt: skip
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--granian", type=Path, help="a folder granian was installed into")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    pinning = cpus()
    server_cpu, load_cpu = pinning if pinning else (None, None)
    folder = Path(tempfile.mkdtemp(prefix="ips-servers-"))
    prepare(folder)
    # Answers for the lxml responder: the emulator's rows, from a first emulator.
    path = [str(ROOT)] + ([str(args.granian.resolve())] if args.granian else [])
    env = {**clean_env(), "PYTHONPATH": ":".join(path), ANSWERS_ENV: str(folder / "answers.json")}
    servers: list[Server] = []
    try:
        for app in ("emulator", "lxml"):
            for server_name in commands(app, 0, args.granian):
                port = free_port()
                command = commands(app, port, args.granian)[server_name]
                name = f"{app} / {server_name}"
                url = f"http://127.0.0.1:{port}{SERVICE}"
                log = folder / f"{app}-{server_name.replace(' ', '-')}.log"
                servers.append(launch(name, url, command, cwd=folder, log=log, cpu=server_cpu,
                                      env=env))  # fmt: skip
                wait_until_answering(servers[-1], asset_logs_request("a|bench"))
                if len(servers) == 1:
                    answers = {h: rows_of(post(url, asset_logs_request(h))) for _, h, _ in SIZES}
                    (folder / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
        pin_self(load_cpu)
        for label, handle, _ in SIZES:
            body = asset_logs_request(handle)
            first = post(servers[0].url, body)
            same = all(post(s.url, body) == first for s in servers[1:])
            print(f"\ngetAssetJobLogs, {label}: the same bytes from every server: {same}")
            results = measure(servers, body, args.rounds, args.seconds, args.connections)
            table(results)
    finally:
        for server in servers:
            server.stop()
    return 0


def table(results: dict[str, list[Round]]) -> None:
    peers_table(results, width=30)
    for server in ("waitress task thread", "gunicorn gthread", "granian"):
        for app in ("emulator", "lxml"):
            base, other = results.get(f"{app} / waitress"), results.get(f"{app} / {server}")
            if base and other:
                ratios = [o.rate / b.rate for o, b in zip(other, base, strict=True)]
                ratio = spread(ratios, digits=2)
                print(f"  {app} under {server} / under waitress, per round: {ratio}")


if __name__ == "__main__":
    sys.exit(main())
