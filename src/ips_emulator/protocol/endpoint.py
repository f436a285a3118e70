"""The SOAP endpoint: spyne parses, dispatches and calls; we authenticate and answer.

spyne's pipeline (``ServerBase``: contexts, deserialization, ``process_request``)
runs every call. Around it this module adds what the real IPS service does and
spyne does not: credentials from three places, the request's locale, one
database transaction per call (rolled back on any fault), and responses and
faults written by ``serializer``/``faults`` in the real service's shape, for
SOAP 1.1 and SOAP 1.2 alike.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from lxml import etree

from ips_emulator.domain.clock import Clock
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.domain.transactions import Transactions
from ips_emulator.errors import FaultCode, IpsApiError, IpsError
from ips_emulator.i18n import Catalogs
from ips_emulator.ns import IPS_XSD
from ips_emulator.protocol.api import NAMESPACE_VERSIONS, VERSION_NAMESPACES
from ips_emulator.protocol.calls import CallHooks, SoapRequest, SoapResponse
from ips_emulator.protocol.envelope import SOAP11, SoapVersion, soap_version_of, split_envelope
from ips_emulator.protocol.faults import IpsFault, fault_envelope
from ips_emulator.protocol.headers import RequestHeaders, require_app_name
from ips_emulator.protocol.plain import PLAIN, split_plain
from ips_emulator.protocol.schema import Operation
from ips_emulator.protocol.spyne_app import Call, VersionEndpoint, method_context, release
from ips_emulator.protocol.xmlparse import XmlLimits, parse_request

# spyne logs every fault with a traceback; IPS faults are answers, not errors.
# spyne.util.appreg warns whenever a second app (another server in one process)
# registers the same namespace, which tests and the pytest plugin do on purpose.
for _name in ("spyne.application.client", "spyne.server._base", "spyne.util.appreg"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
log = logging.getLogger(__name__)


class SoapEndpoint:
    """Answers SOAP 1.1 and 1.2 requests of every published API version."""

    def __init__(
        self,
        transactions: Transactions,
        catalogs: Catalogs,
        clock: Clock,
        zone: tzinfo,
        job_speed: float = 1.0,
        hooks: CallHooks | None = None,
        xml_limits: XmlLimits | None = None,
        login_throttle: LoginThrottle | None = None,
    ) -> None:
        self.transactions = transactions
        self.catalogs = catalogs
        self.clock = clock
        self.zone = zone
        self.job_speed = job_speed
        self.hooks = hooks
        self.xml_limits = xml_limits or XmlLimits()
        self.login_throttle = login_throttle
        # Built on first use: each version's spyne models take a noticeable time to build,
        # and most servers (a test session's, say) only ever see one version.
        self._versions: dict[str, VersionEndpoint] = {}
        self._versions_lock = threading.Lock()

    def handle(self, request: SoapRequest) -> SoapResponse:
        headers, soap = RequestHeaders(None), SOAP11
        try:
            document = parse_request(request.body, self.xml_limits)
            soap = soap_version_of(document)
            headers, body = split_envelope(document, soap)
            return self._dispatch(request, document, headers, body, soap)
        except IpsError as error:
            return _fault_response(error, headers, soap)

    def handle_plain(self, request: SoapRequest) -> SoapResponse:
        """The plain-XML binding: ``<Request>`` in, the bare ``…Return`` or fault out."""
        headers = RequestHeaders(None)
        try:
            document = parse_request(request.body, self.xml_limits)
            envelope, headers, body = split_plain(document)
            return self._dispatch(request, envelope, headers, body, PLAIN)
        except IpsError as error:
            return _fault_response(error, headers, PLAIN)

    def _version(self, namespace: str) -> VersionEndpoint | None:
        found = self._versions.get(namespace)
        if found is None and namespace in NAMESPACE_VERSIONS:
            with self._versions_lock:
                found = self._versions.get(namespace)
                if found is None:
                    found = VersionEndpoint(NAMESPACE_VERSIONS[namespace], namespace, self.zone)
                    self._versions[namespace] = found
        return found

    def _dispatch(
        self,
        request: SoapRequest,
        document: etree._Element,
        headers: RequestHeaders,
        body: etree._Element,
        soap: SoapVersion,
    ) -> SoapResponse:
        qname = etree.QName(body)
        version = self._version(qname.namespace or "")
        op = version.operations.get(qname.localname) if version else None
        if version is None or op is None:
            return _not_emulated(body, version, headers, soap)
        if version.versioned_header:
            require_app_name(headers, version.namespace)
        version.checker.check(body, op.param)

        def new_call() -> Call:
            failure = self.transactions.failure
            return Call(document, body, headers, request, self.hooks, failure, self.login_throttle)

        tries = _Tries(version.transports[soap.name], op, new_call, self._scope)
        try:
            result = self.transactions.run(op.name, tries.attempt)
        except IpsError as error:
            user, locale, params = tries.call.user, tries.locale, tries.params
            return _fault_response(
                error, headers, soap, op.name, user, locale, params, version.version
            )
        finally:
            tries.close()
        return SoapResponse(
            status=200,
            body=soap.wrap(version.writer.body(op, result)),
            operation=op.name,
            version=version.version,
            gzip=headers.auth.gzip_response if headers.auth else None,
            content_type=soap.content_type,
            user=tries.call.user,
            locale=tries.locale,
            params=tries.params,
        )

    def _scope(self, store: Any, request: SoapRequest, headers: RequestHeaders) -> RequestScope:
        requested = headers.auth.locale if headers.auth else None
        locale = self.catalogs.negotiate(requested, request.accept_language)
        return RequestScope(
            store=store,
            clock=self.clock,
            messages=self.catalogs.messages(locale),
            locale=locale,
            zone=self.zone,
            job_speed=self.job_speed,
            login_throttle=self.login_throttle,
        )


def _not_emulated(
    body: etree._Element,
    version: VersionEndpoint | None,
    headers: RequestHeaders,
    soap: SoapVersion,
) -> SoapResponse:
    """The answer to an element that is no emulated operation of its version.

    One of Adobe's operations not emulated yet gets a fault that says so (journaled
    under its name), once its parameters pass the checks of its declaration (where
    its version has it); anything else, or an operation its version is known to
    lack, is an unknown element.
    """
    qname = etree.QName(body)
    namespace = qname.namespace or ""
    if version is None and namespace.startswith(f"{IPS_XSD}/"):
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
            f"Unknown API version namespace '{namespace}' of '{qname.localname}': the "
            f"versions served are {', '.join(VERSION_NAMESPACES.values())}.",
        )
    op = version.not_emulated.get(qname.localname) if version else None
    if version is None or op is None or version.lacks(op):
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
            f"Unknown operation element '{qname.localname}' in namespace '{qname.namespace}'.",
        )
    error: IpsError = IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_EXCEPTION,
        f"Operation '{op.name}' is not emulated by ips-emulator yet (API version "
        f"{version.version}): docs/coverage.md lists the operations it emulates.",
    )
    try:
        if op.in_version(version.version):
            version.checker.check(body, op.param)
    except IpsError as invalid:
        error = invalid
    return _fault_response(error, headers, soap, op.name, version=version.version)


class _Tries:
    """A call's attempts at its transaction (``Transactions.run``), and the last one's facts.

    Each attempt runs in a spyne method context of its own. The first is made before any
    transaction opens, so a request whose parameters spyne cannot read is refused without
    one, as the request's fault rather than the operation's.
    """

    def __init__(
        self,
        transport: Any,
        op: Operation,
        new_call: Callable[[], Call],
        scope: Callable[[Any, SoapRequest, RequestHeaders], RequestScope],
    ) -> None:
        self._transport = transport
        self._op = op
        self._new_call = new_call
        self._scope = scope
        self.locale: str | None = None
        self._next()

    def _next(self) -> None:
        self.call = self._new_call()
        self._ctx, self.params = method_context(self._transport, self.call, self._op)

    def attempt(self, store: Any) -> Any:
        """The operation's result in ``store``'s transaction; its fault raised as IpsError."""
        if self._ctx is None:  # a retry: the last attempt's context is spent
            self._next()
        ctx, self._ctx = self._ctx, None
        try:
            self.call.scope = self._scope(store, self.call.request, self.call.headers)
            self.locale = self.call.scope.locale
            self._transport.get_out_object(ctx)
            if ctx.out_error is not None:
                raise _as_ips_error(ctx.out_error)
            return ctx.out_object[0]
        finally:
            release(ctx)

    def close(self) -> None:
        """Empties a context no attempt took (the transaction could not be opened)."""
        if self._ctx is not None:
            release(self._ctx)
            self._ctx = None


def _as_ips_error(fault: Any) -> IpsError:
    if isinstance(fault, IpsFault):
        return fault.error
    log.error("unexpected error in an operation: %r", fault, exc_info=fault)
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_EXCEPTION,
        "The emulator hit an internal error processing this request.",
    )


def _fault_response(
    error: IpsError,
    headers: RequestHeaders,
    soap: SoapVersion,
    operation: str | None = None,
    user: str | None = None,
    locale: str | None = None,
    params: dict[str, Any] | None = None,
    version: str | None = None,
) -> SoapResponse:
    # The traceback's frames reach frames holding the error: a cycle that would keep the
    # whole call alive until the next garbage collection.
    error.__traceback__ = None
    auth = headers.auth
    status = auth.fault_http_status_code if auth and auth.fault_http_status_code else 500
    return SoapResponse(
        status=status,
        body=fault_envelope(error, soap),
        operation=operation,
        version=version,
        fault_code=int(error.code),
        gzip=auth.gzip_response if auth else None,
        content_type=soap.content_type,
        user=user,
        locale=locale,
        params=params,
    )
