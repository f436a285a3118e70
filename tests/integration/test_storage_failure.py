"""A database failure is an ipsApiFault 30000 with a clear reason, never a stack trace."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from tests.conftest import ServerFactory
from tests.helpers import asset_logs_param, auth_header, envelope, post


def test_broken_database_is_30000(make_test_server: ServerFactory) -> None:
    server = make_test_server()
    with server.app.database.engine.begin() as connection:
        connection.execute(text("DROP TABLE job_log_entry"))
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()))
    assert answer.status == 500
    faultcode, faultstring, element, code, reason = answer.fault()
    assert (faultcode, faultstring) == ("soapenv:Server", "ipsApiFault")
    assert (element, code) == ("ipsApiFault", 30000)
    assert reason.startswith("The emulator could not complete the call: the database")
    assert b"Traceback" not in answer.content


def test_a_bug_is_a_well_formed_fault_without_traceback(make_test_server: ServerFactory) -> None:
    server = make_test_server()

    def broken(request: object) -> None:
        raise RuntimeError("simulated bug")

    server.app.soap.handle = broken  # type: ignore[method-assign]
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()))
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30000)
    assert b"simulated bug" not in answer.content
    assert b"Traceback" not in answer.content


def test_a_database_failure_is_logged_without_its_sql_or_parameters(
    make_test_server: ServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = make_test_server()
    with server.app.database.engine.begin() as connection:
        connection.execute(text("DROP TABLE job_log_entry"))
    caplog.set_level(logging.DEBUG)
    answer = post(server.service_url, envelope(asset_logs_param(asset="a|secret-9"), auth_header()))
    assert answer.fault()[3] == 30000
    (failure,) = [r.getMessage() for r in caplog.records if "database failure" in r.getMessage()]
    assert "job_log_entry" in failure  # the driver's own words stay: they say what broke
    for leaked in ("SELECT", "[parameters", "a|secret-9", "\n"):
        assert leaked not in failure
