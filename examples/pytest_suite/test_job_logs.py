"""Tests of catalog_sync against the IPS emulator (run: pytest examples/pytest_suite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import zeep
from catalog_sync import asset_history, fault_code, submit_upload, upload_report

from ips_emulator import IpsEmulator

COMPANY = "c|6"  # ApiTestCo, in the demo data
ASSET = "a|732|1|535"  # ApiTestCo/blakexslttest.jpg, with two job-log entries


@pytest.mark.parametrize(
    ("locale", "processed"),
    [
        ("en-US", "ApiTestCo/blakexslttest.jpg was processed into IPS"),
        ("fr-FR", "ApiTestCo/blakexslttest.jpg a été traité dans IPS"),
    ],
)
def test_history_in_the_users_language(
    ips_emulator: IpsEmulator, locale: str, processed: str
) -> None:
    history = asset_history(ips_emulator.client(locale=locale), COMPANY, ASSET)
    assert [(line.kind, line.message) for line in history] == [
        ("UploadSuccess", processed),
        ("FileUpdated", processed + "."),
    ]
    first = history[0].date
    assert first == datetime(2007, 10, 24, 23, 12, 32, 297000, tzinfo=UTC)
    assert first.utcoffset() == timedelta(hours=-7)  # the server's zone, from conftest.py


def test_a_transient_fault_is_retried(ips_emulator: IpsEmulator) -> None:
    ips_emulator.inject_fault("getAssetJobLogs", code=30000, reason="Try again later")
    assert len(asset_history(ips_emulator.client(), COMPANY, ASSET)) == 2
    calls = ips_emulator.journal.assert_called("getAssetJobLogs", count=2, assetHandle=ASSET)
    assert [call.fault_code for call in calls] == [30000, None]


def test_a_lasting_fault_is_raised_after_one_retry(ips_emulator: IpsEmulator) -> None:
    ips_emulator.inject_fault("getAssetJobLogs", code=30000, times=None)
    with pytest.raises(zeep.exceptions.Fault) as caught:
        asset_history(ips_emulator.client(), COMPANY, ASSET)
    assert fault_code(caught.value) == 30000
    ips_emulator.journal.assert_called("getAssetJobLogs", count=2)


def test_an_unknown_asset_is_not_retried(ips_emulator: IpsEmulator) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        asset_history(ips_emulator.client(), COMPANY, "a|0|0|0")
    assert fault_code(caught.value) == 30001  # invalid parameter: retrying cannot help
    ips_emulator.journal.assert_called("getAssetJobLogs", count=1)


def test_upload_job_runs_and_reports(ips_emulator: IpsEmulator) -> None:
    client = ips_emulator.client()
    urls = {
        "https://cdn.example.com/spring/hat.jpg": "spring/hat.jpg",
        "https://cdn.example.com/spring/notes.unknown": "spring/notes.unknown",
    }
    submit_upload(client, COMPANY, "spring-catalog", urls)
    ips_emulator.journal.assert_called("submitJob", count=1, jobName="spring-catalog")
    # Jobs run on the emulator's clock (a file a second): move it instead of sleeping.
    ips_emulator.clock.advance(timedelta(seconds=10))
    report = upload_report(client, COMPANY, "spring-catalog")
    assert report is not None
    assert (report.uploaded, report.failed) == (1, 1)
    assert len(report.problems) == 1
    assert "notes.unknown" in report.problems[0]
    assert "not a supported file type" in report.problems[0]
