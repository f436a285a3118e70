"""``generate``: a realistic, reproducible synthetic data set, written in bulk."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ips_emulator.domain import generate as generate_module
from ips_emulator.domain.export import export_document
from ips_emulator.domain.generate import GenerateOptions, file_outcomes, generate
from ips_emulator.domain.job_plans import FAMILIES
from ips_emulator.domain.messages import TEMPLATES, check_params
from ips_emulator.domain.passwords import verify_password
from ips_emulator.domain.seed import load_seed
from ips_emulator.server.app import demo_document
from ips_emulator.storage.db import Database
from ips_emulator.storage.tables import Asset, Company, Folder, Job, JobLogEntry, Membership, User

UNTIL = datetime(2024, 6, 1, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'gen.db'}")
    database.create_schema()
    yield database
    database.dispose()


def options(**changes: Any) -> GenerateOptions:
    values: dict[str, Any] = {
        "companies": 4, "assets": 200, "logs": 5000, "seed": 7, "until": UNTIL,
    }  # fmt: skip
    values.update(changes)
    return GenerateOptions(**values)


def count(db: Database, table: Any) -> int:
    with db.store() as store:
        return int(store.orm.scalar(select(func.count()).select_from(table)) or 0)


def test_counts_are_exact_and_progress_adds_up(db: Database) -> None:
    reported: list[int] = []
    summary = generate(db, options(), reported.append)
    assert (count(db, Company), count(db, User), count(db, Asset)) == (4, 12, 200)
    assert count(db, Membership) == 12
    assert count(db, JobLogEntry) == summary.entries == sum(reported) == 5000
    assert count(db, Job) == summary.jobs > 100
    assert summary.companies == ["c|1", "c|2", "c|3", "c|4"]


def test_entries_use_the_job_families_and_valid_templates(db: Database) -> None:
    generate(db, options())
    with db.store() as store:
        jobs = {r[0]: r[1] for r in store.orm.execute(select(Job.id, Job.job_type))}
        rows = store.orm.execute(
            select(JobLogEntry.job_id, JobLogEntry.log_type, JobLogEntry.template_id,
                   JobLogEntry.params, JobLogEntry.asset_id)
        ).all()  # fmt: skip
    assert set(jobs.values()) <= set(FAMILIES)
    assert len(set(jobs.values())) >= 5  # several kinds of job, not one
    types = Counter(log_type for _, log_type, _, _, _ in rows)
    for job_id, log_type, template_id, params, _ in rows:
        check_params(template_id, params)  # every placeholder has its parameter
        family = FAMILIES[jobs[job_id]]
        known = {family.begin, family.end, family.success, family.error, "FatalError"}
        known |= {"OriginalJobName", "JobClient", "JobType", "TotalFileCount"}
        assert log_type in known or log_type.endswith(("Warning", "Updated", "Skipped"))
    # Mostly successes, a few errors and warnings, entries about assets.
    successes = sum(n for t, n in types.items() if t.endswith("Success"))
    errors = sum(n for t, n in types.items() if t.endswith(("Error", "Failure")))
    warnings = sum(n for t, n in types.items() if t.endswith("Warning"))
    assert successes > 5 * (errors + warnings) > 0
    assert errors > 0
    assert warnings > 0
    assert sum(1 for row in rows if row[4] is not None) > len(rows) / 3


def test_dates_are_spread_and_entries_follow_their_job(db: Database) -> None:
    generate(db, options(days=30))
    with db.store() as store:
        starts = store.orm.scalars(select(Job.created).order_by(Job.id)).all()
        firsts = store.orm.execute(
            select(JobLogEntry.job_id, func.min(JobLogEntry.created)).group_by(JobLogEntry.job_id)
        ).all()  # fmt: skip
        created = {r[0]: r[1] for r in store.orm.execute(select(Job.id, Job.created))}
    assert starts == sorted(starts)  # ids follow time, as a real service's do
    assert UNTIL - timedelta(days=30) <= starts[0] < starts[-1] <= UNTIL
    assert starts[-1] - starts[0] > timedelta(days=20)  # spread, not bunched
    assert all(first >= created[job_id] for job_id, first in firsts)


def test_same_seed_same_data(tmp_path: Path) -> None:
    documents = []
    for name in ("a", "b"):
        database = Database(f"sqlite:///{tmp_path / name}.db")
        database.create_schema()
        generate(database, options(logs=800, assets=30))
        with database.store() as store:
            document = export_document(store)
        database.dispose()
        for user in document["users"]:
            del user["passwordHash"]  # salted: differs on purpose
        documents.append(document)
    assert documents[0] == documents[1]
    assert documents[0]["jobs"]


def test_password_is_hashed_once_and_works(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = generate_module.hash_password

    def counting(password: str) -> str:
        calls.append(password)
        return real(password)

    monkeypatch.setattr(generate_module, "hash_password", counting)
    summary = generate(db, options(companies=5, logs=10, password="s3cret"))
    assert calls == ["s3cret"]
    with db.store() as store:
        stored = store.orm.scalar(select(User.password_hash).where(User.email == summary.logins[0]))
    assert stored is not None
    assert verify_password("s3cret", stored)


def test_adds_to_a_database_with_data_without_clashing(db: Database) -> None:
    with db.store() as store:
        load_seed(store, demo_document())  # company c|6 with id 1, asset a|732|1|535
    summary = generate(db, options(companies=8, assets=20, logs=300))
    assert "c|6" not in summary.companies
    assert summary.companies[0] == "c|7"  # after the highest handle number stored
    assert count(db, Company) == 9
    with db.store() as store:
        handles = store.orm.scalars(select(Asset.handle).order_by(Asset.id)).all()
    assert handles[0] == "a|732|1|535"
    assert handles[1] == "a|733"


def test_companies_without_assets_and_tiny_totals(db: Database) -> None:
    summary = generate(db, options(companies=3, assets=0, logs=3))
    assert summary.entries == 3
    with db.store() as store:
        types = store.orm.scalars(select(JobLogEntry.log_type)).all()
    assert len(types) == 3
    assert types[1:] == ["OriginalJobName", "JobClient"]


def test_file_outcomes_end_at_certainty_and_use_file_templates() -> None:
    for family in FAMILIES.values():
        outcomes = file_outcomes(family)
        assert outcomes[-1][0] == 1.0
        assert [o[0] for o in outcomes] == sorted(o[0] for o in outcomes)
        for _, _, template, _ in outcomes:
            assert TEMPLATES[template].placeholders == {"asset_path"}


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one company"):
        GenerateOptions(companies=0, assets=1, logs=1)
    with pytest.raises(ValueError, match="must not be negative"):
        GenerateOptions(companies=1, assets=-1, logs=1)


def test_assets_have_the_details_of_an_upload_by_a_company_user(db: Database) -> None:
    generate(db, options(logs=10, assets=40))
    with db.store() as store:
        emails = set(store.orm.scalars(select(User.email)))
        rows = store.orm.execute(select(Asset.asset_type, Asset.created_by, Asset.modified_by,
                                      Asset.width, Asset.optimized_file)).all()  # fmt: skip
    for asset_type, created_by, modified_by, width, optimized in rows:
        assert created_by in emails
        if asset_type == "Image":
            assert modified_by == "image optimization"
            assert width is not None
            assert optimized.endswith(".tif")
        else:
            assert (modified_by, width, optimized) == (created_by, None, None)
    assert {r[0] for r in rows} >= {"Image", "Video"}


def test_the_folders_the_assets_name_exist_with_their_parents(db: Database) -> None:
    generate(db, options(logs=10, assets=60))
    with db.store() as store:
        places = store.orm.execute(select(Asset.company_id, Asset.folder, Asset.created)).all()
        rows = store.orm.execute(select(Folder.company_id, Folder.path, Folder.last_modified,
                                        Folder.child_last_modified)).all()  # fmt: skip
    folders = {(company, path): (made, changed) for company, path, made, changed in rows}
    named = {(company, folder) for company, folder, _ in places if folder}
    parents = {(company, "products/") for company, folder in named if folder.startswith("p")}
    parents |= {(company, "campaigns/") for company, folder in named if folder.startswith("c")}
    assert set(folders) == named | parents  # each once (the table's unique key)
    for company, folder, created in places:
        if folder:
            made, changed = folders[(company, folder)]
            assert made <= created <= changed
