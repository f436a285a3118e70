"""The trash: deleteAsset(s), emptyAssetsFromTrash and restoreAssetsFromTrash.

As docs/reference/ips-api/operations/r-delete-asset.md, r-delete-assets.md,
r-empty-assets-from-trash.md and r-restore-assets-from-trash.md describe them, with the
Trash State constants (r-trash-state.md) and the trash's Job Log Types
(r-job-log-types.md: BeginTrash, TrashSuccess, TrashWarning, EndTrash; BeginEmptyTrash,
EmptyTrashSuccess, EndEmptyTrash; BeginRestoreTrash, RestoreTrashSuccess,
EndRestoreTrash). Deleting moves an asset to the trash (``InTrash``); restoring brings it
back where it was; emptying purges it at once (the emulator's cleanup is immediate, so
``InEmptiedTrash`` is never seen). docs/decisions.md (Trash) holds the choices.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from ips_emulator.domain.asset_batches import (
    ActionLog,
    BatchResult,
    ItemFault,
    ItemWarningError,
    asset_of,
    company_of,
    run_batch,
)
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_writes import asset_stored
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import IN_TRASH, NOT_IN_TRASH, CompanyRecord
from ips_emulator.storage import assets, folders


def _trash(scope: RequestScope, company: CompanyRecord, log: ActionLog, handle: str) -> None:
    asset = asset_of(scope, company, handle)
    if asset.trash_state == IN_TRASH:
        log.add("TrashWarning", "trash.warning", asset)
        raise ItemWarningError(f"Asset '{handle}' is already in the trash.")
    assets.set_trash_state(scope.store, asset.id, IN_TRASH)
    folders.child_changed(scope.store, company.id, asset.folder, scope.clock.now())
    log.add("TrashSuccess", "trash.success", asset)


def _write_trash_log(log: ActionLog) -> None:
    log.write(("BeginTrash", "trash.begin"), ("EndTrash", "trash.end"))


def delete_asset(scope: RequestScope, company_handle: str | None, handle: str | None) -> None:
    """The asset goes to the trash; one already there stays (nothing to fault)."""
    company = company_of(scope, company_handle)
    log = ActionLog(scope, company, "Trash")
    # Deleting what is already deleted: the batch's warning, no fault.
    with contextlib.suppress(ItemWarningError):
        _trash(scope, company, log, handle or "")
    _write_trash_log(log)


def _handles(handles: Sequence[str] | None) -> Sequence[str]:
    if handles is None:
        raise missing_parameter("assetHandleArray")
    return handles


def delete_assets(
    scope: RequestScope, company_handle: str | None, handles: Sequence[str] | None
) -> BatchResult[ItemFault]:
    company = company_of(scope, company_handle)
    log = ActionLog(scope, company, "Trash")
    result = run_batch(_handles(handles), str, lambda h: _trash(scope, company, log, h))
    _write_trash_log(log)
    return result


def empty_assets_from_trash(
    scope: RequestScope, company_handle: str | None, handles: Sequence[str] | None
) -> BatchResult[ItemFault]:
    """Each asset in the trash is purged: gone for good, its job-log entries kept (about
    no asset). A live asset is refused: only the trash is emptied."""
    company = company_of(scope, company_handle)
    log = ActionLog(scope, company, "EmptyTrash")

    def empty(handle: str) -> None:
        asset = asset_of(scope, company, handle)
        if asset.trash_state != IN_TRASH:
            raise invalid_parameter(
                "assetHandle", handle, "the asset is not in the trash: delete it first"
            )
        assets.purge(scope.store, asset.id)
        log.add("EmptyTrashSuccess", "empty_trash.success", asset, attach=False)

    result = run_batch(_handles(handles), str, empty)
    log.write(("BeginEmptyTrash", "empty_trash.begin"), ("EndEmptyTrash", "empty_trash.end"))
    return result


def restore_assets_from_trash(
    scope: RequestScope, company_handle: str | None, handles: Sequence[str] | None
) -> BatchResult[ItemFault]:
    """Each asset in the trash is live again where it was (its folder made again if it
    was deleted meanwhile); a live one is a warning and stays as it is."""
    company = company_of(scope, company_handle)
    log = ActionLog(scope, company, "RestoreTrash")

    def restore(handle: str) -> None:
        asset = asset_of(scope, company, handle)
        if asset.trash_state != IN_TRASH:
            raise ItemWarningError(f"Asset '{handle}' is not in the trash.")
        assets.set_trash_state(scope.store, asset.id, NOT_IN_TRASH)
        asset_stored(scope.store, company.id, asset.folder, scope.clock.now())
        log.add("RestoreTrashSuccess", "restore_trash.success", asset)

    result = run_batch(_handles(handles), str, restore)
    log.write(
        ("BeginRestoreTrash", "restore_trash.begin"), ("EndRestoreTrash", "restore_trash.end")
    )
    return result
