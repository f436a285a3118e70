"""A client written the way simple scripts talk to the real service (issue 16 point 8):
SOAP 1.1 envelopes written by hand with a ``soapenv`` prefix and a bare ``SOAPAction``,
answers read by cutting the text between ``<soapenv:Body>`` and ``</soapenv:Body>`` and
searching it with regular expressions, no XML parser and no WSDL
(the real service's client notes: "Several real clients cut the text between
`<soapenv:Body>` and `</soapenv:Body>` with a string search"; another prefix breaks them).

It runs the flow integrations run: a folder tree, an upload into it, the tree listed,
a search, an asset renamed, moved, deleted and restored, and the job logs it leaves.
"""

from __future__ import annotations

import re
import time
import uuid

import pytest
import requests

from ips_emulator.server.runner import EmulatorServer
from tests.conftest import ServerFactory

NS = "http://www.scene7.com/IpsApi/xsd/2014-04-03"
COMPANY = "c|6"  # the demo company, ApiTestCo
ROOT = "ApiTestCo/"


class Script:
    """What such a script's few helper functions do."""

    def __init__(self, server: EmulatorServer) -> None:
        self.url = server.service_url

    def search(self, folder: str, subfolders: bool) -> str:
        """searchAssets in the script's company, by folder."""
        return self.call(
            "searchAssets",
            f"<ns:companyHandle>{COMPANY}</ns:companyHandle><ns:folder>{folder}</ns:folder>"
            f"<ns:includeSubfolders>{str(subfolders).lower()}</ns:includeSubfolders>",
        )

    def call(self, operation: str, params: str, fault: bool = False) -> str:
        envelope = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
            f'xmlns:ns="{NS}">\n'
            "<soapenv:Header><ns:authHeader><ns:user>demo@ips-emulator.test</ns:user>"
            "<ns:password>demo</ns:password><ns:appName>script</ns:appName>"
            "<ns:appVersion>1.0</ns:appVersion></ns:authHeader></soapenv:Header>\n"
            f"<soapenv:Body><ns:{operation}Param>{params}</ns:{operation}Param>"
            "</soapenv:Body>\n</soapenv:Envelope>"
        )
        answer = requests.post(
            self.url,
            data=envelope.encode(),
            headers={"Content-Type": "text/xml", "SOAPAction": operation},
            timeout=30,
        )
        text = answer.text
        body = text.split("<soapenv:Body>")[1].split("</soapenv:Body>")[0]
        assert (answer.status_code == 500) is fault, body
        assert body.startswith("<soapenv:Fault>" if fault else f'<{operation}Return xmlns="{NS}"')
        return body


def values(body: str, element: str) -> list[str]:
    return re.findall(f"<{element}>([^<]*)</{element}>", body)


@pytest.fixture
def script(make_test_server: ServerFactory) -> Script:
    return Script(make_test_server(job_speed=1000.0))


def test_the_folder_and_asset_flow_through_text_slicing(script: Script) -> None:
    base = f"script-{uuid.uuid4().hex[:8]}/"
    company = f"<ns:companyHandle>{COMPANY}</ns:companyHandle>"
    for folder in (base, f"{base}in/", f"{base}out/"):
        body = script.call("createFolder", f"{company}<ns:folderPath>{folder}</ns:folderPath>")
        assert values(body, "folderHandle") == [f"f|{ROOT}{folder}"]

    job = f"{base[:-1]}-upload"
    script.call(
        "submitJob",
        f"{company}<ns:jobName>{job}</ns:jobName><ns:uploadUrlsJob><ns:urlArray><ns:items>"
        f"<ns:sourceUrl>https://example.com/hat.jpg</ns:sourceUrl>"
        f"<ns:destPath>{base}in/hat.jpg</ns:destPath></ns:items></ns:urlArray>"
        "<ns:overwrite>true</ns:overwrite><ns:readyForPublish>true</ns:readyForPublish>"
        "<ns:createMask>false</ns:createMask><ns:emailSetting>None</ns:emailSetting>"
        "</ns:uploadUrlsJob>",
    )
    deadline = time.monotonic() + 60
    while job in script.call("getActiveJobs", f"{company}<ns:originalName>{job}</ns:originalName>"):
        assert time.monotonic() < deadline, "the upload did not finish"
        time.sleep(0.2)

    tree = script.call(
        "getFolderTree", f"{company}<ns:folderPath>{base}</ns:folderPath><ns:depth>-1</ns:depth>"
    )
    assert values(tree, "path") == [f"{ROOT}{base}", f"{ROOT}{base}in/", f"{ROOT}{base}out/"]

    found = script.search(f"{ROOT}{base}in/", False)
    assert values(found, "totalRows") == ["1"]
    assert values(found, "name") == ["hat"]
    [asset] = values(found, "assetHandle")
    handle = f"{company}<ns:assetHandle>{asset}</ns:assetHandle>"

    rename = "<ns:newName>cap</ns:newName><ns:validateName>false</ns:validateName>"
    body = script.call("renameAsset", handle + rename)
    assert body == f'<renameAssetReturn xmlns="{NS}"/>'
    destination = f"<ns:folderHandle>f|{ROOT}{base}out/</ns:folderHandle>"
    body = script.call("moveAsset", handle + destination)
    assert body == f'<moveAssetReturn xmlns="{NS}"/>'
    moved = script.search(f"{ROOT}{base}out/", False)
    assert values(moved, "name") == ["cap"]
    assert values(moved, "folder") == [f"{ROOT}{base}out/"]

    body = script.call("deleteAsset", handle)
    assert body == f'<deleteAssetReturn xmlns="{NS}"/>'
    gone = script.search(f"{ROOT}{base}", True)
    assert values(gone, "totalRows") == ["0"]

    # The asset's history survives its rename, move and delete.
    logs = script.call("getAssetJobLogs", handle)
    upload, trash = values(logs, "jobName")
    assert upload.startswith(f"{job}_")  # a run's name: the job's, then when it ran
    assert trash.startswith("Trash_")
    assert values(logs, "logType")[-1] == "TrashSuccess"

    body = script.call(
        "restoreAssetsFromTrash",
        f"{company}<ns:assetHandleArray><ns:items>{asset}</ns:items></ns:assetHandleArray>",
    )
    assert values(body, "successCount") == ["1"]
    assert values(body, "errorCount") == ["0"]
    back = script.search(f"{ROOT}{base}out/", False)
    assert values(back, "name") == ["cap"]
    logs = script.call("getAssetJobLogs", handle)
    assert values(logs, "logType")[-1] == "RestoreTrashSuccess"

    # A made-up handle: a fault, still sliceable.
    fault = script.call(
        "deleteAsset", f"{company}<ns:assetHandle>a|no-such-asset</ns:assetHandle>", fault=True
    )
    assert "<faultcode>" in fault
    assert "assetHandle" in fault
