"""A call's objects are freed when it ends, not left in reference cycles for the collector.

spyne's method contexts, werkzeug's environ and exception tracebacks form cycles; left
alone, every call's document, session and result rows wait for the garbage collector,
whose runs then cost a fifth of a call (bench/README.md). These tests look at what a
collection finds after a series of calls, answered and faulted.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session
from werkzeug.wrappers import Request

from ips_emulator import Settings, create_app
from ips_emulator.server.app import EmulatorApp

NS = "http://www.scene7.com/IpsApi/xsd/2008-01-15"
HEADER = (
    '<authHeader xmlns="http://www.scene7.com/IpsApi/xsd">'
    "<user>demo@ips-emulator.test</user><password>demo</password></authHeader>"
)
CALLS = 20
#: Made by each call; other tests' servers and clients in this process may leave
#: garbage of their own meanwhile, so only these are looked for.
CALL_TYPES = (Request, Session, Connection)
CALL_MODULES = ("ips_emulator", "spyne")


def of_a_call(found: object) -> bool:
    module = type(found).__module__.split(".")[0]
    return module in CALL_MODULES or isinstance(found, CALL_TYPES)


def envelope(body: str) -> bytes:
    return (
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">'
        f"<s:Header>{HEADER}</s:Header><s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorApp]:
    path: Path = tmp_path_factory.mktemp("garbage") / "ips.db"
    emulator = create_app(Settings(database_url=f"sqlite:///{path}"))
    yield emulator
    emulator.database.dispose()


def post(app: EmulatorApp, body: bytes) -> str:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/scene7/services/IpsApiService",
        "SCRIPT_NAME": "",
        "CONTENT_TYPE": "text/xml; charset=UTF-8",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8080",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    statuses: list[str] = []
    b"".join(app(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    return statuses[0]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            f'<getAssetJobLogsParam xmlns="{NS}"><companyHandle>c|6</companyHandle>'
            "<assetHandle>a|732|1|535</assetHandle></getAssetJobLogsParam>",
            "200 OK",
        ),
        (
            f'<getJobLogsParam xmlns="{NS}"><companyHandle>c|6</companyHandle></getJobLogsParam>',
            "200 OK",
        ),
        (
            f'<getAssetJobLogsParam xmlns="{NS}"><companyHandle>c|6</companyHandle>'
            "</getAssetJobLogsParam>",
            "500 INTERNAL SERVER ERROR",
        ),
        (
            f'<getCompanyInfoParam xmlns="{NS}"><companyHandle>c|404</companyHandle>'
            "</getCompanyInfoParam>",
            "500 INTERNAL SERVER ERROR",
        ),
    ],
    ids=["asset-logs", "job-logs", "missing-parameter", "unknown-company"],
)
def test_calls_leave_almost_nothing_for_the_collector(
    app: EmulatorApp, body: str, status: str
) -> None:
    data = envelope(body)
    assert post(app, data) == status  # warm: version endpoint, writers, caches
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds is kept in gc.garbage
    try:
        for _ in range(CALLS):
            assert post(app, data) == status
        gc.collect()
        left = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert [o for o in left if of_a_call(o)] == []
