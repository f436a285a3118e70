"""Reading ``authHeader`` (and the legacy ``AuthUser``/``AuthPassword``) from a request.

Real clients send ``authHeader`` in ``http://www.scene7.com/IpsApi/xsd``, in the
body's versioned namespace, with its children in any order; its children are
matched by local name. Values a client gets wrong (``gzipResponse`` that is not
a boolean, a ``faultHttpStatusCode`` that is no status or cannot carry the fault) are
ignored, never faulted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from ips_emulator.domain.context import Credentials
from ips_emulator.errors import FaultCode, IpsApiError
from ips_emulator.ns import IPS_LEGACY_AUTH, IPS_XSD

_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0"})


@dataclass(frozen=True, slots=True)
class AuthHeader:
    user: str | None = None
    password: str | None = None
    locale: str | None = None
    app_name: str | None = None
    app_version: str | None = None
    gzip_response: bool | None = None
    fault_http_status_code: int | None = None
    #: The namespace it came in: the unversioned one or the body's.
    namespace: str | None = None


@dataclass(frozen=True, slots=True)
class RequestHeaders:
    auth: AuthHeader | None
    legacy_user: str | None = None
    legacy_password: str | None = None

    def credentials(self, basic: tuple[str, str] | None) -> Credentials | None:
        """Credentials by precedence: authHeader, then AuthUser/AuthPassword, then Basic."""
        if self.auth is not None and self.auth.user:
            return Credentials(self.auth.user, self.auth.password or "", "authHeader")
        if self.legacy_user:
            return Credentials(self.legacy_user, self.legacy_password or "", "legacy")
        if basic is not None and basic[0]:
            return Credentials(basic[0], basic[1], "basic")
        return None


def _name(tag: object) -> tuple[str | None, str]:
    """(namespace, local name) of an element's tag; ``(None, "")`` for comments and PIs."""
    if not isinstance(tag, str):
        return None, ""
    if tag[:1] == "{":
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return None, tag


def _text(element: etree._Element) -> str:
    if not len(element):  # the usual leaf: its text alone
        return (element.text or "").strip()
    return "".join(str(text) for text in element.itertext()).strip()


def _secret(element: etree._Element, where: str) -> str:
    """A password exactly as sent: blanks are part of it (as they are over HTTP Basic),
    and text broken up by elements is not a password (``de<b/>mo`` is not ``demo``)."""
    if any(isinstance(child.tag, str) for child in element):
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
            f"Invalid value for parameter '{where}': expected text, not elements.",
        )
    return (element.text or "") + "".join(child.tail or "" for child in element)


def _boolean(text: str) -> bool | None:
    lowered = text.lower()
    return True if lowered in _TRUE else False if lowered in _FALSE else None


_XSD_INT = re.compile(r"[+-]?[0-9]+")


#: Statuses whose response has no body (RFC 9110): the fault would never reach the
#: client (a 1xx is not even a final answer), so asking for one is ignored.
_BODILESS = frozenset({204, 304})


def _status(text: str) -> int | None:
    """An xsd:int that is an HTTP status able to carry the fault (200-599 but 204 and
    304), or None: anything else is ignored."""
    if not _XSD_INT.fullmatch(text):
        return None
    code = int(text)
    return code if 200 <= code <= 599 and code not in _BODILESS else None


def _auth_header(element: etree._Element, namespace: str | None) -> AuthHeader:
    values = {}
    for child in element:
        local = _name(child.tag)[1]
        if local == "password":
            values[local] = _secret(child, "authHeader/password")
        elif local:
            values[local] = _text(child)
    gzip = values.get("gzipResponse")
    status = values.get("faultHttpStatusCode")
    return AuthHeader(
        user=values.get("user"),
        password=values.get("password"),
        locale=values.get("locale") or None,
        app_name=values.get("appName"),
        app_version=values.get("appVersion"),
        gzip_response=_boolean(gzip) if gzip is not None else None,
        fault_http_status_code=_status(status) if status is not None else None,
        namespace=namespace,
    )


def read_headers(
    elements: Iterable[etree._Element] | None,
    body_namespace: str | None,
    wrapper_namespace: str | None = None,
) -> RequestHeaders:
    """``wrapper_namespace``: that of a plain-XML ``<Request>``, whose authHeader clients
    also put there (AEM's sends both in one beta namespace, the parameters in another)."""
    auth: AuthHeader | None = None
    legacy: dict[str, str] = {}
    for element in elements or ():
        namespace, local = _name(element.tag)  # "" for comments, processing instructions
        if local == "authHeader" and namespace in (IPS_XSD, body_namespace, wrapper_namespace):
            auth = _auth_header(element, namespace)
        elif namespace == IPS_LEGACY_AUTH and local == "AuthUser":
            legacy[local] = _text(element)
        elif namespace == IPS_LEGACY_AUTH and local == "AuthPassword":
            legacy[local] = _secret(element, local)
    return RequestHeaders(auth, legacy.get("AuthUser"), legacy.get("AuthPassword"))


def require_app_name(headers: RequestHeaders, body_namespace: str) -> None:
    """From 2014-04-03, an authHeader in the versioned namespace needs appName and
    appVersion (its schema there makes them required); the unversioned one does not."""
    auth = headers.auth
    if auth is None or auth.namespace != body_namespace:
        return
    for name, value in (("appName", auth.app_name), ("appVersion", auth.app_version)):
        if not value:
            raise IpsApiError(
                FaultCode.IPS_API_FAULT_CODE_MISSING_PARAMETER,
                f"Missing required parameter 'authHeader/{name}'.",
            )
