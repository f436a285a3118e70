"""The seed format beyond the basics: the JSON Schema, generated handles, the newer fields."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from ips_emulator.domain.asset_details import image_facts
from ips_emulator.domain.seed import SeedError, SeedSchemaError, load_seed
from ips_emulator.domain.seed_schema import schema, validate_seed
from ips_emulator.records import AssetDetails
from ips_emulator.resources import package_file
from ips_emulator.seed_files import DocumentFileError, parse_document
from ips_emulator.storage.assets import company_assets
from ips_emulator.storage.db import Database
from ips_emulator.storage.tables import Asset, Company, Job, Membership, User

DATE = "2020-01-02T03:04:05.678+00:00"


def load(db: Database, document: dict[str, Any]) -> Any:
    with db.store() as store:
        return load_seed(store, document)


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_demo_document_validates_against_the_schema() -> None:
    demo = json.loads(package_file("demo.json").read_text(encoding="utf-8"))
    assert validate_seed(demo) == []
    Draft202012Validator(schema()).validate(demo)  # the plain validator agrees


def test_schema_problems_are_all_listed_with_paths_in_document_order() -> None:
    document = {
        "companies": [{"name": ""}, {"handle": "c|2"}],
        "users": [{"email": "a@b.c", "role": "Boss", "isValid": "yes", "colour": "red"}],
        "jobs": {},
    }
    problems = [str(p) for p in validate_seed(document)]
    assert problems == [
        "companies[0].name: must not be empty",
        "companies[1].name: is required",
        "users[0].colour: unknown field (known: handle, email, password, passwordHash, role, "
        "firstName, lastName, isValid, passwordExpires, companies)",
        "users[0].isValid: must be true or false",
        "users[0].role: 'Boss' is not an IPS user role",
        "jobs: must be a list",
    ]


def test_schema_failure_loads_nothing_and_lists_every_problem(db: Database) -> None:
    document = {
        "companies": [{"handle": "c|1", "name": "Fine"}],
        "assets": [{"company": "c|1", "name": "x.jpg", "type": "Image", "created": "2020-01-02"}],
        "users": [{"email": "u@x.test"}],
    }
    with pytest.raises(SeedSchemaError) as caught:
        load(db, document)
    assert [(p.path, p.message) for p in caught.value.errors] == [
        ("users[0].role", "is required"),
        ("assets[0].created", "'2020-01-02' has no time zone offset"),
    ]
    assert isinstance(caught.value, SeedError)  # callers catching SeedError see it too
    with db.store() as store:
        assert store.orm.scalars(select(Company)).all() == []


def test_optional_date_time_reports_the_date_problem() -> None:
    document = {"companies": [{"name": "Co", "expires": "next week"}]}
    assert [str(p) for p in validate_seed(document)] == [
        "companies[0].expires: 'next week' is not an ISO 8601 date-time"
    ]


def test_handles_are_generated_in_the_real_shapes_after_stored_ones(db: Database) -> None:
    load(db, {"companies": [{"handle": "c|6", "name": "Demo"}]})
    result = load(
        db,
        {
            "companies": [{"name": "New Co"}],
            "users": [{"email": "New@Example.test", "role": "IpsUser", "companies": ["c|7"]}],
            "assets": [{"company": "c|7", "name": "a.jpg", "type": "Image", "created": DATE}],
            "jobs": [
                {"company": "c|7", "submitUser": "new@example.test", "name": "Up_1",
                 "type": "UrlUpload", "created": DATE,
                 "logs": [{"template": "upload.begin", "date": DATE}]},
            ],
        },
    )  # fmt: skip
    # c|6 was taken by a company whose id is 1: numbering continues after the highest.
    assert result.companies == ["c|7"]
    assert result.users == ["u|1|New@Example.test"]
    assert result.assets == ["a|1"]
    with db.store() as store:
        job_id = store.orm.scalar(select(Job.id))
    assert result.jobs == [f"j|7||Up_1|{job_id}"]
    assert result.entries == 1


def test_newer_fields_are_stored(db: Database) -> None:
    load(
        db,
        {
            "companies": [{"handle": "c|1", "name": "Co"}, {"handle": "c|2", "name": "Other"}],
            "users": [
                {"email": "off@x.test", "role": "IpsUser", "isValid": False,
                 "passwordExpires": DATE, "handle": "u|99|off@x.test"},
            ],
            "memberships": [{"user": "off@x.test", "company": "c|2", "isActive": False}],
            "assets": [
                {"handle": "a|1", "company": "c|1", "name": "x.jpg", "type": "Image",
                 "created": DATE, "lastModified": "2021-01-01T00:00:00Z"},
            ],
            "jobs": [
                {"handle": "j|1", "company": "c|1", "submitUser": "off@x.test", "name": "J",
                 "type": "UrlUpload", "created": DATE, "state": "Running", "locale": "fr_FR",
                 "description": "nightly", "endDate": DATE},
            ],
        },
    )  # fmt: skip
    with db.store() as store:
        user = store.orm.scalars(select(User)).one()
        assert (user.handle, user.is_valid) == ("u|99|off@x.test", False)
        assert user.password_expires is not None
        assert store.orm.scalars(select(Membership.is_active)).all() == [False]
        asset = store.orm.scalars(select(Asset)).one()
        assert asset.last_modified.year == 2021
        job = store.orm.scalars(select(Job)).one()
        assert (job.state, job.locale, job.description) == ("Running", "fr_FR", "nightly")
        assert job.end_date is not None


def asset_details(db: Database, *assets: dict[str, Any]) -> list[AssetDetails]:
    company = {"handle": "c|1", "name": "Co", "rootPath": "Co/"}
    load(db, {"companies": [company], "assets": [
        {"company": "c|1", "created": DATE, **item} for item in assets
    ]})  # fmt: skip
    with db.store() as store:
        return [a.details for a in company_assets(store, 1)]


def test_asset_details_are_stored_and_what_is_not_given_is_derived(db: Database) -> None:
    given, derived, other = asset_details(
        db,
        {"name": "a.png", "type": "Image", "createUser": "c@x.test", "lastModifyUser": "m@x.test",
         "metadata": [{"name": "eVideoTypeImage"}, {"name": "colour", "value": "red"}],
         "imageInfo": {"originalFile": "MY_hero.png", "width": 2150, "height": 2500,
                       "resolution": 300, "comments": "ok"}},
        {"name": "b.png", "type": "Image", "createUser": "c@x.test"},
        {"name": "c.pdf", "type": "Pdf"},
    )  # fmt: skip
    assert (given.created_by, given.modified_by) == ("c@x.test", "m@x.test")
    assert given.metadata == (("eVideoTypeImage", ""), ("colour", "red"))
    assert given.image is not None
    derived_a = image_facts("Co/", "", "a.png", datetime.fromisoformat(DATE))
    assert given.image == replace(
        derived_a, original_file="MY_hero.png", width=2150, height=2500, resolution=300,
        comments="ok", sku="MY_hero", description="MY_hero", anchor_x=1075, anchor_y=1250,
        file_size=given.image.file_size,
    )  # fmt: skip
    # Not given: modified as an upload by the creator leaves it, the image facts derived.
    assert (derived.created_by, derived.modified_by, derived.metadata) == (
        "c@x.test", "image optimization", (),
    )  # fmt: skip
    assert derived.image == image_facts("Co/", "", "b.png", datetime.fromisoformat(DATE))
    assert other == AssetDetails(metadata=())  # no creator named: not known


def test_image_info_is_for_images_only(db: Database) -> None:
    with pytest.raises(SeedError) as caught:
        asset_details(db, {"name": "c.pdf", "type": "Pdf", "imageInfo": {"width": 1}})
    assert (caught.value.path, caught.value.message) == (
        "assets[0].imageInfo", "only Image assets have imageInfo",
    )  # fmt: skip
    problems = validate_seed({"assets": [{"company": "c|1", "name": "x", "type": "Image",
                                          "created": DATE, "imageInfo": {"width": -1, "dpi": 1},
                                          "metadata": [{"value": "v"}]}]})  # fmt: skip
    assert [str(p) for p in problems] == [
        "assets[0].imageInfo.dpi: unknown field (known: originalPath, originalFile, "
        "optimizedPath, optimizedFile, maskPath, maskFile, width, height, fileSize, resolution, "
        "sku, description, comments, userData, anchorX, anchorY)",
        "assets[0].imageInfo.width: -1 is less than the minimum of 0",
        "assets[0].metadata[0].name: is required",
    ]


@pytest.mark.parametrize(
    ("document", "path", "words"),
    [
        ({"companies": [{"handle": "c|9", "name": "Taken"}]}, "companies[0].name", "Taken"),
        ({"companies": [{"handle": "c|1", "name": "New"}]}, "companies[0].handle", "c|1"),
        ({"users": [{"email": "U@X.TEST", "role": "IpsUser"}]}, "users[0].email", "U@X.TEST"),
        (
            {"memberships": [{"user": "u@x.test", "company": "c|1"}]},
            "memberships[0]",
            "membership",
        ),
        (
            {"assets": [{"company": "c|1", "name": "x.jpg", "type": "Image", "created": DATE}]},
            "assets[0].name",
            "x.jpg",
        ),
    ],
)
def test_conflicts_with_stored_data_name_the_field(
    db: Database, document: dict[str, Any], path: str, words: str
) -> None:
    load(
        db,
        {
            "companies": [{"handle": "c|1", "name": "Taken"}],
            "users": [{"email": "u@x.test", "role": "IpsUser", "companies": ["c|1"]}],
            "assets": [{"company": "c|1", "name": "x.jpg", "type": "Image", "created": DATE}],
        },
    )
    with pytest.raises(SeedError) as caught:
        load(db, document)
    assert caught.value.path == path
    assert words in caught.value.message
    assert "already exists" in caught.value.message


def test_password_and_hash_are_exclusive_and_hashes_are_shared(db: Database) -> None:
    with pytest.raises(SeedError, match=r"users\[0\]\.passwordHash: give password or"):
        load(db, {"users": [{"email": "a@x", "role": "IpsUser", "password": "p",
                             "passwordHash": "scrypt$1$1$1$AA==$AA=="}]})  # fmt: skip
    load(db, {"users": [{"email": f"{n}@x", "role": "IpsUser", "password": "same"}
                        for n in range(3)]})  # fmt: skip
    with db.store() as store:
        assert len(set(store.orm.scalars(select(User.password_hash)))) == 1


def test_yaml_dates_stay_text() -> None:
    document = parse_document("companies:\n- name: Co\n  expires: 2030-01-01T00:00:00Z\n", "yaml")
    assert document == {"companies": [{"name": "Co", "expires": "2030-01-01T00:00:00Z"}]}
    assert validate_seed(document) == []
    with pytest.raises(DocumentFileError, match="not valid YAML"):
        parse_document("companies: [unclosed", "yaml")
    with pytest.raises(DocumentFileError, match=r"not valid JSON \(line 1, column 2"):
        parse_document("{oops}", "json")
