"""API 6.6 (2013-02-15) and 6.8 (2014-04-03): our WSDLs against Adobe's, and a real
client built from Adobe's own WSDL file, unmodified but for the address."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from ips_emulator.protocol.api import REGISTRY
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER, REFERENCE, auth_header, envelope, post

REAL = REFERENCE / "real-service" / "wsdl"
VERSIONS = ["2013-02-15", "2014-04-03"]
W = "{http://schemas.xmlsoap.org/wsdl/}"
XS = "{http://www.w3.org/2001/XMLSchema}"
SOAP_BINDINGS = ("IpsApiServiceSoapBinding", "IpsApiServiceSoap12Binding")
FAULT_ELEMENTS = ("authHeader", "ipsApiFault", "authenticationFault", "authorizationFault")


def canonical(element: etree._Element) -> bytes:
    """The element's meaning: c14n, with explicit default occurrences dropped."""
    element = etree.fromstring(etree.tostring(element))
    for child in element.iter():
        for attribute in ("minOccurs", "maxOccurs"):
            if child.get(attribute) == "1":
                del child.attrib[attribute]
    return etree.tostring(element, method="c14n", exclusive=True, with_comments=False)


class Wsdl:
    def __init__(self, text: bytes) -> None:
        self.root = etree.fromstring(text, etree.XMLParser(remove_blank_text=True))

    def operation(self, name: str, binding: str | None = None) -> bytes:
        if binding is None:
            path = f"{W}portType/{W}operation[@name='{name}']"
        else:
            path = f"{W}binding[@name='{binding}']/{W}operation[@name='{name}']"
        found = self.root.find(path)
        assert found is not None, (name, binding)
        return canonical(found)

    def schema_item(self, namespace: str, kind: str, name: str) -> bytes | None:
        for schema in self.root.iter(f"{XS}schema"):
            if schema.get("targetNamespace") == namespace:
                found = schema.find(f"{XS}{kind}[@name='{name}']")
                if found is not None:
                    return canonical(found)
        return None


@pytest.fixture(scope="module", params=VERSIONS)
def both(request: pytest.FixtureRequest, server: EmulatorServer) -> tuple[str, Wsdl, Wsdl]:
    version: str = request.param
    ours = requests.get(f"{server.url}/scene7/webservice/IpsApi-{version}.wsdl", timeout=10)
    assert ours.status_code == 200
    real = (REAL / f"IpsApi-{version}.wsdl").read_bytes()
    return version, Wsdl(ours.content), Wsdl(real)


def test_operations_match_the_real_wsdl(both: tuple[str, Wsdl, Wsdl]) -> None:
    version, ours, real = both
    for op in REGISTRY.operations_in(version):
        assert ours.operation(op.name) == real.operation(op.name), op.name
        for binding in SOAP_BINDINGS:
            assert ours.operation(op.name, binding) == real.operation(op.name, binding), (
                op.name,
                binding,
            )


def test_elements_and_types_match_the_real_wsdl(both: tuple[str, Wsdl, Wsdl]) -> None:
    version, ours, real = both
    namespace = f"http://www.scene7.com/IpsApi/xsd/{version}"
    for op in REGISTRY.operations_in(version):
        for element in (op.param_element, op.return_element):
            mine = ours.schema_item(namespace, "element", element)
            assert mine == real.schema_item(namespace, "element", element), element
    for struct in REGISTRY.structs_used(version):
        mine = ours.schema_item(namespace, "complexType", struct.name)
        assert mine == real.schema_item(namespace, "complexType", struct.name), struct.name


def test_auth_header_and_faults_match_the_real_wsdl(both: tuple[str, Wsdl, Wsdl]) -> None:
    version, ours, real = both
    versioned = f"http://www.scene7.com/IpsApi/xsd/{version}"
    for namespace in ("http://www.scene7.com/IpsApi/xsd", versioned):
        for name in FAULT_ELEMENTS:
            mine = ours.schema_item(namespace, "element", name)
            assert mine == real.schema_item(namespace, "element", name), (namespace, name)


def header(version: str, locale: str | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {"user": DEMO_USER, "password": DEMO_PASSWORD}
    if version == "2014-04-03":
        values.update(appName="ips-emulator tests", appVersion="1.0")
    if locale:
        values["locale"] = locale
    return {"authHeader": values}


@pytest.fixture(scope="module")
def fast_server(make_server: ServerFactory) -> EmulatorServer:
    return make_server(job_speed=20.0)


def wait_until_done(service: Any, name: str, version: str) -> None:
    deadline = time.monotonic() + 20
    while True:
        active = service.getActiveJobs(
            companyHandle="c|6", originalName=name, _soapheaders=header(version)
        )
        if not active or active[0].state == "Done":
            return
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.1)


@pytest.mark.parametrize("version", VERSIONS)
def test_adobes_wsdl_unmodified_drives_the_emulator(
    fast_server: EmulatorServer, version: str
) -> None:
    client = zeep.Client(str(REAL / f"IpsApi-{version}.wsdl"))
    service = client.create_service(
        "{http://www.scene7.com/IpsApi}IpsApiServiceSoapBinding", fast_server.service_url
    )
    company = service.getCompanyInfo(companyName="ApiTestCo", _soapheaders=header(version))
    assert company.companyHandle == "c|6"
    logs = service.getAssetJobLogs(
        companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=header(version, "de-DE")
    )
    assert [log.logMessage for log in logs] == [
        "ApiTestCo/blakexslttest.jpg wurde in IPS verarbeitet",
        "ApiTestCo/blakexslttest.jpg wurde in IPS verarbeitet.",
    ]
    history = service.getJobLogs(companyHandle="c|6", numRows=5, _soapheaders=header(version))
    assert "Add_2007-10-24-16:11:07" in {log.originalJobName for log in history}
    assert history[0].transferSuccessCount == 0  # a 4.4 field: there from then on

    name = f"real-client-{version}"
    url = {"sourceUrl": "http://example.com/r.jpg", "destPath": f"{name}.jpg"}
    job = {"urlArray": {"items": [url]}, "overwrite": True, "readyForPublish": True,
           "createMask": False, "emailSetting": "None"}  # fmt: skip
    handle = service.submitJob(
        companyHandle="c|6", jobName=name, uploadUrlsJob=job, _soapheaders=header(version)
    )
    assert handle == f"j|6|{name}||"
    wait_until_done(service, name, version)
    (log,) = service.getJobLogDetails(
        companyHandle="c|6", originalName=name, _soapheaders=header(version)
    )
    types = [d.logType for d in log.detailArray.items]
    assert types[0] == "BeginUpload"
    assert "UploadSuccess" in types
    if version == "2014-04-03":
        assert all(d.dateCreated is not None for d in log.detailArray.items)

    with pytest.raises(zeep.exceptions.Fault) as caught:
        service.getAssetJobLogs(
            companyHandle="c|6", assetHandle="a|0", _soapheaders=header(version)
        )
    assert caught.value.message == "ipsApiFault"
    assert caught.value.detail[0][0].text == "30001"


TRANSFER_COUNTS = (
    "<transferSuccessCount>0</transferSuccessCount><transferErrorCount>0</transferErrorCount>"
    "<transferWarningCount>0</transferWarningCount>"
)


def test_versions_omit_later_fields_and_answer_alike(server: EmulatorServer) -> None:
    bodies = {}
    for version in ["2008-01-15", *VERSIONS]:
        ns = f"http://www.scene7.com/IpsApi/xsd/{version}"
        body = f'<getJobLogsParam xmlns="{ns}"><companyHandle>c|6</companyHandle></getJobLogsParam>'
        answer = post(server.service_url, envelope(body, auth_header()))
        assert answer.status == 200, answer.content
        bodies[version] = answer.content.decode().replace(ns, "NS")
    assert "transferSuccessCount" not in bodies["2008-01-15"]
    assert TRANSFER_COUNTS in bodies["2013-02-15"]
    assert bodies["2013-02-15"] == bodies["2014-04-03"]
    assert bodies["2008-01-15"] == bodies["2013-02-15"].replace(TRANSFER_COUNTS, "")


def test_2014_versioned_auth_header_needs_app_name(server: EmulatorServer) -> None:
    ns = "http://www.scene7.com/IpsApi/xsd/2014-04-03"
    body = f'<getUserInfoParam xmlns="{ns}"/>'
    answer = post(server.service_url, envelope(body, auth_header(namespace=ns)))
    assert answer.fault()[3:] == (30002, "Missing required parameter 'authHeader/appName'.")
    assert post(server.service_url, envelope(body, auth_header())).status == 200
    with_app = auth_header(namespace=ns, appName="a", appVersion="1")
    assert post(server.service_url, envelope(body, with_app)).status == 200
