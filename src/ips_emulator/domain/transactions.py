"""A call's transaction, run again when the database says another attempt can succeed.

The SOAP endpoint and the admin API both run a call's work through ``Transactions.run``,
so both follow one rule: the work commits when it returns and rolls back when it
raises; a database failure, in the work or at the commit, is raised as its
``StorageError`` (ipsApiFault 30000 to SOAP, 503 to the admin API); and a
``TransientStorageError`` (a deadlock, a serialization failure, SQLite's busy database,
PostgreSQL's unique violation: see ``storage.db``) runs the work again in a new
transaction, up to ``ATTEMPTS`` times in all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

from ips_emulator.errors import StorageError, TransientStorageError
from ips_emulator.storage.db import storage_failure

log = logging.getLogger(__name__)

#: A call that meets a deadlock (several workers on PostgreSQL) is run again.
ATTEMPTS = 5


class StoreFactory(Protocol):
    """Opens one transaction: it commits when its block ends and rolls back when it raises.

    ``exclusive``: the transaction holds the database's write lock from its start where the
    backend needs that to see other writers' commits (SQLite: ``storage.db``).
    """

    def __call__(self, exclusive: bool = False) -> AbstractContextManager[Any]: ...


T = TypeVar("T")


class Transactions:
    """Runs work in transactions from ``stores`` (``storage.db.Database.store``)."""

    def __init__(self, stores: StoreFactory) -> None:
        self._stores = stores

    @staticmethod
    def failure(exc: BaseException) -> StorageError | None:
        """The ``StorageError`` that ``exc`` is, or None if it is no database failure.

        For code that must answer a failure before it leaves the work: spyne turns any
        exception an operation raises into its own fault.
        """
        return storage_failure(exc)

    def once(self, work: Callable[[Any], T], exclusive: bool = False) -> T:
        """``work(store)`` in one transaction, a database failure raised as its StorageError."""
        try:
            with self._stores(exclusive) as store:
                return work(store)
        except Exception as exc:
            failure = storage_failure(exc)
            if failure is None:
                raise
        # Raised outside the handler, so as not to chain the driver's error: its text holds
        # the SQL statement and its parameters, which a logged traceback would print.
        raise failure

    def run(self, name: str, work: Callable[[Any], T]) -> T:
        """``once(work)``, again after each TransientStorageError, ``ATTEMPTS`` times at most.

        ``name`` (the operation, the admin path) is for the log. The attempts after the
        first are exclusive: on SQLite the first is refused when another writer commits
        between its reads and its writes, and a second like it could be refused again.
        """
        exclusive = False
        for _ in range(ATTEMPTS - 1):
            try:
                return self.once(work, exclusive)
            except TransientStorageError as error:
                log.info("retrying %s after %s", name, error.reason)
                exclusive = True
        return self.once(work, exclusive)
