"""A server with assets to move, delete and restore, and zeep helpers for the asset calls.

Each test gets its own server (``asset_server``) on a ManualClock, seeded with the assets
below in the demo company ``c|6`` (root ``ApiTestCo/``), one asset of another company
(``c|8``, which the IpsUser ``member@assets.test`` is not a member of) and an upload job
whose log tells ``a|hat``'s history, so that changes can be checked against it.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

import pytest
import zeep
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD

START = datetime(2026, 4, 1, 8, 30, tzinfo=UTC)
MEMBER = "member@assets.test"
PASSWORD = "assets-pass"


def _asset(handle: str, folder: str, name: str, company: str = "c|6") -> dict[str, Any]:
    return {"handle": handle, "company": company, "folder": folder, "name": name,
            "type": "Image", "created": "2025-06-01T00:00:00Z",
            "createUser": DEMO_USER}  # fmt: skip


SEED = {
    "companies": [{"handle": "c|8", "name": "Other Co", "rootPath": "OtherCo/"}],
    "users": [
        {"email": MEMBER, "password": PASSWORD, "role": "IpsUser", "companies": ["c|6"]},
    ],
    "folders": [{"company": "c|6", "path": "empty/", "lastModified": "2025-06-01T00:00:00Z"}],
    "assets": [
        _asset("a|hat", "shop/", "hat"),
        _asset("a|coat", "shop/", "coat"),
        _asset("a|salehat", "sale/", "hat"),
        _asset("a|scarf", "", "scarf"),
        _asset("a|lone", "lone/", "lone"),
        _asset("a|other", "", "other", company="c|8"),
    ],
    "jobs": [
        {
            "company": "c|6", "submitUser": DEMO_USER, "name": "Add_2025-06-01-00:00:00",
            "type": "UrlUpload", "created": "2025-06-01T00:00:00Z",
            "logs": [{"template": "upload.success", "date": "2025-06-01T00:00:01Z",
                      "params": {"asset_path": "ApiTestCo/shop/hat.jpg"}, "asset": "a|hat"}],
        },
    ],
}  # fmt: skip


@pytest.fixture
def asset_server(make_test_server: ServerFactory) -> EmulatorServer:
    server = make_test_server(clock=ManualClock(START))
    server.app.seed(SEED)
    return server


def header(user: str = DEMO_USER, password: str = DEMO_PASSWORD, **extra: str) -> dict[str, Any]:
    """An authHeader for the 2014-04-03 WSDL's clients (appName and appVersion required)."""
    return {"authHeader": {"user": user, "password": password, "appName": "assets-test",
                           "appVersion": "1", **extra}}  # fmt: skip


def client_of(server: EmulatorServer, version: str = "2014-04-03") -> zeep.Client:
    return _client(f"{server.url}/scene7/webservice/IpsApi-{version}.wsdl")


@functools.lru_cache(maxsize=4)
def _client(wsdl_url: str) -> zeep.Client:
    """One client per WSDL a test asks for: reading one costs about 0.25 s, and a test
    asks several times. (A later server on the same port serves the same WSDL.)"""
    return zeep.Client(wsdl_url)


def get_asset(client: zeep.Client, handle: str, company: str = "c|6") -> Any:
    """The asset getAssets answers for ``handle``, or None."""
    found = client.service.getAssets(
        companyHandle=company, assetHandleArray={"items": [handle]}, _soapheaders=header()
    )
    return found[0] if found else None


def names_found(client: zeep.Client, **search: Any) -> list[str]:
    """searchAssets in c|6 (every folder): the handles found, by name."""
    found = client.service.searchAssets(
        companyHandle="c|6", includeSubfolders=True, _soapheaders=header(), **search
    )
    return [a.assetHandle for a in (found.assetArray.items if found.assetArray else [])]


def log_types(client: zeep.Client, handle: str, locale: str = "en-US") -> list[tuple[str, str]]:
    """(logType, logMessage) of each getAssetJobLogs entry about the asset."""
    entries = client.service.getAssetJobLogs(
        companyHandle="c|6", assetHandle=handle, _soapheaders=header(locale=locale)
    )
    return [(e.logType, e.logMessage) for e in entries]


def batch(answer: Any) -> tuple[int, int, int, list[Any], list[Any]]:
    """(successCount, warningCount, errorCount, warning items, error items)."""
    warnings = answer.warningDetailArray.items if answer.warningDetailArray else []
    errors = answer.errorDetailArray.items if answer.errorDetailArray else []
    return answer.successCount, answer.warningCount, answer.errorCount, warnings, errors


def reason(fault: Fault) -> str:
    """The ``reason`` of an IPS fault zeep raised."""
    assert fault.detail is not None
    return str(fault.detail[0].findtext(f"{{{NS_XSD}}}reason"))
