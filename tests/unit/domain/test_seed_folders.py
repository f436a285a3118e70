"""Folders in seed documents (domain/seed_folders.py): listed, implied by assets, exported."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from ips_emulator.domain.export import export_document
from ips_emulator.domain.seed import SeedError, SeedSchemaError, load_seed
from ips_emulator.storage import folders
from ips_emulator.storage.db import Database

COMPANY = {"handle": "c|20", "name": "Folder Co", "rootPath": "FolderCo/"}


def _at(day: int) -> str:
    return f"2020-01-{day:02d}T00:00:00.000+00:00"


def _day(day: int) -> datetime:
    return datetime(2020, 1, day, tzinfo=UTC)


def _asset(folder: str, name: str, created: int, modified: int | None = None) -> dict[str, Any]:
    asset = {"company": "c|20", "folder": folder, "name": name, "type": "Pdf",
             "created": _at(created)}  # fmt: skip
    if modified:
        asset["lastModified"] = _at(modified)
    return asset


def load(db: Database, **sections: Any) -> Any:
    with db.store() as store:
        return load_seed(store, {"companies": [COMPANY], **sections})


def stored(db: Database) -> dict[str, tuple[datetime, datetime]]:
    with db.store() as store:
        return {
            f.path: (f.last_modified, f.child_last_modified)
            for f in folders.folders_within(store, 1, "")
        }


def test_a_listed_folder_is_stored_empty_with_its_dates_and_missing_parents(db: Database) -> None:
    result = load(db, folders=[
        {"company": "c|20", "path": "empty/", "lastModified": _at(3),
         "childLastModified": _at(4)},
        {"company": "c|20", "path": "a/b", "lastModified": _at(5)},  # no trailing "/"
    ])  # fmt: skip
    assert result.folders == ["f|FolderCo/empty/", "f|FolderCo/a/b/"]
    assert stored(db) == {
        "empty/": (_day(3), _day(4)),
        "a/": (_day(5), _day(5)),  # made for a/b/, at its lastModified
        "a/b/": (_day(5), _day(5)),
    }


def test_a_parent_listed_after_its_child_gets_its_own_dates(db: Database) -> None:
    load(db, folders=[
        {"company": "c|20", "path": "a/b/", "lastModified": _at(5)},
        {"company": "c|20", "path": "a/", "lastModified": _at(2), "childLastModified": _at(6)},
    ])  # fmt: skip
    assert stored(db)["a/"] == (_day(2), _day(6))


def test_assets_imply_their_folders_whatever_their_order(db: Database) -> None:
    load(db, assets=[
        _asset("x/y/", "late.pdf", 9),
        _asset("x/y/", "early.pdf", 2, modified=4),
        _asset("x/", "top.pdf", 6),
        _asset("", "root.pdf", 1),
    ])  # fmt: skip
    assert stored(db) == {
        # Needed from day 2 (early.pdf below it); top.pdf, day 6, is its latest own change.
        "x/": (_day(2), _day(6)),
        # Its assets: early.pdf (day 2, changed day 4) and late.pdf (day 9).
        "x/y/": (_day(2), _day(9)),
    }


def test_an_asset_in_a_listed_folder_moves_its_child_date_on_only(db: Database) -> None:
    load(
        db,
        folders=[
            {
                "company": "c|20",
                "path": "kept/",
                "lastModified": _at(3),
                "childLastModified": _at(5),
            }
        ],
        assets=[_asset("kept/", "old.pdf", 1, modified=2), _asset("kept/", "new.pdf", 7)],
    )
    assert stored(db) == {"kept/": (_day(3), _day(7))}


def test_an_exported_empty_folder_loads_back_as_it_was(db: Database) -> None:
    load(db, folders=[{"company": "c|20", "path": "empty/sub/", "lastModified": _at(3)}],
         assets=[_asset("full/", "a.pdf", 4)])  # fmt: skip
    with db.store() as store:
        document = export_document(store)
    assert document["folders"] == [
        {"company": "c|20", "path": "empty/", "lastModified": _at(3)},
        {"company": "c|20", "path": "empty/sub/", "lastModified": _at(3)},
        {"company": "c|20", "path": "full/", "lastModified": _at(4)},
    ]
    copy = Database("sqlite://")
    copy.create_schema()
    with copy.store() as store:
        load_seed(store, document)
    with copy.store() as store:
        assert export_document(store) == document
    copy.dispose()


@pytest.mark.parametrize(
    ("folder", "where", "message"),
    [
        ({"path": "/"}, "folders[0].path", "the company root is no folder"),
        ({"path": "a/../b/"}, "folders[0].path", "'..' segments are not allowed"),
        ({"path": "x" * 1000}, "folders[0].path", "at most 1000 characters"),
    ],
)
def test_bad_folder_paths_name_the_field(
    db: Database, folder: dict[str, str], where: str, message: str
) -> None:
    item = {"company": "c|20", "lastModified": _at(1), **folder}
    with pytest.raises(SeedError) as caught:
        load(db, folders=[item])
    assert caught.value.path == where
    assert message in caught.value.message
    assert stored(db) == {}  # all or nothing: the caller rolls back


def test_a_folder_listed_twice_or_already_stored_is_refused(db: Database) -> None:
    item = {"company": "c|20", "path": "twice/", "lastModified": _at(1)}
    with pytest.raises(SeedError, match=r"folders\[1\].path: twice/ is listed twice"):
        load(db, folders=[item, {**item, "path": "twice"}])
    load(db, folders=[item])
    with db.store() as store, pytest.raises(SeedError, match="already exists in the database"):
        load_seed(store, {"folders": [item]})


def test_an_asset_folder_with_dot_dot_is_refused(db: Database) -> None:
    with pytest.raises(SeedError, match=r"assets\[0\].folder: '\.\.' segments"):
        load(db, assets=[_asset("../OtherCo/", "x.pdf", 1)])


def test_the_schema_requires_a_folder_s_company_path_and_date() -> None:
    with pytest.raises(SeedSchemaError) as caught:
        load_seed(None, {"folders": [{"path": ""}]})
    assert [str(e) for e in caught.value.errors] == [
        "folders[0].company: is required",
        "folders[0].lastModified: is required",
        "folders[0].path: must not be empty",
    ]
