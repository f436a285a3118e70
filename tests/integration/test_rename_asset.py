"""renameAsset (r-rename-asset.md; the live 2010-01-31 service's recorded answers)."""

from __future__ import annotations

import pytest
import zeep
from lxml import etree
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD, REFERENCE, auth_header, envelope, post

NS_2010 = f"{NS_XSD}/2010-01-31"
RECORDED = REFERENCE / "real-service" / "recorded-2010-01-31"
HEADER = {"authHeader": {"user": DEMO_USER, "password": DEMO_PASSWORD}}
SEED = {
    "assets": [
        {"company": "c|6", "handle": "a|r1", "name": "katlynf", "type": "Image",
         "folder": "people/", "created": "2020-01-01T00:00:00Z"},
        {"company": "c|6", "handle": "a|r2", "name": "katlyn", "type": "Image",
         "folder": "people/", "created": "2020-01-01T00:00:00Z"},
        {"company": "c|6", "handle": "a|r3", "name": "elsewhere", "type": "Image",
         "folder": "other/", "created": "2020-01-01T00:00:00Z"},
    ]
}  # fmt: skip


@pytest.fixture
def renamer(make_test_server: ServerFactory) -> EmulatorServer:
    server = make_test_server()
    server.app.seed(SEED)
    return server


def rename(server: EmulatorServer, handle: str, name: str, validate: bool = False) -> bytes:
    body = (
        f'<renameAssetParam xmlns="{NS_2010}"><companyHandle>c|6</companyHandle>'
        f"<assetHandle>{handle}</assetHandle><newName>{name}</newName>"
        f"<validateName>{str(validate).lower()}</validateName></renameAssetParam>"
    )
    return post(server.service_url, envelope(body, auth_header())).content


def shape(content: bytes) -> bytes:
    body = etree.fromstring(content)[-1][0]
    for element in body.iter():
        if element.text and element.text.strip():
            element.text = "x"
    return etree.tostring(body, method="c14n")


def test_rename_answers_as_recorded_and_keeps_the_asset(renamer: EmulatorServer) -> None:
    answer = rename(renamer, "a|r2", "katlyn-2")
    assert shape(answer) == shape((RECORDED / "rename_asset__success.xml").read_bytes())
    client = zeep.Client(f"{renamer.url}/scene7/webservice/IpsApi-2014-04-03.wsdl")
    header = {"authHeader": {**HEADER["authHeader"], "appName": "t", "appVersion": "1"}}
    (asset,) = client.service.getAssets(
        companyHandle="c|6", assetHandleArray={"items": ["a|r2"]}, _soapheaders=header
    )
    assert (asset.name, asset.folder, asset.lastModifyUser) == (
        "katlyn-2", "ApiTestCo/people/", DEMO_USER,
    )  # fmt: skip


def test_a_name_in_use_in_the_folder_is_the_recorded_fault(renamer: EmulatorServer) -> None:
    answer = rename(renamer, "a|r2", "katlynf")
    assert answer == (RECORDED / "rename_asset__failure.xml").read_bytes().rstrip(b"\n")


def test_validate_name_checks_the_whole_company(renamer: EmulatorServer) -> None:
    answer = rename(renamer, "a|r2", "elsewhere", validate=True)  # in other/
    assert b"Asset ID 'elsewhere' is already in use." in answer
    assert b"renameAssetReturn" in rename(renamer, "a|r2", "elsewhere")  # the folder only


def test_bad_input_names_the_field(renamer: EmulatorServer) -> None:
    client = zeep.Client(f"{renamer.url}/scene7/webservice/IpsApi-2013-02-15.wsdl")
    with pytest.raises(Fault) as caught:
        client.service.renameAsset(companyHandle="c|6", assetHandle="a|none", newName="x",
                                   validateName=False, _soapheaders=HEADER)  # fmt: skip
    assert "'assetHandle'" in caught.value.detail[0].findtext(f"{{{NS_XSD}}}reason")
    for name in ("a/b", "..", "."):
        assert b"'newName'" in rename(renamer, "a|r2", name)
