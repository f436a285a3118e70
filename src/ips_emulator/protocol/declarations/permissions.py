"""Groups and permissions: groups, their members, and asset, folder and property-set permissions.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.schema import BOOLEAN, STRING, Field, Operation, family, opt

OPERATIONS = family(
    "Groups and permissions",
    Operation(
        "getGroups",
        param=(Field("companyHandle", STRING),),
        result=(Field("groupArray", "GroupArray"),),
        since="2013-02-15",
    ),
    Operation(
        "saveGroup",
        param=(
            Field("companyHandle", STRING),
            opt("groupHandle", STRING),
            Field("name", STRING),
            Field("isSystemDefined", BOOLEAN),
        ),
        result=(Field("groupHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteGroup",
        param=(
            Field("companyHandle", STRING),
            Field("groupHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getGroupMembers",
        param=(
            Field("companyHandle", STRING),
            Field("groupHandle", STRING),
        ),
        result=(Field("userHandleArray", "HandleArray"),),
        since="2013-02-15",
    ),
    Operation(
        "addGroupMembers",
        param=(
            Field("companyHandle", STRING),
            Field("groupHandle", STRING),
            Field("userHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setGroupMembers",
        param=(
            Field("companyHandle", STRING),
            Field("groupHandle", STRING),
            Field("userHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removeGroupMembers",
        param=(
            Field("companyHandle", STRING),
            Field("groupHandle", STRING),
            Field("userHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getGroupMembership",
        param=(
            opt("userHandle", STRING),
            opt("companyHandle", STRING),
        ),
        result=(Field("groupArray", "GroupArray"),),
        since="2013-02-15",
    ),
    Operation(
        "addGroupMembership",
        param=(
            opt("userHandle", STRING),
            Field("groupHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setGroupMembership",
        param=(
            opt("userHandle", STRING),
            opt("companyHandle", STRING),
            Field("groupHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removeGroupMembership",
        param=(
            opt("userHandle", STRING),
            Field("groupHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setAssetPermissions",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("permissionArray", "PermissionUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "updateAssetPermissions",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("updateArray", "PermissionUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removeAssetPermissions",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setFolderPermissions",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("setChildren", BOOLEAN),
            Field("permissionArray", "PermissionUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "updateFolderPermissions",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("updateChildren", BOOLEAN),
            Field("updateArray", "PermissionUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removeFolderPermissions",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("updateChildren", BOOLEAN),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setPropertySetPermissions",
        param=(
            Field("setHandle", STRING),
            Field("permissionArray", "PermissionUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "updatePropertySetPermissions",
        param=(
            Field("setHandle", STRING),
            Field("updateArray", "PermissionUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removePropertySetPermissions",
        param=(Field("setHandle", STRING),),
        result=(),
        since="2013-02-15",
    ),
)
