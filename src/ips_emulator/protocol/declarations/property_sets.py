"""Property sets and their types.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.declarations.roles import ALL_ROLES
from ips_emulator.protocol.schema import BOOLEAN, STRING, Field, Operation, family, opt

OPERATIONS = family(
    "Property sets",
    Operation(
        "getPropertySets",
        param=(
            Field("typeHandle", STRING),
            Field("primaryOwnerHandle", STRING),
            opt("secondaryOwnerHandle", STRING),
        ),
        result=(Field("setArray", "PropertySetArray"),),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "createPropertySet",
        param=(
            Field("typeHandle", STRING),
            Field("primaryOwnerHandle", STRING),
            opt("secondaryOwnerHandle", STRING),
            Field("propertyArray", "PropertyArray"),
            opt("permissionArray", "PermissionUpdateArray"),
        ),
        result=(Field("setHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "updatePropertySet",
        param=(
            Field("setHandle", STRING),
            opt("replaceProperties", BOOLEAN),
            Field("propertyArray", "PropertyArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "deletePropertySet",
        param=(Field("setHandle", STRING),),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getPropertySetTypes",
        param=(opt("companyHandle", STRING),),
        result=(Field("typeArray", "PropertySetTypeArray"),),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "getPropertySetType",
        param=(
            opt("companyHandle", STRING),
            Field("name", STRING),
        ),
        result=(Field("type", "PropertySetType"),),
        since="2013-02-15",
    ),
    Operation(
        "createPropertySetType",
        param=(
            opt("companyHandle", STRING),
            Field("name", STRING),
            Field("propertyType", STRING),
            Field("allowMultiple", BOOLEAN),
        ),
        result=(Field("typeHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deletePropertySetType",
        param=(Field("typeHandle", STRING),),
        result=(),
        since="2013-02-15",
    ),
)
