"""Path matching of responseFieldArray / excludeFieldArray (handles-and-locale.md section 1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from ips_emulator.errors import IpsApiError
from ips_emulator.protocol.field_selection import FieldSelection, response_fields

BRIEF = ("totalRows", "assetArray/items/assetHandle", "assetArray/items/name",
         "assetArray/items/type", "assetArray/items/subType")  # fmt: skip


@dataclass
class Paths:
    """A StringArray as the parameters carry it."""

    items: list[str] | None


def select(include: list[str] | None = None, exclude: list[str] | None = None) -> FieldSelection:
    return response_fields(
        "searchAssets",
        None if include is None else Paths(include),
        None if exclude is None else Paths(exclude),
    )


ASSET: dict[str, Any] = {
    "assetHandle": "a|1",
    "type": "Image",
    "name": "shirt",
    "created": "2020-01-01T00:00:00Z",
    "metadataArray": {"items": [{"name": "colour", "value": "red"}]},
    "imageInfo": {"originalFile": "Shirt.PNG", "maskPath": "m/", "width": 640},
}
RESPONSE = {"totalRows": 1, "assetArray": {"items": [ASSET]}}


def asset_of(value: Any) -> dict[str, Any]:
    (item,) = value["assetArray"]["items"]
    return dict(item)


def test_no_arrays_leave_the_response_itself() -> None:
    assert not select().selects
    assert select().apply(RESPONSE) is RESPONSE
    assert select([], []).apply(RESPONSE) is RESPONSE  # empty arrays name nothing


def test_a_simple_field_named_keeps_only_it_and_what_holds_it() -> None:
    picked = select(["assetArray/items/name"]).apply(RESPONSE)
    assert picked == {"assetArray": {"items": [{"name": "shirt"}]}}


def test_a_complex_field_named_alone_is_whole() -> None:
    assert asset_of(select(["assetArray/items/imageInfo"]).apply(RESPONSE)) == {
        "imageInfo": {"originalFile": "Shirt.PNG", "maskPath": "m/", "width": 640}
    }


def test_sub_elements_named_keep_only_those() -> None:
    picked = select(["assetArray/items/imageInfo/width", "assetArray/items/imageInfo/maskPath"])
    assert asset_of(picked.apply(RESPONSE)) == {"imageInfo": {"maskPath": "m/", "width": 640}}


def test_the_whole_field_wins_over_its_parts_in_either_order() -> None:
    whole = {"imageInfo": {"originalFile": "Shirt.PNG", "maskPath": "m/", "width": 640}}
    for paths in (["assetArray/items/imageInfo", "assetArray/items/imageInfo/width"],
                  ["assetArray/items/imageInfo/width", "assetArray/items/imageInfo"]):  # fmt: skip
        assert asset_of(select(paths).apply(RESPONSE)) == whole


def test_excluded_fields_are_dropped_the_rest_kept() -> None:
    picked = select(exclude=["assetArray/items/imageInfo/maskPath", "assetArray/items/created",
                             "totalRows"]).apply(RESPONSE)  # fmt: skip
    assert "totalRows" not in picked
    asset = asset_of(picked)
    assert "created" not in asset
    assert asset["imageInfo"] == {"originalFile": "Shirt.PNG", "width": 640}
    assert asset["name"] == "shirt"


def test_both_arrays_include_then_exclude() -> None:
    picked = select(["assetArray/items/imageInfo", "assetArray/items/name"],
                    ["assetArray/items/imageInfo/width"]).apply(RESPONSE)  # fmt: skip
    assert asset_of(picked) == {
        "name": "shirt", "imageInfo": {"originalFile": "Shirt.PNG", "maskPath": "m/"},
    }  # fmt: skip


def test_required_elements_stay_with_their_named_siblings() -> None:
    # Metadata's name and value are minOccurs 1: neither is dropped while the item is written.
    named = select(["assetArray/items/metadataArray/items/value"]).apply(RESPONSE)
    assert asset_of(named) == {"metadataArray": {"items": [{"name": "colour", "value": "red"}]}}
    excluded = select(exclude=["assetArray/items/metadataArray/items/name"]).apply(RESPONSE)
    assert asset_of(excluded)["metadataArray"] == {"items": [{"name": "colour", "value": "red"}]}


def test_absent_fields_stay_absent() -> None:
    bare = {"assetArray": {"items": [{"assetHandle": "a|2", "imageInfo": None}]}}
    picked = select(["assetArray/items/imageInfo/width", "assetArray/items/name"]).apply(bare)
    assert picked == {"assetArray": {"items": [{"imageInfo": None}]}}


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("assetArray/items/colour", "'colour' is not a field of Asset"),
        ("assetArray/name", "'name' is not a field of AssetArray"),
        ("items/name", "'items' is not a field of the response"),
        ("totalRows/value", "'totalRows' (int) has no fields"),
        ("assetArray//name", "'' is not a field of AssetArray"),
        ("", "'' is not a field of the response"),
        ("AssetArray", "'AssetArray' is not a field of the response"),  # names are exact
    ],
)
def test_a_path_naming_no_field_is_refused_naming_the_item(path: str, why: str) -> None:
    with pytest.raises(IpsApiError) as caught:
        select(exclude=["assetArray/items/name", path])
    assert caught.value.code == 30001
    assert str(caught.value) == (
        f"Invalid value {path!r} for parameter 'excludeFieldArray/items[2]': {why}"
    )


def test_fields_of_any_version_are_known() -> None:
    # fileName is in 2014-04-03's Asset only: known, written where the version has it.
    assert select(["assetArray/items/fileName"]).include == {
        "assetArray": {"items": {"fileName": None}}
    }


@pytest.mark.parametrize(
    ("include", "exclude", "brief"),
    [
        (None, None, False),
        (list(BRIEF), None, True),
        (["assetArray/items/name"], None, True),
        (["totalRows"], None, True),
        (["assetArray/items/name", "assetArray/items/created"], None, False),
        (["assetArray/items"], None, False),
        (["assetArray/items/imageInfo/width"], None, False),
        (list(BRIEF), ["assetArray/items/name"], True),
        (None, ["assetArray/items/imageInfo"], False),
    ],
)
def test_only_the_brief_fields(
    include: list[str] | None, exclude: list[str] | None, brief: bool
) -> None:
    assert select(include, exclude).only(BRIEF) is brief


def test_excluding_every_other_field_is_brief_too() -> None:
    from ips_emulator.protocol.api import REGISTRY

    others = [f"assetArray/items/{f.name}" for f in REGISTRY.structs["Asset"].fields
              if f.name not in ("assetHandle", "name", "type", "subType")]  # fmt: skip
    assert select(exclude=others).only(BRIEF)
    assert not select(exclude=others[1:]).only(BRIEF)
