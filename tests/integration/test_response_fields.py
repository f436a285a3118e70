"""responseFieldArray / excludeFieldArray in searchAssets, getAssets and getAssetsByName, and
searchAssets' 10,000-asset pages (handles-and-locale.md section 1, r-search-assets.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import zeep
from lxml import etree
from sqlalchemy import select
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from ips_emulator.storage.bulk import bulk_writer
from ips_emulator.storage.tables import Company
from tests.conftest import ServerFactory, demo_header
from tests.helpers import NS_2008, auth_header, envelope, post

MANY = 10_001  # one more than the largest page
SEED = {
    "assets": [
        {"company": "c|6", "handle": "a|f1", "name": "shirt", "type": "Image",
         "folder": "fields/", "created": "2020-01-01T00:00:00Z", "createUser": "a@x.test",
         "metadata": [{"name": "colour", "value": "red"}],
         "imageInfo": {"originalPath": "up/", "originalFile": "Shirt.PNG", "maskPath": "m/",
                       "width": 640, "height": 480}},
        {"company": "c|6", "handle": "a|f2", "name": "brochure", "type": "Pdf",
         "folder": "fields/", "created": "2020-01-02T00:00:00Z"},
    ]
}  # fmt: skip
#: The three operations, each with the parameters that find the two seeded assets.
OPERATIONS = {
    "searchAssets": {"folder": "fields/", "includeSubfolders": True},
    "getAssets": {"assetHandleArray": {"items": ["a|f2", "a|f1"]}},
    "getAssetsByName": {"nameArray": {"items": ["brochure", "shirt"]}},
}


def _many_assets(server: EmulatorServer) -> None:
    """``MANY`` bare assets in ``many/``, written in one insert: seeding them one by one
    through the seed loader would take most of a minute."""
    when = datetime(2021, 1, 1, tzinfo=UTC)
    with bulk_writer(server.app.database) as writer:
        company = writer.connection.scalar(select(Company.id).where(Company.handle == "c|6"))
        first = writer.next_number("asset")
        writer.insert("asset", [
            {"id": first + i, "handle": f"a|{first + i}", "company_id": company,
             "folder": "many/", "name": f"n{i:05d}", "asset_type": "Image",
             "created": when, "last_modified": when}
            for i in range(MANY)
        ])  # fmt: skip


@pytest.fixture(scope="module")
def fields_server(make_server: ServerFactory) -> EmulatorServer:
    server = make_server()
    server.app.seed(SEED)
    _many_assets(server)
    return server


@pytest.fixture(scope="module")
def client(fields_server: EmulatorServer) -> zeep.Client:
    return zeep.Client(fields_server.wsdl_url)


def call(client: zeep.Client, operation: str, **params: Any) -> Any:
    found = getattr(client.service, operation)(
        companyHandle="c|6", **OPERATIONS.get(operation, {}), **params,
        _soapheaders=demo_header(),
    )  # fmt: skip
    return found.assetArray.items if operation == "searchAssets" else found


def raw(server: EmulatorServer, operation: str, inner: str) -> etree._Element:
    """The ``…Return`` element of a hand-written request (``inner`` after companyHandle)."""
    body = (
        f'<{operation}Param xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>{inner}'
        f"</{operation}Param>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    return answer.root[-1][0]


def names(element: etree._Element | None) -> list[str]:
    assert element is not None
    return [etree.QName(child).localname for child in element]


def strings(tag: str, *items: str) -> str:
    return f"<{tag}>{''.join(f'<items>{i}</items>' for i in items)}</{tag}>"


SEARCH = "<includeSubfolders>true</includeSubfolders><folder>fields/</folder>"


def test_the_docs_example_returns_only_the_named_fields(fields_server: EmulatorServer) -> None:
    fields = strings("responseFieldArray", "assetArray/items/name",
                     "assetArray/items/lastModified", "assetArray/items/metadataArray")  # fmt: skip
    answer = raw(fields_server, "searchAssets", SEARCH + fields)
    assert names(answer) == ["assetArray"]  # totalRows was not named
    items = answer.findall("{*}assetArray/{*}items")
    assert [names(i) for i in items] == [["name", "lastModified", "metadataArray"]] * 2
    assert names(items[0].find("{*}metadataArray")) == []  # brochure: no metadata seeded
    assert items[1].findtext("{*}metadataArray/{*}items/{*}value") == "red"


@pytest.mark.parametrize("operation", OPERATIONS)
def test_response_field_array_in_each_operation(client: zeep.Client, operation: str) -> None:
    found = call(client, operation, responseFieldArray={"items": [
        "assetArray/items/assetHandle", "assetArray/items/imageInfo"]})  # fmt: skip
    assert [(a.assetHandle, a.name, a.type, a.created) for a in found] == [
        ("a|f2", None, None, None), ("a|f1", None, None, None),
    ]  # fmt: skip
    assert found[0].imageInfo is None
    info = found[1].imageInfo  # named alone: whole
    assert (info.originalFile, info.maskPath, info.width) == ("Shirt.PNG", "m/", 640)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_exclude_field_array_in_each_operation(client: zeep.Client, operation: str) -> None:
    found = call(client, operation, excludeFieldArray={"items": [
        "assetArray/items/imageInfo", "assetArray/items/createUser"]})  # fmt: skip
    assert [(a.assetHandle, a.name, a.type) for a in found] == [
        ("a|f2", "brochure", "Pdf"), ("a|f1", "shirt", "Image"),
    ]  # fmt: skip
    shirt = found[1]
    assert (shirt.imageInfo, shirt.createUser) == (None, None)
    assert shirt.folder == "ApiTestCo/fields/"
    assert [(m.name, m.value) for m in shirt.metadataArray.items] == [("colour", "red")]


def test_exclude_keeps_total_rows(client: zeep.Client) -> None:
    result = client.service.searchAssets(
        companyHandle="c|6", folder="fields/", includeSubfolders=True,
        excludeFieldArray={"items": ["assetArray/items/imageInfo"]}, _soapheaders=demo_header(),
    )  # fmt: skip
    assert result.totalRows == 2


@pytest.mark.parametrize("operation", OPERATIONS)
def test_nested_paths_keep_only_those_sub_elements(
    fields_server: EmulatorServer, operation: str
) -> None:
    inner = {
        "searchAssets": SEARCH,
        "getAssets": strings("assetHandleArray", "a|f1"),
        "getAssetsByName": strings("nameArray", "shirt"),
    }[operation]
    fields = strings("responseFieldArray", "assetArray/items/imageInfo/originalFile",
                     "assetArray/items/imageInfo/width",
                     "assetArray/items/metadataArray/items/value")  # fmt: skip
    answer = raw(fields_server, operation, inner + fields)
    shirt = answer.findall("{*}assetArray/{*}items")[-1]
    assert names(shirt) == ["metadataArray", "imageInfo"]  # in the schema's order
    assert names(shirt.find("{*}imageInfo")) == ["originalFile", "width"]
    # Metadata's name is required (minOccurs 1): it stays with the value named.
    assert names(shirt.find("{*}metadataArray/{*}items")) == ["name", "value"]


def test_both_arrays_include_then_exclude(client: zeep.Client) -> None:
    found = call(
        client, "getAssets",
        responseFieldArray={"items": ["assetArray/items/name", "assetArray/items/imageInfo"]},
        excludeFieldArray={"items": ["assetArray/items/imageInfo/maskPath"]},
    )  # fmt: skip
    shirt = found[1]
    assert (shirt.name, shirt.type, shirt.imageInfo.originalFile) == ("shirt", None, "Shirt.PNG")
    assert shirt.imageInfo.maskPath is None


def test_a_response_field_of_a_later_version_is_accepted_and_absent(
    fields_server: EmulatorServer,
) -> None:
    # trashState is an Asset field from 2013-02-15 on: named in a 2008-01-15 call, it is
    # known (the same name as in the later WSDLs), and this version has no such element.
    fields = strings("responseFieldArray", "assetArray/items/trashState", "assetArray/items/name")
    answer = raw(fields_server, "getAssetsByName", strings("nameArray", "shirt") + fields)
    assert [names(i) for i in answer.findall("{*}assetArray/{*}items")] == [["name"]]


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(
    ("array", "path", "why"),
    [
        ("responseFieldArray", "assetArray/items/colour", "'colour' is not a field of Asset"),
        ("excludeFieldArray", "assetArray/name", "'name' is not a field of AssetArray"),
        ("responseFieldArray", "assetArray/items/name/first",
         "'name' (string) has no fields"),
        ("excludeFieldArray", "/assetArray", "'' is not a field of the response"),
    ],
)  # fmt: skip
def test_a_path_naming_no_field_is_refused(
    fields_server: EmulatorServer, operation: str, array: str, path: str, why: str
) -> None:
    inner = strings("nameArray", "shirt") if operation == "getAssetsByName" else ""
    inner += SEARCH if operation == "searchAssets" else ""
    inner += strings("assetHandleArray", "a|f1") if operation == "getAssets" else ""
    body = (
        f'<{operation}Param xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>{inner}'
        f"{strings(array, 'assetArray/items/name', path)}</{operation}Param>"
    )
    answer = post(fields_server.service_url, envelope(body, auth_header()))
    assert answer.fault()[2:] == (
        "ipsApiFault", 30001,
        f"Invalid value {path!r} for parameter '{array}/items[2]': {why}",
    )  # fmt: skip


def test_total_rows_is_no_field_of_get_assets(fields_server: EmulatorServer) -> None:
    body = (
        f'<getAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"{strings('assetHandleArray', 'a|f1')}{strings('responseFieldArray', 'totalRows')}"
        "</getAssetsParam>"
    )
    answer = post(fields_server.service_url, envelope(body, auth_header()))
    assert answer.fault()[3:] == (
        30001, "Invalid value 'totalRows' for parameter 'responseFieldArray/items[1]': "
        "'totalRows' is not a field of the response",
    )  # fmt: skip


def test_without_the_arrays_or_with_empty_ones_the_bytes_are_the_same(
    fields_server: EmulatorServer,
) -> None:
    def answer(extra: str) -> bytes:
        body = (
            f'<searchAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
            f"{SEARCH}{extra}</searchAssetsParam>"
        )
        return post(fields_server.service_url, envelope(body, auth_header())).content

    plain = answer("")
    assert b"<imageInfo>" in plain
    assert b"<totalRows>2</totalRows>" in plain
    assert answer("<responseFieldArray/><excludeFieldArray/>") == plain


# -- recordsPerPage: 10,000 for brief responses, 1,000 otherwise ------------------------------

BRIEF = ["totalRows", "assetArray/items/assetHandle", "assetArray/items/name",
         "assetArray/items/type", "assetArray/items/subType"]  # fmt: skip


def search_many(client: zeep.Client, **params: Any) -> Any:
    return client.service.searchAssets(
        companyHandle="c|6", folder="many/", includeSubfolders=True, **params,
        _soapheaders=demo_header(),
    )  # fmt: skip


def test_ten_thousand_assets_when_the_response_is_brief(client: zeep.Client) -> None:
    page = search_many(client, recordsPerPage=10_000, responseFieldArray={"items": BRIEF})
    assert page.totalRows == MANY
    items = page.assetArray.items
    assert len(items) == 10_000
    assert (items[0].name, items[-1].name, items[-1].type) == ("n00000", "n09999", "Image")
    assert items[0].created is None
    # Without recordsPerPage a brief page holds 10,000 too: the second has the last asset.
    second = search_many(client, resultsPage=2, responseFieldArray={"items": BRIEF[:3]})
    assert [a.name for a in second.assetArray.items] == ["n10000"]
    assert second.totalRows == MANY


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"responseFieldArray": {"items": [*BRIEF, "assetArray/items/created"]}},
        {"responseFieldArray": {"items": ["assetArray"]}},
        {"excludeFieldArray": {"items": ["assetArray/items/imageInfo"]}},
    ],
    ids=["all fields", "one more field", "whole assets", "excluding some"],
)
def test_more_than_1000_otherwise_is_refused(client: zeep.Client, fields: dict[str, Any]) -> None:
    with pytest.raises(Fault) as caught:
        search_many(client, recordsPerPage=1001, **fields)
    code, reason = caught.value.detail[0]
    assert (code.text, reason.text) == (
        "30001",
        "Invalid value 1001 for parameter 'recordsPerPage': must be between 1 and 1000, or "
        "10000 when responseFieldArray limits the response to totalRows and the assets' "
        "name, assetHandle, type and subType",
    )


def test_more_than_10000_is_refused_even_when_brief(client: zeep.Client) -> None:
    with pytest.raises(Fault) as caught:
        search_many(client, recordsPerPage=10_001, responseFieldArray={"items": BRIEF[1:2]})
    assert caught.value.detail[0][1].text == (
        "Invalid value 10001 for parameter 'recordsPerPage': must be between 1 and 10000"
    )


def test_a_full_page_without_limits_holds_1000(client: zeep.Client) -> None:
    page = search_many(client, excludeFieldArray={"items": ["assetArray/items/metadataArray"]})
    assert (page.totalRows, len(page.assetArray.items)) == (MANY, 1000)
