"""Fixtures for the domain's unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ips_emulator.storage.db import Database


@pytest.fixture
def db() -> Iterator[Database]:
    """A fresh in-memory database with the current schema."""
    database = Database("sqlite://")
    database.create_schema()
    yield database
    database.dispose()
