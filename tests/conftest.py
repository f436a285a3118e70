from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import zeep

from ips_emulator import EmulatorServer, Settings, create_app
from ips_emulator.domain.clock import Clock
from tests.databases import BACKEND, Databases, postgres_server
from tests.helpers import DEMO_PASSWORD, DEMO_USER

ServerFactory = Callable[..., EmulatorServer]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``postgres_only`` tests (a PostgreSQL outage) run in the PostgreSQL run; elsewhere
    they are deselected, and counted as such, rather than skipped."""
    if BACKEND == "postgresql":
        return
    elsewhere = [item for item in items if item.get_closest_marker("postgres_only")]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if item not in elsewhere]


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """Throw-away databases on the backend the run asks for (tests/databases.py)."""
    folder = tmp_path_factory.mktemp("db")
    if BACKEND == "postgresql":
        with postgres_server() as admin_url:
            yield Databases(folder, admin_url)
    else:
        yield Databases(folder, None)


class _Servers:
    """Starts emulator servers (waitress on a free port, a throw-away database) and
    stops them all together, when the fixture that owns them is torn down."""

    def __init__(self, databases: Databases) -> None:
        self._databases = databases
        self._started: list[EmulatorServer] = []

    def start(
        self, clock: Clock | None = None, threads: int = 8, **settings: Any
    ) -> EmulatorServer:
        settings.setdefault("database_url", self._databases.new_url())
        server = EmulatorServer(create_app(Settings(**settings), clock), threads=threads).start()
        self._started.append(server)
        return server

    def stop(self) -> None:
        for server in self._started:
            server.stop()
        self._started.clear()


# One factory per lifetime: each server (8 waitress threads, a database engine) lives
# only as long as the fixture or test that asked for it. A single session-long factory
# kept every server of the run alive to its end: in a shuffled run ~900 threads, 1.2 GB.
@pytest.fixture(scope="session")
def _session_servers(databases: Databases) -> Iterator[_Servers]:
    servers = _Servers(databases)
    yield servers
    servers.stop()


@pytest.fixture(scope="module")
def make_server(databases: Databases) -> Iterator[ServerFactory]:
    """Start real emulator servers for a module-scoped fixture: stopped at the module's end."""
    servers = _Servers(databases)
    yield servers.start
    servers.stop()


@pytest.fixture
def make_test_server(databases: Databases) -> Iterator[ServerFactory]:
    """Start real emulator servers inside one test: stopped at the test's end."""
    servers = _Servers(databases)
    yield servers.start
    servers.stop()


@pytest.fixture(scope="session")
def server(_session_servers: _Servers) -> EmulatorServer:
    """A server with the demo data and default settings (UTC, en-US), shared by the session."""
    return _session_servers.start()


@pytest.fixture(scope="session")
def pacific_server(_session_servers: _Servers) -> EmulatorServer:
    """A server in the time zone of the docs' examples (-07:00 in summer)."""
    return _session_servers.start(timezone="America/Los_Angeles")


@pytest.fixture(scope="session")
def client(server: EmulatorServer) -> zeep.Client:
    """A zeep client built only from the served WSDL."""
    return zeep.Client(server.wsdl_url)


def demo_header(locale: str | None = None, **extra: Any) -> dict[str, Any]:
    header: dict[str, Any] = {"user": DEMO_USER, "password": DEMO_PASSWORD}
    if locale:
        header["locale"] = locale
    header.update(extra)
    return {"authHeader": header}
