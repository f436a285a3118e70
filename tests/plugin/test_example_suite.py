"""examples/pytest_suite passes as a user would run it: pytest in a fresh process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin.support import INNER_OPTIONS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pytest_suite"


def test_example_suite_passes(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess(str(EXAMPLE), "-v", *INNER_OPTIONS)
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines(
        [
            "*test_history_in_the_users_language[[]en-US-*PASSED*",
            "*test_history_in_the_users_language[[]fr-FR-*PASSED*",
            "*test_a_transient_fault_is_retried PASSED*",
            "*test_upload_job_runs_and_reports PASSED*",
        ]
    )
