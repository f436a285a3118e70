"""Benchmark data and servers (each server in its own process, like a real deployment)."""

from __future__ import annotations

import multiprocessing
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import requests

NS = "http://www.scene7.com/IpsApi/xsd/2008-01-15"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
HEADER = (
    '<authHeader xmlns="http://www.scene7.com/IpsApi/xsd">'
    "<user>demo@ips-emulator.test</user><password>demo</password></authHeader>"
)
START = datetime(2020, 1, 1, tzinfo=UTC)


def envelope(body: str) -> bytes:
    return (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header>{HEADER}</soapenv:Header>'
        f"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


def asset_logs_request(asset_handle: str) -> bytes:
    return envelope(
        f'<getAssetJobLogsParam xmlns="{NS}"><companyHandle>c|6</companyHandle>'
        f"<assetHandle>{asset_handle}</assetHandle></getAssetJobLogsParam>"
    )


ASSET_LOGS = asset_logs_request("a|bench")
DETAILS = envelope(
    f'<getJobLogDetailsParam xmlns="{NS}"><companyHandle>c|6</companyHandle>'
    "<originalName>bench-details</originalName><recordsPerPage>1000</recordsPerPage>"
    "</getJobLogDetailsParam>"
)


def _entry(i: int, asset: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "template": "upload.success",
        "params": {"asset_path": f"ApiTestCo/bench/file-{i:04d}.jpg"},
        "date": (START + timedelta(seconds=i)).isoformat(),
    }
    if asset:
        entry["asset"] = asset
    return entry


def bench_document(asset_entries: int = 20, detail_entries: int = 1000) -> dict[str, Any]:
    """20 entries about one asset, and a job with 1,000 entries."""
    job = {"company": "c|6", "type": "UrlUpload", "submitUser": "demo@ips-emulator.test",
           "created": START.isoformat()}  # fmt: skip
    return {
        "assets": [{"handle": "a|bench", "company": "c|6", "folder": "bench/",
                    "name": "asset.jpg", "type": "Image", "created": START.isoformat()}],
        "jobs": [
            {**job, "handle": "j|6||bench-asset|1", "name": "bench-asset",
             "logs": [_entry(i, "a|bench") for i in range(asset_entries)]},
            {**job, "handle": "j|6||bench-details|2", "name": "bench-details",
             "logs": [_entry(i, None) for i in range(detail_entries)]},
        ],
    }  # fmt: skip


def with_asset(document: dict[str, Any], handle: str, entries: int) -> dict[str, Any]:
    """``document`` plus an asset ``handle`` that a job of its own wrote ``entries`` about."""
    name = handle.replace("|", "-")
    return {
        **document,
        "assets": [*document["assets"], {**document["assets"][0], "handle": handle,
                                         "name": f"{name}.jpg"}],
        "jobs": [*document["jobs"], {**document["jobs"][0], "handle": f"j|6||{name}|9",
                                     "name": name,
                                     "logs": [_entry(i, handle) for i in range(entries)]}],
    }  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, body: bytes, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.post(url, data=body, timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def start(target: Any, *args: Any) -> multiprocessing.Process:
    process = multiprocessing.get_context("spawn").Process(target=target, args=args, daemon=True)
    process.start()
    return process
