from __future__ import annotations

import pytest

from tests.plugin.support import warm_up


@pytest.fixture(scope="session", autouse=True)
def _modules_loaded_before_inner_runs() -> None:
    warm_up()
