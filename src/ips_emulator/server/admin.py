"""The JSON admin API under ``/admin/``: drive the emulator from a test (docs/admin-api.md).

It is closed unless the server was given a token (``serve --admin-token``), and
every request must carry ``Authorization: Bearer <token>``. It is plain JSON,
not IPS: errors are ``{"error": ..., "message": ...}`` bodies, and 422 answers
add ``"errors": [{"field": ..., "message": ...}]``. A database failure is 503, a bug 500,
both JSON too: a client of this API reads JSON, never a SOAP fault.
"""

from __future__ import annotations

import hmac
import logging
import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from ips_emulator.domain.instants import RANGE_TEXT, instant_problem, parse_datetime
from ips_emulator.domain.seed import SeedError
from ips_emulator.domain.seed_schema import date_problem
from ips_emulator.errors import StorageError
from ips_emulator.server.admin_http import (
    AdminError,
    field_error,
    invalid,
    iso,
    json_body,
    json_response,
)
from ips_emulator.server.admin_logs import job_log_page
from ips_emulator.server.injection import FaultRule, error_for

if TYPE_CHECKING:
    from ips_emulator.server.app import EmulatorApp

log = logging.getLogger(__name__)

PREFIX = "/admin/"
REALM = 'Bearer realm="ips-emulator admin"'

ROUTES = Map(
    [
        Rule("/admin/reset", endpoint="reset", methods=["POST"]),
        Rule("/admin/seed", endpoint="seed", methods=["POST"]),
        Rule("/admin/faults", endpoint="faults", methods=["GET", "POST", "DELETE"]),
        Rule("/admin/journal", endpoint="journal", methods=["GET"]),
        Rule("/admin/clock", endpoint="clock", methods=["GET", "POST"]),
        Rule(
            "/admin/companies/<company_handle>/jobs/<path:job_handle>/logs",
            endpoint="job_logs",
            methods=["GET"],
        ),
    ],
    strict_slashes=False,
)

_FAULT_FIELDS = ("operation", "companyHandle", "user", "times", "code", "reason", "delay")


class AdminApi:
    """Routes ``/admin/...`` requests of one ``EmulatorApp``."""

    def __init__(self, app: EmulatorApp) -> None:
        self.app = app
        self._handlers: dict[str, Callable[[Request, Mapping[str, Any]], Response]] = {
            "reset": self.reset,
            "seed": self.seed,
            "faults": self.faults,
            "journal": self.journal,
            "clock": self.clock,
            "job_logs": self.job_logs,
        }

    @staticmethod
    def handles(path: str) -> bool:
        return path.startswith(PREFIX) or path == PREFIX.rstrip("/")

    def dispatch(self, request: Request) -> Response:
        try:
            self.authorize(request)
            adapter = ROUTES.bind_to_environ(request.environ)
            try:
                endpoint, args = adapter.match()
            except MethodNotAllowed as exc:
                allowed = ", ".join(exc.valid_methods or [])
                raise AdminError(
                    405, "method_not_allowed", f"Use {allowed}.", headers={"Allow": allowed}
                ) from None
            except NotFound:
                raise AdminError(
                    404, "not_found", f"No admin endpoint {request.path} (docs/admin-api.md)."
                ) from None
            return self._handlers[str(endpoint)](request, args)
        except AdminError as exc:
            return exc.response()
        except StorageError as exc:
            log.warning("database failure in %s %s: %s", request.method, request.path, exc.summary)
            exc.__traceback__ = None  # its frames hold it: a cycle left for the collector
            return AdminError(503, "unavailable", exc.reason).response()
        except Exception:  # a bug: logged with its traceback, answered without one
            log.exception("unexpected error answering %s %s", request.method, request.path)
            message = "The emulator hit an internal error processing this request."
            return AdminError(500, "internal", message).response()

    def authorize(self, request: Request) -> None:
        expected = self.app.settings.admin_token
        if not expected:
            raise AdminError(
                401,
                "unauthorized",
                "The admin API is off: start the server with --admin-token TOKEN.",
                headers={"WWW-Authenticate": REALM},
            )
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AdminError(
                401,
                "unauthorized",
                "Send the admin token as Authorization: Bearer TOKEN.",
                headers={"WWW-Authenticate": REALM},
            )
        if not hmac.compare_digest(token.strip().encode(), expected.encode()):
            raise AdminError(
                401,
                "unauthorized",
                "The admin token is wrong.",
                headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'},
            )

    def reset(self, request: Request, args: Mapping[str, Any]) -> Response:
        self.app.reset()
        return Response(status=204)

    def seed(self, request: Request, args: Mapping[str, Any]) -> Response:
        document = json_body(request)
        try:
            result = self.app.seed(document)
        except SeedError as exc:
            raise invalid([{"field": p.path, "message": p.message} for p in exc.errors]) from None
        return json_response(result.to_json(), 201)

    def faults(self, request: Request, args: Mapping[str, Any]) -> Response:
        if request.method == "GET":
            return json_response([rule_json(r) for r in self.app.faults.rules()])
        if request.method == "DELETE":
            self.app.faults.clear()
            return Response(status=204)
        rule = self.app.faults.add(fault_rule(json_body(request)))
        return json_response(rule_json(rule), 201)

    def journal(self, request: Request, args: Mapping[str, Any]) -> Response:
        operation = request.args.get("operation") or None
        return json_response([e.to_json() for e in self.app.journal.entries(operation)])

    def clock(self, request: Request, args: Mapping[str, Any]) -> Response:
        if request.method == "POST":
            move_clock(self.app.clock, json_body(request))
        return json_response({"now": iso(self.app.clock.now())})

    def job_logs(self, request: Request, args: Mapping[str, Any]) -> Response:
        page = job_log_page(self.app, args["company_handle"], args["job_handle"], request.args)
        return json_response(page)


def rule_json(rule: FaultRule) -> dict[str, Any]:
    return {
        "operation": rule.operation,
        "companyHandle": rule.company_handle,
        "user": rule.user,
        "times": rule.times,
        "code": rule.code,
        "reason": rule.reason,
        "delay": rule.delay,
        "used": rule.used,
    }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    if not (_is_int(value) or isinstance(value, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer no float holds (JSON allows 10**400)
        return False


def _known_code(code: int) -> bool:
    try:
        error_for(code, "")
    except (ValueError, KeyError):
        return False
    return True


def _fault_errors(body: Mapping[str, Any]) -> list[dict[str, str]]:
    errors = [
        {"field": key, "message": f"unknown field (known: {', '.join(_FAULT_FIELDS)})"}
        for key in body
        if key not in _FAULT_FIELDS
    ]

    def bad(field: str, message: str) -> None:
        errors.append({"field": field, "message": message})

    operation = body.get("operation")
    if not isinstance(operation, str) or not operation:
        bad("operation", 'is required: an operation name such as getAssetJobLogs, or "*"')
    for key in ("companyHandle", "user", "reason"):
        if body.get(key) is not None and not isinstance(body[key], str):
            bad(key, "must be a string")
    times = body.get("times", 1)
    if times is not None and (not _is_int(times) or times < 1):
        bad("times", "must be an integer of at least 1, or null for every call")
    delay = body.get("delay", 0)
    if not _is_number(delay) or delay < 0:
        bad("delay", "must be a number of seconds, 0 or more")
    code = body.get("code")
    if code is not None and not (_is_int(code) and _known_code(code)):
        bad("code", f"{code!r} is not an IPS fault code (10000-10002, 20000-20009, 30000-30003)")
    elif code is None and not errors and not delay:
        bad("code", "give a code, a delay, or both")
    return errors


def fault_rule(body: Any) -> FaultRule:
    """The ``FaultRule`` a POST /admin/faults body describes (422 naming each bad field)."""
    if not isinstance(body, dict):
        raise field_error("$", "must be a JSON object")
    errors = _fault_errors(body)
    if errors:
        raise invalid(errors)
    return FaultRule(
        operation=body["operation"],
        company_handle=body.get("companyHandle"),
        user=body.get("user"),
        times=body.get("times", 1),
        code=body.get("code"),
        reason=body.get("reason") or "Injected fault",
        delay=float(body.get("delay", 0)),
    )


def _advance(clock: Any, seconds: float) -> timedelta:
    """``seconds`` as a step that keeps the clock inside the accepted range of instants
    (past it, every call would fail to show or compute a date)."""
    try:
        step = timedelta(seconds=seconds)
        problem = instant_problem(clock.now() + step, UTC)
    except OverflowError:
        problem = f"the instant is outside the range the server accepts ({RANGE_TEXT})"
    if problem:
        raise field_error("advance", problem)
    return step


def move_clock(clock: Any, body: Any) -> None:
    """Set or advance the server clock as a POST /admin/clock body says."""
    if not isinstance(body, dict) or len(body.keys() & {"set", "advance"}) != 1:
        raise field_error("$", 'give exactly one of "set" (ISO date-time) or "advance" (seconds)')
    if unknown := sorted(body.keys() - {"set", "advance"}):
        raise invalid([{"field": k, "message": "unknown field"} for k in unknown])
    value: datetime | timedelta
    if "set" in body:
        text = body["set"]
        problem = date_problem(text) if isinstance(text, str) else "must be a string"
        if problem:
            raise field_error("set", problem)
        action, value = "set", parse_datetime(text)
    else:
        seconds = body["advance"]
        if not _is_number(seconds):
            raise field_error("advance", "must be a number of seconds")
        action, value = "advance", _advance(clock, seconds)
    method = getattr(clock, action, None)
    if not callable(method):
        raise AdminError(409, "conflict", f"The server clock ({type(clock).__name__}) is fixed.")
    method(value)
