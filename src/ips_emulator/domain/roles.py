"""Who may call which operation, by IPS user role (``records.Role``).

The role lists are the "Authorized User Types" of each operation page in the
IPS API reference (``docs/reference/ips-api/operations/r-*.md``), taken literally
(docs/reference/ips-api/SPEC.md gap G18):
``tests/unit/domain/test_roles.py`` checks this table against those pages.
"""

from __future__ import annotations

from ips_emulator.records import Role

_ALL9 = frozenset(Role) - {Role.WEB_SERVICE_USER}
_NOT_PORTAL_USER = _ALL9 - {Role.IMAGE_PORTAL_USER}
_JOB_SUBMITTERS = _ALL9 - {Role.IPS_COMPANY_ADMIN, Role.IMAGE_PORTAL_USER}
_USER_ADMINS = frozenset(
    {Role.IPS_ADMIN, Role.IPS_COMPANY_ADMIN, Role.TRIAL_SITE_ADMIN, Role.IMAGE_PORTAL_ADMIN}
)

#: Operation name -> roles allowed to call it, as the reference pages list them.
AUTHORIZED_ROLES: dict[str, frozenset[Role]] = {
    "getAssetJobLogs": _ALL9,
    "getJobLogs": _ALL9,
    "getJobLogDetails": _ALL9 - {Role.TRIAL_SITE_ADMIN},
    "getActiveJobs": _NOT_PORTAL_USER,
    "getScheduledJobs": _NOT_PORTAL_USER,
    "submitJob": _JOB_SUBMITTERS,
    "stopJob": _NOT_PORTAL_USER,
    "pauseJob": _NOT_PORTAL_USER,
    "resumeJob": _NOT_PORTAL_USER,
    "deleteJob": _NOT_PORTAL_USER,
    "executeJob": _JOB_SUBMITTERS,
    "checkLogin": _ALL9,
    "getCompanyInfo": _ALL9 - {Role.IPS_COMPANY_ADMIN},
    "getCompanyMembership": _ALL9,
    "getAllCompanies": frozenset({Role.IPS_ADMIN}),
    "getUserInfo": _ALL9,
    "getUsers": _USER_ADMINS,
    "searchAssets": _ALL9,
    "getAssets": _ALL9,
    "getAssetsByName": _NOT_PORTAL_USER,
    "addCompany": frozenset({Role.IPS_ADMIN, Role.TRIAL_SITE_ADMIN, Role.IMAGE_PORTAL_ADMIN}),
    "addUser": _USER_ADMINS,
}

#: Roles that may name another user in ``userHandle`` (docs/reference/ips-api/SPEC.md 3.2: 20004
#: otherwise).
ADMIN_ROLES = _USER_ADMINS

#: Roles that may act on any company, not only those they are members of.
GLOBAL_ROLES = frozenset({Role.IPS_ADMIN})
