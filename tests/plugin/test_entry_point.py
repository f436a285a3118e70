"""The plugin is found through the installed package's pytest11 entry point."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from tests.plugin.support import INNER_OPTIONS, run_inner

USES_FIXTURE = """
    def test_uses_fixture(ips_emulator):
        assert ips_emulator.url.startswith("http://127.0.0.1:")
"""


def test_entry_point_is_declared() -> None:
    (point,) = [p for p in entry_points(group="pytest11") if p.name == "ips_emulator"]
    assert point.value == "ips_emulator.pytest_plugin"
    assert hasattr(point.load(), "ips_emulator")


def test_fixtures_are_listed_with_their_docs(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--fixtures", *INNER_OPTIONS)
    result.stdout.fnmatch_lines(
        [
            "*fixtures defined from ips_emulator.pytest_plugin*",
            "ips_emulator_settings [[]session scope[]]*",
            "*The server's ``Settings``*",
            "ips_emulator_seed [[]session scope[]]*",
            "ips_server [[]session scope[]]*",
            "ips_emulator -- *",
            "*reset for this test*",
        ]
    )


def test_fixtures_come_from_the_entry_point(pytester: pytest.Pytester) -> None:
    run_inner(pytester, USES_FIXTURE).assert_outcomes(passed=1)
    # Disabling the plugin by its entry-point name takes the fixtures away.
    result = pytester.runpytest(*INNER_OPTIONS, "-p", "no:ips_emulator")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'ips_emulator' not found*"])
