"""What the server layer hands the SOAP endpoint, and what it gets back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ips_emulator.protocol.envelope import SOAP11


@dataclass(frozen=True, slots=True)
class SoapRequest:
    """What the endpoint needs of an HTTP request (the server layer fills it in)."""

    body: bytes
    basic_credentials: tuple[str, str] | None = None
    accept_language: str | None = None


@dataclass(frozen=True, slots=True)
class CallInfo:
    """An authenticated call about to run, as hooks see it."""

    operation: str
    user: str
    company_handle: str | None


class CallHooks(Protocol):
    def before_call(self, info: CallInfo) -> None:
        """Runs after authentication; may wait, or raise an ``IpsError`` to fault the call."""


@dataclass(frozen=True, slots=True)
class SoapResponse:
    status: int
    body: bytes
    operation: str | None = None
    fault_code: int | None = None
    #: ``authHeader/gzipResponse``: None leaves it to ``Accept-Encoding``.
    gzip: bool | None = None
    content_type: str = SOAP11.content_type
    #: For the journal and the access log: the API version (once the operation is
    #: known), who called, in which locale, with which parameters.
    version: str | None = None
    user: str | None = None
    locale: str | None = None
    params: dict[str, Any] | None = None
