"""The emulator against a minimal lxml responder and a node ``soap`` server (issue 19).

    .venv/bin/python -m bench.peers [--rounds 3] [--seconds 8] [--connections 8]

All three answer the same getAssetJobLogs, for an asset with 20 entries and one with
1,000: the emulator started as ``ips-emulator serve`` starts it with its defaults (in a
folder holding the benchmark's ``ips-emulator.db``: every call authenticates, reads
the database, renders the messages, writes its access line); the lxml responder
(``bench/lxml_ceiling.py``, under waitress, one thread) writing the emulator's very
bytes; and the npm package ``soap`` (``bench/node_peer/``, pinned in its
package-lock.json, installed with ``npm ci``) serving the emulator's own 2008-01-15
WSDL with a handler returning the emulator's rows. Before measuring, the lxml answer
must equal the emulator's bytes and node's its elements (names, namespaces, order and
texts; node writes other prefixes).

Each server runs pinned to one core and the load (``bench._load.pound``: keep-alive
connections, each sending its next request when its answer is in) on the other; rounds
interleave the three servers, rotating which goes first. Reported per server: the
median over rounds of requests/s, of the round's p99 latency and of its CPU time per
call (steadier than the rate on a machine shared with other work), and the peak
resident memory sampled during the rounds. Targets: emulator/node >= 1.0 at 20 entries and
>= 2.0 at 1,000 (the median of the per-round ratios), the emulator's p99 no worse than
node's, the emulator's memory under this load <= 120 MB. Without node (>= 20.19, as
soap 1.13 requires) or npm it prints SKIP and exits 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import requests
from lxml import etree

from bench._fixtures import NS, asset_logs_request, bench_document, free_port, with_asset
from bench._load import Round, pound, target
from bench._processes import (
    Server,
    cpus,
    launch,
    pin_self,
    wait_until_answering,
    without_emulator_settings,
)
from bench.wsgi_apps import ANSWERS_ENV

ROOT = Path(__file__).resolve().parent.parent
NODE_PEER = ROOT / "bench" / "node_peer"
SERVICE = "/scene7/services/IpsApiService"
WSDL = "/scene7/webservice/IpsApi-2008-01-15.wsdl"
#: soap 1.13's package.json: "engines": {"node": ">=20.19.0"}.
NODE_AT_LEAST = (20, 19)
#: (label, assetHandle, entries)
SIZES = (("20 entries", "a|bench", 20), ("1,000 entries", "a|bench-1000", 1000))
GOALS = {"a|bench": 1.0, "a|bench-1000": 2.0}
RSS_GOAL_MB = 120.0


def node_problem() -> str | None:
    """Why the node peer cannot run here (None: it can)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return f"{'node' if node is None else 'npm'} not found on PATH"
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    try:
        found = tuple(int(part) for part in version.stdout.strip().lstrip("v").split(".")[:2])
    except ValueError:
        return f"cannot read node's version from {version.stdout!r}"
    if found < NODE_AT_LEAST:
        return f"node {version.stdout.strip()} is older than soap 1.13 needs (20.19)"
    return None


def install_node_peer() -> str | None:
    """``npm ci`` when node_modules is missing or older than the lock; the error, if any."""
    installed = NODE_PEER / "node_modules" / ".package-lock.json"
    lock = NODE_PEER / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return None
    print("npm ci in bench/node_peer ...", flush=True)
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=NODE_PEER,
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else (done.stderr or done.stdout).strip()[-1000:]


def prepare(folder: Path) -> None:
    """``ips-emulator.db`` in ``folder``, as `serve` would create it there (demo data
    included), plus the benchmark's assets."""
    from ips_emulator import Settings, create_app

    app = create_app(Settings(database_url=f"sqlite:///{folder / 'ips-emulator.db'}"))
    app.seed(with_asset(bench_document(), "a|bench-1000", 1000))
    app.database.dispose()


def rows_of(answer: bytes) -> list[dict[str, str]]:
    array = etree.fromstring(answer).find(f".//{{{NS}}}jobLogArray")
    assert array is not None, answer[:500]
    return [{etree.QName(c).localname: c.text or "" for c in item} for item in array]


def elements(answer: bytes) -> list[tuple[str, int, str]]:
    """Every element in document order: qualified name, child count, text of a leaf.
    Prefixes, namespace declarations and the XML declaration are left out."""
    return [
        (str(e.tag), len(e), "" if len(e) else (e.text or ""))
        for e in etree.fromstring(answer).iter()
    ]


def post(url: str, body: bytes) -> bytes:
    # No Accept-Encoding: the emulator gzips for clients that accept it, the load does not.
    headers = {"Content-Type": "text/xml; charset=UTF-8", "SOAPAction": '""',
               "Accept-Encoding": "identity"}  # fmt: skip
    response = requests.post(url, data=body, headers=headers, timeout=60)
    assert response.status_code == 200, response.content[:500]
    return response.content


def start_servers(folder: Path, server_cpu: int | None) -> list[Server]:
    """The emulator first: the others answer with what it answered."""
    url = "http://127.0.0.1:{}" + SERVICE
    port = free_port()
    ips_emulator = Path(sys.executable).with_name("ips-emulator")
    emulator = launch(
        "emulator",
        url.format(port),
        [str(ips_emulator), "serve", "--port", str(port)],
        cwd=folder,
        log=folder / "emulator.log",
        cpu=server_cpu,
        env=without_emulator_settings(),
    )
    servers = [emulator]
    try:
        wait_until_answering(emulator, asset_logs_request("a|bench"))
        answers = {h: rows_of(post(emulator.url, asset_logs_request(h))) for _, h, _ in SIZES}
        (folder / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
        wsdl = requests.get(emulator.url.replace(SERVICE, WSDL), timeout=30)
        wsdl.raise_for_status()
        (folder / "IpsApi-2008-01-15.wsdl").write_bytes(wsdl.content)
        port = free_port()
        servers.append(
            launch(
                "lxml responder",
                url.format(port),
                [sys.executable, "-m", "bench.wsgi_apps", "lxml", str(port)],
                cwd=ROOT,
                log=folder / "lxml.log",
                cpu=server_cpu,
                env={**without_emulator_settings(), ANSWERS_ENV: str(folder / "answers.json")},
            )
        )
        port = free_port()
        files = [str(folder / "IpsApi-2008-01-15.wsdl"), str(folder / "answers.json")]
        node = ["node", "server.js", str(port), *files]
        servers.append(
            launch(
                "node soap",
                url.format(port),
                node,
                cwd=NODE_PEER,
                log=folder / "node.log",
                cpu=server_cpu,
            )
        )
        for server in servers[1:]:
            wait_until_answering(server, asset_logs_request("a|bench"))
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers


def same_answers(servers: list[Server]) -> bool:
    emulator, lxml_responder, node = servers
    ok = True
    for label, handle, entries in SIZES:
        ours = post(emulator.url, asset_logs_request(handle))
        same_bytes = post(lxml_responder.url, asset_logs_request(handle)) == ours
        theirs = elements(post(node.url, asset_logs_request(handle)))
        same_elements = theirs == elements(ours)
        count = len(rows_of(ours))
        print(
            f"getAssetJobLogs {label}: {count} entries; lxml responder's bytes the "
            f"emulator's: {same_bytes}; node's elements the emulator's: {same_elements}"
        )
        ok = ok and same_bytes and same_elements and count == entries
    return ok


def measure(
    servers: list[Server], body: bytes, rounds: int, seconds: float, connections: int
) -> dict[str, list[Round]]:
    """``rounds`` rounds of every server, interleaved, the first rotating each round."""
    for server in servers:  # warm up: first calls build caches, JIT (node), pools
        pound(server.url, body, min(1.0, seconds), connections)
    results: dict[str, list[Round]] = {server.name: [] for server in servers}
    for index in range(rounds):
        shift = index % len(servers)
        for server in servers[shift:] + servers[:shift]:
            results[server.name].append(
                pound(server.url, body, seconds, connections, server.rss_mb, server.cpu_seconds)
            )
    return results


def spread(values: list[float], scale: float = 1.0, digits: int = 0) -> str:
    """``median (min-max)``."""
    lo, mid, hi = (scale * v for v in (min(values), statistics.median(values), max(values)))
    return f"{mid:,.{digits}f} ({lo:,.{digits}f}-{hi:,.{digits}f})"


def table(results: dict[str, list[Round]], width: int = 16) -> None:
    """Per server: req/s, p99, its CPU per call (median, min-max), peak memory, errors."""
    print(f"  {'server':<{width}}{'req/s':<22}{'p99 ms':<22}{'CPU ms/call':<22}"
          f"{'peak RSS MB':<12}errors")  # fmt: skip
    for name, runs in results.items():
        rates, p99s = [r.rate for r in runs], [r.p99 for r in runs]
        cpu = spread([r.cpu_per_call for r in runs], 1000, 2)
        peak, errors = max(r.peak_rss_mb for r in runs), sum(r.errors for r in runs)
        print(f"  {name:<{width}}{spread(rates):<22}{spread(p99s, 1000, 1):<22}{cpu:<22}"
              f"{peak:<12.0f}{errors}")  # fmt: skip


def report(label: str, handle: str, results: dict[str, list[Round]]) -> list[str]:
    print(f"\ngetAssetJobLogs, {label}: median (min-max) over {len(results['emulator'])} rounds")
    table(results)
    emulator, lxml_responder, node = results.values()
    to_node = [e.rate / n.rate for e, n in zip(emulator, node, strict=True)]
    to_lxml = [e.rate / x.rate for e, x in zip(emulator, lxml_responder, strict=True)]
    cpu_to_node = [n.cpu_per_call / e.cpu_per_call for e, n in zip(emulator, node, strict=True)]
    print(f"  emulator/node per round {spread(to_node, digits=2)}; "
          f"emulator/lxml responder {spread(to_lxml, digits=2)}; "
          f"node's CPU per call / the emulator's {spread(cpu_to_node, digits=2)}")  # fmt: skip
    errors = sum(r.errors for runs in results.values() for r in runs)
    ratio = statistics.median(to_node)
    ours_p99 = statistics.median(r.p99 for r in emulator)
    node_p99 = statistics.median(r.p99 for r in node)
    goal = GOALS[handle]
    return [
        target(f"peers getAssetJobLogs {label}, emulator/node req/s", f"{ratio:.2f}",
               f">= {goal:.2f}", ratio >= goal and errors == 0),
        target(f"peers getAssetJobLogs {label}, emulator p99 vs node's",
               f"{ours_p99 * 1000:.1f} vs {node_p99 * 1000:.1f} ms", "<= node's",
               ours_p99 <= node_p99 and errors == 0),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    problem = node_problem() or install_node_peer()
    if problem is not None:
        print(f"SKIP bench.peers (the node soap peer): {problem}")
        return 0
    pinning = cpus()
    server_cpu, load_cpu = pinning if pinning else (None, None)
    print(
        f"servers on CPU {server_cpu}, load on CPU {load_cpu}"
        if pinning
        else "one CPU only: servers and load share it (figures not comparable to pinned runs)"
    )
    folder = Path(tempfile.mkdtemp(prefix="ips-peers-"))
    prepare(folder)
    servers = start_servers(folder, server_cpu)
    try:
        pin_self(load_cpu)
        node_version = servers[2].log.read_text().strip()  # its banner names soap's version
        print(f"{node_version}; {args.rounds} rounds of {args.seconds:g} s per server and "
              f"size, {args.connections} keep-alive connections")  # fmt: skip
        if not same_answers(servers):
            print("the servers' answers differ: no comparison")
            return 1
        lines, peak = [], 0.0
        for label, handle, _ in SIZES:
            results = measure(
                servers, asset_logs_request(handle), args.rounds, args.seconds, args.connections
            )
            lines += report(label, handle, results)
            peak = max(peak, max(r.peak_rss_mb for r in results["emulator"]))
        memory = f"{peak:.0f} MB"
        goal = f"<= {RSS_GOAL_MB:.0f} MB"
        lines.append(target("peers emulator resident memory under this load", memory, goal,
                            peak <= RSS_GOAL_MB))  # fmt: skip
    finally:
        for server in servers:
            server.stop()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
