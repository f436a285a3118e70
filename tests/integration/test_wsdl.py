"""The WSDL is a contract: served at the real paths, equal to the committed file."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
from ips_emulator.protocol.wsdl import ADDRESS_PLACEHOLDER, WsdlWriter, wsdl_file_name
from tests.conftest import demo_header

WSDL_DIR = Path(__file__).resolve().parents[2] / "wsdl"
COMMITTED = WSDL_DIR / "IpsApi-2008-01-15.wsdl"
PATHS = [
    "/scene7/webservice/IpsApi-2008-01-15.wsdl",
    "/scene7/IpsApi-2008-01-15.wsdl",
    "/scene7/services/IpsApiService?wsdl",
]


@pytest.mark.parametrize("version", list(VERSION_NAMESPACES))
def test_committed_wsdl_is_what_the_declarations_generate(version: str) -> None:
    generated = WsdlWriter(REGISTRY, version, VERSION_NAMESPACES[version]).write()
    committed = WSDL_DIR / wsdl_file_name(version)
    assert committed.read_text(encoding="utf-8") == generated, (
        "wsdl/ drifted from the protocol declarations: run `make wsdl` and review the diff"
    )


def test_every_committed_wsdl_is_a_served_version() -> None:
    names = {wsdl_file_name(version) for version in VERSION_NAMESPACES}
    assert {p.name for p in WSDL_DIR.glob("*.wsdl")} == names
    assert "IpsApi.wsdl" in names  # pre-4.0, the real service's name


@pytest.mark.parametrize(
    ("path", "name"),
    [*((path, COMMITTED.name) for path in PATHS),
     ("/scene7/webservice/IpsApi.wsdl", "IpsApi.wsdl"), ("/scene7/IpsApi.wsdl", "IpsApi.wsdl")],
)  # fmt: skip
def test_served_wsdl_is_the_committed_file_with_the_callers_address(
    server: EmulatorServer, path: str, name: str
) -> None:
    response = requests.get(server.url + path, timeout=10)
    assert response.status_code == 200
    expected = (WSDL_DIR / name).read_text(encoding="utf-8")
    assert response.text == expected.replace(ADDRESS_PLACEHOLDER, server.service_url)


def test_address_follows_host_header_and_service_url(server: EmulatorServer) -> None:
    by_name = requests.get(PATHS[0].join([f"http://localhost:{server.port}", ""]), timeout=10)
    assert (
        f'location="http://localhost:{server.port}/scene7/services/IpsApiService"' in by_name.text
    )
    proxied = requests.get(
        server.url + PATHS[0], params={"serviceUrl": "http://proxy:8081/x"}, timeout=10
    )
    assert 'location="http://proxy:8081/x"' in proxied.text


def test_unknown_wsdl_is_404(server: EmulatorServer) -> None:
    assert (
        requests.get(server.url + "/scene7/webservice/IpsApi-1999.wsdl", timeout=10).status_code
        == 404
    )


def test_schemas_are_valid_xml_schema() -> None:
    root = etree.parse(str(COMMITTED)).getroot()
    schemas = root.findall(
        "{http://schemas.xmlsoap.org/wsdl/}types/{http://www.w3.org/2001/XMLSchema}schema"
    )
    assert len(schemas) == 2
    for schema in schemas:
        if schema.get("targetNamespace") == "http://www.scene7.com/IpsApi/xsd":
            etree.XMLSchema(schema)  # raises if invalid
    header = root.find(".//{http://www.w3.org/2001/XMLSchema}element[@name='authHeader']")
    assert header is not None
    names = [e.get("name") for e in header.iter("{http://www.w3.org/2001/XMLSchema}element")]
    assert names == [
        "authHeader", "user", "password", "locale", "appName", "appVersion",
        "gzipResponse", "faultHttpStatusCode",
    ]  # fmt: skip


def test_zeep_signature_has_auth_header_and_documented_names(server: EmulatorServer) -> None:
    client = zeep.Client(server.wsdl_url)
    operation = client.service._binding._operations["getAssetJobLogs"]
    signature = operation.input.signature()
    assert "companyHandle: xsd:string, assetHandle: xsd:string" in signature
    assert "_soapheaders={authHeader:" in signature
    result = client.service.getAssetJobLogs(
        companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=demo_header()
    )
    assert len(result) == 2
    item_type = client.get_type("{http://www.scene7.com/IpsApi/xsd/2008-01-15}AssetJobLog")
    assert [name for name, _ in item_type.elements] == [
        "jobHandle", "jobName", "logMessage", "logType", "submitUserEmail", "logDate", "auxArray",
    ]  # fmt: skip
