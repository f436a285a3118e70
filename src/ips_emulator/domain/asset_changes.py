"""Changes to assets in place: renameAsset, moveAsset and moveAssets (the trash is
domain/trash.py).

As docs/reference/ips-api/operations/r-rename-asset.md, r-move-asset.md and
r-move-assets.md, and the responses recorded from the live service
(rename_asset__success.xml, rename_asset__failure.xml), describe them. Neither writes a
job-log entry: the Job Log Types list has none for a rename or a move, and the asset's
entries stay its own under its new name or folder.
"""

from __future__ import annotations

from collections.abc import Sequence

from ips_emulator.domain.asset_batches import (
    BatchResult,
    ItemFault,
    asset_of,
    company_of,
    not_in_trash,
    run_batch,
)
from ips_emulator.domain.auth import require_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_writes import asset_stored
from ips_emulator.domain.folders import folder_of_handle
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter, missing_parameter
from ips_emulator.records import CompanyRecord
from ips_emulator.storage import assets, folders

#: The longest asset name the database holds (storage/tables.py, Asset.name).
MAX_NAME = 400


def _name_in_use(name: str) -> IpsApiError:
    """The live service's answer, byte for byte (rename_asset__failure.xml)."""
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_EXCEPTION, f"Asset ID '{name}' is already in use."
    )


def rename_asset(
    scope: RequestScope,
    company_handle: str | None,
    asset_handle: str | None,
    new_name: str | None,
    validate_name: bool | None,
) -> None:
    """The asset gets ``new_name``; a name in use is refused as the live service refused
    it (30000 "Asset ID '…' is already in use."): in its folder always, anywhere in the
    company with ``validateName``."""
    if not company_handle:
        raise missing_parameter("companyHandle")
    if not asset_handle:
        raise missing_parameter("assetHandle")
    name = (new_name or "").strip()
    if not name:
        raise missing_parameter("newName")
    # "." and "..": an asset's path is its folder's plus its name, and would step out.
    if "/" in name or name in (".", "..") or len(name) > MAX_NAME:
        raise invalid_parameter(
            "newName", new_name, f"a name has no '/', is not '.' or '..', and has at most "
            f"{MAX_NAME} characters",
        )  # fmt: skip
    company = company_of(scope, company_handle)
    asset = asset_of(scope, company, asset_handle)
    not_in_trash(asset, asset_handle)
    if name == asset.name:
        return
    folder = None if validate_name else asset.folder
    if assets.name_in_use(scope.store, company.id, name, folder):
        raise _name_in_use(name)
    now = scope.clock.now()
    assets.rename(scope.store, asset.id, name, now, require_caller(scope).email)
    asset_stored(scope.store, company.id, asset.folder, now)


def _move(
    scope: RequestScope, company: CompanyRecord, asset_handle: str, folder_handle: str | None
) -> None:
    """One move: every check first, then the write."""
    asset = asset_of(scope, company, asset_handle)
    not_in_trash(asset, asset_handle)
    destination = folder_of_handle(scope, company, folder_handle, "folderHandle")
    if destination == asset.folder:
        return
    if assets.name_in_use(scope.store, company.id, asset.name, destination):
        raise _name_in_use(asset.name)
    now = scope.clock.now()
    assets.move(scope.store, asset.id, destination, now, require_caller(scope).email)
    folders.child_changed(scope.store, company.id, asset.folder, now)
    asset_stored(scope.store, company.id, destination, now)


def move_asset(
    scope: RequestScope,
    company_handle: str | None,
    asset_handle: str | None,
    folder_handle: str | None,
) -> None:
    """The asset goes to the folder ``folderHandle`` names (the company root included);
    a name in use there is refused as renameAsset refuses it."""
    company = company_of(scope, company_handle)
    _move(scope, company, asset_handle or "", folder_handle)


def move_assets(
    scope: RequestScope,
    company_handle: str | None,
    moves: Sequence[tuple[str | None, str | None]] | None,
) -> BatchResult[ItemFault]:
    """Each (assetHandle, folderHandle) moved as by moveAsset, independently."""
    if moves is None:
        raise missing_parameter("assetMoveArray")
    company = company_of(scope, company_handle)
    return run_batch(moves, lambda m: m[0] or "", lambda m: _move(scope, company, m[0] or "", m[1]))
