"""Password hashing with scrypt (stdlib), compared in constant time.

A slow KDF on every SOAP call would cap the emulator at a few dozen requests per
second, so a successful verification is remembered in memory, keyed by the
stored hash and a keyed digest of the password (never the password itself).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from collections.abc import Mapping
from typing import Any

_N, _R, _P = 2**14, 8, 1
_SCHEME = "scrypt"
_CACHE_KEY = secrets.token_bytes(32)  # per process: cache entries are useless elsewhere
_CACHE_LIMIT = 4096


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"{_SCHEME}${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def unmatchable_hash() -> str:
    """A stored hash no password matches, costing what a real one does to check: the
    parameters of ``hash_password`` with a random salt and a random digest (no scrypt run
    to make it, so making it costs nothing and leaks nothing)."""
    salt, digest = _b64(secrets.token_bytes(16)), _b64(secrets.token_bytes(32))
    return f"{_SCHEME}${_N}${_R}${_P}${salt}${digest}"


class _VerifiedCache:
    def __init__(self) -> None:
        self._entries: set[tuple[str, bytes]] = set()
        self._lock = threading.Lock()

    @staticmethod
    def key(stored: str, password: str) -> tuple[str, bytes]:
        # BLAKE2's keyed mode is a MAC, at a third of HMAC-SHA256's cost (once per call).
        return stored, hashlib.blake2b(password.encode(), key=_CACHE_KEY).digest()

    def __contains__(self, key: tuple[str, bytes]) -> bool:
        with self._lock:
            return key in self._entries

    def add(self, key: tuple[str, bytes]) -> None:
        with self._lock:
            if len(self._entries) >= _CACHE_LIMIT:
                self._entries.clear()
            self._entries.add(key)


_verified = _VerifiedCache()


def is_verified(password: str, stored: str) -> bool:
    """Whether ``password`` was verified against ``stored`` before (no KDF run)."""
    return _VerifiedCache.key(stored, password) in _verified


def verify_password(password: str, stored: str) -> bool:
    key = _VerifiedCache.key(stored, password)
    if key in _verified:
        return True
    ok = kdf_matches(password, stored)
    if ok:
        _verified.add(key)
    return ok


def kdf_matches(password: str, stored: str) -> bool:
    """Whether ``password`` hashes to ``stored``: one full scrypt run, no cache."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != _SCHEME:
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        password.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(expected),
    )
    return hmac.compare_digest(actual, expected)


REDACTED = "[redacted]"


def without_secrets(value: Any) -> Any:
    """``value`` with every ``password`` entry (any case, at any depth) masked.

    Operation parameters can carry a password (``checkLogin``); what the emulator
    keeps or shows of a call (the journal, the admin API) never does.
    """
    if isinstance(value, Mapping):
        return {
            key: REDACTED if "password" in str(key).lower() else without_secrets(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [without_secrets(item) for item in value]
    return value
