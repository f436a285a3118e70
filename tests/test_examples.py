"""The examples run against a real server and print what the README says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ServerFactory

ROOT = Path(__file__).resolve().parents[1]


def test_submit_and_follow_job(make_test_server: ServerFactory) -> None:
    server = make_test_server(job_speed=10.0)
    result = subprocess.run(
        [sys.executable, "examples/submit_and_follow_job.py", "--url", server.url,
         "--locale", "fr-FR", "--timeout", "30"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    out = result.stdout
    assert "submitted example-" in out
    assert "Running" in out or "Done     100%" in out
    assert ": 2 uploaded, 1 failed, 9 entries" in out
    assert "page 3:\n  EndUpload        Le chargement est terminé." in out
    assert "UploadError      ApiTestCo/examples/readme.unknown n'est pas un type" in out
    assert out.count("getAssetJobLogs a|") == 2


def test_manage_folders(make_test_server: ServerFactory) -> None:
    server = make_test_server(job_speed=10.0)
    result = subprocess.run(
        [sys.executable, "examples/manage_folders.py", "--url", server.url, "--timeout", "30"],
        cwd=ROOT, capture_output=True, text=True, timeout=90, check=True,
    )  # fmt: skip
    out = result.stdout
    assert out.count("createFolder examples-") == 3
    assert "uploaded 2 files into examples-" in out
    assert "getFolders: 4 folders" in out
    assert "/spring/: 2 assets ['hat', 'scarf']" in out
    assert "/spring-2027/" in out
    assert "/archive/summer/" in out
    assert "getAssetJobLogs hat: UploadSuccess " in out
    assert "moveAsset + renameAsset hat: ApiTestCo/examples-" in out
    assert "/archive/hat-2027" in out
    assert "deleteAsset: in the trash ['hat-2027']" in out
    assert "restoreAssetsFromTrash: 1 restored" in out
    logs = [line.split()[2] for line in out.splitlines() if line.startswith("getAssetJobLogs hat")]
    assert logs == ["UploadSuccess", "TrashSuccess", "RestoreTrashSuccess"]
    assert "/archive/hat-2027 was moved to the trash." in out
