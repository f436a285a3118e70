"""Changes to assets: renameAsset (the moves, deletes and trash of issue 16 come here).

As docs/reference/ips-api/operations/r-rename-asset.md and the responses recorded from
the live service (rename_asset__success.xml, rename_asset__failure.xml) describe it.
"""

from __future__ import annotations

from ips_emulator.domain import job_runner
from ips_emulator.domain.auth import company_for_caller, require_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_writes import asset_stored
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter, missing_parameter
from ips_emulator.storage import assets

#: The longest asset name the database holds (storage/tables.py, Asset.name).
MAX_NAME = 400


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
    if "/" in name or len(name) > MAX_NAME:
        raise invalid_parameter(
            "newName", new_name, f"a name has no '/' and at most {MAX_NAME} characters"
        )
    company = company_for_caller(scope, company_handle)
    job_runner.bring_up_to_date(scope, [company.id])
    asset = assets.find_by_handle(scope.store, asset_handle)
    if asset is None or asset.company_id != company.id:
        raise invalid_parameter("assetHandle", asset_handle, "no such asset in the company")
    if name == asset.name:
        return
    folder = None if validate_name else asset.folder
    if assets.name_in_use(scope.store, company.id, name, folder):
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_EXCEPTION, f"Asset ID '{name}' is already in use."
        )
    now = scope.clock.now()
    assets.rename(scope.store, asset.id, name, now, require_caller(scope).email)
    asset_stored(scope.store, company.id, asset.folder, now)
