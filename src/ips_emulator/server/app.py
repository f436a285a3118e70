"""The WSGI application: the SOAP endpoint and the WSDL at the real IPS paths."""

from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from werkzeug.datastructures import Authorization
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from ips_emulator.config import Settings
from ips_emulator.domain.clock import Clock, OffsetClock
from ips_emulator.domain.passwords import without_secrets
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.domain.seed import SeedResult, load_if_empty, load_seed, replace_all
from ips_emulator.domain.transactions import Transactions
from ips_emulator.errors import FaultCode, IpsApiError
from ips_emulator.i18n import Catalogs
from ips_emulator.protocol.calls import SoapRequest
from ips_emulator.protocol.endpoint import SoapEndpoint
from ips_emulator.protocol.faults import fault_envelope
from ips_emulator.resources import data_dir, package_file
from ips_emulator.server.admin import AdminApi
from ips_emulator.server.injection import FaultInjector
from ips_emulator.server.journal import Journal, JournalEntry
from ips_emulator.server.limits import read_body, xml_limits
from ips_emulator.server.logs import log_call
from ips_emulator.server.tarpit import FailedLoginTarpit, peer_of
from ips_emulator.server.wsdl import WsdlFiles
from ips_emulator.storage.db import Database

log = logging.getLogger(__name__)

SERVICE_PATH = "/scene7/services/IpsApiService"
PLAIN_PATH = "/scene7/api/IpsApiService"
DEFAULT_WSDL = "IpsApi-2008-01-15.wsdl"
#: Liveness (the process answers; no database) and readiness (the database answers too).
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"

#: The SOAP bindings' paths -> is it the plain-XML one. POSTs there bypass the map.
_SOAP_POSTS = {SERVICE_PATH: False, PLAIN_PATH: True}
_ROUTES = Map(
    [
        Rule(SERVICE_PATH, endpoint="service", methods=["GET", "POST"]),
        Rule(PLAIN_PATH, endpoint="plain", methods=["POST"]),
        Rule("/scene7/webservice/<name>", endpoint="wsdl", methods=["GET"]),
        Rule("/scene7/<name>", endpoint="wsdl", methods=["GET"]),
        Rule(HEALTH_PATH, endpoint="health", methods=["GET"]),
        Rule(READY_PATH, endpoint="ready", methods=["GET"]),
    ]
)


def demo_document() -> dict[str, Any]:
    """The documented getAssetJobLogs example as a seed document."""
    data: dict[str, Any] = json.loads(package_file("demo.json").read_text(encoding="utf-8"))
    return data


def load_demo_data(transactions: Transactions) -> bool:
    """Load the documented example into an empty database; True if it was loaded."""
    document = demo_document()
    return transactions.run("demo data", lambda store: load_if_empty(store, document))


class EmulatorApp:
    """The emulator as a WSGI application (see ``create_app``)."""

    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock: Clock = clock or OffsetClock()
        self.journal = Journal()
        self.faults = FaultInjector()
        self.database = Database(settings.database_url)
        self.database.create_schema()
        self.transactions = Transactions(self.database.store)
        if settings.load_demo:
            load_demo_data(self.transactions)
        self.catalogs = Catalogs(data_dir("locales"), settings.default_locale)
        self.soap = SoapEndpoint(
            self.transactions,
            self.catalogs,
            self.clock,
            ZoneInfo(settings.timezone),
            settings.job_speed,
            hooks=self.faults,
            xml_limits=xml_limits(settings),
            login_throttle=LoginThrottle(settings.login_failure_limit),
        )
        #: Connections that keep failing to log in wait (``server/tarpit``).
        self.tarpit = FailedLoginTarpit()
        self.wsdl = WsdlFiles(data_dir("wsdl"))
        self.admin = AdminApi(self)

    def reset(self) -> None:
        """Back to a fresh start: empty tables (plus the demo data unless --no-demo),
        no journal, no injected faults, the clock back to real time."""
        demo = demo_document() if self.settings.load_demo else None
        self.transactions.run("reset", lambda store: replace_all(store, demo))
        self.journal.clear()
        self.faults.clear()
        self.tarpit.clear()
        reset_clock = getattr(self.clock, "reset", None)
        if callable(reset_clock):
            reset_clock()

    def seed(self, document: Mapping[str, Any]) -> SeedResult:
        """Load a seed document, all or nothing (``SeedError`` names what is wrong)."""
        return self.transactions.run("seed", lambda store: load_seed(store, document))

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        try:
            plain = _soap_post(environ)
            if plain is not None:
                return self.serve_soap(environ, start_response, plain)
            # Not stored in the environ: that reference cycle would keep every request's
            # objects alive until the next garbage collection.
            response = self.dispatch(Request(environ, populate_request=False))
        except HTTPException as exc:
            response = exc.get_response(environ)
        except Exception:  # a bug: logged with its traceback, answered without one
            log.exception(
                "unexpected error answering %s %s",
                environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO"),
            )
            response = _internal_error()
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        if AdminApi.handles(request.path):
            return self.admin.dispatch(request)
        adapter = _ROUTES.bind_to_environ(request.environ)
        endpoint, args = adapter.match()
        if endpoint == "health":
            return _health(None)
        if endpoint == "ready":
            return _health(self.database.unreachable())
        if endpoint == "wsdl":
            return self.serve_wsdl(request, args["name"])
        if any(key.lower() == "wsdl" for key in request.args):  # GET on the service
            return self.serve_wsdl(request, DEFAULT_WSDL)
        raise MethodNotAllowed(
            valid_methods=["POST"],
            description="POST SOAP requests here; the WSDL is at ?wsdl or "
            f"/scene7/webservice/{DEFAULT_WSDL}.",
        )

    def serve_wsdl(self, request: Request, name: str) -> Response:
        service_url = request.args.get("serviceUrl") or request.host_url.rstrip("/") + SERVICE_PATH
        body = self.wsdl.render(name, service_url)
        if body is None:
            raise NotFound(f"No WSDL named {name!r}; served: {', '.join(self.wsdl.names())}.")
        return Response(body, content_type="text/xml;charset=UTF-8")

    def serve_soap(self, environ: dict[str, Any], start_response: Any, plain: bool) -> list[bytes]:
        started = time.perf_counter()
        soap_request = SoapRequest(
            body=read_body(environ, self.settings.max_body_bytes),
            basic_credentials=_basic_credentials(environ),
            accept_language=environ.get("HTTP_ACCEPT_LANGUAGE"),
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
        if answer.fault_code in _LOGIN_FAILURES and answer.user is None:
            # Not logged in (an injected fault comes after the login, with its user).
            peer = peer_of(environ)
            if peer is not None:
                self.tarpit.failed(peer)
        params = answer.params
        log_call(
            answer.operation, answer.version, answer.user,
            params.get("companyHandle") if params else None,
            answer.fault_code, answer.status, started, time.perf_counter(),
        )  # fmt: skip
        body, headers = answer.body, [("Content-Type", answer.content_type)]
        accepts_gzip = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "").lower()
        if answer.gzip is True or (answer.gzip is None and accepts_gzip):
            body = gzip.compress(body, compresslevel=5)
            headers.append(("Content-Encoding", "gzip"))
        headers.append(("Content-Length", str(len(body))))
        start_response(_status_line(answer.status), headers)
        return [body]


_LOGIN_FAILURES = frozenset(
    {
        FaultCode.AUTHENTICATION_FAULT_CODE_NO_CREDENTIALS,
        FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS,
        FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_USER,
    }
)


def _soap_post(environ: dict[str, Any]) -> bool | None:
    """For a POST to a SOAP binding: whether it is the plain-XML one; None otherwise.

    These are served as plain WSGI, without werkzeug's request and response objects:
    they cost about a seventh of a getAssetJobLogs call (measured, bench/README.md).
    """
    if environ.get("REQUEST_METHOD") != "POST":
        return None
    return _SOAP_POSTS.get(environ.get("PATH_INFO", ""))


def _basic_credentials(environ: dict[str, Any]) -> tuple[str, str] | None:
    header = environ.get("HTTP_AUTHORIZATION")
    auth = Authorization.from_header(header) if header else None
    if auth is None or auth.type != "basic":
        return None
    return auth.username or "", auth.password or ""


def _status_line(status: int) -> str:
    """As werkzeug writes it (its responses serve every other path)."""
    return f"{status} {HTTP_STATUS_CODES.get(status, 'unknown').upper()}"


def _health(problem: str | None) -> Response:
    """200 ``{"status": "ok"}``, or 503 ``{"status": "unavailable", "reason": ...}``."""
    body: dict[str, str] = {"status": "ok"} if problem is None else {
        "status": "unavailable", "reason": problem}  # fmt: skip
    return Response(
        json.dumps(body),
        status=200 if problem is None else 503,
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def _internal_error() -> Response:
    """An ipsApiFault 30000 in a SOAP 1.1 envelope: clients always get a well-formed answer."""
    error = IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_EXCEPTION,
        "The emulator hit an internal error processing this request.",
    )
    return Response(fault_envelope(error), status=500, content_type="text/xml;charset=UTF-8")


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> EmulatorApp:
    """The emulator's WSGI application for ``settings`` (default: from the environment)."""
    return EmulatorApp(settings or Settings.from_env(), clock)
