"""Folders: the folder tree, and creating, moving, renaming and deleting folders.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.declarations.roles import ALL_ROLES, ASSET_EDITORS
from ips_emulator.protocol.schema import INT, STRING, Field, Operation, family, opt
from ips_emulator.records import Role

OPERATIONS = family(
    "Folders",
    Operation(
        "getFolders",
        param=(
            Field("companyHandle", STRING),
            opt("accessUserHandle", STRING),
            opt("accessGroupHandle", STRING),
            opt("folderPath", STRING),
            opt("assetTypeArray", "StringArray"),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(
            opt("folderArray", "FolderArray"),
            opt("permissionSetArray", "PermissionSetArray"),
        ),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "getFolderTree",
        param=(
            Field("companyHandle", STRING),
            opt("accessUserHandle", STRING),
            opt("accessGroupHandle", STRING),
            opt("folderPath", STRING),
            Field("depth", INT),
            opt("assetTypeArray", "StringArray"),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(
            opt("folders", "Folder"),
            opt("permissionSetArray", "PermissionSetArray"),
        ),
        since="2013-02-15",
        roles=ALL_ROLES - {Role.IMAGE_PORTAL_ADMIN, Role.IMAGE_PORTAL_USER},
    ),
    Operation(
        "createFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderPath", STRING),
        ),
        result=(Field("folderHandle", STRING),),
        since="2013-02-15",
        roles=ASSET_EDITORS,
    ),
    Operation(
        "deleteFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
        roles=ASSET_EDITORS,
    ),
    Operation(
        "moveFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("destFolderHandle", STRING),
        ),
        result=(Field("folderHandle", STRING),),
        since="2013-02-15",
        roles=ASSET_EDITORS,
    ),
    Operation(
        "renameFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("folderName", STRING),
        ),
        result=(Field("folderHandle", STRING),),
        since="2013-02-15",
        roles=ASSET_EDITORS,
    ),
)
