"""Names for the role lists the reference pages repeat ("Authorized User Types").

Each operation's declaration lists its page's roles with these names
(``tests/unit/domain/test_roles.py`` holds every declaration to its page).
``WebServiceUser`` is on no operation page.
"""

from __future__ import annotations

from ips_emulator.domain.roles import ADMIN_ROLES
from ips_emulator.records import Role

ALL_ROLES = frozenset(Role) - {Role.WEB_SERVICE_USER}
NOT_PORTAL_USER = ALL_ROLES - {Role.IMAGE_PORTAL_USER}
JOB_SUBMITTERS = NOT_PORTAL_USER - {Role.IPS_COMPANY_ADMIN}
USER_ADMINS = ADMIN_ROLES
NOT_TRIAL = ALL_ROLES - {Role.TRIAL_SITE_ADMIN, Role.TRIAL_SITE_USER}
#: Who may change assets and folders: no trial-site user, no portal viewer.
ASSET_EDITORS = NOT_TRIAL - {Role.IMAGE_PORTAL_USER}
IPS_ADMIN_ONLY = frozenset({Role.IPS_ADMIN})
