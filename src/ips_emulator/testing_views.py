"""What a test sees of a served emulator: the calls it received, and its clock."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol, overload, runtime_checkable

from ips_emulator.domain.clock import Clock
from ips_emulator.protocol.api import REGISTRY
from ips_emulator.server.journal import Journal, JournalEntry


def check_operation(operation: str, wildcard: bool = False, emulated: bool = False) -> None:
    """Refuses a name that would silently match nothing: one that is no IPS operation,
    or (``emulated``) one whose calls never reach a handler, since it is not emulated."""
    if wildcard and operation == "*":
        return
    op = REGISTRY.operations.get(operation)
    if op is None or (emulated and not op.emulated):
        known = ", ".join(sorted(o.name for o in REGISTRY.operations.values() if o.emulated))
        what = (
            "IPS operation not emulated yet (docs/coverage.md)" if op else "unknown IPS operation"
        )
        raise ValueError(f"{what} {operation!r}; the emulated ones: {known}")


def _describe(operation: str | None, params: Mapping[str, Any] | None) -> str:
    args = ", ".join(f"{key}={value!r}" for key, value in (params or {}).items())
    return f"{operation}({args})"


def _includes(given: Mapping[str, Any] | None, wanted: Mapping[str, Any]) -> bool:
    return all(key in (given or {}) and (given or {})[key] == v for key, v in wanted.items())


class JournalView(Sequence[JournalEntry]):
    """The calls the server received since the test began, oldest first (live)."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    @overload
    def __getitem__(self, index: int) -> JournalEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[JournalEntry]: ...
    def __getitem__(self, index: int | slice) -> JournalEntry | list[JournalEntry]:
        return self._journal.entries()[index]

    def __len__(self) -> int:
        return len(self._journal)

    def __iter__(self) -> Iterator[JournalEntry]:
        return iter(self._journal.entries())  # one snapshot, not one per index

    def __repr__(self) -> str:
        return f"JournalView({[_describe(e.operation, e.params) for e in self]})"

    def operations(self) -> list[str | None]:
        """The operation of each call, in order (None for a request that named none)."""
        return [entry.operation for entry in self._journal.entries()]

    def calls(self, operation: str | None = None, **params: Any) -> list[JournalEntry]:
        """Calls of ``operation`` (any when None) whose parameters include ``params``."""
        if operation is not None:
            check_operation(operation)
        return [e for e in self._journal.entries(operation) if _includes(e.params, params)]

    def assert_called(
        self, operation: str, count: int | None = None, **params: Any
    ) -> list[JournalEntry]:
        """Assert ``operation`` was called (exactly ``count`` times if given) with ``params``.

        Returns the matching calls; the message lists every call received when it fails.
        """
        found = self.calls(operation, **params)
        if (count is None and found) or len(found) == count:
            return found
        wanted = "at least once" if count is None else f"{count} time(s)"
        received = "\n".join(f"  {_describe(e.operation, e.params)}" for e in self) or "  none"
        raise AssertionError(
            f"expected {_describe(operation, params)} to be called {wanted}, "
            f"matched {len(found)} call(s); calls received:\n{received}"
        )

    def clear(self) -> None:
        self._journal.clear()


@runtime_checkable
class _Adjustable(Protocol):
    def set(self, instant: datetime) -> None: ...
    def advance(self, delta: timedelta) -> None: ...


class ClockControl:
    """The server's clock. Moving it runs jobs and fires schedules as if time had passed:
    the next call that looks at jobs brings every run and schedule up to it."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.now()

    def advance(self, delta: float | timedelta) -> datetime:
        """Move forward by ``delta`` (seconds or a timedelta); returns the new time."""
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        self._adjustable().advance(step)
        return self.now()

    def set(self, instant: datetime) -> None:
        """Jump to ``instant`` (timezone-aware); time keeps flowing from there."""
        self._adjustable().set(instant)

    def _adjustable(self) -> _Adjustable:
        if not isinstance(self._clock, _Adjustable):
            raise TypeError(f"the server's {type(self._clock).__name__} cannot be moved")
        return self._clock
