"""``Transactions``: commit or roll back, database failures as StorageError, transient ones
run again, ATTEMPTS times in all."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from ips_emulator.domain.transactions import ATTEMPTS, Transactions
from ips_emulator.errors import IpsApiError, StorageError, TransientStorageError, missing_parameter
from ips_emulator.storage.db import Database


class DeadlockError(Exception):
    """A driver's error as psycopg raises it: a PostgreSQL deadlock."""

    sqlstate = "40P01"


def deadlock() -> OperationalError:
    return OperationalError(
        "UPDATE job SET state = ?", ("Done",), DeadlockError("deadlock detected")
    )


@pytest.fixture
def db(db: Database) -> Database:
    with db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE tally (n INTEGER)"))
    return db


def rows(db: Database) -> list[int]:
    with db.engine.connect() as connection:
        return [n for (n,) in connection.execute(text("SELECT n FROM tally ORDER BY n"))]


def insert(store: Any, n: int) -> None:
    store.connection.execute(text("INSERT INTO tally VALUES (:n)"), {"n": n})


def test_the_work_commits_when_it_returns(db: Database) -> None:
    def work(store: Any) -> str:
        insert(store, 1)
        return "done"

    assert Transactions(db.store).run("test", work) == "done"
    assert rows(db) == [1]


def test_an_ips_error_rolls_back_and_is_raised_as_it_is(db: Database) -> None:
    def work(store: Any) -> None:
        insert(store, 1)
        raise missing_parameter("jobName")

    with pytest.raises(IpsApiError) as raised:
        Transactions(db.store).run("test", work)
    assert type(raised.value) is IpsApiError
    assert raised.value.reason == "Missing required parameter 'jobName'."
    assert rows(db) == []


def test_a_transient_failure_runs_the_work_again_in_a_new_transaction(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    attempts: list[int] = []

    def work(store: Any) -> int:
        attempts.append(len(attempts) + 1)
        insert(store, len(attempts))
        if len(attempts) < 3:
            raise deadlock()
        return len(attempts)

    caplog.set_level(logging.INFO, "ips_emulator.domain.transactions")
    assert Transactions(db.store).run("submitJob", work) == 3
    assert rows(db) == [3]  # the first two attempts rolled back
    assert [r.getMessage() for r in caplog.records] == [
        "retrying submitJob after The emulator could not complete the call: "
        "the database reported DeadlockError."
    ] * 2


def test_a_failure_that_stays_is_raised_after_the_last_attempt(db: Database) -> None:
    attempts: list[int] = []

    def work(store: Any) -> None:
        attempts.append(1)
        raise deadlock()

    with pytest.raises(TransientStorageError) as raised:
        Transactions(db.store).run("test", work)
    assert len(attempts) == ATTEMPTS == 5
    assert raised.value.summary == "DeadlockError: deadlock detected"
    assert raised.value.__context__ is None  # the driver's error, SQL and all, is not chained


def test_a_failure_at_commit_is_a_storage_error_and_not_run_again(db: Database) -> None:
    opened: list[int] = []

    @contextmanager
    def failing_commit(exclusive: bool = False) -> Iterator[Any]:
        opened.append(1)
        with db.store() as store:
            yield store
        raise OperationalError("COMMIT", (), Exception("disk I/O error"))

    with pytest.raises(StorageError) as raised:
        Transactions(failing_commit).run("test", lambda store: None)
    assert type(raised.value) is StorageError
    assert int(raised.value.code) == 30000
    assert raised.value.reason == (
        "The emulator could not complete the call: the database refused the request (Exception)."
    )
    assert opened == [1]


def test_an_unexpected_error_is_raised_unchanged(db: Database) -> None:
    def work(store: Any) -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError, match="bug"):
        Transactions(db.store).run("test", work)
