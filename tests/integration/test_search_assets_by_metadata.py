"""searchAssetsByMetadata over HTTP (r-search-assets-by-metadata.md, r-metadata-conditon.md)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from lxml import etree

from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD, REFERENCE, envelope, post
from tests.integration.metadata_support import TRIAL, VIEWER, Meta, meta

__all__ = ["meta"]  # the fixture, imported for pytest

NS_2010 = f"{NS_XSD}/2010-01-31"
PAGE = REFERENCE / "ips-api" / "operations" / "r-search-assets-by-metadata.md"
SEARCH = {"folder": "search/", "includeSubfolders": True}


def _page_example(which: int) -> etree._Element:
    """The page's example request (0) or response (1), parsed."""
    blocks = re.findall(r"```xml\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    envelope_text = [b for b in blocks if "soapenv:Envelope" in b][which]
    return etree.fromstring(envelope_text.encode())


def test_the_page_example_answers_in_the_page_shape(meta: Meta) -> None:
    request = _page_example(0)
    for element in request.iter(f"{{{NS_XSD}}}user", f"{{{NS_XSD}}}password",
                                f"{{{NS_2010}}}companyHandle"):  # fmt: skip
        element.text = {"user": DEMO_USER, "password": DEMO_PASSWORD}.get(
            etree.QName(element).localname, "c|6"
        )
    answer = post(meta.server.service_url, etree.tostring(request))
    assert answer.status == 200, answer.content
    got = answer.root[-1][0]
    expected = _page_example(1)[-1][0]
    assert [etree.QName(e).localname for e in got] == ["totalRows", "assetSummaryArray"]
    (item,) = got[1]
    (page_item,) = expected[1]
    assert [etree.QName(e).localname for e in item] == [etree.QName(e).localname for e in page_item]
    # The values the seed copied from the page's answer (handle and folder are ours).
    ours = {etree.QName(e).localname: e for e in item}
    for name in ("type", "name", "filename", "createUser", "lastModifyUser"):
        assert ours[name].text == page_item.findtext(f"{{{NS_2010}}}{name}")
    assert ours["created"].text == "2009-11-19T15:21:24.252Z"  # the page's instant, in UTC
    assert [(m[0].text, m[1].text) for m in ours["metadataArray"]] == [
        ("dc.subject", "[San Fransico, USA"), ("xmp.CreatorTool", "Ver.1.0"),
    ]  # fmt: skip


def test_system_keys_and_string_operators(meta: Meta) -> None:
    def names(key: str, op: str, value: str, **extra: object) -> list[str]:
        return meta.search({"fieldHandle": key, "op": op, "value": value, **extra},
                           filters=SEARCH)[1]  # fmt: skip

    assert names("name", "StartsWith", "test9") == ["test9-1000801", "test9-1000802"]
    assert names("type", "Equals", "pdf") == ["brochure"]  # without regard to case
    assert names("type", "Equals", "pdf", caseSensitive=True) == []
    assert names("folder_path", "EndsWith", "search/sub/") == ["spot"]
    assert names("name", "NotContains", "e") == ["spot"]
    assert names("asset_id", "Equals", "s3") == ["brochure"]  # the handle without "a|"
    assert names("created_by", "Equals", DEMO_USER) == ["brochure", "spot", "test9-1000802"]


def test_custom_fields_by_prefix_handle_and_stored_name(meta: Meta) -> None:
    assert meta.search({"fieldHandle": "custom_attributes.Photographer", "op": "Equals",
                        "value": "Ann Lee"}, filters=SEARCH) == (
        2, ["brochure", "test9-1000802"],
    )  # fmt: skip
    assert meta.search({"fieldHandle": "m|6|ALL|Photographer", "op": "StartsWith",
                        "value": "B"}, filters=SEARCH) == (1, ["spot"])  # fmt: skip
    assert meta.search({"fieldHandle": "dc.rights", "op": "Contains", "value": "else"},
                       filters=SEARCH) == (
        1, ["test9-1000802"],
    )  # fmt: skip


def test_typed_values_and_ranges(meta: Meta) -> None:
    rating = "custom_attributes.Rating"
    assert meta.search({"fieldHandle": rating, "op": "GreaterThan", "longVal": 2},
                       filters=SEARCH)[1] == [
        "test9-1000801",
    ]  # fmt: skip
    assert meta.search({"fieldHandle": rating, "op": "Between", "minLong": 2, "maxLong": 5},
                       filters=SEARCH, sortBy="Name", sortDirection="Descending")[1] == [
        "test9-1000802", "test9-1000801",
    ]  # fmt: skip
    assert meta.search({"fieldHandle": rating, "op": "LessThan", "value": "3"},
                       filters=SEARCH)[1] == ["test9-1000802"]  # fmt: skip
    assert meta.search({"fieldHandle": "custom_attributes.Weight", "op": "GreaterThanEquals",
                        "doubleVal": 2.5}, filters=SEARCH)[1] == ["spot"]  # fmt: skip
    shot = meta.search({"fieldHandle": "custom_attributes.ShootDate", "op": "LessThan",
                        "dateVal": datetime(2010, 1, 1, tzinfo=UTC)}, filters=SEARCH)  # fmt: skip
    assert shot == (1, ["test9-1000802"])
    created = meta.search({"fieldHandle": "created_at", "op": "Between",
                           "minDate": datetime(2010, 6, 1, tzinfo=UTC),
                           "maxDate": datetime(2012, 6, 1, tzinfo=UTC)},
                          filters=SEARCH)  # fmt: skip
    assert created == (2, ["brochure", "spot"])
    # The page's date form for created_at.
    assert meta.search({"fieldHandle": "created_at", "op": "Equals",
                        "value": "Thu Dec 31 2009 19:00:00 GMT-0500 (EST)"},
                       filters=SEARCH)[1] == [
        "test9-1000802",
    ]  # fmt: skip


def test_match_any_sorting_paging_and_response_values(meta: Meta) -> None:
    either = (
        {"fieldHandle": "custom_attributes.Pages", "op": "Equals", "longVal": 12},
        {"fieldHandle": "name", "op": "Equals", "value": "spot"},
    )
    assert meta.search(*either, filters=SEARCH)[1] == []  # MatchAll by default
    found = meta.call(
        "searchAssetsByMetadata", companyHandle="c|6", filters=SEARCH,
        metadataConditionArray={"items": list(either)}, metadataConditionMatchMode="MatchAny",
        sortBy="Created", sortDirection="Descending", recordsPerPage=1, resultsPage=2,
        responseMetadataArray={"items": ["custom_attributes.Pages", "Pages", "sku", "nope"]},
    )  # fmt: skip
    (summary,) = found.assetSummaryArray.items
    assert (found.totalRows, summary.name, summary.filename) == (2, "brochure", "brochure")
    # Custom fields asked for as custom_attributes answer "null", as the page documents.
    assert [(m.name, m.value) for m in summary.metadataArray.items] == [
        ("custom_attributes.Pages", "null"), ("Pages", "12"),
    ]  # fmt: skip
    assert meta.search(filters={"folder": "search/", "includeSubfolders": False,
                                "assetTypeArray": {"items": ["Image"]}}) == (
        1, ["test9-1000802"],
    )  # fmt: skip
    assert meta.search(filters={"trashState": "InTrash"}) == (0, [])


def test_faults_name_the_element(meta: Meta) -> None:
    def fault(*conditions: dict[str, object], **params: object) -> tuple[int, str]:
        return meta.fault("searchAssetsByMetadata", companyHandle=params.pop("company", "c|6"),
                          metadataConditionArray={"items": list(conditions)},
                          **params)[1:]  # fmt: skip

    at = "metadataConditionArray/items[1]"
    assert fault({"fieldHandle": "colour", "op": "Equals", "value": "x"}) == (
        30001, f"Invalid value 'colour' for parameter '{at}/fieldHandle': not a metadata"
        " search key",
    )  # fmt: skip
    assert (
        "no such custom metadata field"
        in fault({"fieldHandle": "custom_attributes.Secret", "op": "Equals", "value": "x"})[1]
    )
    assert f"'{at}/op'" in fault({"fieldHandle": "name", "op": "LessThan", "value": "x"})[1]
    assert (
        f"'{at}/value': not a number"
        in fault({"fieldHandle": "custom_attributes.Rating", "op": "LessThan", "value": "many"})[1]
    )
    assert f"'{at}/longVal'" in fault({"fieldHandle": "name", "op": "Equals", "longVal": 1})[1]
    assert fault({"fieldHandle": "created_at", "op": "Between",
                  "minDate": datetime(2010, 1, 1, tzinfo=UTC)}) == (
        30002, f"Missing required parameter '{at}/maxDate'.",
    )  # fmt: skip
    assert fault({"fieldHandle": "name", "op": "Equals"})[0] == 30002
    # NaN (xsd:double's lexical form) compares false with everything: refused, not a
    # search that silently finds nothing.
    weight = "custom_attributes.Weight"
    nan = {"fieldHandle": weight, "op": "Equals", "doubleVal": "NaN"}
    assert f"'{at}/doubleVal'" in fault(nan)[1]
    nan = {"fieldHandle": weight, "op": "Between", "minDouble": 1.0, "maxDouble": "NaN"}
    assert f"'{at}/maxDouble'" in fault(nan)[1]
    too_many = [{"fieldHandle": "name", "op": "Equals", "value": "x"}] * 501
    assert fault(*too_many) == (
        30001, "Invalid value '501 conditions' for parameter 'metadataConditionArray': at most"
        " 500 conditions are searched at once",
    )  # fmt: skip
    assert "'recordsPerPage'" in fault(recordsPerPage=1001)[1]
    assert "'sortBy'" in fault(sortBy="Colour")[1]


def test_other_companies_roles_and_versions(meta: Meta) -> None:
    # Only the company's own assets are searched; a member of another company is refused.
    assert "theirs" not in meta.search()[1]
    assert meta.search(companyHandle="c|81") == (1, ["theirs"])  # the demo user is IpsAdmin
    assert meta.fault("searchAssetsByMetadata", "other@meta.test", companyHandle="c|6")[:2] == (
        "authorizationFault", 20006,
    )  # fmt: skip
    assert meta.call("searchAssetsByMetadata", VIEWER, companyHandle="c|6").totalRows > 0
    assert meta.fault("searchAssetsByMetadata", TRIAL, companyHandle="c|6")[:2] == (
        "authorizationFault", 20003,
    )  # fmt: skip
    # New in 4.5: a 2010-01-31 operation, unknown in 2008-01-15.
    body = (f'<searchAssetsByMetadataParam xmlns="{NS_XSD}/2008-01-15"><companyHandle>c|6'
            "</companyHandle></searchAssetsByMetadataParam>")  # fmt: skip
    assert post(meta.server.service_url, envelope(body)).fault()[3] == 30003
