"""GET /admin/companies/{companyHandle}/jobs/{jobHandle}/logs: a job's log, page by page.

Cursors are opaque to clients: base64url JSON naming the job, a direction and
the (created, id) key of the entry the page starts after or ends before.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ips_emulator.domain import job_runner
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.messages import render
from ips_emulator.server.admin_http import AdminError, field_error, iso
from ips_emulator.storage import directory, jobs
from ips_emulator.storage.log_pages import (
    EntryRow,
    Key,
    count_entries,
    entries_after,
    entries_before,
    has_entries,
)

if TYPE_CHECKING:
    from ips_emulator.server.app import EmulatorApp
    from ips_emulator.storage.db import Store

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


def encode_cursor(job_id: int, direction: str, key: Key) -> str:
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


def decode_cursor(text: str, job_id: int) -> tuple[str, Key]:
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


def _page(
    store: Store, job_id: int, cursor: tuple[str, Key] | None, limit: int
) -> tuple[list[EntryRow], Key | None, Key | None]:
    """(rows, next key or None, prev key or None) of one page."""
    if cursor is not None and cursor[0] == "prev":
        rows = entries_before(store, job_id, cursor[1], limit + 1)
        earlier = len(rows) > limit
        rows = rows[-limit:] if earlier else rows
        later = bool(rows) and has_entries(store, job_id, after=rows[-1].key)
    else:
        after = cursor[1] if cursor is not None else None
        rows = entries_after(store, job_id, after, limit + 1)
        later = len(rows) > limit
        rows = rows[:limit]
        earlier = bool(rows) and has_entries(store, job_id, before=rows[0].key)
    return (
        rows,
        rows[-1].key if later else None,
        rows[0].key if earlier else None,
    )


def job_log_page(
    app: EmulatorApp, company_handle: str, job_handle: str, args: Mapping[str, str]
) -> dict[str, Any]:
    limit = parse_limit(args.get("limit"))
    zone = ZoneInfo(app.settings.timezone)
    with app.database.store() as store:
        company = directory.find_company_by_handle(store, company_handle)
        if company is None:
            raise AdminError(404, "not_found", f"No company with handle {company_handle!r}.")
        # A running job's entries are written when someone looks, as for SOAP reads.
        job_runner.bring_up_to_date(
            RequestScope(
                store=store,
                clock=app.clock,
                messages=app.catalogs.messages(app.catalogs.default),
                locale=app.catalogs.default,
                zone=zone,
                job_speed=app.settings.job_speed,
            )
        )
        run = jobs.find_run(store, company.id, job_handle)
        if run is None:
            raise AdminError(
                404, "not_found", f"No job {job_handle!r} in company {company_handle!r}."
            )
        cursor = decode_cursor(args["page_cursor"], run.id) if "page_cursor" in args else None
        rows, next_key, prev_key = _page(store, run.id, cursor, limit)
        total = count_entries(store, run.id)
    return {
        "data": [_item(row, app, zone) for row in rows],
        "total": total,
        "next_page": encode_cursor(run.id, "next", next_key) if next_key else None,
        "prev_page": encode_cursor(run.id, "prev", prev_key) if prev_key else None,
    }
