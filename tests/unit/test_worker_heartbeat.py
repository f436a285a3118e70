"""A gunicorn worker answering on its loop's thread (one thread) still tells the master
it lives while a call runs: its heartbeat has a thread of its own (``server/workers.py``)."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

from ips_emulator.server.workers import WaitressWorker


def test_the_heartbeat_beats_on_its_own_thread_until_done() -> None:
    worker = WaitressWorker.__new__(WaitressWorker)  # gunicorn's own set-up is not needed
    beats: list[str] = []
    worker.cfg = SimpleNamespace(timeout=2)  # a beat every second (a quarter, at least 1 s)
    worker.notify = lambda: beats.append(threading.current_thread().name)
    done = threading.Event()
    beat = threading.Thread(target=worker._beat, args=(done,), name="heartbeat")
    beat.start()
    time.sleep(2.5)  # the loop's thread busy with a call, say
    done.set()
    beat.join(5)
    assert not beat.is_alive()
    assert beats[:2] == ["heartbeat", "heartbeat"]
    count = len(beats)
    time.sleep(1.2)
    assert len(beats) == count  # no beat once done
