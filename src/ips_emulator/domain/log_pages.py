"""A job's log a page at a time, for the admin API (docs/admin-api.md, Job logs).

Pages are cut on each entry's (created, id) key, not by offset, so they stay right
while the job writes entries: a page starts after (or ends before) the key of the
entry at the edge of the page the client saw.
"""

from __future__ import annotations

from dataclasses import dataclass

from ips_emulator.domain import job_runner
from ips_emulator.domain.context import RequestScope
from ips_emulator.records import CompanyRecord, EntryKey, EntryRow, RunRecord
from ips_emulator.storage import directory, jobs, log_pages

#: Where a page starts: ("next", the key it starts after) or ("prev", the key it ends before).
Position = tuple[str, EntryKey]


@dataclass(frozen=True, slots=True)
class LogPage:
    entries: list[EntryRow]
    #: The job's entries at the time of the request.
    total: int
    #: Where the next and the previous page start; None at either end of the log.
    next_key: EntryKey | None
    prev_key: EntryKey | None


def find_company(scope: RequestScope, handle: str) -> CompanyRecord | None:
    return directory.find_company_by_handle(scope.store, handle)


def find_job(scope: RequestScope, company: CompanyRecord, job_handle: str) -> RunRecord | None:
    """The run ``job_handle`` names (a run's handle, or a submission's for its latest run)."""
    # A running job's entries are written when someone looks, as for SOAP reads.
    job_runner.bring_up_to_date(scope, [company.id])
    return jobs.find_run(scope.store, company.id, job_handle)


def job_log_page(
    scope: RequestScope, job_id: int, position: Position | None, limit: int
) -> LogPage:
    """Up to ``limit`` entries of the job's log from ``position`` (None: the first page)."""
    store = scope.store
    if position is not None and position[0] == "prev":
        rows = log_pages.entries_before(store, job_id, position[1], limit + 1)
        earlier = len(rows) > limit
        rows = rows[-limit:] if earlier else rows
        later = bool(rows) and log_pages.has_entries(store, job_id, after=rows[-1].key)
    else:
        after = position[1] if position is not None else None
        rows = log_pages.entries_after(store, job_id, after, limit + 1)
        later = len(rows) > limit
        rows = rows[:limit]
        earlier = bool(rows) and log_pages.has_entries(store, job_id, before=rows[0].key)
    return LogPage(
        rows,
        log_pages.count_entries(store, job_id),
        rows[-1].key if later else None,
        rows[0].key if earlier else None,
    )
