"""pytest fixtures for the IPS emulator, registered through the ``pytest11`` entry point.

Fixtures only: the engine is ``ips_emulator.testing``. It is imported when a fixture is
first used, so merely having the package installed adds nothing to pytest's start-up.
See docs/pytest-plugin.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ips_emulator.config import Settings
    from ips_emulator.server.runner import EmulatorServer
    from ips_emulator.testing import IpsEmulator, SeedSource, ServerPool


@pytest.fixture(scope="session")
def ips_emulator_settings() -> Settings:
    """The server's ``Settings`` (override it in conftest.py). Default: ``Settings()``,
    i.e. UTC, en-US, real-time jobs; the database is always a throw-away SQLite file
    unless ``database_url`` is changed, and the port is always a free one."""
    from ips_emulator.config import Settings

    return Settings()


@pytest.fixture(scope="session")
def ips_emulator_seed() -> SeedSource | Sequence[SeedSource] | None:
    """Seed data loaded after every reset, on top of the demo data (override it in
    conftest.py): a mapping, a .json/.yaml file path, or a list of them. Default: None."""
    return None


@pytest.fixture(scope="session")
def _ips_emulator_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    from ips_emulator.testing import ServerPool

    pool = ServerPool(lambda: tmp_path_factory.mktemp("ips-emulator"))
    try:
        yield pool
    finally:
        pool.stop()


@pytest.fixture(scope="session")
def ips_server(ips_emulator_settings: Settings, _ips_emulator_pool: ServerPool) -> EmulatorServer:
    """The emulator served on a free port in a background thread, for the whole session."""
    return _ips_emulator_pool.get(ips_emulator_settings)


@pytest.fixture
def ips_emulator(
    ips_server: EmulatorServer,
    ips_emulator_settings: Settings,
    ips_emulator_seed: SeedSource | Sequence[SeedSource] | None,
    _ips_emulator_pool: ServerPool,
) -> Iterator[IpsEmulator]:
    """The session's server, reset for this test; server errors logged during the test
    fail it at teardown."""
    from ips_emulator.testing import IpsEmulator

    # ips_server is cached with the settings first asked for; settings overridden in this
    # test's directory get their own server. An ips_server overridden by the user wins.
    owned = _ips_emulator_pool.owns(ips_server)
    server = _ips_emulator_pool.get(ips_emulator_settings) if owned else ips_server
    emulator = IpsEmulator(server, seed=ips_emulator_seed)
    emulator.begin()
    yield emulator
    emulator.end()
