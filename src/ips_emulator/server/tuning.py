"""Process settings for a serving emulator (the CLI's ``serve``, not the pytest plugin)."""

from __future__ import annotations

import gc

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
