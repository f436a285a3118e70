"""Envelopes as real SOAP stacks write them: prefixes, encodings, headers, whitespace."""

from __future__ import annotations

import codecs
import gzip

import pytest
import requests

from ips_emulator import EmulatorServer
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_2008, NS_XSD, post

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
AUTH = f"<user>{DEMO_USER}</user><password>{DEMO_PASSWORD}</password>"
PARAMS = "<companyHandle>c|6</companyHandle><assetHandle>a|732|1|535</assetHandle>"

ENVELOPES = {
    "axis2 prefixes": (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header>'
        f'<ns2:authHeader xmlns:ns2="{NS_XSD}"><ns2:user>{DEMO_USER}</ns2:user>'
        f"<ns2:password>{DEMO_PASSWORD}</ns2:password></ns2:authHeader></soapenv:Header>"
        f'<soapenv:Body><ns1:getAssetJobLogsParam xmlns:ns1="{NS_2008}">'
        "<ns1:companyHandle>c|6</ns1:companyHandle><ns1:assetHandle>a|732|1|535</ns1:assetHandle>"
        "</ns1:getAssetJobLogsParam></soapenv:Body></soapenv:Envelope>"
    ),
    "default namespaces everywhere": (
        f'<Envelope xmlns="{SOAP}"><Header><authHeader xmlns="{NS_XSD}">{AUTH}</authHeader>'
        f'</Header><Body><getAssetJobLogsParam xmlns="{NS_2008}">{PARAMS}'
        "</getAssetJobLogsParam></Body></Envelope>"
    ),
    "namespaces declared on the envelope": (
        f'<S:Envelope xmlns:S="{SOAP}" xmlns:h="{NS_XSD}" xmlns:t="{NS_2008}"><S:Header>'
        f"<h:authHeader><h:password>{DEMO_PASSWORD}</h:password><h:user>{DEMO_USER}</h:user>"
        "</h:authHeader></S:Header><S:Body><t:getAssetJobLogsParam>"
        "<t:companyHandle>c|6</t:companyHandle><t:assetHandle>a|732|1|535</t:assetHandle>"
        "</t:getAssetJobLogsParam></S:Body></S:Envelope>"
    ),
    "whitespace and comments": (
        f'<?xml version="1.0"?>\n<!-- generated -->\n<e:Envelope xmlns:e="{SOAP}">\n  '
        f'<e:Header>\n    <authHeader xmlns="{NS_XSD}">\n      <!-- who -->\n      '
        f"<user> {DEMO_USER} </user>\n      <password>{DEMO_PASSWORD}</password>\n    "
        f'</authHeader>\n  </e:Header>\n  <e:Body>\n    <getAssetJobLogsParam xmlns="{NS_2008}">'
        "\n      <companyHandle>c|6</companyHandle>\n      <!-- the asset -->\n      "
        "<assetHandle>a|732|1|535</assetHandle>\n    </getAssetJobLogsParam>\n  </e:Body>\n"
        "</e:Envelope>\n"
    ),
}


@pytest.mark.parametrize("name", list(ENVELOPES))
def test_envelope_styles(server: EmulatorServer, name: str) -> None:
    answer = post(server.service_url, ENVELOPES[name].encode())
    assert answer.status == 200, answer.content
    assert answer.content.count(b"<items>") == 2


def test_empty_header_with_basic_auth(server: EmulatorServer) -> None:
    body = (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header/><soapenv:Body>'
        f'<getAssetJobLogsParam xmlns="{NS_2008}">{PARAMS}</getAssetJobLogsParam>'
        "</soapenv:Body></soapenv:Envelope>"
    )
    answer = post(server.service_url, body.encode(), auth=(DEMO_USER, DEMO_PASSWORD))
    assert answer.status == 200


@pytest.mark.parametrize(
    "content_type",
    ["text/xml", "text/xml; charset=UTF-8", "text/xml;charset=utf-8", "application/xml", ""],
)
def test_content_types(server: EmulatorServer, content_type: str) -> None:
    answer = post(
        server.service_url,
        ENVELOPES["axis2 prefixes"].encode(),
        {"Content-Type": content_type},
    )
    assert answer.status == 200


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_encodings(server: EmulatorServer, encoding: str, prefix: bytes) -> None:
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    text = f'<?xml version="1.0" encoding="{declared}"?>' + ENVELOPES["axis2 prefixes"]
    text = text.replace("a|732|1|535", "a|732|1|535")  # the same, in any encoding
    answer = post(server.service_url, prefix + text.encode(encoding))
    assert answer.status == 200, answer.content


def test_non_ascii_values_round_trip(server: EmulatorServer) -> None:
    body = ENVELOPES["axis2 prefixes"].replace("a|732|1|535", "a|ünïcødé|日本")
    answer = post(server.service_url, body.encode("utf-8"))
    assert answer.fault()[3] == 30001
    assert "a|ünïcødé|日本" in answer.fault()[4]


def test_gzip_response_true_forces_gzip(server: EmulatorServer) -> None:
    body = ENVELOPES["default namespaces everywhere"].replace(
        "</password>", "</password><gzipResponse>true</gzipResponse>"
    )
    raw = requests.post(
        server.service_url, data=body.encode(), headers={"Accept-Encoding": "identity"},
        stream=True, timeout=10,
    )  # fmt: skip
    assert raw.headers["Content-Encoding"] == "gzip"
    assert b"<getAssetJobLogsReturn" in gzip.decompress(raw.raw.read())
