"""The plain-XML binding at /scene7/api/IpsApiService: <Request> in, bare element out."""

from __future__ import annotations

from lxml import etree

from ips_emulator import EmulatorServer
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_2008, NS_XSD, post

NS_2014 = "http://www.scene7.com/IpsApi/xsd/2014-04-03"


def request(ns: str, param: str, auth_ns: str = NS_XSD, **extra: str) -> bytes:
    fields = f"<user>{DEMO_USER}</user><password>{DEMO_PASSWORD}</password>"
    fields += "".join(f"<{k}>{v}</{k}>" for k, v in extra.items())
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Request xmlns="{ns}">'
        f'<authHeader xmlns="{auth_ns}">{fields}</authHeader>{param}</Request>'
    ).encode()


def asset_logs(asset: str = "a|732|1|535") -> str:
    return (
        "<getAssetJobLogsParam><companyHandle>c|6</companyHandle>"
        f"<assetHandle>{asset}</assetHandle></getAssetJobLogsParam>"
    )


def plain_url(server: EmulatorServer) -> str:
    return f"{server.url}/scene7/api/IpsApiService"


def test_bare_return_element(server: EmulatorServer) -> None:
    answer = post(plain_url(server), request(NS_2008, asset_logs(), locale="fr-FR"))
    assert answer.status == 200
    text = answer.content.decode()
    assert text.startswith(
        f"<?xml version='1.0' encoding='UTF-8'?><getAssetJobLogsReturn xmlns=\"{NS_2008}\">"
    )
    assert "a été traité dans IPS" in text
    assert "Envelope" not in text


def test_bare_fault_element_and_status(server: EmulatorServer) -> None:
    answer = post(plain_url(server), request(NS_2008, asset_logs("a|0")))
    assert answer.status == 500
    root = etree.fromstring(answer.content)
    assert root.tag == f"{{{NS_XSD}}}ipsApiFault"
    assert [etree.QName(c).localname for c in root] == ["code", "reason"]
    assert root[0].text == "30001"
    flex = post(plain_url(server), request(NS_2008, asset_logs("a|0"), faultHttpStatusCode="200"))
    assert flex.status == 200
    assert etree.fromstring(flex.content).tag == f"{{{NS_XSD}}}ipsApiFault"


def test_versioned_auth_header_in_2014(server: EmulatorServer) -> None:
    answer = post(
        plain_url(server),
        request(NS_2014, asset_logs(), auth_ns=NS_2014, appName="AEM", appVersion="6.5"),
    )
    assert answer.status == 200
    assert answer.content.decode().count("<items>") == 2


def test_wrong_credentials_and_bad_documents(server: EmulatorServer) -> None:
    bad = request(NS_2008, asset_logs()).replace(DEMO_PASSWORD.encode(), b"nope", 1)
    root = etree.fromstring(post(plain_url(server), bad).content)
    assert (root.tag, root[0].text) == (f"{{{NS_XSD}}}authenticationFault", "10001")
    for body in (b"<Nope/>", b"not xml", request(NS_2008, asset_logs() + asset_logs())):
        root = etree.fromstring(post(plain_url(server), body).content)
        assert (root.tag, root[0].text) == (f"{{{NS_XSD}}}ipsApiFault", "30003")
