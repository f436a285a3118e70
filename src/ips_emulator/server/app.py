"""The WSGI application: the SOAP endpoint and the WSDL at the real IPS paths."""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from ips_emulator.config import Settings
from ips_emulator.domain.clock import Clock, OffsetClock
from ips_emulator.domain.passwords import without_secrets
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.domain.seed import load_seed
from ips_emulator.errors import FaultCode, IpsApiError
from ips_emulator.i18n import Catalogs
from ips_emulator.protocol.calls import SoapRequest, SoapResponse
from ips_emulator.protocol.endpoint import SoapEndpoint
from ips_emulator.protocol.faults import fault_envelope
from ips_emulator.resources import data_dir, package_file
from ips_emulator.server.admin import AdminApi
from ips_emulator.server.injection import FaultInjector
from ips_emulator.server.journal import Journal, JournalEntry
from ips_emulator.server.limits import read_body, xml_limits
from ips_emulator.server.wsdl import WsdlFiles
from ips_emulator.storage.db import Database
from ips_emulator.storage.directory import has_companies

log = logging.getLogger(__name__)

SERVICE_PATH = "/scene7/services/IpsApiService"
PLAIN_PATH = "/scene7/api/IpsApiService"
DEFAULT_WSDL = "IpsApi-2008-01-15.wsdl"

_ROUTES = Map(
    [
        Rule(SERVICE_PATH, endpoint="service", methods=["GET", "POST"]),
        Rule(PLAIN_PATH, endpoint="plain", methods=["POST"]),
        Rule("/scene7/webservice/<name>", endpoint="wsdl", methods=["GET"]),
        Rule("/scene7/<name>", endpoint="wsdl", methods=["GET"]),
    ]
)


def demo_document() -> dict[str, Any]:
    """The documented getAssetJobLogs example as a seed document."""
    data: dict[str, Any] = json.loads(package_file("demo.json").read_text(encoding="utf-8"))
    return data


def load_demo_data(database: Database) -> bool:
    """Load the documented example into an empty database; True if it was loaded."""
    with database.session() as session:
        if has_companies(session):
            return False
        load_seed(session, demo_document())
    return True


class EmulatorApp:
    """The emulator as a WSGI application (see ``create_app``)."""

    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock: Clock = clock or OffsetClock()
        self.journal = Journal()
        self.faults = FaultInjector()
        self.database = Database(settings.database_url)
        self.database.create_schema()
        if settings.load_demo:
            load_demo_data(self.database)
        self.catalogs = Catalogs(data_dir("locales"), settings.default_locale)
        self.soap = SoapEndpoint(
            self.database.session,
            self.catalogs,
            self.clock,
            ZoneInfo(settings.timezone),
            settings.job_speed,
            hooks=self.faults,
            xml_limits=xml_limits(settings),
            login_throttle=LoginThrottle(settings.login_failure_limit),
        )
        self.wsdl = WsdlFiles(data_dir("wsdl"))
        self.admin = AdminApi(self)

    def reset(self) -> None:
        """Back to a fresh start: empty tables (plus the demo data unless --no-demo),
        no journal, no injected faults, the clock back to real time."""
        self.database.clear()
        if self.settings.load_demo:
            load_demo_data(self.database)
        self.journal.clear()
        self.faults.clear()
        reset_clock = getattr(self.clock, "reset", None)
        if callable(reset_clock):
            reset_clock()

    def seed(self, document: Mapping[str, Any]) -> None:
        """Load a seed document, all or nothing (``SeedError`` names what is wrong)."""
        with self.database.session() as session:
            load_seed(session, document)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        # Not stored in the environ: that reference cycle would keep every request's
        # objects alive until the next garbage collection.
        request = Request(environ, populate_request=False)
        try:
            response = self.dispatch(request)
        except HTTPException as exc:
            response = exc.get_response(environ)
        except Exception:  # a bug: logged with its traceback, answered without one
            log.exception("unexpected error answering %s %s", request.method, request.path)
            response = _internal_error()
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        if AdminApi.handles(request.path):
            return self.admin.dispatch(request)
        adapter = _ROUTES.bind_to_environ(request.environ)
        endpoint, args = adapter.match()
        if endpoint == "wsdl":
            return self.serve_wsdl(request, args["name"])
        if endpoint == "plain":
            return self.serve_soap(request, plain=True)
        if request.method == "GET":
            if any(key.lower() == "wsdl" for key in request.args):
                return self.serve_wsdl(request, DEFAULT_WSDL)
            raise MethodNotAllowed(
                valid_methods=["POST"],
                description="POST SOAP requests here; the WSDL is at ?wsdl or "
                f"/scene7/webservice/{DEFAULT_WSDL}.",
            )
        return self.serve_soap(request)

    def serve_wsdl(self, request: Request, name: str) -> Response:
        service_url = request.args.get("serviceUrl") or request.host_url.rstrip("/") + SERVICE_PATH
        body = self.wsdl.render(name, service_url)
        if body is None:
            raise NotFound(f"No WSDL named {name!r}; served: {', '.join(self.wsdl.names())}.")
        return Response(body, content_type="text/xml;charset=UTF-8")

    def serve_soap(self, request: Request, plain: bool = False) -> Response:
        auth = request.authorization
        basic = (
            (auth.username or "", auth.password or "") if auth and auth.type == "basic" else None
        )
        soap_request = SoapRequest(
            body=read_body(request, self.settings.max_body_bytes),
            basic_credentials=basic,
            accept_language=request.headers.get("Accept-Language"),
        )
        answer = (self.soap.handle_plain if plain else self.soap.handle)(soap_request)
        self.journal.record(
            JournalEntry(
                time=self.clock.now(),
                operation=answer.operation,
                user=answer.user,
                locale=answer.locale,
                params=without_secrets(answer.params),
                fault_code=answer.fault_code,
                http_status=answer.status,
            )
        )
        return _http_response(request, answer)


def _internal_error() -> Response:
    """An ipsApiFault 30000 in a SOAP 1.1 envelope: clients always get a well-formed answer."""
    error = IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_EXCEPTION,
        "The emulator hit an internal error processing this request.",
    )
    return Response(fault_envelope(error), status=500, content_type="text/xml;charset=UTF-8")


def _http_response(request: Request, answer: SoapResponse) -> Response:
    body = answer.body
    headers = {}
    accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    if answer.gzip is True or (answer.gzip is None and accepts_gzip):
        body = gzip.compress(body, compresslevel=5)
        headers["Content-Encoding"] = "gzip"
    return Response(body, status=answer.status, content_type=answer.content_type, headers=headers)


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> EmulatorApp:
    """The emulator's WSGI application for ``settings`` (default: from the environment)."""
    return EmulatorApp(settings or Settings.from_env(), clock)
