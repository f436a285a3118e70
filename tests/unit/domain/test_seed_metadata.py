"""Metadata fields in seed documents (domain/seed_metadata.py): listed, made, checked, exported."""

from __future__ import annotations

from typing import Any

import pytest

from ips_emulator.domain.export import export_document
from ips_emulator.domain.seed import SeedError, SeedSchemaError, load_seed
from ips_emulator.storage import assets, metadata
from ips_emulator.storage.db import Database

COMPANY = {"handle": "c|20", "name": "Meta Co", "rootPath": "MetaCo/"}
FIELDS = [
    {"company": "c|20", "name": "Credit"},
    {"company": "c|20", "assetType": "image", "name": "Rating", "type": "Int",
     "defaultValue": "+03"},
    {"company": "c|20", "assetType": "Pdf", "name": "Rating", "type": "String"},
    {"company": "c|20", "name": "Season", "type": "SingleFixedTag",
     "tagValues": ["Spring", "Summer"], "isHidden": True},
    {"company": "c|20", "handle": "m|x", "name": "Sys", "isUserDefined": False,
     "isEnforced": False, "type": "Date"},
]  # fmt: skip


def _asset(name: str, kind: str, *pairs: tuple[str, str]) -> dict[str, Any]:
    return {"company": "c|20", "handle": f"a|{name}", "name": name, "type": kind,
            "created": "2020-01-01T00:00:00Z",
            "metadata": [{"name": n, "value": v} for n, v in pairs]}  # fmt: skip


def load(db: Database, **sections: Any) -> Any:
    with db.store() as store:
        return load_seed(store, {"companies": [COMPANY], **sections})


def test_listed_fields_get_handles_defaults_and_canonical_values(db: Database) -> None:
    result = load(db, metadataFields=FIELDS)
    assert result.metadata_fields == [
        "m|20|ALL|Credit", "m|20|IMAGE|Rating", "m|20|PDF|Rating", "m|20|ALL|Season", "m|x",
    ]  # fmt: skip
    with db.store() as store:
        found = {f.handle: f for f in metadata.company_fields(store, 1)}
    rating = found["m|20|IMAGE|Rating"]
    assert (rating.asset_type, rating.field_type, rating.default_value) == ("Image", "Int", "3")
    assert (rating.is_required, rating.is_user_defined, rating.is_enforced) == (False, True, True)
    season = found["m|20|ALL|Season"]
    assert (season.asset_type, season.tag_values, season.is_hidden) == (
        "Asset", ("Spring", "Summer"), True,
    )  # fmt: skip
    assert (found["m|x"].is_user_defined, found["m|x"].is_enforced) == (False, False)


def test_asset_values_are_checked_and_unknown_names_make_string_fields(db: Database) -> None:
    load(db, metadataFields=FIELDS, assets=[
        _asset("one", "Image", ("Rating", "007"), ("dc.rights", "Me"), ("Season", "Summer")),
        _asset("two", "Pdf", ("Rating", "seven"), ("dc.rights", "You")),
    ])  # fmt: skip
    with db.store() as store:
        one, two = (assets.find_by_handle(store, h) for h in ("a|one", "a|two"))
        made = metadata.find_field(store, "m|20|ALL|dc.rights")
        names = [f.name for f in metadata.company_fields(store, 1)]
    assert one is not None
    assert two is not None
    assert made is not None
    assert one.details.metadata == (("Rating", "7"), ("dc.rights", "Me"), ("Season", "Summer"))
    assert two.details.metadata == (("Rating", "seven"), ("dc.rights", "You"))  # a String
    assert (made.asset_type, made.field_type) == ("Asset", "String")
    assert names.count("dc.rights") == 1


@pytest.mark.parametrize(
    ("extra_fields", "asset_list", "path", "message"),
    [
        ([], [_asset("a", "Image", ("Rating", "x"))], "assets[0].metadata[0].value",
         "a whole number"),
        ([], [_asset("a", "Image", ("Season", "Winter"))], "assets[0].metadata[0].value",
         "not in the dictionary"),
        ([{"company": "c|20", "assetType": "Image", "name": "Credit"}], [],
         "metadataFields[4].name", "already a field of Asset assets"),
        ([{"company": "c|20", "assetType": "Nope", "name": "N"}], [],
         "metadataFields[4].assetType", "not an Asset Types constant"),
        ([{"company": "c|20", "name": "N", "tagValues": ["a"]}], [],
         "metadataFields[4].tagValues", "only fixed tag fields"),
        ([{"company": "c|20", "name": "N", "type": "Int", "defaultValue": "1.5"}], [],
         "metadataFields[4].defaultValue", "a whole number"),
    ],
)  # fmt: skip
def test_problems_name_their_place(
    db: Database, extra_fields: list[Any], asset_list: list[Any], path: str, message: str
) -> None:
    with pytest.raises(SeedError) as caught:
        load(db, metadataFields=FIELDS[:4] + extra_fields, assets=asset_list)
    assert caught.value.path == path
    assert message in caught.value.message


def test_the_schema_names_an_unknown_field_type(db: Database) -> None:
    with pytest.raises(SeedSchemaError) as caught:
        load(db, metadataFields=[{"company": "c|20", "name": "N", "type": "Integer"}])
    assert caught.value.path == "metadataFields[0].type"


def test_export_lists_every_field_and_loads_back_identically(db: Database) -> None:
    load(db, metadataFields=FIELDS, assets=[_asset("one", "Image", ("made", "v"))])
    with db.store() as store:
        document = export_document(store)
    assert document["metadataFields"][1] == {
        "handle": "m|20|IMAGE|Rating", "company": "c|20", "assetType": "Image",
        "name": "Rating", "type": "Int", "defaultValue": "3",
    }  # fmt: skip
    assert document["metadataFields"][-1] == {
        "handle": "m|20|ALL|made", "company": "c|20", "name": "made",
    }  # fmt: skip
    again = Database("sqlite://")
    again.create_schema()
    with again.store() as store:
        load_seed(store, document)
    with again.store() as store:
        assert export_document(store) == document
    again.dispose()
