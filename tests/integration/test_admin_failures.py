"""Admin calls that fail answer JSON over HTTP, never a SOAP fault: a bug is 500, a
database failure 503, once a transient one (deadlock, unique-key race) has been run again
as a SOAP call would be."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import unquote

import pytest
import requests
from sqlalchemy import text

from ips_emulator import EmulatorServer
from ips_emulator.domain.transactions import ATTEMPTS
from tests.conftest import ServerFactory
from tests.helpers import DEADLOCK, DISK_FULL, UNIQUE_VIOLATION, Failure, failing

TOKEN = "failure-token"
RETRIED_SEED = {"companies": [{"name": "Retried"}]}


def call(server: EmulatorServer, method: str, path: str, **kwargs: Any) -> requests.Response:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return requests.request(method, server.url + path, headers=headers, timeout=30, **kwargs)


def company_names(server: EmulatorServer) -> list[str]:
    with server.app.database.engine.connect() as connection:
        return list(connection.scalars(text("SELECT name FROM company ORDER BY id")))


@pytest.fixture
def admin(make_test_server: ServerFactory) -> EmulatorServer:
    """A server of this test's own, with the demo data (company c|6) and the admin API on."""
    return make_test_server(admin_token=TOKEN)


def test_an_unexpected_error_is_a_json_500_not_a_soap_fault(
    admin: EmulatorServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def bug(operation: str | None = None) -> list[Any]:
        raise RuntimeError("simulated bug in the journal")

    monkeypatch.setattr(admin.app.journal, "entries", bug)
    response = call(admin, "GET", "/admin/journal")
    assert response.status_code == 500
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {
        "error": "internal",
        "message": "The emulator hit an internal error processing this request.",
    }
    assert b"simulated bug" not in response.content
    (logged,) = [r for r in caplog.records if r.name == "ips_emulator.server.admin"]
    assert (logged.levelname, logged.getMessage()) == (
        "ERROR",
        "unexpected error answering GET /admin/journal",
    )
    assert logged.exc_info is not None
    assert str(logged.exc_info[1]) == "simulated bug in the journal"


@pytest.mark.parametrize("failure", [DEADLOCK, UNIQUE_VIOLATION], ids=["deadlock", "unique"])
def test_a_transient_database_failure_in_an_admin_call_is_run_again(
    admin: EmulatorServer, failure: Failure, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "ips_emulator.domain.transactions")
    with failing(admin, "INSERT INTO COMPANY", 1, failure) as inserts:
        response = call(admin, "POST", "/admin/seed", json=RETRIED_SEED)
    assert response.status_code == 201, response.text
    # The first attempt rolled back: the second numbers the company as the first did.
    assert response.json()["companies"] == ["c|7"]
    assert len(inserts) == 2
    assert company_names(admin) == ["ApiTestCo", "Retried"]
    assert [r.getMessage() for r in caplog.records if r.name.endswith("transactions")] == [
        "retrying seed after The emulator could not complete the call: "
        "the database reported DriverError."
    ]


def test_a_transient_failure_that_stays_is_503_after_the_last_attempt(
    admin: EmulatorServer,
) -> None:
    with failing(admin, "INSERT INTO COMPANY", ATTEMPTS, DEADLOCK) as inserts:
        response = call(admin, "POST", "/admin/seed", json=RETRIED_SEED)
    assert response.status_code == 503
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {
        "error": "unavailable",
        "message": "The emulator could not complete the call: the database reported DriverError.",
    }
    assert len(inserts) == ATTEMPTS == 5
    assert company_names(admin) == ["ApiTestCo"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/admin/reset", None),
        ("POST", "/admin/seed", RETRIED_SEED),
        ("GET", "/admin/companies/c%7C6/jobs/j%7C6%7C%7CAdd_2007-10-24-16:11:07/logs", None),
    ],
)
def test_a_database_failure_in_an_admin_call_is_a_json_503(
    admin: EmulatorServer,
    caplog: pytest.LogCaptureFixture,
    method: str,
    path: str,
    body: Any,
) -> None:
    with failing(admin, "", 1_000, DISK_FULL) as statements:
        response = call(admin, method, path, json=body)
    assert response.status_code == 503
    assert response.json() == {
        "error": "unavailable",
        "message": "The emulator could not complete the call: "
        "the database refused the request (DriverError).",
    }
    assert len(statements) == 1  # not a failure another attempt can cure
    (logged,) = [r for r in caplog.records if r.name == "ips_emulator.server.admin"]
    assert (logged.levelname, logged.getMessage()) == (
        "WARNING",
        f"database failure in {method} {unquote(path)}: DriverError: could not extend file",
    )
    assert company_names(admin) == ["ApiTestCo"]
