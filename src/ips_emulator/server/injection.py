"""Fault and latency injection: make chosen calls fail or wait, to test client error paths."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from ips_emulator.errors import (
    AuthenticationError,
    AuthorizationError,
    FaultCode,
    IpsApiError,
    IpsError,
)
from ips_emulator.protocol.calls import CallInfo

_KINDS: dict[int, type[IpsError]] = {
    1: AuthenticationError,
    2: AuthorizationError,
    3: IpsApiError,
}


def error_for(code: int, reason: str) -> IpsError:
    """The IPS error of fault ``code`` (its kind follows the code: 1xxxx, 2xxxx, 3xxxx)."""
    fault_code = FaultCode(code)  # ValueError for a code the reference does not list
    return _KINDS[code // 10000](fault_code, reason)


@dataclass
class FaultRule:
    """Matches calls by operation ("*" for any), and optionally company and user.

    ``times`` None means every matching call; otherwise the next ``times`` calls.
    A rule with a ``delay`` waits first; one with a ``code`` then faults.
    """

    operation: str = "*"
    company_handle: str | None = None
    user: str | None = None
    times: int | None = 1
    code: int | None = None
    reason: str = "Injected fault"
    delay: float = 0.0
    used: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.code is not None:
            error_for(self.code, self.reason)
        if self.code is None and self.delay <= 0:
            raise ValueError("a fault rule needs a code, a delay, or both")
        if self.times is not None and self.times < 1:
            raise ValueError("times must be at least 1 (or None for every call)")
        if self.delay < 0:
            raise ValueError("delay must not be negative")

    def matches(self, info: CallInfo) -> bool:
        return (
            self.operation in ("*", info.operation)
            and self.company_handle in (None, info.company_handle)
            and (self.user is None or self.user.lower() == info.user.lower())
        )


class FaultInjector:
    """The ``CallHooks`` of a server: applies the first matching rule to each call."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()

    def add(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            self._rules.append(rule)
        return rule

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def _take(self, info: CallInfo) -> FaultRule | None:
        with self._lock:
            for rule in self._rules:
                if rule.matches(info):
                    rule.used += 1
                    if rule.times is not None and rule.used >= rule.times:
                        self._rules.remove(rule)
                    return rule
        return None

    def before_call(self, info: CallInfo) -> None:
        rule = self._take(info)
        if rule is None:
            return
        if rule.delay:
            time.sleep(rule.delay)
        if rule.code is not None:
            raise error_for(rule.code, rule.reason)
