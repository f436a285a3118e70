"""IPS user roles (``records.Role``) with powers beyond their operations.

Who may call which operation is part of each operation's declaration
(``protocol/declarations/``): its page's "Authorized User Types", taken literally
(docs/reference/ips-api/SPEC.md gap G18).
"""

from __future__ import annotations

from ips_emulator.records import Role

#: Roles that may name another user in ``userHandle`` (docs/reference/ips-api/SPEC.md 3.2: 20004
#: otherwise).
ADMIN_ROLES = frozenset(
    {Role.IPS_ADMIN, Role.IPS_COMPANY_ADMIN, Role.TRIAL_SITE_ADMIN, Role.IMAGE_PORTAL_ADMIN}
)
#: Roles that may act on any company, not only those they are members of.
GLOBAL_ROLES = frozenset({Role.IPS_ADMIN})
