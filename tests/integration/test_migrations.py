"""The Alembic migrations build exactly the schema the models describe, on either backend."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from ips_emulator.records import AssetDetails, ImageFacts
from ips_emulator.storage import assets
from ips_emulator.storage.db import Database
from ips_emulator.storage.migrations.runner import upgrade
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
    upgrade(database.engine)  # 0001 -> 0002 (head), in place
    with database.engine.connect() as connection:
        counts = [connection.scalar(text(f"SELECT count(*) FROM {t}")) for t in tables]
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
    assert (counts, version) == ([1, 1, 1, 1, 1], "0002")
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
