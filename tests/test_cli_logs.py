"""Logs an operator can use, from the console script: one access line per SOAP call
(never a password), --log-level, and --log-format json for every line, --workers too."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.helpers import NS_2008, asset_logs_param, auth_header, envelope
from tests.test_cli_shutdown import SERVICE, exits_cleanly, serving

SECRET = "Sekr3t-Pa55word"
CHECK_LOGIN = (
    f'<checkLoginParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
    f"<email>demo@ips-emulator.test</email><password>{SECRET}</password></checkLoginParam>"
)


def calls_then_logs(tmp_path: Path, *args: str) -> str:
    """Standard error of a server that answered getAssetJobLogs, a checkLogin with a
    wrong password, and a call with a wrong authHeader password, then stopped."""
    # A home of its own: gunicorn would create its control socket under it.
    env = {"HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    with serving(tmp_path, *args, **env) as (process, port):
        url = f"http://127.0.0.1:{port}{SERVICE}"
        headers = {"Content-Type": "text/xml; charset=UTF-8"}
        bodies = [
            envelope(asset_logs_param(), auth_header()),
            envelope(CHECK_LOGIN, auth_header()),
            envelope(asset_logs_param(), auth_header(password=SECRET)),
        ]
        statuses = [requests.post(url, data=b, headers=headers, timeout=30).status_code
                    for b in bodies]  # fmt: skip
        assert statuses == [200, 200, 500]
        # No gunicorn control socket (gunicornc): one path per user, which a second
        # server would take over; it is removed on exit, so look while serving.
        assert not list(tmp_path.glob("**/gunicorn.ctl"))
        process.send_signal(signal.SIGTERM)
        return exits_cleanly(process, within=15)


def json_lines(stderr: str) -> list[dict[str, Any]]:
    """Every line of ``stderr`` as JSON (a line that is not JSON fails the test)."""
    return [json.loads(line) for line in stderr.splitlines() if line.strip()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_json_logs_one_object_a_line_with_an_access_line_per_call(
    tmp_path: Path, workers: str
) -> None:
    stderr = calls_then_logs(tmp_path, "--log-format", "json", "--workers", workers)
    assert SECRET not in stderr
    records = json_lines(stderr)
    assert all({"time", "level", "logger", "message"} <= record.keys() for record in records)
    calls = [r for r in records if r["logger"] == "ips_emulator.access"]
    assert [(c["operation"], c["status"], c["fault_code"]) for c in calls] == [
        ("getAssetJobLogs", 200, None),
        ("checkLogin", 200, None),
        ("getAssetJobLogs", 500, 10001),  # the wrong authHeader password
    ]
    first = calls[0]
    assert (first["version"], first["user"], first["company"]) == (
        "2008-01-15", "demo@ips-emulator.test", "c|6")  # fmt: skip
    assert 0 < first["duration_ms"] < 10_000
    assert first["message"].startswith("getAssetJobLogs 2008-01-15 user=demo@ips-emulator.test")
    if workers == "2":  # gunicorn's own lines go through the same formatter
        assert any(r["logger"] == "gunicorn.error" for r in records)


def test_text_access_line(tmp_path: Path) -> None:
    stderr = calls_then_logs(tmp_path)
    assert SECRET not in stderr
    lines = [line for line in stderr.splitlines() if " ips_emulator.access " in line]
    assert len(lines) == 3
    assert re.search(
        r" INFO ips_emulator\.access getAssetJobLogs 2008-01-15 user=demo@ips-emulator\.test "
        r"company=c\|6 fault=- status=200 \d+\.\dms$",
        lines[0],
    ), lines[0]
    assert (
        "checkLogin 2008-01-15 user=demo@ips-emulator.test company=c|6 fault=- status=200"
        in (lines[1])
    )
    assert " fault=10001 status=500 " in lines[2]


def test_log_level_warning_drops_access_lines(tmp_path: Path) -> None:
    stderr = calls_then_logs(tmp_path, "--log-level", "warning")
    assert "ips_emulator.access" not in stderr
    assert " INFO " not in stderr
