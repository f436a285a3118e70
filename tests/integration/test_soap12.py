"""SOAP 1.2: the WSDL's second binding, answered in SOAP 1.2 (responses and faults)."""

from __future__ import annotations

import pytest
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from tests.conftest import demo_header
from tests.helpers import asset_logs_param, auth_header, post

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"


def envelope12(body: str, header: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{SOAP12}">'
        f"<s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


def test_soap12_request_gets_soap12_response(server: EmulatorServer) -> None:
    answer = post(
        server.service_url,
        envelope12(asset_logs_param(), auth_header()),
        {"Content-Type": 'application/soap+xml; charset=UTF-8; action="getAssetJobLogs"'},
    )
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("application/soap+xml")
    assert answer.content.startswith(
        b"<?xml version='1.0' encoding='UTF-8'?>"
        b'<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">'
        b"<soapenv:Body><getAssetJobLogsReturn"
    )


def test_soap12_fault_shape(server: EmulatorServer) -> None:
    answer = post(
        server.service_url,
        envelope12(asset_logs_param(asset="a|0"), auth_header()),
        {"Content-Type": "application/soap+xml"},
    )
    assert answer.status == 500
    fault = answer.root.find(f"{{{SOAP12}}}Body/{{{SOAP12}}}Fault")
    assert fault is not None
    assert [etree.QName(c).localname for c in fault] == ["Code", "Reason", "Detail"]
    assert fault.findtext(f"{{{SOAP12}}}Code/{{{SOAP12}}}Value") == "soapenv:Receiver"
    assert fault.findtext(f"{{{SOAP12}}}Reason/{{{SOAP12}}}Text") == "ipsApiFault"
    detail = fault.find(f"{{{SOAP12}}}Detail")[0]  # type: ignore[index]
    assert etree.QName(detail).localname == "ipsApiFault"
    assert detail[0].text == "30001"


def test_zeep_over_the_soap12_port(server: EmulatorServer) -> None:
    client = zeep.Client(server.wsdl_url, port_name="IpsApiSoap12Port")
    items = client.service.getAssetJobLogs(
        companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=demo_header("fr-FR")
    )
    assert [i.logType for i in items] == ["UploadSuccess", "FileUpdated"]
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getAssetJobLogs(
            companyHandle="c|6", assetHandle="a|0", _soapheaders=demo_header()
        )
    assert caught.value.message == "ipsApiFault"
    assert caught.value.code == "soapenv:Receiver"


def test_wsdl_declares_both_bindings_as_the_real_one(server: EmulatorServer) -> None:
    client = zeep.Client(server.wsdl_url)
    ports = client.wsdl.services["IpsApiService"].ports
    assert list(ports) == ["IpsApiSoapPort", "IpsApiSoap12Port"]
