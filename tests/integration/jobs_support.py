"""A server on a manual clock, and helpers to drive jobs through zeep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

import pytest
import zeep

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from tests.conftest import ServerFactory, demo_header

START = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
_names = count(1)


def unique_name(prefix: str = "job") -> str:
    return f"{prefix}-{next(_names)}"


@dataclass
class Emulator:
    server: EmulatorServer
    clock: ManualClock
    client: zeep.Client

    def call(self, operation: str, _locale: str | None = None, **params: Any) -> Any:
        """Call ``operation`` as the demo user; ``_locale`` goes in the authHeader."""
        method = getattr(self.client.service, operation)
        return method(**params, _soapheaders=demo_header(_locale))

    def advance(self, seconds: float) -> None:
        self.clock.advance(timedelta(seconds=seconds))

    def upload(
        self, name: str, *urls: tuple[str, str], overwrite_files: bool = True, **extra: Any
    ) -> str:
        job = {
            "urlArray": {"items": [{"sourceUrl": u, "destPath": d} for u, d in urls]},
            "overwrite": overwrite_files,
            "readyForPublish": True,
            "createMask": False,
            "emailSetting": "None",
        }
        return str(
            self.call("submitJob", companyHandle="c|6", jobName=name, uploadUrlsJob=job, **extra)
        )

    def restart(self) -> None:
        """Fresh demo data and the clock back at ``START``, as the module's first test had."""
        self.server.app.reset()
        self.clock.set(START)

    def details(self, name: str, **params: Any) -> Any:
        logs = self.call("getJobLogDetails", companyHandle="c|6", originalName=name, **params)
        return logs[0] if logs else None


@pytest.fixture(scope="module")
def emulator(make_server: ServerFactory) -> Emulator:
    """One server per test module, on a manual clock that starts at ``START``."""
    clock = ManualClock(START)
    server = make_server(clock=clock)
    return Emulator(server, clock, zeep.Client(server.wsdl_url))
