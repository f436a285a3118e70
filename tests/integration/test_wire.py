"""Response bytes and envelope handling as real IPS clients depend on them."""

from __future__ import annotations

import gzip
import re

import pytest
import requests

from ips_emulator import EmulatorServer
from tests.helpers import NS_2008, SOAP_ENV, asset_logs_param, auth_header, envelope, post


def body_text(content: bytes) -> str:
    """The text between <soapenv:Body> and </soapenv:Body>, as string-slicing clients take it."""
    text = content.decode()
    start = text.index("<soapenv:Body>") + len("<soapenv:Body>")
    return text[start : text.index("</soapenv:Body>")]


def test_envelope_prefix_and_unprefixed_return(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()))
    text = answer.content.decode()
    assert text.startswith(
        "<?xml version='1.0' encoding='UTF-8'?>"
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
        "<soapenv:Body>"
    )
    assert text.endswith("</soapenv:Body></soapenv:Envelope>")
    inner = body_text(answer.content)
    assert inner.startswith(f'<getAssetJobLogsReturn xmlns="{NS_2008}"><jobLogArray><items>')
    # No prefix anywhere inside the body, and no xsi/nil noise.
    assert not re.search(r"<\w+:", inner)
    assert "xsi:" not in inner
    assert answer.headers["Content-Type"].startswith("text/xml")


def test_dates_have_milliseconds_and_offset(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()))
    assert re.findall(r"<logDate>([^<]+)</logDate>", answer.content.decode()) == [
        "2007-10-24T23:12:32.297Z",
        "2008-06-11T18:38:48.547Z",
    ]


@pytest.mark.parametrize(
    "soap_action",
    ["getAssetJobLogs", '"getAssetJobLogs"', '""', None, "someOtherOperation"],
)
def test_soap_action_variants_route_on_body(
    server: EmulatorServer, soap_action: str | None
) -> None:
    headers = {} if soap_action is None else {"SOAPAction": soap_action}
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header()), headers)
    assert answer.status == 200
    assert "<getAssetJobLogsReturn" in answer.content.decode()


def test_prefixed_request_elements(server: EmulatorServer) -> None:
    body = (
        f'<ns1:getAssetJobLogsParam xmlns:ns1="{NS_2008}">'
        "<ns1:companyHandle>c|6</ns1:companyHandle>"
        "<ns1:assetHandle>a|732|1|535</ns1:assetHandle></ns1:getAssetJobLogsParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 200


def test_missing_required_parameter_is_30002_naming_it(server: EmulatorServer) -> None:
    body = (
        f'<getAssetJobLogsParam xmlns="{NS_2008}">'
        "<companyHandle>c|6</companyHandle></getAssetJobLogsParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 500
    faultcode, faultstring, element, code, reason = answer.fault()
    assert (faultcode, faultstring, element, code) == (
        "soapenv:Server",
        "ipsApiFault",
        "ipsApiFault",
        30002,
    )
    assert "assetHandle" in reason


def test_recorded_fault_shape_byte_for_byte(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param(asset="a|0"), auth_header()))
    assert answer.content.decode() == (
        "<?xml version='1.0' encoding='UTF-8'?>"
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
        "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode>"
        "<faultstring>ipsApiFault</faultstring><detail>"
        '<tns:ipsApiFault xmlns:tns="http://www.scene7.com/IpsApi/xsd"><tns:code>30001</tns:code>'
        "<tns:reason>Invalid assetHandle 'a|0': no such asset in company 'c|6'.</tns:reason>"
        "</tns:ipsApiFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>"
    )


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"not xml at all", "Invalid request XML"),
        (b"", "empty"),
        (b"<a><b></a>", "Invalid request XML"),
        (b"<notAnEnvelope/>", "not a SOAP 1.1 or SOAP 1.2 Envelope"),
    ],
)
def test_unparsable_requests_are_30003(server: EmulatorServer, body: bytes, needle: str) -> None:
    answer = post(server.service_url, body)
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)
    assert needle in answer.fault()[4]


def test_doctype_is_refused(server: EmulatorServer) -> None:
    attack = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        + envelope(asset_logs_param(company="&e;"), auth_header()).split(b"?>", 1)[1]
    )
    answer = post(server.service_url, attack)
    assert answer.fault()[3] == 30003
    assert b"root:" not in answer.content


def test_unknown_operation_is_30003(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(f'<fooParam xmlns="{NS_2008}"/>', auth_header()))
    assert answer.fault()[3] == 30003
    assert "fooParam" in answer.fault()[4]


def test_gzip_when_accepted_and_not_refused(server: EmulatorServer) -> None:
    request = envelope(asset_logs_param(), auth_header())
    raw = requests.post(
        server.service_url, data=request, headers={"Accept-Encoding": "gzip"}, stream=True
    )
    assert raw.headers.get("Content-Encoding") == "gzip"
    assert b"<getAssetJobLogsReturn" in gzip.decompress(raw.raw.read())
    refused = envelope(asset_logs_param(), auth_header(gzipResponse="false"))
    raw = requests.post(server.service_url, data=refused, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in raw.headers
    identity = requests.post(
        server.service_url, data=request, headers={"Accept-Encoding": "identity"}
    )
    assert "Content-Encoding" not in identity.headers


def test_gzip_request_body_accepted(server: EmulatorServer) -> None:
    data = gzip.compress(envelope(asset_logs_param(), auth_header()))
    answer = post(server.service_url, data, {"Content-Encoding": "gzip"})
    assert answer.status == 200


def test_get_on_service_without_wsdl_is_405_with_hint(server: EmulatorServer) -> None:
    response = requests.get(server.service_url, timeout=10)
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert "?wsdl" in response.text


def test_head_on_service_is_answered_like_get(server: EmulatorServer) -> None:
    wsdl = requests.head(f"{server.service_url}?wsdl", timeout=10)
    assert wsdl.status_code == 200
    assert wsdl.headers["Content-Type"].startswith("text/xml")
    assert requests.head(server.service_url, timeout=10).status_code == 405


def test_soap_answers_have_werkzeug_status_lines_and_exact_lengths(server: EmulatorServer) -> None:
    """SOAP POSTs bypass werkzeug's response objects: the status line (read raw here)
    and headers stay what werkzeug writes for every other path."""
    identity = {"Accept-Encoding": "identity"}
    request = envelope(asset_logs_param(), auth_header())
    ok = requests.post(server.service_url, data=request, headers=identity)
    assert (ok.status_code, ok.reason) == (200, "OK")
    assert int(ok.headers["Content-Length"]) == len(ok.content)
    assert ok.headers["Content-Type"] == "text/xml;charset=UTF-8"
    fault = requests.post(server.service_url, data=envelope(asset_logs_param(), auth_header("x")))
    assert (fault.status_code, fault.reason) == (500, "INTERNAL SERVER ERROR")
    header = auth_header(password="nope", faultHttpStatusCode="299")
    unnamed = requests.post(server.service_url, data=envelope(asset_logs_param(), header))
    assert (unnamed.status_code, unnamed.reason) == (299, "UNKNOWN")


def test_oversized_body_is_413(server: EmulatorServer) -> None:
    response = requests.post(server.service_url, data=b"x" * (10 * 1024 * 1024 + 1), timeout=30)
    assert response.status_code == 413


def _envelope(*children: str, namespace: str = SOAP_ENV) -> bytes:
    inner = "".join(children)
    return f'<soapenv:Envelope xmlns:soapenv="{namespace}">{inner}</soapenv:Envelope>'.encode()


HEADER = f"<soapenv:Header>{auth_header()}</soapenv:Header>"
BODY = f"<soapenv:Body>{asset_logs_param()}</soapenv:Body>"


@pytest.mark.parametrize(
    ("children", "needle"),
    [
        ((BODY, HEADER), "a SOAP Header after the Body"),
        ((HEADER, HEADER, BODY), "a SOAP Header after the Body or a second one"),
        ((HEADER, BODY, BODY), "a second SOAP Body"),
    ],
)
def test_misplaced_header_or_body_is_a_malformed_envelope(
    server: EmulatorServer, children: tuple[str, ...], needle: str
) -> None:
    assert post(server.service_url, _envelope(HEADER, BODY)).status == 200  # the same, in order
    answer = post(server.service_url, _envelope(*children))
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)
    assert needle in answer.fault()[4]


def test_header_after_body_is_malformed_in_soap_12_too(server: EmulatorServer) -> None:
    soap12 = "http://www.w3.org/2003/05/soap-envelope"
    answer = post(
        server.service_url,
        _envelope(BODY, HEADER, namespace=soap12),
        headers={"Content-Type": "application/soap+xml;charset=UTF-8"},
    )
    assert b"a SOAP Header after the Body" in answer.content
    assert b"30003" in answer.content
