"""Optional per-user limit on failed logins (``Settings.login_failure_limit``, off by default).

Failures are counted per user name in a sliding window of real (monotonic) time, so
moving the emulator's clock does not unlock anyone. While a user is over the limit,
every login as that user is refused, right password or not: that is what stops a
password being guessed. Memory is bounded: old failures are dropped as users are seen.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from ips_emulator.errors import AuthenticationError, FaultCode

WINDOW_SECONDS = 60.0
_MAX_USERS = 10_000  # distinct user names tracked at once


class LoginThrottle:
    """At most ``limit`` failed logins per user per ``window`` seconds; None never limits."""

    def __init__(
        self,
        limit: int | None,
        window: float = WINDOW_SECONDS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._now = now
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _prune(self, failures: deque[float], now: float) -> deque[float]:
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def check(self, user: str) -> None:
        """Raise 10001 "too many attempts" while ``user`` is over the limit."""
        if self.limit is None:
            return
        with self._lock:
            failures = self._failures.get(user.casefold())
            blocked = failures is not None and len(self._prune(failures, self._now())) >= self.limit
        if blocked:
            raise AuthenticationError(
                FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS,
                "Too many failed login attempts for this user: try again in a minute.",
            )

    def failed(self, user: str) -> None:
        """Count a failed login of ``user``."""
        if self.limit is None:
            return
        with self._lock:
            now = self._now()
            if len(self._failures) >= _MAX_USERS:
                self._forget_idle(now)
            failures = self._failures.setdefault(user.casefold(), deque())
            self._prune(failures, now).append(now)

    def _forget_idle(self, now: float) -> None:
        for user in [u for u, f in self._failures.items() if not f or f[-1] <= now - self.window]:
            del self._failures[user]
        if len(self._failures) >= _MAX_USERS:  # all active: an attack on many names at once
            self._failures.clear()
