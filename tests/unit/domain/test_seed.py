"""``load_seed``: errors name the path inside the document, and loading is all-or-nothing."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from ips_emulator.domain.seed import SeedError, load_seed
from ips_emulator.resources import package_file
from ips_emulator.storage.db import Database
from ips_emulator.storage.tables import Asset, Base, Company, Job, JobLogEntry, Membership, User

DATE = "2020-01-02T03:04:05.678+00:00"
TABLES: tuple[type[Base], ...] = (Company, User, Membership, Asset, Job, JobLogEntry)


def counts(db: Database) -> dict[str, int]:
    with db.store() as store:
        return {
            t.__tablename__: store.orm.scalar(select(func.count()).select_from(t)) or 0
            for t in TABLES
        }


def document() -> dict[str, Any]:
    """A small valid document touching every section."""
    return {
        "companies": [{"handle": "c|1", "name": "Co"}],
        "users": [
            {"email": "u@example.test", "password": "pw", "role": "IpsUser", "companies": ["c|1"]}
        ],
        "assets": [
            {"handle": "a|1", "company": "c|1", "name": "x.jpg", "type": "Image", "created": DATE}
        ],
        "jobs": [
            {
                "handle": "j|1",
                "company": "c|1",
                "submitUser": "u@example.test",
                "name": "Job",
                "type": "UploadFromServerDirectory",
                "created": DATE,
                "logs": [
                    {"template": "upload.begin", "date": DATE},
                    {
                        "template": "upload.success",
                        "params": {"asset_path": "Co/x.jpg"},
                        "asset": "a|1",
                        "date": DATE,
                    },
                ],
            }
        ],
    }


def load_error(db: Database, doc: dict[str, Any]) -> SeedError:
    with pytest.raises(SeedError) as info, db.store() as store:
        load_seed(store, doc)
    return info.value


def test_valid_document_loads(db: Database) -> None:
    with db.store() as store:
        load_seed(store, document())
    assert counts(db) == {
        "company": 1,
        "ips_user": 1,
        "membership": 1,
        "asset": 1,
        "job": 1,
        "job_log_entry": 2,
    }


def test_unknown_section(db: Database) -> None:
    doc = document()
    doc["widgets"] = []
    error = load_error(db, doc)
    assert error.path == "widgets"
    assert "unknown section" in error.message
    assert str(error).startswith("widgets: ")
    assert isinstance(error, ValueError)


def test_user_with_bad_role(db: Database) -> None:
    doc = document()
    doc["users"][0]["role"] = "Overlord"
    error = load_error(db, doc)
    assert error.path == "users[0].role"
    assert "Overlord" in error.message


def test_user_membership_of_unknown_company(db: Database) -> None:
    doc = document()
    doc["users"][0]["companies"] = ["c|1", "c|404"]
    error = load_error(db, doc)
    assert error.path == "users[0].companies[1]"
    assert "c|404" in error.message


def test_asset_referencing_unknown_company(db: Database) -> None:
    doc = document()
    doc["assets"][0]["company"] = "c|404"
    error = load_error(db, doc)
    assert error.path == "assets[0].company"
    assert "c|404" in error.message


def test_second_asset_error_names_its_index(db: Database) -> None:
    doc = document()
    second = dict(doc["assets"][0], handle="a|2", name="y.jpg")
    del second["type"]
    doc["assets"].append(second)
    error = load_error(db, doc)
    assert error.path == "assets[1].type"
    assert error.message == "is required"


def test_log_entry_with_unknown_template(db: Database) -> None:
    doc = document()
    doc["jobs"][0]["logs"][1]["template"] = "upload.nonsense"
    error = load_error(db, doc)
    assert error.path == "jobs[0].logs[1].template"
    assert "upload.nonsense" in error.message


def test_log_entry_missing_a_placeholder_parameter(db: Database) -> None:
    doc = document()
    doc["jobs"][0]["logs"][1]["params"] = {"wrong_name": "Co/x.jpg"}
    error = load_error(db, doc)
    assert error.path == "jobs[0].logs[1].template"
    assert "asset_path" in error.message


def test_log_entry_without_params_for_a_placeholder_template(db: Database) -> None:
    doc = document()
    del doc["jobs"][0]["logs"][1]["params"]
    error = load_error(db, doc)
    assert error.path == "jobs[0].logs[1].template"
    assert "asset_path" in error.message


def test_log_entry_referencing_unknown_asset(db: Database) -> None:
    doc = document()
    doc["jobs"][0]["logs"][1]["asset"] = "a|404"
    error = load_error(db, doc)
    assert error.path == "jobs[0].logs[1].asset"


@pytest.mark.parametrize(
    ("section", "field", "path"),
    [
        ("assets", "created", "assets[0].created"),
        ("jobs", "created", "jobs[0].created"),
        ("companies", "expires", "companies[0].expires"),
    ],
)
def test_date_without_offset_names_the_field(
    db: Database, section: str, field: str, path: str
) -> None:
    doc = document()
    doc[section][0][field] = "2020-01-02T03:04:05"
    error = load_error(db, doc)
    assert error.path == path
    assert "time zone" in error.message


def test_log_date_without_offset_names_the_field(db: Database) -> None:
    doc = document()
    doc["jobs"][0]["logs"][0]["date"] = "2020-01-02T03:04:05.000"
    error = load_error(db, doc)
    assert error.path == "jobs[0].logs[0].date"
    assert "time zone" in error.message


def test_unparseable_date_names_the_field(db: Database) -> None:
    doc = document()
    doc["assets"][0]["created"] = "yesterday"
    error = load_error(db, doc)
    assert error.path == "assets[0].created"
    assert "ISO 8601" in error.message


def test_log_entry_without_template_reports_once(db: Database) -> None:
    doc = document()
    del doc["jobs"][0]["logs"][0]["template"]
    error = load_error(db, doc)
    assert error.path == "jobs[0].logs[0].template"
    assert error.message == "is required"


def test_duplicate_company_is_a_seed_error(db: Database) -> None:
    doc = document()
    doc["companies"].append({"handle": "c|1", "name": "Co"})
    error = load_error(db, doc)
    assert error.path.startswith("companies[1]")


def test_failed_load_writes_nothing(db: Database) -> None:
    doc = document()
    doc["jobs"][0]["logs"].append({"template": "no.such.template", "date": DATE})
    # Companies, users, assets, the job and its first entries are flushed before the last
    # entry fails; the failure must roll all of them back.
    with pytest.raises(SeedError), db.store() as store:
        load_seed(store, doc)
    assert counts(db) == {t.__tablename__: 0 for t in TABLES}


def test_failed_load_keeps_earlier_committed_data(db: Database) -> None:
    with db.store() as store:
        load_seed(store, {"companies": [{"handle": "c|9", "name": "Earlier"}]})
    doc = document()
    doc["users"][0]["role"] = "Nobody"
    with pytest.raises(SeedError), db.store() as store:
        load_seed(store, doc)
    assert counts(db) == {
        "company": 1,
        "ips_user": 0,
        "membership": 0,
        "asset": 0,
        "job": 0,
        "job_log_entry": 0,
    }
    with db.store() as store:
        assert store.orm.scalars(select(Company.handle)).all() == ["c|9"]


def test_demo_document_loads(db: Database) -> None:
    demo = json.loads(package_file("demo.json").read_text(encoding="utf-8"))
    original = copy.deepcopy(demo)
    with db.store() as store:
        load_seed(store, demo)
    assert demo == original  # the document is not modified
    assert counts(db) == {
        "company": len(demo["companies"]),
        "ips_user": len(demo["users"]),
        "membership": sum(len(u.get("companies", [])) for u in demo["users"]),
        "asset": len(demo["assets"]),
        "job": len(demo["jobs"]),
        "job_log_entry": sum(len(j.get("logs", [])) for j in demo["jobs"]),
    }
    with db.store() as store:
        assert store.orm.scalars(select(Asset.handle)).all() == ["a|732|1|535"]
        assert sorted(store.orm.scalars(select(User.email))) == [
            "demo@ips-emulator.test",
            "strangio@adobe.com",
        ]
