"""Hostile and malformed requests over HTTP: refused fast, nothing read, fetched or leaked.

Every XML attack is ``ipsApiFault`` 30003 with HTTP 500 (SECURITY.md). The timing
bound is deliberately generous (machines are noisy); the parser refuses these in
well under a millisecond.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from ips_emulator import EmulatorServer
from tests.helpers import NS_2008, NS_XSD, SOAP_ENV, Answer, asset_logs_param, auth_header, post
from tests.helpers import envelope as soap_envelope

PROLOG = '<?xml version="1.0" encoding="UTF-8"?>'
XI = "http://www.w3.org/2001/XInclude"


class Listener:
    """A TCP port on loopback that records every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.socket.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    spy = Listener()
    yield spy
    spy.close()


@pytest.fixture(scope="module")
def secret_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text("TOP-SECRET-FILE-CONTENTS\n")
    return path


def body_with(company: str = "c|6", extra: str = "") -> str:
    """A getAssetJobLogs request body whose companyHandle text is ``company``."""
    return (
        f'<getAssetJobLogsParam xmlns="{NS_2008}"><companyHandle>{company}</companyHandle>'
        f"<assetHandle>a|732|1|535</assetHandle>{extra}</getAssetJobLogsParam>"
    )


def with_doctype(doctype: str, company: str) -> bytes:
    rest = soap_envelope(body_with(company), auth_header()).split(b"?>", 1)[1]
    return f"{PROLOG}{doctype}".encode() + rest


def attacks(port: int, secret: Path) -> dict[str, bytes]:
    url = f"http://127.0.0.1:{port}"
    laughs = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    big = "x" * 100_000
    return {
        "external entity, file": with_doctype(
            '<!DOCTYPE Envelope [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;"
        ),
        "external entity, own file": with_doctype(
            f'<!DOCTYPE Envelope [<!ENTITY e SYSTEM "file://{secret}">]>', "&e;"
        ),
        "external entity, http": with_doctype(
            f'<!DOCTYPE Envelope [<!ENTITY e SYSTEM "{url}/entity">]>', "&e;"
        ),
        "external DTD": with_doctype(f'<!DOCTYPE Envelope SYSTEM "{url}/evil.dtd">', "c|6"),
        "public external DTD": with_doctype(
            f'<!DOCTYPE Envelope PUBLIC "-//EVIL//DTD" "{url}/public.dtd">', "c|6"
        ),
        "parameter entities": with_doctype(
            f'<!DOCTYPE Envelope [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;'
            f'<!ENTITY % f SYSTEM "file:///etc/passwd">]>',
            "c|6",
        ),
        "billion laughs": with_doctype(f"<!DOCTYPE Envelope [{laughs}]>", "&l9;"),
        "quadratic blowup": with_doctype(
            f'<!DOCTYPE Envelope [<!ENTITY a "{big}">]>', "&a;" * 20_000
        ),
        "bare DOCTYPE": with_doctype("<!DOCTYPE Envelope>", "c|6"),
        "DOCTYPE in UTF-16": (
            '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE Envelope [<!ENTITY e SYSTEM '
            '"file:///etc/passwd">]>'
            + soap_envelope(body_with("&e;"), auth_header()).decode().split("?>", 1)[1]
        ).encode("utf-16"),
        "XInclude in the operation": soap_envelope(
            body_with(
                extra=f'<xi:include xmlns:xi="{XI}" href="file:///etc/passwd" parse="text"/>'
            ),
            auth_header(),
        ),
        "XInclude in a value": soap_envelope(
            body_with(f'<xi:include xmlns:xi="{XI}" href="{url}/x" parse="text"/>'), auth_header()
        ),
        "XInclude in authHeader": soap_envelope(
            body_with(),
            f'<authHeader xmlns="{NS_XSD}"><user>demo@ips-emulator.test</user>'
            f'<password><xi:include xmlns:xi="{XI}" href="file://{secret}" parse="text"/>'
            "</password></authHeader>",
        ),
        "XInclude in the Header": soap_envelope(
            body_with(), auth_header() + f'<xi:include xmlns:xi="{XI}" href="file:///etc/passwd"/>'
        ),
        "processing instruction in the body": soap_envelope(
            body_with(extra='<?php system("cat /etc/passwd"); ?>'), auth_header()
        ),
        "processing instruction in a value": soap_envelope(body_with("c|6<?evil?>"), auth_header()),
        "stylesheet processing instruction": soap_envelope(body_with(), auth_header()).replace(
            b"?>", b'?><?xml-stylesheet type="text/xsl" href="file:///etc/passwd"?>', 1
        ),
    }


ATTACK_NAMES = list(attacks(0, Path("/x")))


def assert_clean(answer: Answer) -> None:
    """Nothing read from disk or the network, and no stack trace, in the answer."""
    for needle in (b"root:", b"TOP-SECRET", b"Traceback", b"lol" * 3, b"x" * 1000):
        assert needle not in answer.content, needle


@pytest.mark.parametrize("name", ATTACK_NAMES)
def test_xml_attack_is_30003_fast_and_leaks_nothing(
    server: EmulatorServer, listener: Listener, secret_file: Path, name: str
) -> None:
    data = attacks(listener.port, secret_file)[name]
    started = time.perf_counter()
    answer = post(server.service_url, data)
    elapsed = time.perf_counter() - started
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)
    assert_clean(answer)
    assert elapsed < 2.0, f"{name} took {elapsed:.3f} s"
    assert listener.connections == 0, "the server opened a connection"


def test_server_is_healthy_after_the_attacks(
    server: EmulatorServer, listener: Listener, secret_file: Path
) -> None:
    for data in attacks(listener.port, secret_file).values():
        post(server.service_url, data)
    answer = post(server.service_url, soap_envelope(asset_logs_param(), auth_header()))
    assert answer.status == 200
    assert answer.content.count(b"<items>") == 2
    assert listener.connections == 0


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("external entity, file", "DOCTYPE"),
        ("XInclude in the operation", "XInclude"),
        ("processing instruction in the body", "processing instructions"),
    ],
)
def test_attack_reasons_say_what_was_refused(
    server: EmulatorServer, listener: Listener, secret_file: Path, name: str, needle: str
) -> None:
    answer = post(server.service_url, attacks(listener.port, secret_file)[name])
    assert needle in answer.fault()[4]


def raw_envelope(body: str, namespace: str = SOAP_ENV) -> bytes:
    return (
        f'{PROLOG}<soapenv:Envelope xmlns:soapenv="{namespace}"><soapenv:Header>{auth_header()}'
        f"</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


MALFORMED = {
    "not XML": (b"this is not XML", "Invalid request XML"),
    "truncated": (soap_envelope(body_with(), auth_header())[:-30], "Invalid request XML"),
    "declares UTF-16, is UTF-8": (
        soap_envelope(body_with(), auth_header()).replace(b"UTF-8", b"UTF-16"),
        "Invalid request XML",
    ),
    "declares UTF-8, is Latin-1": (
        soap_envelope(body_with("c|6é"), auth_header()).decode().encode("latin-1"),
        "Invalid request XML",
    ),
    "raw control character": (soap_envelope(body_with("c|6\x01"), auth_header()), "Invalid"),
    "not an envelope": (f'<getAssetJobLogsParam xmlns="{NS_2008}"/>'.encode(), "not a SOAP"),
    "envelope without namespace": (b"<Envelope><Body/></Envelope>", "not a SOAP"),
    "envelope in an unknown namespace": (raw_envelope(body_with(), "urn:not-soap"), "not a SOAP"),
    "empty body": (b"", "empty"),
    "whitespace body": (b" \r\n\t ", "empty"),
    "empty SOAP Body": (raw_envelope(""), "exactly one operation element"),
    "text-only SOAP Body": (raw_envelope("hello"), "exactly one operation element"),
    "no SOAP Body": (
        f'<soapenv:Envelope xmlns:soapenv="{SOAP_ENV}"/>'.encode(),
        "exactly one operation element",
    ),
    "two operations": (raw_envelope(body_with() * 2), "exactly one operation element"),
    "unknown operation": (raw_envelope(f'<fooParam xmlns="{NS_2008}"/>'), "fooParam"),
    "operation in the wrong namespace": (
        raw_envelope(body_with().replace(NS_2008, NS_XSD)),
        "Unknown operation element 'getAssetJobLogsParam'",
    ),
    "operation in no namespace": (
        raw_envelope(body_with().replace(f' xmlns="{NS_2008}"', "")),
        "Unknown operation element 'getAssetJobLogsParam'",
    ),
    "JSON": (b'{"companyHandle": "c|6"}', "Invalid request XML"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_request_is_30003_without_a_stack_trace(
    server: EmulatorServer, name: str
) -> None:
    data, needle = MALFORMED[name]
    answer = post(server.service_url, data)
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)
    assert needle in answer.fault()[4]
    assert b"Traceback" not in answer.content


def test_json_content_type_is_not_special(server: EmulatorServer) -> None:
    """The service routes on the envelope: a valid one works whatever the Content-Type,
    and a JSON body is not XML (30003)."""
    json_type = {"Content-Type": "application/json"}
    valid = post(server.service_url, soap_envelope(asset_logs_param(), auth_header()), json_type)
    assert valid.status == 200
    assert b"<getAssetJobLogsReturn" in valid.content
    answer = post(server.service_url, b'{"getAssetJobLogs": {"companyHandle": "c|6"}}', json_type)
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_a_hint(server: EmulatorServer, method: str) -> None:
    response = requests.request(method, server.service_url, timeout=10)
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert "Traceback" not in response.text
    if method == "GET":
        assert "?wsdl" in response.text
