"""Optional per-user limit on failed logins (``Settings.login_failure_limit``, off by default).

Failures are counted per user name in a sliding window of real (monotonic) time, so
moving the emulator's clock does not unlock anyone. While a user is over the limit,
every login as that user is refused, right password or not: that is what stops a
password being guessed. Names are counted under ``email_key``, the key the user lookup
uses, so `` Demo@x`` and ``demo@x`` share one counter.

Memory is bounded without letting made-up names evict a real user's counter: names of
existing users are counted apart (their number is bounded by the user table), and
names nobody has are kept in a bounded table that forgets its oldest entries.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from ips_emulator.domain.login_checks import KdfBudget
from ips_emulator.errors import AuthenticationError, FaultCode
from ips_emulator.records import email_key

WINDOW_SECONDS = 60.0
_MAX_UNKNOWN = 10_000  # distinct unknown user names tracked at once


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
        self._known: dict[str, deque[float]] = {}
        #: Least recently failed first: the first to go when the table is full.
        self._unknown: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()
        #: scrypt time failed logins may take (``login_checks``), whatever the limit.
        self.kdf_budget = KdfBudget()

    def _prune(self, failures: deque[float], now: float) -> deque[float]:
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def is_locked(self, user: str) -> bool:
        """Whether ``user`` has reached the limit within the window."""
        if self.limit is None:
            return False
        key = email_key(user)
        with self._lock:
            failures = self._known.get(key) or self._unknown.get(key)
            return failures is not None and len(self._prune(failures, self._now())) >= self.limit

    def check(self, user: str) -> None:
        """Raise 10001 "too many attempts" while ``user`` is over the limit."""
        if self.is_locked(user):
            raise AuthenticationError(
                FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS,
                "Too many failed login attempts for this user: try again in a minute.",
            )

    def failed(self, user: str, known: bool) -> None:
        """Count a failed login of ``user``; ``known``: a user of that name exists."""
        if self.limit is None:
            return
        key = email_key(user)
        with self._lock:
            now = self._now()
            if known:
                failures = self._known.setdefault(key, deque())
                self._prune(failures, now).append(now)
                return
            failures = self._unknown.setdefault(key, deque())
            self._unknown.move_to_end(key)  # now the most recently failed
            self._prune(failures, now).append(now)
            while len(self._unknown) > _MAX_UNKNOWN:
                self._unknown.popitem(last=False)
