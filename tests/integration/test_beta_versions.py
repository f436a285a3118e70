"""The beta namespaces real clients send: 2016-01-14-beta, 2017-10-29-beta, 2021-01-11-beta.

Shapes as docs/versions.md says (2014-04-03's where nothing else is known). The audit flow
is the one public getJobLogs -> getJobLogDetails consumer's: plain XML, a <Request> in
2017-10-29-beta wrapping parameters in 2021-01-11-beta (AEM's JAXB classes), read with
XPaths that know no namespaces.
"""

from __future__ import annotations

import re

import pytest
import requests
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD, envelope, post

BETAS = ["2016-01-14-beta", "2017-10-29-beta", "2021-01-11-beta", "2021-04-26-beta"]
WRAPPER = f"{NS_XSD}/2017-10-29-beta"
#: The parameters' namespace: AEM as a Cloud Service's classes, 2021 then from December 2021.
CLOUD_SERVICE = [f"{NS_XSD}/2021-01-11-beta", f"{NS_XSD}/2021-04-26-beta"]


def audit_request(param: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Request xmlns="{WRAPPER}">'
        f"<authHeader><user>{DEMO_USER}</user><password>{DEMO_PASSWORD}</password>"
        f"</authHeader>{param}</Request>"
    ).encode()


def without_namespaces(content: bytes) -> etree._Element:
    """The document as a parser that knows no namespaces sees it."""
    return etree.fromstring(re.sub(rb'\sxmlns(:\w+)?="[^"]*"', b"", content))


def job_logs(server: EmulatorServer, params: str, start: str, end: str) -> etree._Element:
    param = (
        f'<getJobLogsParam xmlns="{params}"><companyHandle>c|6</companyHandle>'
        f"<startDate>{start}</startDate><endDate>{end}</endDate><numRows>100</numRows>"
        "</getJobLogsParam>"
    )
    answer = post(f"{server.url}/scene7/api/IpsApiService", audit_request(param))
    assert answer.status == 200, answer.content
    return without_namespaces(answer.content)


@pytest.mark.parametrize("params", CLOUD_SERVICE)
def test_audit_flow_ten_day_windows_then_details(server: EmulatorServer, params: str) -> None:
    found = {}
    windows = [("2007-10-20", "2007-10-30"), ("2008-01-01", "2008-01-11"),
               ("2008-06-05", "2008-06-15")]  # fmt: skip
    for start, end in windows:
        root = job_logs(server, params, f"{start}T00:00:00Z", f"{end}T00:00:00Z")
        for item in root.xpath("/getJobLogsReturn/jobLogArray/items"):
            found[start] = (item.findtext("jobHandle"), item.findtext("originalJobName"))
    assert found == {
        "2007-10-20": ("j|6||Add_2007-10-24-16:11:07", "Add_2007-10-24-16:11:07"),
        "2008-06-05": ("j|6||submitServerUploadJob40_2008-06-11-11:38",
                       "submitServerUploadJob40"),
    }  # fmt: skip
    param = (
        f'<getJobLogDetailsParam xmlns="{params}"><companyHandle>c|6</companyHandle>'
        "<jobHandle>j|6||submitServerUploadJob40_2008-06-11-11:38</jobHandle>"
        "<logTypeArray><items>FileUpdated</items></logTypeArray></getJobLogDetailsParam>"
    )
    answer = post(f"{server.url}/scene7/api/IpsApiService", audit_request(param))
    root = without_namespaces(answer.content)
    details = root.xpath("/getJobLogDetailsReturn/jobLogArray/items/detailArray/items")
    assert [(d.findtext("logType"), d.findtext("assetHandle")) for d in details] == [
        ("FileUpdated", "a|732|1|535")
    ]


def test_2016_beta_envelope_with_a_versioned_header(server: EmulatorServer) -> None:
    beta = f"{NS_XSD}/2016-01-14-beta"
    header = (
        f'<authHeader xmlns="{beta}"><user>{DEMO_USER}</user><password>{DEMO_PASSWORD}'
        "</password><appName>aem-scripts</appName><appVersion>1.0</appVersion></authHeader>"
    )
    body = (
        f'<getCompanyInfoParam xmlns="{beta}"><companyHandle>c|6</companyHandle>'
        "</getCompanyInfoParam>"
    )
    answer = post(server.service_url, envelope(body, header))
    assert answer.status == 200, answer.content
    (returned,) = answer.root.find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
    assert returned.tag == f"{{{beta}}}getCompanyInfoReturn"
    assert returned.findtext(f"{{{beta}}}companyInfo/{{{beta}}}name") == "ApiTestCo"


@pytest.mark.parametrize("version", BETAS)
def test_zeep_from_each_beta_wsdl(server: EmulatorServer, version: str) -> None:
    client = zeep.Client(f"{server.url}/scene7/webservice/IpsApi-{version}.wsdl")
    # As in 2014-04-03, the WSDL's authHeader is the versioned one: appName is required.
    header = {"authHeader": {"user": DEMO_USER, "password": DEMO_PASSWORD,
                             "appName": "zeep", "appVersion": "4"}}  # fmt: skip
    logs = client.service.getAssetJobLogs(
        companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=header
    )
    assert [entry.logType for entry in logs] == ["UploadSuccess", "FileUpdated"]


def _user_children(server: EmulatorServer, version: str) -> list[str]:
    beta = f"{NS_XSD}/{version}"
    header = (
        f'<authHeader xmlns="{beta}"><user>{DEMO_USER}</user><password>{DEMO_PASSWORD}'
        "</password><samlResponse>ignored</samlResponse><appName>t</appName>"
        "<appVersion>1</appVersion></authHeader>"
    )
    answer = post(server.service_url, envelope(f'<getUserInfoParam xmlns="{beta}"/>', header))
    assert answer.status == 200, answer.content
    user = answer.root.find(f".//{{{beta}}}userInfo")
    assert user is not None
    return [etree.QName(child).localname for child in user]


def test_user_in_2021_has_default_role_and_role_again(server: EmulatorServer) -> None:
    """AEM's 2021-01-11-beta classes: both, optional, after isIpsAdmin."""
    assert _user_children(server, "2021-01-11-beta") == [
        "userHandle", "firstName", "lastName", "email", "isValid", "isIpsAdmin",
        "defaultRole", "role",
    ]  # fmt: skip
    assert _user_children(server, "2017-10-29-beta") == [
        "userHandle", "firstName", "lastName", "email", "isValid", "isIpsAdmin",
    ]  # fmt: skip


@pytest.mark.parametrize("version", BETAS)
def test_beta_auth_header_declares_saml_response(server: EmulatorServer, version: str) -> None:
    answer = requests.get(f"{server.url}/scene7/webservice/IpsApi-{version}.wsdl", timeout=10)
    root = etree.fromstring(answer.content)
    xs = "{http://www.w3.org/2001/XMLSchema}"
    headers = {
        schema.get("targetNamespace"): [
            e.get("name")
            for e in schema.find(f"{xs}element[@name='authHeader']").iter(f"{xs}element")
        ][1:]
        for schema in root.iter(f"{xs}schema")
    }
    assert headers[f"{NS_XSD}/{version}"][:5] == [
        "user", "password", "accessToken", "samlResponse", "locale",
    ]  # fmt: skip
    assert "samlResponse" not in headers[NS_XSD]
