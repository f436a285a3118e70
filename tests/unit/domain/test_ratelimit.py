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
        throttle.failed("a@b.c")
    assert not blocked(throttle, "a@b.c")


def test_limit_per_user_in_a_sliding_window() -> None:
    ticks = Ticks()
    throttle = LoginThrottle(2, window=60, now=ticks)
    throttle.failed("a@b.c")
    ticks.now += 30
    assert not blocked(throttle, "A@B.C")
    throttle.failed("A@B.C")  # user names are matched without case
    assert blocked(throttle, "a@b.c")
    assert not blocked(throttle, "x@b.c")
    ticks.now += 30  # the first failure is now a minute old
    assert not blocked(throttle, "a@b.c")
    throttle.failed("a@b.c")
    assert blocked(throttle, "a@b.c")


def test_checking_remembers_nobody() -> None:
    throttle = LoginThrottle(3)
    for i in range(100):
        throttle.check(f"user{i}@b.c")
    assert throttle._failures == {}


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit, "_MAX_USERS", 10)
    ticks = Ticks()
    throttle = LoginThrottle(5, window=60, now=ticks)
    for i in range(10):
        throttle.failed(f"old{i}")
    ticks.now += 61
    throttle.failed("new")  # the idle ones are forgotten
    assert list(throttle._failures) == ["new"]
    for i in range(20):
        throttle.failed(f"busy{i}")
    assert len(throttle._failures) <= 10
