"""getAssets (r-get-assets.md): the company's assets by handle."""

from __future__ import annotations

import pytest
import zeep

from ips_emulator import EmulatorServer
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_2008, auth_header, envelope, post

HEADER = {"authHeader": {"user": DEMO_USER, "password": DEMO_PASSWORD}}


@pytest.fixture(scope="module")
def client(server: EmulatorServer) -> zeep.Client:
    return zeep.Client(server.wsdl_url)


def test_assets_in_the_order_asked_each_once(client: zeep.Client) -> None:
    found = client.service.getAssets(
        companyHandle="c|6",
        assetHandleArray={"items": ["a|732|1|535", "a|nothing", "a|732|1|535"]},
        _soapheaders=HEADER,
    )
    assert [(a.assetHandle, a.name, a.type) for a in found] == [
        ("a|732|1|535", "blakexslttest.jpg", "Image"),
    ]
    assert found[0].imageInfo.originalFile == "blakexslttest.jpg"


def test_an_empty_handle_array_gives_no_assets(client: zeep.Client) -> None:
    found = client.service.getAssets(
        companyHandle="c|6", assetHandleArray={"items": []}, _soapheaders=HEADER
    )
    assert not found


def test_asset_handle_array_is_required(server: EmulatorServer) -> None:
    body = f'<getAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle></getAssetsParam>'
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.fault()[2:] == (
        "ipsApiFault", 30002, "Missing required parameter 'assetHandleArray'.",
    )  # fmt: skip
