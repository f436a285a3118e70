"""pytest fixtures for the IPS emulator, registered through the ``pytest11`` entry point.

Fixtures only: the engine is ``ips_emulator.testing``. It is imported when a fixture is
first used, so merely having the package installed adds nothing to pytest's start-up
(this module imports pytest and the standard library only; tests/plugin/test_lazy_import.py
holds it to that). See docs/pytest-plugin.md.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ips_emulator.config import Settings
    from ips_emulator.server.runner import EmulatorServer
    from ips_emulator.testing import IpsEmulator, SeedSource, ServerPool


def _load_engine() -> None:
    """Import ``ips_emulator.testing`` with deprecation warnings ignored: spyne and zeep
    warn at import (spyne imports ``cgi``), which a suite run with ``filterwarnings =
    error`` would otherwise turn into an error in its first test that uses a fixture,
    for code that is not the suite's to fix. Once imported, they do not warn again."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        import ips_emulator.testing  # noqa: F401


@pytest.fixture(scope="session")
def ips_emulator_settings() -> Settings:
    """The server's ``Settings`` (override it in conftest.py). Default: ``Settings()``,
    i.e. UTC, en-US, real-time jobs; the database is always a throw-away SQLite file
    unless ``database_url`` is changed, and the port is always a free one."""
    from ips_emulator.config import Settings  # the standard library only

    return Settings()


@pytest.fixture(scope="session")
def ips_emulator_seed() -> SeedSource | Sequence[SeedSource] | None:
    """Seed data loaded after every reset, on top of the demo data (override it in
    conftest.py): a mapping, a .json/.yaml file path, or a list of them. Default: None."""
    return None


@pytest.fixture(scope="session")
def _ips_emulator_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    _load_engine()
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
    _load_engine()
    from ips_emulator.testing import IpsEmulator

    # ips_server is cached with the settings first asked for; settings overridden in this
    # test's directory get their own server. An ips_server overridden by the user wins.
    owned = _ips_emulator_pool.owns(ips_server)
    server = _ips_emulator_pool.get(ips_emulator_settings) if owned else ips_server
    emulator = IpsEmulator(server, seed=ips_emulator_seed)
    emulator.begin()
    yield emulator
    emulator.end()
