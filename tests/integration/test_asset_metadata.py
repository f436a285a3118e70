"""getMetadataFields, setAssetMetadata and batchSetAssetMetadata over HTTP
(r-get-metadata-fields.md, r-set-asset-metadata.md, r-batch-set-asset-metadata.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lxml import etree

from tests.helpers import DEMO_USER, NS_2008, NS_XSD, auth_header, envelope, post
from tests.integration.metadata_support import EDITOR, TRIAL, VIEWER, Meta, meta

__all__ = ["meta"]  # the fixture, imported for pytest


def test_fields_of_a_type_and_of_every_type_oldest_first(meta: Meta) -> None:
    found = meta.call("getMetadataFields", companyHandle="c|6", assetType="Image")
    assert [f.fieldHandle for f in found] == [
        # demo.json's, then the seed's that apply to images (Pages is a Pdf field).
        "m|6|ALL|Photographer", "m|6|ALL|ShootDate", "m|6|ALL|Season", "m|6|IMAGE|Rating",
        "m|6|IMAGE|Approved", "m|6|ALL|Weight", "m|6|ALL|Keywords", "m|6|ALL|Colors",
        "m|6|ALL|LooseInt", "m|6|ALL|Credit",
        # Made for the values the seed's assets hold that no field had.
        "m|6|ALL|dc.rights", "m|6|ALL|dc.subject", "m|6|ALL|xmp.CreatorTool",
    ]  # fmt: skip
    rating, credit = found[3], found[9]
    assert (rating.name, rating.type, rating.defaultValue, rating.isRequired) == (
        "Rating", "Int", "0", False,
    )  # fmt: skip
    assert (rating.isUserDefined, rating.isHidden) == (True, False)
    assert (credit.type, credit.defaultValue, credit.isRequired) == ("String", "ACME", True)
    pdf = meta.call("getMetadataFields", companyHandle="c|6", assetType="pdf")  # any case
    assert "m|6|PDF|Pages" in [f.fieldHandle for f in pdf]
    assert "m|6|IMAGE|Rating" not in [f.fieldHandle for f in pdf]
    every = meta.call("getMetadataFields", companyHandle="c|6", assetType="Asset")
    assert all("|ALL|" in f.fieldHandle for f in every)


def test_get_metadata_fields_faults(meta: Meta) -> None:
    assert meta.fault("getMetadataFields", companyHandle="c|6", assetType="Picture")[1:] == (
        30001, "Invalid value 'Picture' for parameter 'assetType': not an Asset Types constant",
    )  # fmt: skip
    assert meta.fault("getMetadataFields", companyHandle="c|81", assetType="Image", user=EDITOR)[
        :2
    ] == ("authorizationFault", 20006)
    # Portal users may read the fields (the page lists ImagePortalUser); trial users not.
    assert meta.call("getMetadataFields", VIEWER, companyHandle="c|6", assetType="Image")
    assert meta.fault("getMetadataFields", TRIAL, companyHandle="c|6", assetType="Image")[:2] == (
        "authorizationFault", 20003,
    )  # fmt: skip


def test_the_get_metadata_fields_page_example_in_pre_40(meta: Meta) -> None:
    body = (
        f'<ns1:getMetadataFieldsParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|6'
        "</ns1:companyHandle><ns1:assetType>Pdf</ns1:assetType></ns1:getMetadataFieldsParam>"
    )
    answer = post(meta.server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    returned = answer.root[-1][0]
    assert etree.QName(returned).text == f"{{{NS_XSD}}}getMetadataFieldsReturn"
    first = returned.find(f"{{{NS_XSD}}}fieldArray/{{{NS_XSD}}}items")
    assert first is not None
    # The example's elements exactly: isHidden is 4.5's, isEnforced 2014-04-03's.
    assert [(etree.QName(e).localname, e.text) for e in first] == [
        ("fieldHandle", "m|6|ALL|Photographer"), ("name", "Photographer"), ("type", "String"),
        ("defaultValue", None), ("isRequired", "false"), ("isUserDefined", "true"),
    ]  # fmt: skip


def test_set_writes_typed_values_in_canonical_form(meta: Meta) -> None:
    before = meta.asset("a|w-set").lastModified
    meta.clock.advance(timedelta(minutes=5))
    meta.call("setAssetMetadata", EDITOR, companyHandle="c|6", assetHandle="a|w-set",
              updateArray={"items": [
                  {"fieldHandle": "m|6|ALL|Photographer", "value": "Jo Ng"},
                  {"fieldHandle": "m|6|IMAGE|Rating", "value": " +07 "},
                  {"fieldHandle": "m|6|IMAGE|Approved", "boolVal": True},
                  {"fieldHandle": "m|6|ALL|ShootDate",
                   "dateVal": datetime(2024, 5, 1, 12, 30, tzinfo=UTC)},
                  {"fieldHandle": "m|6|ALL|Weight", "doubleVal": 2.5},
                  {"fieldHandle": "m|6|ALL|Season", "value": "Summer"},
                  {"fieldHandle": "m|6|ALL|Photographer", "value": "Jo Ng-Smith"},  # last wins
              ]})  # fmt: skip
    assert meta.stored("a|w-set") == [
        ("Photographer", "Jo Ng-Smith"), ("Rating", "7"), ("Approved", "true"),
        ("ShootDate", "2024-05-01T12:30:00.000Z"), ("Weight", "2.5"), ("Season", "Summer"),
    ]  # fmt: skip
    changed = meta.asset("a|w-set")
    assert (changed.lastModifyUser, changed.lastModified > before) == (EDITOR, True)
    # A changed asset is a change of its folder, as an upload is.
    (folder, *_) = meta.call(
        "getFolders", companyHandle="c|6", folderPath="writes/"
    ).folderArray.items
    assert folder.childLastModified == changed.lastModified == meta.clock.now()


def test_the_set_asset_metadata_page_example_in_pre_40(meta: Meta) -> None:
    body = (
        f'<ns1:setAssetMetadataParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|6'
        "</ns1:companyHandle><ns1:assetHandle>a|w-pre</ns1:assetHandle><ns1:updateArray>"
        "<ns1:items><ns1:fieldHandle>m|6|IMAGE|Rating</ns1:fieldHandle><ns1:value>320"
        "</ns1:value></ns1:items></ns1:updateArray></ns1:setAssetMetadataParam>"
    )
    answer = post(meta.server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    returned = answer.root[-1][0]
    assert (etree.QName(returned).localname, len(returned)) == ("setAssetMetadataReturn", 0)
    assert meta.stored("a|w-pre") == [("Rating", "320")]
    # A typed value is 4.0's: pre-4.0 refuses the element.
    typed = body.replace("<ns1:value>320</ns1:value>", "<ns1:longVal>3</ns1:longVal>")
    assert post(meta.server.service_url, envelope(typed, auth_header())).fault()[3] == 30003


def _set_fault(meta: Meta, user: str = DEMO_USER, **update: object) -> tuple[str, int, str]:
    asset = str(update.pop("asset", "a|w-fail"))
    return meta.fault("setAssetMetadata", user, companyHandle="c|6", assetHandle=asset,
                      updateArray={"items": [update]})  # fmt: skip


def test_refused_updates_name_the_element(meta: Meta) -> None:
    rating = "m|6|IMAGE|Rating"
    cases = [
        (_set_fault(meta, asset="a|none", fieldHandle=rating, value="1"), "'assetHandle'"),
        (_set_fault(meta, asset="a|o1", fieldHandle=rating, value="1"), "'assetHandle'"),
        (_set_fault(meta, fieldHandle="m|6|ALL|Nope", value="1"),
         "'updateArray/items[1]/fieldHandle': no such metadata field"),
        (_set_fault(meta, fieldHandle="m|81|ALL|Secret", value="1"),
         "'updateArray/items[1]/fieldHandle': no such metadata field"),
        (_set_fault(meta, fieldHandle="m|6|PDF|Pages", value="1"),
         "a field of Pdf assets, not of Image ones"),
        (_set_fault(meta, fieldHandle=rating, value="seven"),
         "'updateArray/items[1]/value': an Int field takes a whole number"),
        (_set_fault(meta, fieldHandle=rating, value="1.5"), "'updateArray/items[1]/value'"),
        (_set_fault(meta, fieldHandle="m|6|ALL|Weight", value="heavy"), "a Float field"),
        (_set_fault(meta, fieldHandle="m|6|ALL|ShootDate", value="May 1st"), "xsd:dateTime"),
        (_set_fault(meta, fieldHandle="m|6|ALL|ShootDate", value="0001-01-01T00:00:00+05:00"),
         "outside the range the server accepts"),
        (_set_fault(meta, fieldHandle="m|6|IMAGE|Approved", value="yes"), "true or false"),
        (_set_fault(meta, fieldHandle=rating, boolVal=True),
         "'updateArray/items[1]/boolVal': for Boolean fields only"),
        (_set_fault(meta, fieldHandle="m|6|ALL|Season", value="Monsoon"),
         "'Monsoon' is not in the dictionary of field 'Season'"),
        (_set_fault(meta, fieldHandle="m|6|ALL|Credit", value=""), "field 'Credit' is required"),
    ]  # fmt: skip
    for (element, code, reason), expected in cases:
        assert (element, code, expected in reason) == ("ipsApiFault", 30001, True), reason
    # xsd:double's INF is a double, but no Float field's value.
    infinite = (
        f'<setAssetMetadataParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<assetHandle>a|w-fail</assetHandle><updateArray><items><fieldHandle>m|6|ALL|Weight"
        "</fieldHandle><doubleVal>INF</doubleVal></items></updateArray></setAssetMetadataParam>"
    )
    assert post(meta.server.service_url, envelope(infinite, auth_header())).fault()[3:] == (
        30001, "Invalid value inf for parameter 'updateArray/items[1]/doubleVal': not a finite"
        " number",
    )  # fmt: skip
    assert _set_fault(meta, fieldHandle=rating)[1:] == (
        30002, "Missing required parameter 'updateArray/items[1]/value'.",
    )  # fmt: skip


def test_a_refused_update_leaves_the_asset_as_it_was(meta: Meta) -> None:
    before = meta.asset("a|w-fail")
    meta.clock.advance(timedelta(minutes=5))
    code = meta.fault("setAssetMetadata", companyHandle="c|6", assetHandle="a|w-fail",
                      updateArray={"items": [
                          {"fieldHandle": "m|6|ALL|Photographer", "value": "Changed"},
                          {"fieldHandle": "m|6|IMAGE|Rating", "value": "many"},
                      ]})[1]  # fmt: skip
    after = meta.asset("a|w-fail")
    assert code == 30001
    assert meta.stored("a|w-fail") == [("Photographer", "Kept"), ("Rating", "3")]
    assert (after.lastModified, after.lastModifyUser) == (before.lastModified,
                                                          before.lastModifyUser)  # fmt: skip


def test_set_roles_follow_the_page(meta: Meta) -> None:
    # ImagePortalUser and the trial roles are not among setAssetMetadata's user types.
    update = {"fieldHandle": "m|6|ALL|Photographer", "value": "x"}
    for user in (VIEWER, TRIAL):
        assert _set_fault(meta, user, **update)[:2] == ("authorizationFault", 20003)
    assert meta.fault("batchSetAssetMetadata", VIEWER, companyHandle="c|6", updateArray={
        "items": [{"assetHandleArray": {"items": ["a|w-b1"]}, "updateArray": {"items": [update]}}]
    })[:2] == ("authorizationFault", 20003)  # fmt: skip
    assert meta.stored("a|w-fail")[0] == ("Photographer", "Kept")


def test_tag_fields_add_set_and_delete(meta: Meta) -> None:
    def tags(**update: object) -> list[tuple[str, str]]:
        meta.call("setAssetMetadata", companyHandle="c|6", assetHandle="a|w-tags",
                  updateArray={"items": [update]})  # fmt: skip
        return meta.stored("a|w-tags")

    keywords = "m|6|ALL|Keywords"
    assert tags(fieldHandle=keywords, setTagValueArray={"items": ["sea", "sun"]}) == [
        ("Keywords", "sea,sun")
    ]
    assert tags(fieldHandle=keywords, addTagValueArray={"items": ["sun", "sand"]},
                deleteTagValueArray={"items": ["sea"]}) == [("Keywords", "sun,sand")]  # fmt: skip
    colors = "m|6|ALL|Colors"
    assert tags(fieldHandle=colors, addTagValueArray={"items": ["Red", "Blue"]})[1] == (
        "Colors", "Red,Blue",
    )  # fmt: skip
    # A single-value tag field keeps the last value only.
    season = tags(fieldHandle="m|6|ALL|Season", setTagValueArray={"items": ["Spring", "Winter"]})
    assert season[2] == ("Season", "Winter")
    refused = _set_fault(meta, asset="a|w-tags", fieldHandle=colors,
                         addTagValueArray={"items": ["Pink"]})  # fmt: skip
    assert "'Pink' is not in the dictionary of field 'Colors'" in refused[2]
    refused = _set_fault(meta, asset="a|w-tags", fieldHandle="m|6|IMAGE|Rating",
                         setTagValueArray={"items": ["1"]})  # fmt: skip
    assert "for tag fields only" in refused[2]


def _batch_body(*items: tuple[list[str], list[tuple[str, str]]]) -> str:
    def item(handles: list[str], updates: list[tuple[str, str]]) -> str:
        assets = "".join(f"<items>{h}</items>" for h in handles)
        sets = "".join(f"<items><fieldHandle>{f}</fieldHandle><value>{v}</value></items>"
                       for f, v in updates)  # fmt: skip
        return f"<items><assetHandleArray>{assets}</assetHandleArray><updateArray>{sets}" \
               "</updateArray></items>"  # fmt: skip

    return (
        f'<batchSetAssetMetadataParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<updateArray>{''.join(item(*i) for i in items)}</updateArray>"
        "</batchSetAssetMetadataParam>"
    )


def test_the_batch_page_example_counts_each_asset_of_each_item(meta: Meta) -> None:
    body = _batch_body((["a|w-b1", "a|w-b2"], [("m|6|IMAGE|Rating", "400")]),
                       (["a|w-b3", "a|w-b2"], [("m|6|IMAGE|Rating", "300")]))  # fmt: skip
    answer = post(meta.server.service_url, envelope(body, auth_header()))
    returned = answer.root[-1][0]
    assert [(etree.QName(e).localname, e.text) for e in returned] == [
        ("successCount", "4"), ("warningCount", "0"), ("errorCount", "0"),
    ]  # fmt: skip
    assert [meta.stored(h) for h in ("a|w-b1", "a|w-b2", "a|w-b3")] == [
        [("Rating", "400")], [("Rating", "300")], [("Rating", "300")],
    ]  # fmt: skip


def test_one_bad_item_fails_alone_and_leaves_its_assets_unchanged(meta: Meta) -> None:
    good = {"fieldHandle": "m|6|ALL|Photographer", "value": "Batch"}
    result = meta.call("batchSetAssetMetadata", companyHandle="c|6", updateArray={"items": [
        {"assetHandleArray": {"items": ["a|w-c1", "a|none", "a|o1", "a|w-pdf"]},
         "updateArray": {"items": [good, {"fieldHandle": "m|6|IMAGE|Rating", "value": "9"}]}},
        {"assetHandleArray": {"items": ["a|w-c2"]},
         "updateArray": {"items": [good, {"fieldHandle": "m|6|ALL|LooseInt", "value": "lots"}]}},
        {"assetHandleArray": {"items": ["a|w-c3"]},
         "updateArray": {"items": [good, {"fieldHandle": "m|6|IMAGE|Rating", "value": "x"}]}},
    ]})  # fmt: skip
    assert (result.successCount, result.warningCount, result.errorCount) == (1, 1, 4)
    errors = [(e.assetHandle, e.fieldHandle, e.code) for e in result.errorDetailArray.items]
    assert errors == [
        ("a|none", "m|6|ALL|Photographer", 30001),
        ("a|o1", "m|6|ALL|Photographer", 30001),  # another company's: as if there were none
        ("a|w-pdf", "m|6|IMAGE|Rating", 30001),  # an Image field
        ("a|w-c3", "m|6|IMAGE|Rating", 30001),
    ]
    assert (
        "'updateArray/items[3]/updateArray/items[2]/value'"
        in result.errorDetailArray.items[3].reason
    )
    (warning,) = result.warningDetailArray.items
    assert (warning.assetHandle, warning.fieldHandle) == ("a|w-c2", "m|6|ALL|LooseInt")
    assert meta.stored("a|w-c1")[-2:] == [("Photographer", "Batch"), ("Rating", "9")]
    assert meta.stored("a|w-c2")[-2:] == [("Photographer", "Batch"), ("LooseInt", "lots")]
    assert ("Photographer", "Batch") not in meta.stored("a|w-c3")  # its item failed: unchanged
    assert meta.stored("a|w-pdf") == []


def test_batch_faults_for_the_whole_call(meta: Meta) -> None:
    items = [{"assetHandleArray": {"items": ["a|w-c1"] * 1001}, "updateArray": {"items": [
        {"fieldHandle": "m|6|ALL|Photographer", "value": "x"}] * 100}}]  # fmt: skip
    assert meta.fault("batchSetAssetMetadata", companyHandle="c|6",
                      updateArray={"items": items})[1:] == (
        30001, "Invalid value '100100 asset field updates' for parameter 'updateArray': at most"
        " 100000 asset field updates are made at once",
    )  # fmt: skip
    assert meta.fault("batchSetAssetMetadata", companyHandle="c|404",
                      updateArray={"items": []})[:2] == ("authorizationFault", 20000)  # fmt: skip


def test_a_refused_tag_names_the_element_and_the_value_that_gave_it(meta: Meta) -> None:
    # Not the item's absent `value` ("Invalid value None for parameter '…/value'"), nor
    # setTagValueArray for an addTagValueArray sent to a field without tags.
    colors = "m|6|ALL|Colors"
    before = meta.stored("a|w-tags")
    assert _set_fault(meta, asset="a|w-tags", fieldHandle=colors,
                      addTagValueArray={"items": ["Red", "Pink"]})[1:] == (
        30001, "Invalid value 'Pink' for parameter 'updateArray/items[1]/addTagValueArray/"
        "items[2]': 'Pink' is not in the dictionary of field 'Colors'",
    )  # fmt: skip
    assert _set_fault(meta, asset="a|w-tags", fieldHandle=colors,
                      setTagValueArray={"items": ["Mauve"]})[1:] == (
        30001, "Invalid value 'Mauve' for parameter 'updateArray/items[1]/setTagValueArray/"
        "items[1]': 'Mauve' is not in the dictionary of field 'Colors'",
    )  # fmt: skip
    assert _set_fault(meta, asset="a|w-tags", fieldHandle="m|6|ALL|Keywords",
                      addTagValueArray={"items": ["a,b"]})[1:] == (
        30001, "Invalid value 'a,b' for parameter 'updateArray/items[1]/addTagValueArray/"
        "items[1]': a tag value of a MultiTag field has no ','",
    )  # fmt: skip
    assert _set_fault(meta, asset="a|w-tags", fieldHandle="m|6|IMAGE|Rating",
                      addTagValueArray={"items": ["1"]})[1:] == (
        30001, "Invalid value ['1'] for parameter 'updateArray/items[1]/addTagValueArray': "
        "for tag fields only; 'Rating' is a Int field",
    )  # fmt: skip
    assert meta.stored("a|w-tags") == before


def test_a_batch_item_without_an_asset_handle_is_missing(meta: Meta) -> None:
    # As deleteAssets and moveAssets answer an empty handle: 30002, not "no such asset".
    result = meta.call("batchSetAssetMetadata", companyHandle="c|6", updateArray={"items": [
        {"assetHandleArray": {"items": ["", "a|w-c1"]},
         "updateArray": {"items": [{"fieldHandle": "m|6|ALL|Photographer", "value": "x"}]}},
    ]})  # fmt: skip
    assert (result.successCount, result.errorCount) == (1, 1)
    (error,) = result.errorDetailArray.items
    assert (error.assetHandle, error.code, error.reason) == (
        None,
        30002,
        "Missing required parameter 'assetHandle'.",
    )
