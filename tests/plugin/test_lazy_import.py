"""Having the package installed costs a suite nothing until it asks for a fixture.

pytest imports the plugin (and so ``ips_emulator``) at every start-up through the
``pytest11`` entry point; the server's dependencies must wait for the first fixture.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import ips_emulator

#: Imported by the server, never by ``import ips_emulator`` or the plugin module.
HEAVY = ("spyne", "sqlalchemy", "werkzeug", "babel", "zeep", "waitress", "lxml", "alembic")

LOADED = """
import json, sys
import {module}
print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
"""


@pytest.mark.parametrize("module", ["ips_emulator", "ips_emulator.pytest_plugin"])
def test_importing_loads_no_heavy_dependency(module: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", LOADED.format(module=module)],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    loaded = set(json.loads(out))
    assert "ips_emulator" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded.intersection(HEAVY))


def test_public_names_resolve_on_first_use() -> None:
    from ips_emulator.server.app import create_app
    from ips_emulator.testing import IpsEmulator

    assert ips_emulator.create_app is create_app
    assert ips_emulator.IpsEmulator is IpsEmulator
    assert set(ips_emulator.__all__) <= set(dir(ips_emulator))
    for name in ips_emulator.__all__:
        assert getattr(ips_emulator, name) is not None
    with pytest.raises(AttributeError, match="no_such_name"):
        ips_emulator.no_such_name  # noqa: B018


STRICT_INI = """
    [pytest]
    filterwarnings = error
"""

WITHOUT_FIXTURES = """
    def test_plain(request):
        # The plugin is active (from the entry point), only never asked for a fixture.
        assert request.config.pluginmanager.has_plugin("ips_emulator")
"""

WITH_FIXTURE = """
    def test_uses_fixture(ips_emulator):
        client = ips_emulator.client(locale="fr-FR")
        entries = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
        assert entries[0].logMessage == "ApiTestCo/blakexslttest.jpg a été traité dans IPS"
"""


@pytest.mark.parametrize("tests", [WITHOUT_FIXTURES, WITH_FIXTURE], ids=["plain", "fixture"])
def test_a_suite_that_turns_warnings_into_errors_runs(
    pytester: pytest.Pytester, tests: str
) -> None:
    # A subprocess: this process has imported spyne and the rest already, so an
    # in-process run would never meet their import-time warnings.
    pytester.makeini(textwrap.dedent(STRICT_INI))
    pytester.makepyfile(test_strict=textwrap.dedent(tests))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=120)
    result.assert_outcomes(passed=1)
