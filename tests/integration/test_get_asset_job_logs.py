"""getAssetJobLogs over HTTP with zeep, built only from the served WSDL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from tests.conftest import demo_header
from tests.helpers import DATA, asset_logs_param, auth_header, canonical, envelope, post

PDT = timezone(timedelta(hours=-7))


def call(client: zeep.Client, **header: object) -> list[object]:
    return list(
        client.service.getAssetJobLogs(
            companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=demo_header(**header)
        )
    )


def test_documented_entries_in_order(client: zeep.Client) -> None:
    items = call(client)
    assert [(i.jobHandle, i.jobName, i.logType, i.submitUserEmail) for i in items] == [
        (
            "j|6||Add_2007-10-24-16:11:07",
            "Add_2007-10-24-16:11:07",
            "UploadSuccess",
            "strangio@adobe.com",
        ),
        (
            "j|6||submitServerUploadJob40_2008-06-11-11:38",
            "submitServerUploadJob40_2008-06-11-11:38",
            "FileUpdated",
            "strangio@adobe.com",
        ),
    ]
    assert [i.logMessage for i in items] == [
        "ApiTestCo/blakexslttest.jpg was processed into IPS",
        "ApiTestCo/blakexslttest.jpg was processed into IPS.",
    ]
    # The documented instants, whatever the server's time zone.
    assert [i.logDate for i in items] == [
        datetime(2007, 10, 24, 16, 12, 32, 297000, tzinfo=PDT),
        datetime(2008, 6, 11, 11, 38, 48, 547000, tzinfo=PDT),
    ]
    assert items[0].logDate.utcoffset() == timedelta(0)  # default --timezone UTC


def test_documented_request_gives_documented_response(pacific_server: EmulatorServer) -> None:
    """The docs' request plus an authHeader: the docs' response, element for element."""
    request = (DATA / "get_asset_job_logs.request.xml").read_text()
    answer = post(pacific_server.service_url, envelope(request, auth_header()))
    assert answer.status == 200
    body = answer.root[0]
    expected = etree.parse(str(DATA / "get_asset_job_logs.response.xml")).getroot()
    assert canonical(body[0]) == canonical(expected)


@pytest.mark.parametrize(
    ("locale", "first", "second"),
    [
        ("en-US", "was processed into IPS", "was processed into IPS."),
        ("fr-FR", "a été traité dans IPS", "a été traité dans IPS."),
        ("de-DE", "wurde in IPS verarbeitet", "wurde in IPS verarbeitet."),
        ("ja-JP", "は IPS で処理されました", "は IPS で処理されました。"),
        ("fr-CA", "a été traité dans IPS", "a été traité dans IPS."),
        ("xx-YY", "was processed into IPS", "was processed into IPS."),
    ],
)
def test_log_message_follows_auth_header_locale(
    client: zeep.Client, locale: str, first: str, second: str
) -> None:
    items = call(client, locale=locale)
    assert [i.logMessage for i in items] == [
        f"ApiTestCo/blakexslttest.jpg {first}",
        f"ApiTestCo/blakexslttest.jpg {second}",
    ]


def test_accept_language_when_no_locale_in_header(server: EmulatorServer) -> None:
    answer = post(
        server.service_url,
        envelope(asset_logs_param(), auth_header()),
        {"Accept-Language": "de;q=0.8, ja;q=0.9"},
    )
    assert "は IPS で処理されました" in answer.content.decode()


def test_auth_header_locale_beats_accept_language(server: EmulatorServer) -> None:
    answer = post(
        server.service_url,
        envelope(asset_logs_param(), auth_header(locale="fr-FR")),
        {"Accept-Language": "ja"},
    )
    assert "a été traité dans IPS" in answer.content.decode()


def test_server_default_locale(make_test_server: object) -> None:
    german = make_test_server(default_locale="de-DE")  # type: ignore[operator]
    answer = post(german.service_url, envelope(asset_logs_param(), auth_header()))
    assert "wurde in IPS verarbeitet" in answer.content.decode()


def test_asset_without_entries_gives_empty_array(server: EmulatorServer) -> None:
    from ips_emulator.storage import assets

    with server.app.database.store() as store:
        asset = assets.add_asset(
            store, 1, "", "empty.jpg", "Image", datetime(2020, 1, 1, tzinfo=UTC)
        )
    answer = post(server.service_url, envelope(asset_logs_param(asset=asset.handle), auth_header()))
    assert answer.status == 200
    assert (
        b'<getAssetJobLogsReturn xmlns="http://www.scene7.com/IpsApi/xsd/2008-01-15">'
        b"<jobLogArray/></getAssetJobLogsReturn>" in answer.content
    )
    client = zeep.Client(server.wsdl_url)
    result = client.service.getAssetJobLogs(
        companyHandle="c|6", assetHandle=asset.handle, _soapheaders=demo_header()
    )
    assert not result


def test_unknown_asset_is_ips_api_fault_naming_asset_handle(client: zeep.Client) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getAssetJobLogs(
            companyHandle="c|6", assetHandle="a|999", _soapheaders=demo_header()
        )
    fault = caught.value
    assert fault.message == "ipsApiFault"
    detail = fault.detail[0]
    assert etree.QName(detail).localname == "ipsApiFault"
    assert detail[0].text == "30001"
    assert "assetHandle" in detail[1].text
