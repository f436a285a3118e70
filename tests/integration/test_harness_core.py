"""The server-side pieces of the test harness: journal, fault injection, reset, seed."""

from __future__ import annotations

import time

import pytest
import zeep

from ips_emulator.domain.seed import SeedError
from ips_emulator.server.injection import FaultRule
from tests.conftest import ServerFactory, demo_header


def test_journal_records_calls_without_credentials(make_test_server: ServerFactory) -> None:
    server = make_test_server()
    client = zeep.Client(server.wsdl_url)
    client.service.getAssetJobLogs(
        companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=demo_header("fr-FR")
    )
    with pytest.raises(zeep.exceptions.Fault):
        client.service.getAssetJobLogs(
            companyHandle="c|6", assetHandle="a|0", _soapheaders=demo_header()
        )
    ok, failed = server.app.journal.entries("getAssetJobLogs")
    assert (ok.user, ok.locale, ok.fault_code, ok.http_status) == (
        "demo@ips-emulator.test", "fr_FR", None, 200,
    )  # fmt: skip
    assert ok.params == {"companyHandle": "c|6", "assetHandle": "a|732|1|535"}
    assert (failed.fault_code, failed.http_status) == (30001, 500)
    server.app.seed(
        {"users": [{"email": "qa@example.com", "password": "Zq9-secret", "role": "IpsAdmin"}]}
    )
    client.service.getUserInfo(
        _soapheaders={"authHeader": {"user": "qa@example.com", "password": "Zq9-secret"}}
    )
    assert server.app.journal.entries("getUserInfo")[0].user == "qa@example.com"
    assert "Zq9-secret" not in repr(server.app.journal.entries())


def test_injected_fault_for_the_next_call_only(make_test_server: ServerFactory) -> None:
    server = make_test_server()
    client = zeep.Client(server.wsdl_url)
    server.app.faults.add(
        FaultRule(operation="getAssetJobLogs", company_handle="c|6", code=30000, reason="Down")
    )

    def call() -> object:
        return client.service.getAssetJobLogs(
            companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=demo_header()
        )

    with pytest.raises(zeep.exceptions.Fault) as caught:
        call()
    assert caught.value.detail[0][0].text == "30000"
    assert caught.value.detail[0][1].text == "Down"
    assert len(call()) == 2  # the rule was used up


def test_injected_delay_and_authorization_kind(make_test_server: ServerFactory) -> None:
    server = make_test_server()
    client = zeep.Client(server.wsdl_url)
    server.app.faults.add(FaultRule(code=20003, times=None, delay=0.2, reason="No"))
    started = time.monotonic()
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getUserInfo(_soapheaders=demo_header())
    assert time.monotonic() - started >= 0.2
    assert caught.value.message == "AuthorizationException"
    with pytest.raises(ValueError, match="12345"):
        FaultRule(code=12345)


def test_reset_and_seed(make_test_server: ServerFactory) -> None:
    server = make_test_server()
    server.app.seed({"companies": [{"handle": "c|99", "name": "Other"}]})
    with pytest.raises(SeedError, match=r"companies\[0\]\.name"):
        server.app.seed({"companies": [{"handle": "c|98"}]})
    client = zeep.Client(server.wsdl_url)
    assert client.service.getCompanyInfo(companyName="Other", _soapheaders=demo_header())
    server.app.faults.add(FaultRule(code=30000, times=None))
    server.app.reset()
    assert not server.app.journal.entries()
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getCompanyInfo(companyName="Other", _soapheaders=demo_header())
    assert caught.value.detail[0][0].text == "20000"  # gone; the demo data is back
