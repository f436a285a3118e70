"""The journal: every SOAP call received, for tests to assert on what a client sent."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

DEFAULT_CAPACITY = 10_000


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One call. Credentials are never recorded: no password, no authHeader."""

    time: datetime
    operation: str | None
    user: str | None
    locale: str | None
    params: Mapping[str, Any] | None
    fault_code: int | None
    http_status: int

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["time"] = self.time.isoformat()
        return data


class Journal:
    """A bounded, thread-safe list of the calls received, oldest first."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self._entries: deque[JournalEntry] = deque(maxlen=capacity)
        self._lock = threading.Lock()

    def record(self, entry: JournalEntry) -> None:
        with self._lock:
            self._entries.append(entry)

    def entries(self, operation: str | None = None) -> list[JournalEntry]:
        with self._lock:
            found = list(self._entries)
        return [e for e in found if operation is None or e.operation == operation]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
