"""The optional login-failure limit: per user, a sliding window, off by default."""

from __future__ import annotations

import pytest

from ips_emulator.domain import ratelimit
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.errors import AuthenticationError, FaultCode


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def blocked(throttle: LoginThrottle, user: str) -> bool:
    try:
        throttle.check(user)
    except AuthenticationError as error:
        refusal: AuthenticationError | None = error
    else:
        refusal = None
    if refusal is None:
        return False
    assert refusal.code == FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS
    assert "Too many failed login attempts" in refusal.reason
    return True


def test_off_never_blocks() -> None:
    throttle = LoginThrottle(None)
    for _ in range(1000):
        throttle.failed("a@b.c", known=True)
    assert not blocked(throttle, "a@b.c")


def test_limit_per_user_in_a_sliding_window() -> None:
    ticks = Ticks()
    throttle = LoginThrottle(2, window=60, now=ticks)
    throttle.failed("a@b.c", known=True)
    ticks.now += 30
    assert not blocked(throttle, "A@B.C")
    throttle.failed("A@B.C", known=True)  # user names are matched without case
    assert blocked(throttle, "a@b.c")
    assert not blocked(throttle, "x@b.c")
    ticks.now += 30  # the first failure is now a minute old
    assert not blocked(throttle, "a@b.c")
    throttle.failed("a@b.c", known=True)
    assert blocked(throttle, "a@b.c")


def test_spellings_the_lookup_accepts_share_one_counter() -> None:
    throttle = LoginThrottle(3)
    for spelling in (" bUser@b.test", "buser@b.test\t", "\nBUSER@B.TEST "):
        throttle.failed(spelling, known=True)
    assert blocked(throttle, "bUser@b.test")
    assert blocked(throttle, "  buser@b.test")


def test_checking_remembers_nobody() -> None:
    throttle = LoginThrottle(3)
    for i in range(100):
        throttle.check(f"user{i}@b.c")
    assert throttle._known == {}
    assert throttle._unknown == {}


def test_made_up_names_cannot_evict_a_locked_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit, "_MAX_UNKNOWN", 10)
    throttle = LoginThrottle(2, window=60, now=Ticks())
    throttle.failed("real@b.c", known=True)
    throttle.failed("real@b.c", known=True)
    for i in range(1000):  # as many names as an attacker likes, each locked
        throttle.failed(f"fake{i}@b.c", known=False)
        throttle.failed(f"fake{i}@b.c", known=False)
    assert blocked(throttle, "real@b.c")
    assert len(throttle._unknown) == 10  # bounded: the most recent made-up names
    assert blocked(throttle, "fake999@b.c")
    assert not blocked(throttle, "fake0@b.c")


def test_unknown_names_are_forgotten_least_recent_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit, "_MAX_UNKNOWN", 3)
    throttle = LoginThrottle(5, window=60, now=Ticks())
    for name in ("a", "b", "c", "a", "d"):  # "a" failed again: "b" is now the oldest
        throttle.failed(name, known=False)
    assert list(throttle._unknown) == ["c", "a", "d"]
    assert list(throttle._unknown["a"]) == [1000.0, 1000.0]
