"""Shared test helpers: raw SOAP posts and XML comparison."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from lxml import etree
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError, OperationalError

from ips_emulator import EmulatorServer

DATA = Path(__file__).parent / "data"
#: Adobe's documentation, WSDLs and recorded responses (docs/reference/README.md).
REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference"
DEMO_USER = "demo@ips-emulator.test"
DEMO_PASSWORD = "demo"
NS_2008 = "http://www.scene7.com/IpsApi/xsd/2008-01-15"
NS_XSD = "http://www.scene7.com/IpsApi/xsd"
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"


def auth_header(
    user: str = DEMO_USER,
    password: str = DEMO_PASSWORD,
    namespace: str = NS_XSD,
    **extra: str,
) -> str:
    children = f"<user>{user}</user><password>{password}</password>"
    children += "".join(f"<{k}>{v}</{k}>" for k, v in extra.items())
    return f'<authHeader xmlns="{namespace}">{children}</authHeader>'


def envelope(body: str, header: str | None = None) -> bytes:
    head = f"<soapenv:Header>{header}</soapenv:Header>" if header is not None else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{SOAP_ENV}">'
        f"{head}<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


def asset_logs_param(company: str = "c|6", asset: str = "a|732|1|535") -> str:
    return (
        f'<getAssetJobLogsParam xmlns="{NS_2008}"><companyHandle>{company}</companyHandle>'
        f"<assetHandle>{asset}</assetHandle></getAssetJobLogsParam>"
    )


@dataclass
class Answer:
    status: int
    headers: Mapping[str, str]
    content: bytes

    @property
    def root(self) -> etree._Element:
        return etree.fromstring(self.content)

    def fault(self) -> tuple[str, str, str, int, str]:
        """(faultcode, faultstring, detail element local name, code, reason)."""
        fault = self.root.find(f"{{{SOAP_ENV}}}Body/{{{SOAP_ENV}}}Fault")
        assert fault is not None, self.content
        detail = fault.find("detail")
        assert detail is not None
        assert len(detail) == 1
        element = detail[0]
        assert etree.QName(element).namespace == NS_XSD
        children = [etree.QName(c).localname for c in element]
        assert children == ["code", "reason"], children
        return (
            fault.findtext("faultcode") or "",
            fault.findtext("faultstring") or "",
            etree.QName(element).localname,
            int(element.findtext(f"{{{NS_XSD}}}code") or 0),
            element.findtext(f"{{{NS_XSD}}}reason") or "",
        )


def post(
    url: str, body: bytes, headers: Mapping[str, str] | None = None, **kwargs: object
) -> Answer:
    sent = {"Content-Type": "text/xml; charset=UTF-8"}
    sent.update(headers or {})
    response = requests.post(url, data=body, headers=sent, timeout=30, **kwargs)  # type: ignore[arg-type]
    return Answer(response.status_code, response.headers, response.content)


def canonical(element: etree._Element) -> bytes:
    """XML with insignificant whitespace removed, for structural comparison."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(
        etree.fromstring(etree.tostring(element), parser), method="c14n", exclusive=True
    )


class DriverError(Exception):
    """A driver's error as psycopg raises it, with the SQLSTATE it carries."""

    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


#: (SQLAlchemy's error class, the driver's SQLSTATE and message): what PostgreSQL
#: answers a deadlock, an insert racing another writer of the same unique key, and a
#: failure no second attempt cures.
Failure = tuple[type[Any], str | None, str]
DEADLOCK: Failure = (OperationalError, "40P01", "deadlock detected")
UNIQUE_VIOLATION: Failure = (IntegrityError, "23505", "duplicate key value")
DISK_FULL: Failure = (OperationalError, "53100", "could not extend file")


@contextmanager
def failing(
    server: EmulatorServer, statement: str, times: int, failure: Failure
) -> Iterator[list[str]]:
    """The server's database fails the first ``times`` statements that start with
    ``statement``, as the driver would; yields the list of those it was sent."""
    seen: list[str] = []
    kind, sqlstate, message = failure

    def before(_conn: Any, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith(statement):
            seen.append(sql)
            if len(seen) <= times:
                raise kind(sql, params, DriverError(message, sqlstate))

    engine = server.app.database.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
