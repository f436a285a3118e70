"""What the asset operations share: finding the asset a request names, the per-item
results of the batch operations, and the job log a change to assets leaves.

A batch (deleteAssets, moveAssets, emptyAssetsFromTrash, restoreAssetsFromTrash) acts
on each item alone: an item the single operation would refuse becomes an
``AssetOperationFault`` holding the fault's code and reason ("The code and reason fields
correspond to the fault message fields that would have been thrown for the equivalent
non-batch operation", r-asset-operation-fault.md), and the other items go on. Each item
checks everything before it writes, so a refused item changes nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from ips_emulator.domain import job_runner
from ips_emulator.domain.auth import company_for_caller, require_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter, missing_parameter
from ips_emulator.records import NOT_IN_TRASH, AssetRecord, CompanyRecord
from ips_emulator.storage import assets, job_logs, jobs

T = TypeVar("T")
F = TypeVar("F")  # what a warning or error is: an ItemFault, a SetFault


@dataclass(frozen=True, slots=True)
class ItemFault:
    """One AssetOperationFault: the item's asset handle, fault code and reason."""

    asset_handle: str
    code: int
    reason: str


@dataclass(slots=True)
class BatchResult(Generic[F]):
    """successCount, and the warnings and errors of a batch, in the order of its items."""

    success_count: int = 0
    warnings: list[F] = field(default_factory=list)
    errors: list[F] = field(default_factory=list)


class ItemWarningError(Exception):
    """An item left as it was, reported as a warning (no single operation faults on it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


#: The code of a batch warning: the item's value is the cause, as for 30001.
WARNING_CODE = int(FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER)


def company_of(scope: RequestScope, company_handle: str | None) -> CompanyRecord:
    """The company the call names, its uploads due by now done (they make assets)."""
    if not company_handle:
        raise missing_parameter("companyHandle")
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    return company


def asset_of(scope: RequestScope, company: CompanyRecord, handle: str | None) -> AssetRecord:
    """The company's asset ``handle`` names: an unknown one, or another company's, is
    30001 naming ``assetHandle`` (as renameAsset and getAssetJobLogs answer)."""
    if not handle:
        raise missing_parameter("assetHandle")
    found = assets.find_by_handle(scope.store, handle, for_update=True)  # to write it
    if found is None or found.company_id != company.id:
        raise invalid_parameter("assetHandle", handle, "no such asset in the company")
    return found


def not_in_trash(asset: AssetRecord, handle: str) -> None:
    """Only a live asset is moved or renamed: one in the trash is restored first."""
    if asset.trash_state != NOT_IN_TRASH:
        raise invalid_parameter("assetHandle", handle, "the asset is in the trash")


def run_batch(
    items: Iterable[T], handle_of: Callable[[T], str], act: Callable[[T], None]
) -> BatchResult[ItemFault]:
    """``act`` on each item; a refusal becomes that item's error, ``ItemWarningError`` its
    warning, and the next item goes on."""
    result = BatchResult[ItemFault]()
    for item in items:
        try:
            act(item)
        except ItemWarningError as warning:
            result.warnings.append(ItemFault(handle_of(item), WARNING_CODE, warning.reason))
        except IpsApiError as error:
            result.errors.append(ItemFault(handle_of(item), int(error.code), error.reason))
        else:
            result.success_count += 1
    return result


@dataclass(frozen=True, slots=True)
class LogEntry:
    """An entry the action writes about one asset: (log type, template, the asset, and
    whether the entry is about it: not once it is purged)."""

    log_type: str
    template: str
    asset: AssetRecord
    attach: bool = True


class ActionLog:
    """The job log a trash action leaves: a run, done at once, dated now, submitted by
    the caller, with a Begin entry, one entry per asset acted on and an End entry (as an
    upload job's). Nothing is written when no asset was acted on."""

    def __init__(self, scope: RequestScope, company: CompanyRecord, kind: str) -> None:
        self.scope, self.company, self.kind = scope, company, kind
        self.entries: list[LogEntry] = []

    def add(self, log_type: str, template: str, asset: AssetRecord, attach: bool = True) -> None:
        self.entries.append(LogEntry(log_type, template, asset, attach))

    def write(self, begin: tuple[str, str], end: tuple[str, str]) -> None:
        if not self.entries:
            return
        scope, company = self.scope, self.company
        now = scope.clock.now()
        run_id = self._run(now)
        job_logs.add_entry(scope.store, run_id, begin[0], begin[1], {}, now)
        for entry in self.entries:
            asset = entry.asset
            params = {"asset_path": f"{company.root_path}{asset.folder}{asset.name}"}
            about = asset.id if entry.attach else None
            job_logs.add_entry(
                scope.store, run_id, entry.log_type, entry.template, params, now, about
            )
        job_logs.add_entry(scope.store, run_id, end[0], end[1], {}, now)

    def _run(self, now: datetime) -> int:
        local = now.astimezone(self.scope.zone)
        name = f"{self.kind}_{local:%Y-%m-%d-%H:%M:%S}"
        store, company = self.scope.store, self.company
        run_id = job_logs.add_job(
            store, company.id, require_caller(self.scope).user_id, name, name, self.kind, now,
            f"pending|{secrets.token_hex(12)}",
        )  # fmt: skip
        handle = f"j|{job_runner.company_number(company.handle)}||{name}|{run_id}"
        jobs.update_run(store, run_id, handle=handle, end_date=now)
        return run_id
