"""Property sets, their types, and permission updates.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs: reached only by operations not emulated yet, whose history
before 2013-02-15 is not researched.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import BOOLEAN, STRING, Field, Struct, array, opt, struct

PROPERTY_SET_STRUCTS: tuple[Struct, ...] = (
    struct(
        "PermissionUpdate",
        Field("groupHandle", STRING),
        Field("permissionType", STRING),
        Field("isAllowed", BOOLEAN),
        Field("isOverride", BOOLEAN),
    ),
    array("PermissionUpdateArray", "PermissionUpdate"),
    struct(
        "PropertySetType",
        Field("typeHandle", STRING),
        opt("companyHandle", STRING),
        Field("name", STRING),
        Field("propertyType", STRING),
        Field("allowMultiple", BOOLEAN),
    ),
    array("PropertySetTypeArray", "PropertySetType"),
    struct(
        "Property",
        Field("name", STRING),
        Field("value", STRING),
    ),
    array("PropertyArray", "Property"),
    struct(
        "PropertySet",
        Field("setHandle", STRING),
        Field("typeHandle", STRING),
        Field("propertyArray", "PropertyArray"),
        opt("permissions", "PermissionArray"),
    ),
    array("PropertySetArray", "PropertySet"),
)
