"""IPS user roles, and the roles with powers beyond their operations.

Who may call which operation is part of each operation's declaration
(``protocol/declarations/``): its page's "Authorized User Types", taken literally
(docs/reference/ips-api/SPEC.md gap G18).
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """User Roles (``docs/reference/ips-api/constants/r-user-roles.md``)."""

    IPS_USER = "IpsUser"
    IPS_ADMIN = "IpsAdmin"
    IPS_COMPANY_ADMIN = "IpsCompanyAdmin"
    TRIAL_SITE_ADMIN = "TrialSiteAdmin"
    TRIAL_SITE_USER = "TrialSiteUser"
    IMAGE_PORTAL_ADMIN = "ImagePortalAdmin"
    IMAGE_PORTAL_USER = "ImagePortalUser"
    IMAGE_PORTAL_CONTRIB = "ImagePortalContrib"
    IMAGE_PORTAL_CONTRIB_USER = "ImagePortalContribUser"
    WEB_SERVICE_USER = "WebServiceUser"


#: Roles that may name another user in ``userHandle`` (docs/reference/ips-api/SPEC.md 3.2: 20004
#: otherwise).
ADMIN_ROLES = frozenset(
    {Role.IPS_ADMIN, Role.IPS_COMPANY_ADMIN, Role.TRIAL_SITE_ADMIN, Role.IMAGE_PORTAL_ADMIN}
)
#: Roles that may act on any company, not only those they are members of.
GLOBAL_ROLES = frozenset({Role.IPS_ADMIN})
