"""Configuration of the emulator for this suite: the fixtures come from the plugin,
installed with the ``ips-emulator`` package; this file only overrides settings."""

from __future__ import annotations

import pytest

from ips_emulator import Settings


@pytest.fixture(scope="session")
def ips_emulator_settings() -> Settings:
    # The time zone of Adobe's own examples: dates come back as ...-07:00.
    return Settings(timezone="America/Los_Angeles")
