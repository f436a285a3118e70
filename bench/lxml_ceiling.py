"""The practical ceiling for Python here: a minimal lxml SOAP responder.

It parses the request, checks the credentials and builds the same bytes the
emulator sends, with lxml, from rows held in memory: no framework, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from bench._fixtures import NS, SOAP

XSD = "http://www.scene7.com/IpsApi/xsd"
USERS = {"demo@ips-emulator.test": "demo"}
Rows = list[dict[str, str]]


def q(name: str) -> str:
    return f"{{{NS}}}{name}"


DECLARATION = b"<?xml version='1.0' encoding='UTF-8'?>"


def _items(parent: etree._Element, rows: Rows) -> None:
    for row in rows:
        item = etree.SubElement(parent, q("items"))
        for name, value in row.items():
            etree.SubElement(item, q(name)).text = value or None  # empty: self-closing


def _bytes(envelope: etree._Element) -> bytes:
    """As the emulator (and some of the real service's recordings) write it: no newline
    after the declaration."""
    return DECLARATION + etree.tostring(envelope, encoding="UTF-8")


def _answer(operation: str) -> tuple[etree._Element, etree._Element]:
    envelope = etree.Element(f"{{{SOAP}}}Envelope", nsmap={"soapenv": SOAP})
    body = etree.SubElement(envelope, f"{{{SOAP}}}Body")
    return envelope, etree.SubElement(body, q(f"{operation}Return"), nsmap={None: NS})


def asset_logs(rows: Rows) -> Callable[[], bytes]:
    def build() -> bytes:
        envelope, answer = _answer("getAssetJobLogs")
        _items(etree.SubElement(answer, q("jobLogArray")), rows)
        return _bytes(envelope)

    return build


def details(log: dict[str, str], rows: Rows) -> Callable[[], bytes]:
    def build() -> bytes:
        envelope, answer = _answer("getJobLogDetails")
        item = etree.SubElement(etree.SubElement(answer, q("jobLogArray")), q("items"))
        for name, value in log.items():
            etree.SubElement(item, q(name)).text = value or None
        _items(etree.SubElement(item, q("detailArray")), rows)
        return _bytes(envelope)

    return build


def by_asset(root: etree._Element) -> str:
    """The answer's key for ``make_app``: the request's assetHandle (one answer per asset)."""
    return root.findtext(f".//{{{NS}}}assetHandle") or ""


def make_app(
    answers: dict[str, Callable[[], bytes]],
    key: Callable[[etree._Element], str] | None = None,
) -> Callable[..., Iterable[bytes]]:
    """The responder: ``answers`` by the body element's local name, or by ``key(request)``."""

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        root = etree.fromstring(environ["wsgi.input"].read(length))
        user = root.findtext(f".//{{{XSD}}}user")
        password = root.findtext(f".//{{{XSD}}}password")
        if USERS.get(user or "") != password:
            start_response("500 Internal Server Error", [("Content-Type", "text/xml")])
            return [b"<fault/>"]
        body = root.find(f"{{{SOAP}}}Body")
        name = key(root) if key else etree.QName(body[0]).localname  # type: ignore[index]
        data = answers[name]()
        start_response("200 OK", [("Content-Type", "text/xml;charset=UTF-8"),
                                  ("Content-Length", str(len(data)))])  # fmt: skip
        return [data]

    return app
