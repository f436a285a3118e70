"""Each test gets a fresh emulator: data, journal, faults and clock are reset."""

from __future__ import annotations

import json

import pytest

from tests.plugin.support import DEMO_ENTRIES, run_inner

RESET = """
    from datetime import UTC, datetime, timedelta

    import pytest
    import zeep

    def company(client, name):
        return client.service.getCompanyInfo(companyName=name)

    def test_a_changes_everything(ips_emulator):
        ips_emulator.seed({"companies": [{"handle": "c|99", "name": "OtherCo"}]})
        client = ips_emulator.client()
        assert company(client, "OtherCo").companyHandle == "c|99"
        ips_emulator.inject_fault(code=30000, times=None)
        ips_emulator.clock.advance(timedelta(days=30))
        assert len(ips_emulator.journal) == 1

    def test_b_starts_fresh(ips_emulator):
        assert len(ips_emulator.journal) == 0
        assert ips_emulator.app.faults.rules() == []
        assert abs(ips_emulator.clock.now() - datetime.now(UTC)) < timedelta(minutes=1)
        client = ips_emulator.client()
        with pytest.raises(zeep.exceptions.Fault) as caught:
            company(client, "OtherCo")
        assert caught.value.detail[0][0].text == "20000"  # the seeded company is gone
        assert company(client, "ApiTestCo").companyHandle == "c|6"  # no fault: rule gone
"""

JOB_LOGS = f"""
    from datetime import UTC, datetime

    import pytest

    EXPECTED = {DEMO_ENTRIES!r}

    @pytest.mark.parametrize("locale", sorted(EXPECTED))
    def test_documented_entries(ips_emulator, locale):
        client = ips_emulator.client(locale=locale)
        entries = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
        assert [(e.logType, e.logMessage) for e in entries] == EXPECTED[locale]
        assert entries[0].logDate == datetime(2007, 10, 24, 23, 12, 32, 297000, tzinfo=UTC)
        assert entries[1].jobName == "submitServerUploadJob40_2008-06-11-11:38"
        (call,) = ips_emulator.journal.calls("getAssetJobLogs")
        assert call.locale == locale.replace("-", "_")
"""

SEED = """
    import json
    from pathlib import Path

    USER = {"email": "qa@example.com", "password": "Qa-secret-1", "role": "IpsAdmin"}

    def can_log_in(ips_emulator, email, password):
        client = ips_emulator.client()  # the demo user asks about another one
        return client.service.checkLogin(email=email, password=password) == "ValidLogin"

    def test_seed_dict(ips_emulator):
        assert not can_log_in(ips_emulator, "qa@example.com", "Qa-secret-1")
        ips_emulator.seed({"users": [USER]})
        assert can_log_in(ips_emulator, "qa@example.com", "Qa-secret-1")

    def test_seed_json_file(ips_emulator, tmp_path):
        path = tmp_path / "users.json"
        path.write_text(json.dumps({"users": [USER]}), encoding="utf-8")
        ips_emulator.seed(str(path))
        assert can_log_in(ips_emulator, "qa@example.com", "Qa-secret-1")
        (tmp_path / "more.json").write_text(json.dumps({"users": [dict(USER, email="b@x.io")]}))
        ips_emulator.seed(tmp_path / "more.json")
        assert can_log_in(ips_emulator, "b@x.io", "Qa-secret-1")
"""

YAML_SEED = """
    from datetime import UTC, datetime

    DOC = '''
    companies:
      - {handle: "c|70", name: YamlCo}
    assets:
      - {handle: "a|70|1|1", company: "c|70", folder: "", name: hat.jpg, type: Image,
         created: 2024-05-01T10:00:00.250+02:00}
    jobs:
      - handle: "j|70||yaml-job"
        company: "c|70"
        name: yaml-job
        originalName: yaml-job
        type: UrlUpload
        submitUser: demo@ips-emulator.test
        created: 2024-05-01T10:00:00+02:00
        logs:
          - {template: upload.success, params: {asset_path: YamlCo/hat.jpg},
             asset: "a|70|1|1", date: 2024-05-01T10:00:01.500+02:00}
    '''

    def test_seed_yaml_file(ips_emulator, tmp_path):
        (tmp_path / "seed.yaml").write_text(DOC, encoding="utf-8")
        ips_emulator.seed(tmp_path / "seed.yaml")
        client = ips_emulator.client()
        (entry,) = client.service.getAssetJobLogs(companyHandle="c|70", assetHandle="a|70|1|1")
        assert entry.logMessage == "YamlCo/hat.jpg was processed into IPS"
        assert entry.logDate == datetime(2024, 5, 1, 8, 0, 1, 500000, tzinfo=UTC)
"""

FAULTS = """
    import pytest
    import zeep

    def asset_logs(client):
        return client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")

    def test_next_call_faults_then_the_one_after_succeeds(ips_emulator):
        client = ips_emulator.client()
        rule = ips_emulator.inject_fault("getAssetJobLogs", code=30001, reason="Try later")
        assert (rule.operation, rule.times) == ("getAssetJobLogs", 1)
        with pytest.raises(zeep.exceptions.Fault) as caught:
            asset_logs(client)
        detail = caught.value.detail[0]
        assert (caught.value.message, detail[0].text, detail[1].text) == (
            "ipsApiFault", "30001", "Try later")
        assert len(asset_logs(client)) == 2
        assert [e.fault_code for e in ips_emulator.journal] == [30001, None]

    def test_fault_matches_operation_and_user_only(ips_emulator):
        ips_emulator.inject_fault("getUserInfo", code=20003, user="demo@ips-emulator.test")
        client = ips_emulator.client()
        assert len(asset_logs(client)) == 2  # another operation: untouched
        with pytest.raises(zeep.exceptions.Fault) as caught:
            client.service.getUserInfo()
        assert caught.value.message == "AuthorizationException"
        assert client.service.getUserInfo().email == "demo@ips-emulator.test"

    def test_misspelt_operation_is_refused(ips_emulator):
        with pytest.raises(ValueError, match="unknown IPS operation 'getAssetJobLog'"):
            ips_emulator.inject_fault("getAssetJobLog")
"""

JOURNAL = """
    import pytest

    def test_journal_records_operation_and_params(ips_emulator):
        client = ips_emulator.client(locale="de-DE")
        client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
        client.service.getCompanyInfo(companyName="ApiTestCo")
        assert ips_emulator.journal.operations() == ["getAssetJobLogs", "getCompanyInfo"]
        (call,) = ips_emulator.journal.assert_called(
            "getAssetJobLogs", count=1, companyHandle="c|6", assetHandle="a|732|1|535")
        assert (call.user, call.locale, call.http_status) == (
            "demo@ips-emulator.test", "de_DE", 200)
        assert ips_emulator.journal[-1].params == {"companyName": "ApiTestCo"}
        assert "password" not in repr(list(ips_emulator.journal))
        with pytest.raises(AssertionError, match=r"(?s)matched 0 .*getCompanyInfo\\(companyName="):
            ips_emulator.journal.assert_called("getAssetJobLogs", assetHandle="a|0")
        with pytest.raises(AssertionError, match="to be called 2 time"):
            ips_emulator.journal.assert_called("getAssetJobLogs", count=2)
        ips_emulator.journal.assert_called("getUserInfo", count=0)
"""


def test_reset_isolates_tests(pytester: pytest.Pytester) -> None:
    run_inner(pytester, RESET).assert_outcomes(passed=2)


def test_client_gets_documented_entries_in_english_and_french(pytester: pytest.Pytester) -> None:
    result = run_inner(pytester, JOB_LOGS, None, "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*[[]en-US[]] PASSED*", "*[[]fr-FR[]] PASSED*"])


def test_seed_dict_and_json_file(pytester: pytest.Pytester) -> None:
    run_inner(pytester, SEED).assert_outcomes(passed=2)


def test_seed_yaml_file(pytester: pytest.Pytester) -> None:
    pytest.importorskip("yaml", reason="YAML seeds need PyYAML, which is optional")
    run_inner(pytester, YAML_SEED).assert_outcomes(passed=1)


def test_injected_fault_hits_the_next_call_only(pytester: pytest.Pytester) -> None:
    run_inner(pytester, FAULTS).assert_outcomes(passed=3)


def test_journal_records_operation_and_params(pytester: pytest.Pytester) -> None:
    run_inner(pytester, JOURNAL).assert_outcomes(passed=1)


def test_seed_fixture_is_loaded_for_every_test(pytester: pytest.Pytester) -> None:
    seed = {"users": [{"email": "base@example.com", "password": "Base-pw-1", "role": "IpsUser"}]}
    (pytester.path / "base.json").write_text(json.dumps(seed), encoding="utf-8")
    conftest = """
        import pathlib
        import pytest

        @pytest.fixture(scope="session")
        def ips_emulator_seed():
            return [pathlib.Path(__file__).parent / "base.json"]
    """
    tests = """
        def login(ips_emulator):
            client = ips_emulator.client("base@example.com", "Base-pw-1")
            return client.service.checkLogin(email="base@example.com", password="Base-pw-1")

        def test_one(ips_emulator):
            assert login(ips_emulator) == "ValidLogin"
            ips_emulator.reset()
            assert login(ips_emulator) == "ValidLogin"

        def test_two(ips_emulator):
            assert login(ips_emulator) == "ValidLogin"
    """
    run_inner(pytester, tests, conftest).assert_outcomes(passed=2)
