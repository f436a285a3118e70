"""Every operation of Adobe's IPS API, declared once, by family.

Each family module holds the ``Operation`` declarations of its operations: the
parameters and result (Adobe's schema, with ``since``/``until``), the versions it
exists in, its roles, and, once emulated, its handler and notes. The WSDLs,
request checks, dispatch, the role check, ``docs/operations.md`` and
``docs/coverage.md`` all follow from them (``docs/adding-an-operation.md``).
"""

from __future__ import annotations

from ips_emulator.protocol.declarations import (
    assets,
    folders,
    image_details,
    jobs,
    metadata,
    permissions,
    projects,
    property_sets,
    publishing,
    sets,
    system,
    users,
    viewers,
)
from ips_emulator.protocol.schema import Operation

#: In the order docs/coverage.md lists them.
FAMILIES: tuple[tuple[Operation, ...], ...] = (
    jobs.OPERATIONS,
    users.OPERATIONS,
    assets.OPERATIONS,
    folders.OPERATIONS,
    metadata.OPERATIONS,
    publishing.OPERATIONS,
    sets.OPERATIONS,
    image_details.OPERATIONS,
    property_sets.OPERATIONS,
    permissions.OPERATIONS,
    projects.OPERATIONS,
    viewers.OPERATIONS,
    system.OPERATIONS,
)

ALL_OPERATIONS: tuple[Operation, ...] = tuple(op for ops in FAMILIES for op in ops)
