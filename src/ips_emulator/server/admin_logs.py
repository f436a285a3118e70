"""GET /admin/companies/{companyHandle}/jobs/{jobHandle}/logs: a job's log, page by page.

Cursors are opaque to clients: base64url JSON naming the job, a direction and
the (created, id) key of the entry the page starts after or ends before.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ips_emulator.domain import log_pages
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.log_pages import LogPage, Position
from ips_emulator.domain.messages import render
from ips_emulator.records import EntryKey, EntryRow
from ips_emulator.server.admin_http import AdminError, field_error, iso

if TYPE_CHECKING:
    from ips_emulator.server.app import EmulatorApp

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MESSAGE_LOCALE = "en-US"


def parse_limit(text: str | None) -> int:
    if text is None:
        return DEFAULT_LIMIT
    try:
        limit = int(text)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise field_error("limit", f"must be an integer from 1 to {MAX_LIMIT} (got {text!r})")
    return limit


def encode_cursor(job_id: int, direction: str, key: EntryKey) -> str:
    created, entry_id = key
    data = {"job": job_id, "dir": direction, "created": created.isoformat(), "id": entry_id}
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


_MAX_ID = 2**63 - 1  # the widest integer column of either database


def _is_id(value: Any) -> bool:
    # bool is an int to Python: `true` would read as 1.
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_ID


def _cursor_fields(text: str) -> tuple[str, datetime, int, int] | None:
    """(direction, created in UTC, entry id, job id) of a well-formed cursor, else None."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw)
        direction, created = data["dir"], datetime.fromisoformat(data["created"])
        entry_id, cursor_job = data["id"], data["job"]
        if created.tzinfo is None:
            return None
        created = created.astimezone(UTC)
    # RecursionError: deep nesting; OverflowError: an instant past year 9999 in UTC.
    except (binascii.Error, ValueError, TypeError, KeyError, RecursionError, OverflowError):
        return None
    if direction not in ("next", "prev") or not (_is_id(entry_id) and _is_id(cursor_job)):
        return None
    return direction, created, entry_id, cursor_job


def decode_cursor(text: str, job_id: int) -> Position:
    """(direction, key) of a cursor this endpoint wrote for this job (422 otherwise)."""
    fields = _cursor_fields(text)
    if fields is None:
        raise field_error("page_cursor", "is not a cursor this endpoint returned")
    direction, created, entry_id, cursor_job = fields
    if cursor_job != job_id:
        raise field_error("page_cursor", "belongs to another job's log")
    return direction, (created, entry_id)


def _item(row: EntryRow, app: EmulatorApp, zone: ZoneInfo) -> dict[str, Any]:
    locale = app.catalogs.match(MESSAGE_LOCALE) or app.catalogs.default
    return {
        "logType": row.log_type,
        "template": row.template_id,
        "params": dict(row.params),
        "message": render(row.template_id, row.params, app.catalogs.messages(locale)),
        "date": iso(row.created.astimezone(zone)),
        "assetHandle": row.asset_handle,
    }


def _read(
    app: EmulatorApp,
    zone: ZoneInfo,
    company_handle: str,
    job_handle: str,
    cursor: str | None,
    limit: int,
) -> Callable[[Any], tuple[int, LogPage]]:
    """The work of one page's transaction: (the job's id, the page)."""

    def read(store: Any) -> tuple[int, LogPage]:
        scope = RequestScope(
            store=store,
            clock=app.clock,
            messages=app.catalogs.messages(app.catalogs.default),
            locale=app.catalogs.default,
            zone=zone,
            job_speed=app.settings.job_speed,
        )
        company = log_pages.find_company(scope, company_handle)
        if company is None:
            raise AdminError(404, "not_found", f"No company with handle {company_handle!r}.")
        run = log_pages.find_job(scope, company, job_handle)
        if run is None:
            raise AdminError(
                404, "not_found", f"No job {job_handle!r} in company {company_handle!r}."
            )
        position = decode_cursor(cursor, run.id) if cursor is not None else None
        return run.id, log_pages.job_log_page(scope, run.id, position, limit)

    return read


def job_log_page(
    app: EmulatorApp, company_handle: str, job_handle: str, args: Mapping[str, str]
) -> dict[str, Any]:
    limit = parse_limit(args.get("limit"))
    zone = ZoneInfo(app.settings.timezone)
    read = _read(app, zone, company_handle, job_handle, args.get("page_cursor"), limit)
    job_id, page = app.transactions.run("admin job logs", read)
    return {
        "data": [_item(row, app, zone) for row in page.entries],
        "total": page.total,
        "next_page": encode_cursor(job_id, "next", page.next_key) if page.next_key else None,
        "prev_page": encode_cursor(job_id, "prev", page.prev_key) if page.prev_key else None,
    }
