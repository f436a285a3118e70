"""The server as ``ips-emulator serve`` runs it by default: one thread, answering on
waitress's event-loop thread (``server/inline.py``), its answers sent whole in one go
when they fit (``connections._SEND_BYTES``). Big answers, pipelined requests, several
clients at once, and entries from several jobs about one asset."""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from lxml import etree

from ips_emulator import Settings, create_app
from ips_emulator.server.runner import EmulatorServer
from tests.conftest import ServerFactory
from tests.databases import Databases
from tests.helpers import NS_XSD, asset_logs_param, auth_header, envelope

SERVICE = "/scene7/services/IpsApiService"
START = datetime(2020, 1, 1, tzinfo=UTC)
NS = "http://www.scene7.com/IpsApi/xsd/2008-01-15"


def entries(asset: str, count: int, first: int = 0) -> list[dict[str, Any]]:
    return [
        {
            "template": "upload.success",
            "params": {"asset_path": f"Co/one-thread/file-{i:05d}.jpg"},
            "date": (START + timedelta(seconds=i)).isoformat(),
            "asset": asset,
        }
        for i in range(first, first + count)
    ]


def document() -> dict[str, Any]:
    """Asset a|big: 6,000 entries from one job (about 1.8 MB of answer, past waitress's
    1 MiB in memory); a|two: entries from two jobs of two users, interleaved in time."""
    asset = {"company": "c|6", "folder": "one-thread/", "type": "Image",
             "created": START.isoformat()}  # fmt: skip
    job = {"company": "c|6", "type": "UrlUpload", "created": START.isoformat()}
    return {
        "users": [{"email": "second@one-thread.test", "password": "pw", "role": "IpsUser",
                   "companies": ["c|6"]}],
        "assets": [{**asset, "handle": "a|big", "name": "big.jpg"},
                   {**asset, "handle": "a|two", "name": "two.jpg"}],
        "jobs": [
            {**job, "handle": "j|6||big|1", "name": "big", "submitUser": "demo@ips-emulator.test",
             "logs": entries("a|big", 6000)},
            {**job, "handle": "j|6||even|2", "name": "even",
             "submitUser": "demo@ips-emulator.test",
             "logs": [e for e in entries("a|two", 6) if int(e["date"][17:19]) % 2 == 0]},
            {**job, "handle": "j|6||odd|3", "name": "odd", "submitUser": "second@one-thread.test",
             "logs": [e for e in entries("a|two", 6) if int(e["date"][17:19]) % 2 == 1]},
        ],
    }  # fmt: skip


def served(make_test_server: ServerFactory) -> EmulatorServer:
    server = make_test_server(threads=1)
    server.app.seed(document())
    return server


def asset_logs(asset: str) -> bytes:
    return envelope(asset_logs_param(asset=asset), auth_header())


def items(answer: bytes) -> list[dict[str, str]]:
    root = etree.fromstring(answer)
    return [
        {etree.QName(field).localname: field.text or "" for field in item}
        for item in root.iter(f"{{{NS}}}items")
    ]


def test_a_big_answer_is_whole_and_in_order(make_test_server: ServerFactory) -> None:
    server = served(make_test_server)
    answer = requests.post(server.service_url, data=asset_logs("a|big"), timeout=60)
    assert answer.status_code == 200
    assert len(answer.content) > 1024 * 1024
    found = items(answer.content)
    assert len(found) == 6000
    assert found[0]["logMessage"] == "Co/one-thread/file-00000.jpg was processed into IPS"
    assert found[-1]["logMessage"] == "Co/one-thread/file-05999.jpg was processed into IPS"
    assert found[-1]["logDate"] == "2020-01-01T01:39:59.000Z"  # 5,999 s after the start
    assert {f["jobHandle"] for f in found} == {"j|6||big|1"}


def test_entries_of_several_jobs_name_their_own_job_and_submitter(
    make_test_server: ServerFactory,
) -> None:
    server = served(make_test_server)
    answer = requests.post(server.service_url, data=asset_logs("a|two"), timeout=60)
    found = [
        (f["jobName"], f["submitUserEmail"], f["logDate"][17:19]) for f in items(answer.content)
    ]
    assert found == [
        ("even", "demo@ips-emulator.test", "00"), ("odd", "second@one-thread.test", "01"),
        ("even", "demo@ips-emulator.test", "02"), ("odd", "second@one-thread.test", "03"),
        ("even", "demo@ips-emulator.test", "04"), ("odd", "second@one-thread.test", "05"),
    ]  # fmt: skip


def test_pipelined_requests_are_answered_in_order(make_test_server: ServerFactory) -> None:
    """Three requests sent in one go on one connection; the big one in the middle."""
    server = served(make_test_server)
    bodies = [asset_logs("a|two"), asset_logs("a|big"), asset_logs("a|no-such-asset")]
    wire = b"".join(
        b"POST " + SERVICE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        for body in bodies
    )
    answers: list[tuple[bytes, bytes]] = []
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=60) as connection,
        connection.makefile("rb") as reader,
    ):
        connection.sendall(wire)
        for _ in bodies:
            status = reader.readline()
            headers = {}
            while (line := reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            answers.append((status, reader.read(int(headers["content-length"]))))
    assert [status.split()[1] for status, _ in answers] == [b"200", b"200", b"500"]
    assert len(items(answers[0][1])) == 6
    assert len(items(answers[1][1])) == 6000
    fault = etree.fromstring(answers[2][1]).find(f".//{{{NS_XSD}}}ipsApiFault")
    assert fault is not None  # no such asset: the fault, after the big answer
    assert fault.findtext(f"{{{NS_XSD}}}code") == "30001"
    assert "a|no-such-asset" in (fault.findtext(f"{{{NS_XSD}}}reason") or "")


def test_clients_at_once_each_get_their_own_answer(make_test_server: ServerFactory) -> None:
    server = served(make_test_server)
    results: dict[int, list[int]] = {}

    def client(index: int) -> None:
        asset = "a|big" if index % 2 else "a|two"
        with requests.Session() as session:
            results[index] = [
                len(
                    items(
                        session.post(server.service_url, data=asset_logs(asset), timeout=60).content
                    )
                )
                for _ in range(3)
            ]

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert results == {0: [6, 6, 6], 1: [6000] * 3, 2: [6, 6, 6], 3: [6000] * 3}


def test_a_client_not_reading_its_big_answer_holds_nobody_else(
    make_test_server: ServerFactory,
) -> None:
    """Its answer, more than the sockets' buffers take, waits in the server's buffer (a
    file past 1 MiB), and so does the answer to the request it sent next: the thread
    that wrote them is the loop's, and must not wait for the client (waitress makes a
    task thread wait for the loop to send, past ``outbuf_high_watermark``)."""
    server = make_test_server(threads=1)
    server.app.seed(
        {"assets": [{"handle": "a|huge", "company": "c|6", "folder": "one-thread/",
                     "name": "huge.jpg", "type": "Image", "created": START.isoformat()}],
         "jobs": [{"company": "c|6", "type": "UrlUpload", "created": START.isoformat(),
                   "handle": "j|6||huge|1", "name": "huge",
                   "submitUser": "demo@ips-emulator.test", "logs": entries("a|huge", 25_000)}]}
    )  # fmt: skip
    body = asset_logs("a|huge")
    with socket.socket() as slow:
        slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window
        slow.connect(("127.0.0.1", int(server.port)))
        request = (
            b"POST " + SERVICE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        slow.sendall(request * 2)  # a second request behind it, on the same connection
        time.sleep(3)  # answered, and most of it unsent
        demo = envelope(asset_logs_param(), auth_header())  # the demo asset
        other = requests.post(server.service_url, data=demo, timeout=20)
        assert other.status_code == 200  # served meanwhile
        assert "Add_2007-10-24-16:11:07" in [i["jobName"] for i in items(other.content)]
        received = bytearray()
        slow.settimeout(60)
        while bytes(received).count(b"</soapenv:Envelope>") < 2:
            chunk = slow.recv(1 << 20)
            assert chunk, "the connection closed before both answers"
            received += chunk
    answers = bytes(received).split(b"HTTP/1.1 200 OK\r\n")[1:]
    assert len(answers) == 2
    for answer in answers:
        body_only = answer.partition(b"\r\n\r\n")[2]
        assert len(body_only) > 7_000_000
        assert len(items(body_only)) == 25_000


@pytest.mark.parametrize("threads", [1, 8])
@pytest.mark.parametrize("started", [True, False])
def test_a_server_stops_once_however_often_told(
    databases: Databases, threads: int, started: bool
) -> None:
    """Its port is closed after the first stop, a second does nothing (and never writes
    to the wake-up pipe the loop closed), and it leaves no thread behind."""
    before = threading.active_count()
    app = create_app(Settings(database_url=databases.new_url()))
    server = EmulatorServer(app, threads=threads)
    if started:
        server.start()
        assert requests.get(f"{server.url}/healthz", timeout=10).status_code == 200
    server.stop()
    server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", int(server.port)), timeout=2).close()
    assert threading.active_count() == before
