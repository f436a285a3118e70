"""The test harness engine: a served emulator and a per-test handle on it.

The pytest plugin (``ips_emulator.pytest_plugin``) is a thin layer of fixtures over
this module, which does not import pytest: unittest suites and scripts use it too::

    from ips_emulator.testing import emulate

    with emulate() as emulator:  # a real server on a free port, throw-away database
        client = emulator.client(locale="fr-FR")
        logs = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from ips_emulator.config import Settings, sqlite_url
from ips_emulator.server.app import create_app
from ips_emulator.server.injection import FaultRule
from ips_emulator.server.runner import EmulatorServer
from ips_emulator.testing_views import ClockControl, JournalView, check_operation

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USER",
    "ClockControl",
    "EmulatorServerError",
    "IpsEmulator",
    "JournalView",
    "SeedSource",
    "ServerPool",
    "emulate",
    "read_seed",
    "start_server",
]

DEMO_USER = "demo@ips-emulator.test"
DEMO_PASSWORD = "demo"
#: A seed document: a mapping, or the path of a ``.json`` (or, with PyYAML, ``.yaml``) file.
SeedSource = Mapping[str, Any] | str | os.PathLike[str]
#: Loggers whose ERROR records mean the server hit a bug while serving a test's call
#: (spyne's "server" logger has the traceback of an unexpected exception in an operation).
WATCHED_LOGGERS = ("ips_emulator", "spyne.application.server", "waitress")


def start_server(
    settings: Settings | None = None, directory: Path | str | None = None
) -> EmulatorServer:
    """Start an emulator on 127.0.0.1, on a free port, in a background thread.

    Unless ``settings`` names its own ``database_url``, the SQLite database goes in
    ``directory`` (a new temporary directory when None, removed when the server stops).
    ``host``/``port`` are ignored.
    """
    base = settings or Settings()
    scratch = None
    if base.database_url == Settings().database_url:
        if directory is None:
            directory = scratch = Path(tempfile.mkdtemp("-ips-db"))
        base = replace(base, database_url=sqlite_url(Path(directory) / "ips-emulator.db"))
    return EmulatorServer(create_app(base), scratch=scratch).start()


class ServerPool:
    """One server per distinct ``Settings``, started on first request, stopped together.

    pytest creates a session fixture once, so a settings override in a subdirectory's
    conftest.py would otherwise be ignored there: the pool gives it its own server.
    """

    def __init__(self, new_directory: Callable[[], Path]) -> None:
        self._new_directory = new_directory
        self._servers: dict[Settings, EmulatorServer] = {}

    def get(self, settings: Settings) -> EmulatorServer:
        if settings not in self._servers:
            self._servers[settings] = start_server(settings, self._new_directory())
        return self._servers[settings]

    def owns(self, server: EmulatorServer) -> bool:
        return any(server is mine for mine in self._servers.values())

    def stop(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()


@contextmanager
def emulate(
    settings: Settings | None = None, seed: SeedSource | Sequence[SeedSource] | None = None
) -> Iterator[IpsEmulator]:
    """A started server and its handle (reset, errors watched); stopped on exit."""
    with tempfile.TemporaryDirectory(prefix="ips-emulator-") as folder:
        server = start_server(settings, folder)
        try:
            with IpsEmulator(server, seed=seed) as emulator:
                yield emulator
        finally:
            server.stop()


def read_seed(source: SeedSource) -> Mapping[str, Any]:
    """A seed document from a mapping or a ``.json``/``.yaml``/``.yml`` file."""
    if isinstance(source, Mapping):
        return source
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise ValueError(f"{path}: seed files are .json, .yaml or .yml")
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if suffix == ".json" else _iso_dates(_yaml().safe_load(text))
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: a seed document must be an object at the top level")
    return data


def _yaml() -> Any:
    # PyYAML is optional (not a dependency): imported by name so its absence is a clear error.
    try:
        return importlib.import_module("yaml")
    except ImportError:
        raise ImportError("YAML seed files need PyYAML (pip install PyYAML); or use JSON") from None


def _iso_dates(value: Any) -> Any:
    """YAML reads unquoted timestamps as datetimes; a seed document has ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    return value


def _seed_list(seed: SeedSource | Sequence[SeedSource] | None) -> list[Mapping[str, Any]]:
    if seed is None:
        return []
    if isinstance(seed, Mapping | str | os.PathLike):
        return [read_seed(seed)]
    return [read_seed(item) for item in seed]


class EmulatorServerError(AssertionError):
    """The server logged errors while a test ran: a bug in the emulator, not an IPS fault."""

    def __init__(self, records: Sequence[logging.LogRecord]) -> None:
        formatter = logging.Formatter("%(name)s %(levelname)s: %(message)s")
        details = "\n".join(formatter.format(record) for record in records)
        super().__init__(f"the emulator logged {len(records)} error(s):\n{details}")
        self.records = list(records)


class _ErrorRecorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)  # list.append is atomic: server threads call this


# One parsed WSDL per server: parsing it costs far more than building a client from it.
_documents: weakref.WeakKeyDictionary[EmulatorServer, Any] = weakref.WeakKeyDictionary()
_documents_lock = threading.Lock()


def _zeep(module: str) -> Any:
    # Imported on first use (handles without clients never pay for zeep), and as Any:
    # zeep's partial annotations would make every call an untyped call for mypy.
    return importlib.import_module(module)


def _wsdl_document(server: EmulatorServer) -> Any:
    with _documents_lock:
        document = _documents.get(server)
        if document is None:
            transport = _zeep("zeep.transports").Transport()
            document = _zeep("zeep.wsdl").Document(server.wsdl_url, transport)
            transport.session.close()  # the WSDL is self-contained: nothing more to fetch
            _documents[server] = document
    return document


class IpsEmulator:
    """One test's view of a running emulator: reset on ``begin``, checked on ``end``.

    ``seed`` is loaded after every reset (the baseline data of each test). Use it as
    a context manager, or call ``begin()`` and ``end()``.
    """

    def __init__(
        self, server: EmulatorServer, seed: SeedSource | Sequence[SeedSource] | None = None
    ) -> None:
        self.server = server
        self.app = server.app
        self.journal = JournalView(server.app.journal)
        self.clock = ClockControl(server.app.clock)
        self._baseline = _seed_list(seed)
        self._errors = _ErrorRecorder()
        self._clients: list[Any] = []

    def __repr__(self) -> str:
        return f"<IpsEmulator {self.server.url}>"

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def service_url(self) -> str:
        return self.server.service_url

    @property
    def wsdl_url(self) -> str:
        return self.server.wsdl_url

    def reset(self) -> None:
        """Fresh data (demo data and the baseline seed), journal, faults and clock."""
        self.app.reset()
        for document in self._baseline:
            self.app.seed(document)
        self._errors.records.clear()

    def begin(self) -> IpsEmulator:
        self.reset()
        for name in WATCHED_LOGGERS:
            logging.getLogger(name).addHandler(self._errors)
        return self

    def end(self, check: bool = True) -> None:
        """Stop watching, close the clients, then raise ``EmulatorServerError`` if any."""
        for name in WATCHED_LOGGERS:
            logging.getLogger(name).removeHandler(self._errors)
        for client in self._clients:
            client.transport.session.close()
        self._clients.clear()
        if check:
            self.check_server_errors()

    def __enter__(self) -> IpsEmulator:
        return self.begin()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.end(check=exc is None)  # never hide the body's own exception

    def client(
        self,
        user: str = DEMO_USER,
        password: str = DEMO_PASSWORD,
        locale: str | None = None,
        *,
        timeout: float = 60.0,
    ) -> Any:
        """A zeep client of the served WSDL sending this ``authHeader`` on every call.

        ``_soapheaders={"authHeader": {...}}`` on a call replaces it for that call.
        """
        transport = _zeep("zeep.transports").Transport(operation_timeout=timeout)
        client = _zeep("zeep").Client(_wsdl_document(self.server), transport=transport)
        header = {"user": user, "password": password}
        if locale is not None:
            header["locale"] = locale
        client.set_default_soapheaders({"authHeader": header})
        self._clients.append(client)
        return client

    def seed(self, source: SeedSource) -> None:
        """Load a seed document (mapping or file), all or nothing (``SeedError``)."""
        self.app.seed(read_seed(source))

    def inject_fault(
        self,
        operation: str = "*",
        code: int | None = 30000,
        reason: str = "Injected fault",
        times: int | None = 1,
        company_handle: str | None = None,
        user: str | None = None,
        delay: float = 0,
    ) -> FaultRule:
        """Make the next ``times`` matching calls (None: every one) wait ``delay``
        seconds, then fault with ``code`` (None: only wait). Returns the rule."""
        check_operation(operation, wildcard=True, emulated=True)
        rule = FaultRule(
            operation=operation,
            company_handle=company_handle,
            user=user,
            times=times,
            code=code,
            reason=reason,
            delay=delay,
        )
        return self.app.faults.add(rule)

    @property
    def server_errors(self) -> list[logging.LogRecord]:
        """ERROR records the server logged since the test began."""
        return list(self._errors.records)

    def take_server_errors(self) -> list[logging.LogRecord]:
        """Return and forget the errors logged so far (for tests that provoke them)."""
        taken = list(self._errors.records)
        del self._errors.records[: len(taken)]
        return taken

    def check_server_errors(self) -> None:
        if self._errors.records:
            raise EmulatorServerError(self.take_server_errors())
