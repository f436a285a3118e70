"""The SOAP endpoint: spyne parses, dispatches and calls; we authenticate and answer.

spyne's pipeline (``ServerBase``: contexts, deserialization, ``process_request``)
runs every call. Around it this module adds what the real IPS service does and
spyne does not: credentials from three places, the request's locale, one
database transaction per call (rolled back on any fault), and responses and
faults written by ``serializer``/``faults`` in the real service's shape.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from lxml import etree
from spyne import Application, MethodContext, ServiceBase, rpc
from spyne.protocol.soap import Soap11
from spyne.server import ServerBase

from ips_emulator.domain.auth import authenticate, authorize_operation
from ips_emulator.domain.clock import Clock
from ips_emulator.domain.context import RequestScope
from ips_emulator.errors import FaultCode, IpsApiError, IpsError
from ips_emulator.i18n import Catalogs
from ips_emulator.ns import SOAP_ENV_11
from ips_emulator.protocol.api import NAMESPACE_VERSIONS, REGISTRY
from ips_emulator.protocol.faults import IpsFault, fault_envelope
from ips_emulator.protocol.headers import RequestHeaders, read_headers
from ips_emulator.protocol.models import VersionModels
from ips_emulator.protocol.schema import Operation
from ips_emulator.protocol.serializer import ResponseWriter
from ips_emulator.protocol.validation import RequestChecker
from ips_emulator.protocol.xmlparse import parse_request

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
class SoapResponse:
    status: int
    body: bytes
    operation: str | None = None
    fault_code: int | None = None
    #: ``authHeader/gzipResponse``: None leaves it to ``Accept-Encoding``.
    gzip: bool | None = None
    content_type: str = "text/xml;charset=UTF-8"


class _RollbackError(Exception):
    """Ends a call's transaction without committing (the call faulted)."""


@dataclass(slots=True)
class _Call:
    """Per-call state handed from the endpoint to the spyne method via ``ctx.udc``."""

    document: etree._Element
    scope: RequestScope | None = None
    headers: RequestHeaders | None = None
    request: SoapRequest | None = None


class _IpsSoap11(Soap11):  # type: ignore[misc]
    """Soap11 that takes the document our hardened parser already built."""

    def create_in_document(self, ctx: Any, charset: str | None = None) -> None:
        ctx.in_document = (ctx.udc.document, {})


class _Application(Application):  # type: ignore[misc]
    def call_wrapper(self, ctx: Any) -> Any:
        try:
            return super().call_wrapper(ctx)
        except IpsError as error:
            raise IpsFault(error) from None


class _Transport(ServerBase):  # type: ignore[misc]
    transport = "http://schemas.xmlsoap.org/soap/http"


def _invoke(op: Operation, ctx: Any, param: Any) -> Any:
    call: _Call = ctx.udc
    if call.scope is None or call.headers is None or call.request is None:
        raise RuntimeError("spyne called an operation outside SoapEndpoint.handle")
    credentials = call.headers.credentials(call.request.basic_credentials)
    caller = authenticate(call.scope, credentials)
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
    """spyne application and response writer of one API version."""

    def __init__(self, version: str, namespace: str, zone: tzinfo) -> None:
        models = VersionModels(REGISTRY, version, namespace)
        app = _Application(
            [_service_class(models)],
            tns=namespace,
            in_protocol=_IpsSoap11(),
            out_protocol=Soap11(),
        )
        self.transport = _Transport(app)
        self.writer = ResponseWriter(REGISTRY, version, namespace, zone)
        self.operations = {op.param_element: op for op in REGISTRY.operations_in(version)}
        self.checker = RequestChecker(REGISTRY, version)


class SoapEndpoint:
    """Answers SOAP 1.1 requests of every published API version."""

    def __init__(
        self,
        sessions: SessionFactory,
        catalogs: Catalogs,
        clock: Clock,
        zone: tzinfo,
        job_speed: float = 1.0,
    ) -> None:
        self.sessions = sessions
        self.catalogs = catalogs
        self.clock = clock
        self.zone = zone
        self.job_speed = job_speed
        self.versions = {ns: _VersionEndpoint(v, ns, zone) for ns, v in NAMESPACE_VERSIONS.items()}

    def handle(self, request: SoapRequest) -> SoapResponse:
        headers = RequestHeaders(None)
        try:
            document = parse_request(request.body)
            headers, body = _split_envelope(document)
            return self._dispatch(request, document, headers, body)
        except IpsError as error:
            return _fault_response(error, headers)

    def _dispatch(
        self,
        request: SoapRequest,
        document: etree._Element,
        headers: RequestHeaders,
        body: etree._Element,
    ) -> SoapResponse:
        qname = etree.QName(body)
        version = self.versions.get(qname.namespace or "")
        op = version.operations.get(qname.localname) if version else None
        if version is None or op is None:
            raise IpsApiError(
                FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
                f"Unknown operation element '{qname.localname}' in namespace '{qname.namespace}'.",
            )
        version.checker.check(body, op.param)
        call = _Call(document=document, headers=headers, request=request)
        ctx = MethodContext(version.transport, MethodContext.SERVER)
        ctx.udc = call
        (ctx,) = version.transport.generate_contexts(ctx)
        version.transport.get_in_object(ctx)
        if ctx.in_error is not None:
            raise _input_error(ctx.in_error, op)
        try:
            with self.sessions() as session:
                call.scope = self._scope(session, request, headers)
                version.transport.get_out_object(ctx)
                if ctx.out_error is not None:
                    raise _RollbackError
        except _RollbackError:
            return _fault_response(_as_ips_error(ctx.out_error), headers, op.name)
        return SoapResponse(
            status=200,
            body=version.writer.envelope(op, ctx.out_object[0]),
            operation=op.name,
            gzip=headers.auth.gzip_response if headers.auth else None,
        )

    def _scope(self, session: Any, request: SoapRequest, headers: RequestHeaders) -> RequestScope:
        requested = headers.auth.locale if headers.auth else None
        locale = self.catalogs.negotiate(requested, request.accept_language)
        return RequestScope(
            session=session,
            clock=self.clock,
            gettext=self.catalogs.gettext(locale),
            locale=locale,
            zone=self.zone,
            job_speed=self.job_speed,
        )


def _split_envelope(document: etree._Element) -> tuple[RequestHeaders, etree._Element]:
    if document.tag != f"{{{SOAP_ENV_11}}}Envelope":
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
            f"Invalid request XML: the root element is {document.tag}, not a SOAP 1.1 Envelope.",
        )
    header = document.find(f"{{{SOAP_ENV_11}}}Header")
    body = document.find(f"{{{SOAP_ENV_11}}}Body")
    payload = [e for e in body if isinstance(e.tag, str)] if body is not None else []
    if len(payload) != 1:
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML,
            "Invalid request XML: the SOAP Body must hold exactly one operation element.",
        )
    namespace = etree.QName(payload[0]).namespace
    elements = list(header) if header is not None else []
    return read_headers(elements, namespace), payload[0]


def _input_error(error: Any, op: Operation) -> IpsApiError:
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
        f"Invalid {op.param_element}: {getattr(error, 'faultstring', error)}",
    )


def _as_ips_error(fault: Any) -> IpsError:
    if isinstance(fault, IpsFault):
        return fault.error
    log.error("unexpected error in an operation: %r", fault)
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_EXCEPTION,
        "The emulator hit an internal error processing this request.",
    )


def _fault_response(
    error: IpsError, headers: RequestHeaders, operation: str | None = None
) -> SoapResponse:
    auth = headers.auth
    status = auth.fault_http_status_code if auth and auth.fault_http_status_code else 500
    return SoapResponse(
        status=status,
        body=fault_envelope(error),
        operation=operation,
        fault_code=int(error.code),
        gzip=auth.gzip_response if auth else None,
    )
