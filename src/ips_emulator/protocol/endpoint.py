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
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any, Protocol

from lxml import etree
from spyne import Application, MethodContext, ServiceBase, rpc
from spyne.protocol.soap import Soap11, Soap12
from spyne.protocol.xml import XmlDocument
from spyne.server import ServerBase

from ips_emulator.domain.auth import authenticate, authorize_operation
from ips_emulator.domain.clock import Clock
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.errors import FaultCode, IpsApiError, IpsError
from ips_emulator.i18n import Catalogs
from ips_emulator.protocol.api import NAMESPACE_VERSIONS, REGISTRY
from ips_emulator.protocol.convert import to_plain
from ips_emulator.protocol.envelope import SOAP11, SoapVersion, soap_version_of, split_envelope
from ips_emulator.protocol.faults import IpsFault, fault_envelope
from ips_emulator.protocol.headers import RequestHeaders, require_app_name
from ips_emulator.protocol.models import VersionModels
from ips_emulator.protocol.plain import PLAIN, split_plain
from ips_emulator.protocol.schema import (
    VERSIONED_AUTH_HEADER_SINCE,
    Operation,
    version_index,
)
from ips_emulator.protocol.serializer import ResponseWriter
from ips_emulator.protocol.validation import RequestChecker
from ips_emulator.protocol.xmlparse import XmlLimits, parse_request
from ips_emulator.storage.db import TransientStorageError, storage_failure

# spyne logs every fault with a traceback; IPS faults are answers, not errors.
# spyne.util.appreg warns whenever a second app (another server in one process)
# registers the same namespace, which tests and the pytest plugin do on purpose.
for _name in ("spyne.application.client", "spyne.server._base", "spyne.util.appreg"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
log = logging.getLogger(__name__)

SessionFactory = Callable[[], AbstractContextManager[Any]]


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
    #: For the journal: who called, in which locale, with which parameters.
    user: str | None = None
    locale: str | None = None
    params: dict[str, Any] | None = None


class _RollbackError(Exception):
    """Ends a call's transaction without committing (the call faulted)."""


@dataclass(slots=True)
class _Call:
    """Per-call state handed from the endpoint to the spyne method via ``ctx.udc``."""

    document: etree._Element
    body: etree._Element
    headers: RequestHeaders
    request: SoapRequest
    hooks: CallHooks | None
    throttle: LoginThrottle | None = None
    scope: RequestScope | None = None
    user: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class _TakesOurParse:
    """spyne reads the envelope our hardened parser built and ``split_envelope`` split
    (rather than parsing it again, and finding Header and Body by XPath each call)."""

    def create_in_document(self, ctx: Any, charset: str | None = None) -> None:
        ctx.in_document = (ctx.udc.document, {})

    def decompose_incoming_envelope(self, ctx: Any, message: str = XmlDocument.REQUEST) -> None:
        call: _Call = ctx.udc
        ctx.in_document = call.document
        ctx.in_header_doc = None  # headers are read by protocol/headers.py
        ctx.in_body_doc = call.body
        ctx.method_request_string = call.body.tag
        self.validate_body(ctx, message)  # type: ignore[attr-defined]


class _Soap11(_TakesOurParse, Soap11):  # type: ignore[misc]
    pass


class _Soap12(_TakesOurParse, Soap12):  # type: ignore[misc]
    pass


class _Application(Application):  # type: ignore[misc]
    def call_wrapper(self, ctx: Any) -> Any:
        try:
            return super().call_wrapper(ctx)
        except IpsError as error:
            raise IpsFault(error) from None
        except Exception as exc:
            failure = storage_failure(exc)
            if failure is None:
                raise
            log.warning("database failure in %s: %s", ctx.descriptor.name, exc)
            raise IpsFault(failure) from None


class _Transport(ServerBase):  # type: ignore[misc]
    transport = "http://schemas.xmlsoap.org/soap/http"


def _invoke(op: Operation, ctx: Any, param: Any) -> Any:
    call: _Call = ctx.udc
    if call.scope is None:
        raise RuntimeError("spyne called an operation outside SoapEndpoint.handle")
    credentials = call.headers.credentials(call.request.basic_credentials)
    company = getattr(param, "companyHandle", None)
    caller = authenticate(call.scope, credentials, call.throttle, company)
    call.user = caller.email
    if call.hooks is not None:
        call.hooks.before_call(CallInfo(op.name, caller.email, company))
    authorize_operation(caller, op.name)
    return op.handler(call.scope, param)


def _method(op: Operation) -> Callable[[Any, Any], Any]:
    def method(ctx: Any, param: Any) -> Any:
        return _invoke(op, ctx, param)

    method.__name__ = method.__qualname__ = op.name  # spyne keys methods by name
    return method


def _service_class(models: VersionModels) -> type:
    methods: dict[str, Any] = {}
    for op in models.registry.operations_in(models.version):
        methods[op.name] = rpc(
            models.param_class(op),
            _returns=models.return_class(op),
            _body_style="bare",
            _operation_name=op.name,
            _in_message_name=op.param_element,
            _out_message_name=op.return_element,
        )(_method(op))
    return type(f"IpsApi_{models.version.replace('-', '_')}", (ServiceBase,), methods)


class _VersionEndpoint:
    """spyne applications (SOAP 1.1 and 1.2) and response writer of one API version."""

    def __init__(self, version: str, namespace: str, zone: tzinfo) -> None:
        service = _service_class(VersionModels(REGISTRY, version, namespace))
        self.transports = {
            name: _Transport(
                _Application(
                    [service], tns=namespace, in_protocol=protocol(), out_protocol=Soap11()
                )
            )
            for name, protocol in (("1.1", _Soap11), ("1.2", _Soap12))
        }
        self.writer = ResponseWriter(REGISTRY, version, namespace, zone)
        self.operations = {op.param_element: op for op in REGISTRY.operations_in(version)}
        self.checker = RequestChecker(REGISTRY, version)
        self.namespace = namespace
        self.versioned_header = version_index(version) >= version_index(VERSIONED_AUTH_HEADER_SINCE)


class SoapEndpoint:
    """Answers SOAP 1.1 and 1.2 requests of every published API version."""

    def __init__(
        self,
        sessions: SessionFactory,
        catalogs: Catalogs,
        clock: Clock,
        zone: tzinfo,
        job_speed: float = 1.0,
        hooks: CallHooks | None = None,
        xml_limits: XmlLimits | None = None,
        login_throttle: LoginThrottle | None = None,
    ) -> None:
        self.sessions = sessions
        self.catalogs = catalogs
        self.clock = clock
        self.zone = zone
        self.job_speed = job_speed
        self.hooks = hooks
        self.xml_limits = xml_limits or XmlLimits()
        self.login_throttle = login_throttle
        # Built on first use: each version's spyne models take a noticeable time to build,
        # and most servers (a test session's, say) only ever see one version.
        self._versions: dict[str, _VersionEndpoint] = {}
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

    def _version(self, namespace: str) -> _VersionEndpoint | None:
        found = self._versions.get(namespace)
        if found is None and namespace in NAMESPACE_VERSIONS:
            with self._versions_lock:
                found = self._versions.get(namespace)
                if found is None:
                    found = _VersionEndpoint(NAMESPACE_VERSIONS[namespace], namespace, self.zone)
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
            raise IpsApiError(
                FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
                f"Unknown operation element '{qname.localname}' in namespace '{qname.namespace}'.",
            )
        if version.versioned_header:
            require_app_name(headers, version.namespace)
        version.checker.check(body, op.param)
        transport = version.transports[soap.name]
        for attempt in range(1, ATTEMPTS + 1):
            call = _Call(document, body, headers, request, self.hooks, self.login_throttle)
            ctx, params = _contexts(transport, call, op)
            locale, error = self._run(transport, ctx, call, request, headers)
            result: Any = ctx.out_object[0] if error is None else None
            _release(ctx)
            if error is None:
                break
            if not isinstance(error, TransientStorageError) or attempt == ATTEMPTS:
                return _fault_response(error, headers, soap, op.name, call.user, locale, params)
            log.info("retrying %s after %s", op.name, error.reason)
        return SoapResponse(
            status=200,
            body=soap.wrap(version.writer.body(op, result)),
            operation=op.name,
            gzip=headers.auth.gzip_response if headers.auth else None,
            content_type=soap.content_type,
            user=call.user,
            locale=locale,
            params=params,
        )

    def _run(
        self,
        transport: Any,
        ctx: Any,
        call: _Call,
        request: SoapRequest,
        headers: RequestHeaders,
    ) -> tuple[str | None, IpsError | None]:
        """One transaction for the call: (locale, None) committed, or the error, rolled back."""
        locale = None
        try:
            with self.sessions() as session:
                call.scope = self._scope(session, request, headers)
                locale = call.scope.locale
                transport.get_out_object(ctx)
                if ctx.out_error is not None:
                    raise _RollbackError
        except _RollbackError:
            return locale, _as_ips_error(ctx.out_error)
        except Exception as exc:  # the commit itself, or opening the session, failed
            failure = storage_failure(exc)
            if failure is None:
                raise
            return locale, failure
        return locale, None

    def _scope(self, session: Any, request: SoapRequest, headers: RequestHeaders) -> RequestScope:
        requested = headers.auth.locale if headers.auth else None
        locale = self.catalogs.negotiate(requested, request.accept_language)
        return RequestScope(
            session=session,
            clock=self.clock,
            messages=self.catalogs.messages(locale),
            locale=locale,
            zone=self.zone,
            job_speed=self.job_speed,
        )


#: A call that meets a deadlock (several workers on PostgreSQL) is run again.
ATTEMPTS = 5


def _contexts(transport: Any, call: _Call, op: Operation) -> tuple[Any, dict[str, Any]]:
    """spyne's method context for the call, its parameters read (a fresh one per attempt)."""
    first = MethodContext(transport, MethodContext.SERVER)
    first.udc = call
    (ctx,) = transport.generate_contexts(first)
    if ctx is not first:  # spyne made the method's own context from it
        _release(first)
    transport.get_in_object(ctx)
    if ctx.in_error is not None:
        raise _input_error(ctx.in_error, op)
    return ctx, to_plain(ctx.in_object)


def _release(ctx: Any) -> None:
    """Empties a spyne method context once the call is done with it.

    Its parts point back at it (reference cycles), so it and all the call's objects
    it holds would wait for the garbage collector, whose runs then cost a fifth of
    a call's time (measured); emptied, they are freed at once. Its protocol contexts
    are emptied too: each holds a factory that points back at it.
    """
    for part in list(ctx.__dict__.values()):
        if getattr(part, "parent", None) is ctx:
            part.__dict__.clear()
    ctx.__dict__.clear()


def _input_error(error: Any, op: Operation) -> IpsApiError:
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
        f"Invalid {op.param_element}: {getattr(error, 'faultstring', error)}",
    )


def _as_ips_error(fault: Any) -> IpsError:
    if isinstance(fault, IpsFault):
        fault.__traceback__ = None  # its frames hold the call (see _fault_response)
        return fault.error
    log.error("unexpected error in an operation: %r", fault, exc_info=fault)
    if isinstance(fault, BaseException):
        fault.__traceback__ = None
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
        fault_code=int(error.code),
        gzip=auth.gzip_response if auth else None,
        content_type=soap.content_type,
        user=user,
        locale=locale,
        params=params,
    )
