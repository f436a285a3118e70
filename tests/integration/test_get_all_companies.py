"""getAllCompanies (r-get-all-companies.md): every company, for IpsAdmin only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import zeep
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD, auth_header, envelope, post

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SEED = {
    "companies": [
        {"handle": "c|40", "name": "Expired Co", "rootPath": "Expired/",
         "expires": "2026-05-31T12:00:00Z"},
        {"handle": "c|41", "name": "Forever Co", "rootPath": "Forever/"},
    ],
    "users": [{"email": "member@all.test", "password": "member-pass", "role": "IpsUser",
               "companies": ["c|41"]}],
}  # fmt: skip


@pytest.fixture(scope="module")
def companies_server(make_server: ServerFactory) -> EmulatorServer:
    server = make_server(clock=ManualClock(NOW))
    server.app.seed(SEED)
    return server


def _client(server: EmulatorServer, version: str = "2013-02-15") -> zeep.Client:
    return zeep.Client(f"{server.url}/scene7/webservice/IpsApi-{version}.wsdl")


def _header(user: str = DEMO_USER, password: str = DEMO_PASSWORD) -> dict[str, object]:
    return {"authHeader": {"user": user, "password": password}}


def test_include_expired_lists_every_company(companies_server: EmulatorServer) -> None:
    result = _client(companies_server).service.getAllCompanies(
        includeExpired=True, _soapheaders=_header()
    )
    assert [(c.companyHandle, c.name, c.rootPath) for c in result] == [
        ("c|6", "ApiTestCo", "ApiTestCo/"),
        ("c|40", "Expired Co", "Expired/"),
        ("c|41", "Forever Co", "Forever/"),
    ]
    assert result[0].expires == datetime(2101, 1, 31, 23, 0, 0, 30000, tzinfo=UTC)
    assert result[2].expires is None


def test_without_include_expired_an_expired_company_is_left_out(
    companies_server: EmulatorServer,
) -> None:
    result = _client(companies_server).service.getAllCompanies(
        includeExpired=False, _soapheaders=_header()
    )
    assert [c.companyHandle for c in result] == ["c|6", "c|41"]


def test_the_pages_pre_40_example_request(companies_server: EmulatorServer) -> None:
    body = (
        f'<ns1:getAllCompaniesParam xmlns:ns1="{NS_XSD}">'
        "<ns1:includeExpired>false</ns1:includeExpired></ns1:getAllCompaniesParam>"
    )
    answer = post(companies_server.service_url, envelope(body, auth_header()))
    assert answer.status == 200
    items = answer.root.findall(f".//{{{NS_XSD}}}companyArray/{{{NS_XSD}}}items")
    assert [i.findtext(f"{{{NS_XSD}}}name") for i in items] == ["ApiTestCo", "Forever Co"]
    assert [child.tag.split("}")[1] for child in items[0]] == [
        "companyHandle", "name", "rootPath", "expires",
    ]  # fmt: skip


def test_only_ips_admin_may_call_it(companies_server: EmulatorServer) -> None:
    with pytest.raises(Fault) as caught:
        _client(companies_server).service.getAllCompanies(
            includeExpired=True, _soapheaders=_header("member@all.test", "member-pass")
        )
    assert caught.value.message == "AuthorizationException"
    detail = caught.value.detail
    assert detail is not None
    (fault,) = list(detail)
    assert fault.tag == f"{{{NS_XSD}}}authorizationFault"
    assert fault.findtext(f"{{{NS_XSD}}}code") == "20003"
    assert fault.findtext(f"{{{NS_XSD}}}reason") == (
        "User does not have permission to access operation 'getAllCompanies'"
    )


def test_include_expired_is_required(companies_server: EmulatorServer) -> None:
    body = f'<getAllCompaniesParam xmlns="{NS_XSD}"/>'
    answer = post(companies_server.service_url, envelope(body, auth_header()))
    assert answer.fault()[2:] == (
        "ipsApiFault", 30002, "Missing required parameter 'includeExpired'.",
    )  # fmt: skip
