"""The dated versions between 4.0 and 6.6 (2008-09-10, 2009-07-31, 2010-01-31, 2012-02-14),
mixed namespaces as clients send them, and an unknown version's fault.

Field history as docs/reference/ips-api/SPEC.md gives it: `JobLog.transfer*Count` from 4.4
(2009-07-31), `User.defaultRole` instead of `role` and `membershipArray` instead of
`companyArray` from 6.0 (2012-02-14), `Asset.readyForPublish` from 4.2 (2008-09-10).
"""

from __future__ import annotations

import pytest
import requests
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD, auth_header, envelope, post

DATED = ["2008-09-10", "2009-07-31", "2010-01-31", "2012-02-14"]


def ns(version: str) -> str:
    return f"{NS_XSD}/{version}"


def zeep_client(server: EmulatorServer, version: str) -> zeep.Client:
    return zeep.Client(f"{server.url}/scene7/webservice/IpsApi-{version}.wsdl")


HEADER = {"authHeader": {"user": DEMO_USER, "password": DEMO_PASSWORD}}


@pytest.mark.parametrize("version", DATED)
def test_wsdl_served_at_the_real_paths(server: EmulatorServer, version: str) -> None:
    for path in (f"/scene7/webservice/IpsApi-{version}.wsdl", f"/scene7/IpsApi-{version}.wsdl"):
        answer = requests.get(server.url + path, timeout=10)
        assert answer.status_code == 200
        root = etree.fromstring(answer.content)
        namespaces = {s.get("targetNamespace") for s in root.iter(
            "{http://www.w3.org/2001/XMLSchema}schema")}  # fmt: skip
        assert namespaces == {ns(version), NS_XSD}


@pytest.mark.parametrize("version", DATED)
def test_zeep_from_each_wsdl_gets_the_company(server: EmulatorServer, version: str) -> None:
    company = zeep_client(server, version).service.getCompanyInfo(
        companyHandle="c|6", _soapheaders=HEADER
    )
    assert (company.companyHandle, company.name, company.rootPath) == (
        "c|6", "ApiTestCo", "ApiTestCo/",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("version", "has_transfer_counts"),
    [("2008-09-10", False), ("2009-07-31", True), ("2010-01-31", True), ("2012-02-14", True)],
)
def test_job_log_transfer_counts_from_4_4(
    server: EmulatorServer, version: str, has_transfer_counts: bool
) -> None:
    logs = zeep_client(server, version).service.getJobLogs(companyHandle="c|6", _soapheaders=HEADER)
    assert logs, "the demo data has job runs"
    fields = set(logs[0])
    assert ("transferSuccessCount" in fields) is has_transfer_counts
    assert {"jobHandle", "fileSuccessCount", "fileErrorCount"} <= fields


@pytest.mark.parametrize(
    ("version", "role_field", "membership_field"),
    [("2010-01-31", "role", "companyArray"), ("2012-02-14", "defaultRole", "membershipArray")],
)
def test_6_0_renames(
    server: EmulatorServer, version: str, role_field: str, membership_field: str
) -> None:
    client = zeep_client(server, version)
    user = client.service.getUserInfo(_soapheaders=HEADER)
    assert user[role_field] == "IpsAdmin"
    body = f'<getCompanyMembershipParam xmlns="{ns(version)}"/>'
    answer = post(server.service_url, envelope(body, auth_header()))
    children = {etree.QName(c).localname for c in answer.root.iter() if isinstance(c.tag, str)}
    other = ({"companyArray", "membershipArray"} - {membership_field}).pop()
    assert membership_field in children
    assert other not in children


@pytest.mark.parametrize("operation", ["getCompanyInfo", "getAssetsByName", "getActiveJobs"])
def test_savon_style_2010_body_with_unversioned_header(
    server: EmulatorServer, operation: str
) -> None:
    """A Ruby wrapper's calls: body in 2010-01-31, authHeader in .../IpsApi/xsd, prefixed."""
    inner = {
        "getCompanyInfo": "<ns1:companyHandle>c|6</ns1:companyHandle>",
        "getAssetsByName": "<ns1:companyHandle>c|6</ns1:companyHandle>"
        "<ns1:nameArray><ns1:items>blakexslttest.jpg</ns1:items></ns1:nameArray>",
        "getActiveJobs": "<ns1:companyHandle>c|6</ns1:companyHandle>",
    }[operation]
    body = f'<ns1:{operation}Param xmlns:ns1="{ns("2010-01-31")}">{inner}</ns1:{operation}Param>'
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    (returned,) = answer.root.find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
    assert returned.tag == f"{{{ns('2010-01-31')}}}{operation}Return"


def test_an_unknown_dated_namespace_lists_the_served_versions(server: EmulatorServer) -> None:
    body = (
        f'<getCompanyInfoParam xmlns="{NS_XSD}/2015-06-01"><companyHandle>c|6</companyHandle>'
        "</getCompanyInfoParam>"
    )
    _, _, element, code, reason = post(server.service_url, envelope(body, auth_header())).fault()
    assert (element, code) == ("ipsApiFault", 30003)
    assert reason.startswith(
        f"Unknown API version namespace '{NS_XSD}/2015-06-01' of 'getCompanyInfoParam': the "
        f"versions served are {NS_XSD}, {NS_XSD}/2008-01-15, {NS_XSD}/2008-09-10,"
    )
    assert f"{NS_XSD}/2014-04-03" in reason


def test_plain_request_wrapper_and_parameters_in_different_versions(
    server: EmulatorServer,
) -> None:
    """Answered in the parameters' version; the authHeader may sit in the wrapper's."""
    wrapper, params = ns("2014-04-03"), ns("2013-02-15")
    document = (
        f'<Request xmlns="{wrapper}"><authHeader><user>{DEMO_USER}</user>'
        f"<password>{DEMO_PASSWORD}</password><appName>audit</appName>"
        f"<appVersion>1</appVersion></authHeader>"
        f'<getCompanyInfoParam xmlns="{params}"><companyHandle>c|6</companyHandle>'
        "</getCompanyInfoParam></Request>"
    ).encode()
    answer = post(f"{server.url}/scene7/api/IpsApiService", document)
    assert answer.status == 200, answer.content
    assert answer.root.tag == f"{{{params}}}getCompanyInfoReturn"
    assert answer.root.findtext(f"{{{params}}}companyInfo/{{{params}}}name") == "ApiTestCo"
