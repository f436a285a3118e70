"""searchAssets' metadataConditionArray over HTTP (r-search-assets.md, r-metadata-conditon.md).

The demo company's search assets (tests/integration/metadata_support.py): below ``search/``,
``test9-1000801`` (Rating 5, dc.rights "Per Jessen Schmidt"), ``test9-1000802``
(Photographer "Ann Lee", Rating 2), ``brochure`` (a Pdf, Photographer "ann lee", Pages 12)
and ``spot`` (a Video in ``search/sub/``, Photographer "Bob", Weight 2.5).
"""

from __future__ import annotations

from typing import Any

from tests.helpers import NS_2008, auth_header, envelope, post
from tests.integration.metadata_support import EDITOR, Meta, meta

__all__ = ["meta"]  # the fixture, imported for pytest

PHOTOGRAPHER = "m|6|ALL|Photographer"  # the demo company's field handle
ANN = {"fieldHandle": PHOTOGRAPHER, "op": "Equals", "value": "Ann Lee"}
TEST9 = {"field": "Name", "op": "StartsWith", "value": "test9"}


def search(meta: Meta, *conditions: dict[str, Any], **params: Any) -> tuple[int, list[str]]:
    """(totalRows, asset names) of a searchAssets below search/ with metadata conditions."""
    found = meta.call(
        "searchAssets",
        companyHandle="c|6",
        folder=params.pop("folder", "search/"),
        includeSubfolders=True,
        metadataConditionArray={"items": list(conditions)} if conditions else None,
        **params,
    )
    items = found.assetArray.items if found.assetArray else []
    return found.totalRows, [a.name for a in items]


def test_conditions_by_field_handle_custom_name_and_stored_name(meta: Meta) -> None:
    # Without regard to case, as searchAssetsByMetadata compares text.
    assert search(meta, ANN) == (2, ["brochure", "test9-1000802"])
    assert search(meta, {**ANN, "caseSensitive": True}) == (1, ["test9-1000802"])
    rating = {"fieldHandle": "custom_attributes.Rating", "op": "GreaterThan", "longVal": 2}
    assert search(meta, rating) == (1, ["test9-1000801"])
    rights = {"fieldHandle": "dc.rights", "op": "Contains", "value": "else"}
    assert search(meta, rights) == (1, ["test9-1000802"])
    weight = {"fieldHandle": "custom_attributes.Weight", "op": "Between",
              "minDouble": 2.0, "maxDouble": 3.0}  # fmt: skip
    assert search(meta, weight) == (1, ["spot"])
    # The assets answered are whole Assets, as without conditions.
    per = {"fieldHandle": "dc.rights", "op": "StartsWith", "value": "Per"}
    found = meta.call("searchAssets", companyHandle="c|6", folder="search/",
                      includeSubfolders=True, metadataConditionArray={"items": [per]})  # fmt: skip
    (asset,) = found.assetArray.items
    assert (asset.assetHandle, asset.imageInfo.originalFile) == ("a|s1", "test9-1000801.jpg")
    assert ("Rating", "5") in [(m.name, m.value) for m in asset.metadataArray.items]


def test_metadata_match_mode(meta: Meta) -> None:
    bob = {"fieldHandle": PHOTOGRAPHER, "op": "Equals", "value": "Bob"}
    pages = {"fieldHandle": "custom_attributes.Pages", "op": "Equals", "longVal": 12}
    assert search(meta, bob, pages) == (0, [])  # MatchAll, the default
    assert search(meta, bob, pages, metadataMatchMode="MatchAll") == (0, [])
    assert search(meta, bob, pages, metadataMatchMode="MatchAny") == (2, ["brochure", "spot"])


def test_combined_with_system_field_conditions(meta: Meta) -> None:
    system = {"systemFieldConditionArray": {"items": [TEST9]}}
    # conditionMatchMode MatchAll (the default): both kinds hold.
    assert search(meta, ANN, **system) == (1, ["test9-1000802"])
    assert search(meta, ANN, conditionMatchMode="MatchAll", **system) == (1, ["test9-1000802"])
    # MatchAny: either kind; sorted and paged over the union.
    assert search(meta, ANN, conditionMatchMode="MatchAny", **system) == (
        3, ["brochure", "test9-1000801", "test9-1000802"],
    )  # fmt: skip
    assert search(meta, ANN, conditionMatchMode="MatchAny", recordsPerPage=2, resultsPage=2,
                  sortBy="Name", sortDirection="Descending", **system) == (
        3, ["brochure"],
    )  # fmt: skip
    # Each kind combines its own conditions by its own mode first.
    spot = {"field": "Name", "op": "Equals", "value": "spot"}
    either = {"systemFieldConditionArray": {"items": [TEST9, spot]},
              "systemFieldMatchMode": "MatchAny"}  # fmt: skip
    bob_or_ann = [ANN, {"fieldHandle": PHOTOGRAPHER, "op": "Equals", "value": "Bob"}]
    assert search(meta, *bob_or_ann, metadataMatchMode="MatchAny", **either) == (
        2, ["spot", "test9-1000802"],
    )  # fmt: skip
    # Folder and type filters hold whatever the match mode.
    assert search(meta, ANN, conditionMatchMode="MatchAny",
                  assetTypeArray={"items": ["Pdf"]}, **system) == (1, ["brochure"])  # fmt: skip


def test_trash_state_applies_to_metadata_searches(meta: Meta) -> None:
    update = {"fieldHandle": PHOTOGRAPHER, "value": "Trashed Tim"}
    meta.call("setAssetMetadata", EDITOR, companyHandle="c|6", assetHandle="a|w-tags",
              updateArray={"items": [update]})  # fmt: skip
    tim = {"fieldHandle": PHOTOGRAPHER, "op": "Equals", "value": "trashed tim"}
    assert search(meta, tim, folder="writes/") == (1, ["w-tags"])
    meta.call("deleteAsset", companyHandle="c|6", assetHandle="a|w-tags")
    try:
        assert search(meta, tim, folder="writes/") == (0, [])  # NotInTrash, the default
        assert search(meta, tim, folder="writes/", trashState="InTrash") == (1, ["w-tags"])
        assert search(meta, tim, folder="writes/", trashState="Any") == (1, ["w-tags"])
        # Under MatchAny the system field matches come from the trash state asked too.
        either = {"conditionMatchMode": "MatchAny", "systemFieldConditionArray": {
            "items": [{"field": "Name", "op": "StartsWith", "value": "w-"}]}}  # fmt: skip
        assert "w-tags" not in search(meta, tim, folder="writes/", **either)[1]
        assert search(meta, tim, folder="writes/", trashState="InTrash", **either) == (
            1, ["w-tags"],
        )  # fmt: skip
    finally:
        meta.call("restoreAssetsFromTrash", companyHandle="c|6",
                  assetHandleArray={"items": ["a|w-tags"]})  # fmt: skip


def _fault(meta: Meta, *conditions: dict[str, Any], **params: Any) -> tuple[int, str]:
    return meta.fault("searchAssets", companyHandle="c|6", includeSubfolders=True,
                      metadataConditionArray={"items": list(conditions)}, **params)[1:]  # fmt: skip


def test_faults_name_the_condition(meta: Meta) -> None:
    at = "metadataConditionArray/items[2]"
    assert _fault(meta, ANN, {"fieldHandle": "colour", "op": "Equals", "value": "x"}) == (
        30001, f"Invalid value 'colour' for parameter '{at}/fieldHandle': not a metadata"
        " search key",
    )  # fmt: skip
    # Another company's field is none of this company's.
    secret = {"fieldHandle": "custom_attributes.Secret", "op": "Equals", "value": "x"}
    assert "no such custom metadata field" in _fault(meta, ANN, secret)[1]
    assert f"'{at}/op'" in _fault(meta, ANN, {"fieldHandle": "name", "op": "Before",
                                              "value": "x"})[1]  # fmt: skip
    assert _fault(meta, ANN, {"fieldHandle": "name", "op": "Equals"}) == (
        30002, f"Missing required parameter '{at}/value'.",
    )  # fmt: skip
    assert _fault(meta, *[ANN] * 501) == (
        30001, "Invalid value '501 conditions' for parameter 'metadataConditionArray': at most"
        " 500 conditions are searched at once",
    )  # fmt: skip
    assert search(meta, *[ANN] * 500)[0] == 2  # as many as allowed are answered
    assert _fault(meta, ANN, metadataMatchMode="Both") == (
        30001, "Invalid value 'Both' for parameter 'metadataMatchMode': expected MatchAll or"
        " MatchAny",
    )  # fmt: skip
    assert "'conditionMatchMode'" in _fault(meta, ANN, conditionMatchMode="Some")[1]


def test_a_2008_01_15_condition_has_no_case_sensitive(meta: Meta) -> None:
    body = (
        f'<searchAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<folder>search/</folder><includeSubfolders>true</includeSubfolders>"
        "<metadataConditionArray><items><fieldHandle>custom_attributes.Photographer"
        "</fieldHandle><op>Equals</op><value>ANN LEE</value></items></metadataConditionArray>"
        "</searchAssetsParam>"
    )
    answer = post(meta.server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    names = answer.root.findall(f".//{{{NS_2008}}}assetArray/{{{NS_2008}}}items/{{{NS_2008}}}name")
    assert [n.text for n in names] == ["brochure", "test9-1000802"]
