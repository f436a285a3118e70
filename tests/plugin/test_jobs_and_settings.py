"""Time, jobs, settings overrides and server errors, seen from a user's test suite."""

from __future__ import annotations

import pytest

from tests.plugin.support import INNER_OPTIONS, run_inner

SCHEDULE = """
    from datetime import UTC, datetime, timedelta

    BEFORE_NOON = datetime(2026, 1, 5, 11, 59, 30, tzinfo=UTC)
    NOON = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)

    def runs(client):
        logs = client.service.getJobLogs(companyHandle="c|6")
        return [log for log in logs if log.originalJobName == "daily-optimize"]

    def test_clock_advance_fires_the_schedule(ips_emulator):
        client = ips_emulator.client()
        ips_emulator.clock.set(BEFORE_NOON)
        client.service.submitJob(
            companyHandle="c|6", jobName="daily-optimize", execSchedule="0 0 12 * * ?",
            optimizeImagesJob={"emailSetting": "None"})
        (scheduled,) = client.service.getScheduledJobs(companyHandle="c|6")
        assert scheduled.nextFireTime == NOON
        assert runs(client) == []
        assert ips_emulator.clock.advance(60) >= NOON
        (run,) = runs(client)
        assert run.startDate == NOON  # dated at its fire time, not when it was noticed
        ips_emulator.clock.advance(timedelta(days=1))
        assert [r.startDate for r in runs(client)] == [NOON + timedelta(days=1), NOON]
"""

SETTINGS_CONFTEST = """
    import pytest

    from ips_emulator import Settings
    from ips_emulator.config import INSTANT

    @pytest.fixture(scope="session")
    def ips_emulator_settings():
        return Settings(timezone="America/Los_Angeles", default_locale="fr-FR", job_speed=INSTANT)
"""

SETTINGS = """
    from datetime import timedelta
    from pathlib import Path

    JOB = {"urlArray": {"items": [{"sourceUrl": "https://example.com/hat.jpg",
                                   "destPath": "catalog/hat.jpg"}]},
           "overwrite": True, "readyForPublish": True, "createMask": False,
           "emailSetting": "None"}

    def test_settings_come_from_the_conftest(ips_emulator):
        client = ips_emulator.client()  # no locale: the server's default applies
        first, _ = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
        assert first.logMessage == "ApiTestCo/blakexslttest.jpg a été traité dans IPS"
        assert first.logDate.utcoffset() == timedelta(hours=-7)  # the docs' own example
        client.service.submitJob(companyHandle="c|6", jobName="now", uploadUrlsJob=JOB)
        (log,) = client.service.getJobLogDetails(companyHandle="c|6", originalName="now")
        assert log.detailArray.items[-1].logType == "EndUpload"  # done within submitJob
        assert log.fileSuccessCount == 1
        assert ips_emulator.app.settings.database_url.endswith("ips-emulator.db")
        assert not Path("ips-emulator.db").exists()  # a throw-away database, elsewhere
"""

SERVER_ERRORS = """
    import pytest
    import zeep

    from ips_emulator.domain import job_logs

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    def call(ips_emulator, monkeypatch):
        monkeypatch.setattr(job_logs, "get_asset_job_logs", broken)
        with pytest.raises(zeep.exceptions.Fault) as caught:
            ips_emulator.client().service.getAssetJobLogs(
                companyHandle="c|6", assetHandle="a|732|1|535")
        assert caught.value.detail[0][0].text == "30000"

    def test_unexpected_server_error_fails_at_teardown(ips_emulator, monkeypatch):
        call(ips_emulator, monkeypatch)

    def test_expected_server_error_can_be_taken(ips_emulator, monkeypatch):
        call(ips_emulator, monkeypatch)
        messages = [record.getMessage() for record in ips_emulator.take_server_errors()]
        assert "simulated bug" in messages  # spyne's record, with the traceback
        assert ips_emulator.server_errors == []
"""


def test_clock_advance_fires_a_scheduled_job(pytester: pytest.Pytester) -> None:
    run_inner(pytester, SCHEDULE).assert_outcomes(passed=1)


def test_settings_override_in_conftest(pytester: pytest.Pytester) -> None:
    run_inner(pytester, SETTINGS, SETTINGS_CONFTEST).assert_outcomes(passed=1)


def test_server_errors_surface_in_the_test(pytester: pytest.Pytester) -> None:
    result = run_inner(pytester, SERVER_ERRORS)
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_unexpected_server_error_fails_at_teardown*",
            "*EmulatorServerError: the emulator logged 2 error(s):",
            "*spyne.application.server CRITICAL: simulated bug",
            "*RuntimeError: simulated bug",
            "*ips_emulator.protocol.endpoint ERROR: unexpected error in an operation:*",
        ]
    )


OWN_SERVER_CONFTEST = """
import pytest

from ips_emulator import Settings
from ips_emulator.testing import start_server

@pytest.fixture(scope="session")
def ips_server(tmp_path_factory):
    server = start_server(Settings(load_demo=False), tmp_path_factory.mktemp("empty"))
    yield server
    server.stop()
"""

NO_DEMO_DATA = """
import pytest
import zeep

def test_no_demo_data(ips_emulator):
    with pytest.raises(zeep.exceptions.Fault) as caught:
        ips_emulator.client().service.getUserInfo()
    assert caught.value.detail[0][0].text == "10001"  # the demo user does not exist here
"""

DEMO_DATA = """
def test_demo_data(ips_emulator):
    assert ips_emulator.client().service.getUserInfo().email == "demo@ips-emulator.test"
"""


def test_a_directory_can_have_its_own_server(pytester: pytest.Pytester) -> None:
    empty = pytester.mkpydir("empty")
    (empty / "conftest.py").write_text(OWN_SERVER_CONFTEST, encoding="utf-8")
    (empty / "test_empty.py").write_text(NO_DEMO_DATA, encoding="utf-8")
    pytester.makepyfile(test_root=DEMO_DATA)
    pytester.runpytest(*INNER_OPTIONS).assert_outcomes(passed=2)


OFFSET = """
from datetime import timedelta

def test_offset(ips_emulator, ips_server):
    client = ips_emulator.client()
    first, _ = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
    assert first.logDate.utcoffset() == timedelta(hours={hours})
    assert ips_emulator.server.app.settings.timezone == {zone!r}
"""

PACIFIC_CONFTEST = """
import pytest
from ips_emulator import Settings

@pytest.fixture(scope="session")
def ips_emulator_settings():
    return Settings(timezone="America/Los_Angeles")
"""


def test_settings_overridden_in_a_subdirectory_get_their_own_server(
    pytester: pytest.Pytester,
) -> None:
    for name in ("a_pacific", "z_pacific"):  # before and after the root's test
        folder = pytester.mkpydir(name)
        (folder / "conftest.py").write_text(PACIFIC_CONFTEST, encoding="utf-8")
        test = OFFSET.format(hours=-7, zone="America/Los_Angeles")
        (folder / f"test_{name}.py").write_text(test, encoding="utf-8")
    pytester.makepyfile(test_root=OFFSET.format(hours=0, zone="UTC"))
    result = pytester.runpytest(*INNER_OPTIONS, "-v")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["*a_pacific*PASSED*", "*test_root.py*PASSED*", "*z_pacific*"])
