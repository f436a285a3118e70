"""The admin API's HTTP pieces: JSON bodies in and out, and its error answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from werkzeug.wrappers import Request, Response

MAX_ADMIN_BODY = 64 * 1024 * 1024  # seed documents can be large


class AdminError(Exception):
    """An admin API error answer."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        errors: list[dict[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"error": error, "message": message}
        if errors is not None:
            self.body["errors"] = errors
        self.headers = dict(headers or {})

    def response(self) -> Response:
        return json_response(self.body, self.status, self.headers)


def invalid(errors: list[dict[str, str]]) -> AdminError:
    """422: the request is well-formed but names something wrong, field by field."""
    return AdminError(422, "invalid", "The request is invalid: see errors.", errors)


def field_error(field: str, message: str) -> AdminError:
    return invalid([{"field": field, "message": message}])


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    text = json.dumps(data, ensure_ascii=False, default=str)
    return Response(text, status=status, headers=headers, content_type="application/json")


def iso(instant: datetime) -> str:
    return instant.isoformat(timespec="milliseconds")


def json_body(request: Request) -> Any:
    if request.content_length is not None and request.content_length > MAX_ADMIN_BODY:
        raise AdminError(413, "too_large", f"Bodies are limited to {MAX_ADMIN_BODY} bytes.")
    data = request.stream.read(MAX_ADMIN_BODY + 1)
    if len(data) > MAX_ADMIN_BODY:
        raise AdminError(413, "too_large", f"Bodies are limited to {MAX_ADMIN_BODY} bytes.")
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise AdminError(400, "bad_request", f"The body is not JSON: {exc}.") from None
    except RecursionError:  # json's parser recurses per level: about 1,000 is its limit
        raise AdminError(400, "bad_request", "The body is nested too deeply to read.") from None
