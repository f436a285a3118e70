"""Our responses have the shape of the responses recorded from the live service
(docs/reference/real-service/recorded-2010-01-31): same elements, order, prefixes,
self-closing empties and omitted optionals; values and the version namespace aside."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from lxml import etree

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from ips_emulator.protocol.api import REGISTRY
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, REFERENCE, auth_header, envelope, post
from tests.integration.jobs_support import START

RECORDED = REFERENCE / "real-service" / "recorded-2010-01-31"

Shape = tuple[str | None, str, bool, tuple[Any, ...]]


def shape(element: etree._Element) -> Shape:
    """Prefix, local name, whether empty, and the children's shapes (repeats folded)."""
    children: list[Shape] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        child_shape = shape(child)
        if not children or children[-1][1] != child_shape[1]:
            children.append(child_shape)
    empty = len(element) == 0 and not (element.text or "").strip()
    return element.prefix, etree.QName(element).localname, empty, tuple(children)


def body_of(content: bytes) -> etree._Element:
    root = etree.fromstring(content)
    assert root.prefix == "soapenv"
    return root[-1][0]  # soapenv:Body / the one element


def recorded(name: str) -> etree._Element:
    return body_of((RECORDED / name).read_bytes())


def call(server: EmulatorServer, operation: str, inner: str) -> etree._Element:
    body = f'<{operation}Param xmlns="{NS_2008}">{inner}</{operation}Param>'
    answer = post(server.service_url, envelope(body, auth_header()))
    return body_of(answer.content)


@pytest.fixture(scope="module")
def golden_server(make_server: ServerFactory) -> EmulatorServer:
    return make_server(clock=ManualClock(START))


def test_get_company_info(golden_server: EmulatorServer) -> None:
    ours = call(golden_server, "getCompanyInfo", "<companyHandle>c|6</companyHandle>")
    assert shape(ours) == shape(recorded("get_company_info__company.xml"))


def test_submit_and_stop_job(golden_server: EmulatorServer) -> None:
    job = (
        "<companyHandle>c|6</companyHandle><jobName>golden</jobName><imageServingPublishJob>"
        "<publishType>Full</publishType><emailSetting>None</emailSetting>"
        "<httpCompletionUrl></httpCompletionUrl></imageServingPublishJob>"
    )
    submitted = call(golden_server, "submitJob", job)
    real = recorded("submit_job__image_serving_publish_job_response.xml")
    assert shape(submitted) == shape(real)
    handle = submitted[0].text
    params = f"<companyHandle>c|6</companyHandle><jobHandle>{handle}</jobHandle>"
    stopped = call(golden_server, "stopJob", params)
    assert shape(stopped) == shape(recorded("stop_job__response.xml"))


def test_get_active_jobs_publish_item(golden_server: EmulatorServer) -> None:
    job = (
        "<companyHandle>c|6</companyHandle><jobName>golden-active</jobName><locale>en-US</locale>"
        "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting>"
        "<httpCompletionUrl></httpCompletionUrl></imageServingPublishJob>"
    )
    call(golden_server, "submitJob", job)
    clock = golden_server.app.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(seconds=0.6))  # begun, not finished: state Running
    ours = call(golden_server, "getActiveJobs", "<companyHandle>c|6</companyHandle>"
                "<originalName>golden-active</originalName>")  # fmt: skip
    real = recorded("get_active_jobs__one_publish_job.xml")
    real_item = real[0][1]  # the ImageServingPublish job
    assert shape(ours[0][0]) == shape(real_item)


def test_get_assets_by_name_zero_found(golden_server: EmulatorServer) -> None:
    ours = call(golden_server, "getAssetsByName", "<companyHandle>c|6</companyHandle>"
                "<nameArray><items>nothing</items></nameArray>")  # fmt: skip
    assert shape(ours) == shape(recorded("get_assets_by_name__zero_found.xml"))


def prune(element: etree._Element, struct: str, version: str) -> list[str]:
    """Remove the recorded children that ``version``'s ``struct`` lacks; their names."""
    fields = {f.name: f for f in REGISTRY.structs[struct].fields}
    removed = []
    for child in list(element):
        field = fields[etree.QName(child).localname]
        if not field.in_version(version):
            element.remove(child)
            removed.append(field.name)
        elif field.type in REGISTRY.structs:
            removed += prune(child, field.type, version)
    return removed


def recorded_asset(name: str, folder: str) -> dict[str, Any]:
    """An asset seeded with the values of the recorded ones."""
    return {
        "company": "c|6", "folder": folder, "name": name, "type": "Image",
        "created": "2011-03-01T17:04:40.177-06:00", "createUser": "test@example.com",
        "lastModified": "2011-03-01T17:04:44.172-06:00", "lastModifyUser": "image optimization",
        "metadata": [{"name": "eVideoTypeImage", "value": ""}],
        "imageInfo": {
            "originalPath": "ApiTestCo/sample/F10_Product_02-18-11/A01/",
            "originalFile": "MY_hero.png", "width": 2150, "height": 2500, "fileSize": 2643733,
        },
    }  # fmt: skip


@pytest.fixture(scope="module")
def recorded_assets(golden_server: EmulatorServer) -> EmulatorServer:
    # The recorded Hats share a folder; names are unique in a folder here.
    golden_server.app.seed({"assets": [
        recorded_asset("Jacket", "sample/F0_Products_01-08-11/A01/"),
        recorded_asset("Hat", "sample/F0_Products_01-08-11/A01/"),
        recorded_asset("Hat", "sample/F0_Products_01-08-11/A02/"),
    ]})  # fmt: skip
    return golden_server


@pytest.mark.parametrize(
    ("recording", "name", "hits"),
    [("get_assets_by_name__jacket_asset.xml", "Jacket", 1),
     ("get_assets_by_name__hat_asset.xml", "Hat", 2)],
)  # fmt: skip
def test_get_assets_by_name_with_hits(
    recorded_assets: EmulatorServer, recording: str, name: str, hits: int
) -> None:
    real = recorded(recording)
    # Recorded in 2010-01-31; we answer 2008-01-15, which lacks only these (4.2) fields.
    assert prune(real[0], "AssetArray", "2008-01-15") == ["readyForPublish", "trashState"] * hits
    ours = call(recorded_assets, "getAssetsByName", "<companyHandle>c|6</companyHandle>"
                f"<nameArray><items>{name}</items></nameArray>")  # fmt: skip
    assert len(ours[0]) == hits
    assert shape(ours) == shape(real)


def test_ips_api_fault(golden_server: EmulatorServer) -> None:
    answer = post(
        golden_server.service_url,
        envelope(f'<getAssetJobLogsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
                 "<assetHandle>a|0</assetHandle></getAssetJobLogsParam>", auth_header()),
    )  # fmt: skip
    assert shape(body_of(answer.content)) == shape(recorded("rename_asset__failure.xml"))


# -- in the namespace they were recorded in ------------------------------------------

NS_2010 = "http://www.scene7.com/IpsApi/xsd/2010-01-31"


def call_2010(server: EmulatorServer, operation: str, inner: str) -> etree._Element:
    """As the Ruby wrapper sends it: the body in 2010-01-31, authHeader unversioned."""
    body = f'<{operation}Param xmlns="{NS_2010}">{inner}</{operation}Param>'
    return body_of(post(server.service_url, envelope(body, auth_header())).content)


def test_get_company_info_in_2010_01_31(golden_server: EmulatorServer) -> None:
    ours = call_2010(golden_server, "getCompanyInfo", "<companyHandle>c|6</companyHandle>")
    real = recorded("get_company_info__company.xml")
    assert etree.QName(ours).namespace == etree.QName(real).namespace == NS_2010
    assert shape(ours) == shape(real)


def test_get_assets_by_name_in_2010_01_31(recorded_assets: EmulatorServer) -> None:
    real = recorded("get_assets_by_name__jacket_asset.xml")
    ours = call_2010(recorded_assets, "getAssetsByName", "<companyHandle>c|6</companyHandle>"
                     "<nameArray><items>Jacket</items></nameArray>")  # fmt: skip
    assert etree.QName(ours).namespace == NS_2010
    assert shape(ours) == shape(real)


def test_get_active_jobs_in_2010_01_31(golden_server: EmulatorServer) -> None:
    ours = call_2010(golden_server, "getActiveJobs", "<companyHandle>c|6</companyHandle>"
                     "<jobHandle>j|6|none||</jobHandle>")  # fmt: skip
    assert etree.QName(ours) == etree.QName(NS_2010, "getActiveJobsReturn")
    assert shape(ours) == (None, "getActiveJobsReturn", False, ((None, "jobArray", True, ()),))


def test_create_and_delete_folder(golden_server: EmulatorServer) -> None:
    created = call(golden_server, "createFolder", "<companyHandle>c|6</companyHandle>"
                   "<folderPath>golden-created</folderPath>")  # fmt: skip
    assert shape(created) == shape(recorded("create_folder__folder.xml"))
    assert created[0].text == "f|ApiTestCo/golden-created/"
    deleted = call(golden_server, "deleteFolder", "<companyHandle>c|6</companyHandle>"
                   f"<folderHandle>{created[0].text}</folderHandle>")  # fmt: skip
    assert shape(deleted) == shape(recorded("delete_folder__empty_response.xml"))


def test_get_folders(golden_server: EmulatorServer) -> None:
    # Two folders, the first with a subfolder, as recorded (a folder with dates: the
    # company root has none).
    call(golden_server, "createFolder", "<companyHandle>c|6</companyHandle>"
         "<folderPath>golden-tree/sub</folderPath>")  # fmt: skip
    ours = call(golden_server, "getFolders", "<companyHandle>c|6</companyHandle>"
                "<folderPath>golden-tree</folderPath>")  # fmt: skip
    real = recorded("get_folders__folders.xml")
    assert [item[4].text for item in ours[0]] == [item[4].text for item in real[0]]
    assert shape(ours) == shape(real)


def test_delete_asset(golden_server: EmulatorServer) -> None:
    golden_server.app.seed({"assets": [
        {"handle": "a|golden-delete", "company": "c|6", "name": "golden-delete",
         "type": "Image", "created": "2011-03-01T17:04:40.177-06:00"},
    ]})  # fmt: skip
    params = "<companyHandle>c|6</companyHandle><assetHandle>a|golden-delete</assetHandle>"
    real = recorded("delete_asset__success.xml")
    for ours in (call_2010(golden_server, "deleteAsset", params),  # as recorded
                 call(golden_server, "deleteAsset", params)):  # and in 2008-01-15  # fmt: skip
        assert shape(ours) == shape(real)
    assert etree.QName(call_2010(golden_server, "deleteAsset", params)).namespace == NS_2010


def test_rename_asset(golden_server: EmulatorServer) -> None:
    golden_server.app.seed({"assets": [
        {"handle": "a|golden-rename", "company": "c|6", "name": "golden-rename",
         "type": "Image", "created": "2011-03-01T17:04:40.177-06:00"},
    ]})  # fmt: skip
    ours = call_2010(golden_server, "renameAsset", "<companyHandle>c|6</companyHandle>"
                     "<assetHandle>a|golden-rename</assetHandle><newName>renamed</newName>"
                     "<validateName>false</validateName>")  # fmt: skip
    assert shape(ours) == shape(recorded("rename_asset__success.xml"))
