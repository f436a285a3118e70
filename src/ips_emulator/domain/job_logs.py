"""Job-log reads: which entries, in which order, in which language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ips_emulator.domain.auth import company_for_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.messages import render
from ips_emulator.errors import FaultCode, IpsApiError, missing_parameter
from ips_emulator.storage import assets, job_logs


@dataclass(frozen=True, slots=True)
class AssetJobLog:
    job_handle: str
    job_name: str
    log_message: str
    log_type: str
    submit_user_email: str
    log_date: datetime


def get_asset_job_logs(
    scope: RequestScope, company_handle: str | None, asset_handle: str | None
) -> list[AssetJobLog]:
    """Every entry any job wrote about the asset, oldest first (the docs' example order).

    Ties on the date keep the order in which the entries were written.
    """
    if not company_handle:
        raise missing_parameter("companyHandle")
    if not asset_handle:
        raise missing_parameter("assetHandle")
    company = company_for_caller(scope, company_handle)
    asset = assets.find_asset(scope.session, company.id, asset_handle)
    if asset is None:
        raise IpsApiError(
            FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
            f"Invalid assetHandle '{asset_handle}': no such asset in company '{company_handle}'.",
        )
    return [
        AssetJobLog(
            job_handle=row.job_handle,
            job_name=row.job_name,
            log_message=render(row.template_id, row.params, scope.gettext),
            log_type=row.log_type,
            submit_user_email=row.submit_user_email,
            log_date=row.created,
        )
        for row in job_logs.select_asset_job_logs(scope.session, asset.id)
    ]
