"""A database failure is an ipsApiFault 30000 with a clear reason, never a stack trace."""

from __future__ import annotations

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
