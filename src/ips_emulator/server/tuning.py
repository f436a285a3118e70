"""Process settings for a serving emulator (the CLI's ``serve``, not the pytest plugin)."""

from __future__ import annotations

import gc
import logging
import sys

if sys.platform != "win32":  # Windows has no resource limits to raise
    import resource

log = logging.getLogger(__name__)

# Answers are built from many short-lived objects (a 1,000-entry page makes tens of
# thousands): with CPython's default thresholds the collector runs every few hundred
# allocations and scans the long-lived application each time (about 30% of a page).
_GC_THRESHOLDS = (50_000, 20, 100)

#: Threads per serving process. Calls are CPU-bound, and the SQLite driver lets go of
#: the GIL at every step, so threads of one process mostly queue for it and switch:
#: in bench/serialization.py one thread answers about 1.4x the calls of four. Scale
#: with ``--workers`` (processes) instead; ``--threads N`` stays available.
SERVE_THREADS = 1


def tune_for_serving() -> None:
    """Move what exists now (the application) out of the collector's way, collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


#: Descriptors a serving process needs besides its connections: the listener, the
#: database files, waitress's wake-up pipe, gunicorn's heartbeat file, logs.
_SPARE_FILES = 64


def allow_connections(limit: int) -> None:
    """Let this process open ``limit`` connections: raise its soft limit of open files
    (often 1,024) as far as needed and the hard limit allows. Past it, every accept()
    fails with EMFILE while the listener stays ready, and waitress would log each try."""
    if sys.platform == "win32":
        return
    needed = limit + _SPARE_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= needed:
        return
    allowed = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
    if allowed > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (allowed, hard))
    if allowed < needed:
        log.warning(
            "connection limit %d: this process may open only %d files (ulimit -n); "
            "lower --connection-limit or raise the hard limit",
            limit,
            allowed,
        )
