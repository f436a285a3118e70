"""moveAsset and moveAssets over HTTP (r-move-asset.md, r-move-assets.md; a name in use
is refused with the live service's recorded renameAsset fault)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from tests.helpers import NS_2008, NS_XSD, auth_header, envelope, post
from tests.integration.assets_support import (
    MEMBER,
    PASSWORD,
    START,
    asset_server,
    batch,
    client_of,
    get_asset,
    header,
    log_types,
    reason,
)

__all__ = ["asset_server"]  # the fixture, used by name

HISTORY = [("UploadSuccess", "ApiTestCo/shop/hat.jpg was processed into IPS")]


def test_move_and_rename_keep_the_assets_job_logs(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server)
    clock = asset_server.app.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(minutes=5))
    client.service.moveAsset(companyHandle="c|6", assetHandle="a|hat",
                             folderHandle="f|ApiTestCo/empty/", _soapheaders=header())  # fmt: skip
    client.service.renameAsset(companyHandle="c|6", assetHandle="a|hat", newName="cap",
                               validateName=False, _soapheaders=header())  # fmt: skip
    asset = get_asset(client, "a|hat")
    assert (asset.name, asset.folder, asset.folderHandle, asset.lastModifyUser) == (
        "cap", "ApiTestCo/empty/", "f|ApiTestCo/empty/", "demo@ips-emulator.test",
    )  # fmt: skip
    assert asset.lastModified == START + timedelta(minutes=5)
    # No entry for a move or a rename (the Job Log Types list has none); the history stays,
    # with the path it was written with.
    assert log_types(client, "a|hat") == HISTORY
    folders = client.service.getFolders(companyHandle="c|6", _soapheaders=header())
    dates = {f.path: f.childLastModified for f in folders.folderArray.items}
    assert dates["ApiTestCo/shop/"] == dates["ApiTestCo/empty/"] == START + timedelta(minutes=5)


def test_move_to_the_company_root(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server, "2013-02-15")
    client.service.moveAsset(companyHandle="c|6", assetHandle="a|coat",
                             folderHandle="f|ApiTestCo/", _soapheaders=header())  # fmt: skip
    assert get_asset(client_of(asset_server), "a|coat").folder == "ApiTestCo/"


def test_the_move_asset_page_example_request_in_pre_4_0(asset_server: EmulatorServer) -> None:
    # The page sends a bare folder path as folderHandle.
    body = (
        f'<ns1:moveAssetParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|6</ns1:companyHandle>'
        "<ns1:assetHandle>a|scarf</ns1:assetHandle>"
        "<ns1:folderHandle>ApiTestCo/empty/</ns1:folderHandle></ns1:moveAssetParam>"
    )
    answer = post(asset_server.service_url, envelope(body, auth_header()))
    assert f'<moveAssetReturn xmlns="{NS_XSD}"/>'.encode() in answer.content
    assert get_asset(client_of(asset_server), "a|scarf").folder == "ApiTestCo/empty/"


@pytest.mark.parametrize(
    ("asset", "folder", "code", "words"),
    [
        ("a|hat", "f|ApiTestCo/sale/", 30000, "Asset ID 'hat' is already in use."),
        ("a|hat", "f|OtherCo/", 30001, "'folderHandle'"),
        ("a|hat", "f|ApiTestCo/../OtherCo/", 30001, "'folderHandle'"),
        ("a|hat", "f|ApiTestCo/nowhere/", 30001, "no such folder"),
        ("a|none", "f|ApiTestCo/empty/", 30001, "'assetHandle'"),
        ("a|other", "f|ApiTestCo/empty/", 30001, "'assetHandle'"),
    ],
)
def test_move_faults_and_changes_nothing(
    asset_server: EmulatorServer, asset: str, folder: str, code: int, words: str
) -> None:
    client = client_of(asset_server)
    with pytest.raises(Fault) as caught:
        client.service.moveAsset(companyHandle="c|6", assetHandle=asset, folderHandle=folder,
                                 _soapheaders=header())  # fmt: skip
    assert caught.value.detail[0].findtext(f"{{{NS_XSD}}}code") == str(code)
    assert words in reason(caught.value)
    assert get_asset(client, "a|hat").folder == "ApiTestCo/shop/"
    assert get_asset(client, "a|other", "c|8").folder == "OtherCo/"


def test_an_asset_in_the_trash_is_neither_moved_nor_renamed(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server)
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=header())
    with pytest.raises(Fault) as caught:
        client.service.moveAsset(
            companyHandle="c|6", assetHandle="a|hat", folderHandle="f|ApiTestCo/empty/",
            _soapheaders=header(),
        )  # fmt: skip
    assert "the asset is in the trash" in reason(caught.value)
    with pytest.raises(Fault) as caught:
        client.service.renameAsset(companyHandle="c|6", assetHandle="a|hat", newName="cap",
                                   validateName=False, _soapheaders=header())  # fmt: skip
    assert "the asset is in the trash" in reason(caught.value)
    assert (get_asset(client, "a|hat").name, get_asset(client, "a|hat").folder) == (
        "hat", "ApiTestCo/shop/",
    )  # fmt: skip


def test_move_assets_moves_each_item_alone(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server, "2013-02-15")
    moves = [
        {"assetHandle": "a|coat", "folderHandle": "f|ApiTestCo/sale/"},
        {"assetHandle": "a|hat", "folderHandle": "f|ApiTestCo/sale/"},  # name in use there
        {"assetHandle": "a|scarf", "folderHandle": "f|OtherCo/"},
        {"assetHandle": "a|lone", "folderHandle": "f|ApiTestCo/"},
    ]
    answer = client.service.moveAssets(
        companyHandle="c|6", assetMoveArray={"items": moves},
        _soapheaders={"authHeader": {"user": MEMBER, "password": PASSWORD}},
    )  # fmt: skip
    success, warnings, errors, _, failed = batch(answer)
    assert (success, warnings, errors) == (2, 0, 2)
    assert [(f.assetHandle, f.code) for f in failed] == [("a|hat", 30000), ("a|scarf", 30001)]
    assert failed[0].reason == "Asset ID 'hat' is already in use."
    assert "'folderHandle'" in failed[1].reason
    client = client_of(asset_server)
    folders = {h: get_asset(client, h).folder for h in ("a|coat", "a|hat", "a|scarf", "a|lone")}
    assert folders == {"a|coat": "ApiTestCo/sale/", "a|hat": "ApiTestCo/shop/",
                       "a|scarf": "ApiTestCo/", "a|lone": "ApiTestCo/"}  # fmt: skip


def test_the_move_assets_page_example_request(asset_server: EmulatorServer) -> None:
    items = "".join(
        f"<items><assetHandle>{h}</assetHandle><folderHandle>ApiTestCo/empty/</folderHandle>"
        "</items>"
        for h in ("a|hat", "a|coat")
    )
    body = (
        f'<moveAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<assetMoveArray>{items}</assetMoveArray></moveAssetsParam>"
    )
    answer = post(asset_server.service_url, envelope(body, auth_header()))
    assert answer.content.endswith(
        f'<moveAssetsReturn xmlns="{NS_2008}"><successCount>2</successCount><warningCount>0'
        "</warningCount><errorCount>0</errorCount></moveAssetsReturn></soapenv:Body>"
        "</soapenv:Envelope>".encode()
    )


def test_a_missing_folder_handle_names_it(asset_server: EmulatorServer) -> None:
    body = (
        f'<moveAssetParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<assetHandle>a|hat</assetHandle></moveAssetParam>"
    )
    answer = post(asset_server.service_url, envelope(body, auth_header()))
    assert answer.fault()[3:] == (30002, "Missing required parameter 'folderHandle'.")
