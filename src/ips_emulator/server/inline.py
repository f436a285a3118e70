"""One serving thread: waitress's requests answered on its event loop's own thread.

``ips-emulator serve`` answers calls on one thread (``tuning.SERVE_THREADS``). Under
waitress's threaded dispatcher that thread is a second one beside the event loop's, and
every request crossed between them: a queue, a condition variable, and the GIL handed
back and forth at each SQLite step (the driver lets go of it, the loop's thread takes
it). Answering on the loop's thread instead, between two polls, took about a ninth of
a small call's CPU time (bench/README.md, "WSGI servers").

waitress still reads each request whole before it is answered, so idle and trickling
connections cost nothing; while a call runs, other connections wait (as they waited for
the one worker thread), and the listening socket is closed at once on a stop signal
(``shutdown.stop_listening``). ``shutdown.serve_until`` drives the loop: it polls, then
``run_ready`` answers what arrived. Connections the failed-login tarpit holds wait in a
queue here, released by the loop when their turn comes (``poll_timeout``).
"""

from __future__ import annotations

from collections import deque
from typing import Any

from waitress.task import ThreadedTaskDispatcher

from ips_emulator.server.tarpit import FailedLoginTarpit, HeldChannels


class InlineDispatcher(ThreadedTaskDispatcher):
    """waitress's task dispatcher interface, with no threads: ``run_ready`` answers."""

    def __init__(self, tarpit: FailedLoginTarpit) -> None:
        super().__init__()
        self._ready: deque[Any] = deque()
        self._held = HeldChannels(tarpit)
        #: A call is being answered (on this, the loop's thread): the loop is not polling.
        self.answering = False

    def set_thread_count(self, count: int) -> None:
        """No threads: the loop's own thread answers."""

    def add_task(self, task: Any) -> None:
        """A channel with a whole request (waitress queues the channel itself)."""
        if not self._held.hold(task):
            self._ready.append(task)

    def poll_timeout(self, longest: float) -> float:
        """How long the loop may wait for sockets: not at all with requests ready, not
        past the first held connection's turn."""
        if self._ready:
            return 0.0
        wait = self._held.wait()
        return longest if wait is None else max(0.0, min(longest, wait))

    def run_ready(self) -> None:
        """Answer the requests ready now, one each, in arrival order. A channel with
        more requests queues itself again, behind the others, for after the next poll."""
        self._ready.extend(self._held.release_due())
        self.answering = True
        try:
            for _ in range(len(self._ready)):
                self._ready.popleft().service()
        finally:
            self.answering = False

    def shutdown(self, cancel_pending: bool = True, timeout: int = 5) -> bool:
        """Drop the requests not begun (the loop has stopped answering)."""
        waiting = self._held.release_all() + list(self._ready)
        self._ready.clear()
        for task in waiting:
            task.cancel()
        return True
