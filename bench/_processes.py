"""Servers under test as processes pinned to one core, the load on another.

On a 2-core machine a server and its load generator sharing both cores measure each
other: pinning gives each a core of its own, as in issue 19's measurements. A server's
children (gunicorn's worker, granian's) inherit the pinning.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import requests


def cpus() -> tuple[int, int] | None:
    """(the server's core, the load's core), or None with fewer than two to choose from."""
    allowed = sorted(os.sched_getaffinity(0))
    return (allowed[0], allowed[1]) if len(allowed) >= 2 else None


def pin_self(cpu: int | None) -> None:
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    pids: tuple[int, ...] = ()

    def rss_mb(self) -> float:
        """Resident memory of the process and its descendants (gunicorn's worker...).

        The process tree is read once (``wait_until_answering``): scanning /proc takes
        milliseconds, and this is sampled inside the load loop, where a stall would
        show in the latencies.
        """
        return sum(_rss_kb(pid) for pid in self.pids or (self.process.pid,)) / 1024

    def cpu_seconds(self) -> float:
        """CPU time so far of the process and its descendants' threads (schedstat, ns)."""
        total = 0
        for pid in self.pids or (self.process.pid,):
            try:
                tasks = list(Path(f"/proc/{pid}/task").iterdir())
            except OSError:
                continue
            for task in tasks:
                try:
                    total += int((task / "schedstat").read_text().split()[0])
                except (OSError, ValueError, IndexError):
                    continue
        return total / 1e9

    def stop(self) -> None:
        """SIGTERM to the server's own process group (it was started as its leader)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def launch(
    name: str,
    url: str,
    command: Sequence[str],
    *,
    cwd: Path,
    log: Path,
    cpu: int | None,
    env: Mapping[str, str] | None = None,
) -> Server:
    """Starts ``command`` pinned to ``cpu`` in a session of its own, output to ``log``."""

    def pin() -> None:  # in the child, before exec: every thread it makes inherits it
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    with log.open("wb") as out:
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=pin,
            start_new_session=True,
        )
    return Server(name, url, process, log)


def wait_until_answering(server: Server, body: bytes, timeout: float = 90.0) -> None:
    """Until ``body`` gets a 200; a server that exits or never answers raises with its log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            if requests.post(server.url, data=body, timeout=10).status_code == 200:
                server.pids = tuple(_tree(server.process.pid))
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    tail = server.log.read_text(errors="replace")[-2000:]
    raise RuntimeError(f"{server.name} did not answer at {server.url}; its output:\n{tail}")


def without_emulator_settings() -> dict[str, str]:
    """This environment minus IPS_EMULATOR_*: the emulator runs on its defaults."""
    return {k: v for k, v in os.environ.items() if not k.startswith("IPS_EMULATOR_")}


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The command name may hold spaces and parentheses: the fields follow the last ')'.
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
