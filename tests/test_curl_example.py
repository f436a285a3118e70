"""examples/curl_example.sh against the console script, as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import BIN, ROOT, free_port, running, wait_for

SCRIPT = ROOT / "examples" / "curl_example.sh"


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_curl_example_seeds_faults_and_reads_the_journal(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(BIN / "ips-emulator"), "serve", "--port", str(port)]
    env = {"IPS_EMULATOR_DATABASE_URL": f"sqlite:///{tmp_path / 'curl.db'}"}
    with running([*command, "--admin-token", "demo-token"], env):
        wait_for(f"{url}/scene7/webservice/IpsApi-2008-01-15.wsdl")
        result = subprocess.run(
            ["bash", str(SCRIPT), url], capture_output=True, text=True, timeout=60, check=False
        )
    assert result.returncode == 0, result.stderr
    sections = result.stdout.split("\n== ")
    assert len(sections) == 5
    soap, seed, fault, journal, page = sections
    assert "ApiTestCo/blakexslttest.jpg was processed into IPS" in soap
    assert soap.rstrip().endswith("HTTP 200")
    assert '"companies": ["c|100"]' in seed
    assert "HTTP 201" in seed
    assert "CurlCo/shoe.jpg was processed into IPS" in seed  # SOAP sees the seeded data
    assert "<tns:code>30000</tns:code>" in fault
    assert "Injected: database down" in fault
    assert "ipsApiFault" in fault
    assert fault.rstrip().endswith("HTTP 500")
    entries = json.loads(journal.split("\n", 1)[1].rsplit("\nHTTP", 1)[0])
    assert [e["fault_code"] for e in entries] == [None, None, 30000]
    assert [e["user"] for e in entries][-1] == "qa@curlco.test"
    logs = json.loads(page.split("\n", 1)[1].rsplit("\nHTTP", 1)[0])
    assert logs["total"] == 2
    assert logs["data"][0]["logType"] == "BeginUpload"
    assert logs["next_page"]
