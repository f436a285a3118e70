"""The Alembic migrations build exactly the schema the models describe, on either backend."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from ips_emulator.records import AssetDetails, FolderRecord, ImageFacts, MetadataFieldRecord
from ips_emulator.storage import assets, folders, metadata
from ips_emulator.storage.db import Database, Store
from ips_emulator.storage.migrations.runner import alembic_config, upgrade
from ips_emulator.storage.tables import Base
from tests.databases import Databases

#: Rows as a 0001 database holds them (dates in UTC microseconds).
_ROWS_0001 = (
    "INSERT INTO company (handle, name, root_path) VALUES ('c|1', 'Old Co', 'OldCo/')",
    "INSERT INTO ips_user (handle, email_key, email, first_name, last_name, role,"
    " password_hash, is_valid) VALUES ('u|1|o@x.test', 'o@x.test', 'o@x.test', '', '',"
    " 'IpsUser', 'scrypt$x', true)",
    "INSERT INTO asset (handle, company_id, folder, name, asset_type, created, last_modified)"
    " SELECT 'a|1', id, 'old/', 'old.jpg', 'Image', 1000000, 2000000 FROM company",
    "INSERT INTO job (handle, company_id, submit_user_id, name, original_name, job_type,"
    " description, created, state, steps_done, paused_seconds)"
    " SELECT 'j|1||Old|1', company.id, ips_user.id, 'Old', 'Old', 'UrlUpload', '', 1000000,"
    " 'Done', 0, 0 FROM company, ips_user",
    "INSERT INTO job_log_entry (job_id, asset_id, log_type, template_id, params, created)"
    " SELECT job.id, asset.id, 'UploadSuccess', 'upload.success', '{}', 1000000 FROM job, asset",
)


def test_migrations_match_the_models(databases: Databases) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, create_empty=False)  # the migrations themselves, step by step
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    database.dispose()


def test_upgrade_is_idempotent_and_keeps_data(databases: Databases) -> None:
    url = databases.new_url()
    first = Database(url)
    first.create_schema()
    with first.store() as store:
        from ips_emulator.storage import directory

        directory.add_company(store, "KeepMe", "KeepMe/", None, None)
    first.dispose()
    second = Database(url)
    second.create_schema()  # a second start-up: nothing to do, nothing lost
    with second.store() as store:
        from ips_emulator.storage.directory import find_company_by_name

        assert find_company_by_name(store, "KeepMe") is not None
    engine = create_engine(url)
    assert "alembic_version" in inspect(engine).get_table_names()
    engine.dispose()
    second.dispose()


def test_upgrade_from_0001_keeps_every_row(databases: Databases) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, revision="0001", create_empty=False)
    with database.engine.begin() as connection:
        for statement in _ROWS_0001:
            connection.execute(text(statement))
    tables = ("company", "ips_user", "asset", "job", "job_log_entry")
    upgrade(database.engine, revision="0002")  # 0001 -> 0002, in place
    with database.engine.connect() as connection:
        counts = [connection.scalar(text(f"SELECT count(*) FROM {t}")) for t in tables]
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
    assert (counts, version) == ([1, 1, 1, 1, 1], "0002")
    upgrade(database.engine)  # on to head, whose models the store reads with
    with database.store() as store:
        old = assets.find_by_handle(store, "a|1")
        assert old is not None
        assert (old.folder, old.name, old.last_modified) == (
            "old/", "old.jpg", datetime(1970, 1, 1, 0, 0, 2, tzinfo=UTC),
        )  # fmt: skip
        assert old.details == AssetDetails()  # never recorded: unknown, not invented
        details = AssetDetails("n@x.test", "n@x.test", (("k", "v"),), ImageFacts(width=5))
        new = assets.add_asset(store, old.company_id, "", "new.jpg", "Image",
                               datetime.now(UTC), details=details)  # fmt: skip
        assert assets.find_by_handle(store, new.handle) == new
        assert new.details == details
    database.dispose()


def _micros(day: int, hour: int = 0) -> int:
    return int(datetime(2020, 1, day, hour, tzinfo=UTC).timestamp()) * 1_000_000


#: Assets as a 0002 database holds them: (company, folder, name, created, last modified).
_ASSETS_0002 = (
    ("c|1", "", "root.jpg", _micros(1), _micros(1)),
    ("c|1", "shoes/", "a.jpg", _micros(5), _micros(9)),
    ("c|1", "shoes/", "b.jpg", _micros(3), _micros(4)),
    ("c|1", "shoes/red/", "c.jpg", _micros(7), _micros(8)),
    ("c|1", "deep/er/still/", "d.jpg", _micros(2), _micros(6)),
    ("c|2", "shoes/", "e.jpg", _micros(4), _micros(4)),
)


def _day(day: int, hour: int = 0) -> datetime:
    return datetime(2020, 1, day, hour, tzinfo=UTC)


def _company_of(store: Store, asset_handle: str) -> int:
    found = assets.find_by_handle(store, asset_handle)
    assert found is not None
    return found.company_id


def test_upgrade_from_0002_makes_the_folders_the_assets_imply(databases: Databases) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, revision="0002", create_empty=False)
    with database.engine.begin() as connection:
        for handle, root in (("c|1", "One/"), ("c|2", "Two/")):
            connection.execute(text("INSERT INTO company (handle, name, root_path)"
                                    " VALUES (:h, :h, :r)"), {"h": handle, "r": root})  # fmt: skip
        for number, (company, folder, name, created, modified) in enumerate(_ASSETS_0002):
            connection.execute(
                text("INSERT INTO asset (handle, company_id, folder, name, asset_type, created,"
                     " last_modified) SELECT :handle, id, :folder, :name, 'Image', :created,"
                     " :modified FROM company WHERE handle = :company"),
                {"handle": f"a|{number}", "folder": folder, "name": name, "created": created,
                 "modified": modified, "company": company},
            )  # fmt: skip
    upgrade(database.engine, revision="0003")  # 0002 -> 0003, in place
    with database.engine.connect() as connection:
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
        assets_kept = connection.scalar(text("SELECT count(*) FROM asset"))
    assert (version, assets_kept) == ("0003", len(_ASSETS_0002))
    upgrade(database.engine)  # on to head, whose models the store reads with
    with database.store() as store:
        one, two = (_company_of(store, handle) for handle in ("a|0", "a|5"))
        found = {
            f.path: (f.last_modified, f.child_last_modified)
            for f in folders.folders_within(store, one, "")
        }
        assert found == {
            # Created when its first asset was (b.jpg, day 3); changed last by a.jpg (day 9).
            "shoes/": (_day(3), _day(9)),
            "shoes/red/": (_day(7), _day(8)),
            # Parents no asset names exist too; a subfolder appearing changes its parent.
            "deep/": (_day(2), _day(2)),
            "deep/er/": (_day(2), _day(2)),
            "deep/er/still/": (_day(2), _day(6)),
        }
        (other,) = folders.folders_within(store, two, "")
        assert (other.path, other.last_modified) == ("shoes/", _day(4))
        # The new table works as the models say.
        added = folders.add_folder(store, one, "new/", _day(10))
        assert (
            folders.find_folder(store, one, "new/")
            == added
            == FolderRecord(added.id, one, "new/", _day(10), _day(10))
        )
    database.dispose()


@pytest.mark.parametrize(
    ("revision", "dropped"),
    [("0002", "folder"), ("0003", "metadata_field")],
)
def test_downgrade_drops_what_a_revision_added_and_keeps_the_assets(
    databases: Databases, revision: str, dropped: str
) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, revision=revision, create_empty=False)
    with database.engine.begin() as connection:
        for statement in _ROWS_0001[:3]:
            connection.execute(text(statement))
    upgrade(database.engine)
    config = alembic_config(database.engine)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    names = inspect(database.engine).get_table_names()
    assert dropped not in names
    assert "asset" in names
    database.dispose()


#: Assets with metadata as a 0003 database holds them: (company, name, metadata JSON).
_ASSETS_0003 = (
    ("c|1", "a.jpg", '[{"name": "eVideoTypeImage", "value": ""}, {"name": "x", "value": "1"}]'),
    ("c|1", "b.jpg", '[{"name": "x", "value": "2"}]'),
    ("c|1", "c.jpg", None),
    ("c|1", "d.jpg", "[]"),
    ("c|9", "e.jpg", '[{"name": "x", "value": "3"}]'),
)


def test_upgrade_from_0003_makes_a_field_of_each_stored_name(databases: Databases) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, revision="0003", create_empty=False)
    with database.engine.begin() as connection:
        for handle in ("c|1", "c|9"):
            connection.execute(text("INSERT INTO company (handle, name, root_path)"
                                    " VALUES (:h, :h, 'Co/')"), {"h": handle})  # fmt: skip
        for number, (company, name, stored) in enumerate(_ASSETS_0003):
            connection.execute(
                text("INSERT INTO asset (handle, company_id, folder, name, asset_type, created,"
                     " last_modified, metadata_fields) SELECT :handle, id, '', :name, 'Image',"
                     " 1000000, 1000000, :stored FROM company WHERE handle = :company"),
                {"handle": f"a|{number}", "name": name, "stored": stored, "company": company},
            )  # fmt: skip
    upgrade(database.engine)  # 0003 -> 0004 -> 0005 (head), in place
    with database.engine.connect() as connection:
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
        assets_kept = connection.scalar(text("SELECT count(*) FROM asset"))
    assert (version, assets_kept) == ("0005", len(_ASSETS_0003))
    with database.store() as store:
        one, nine = (_company_of(store, handle) for handle in ("a|0", "a|4"))
        made = [(f.handle, f.asset_type, f.name, f.field_type, f.default_value, f.is_user_defined)
                for f in metadata.company_fields(store, one)]  # fmt: skip
        assert made == [
            ("m|1|ALL|eVideoTypeImage", "Asset", "eVideoTypeImage", "String", "", True),
            ("m|1|ALL|x", "Asset", "x", "String", "", True),
        ]
        assert [f.handle for f in metadata.company_fields(store, nine)] == ["m|9|ALL|x"]
        kept = assets.find_by_handle(store, "a|0")
        assert kept is not None
        assert kept.details.metadata == (("eVideoTypeImage", ""), ("x", "1"))
        # The new table works as the models say.
        field = MetadataFieldRecord(0, "m|1|IMAGE|r", one, "Image", "r", "Int", tag_values=("a",))
        added = metadata.add_field(store, field)
        assert metadata.find_field(store, "m|1|IMAGE|r") == added
        assert (added.field_type, added.tag_values, added.is_enforced) == ("Int", ("a",), True)
    database.dispose()


def test_upgrade_from_0003_to_0004_keeps_every_asset_live_and_the_trash_works(
    databases: Databases,
) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, revision="0003", create_empty=False)
    with database.engine.begin() as connection:
        for statement in _ROWS_0001:
            connection.execute(text(statement))
        connection.execute(text("INSERT INTO folder (company_id, path, last_modified,"
                                " child_last_modified) SELECT id, 'old/', 1000000, 2000000"
                                " FROM company"))  # fmt: skip
    upgrade(database.engine, revision="0004")  # 0003 -> 0004, in place
    tables = ("company", "ips_user", "asset", "folder", "job", "job_log_entry")
    with database.engine.connect() as connection:
        counts = [connection.scalar(text(f"SELECT count(*) FROM {t}")) for t in tables]
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
        states = connection.scalars(text("SELECT trash_state FROM asset")).all()
    # No operation trashed an asset before 0004: every one stored is live.
    assert (counts, version, states) == ([1] * 6, "0004", ["NotInTrash"])
    upgrade(database.engine)  # on to head, whose models the store reads with
    with database.store() as store:
        old = assets.find_by_handle(store, "a|1")
        assert old is not None
        assert (old.name, old.folder, old.trash_state) == ("old.jpg", "old/", "NotInTrash")
        assets.set_trash_state(store, old.id, "InTrash")
        trashed = assets.find_by_handle(store, "a|1")
        assert trashed is not None
        assert trashed.trash_state == "InTrash"
        assert assets.company_assets(store, old.company_id) == []  # live ones only
    database.dispose()


def test_downgrade_to_0003_drops_the_trash_state_and_keeps_the_assets(
    databases: Databases,
) -> None:
    database = Database(databases.new_url())
    upgrade(database.engine, revision="0003", create_empty=False)
    with database.engine.begin() as connection:
        for statement in _ROWS_0001[:3]:
            connection.execute(text(statement))
    upgrade(database.engine)
    config = alembic_config(database.engine)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    columns = {c["name"] for c in inspect(database.engine).get_columns("asset")}
    assert "trash_state" not in columns
    with database.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM asset")) == 1
    database.dispose()
