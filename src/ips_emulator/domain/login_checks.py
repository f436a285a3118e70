"""Password checks at login that neither reveal who exists nor let failures drain the CPU.

Three rules, each closing one hole:

* An unknown user's password is checked against a dummy hash with the same scrypt
  parameters, so an unknown user and a known user with a wrong password cost the same
  (no user enumeration by timing), from the first call on: the dummy is made without a
  scrypt run, which would have made the first unknown login cost two.
* A failed check is remembered, keyed by a keyed digest of the user name, the stored
  hash (or the dummy) and the password, in a bounded table: repeating the same wrong
  password costs a digest, not a scrypt. The user name is in the key so that a cached
  answer for one unknown name cannot tell another name apart (known or not).
* Failed checks spend a budget of KDF time (one per application, on its
  ``LoginThrottle``) that refills at ``KDF_SHARE`` of real time; while it is spent, a
  check that needs a scrypt run is refused at once with a fault saying so. Without it,
  a few clients sending new wrong passwords keep the serving thread in scrypt (50-90 ms
  each) and starve every other caller. Only failures are charged, so logging in never
  spends it; verified passwords are cached (``passwords.verify_password``), so clients
  already logged in are not affected during a flood, and only a new login may be
  refused until it ends.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from ips_emulator.domain import passwords
from ips_emulator.errors import AuthenticationError, FaultCode
from ips_emulator.records import UserRecord, email_key

if TYPE_CHECKING:
    from ips_emulator.domain.ratelimit import LoginThrottle

#: Share of real time scrypt may take in one process, and the burst it may run ahead.
KDF_SHARE = 0.1
KDF_BURST_SECONDS = 5.0
_FAILED_LIMIT = 4096  # remembered failures; the oldest go first
_KEY = secrets.token_bytes(32)  # per process, like the verified-password cache


class KdfBudget:
    """Seconds of scrypt a process may still run: refills at ``share`` per second."""

    def __init__(
        self,
        share: float = KDF_SHARE,
        burst: float = KDF_BURST_SECONDS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.share = share
        self.burst = burst
        self._now = now
        self._left = burst
        self._at = now()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._now()
        self._left = min(self.burst, self._left + (now - self._at) * self.share)
        self._at = now

    def available(self) -> bool:
        with self._lock:
            self._refill()
            return self._left > 0

    def spend(self, seconds: float) -> None:
        with self._lock:
            self._refill()
            self._left -= seconds


class _FailedChecks:
    def __init__(self) -> None:
        self._entries: OrderedDict[bytes, None] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: bytes) -> bool:
        with self._lock:
            return key in self._entries

    def add(self, key: bytes) -> None:
        with self._lock:
            self._entries[key] = None
            if len(self._entries) > _FAILED_LIMIT:
                self._entries.popitem(last=False)


_failed = _FailedChecks()
_budget = KdfBudget()
_DUMMY = passwords.unmatchable_hash()


def _failure_key(user: str, stored: str, password: str) -> bytes:
    digest = hashlib.blake2b(key=_KEY)
    for part in (email_key(user), stored, password):
        data = part.encode()
        digest.update(len(data).to_bytes(8, "big") + data)  # lengths keep parts apart
    return digest.digest()


def user_login_matches(
    user: str, password: str, found: UserRecord | None, throttle: LoginThrottle | None
) -> bool:
    """``login_matches`` for the user a lookup ``found`` (None: no such user), within
    the throttle's KDF budget. The KDF runs for an unknown user too: the same cost as a
    wrong password."""
    stored = found.password_hash if found is not None else None
    return login_matches(user, password, stored, throttle.kdf_budget if throttle else None)


def login_matches(
    user: str, password: str, stored: str | None, budget: KdfBudget | None = None
) -> bool:
    """Whether ``password`` is ``user``'s; ``stored`` None: no such user (always False).

    Raises 10001 "too many password checks" when the KDF budget is spent.
    """
    target = stored if stored is not None else _DUMMY
    if stored is not None and passwords.is_verified(password, stored):
        return True
    key = _failure_key(user, target, password)
    if key in _failed:
        return False
    spent_from = budget if budget is not None else _budget
    if not spent_from.available():
        raise AuthenticationError(
            FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS,
            "Too many password checks on this server just now: try again in a few seconds.",
        )
    started = time.monotonic()
    ok = passwords.verify_password(password, target) and stored is not None
    if not ok:
        spent_from.spend(time.monotonic() - started)
        _failed.add(key)
    return ok
