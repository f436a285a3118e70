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


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """Throw-away databases on the backend the run asks for (tests/databases.py)."""
    folder = tmp_path_factory.mktemp("db")
    if BACKEND == "postgresql":
        with postgres_server() as admin_url:
            yield Databases(folder, admin_url)
    else:
        yield Databases(folder, None)


@pytest.fixture(scope="session")
def make_server(databases: Databases) -> Iterator[ServerFactory]:
    """Start real emulator servers (waitress on a free port, a throw-away database)."""
    started: list[EmulatorServer] = []

    def start(clock: Clock | None = None, **settings: Any) -> EmulatorServer:
        settings.setdefault("database_url", databases.new_url())
        server = EmulatorServer(create_app(Settings(**settings), clock)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def server(make_server: ServerFactory) -> EmulatorServer:
    """A server with the demo data and default settings (UTC, en-US)."""
    return make_server()


@pytest.fixture(scope="session")
def pacific_server(make_server: ServerFactory) -> EmulatorServer:
    """A server in the time zone of the docs' examples (-07:00 in summer)."""
    return make_server(timezone="America/Los_Angeles")


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
