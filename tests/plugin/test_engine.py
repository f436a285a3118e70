"""ips_emulator.testing used directly, and through this suite's own plugin fixtures."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from ips_emulator.domain.clock import SystemClock
from ips_emulator.testing import (
    ClockControl,
    EmulatorServerError,
    IpsEmulator,
    emulate,
    read_seed,
    start_server,
)


def test_a_server_started_without_a_directory_removes_its_own_on_stop() -> None:
    server = start_server()
    try:
        scratch = server.scratch
        assert scratch is not None
        assert (scratch / "ips-emulator.db").is_file()
        assert requests.get(server.wsdl_url, timeout=10).status_code == 200
    finally:
        server.stop()
    assert not scratch.exists()


def test_emulate_without_pytest_fixtures() -> None:
    with emulate() as emulator:
        client = emulator.client(locale="fr-FR")
        entries = client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
        assert entries[0].logMessage == "ApiTestCo/blakexslttest.jpg a été traité dans IPS"
        url = emulator.wsdl_url
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=5)  # stopped on exit


def test_emulate_raises_logged_server_errors() -> None:
    expected = pytest.raises(EmulatorServerError, match=r"logged 1 error\(s\):\n.*ERROR: boom")
    with expected, emulate():
        logging.getLogger("ips_emulator.server.app").error("boom")


def test_clients_share_one_parsed_wsdl(ips_emulator: IpsEmulator) -> None:
    first, second = ips_emulator.client(locale="de-DE"), ips_emulator.client(user="x@y.io")
    assert first.wsdl is second.wsdl
    assert first.transport is not second.transport
    first.service.getUserInfo()
    header = {"authHeader": {"user": "demo@ips-emulator.test", "password": "demo", "locale": "ja"}}
    first.service.getUserInfo(_soapheaders=header)  # replaces the default header
    assert [(e.user, e.locale) for e in ips_emulator.journal] == [
        ("demo@ips-emulator.test", "de_DE"),
        ("demo@ips-emulator.test", "ja_JP"),
    ]


def test_clock_control_moves_and_refuses_fixed_clocks(ips_emulator: IpsEmulator) -> None:
    target = datetime(2030, 6, 1, 8, 0, tzinfo=UTC)
    ips_emulator.clock.set(target)
    moved = ips_emulator.clock.advance(90)
    assert target + timedelta(seconds=90) <= moved < target + timedelta(seconds=100)
    assert ips_emulator.app.clock.now() >= moved
    with pytest.raises(TypeError, match="SystemClock cannot be moved"):
        ClockControl(SystemClock()).advance(1)


def test_journal_is_a_live_sequence(ips_emulator: IpsEmulator) -> None:
    assert list(ips_emulator.journal) == []
    client = ips_emulator.client()
    client.service.getCompanyMembership(userHandle=None)
    assert len(ips_emulator.journal) == 1
    assert ips_emulator.journal[0].operation == "getCompanyMembership"
    assert ips_emulator.journal[:5] == [ips_emulator.journal[0]]
    with pytest.raises(ValueError, match="unknown IPS operation 'getCompany'"):
        ips_emulator.journal.calls("getCompany")
    ips_emulator.journal.clear()
    assert not ips_emulator.journal


def test_read_seed_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"companies": []}), encoding="utf-8")
    assert read_seed(tmp_path / "a.json") == {"companies": []}
    (tmp_path / "list.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(ValueError, match="must be an object"):
        read_seed(tmp_path / "list.json")
    with pytest.raises(ValueError, match=r"\.json, \.yaml or \.yml"):
        read_seed(tmp_path / "seed.txt")


def test_yaml_seed_without_pyyaml_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.yaml").write_text("companies: []\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # what an absent PyYAML looks like
    with pytest.raises(ImportError, match="YAML seed files need PyYAML"):
        read_seed(tmp_path / "a.yaml")


def test_yaml_timestamps_become_iso_strings(tmp_path: Path) -> None:
    pytest.importorskip("yaml", reason="PyYAML is optional")
    (tmp_path / "a.yml").write_text("at: 2024-05-01T10:00:00+02:00\nn: [1]\n", encoding="utf-8")
    assert read_seed(tmp_path / "a.yml") == {"at": "2024-05-01T10:00:00+02:00", "n": [1]}
