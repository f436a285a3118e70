"""Finding handles the way the docs tell clients to: login, company, user, assets."""

from __future__ import annotations

import pytest
import zeep

from tests.conftest import demo_header


def call(client: zeep.Client, operation: str, **params: object) -> object:
    return getattr(client.service, operation)(**params, _soapheaders=demo_header())


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"email": "demo@ips-emulator.test", "password": "demo"}, "ValidLogin"),
        ({"email": "demo@ips-emulator.test", "password": "wrong"}, "InvalidLogin"),
        ({"companyHandle": "c|6", "email": "demo@ips-emulator.test", "password": "demo"},
         "ValidLogin"),
        ({"companyHandle": "c|404", "email": "demo@ips-emulator.test", "password": "demo"},
         "InvalidLogin"),
        ({"email": "nobody@example.com", "password": "demo"}, "InvalidLogin"),
    ],
)  # fmt: skip
def test_check_login(client: zeep.Client, params: dict[str, object], status: str) -> None:
    assert call(client, "checkLogin", **params) == status


def test_company_info_by_name_and_handle(client: zeep.Client) -> None:
    by_name = call(client, "getCompanyInfo", companyName="ApiTestCo")
    assert (by_name.companyHandle, by_name.name, by_name.rootPath) == (
        "c|6",
        "ApiTestCo",
        "ApiTestCo/",
    )
    assert call(client, "getCompanyInfo", companyHandle="c|6").name == "ApiTestCo"
    with pytest.raises(zeep.exceptions.Fault) as caught:
        call(client, "getCompanyInfo", companyName="NoSuchCo")
    assert caught.value.detail[0][0].text == "20000"
    with pytest.raises(zeep.exceptions.Fault) as caught:
        call(client, "getCompanyInfo")
    assert caught.value.detail[0][0].text == "30002"


def test_company_membership_in_the_4_0_shape(client: zeep.Client) -> None:
    companies = call(client, "getCompanyMembership")
    assert [c.companyHandle for c in companies] == ["c|6"]


def test_user_info(client: zeep.Client) -> None:
    me = call(client, "getUserInfo")
    assert (me.email, me.role, me.isValid) == ("demo@ips-emulator.test", "IpsAdmin", True)
    assert me.userHandle.startswith("u|")
    other = call(client, "getUserInfo", email="strangio@adobe.com")
    assert other.role == "IpsUser"


def test_assets_by_name(client: zeep.Client) -> None:
    found = call(client, "getAssetsByName", companyHandle="c|6",
                 nameArray={"items": ["blakexslttest.jpg"]})  # fmt: skip
    assert [(a.assetHandle, a.type, a.folder) for a in found] == [
        ("a|732|1|535", "Image", "ApiTestCo/")
    ]
    none = call(client, "getAssetsByName", companyHandle="c|6", nameArray={"items": ["nope"]})
    assert not none


def test_search_assets_filters(client: zeep.Client) -> None:
    result = call(
        client, "searchAssets", companyHandle="c|6", includeSubfolders=True,
        folder="ApiTestCo/", assetTypeArray={"items": ["Image"]},
    )  # fmt: skip
    assert result.totalRows >= 1
    assert "a|732|1|535" in [a.assetHandle for a in result.assetArray.items]
    by_name = call(
        client, "searchAssets", companyHandle="c|6", includeSubfolders=True,
        systemFieldConditionArray={"items": [
            {"field": "Name", "op": "StartsWith", "value": "blakex"},
            {"field": "Created", "op": "Between", "minDate": "2007-01-01T00:00:00Z",
             "maxDate": "2008-01-01T00:00:00Z"},
        ]},
    )  # fmt: skip
    assert [a.name for a in by_name.assetArray.items] == ["blakexslttest.jpg"]
    excluded = call(client, "searchAssets", companyHandle="c|6", includeSubfolders=True,
                    excludeAssetTypeArray={"items": ["Image"]})  # fmt: skip
    assert "a|732|1|535" not in [a.assetHandle for a in (excluded.assetArray or [])]
    unknown_field = {"items": [{"field": "Colour", "op": "Equals"}]}
    with pytest.raises(zeep.exceptions.Fault) as caught:
        call(
            client, "searchAssets", companyHandle="c|6", includeSubfolders=True,
            systemFieldConditionArray=unknown_field,
        )  # fmt: skip
    assert caught.value.detail[0][0].text == "30001"
