"""Folders and their permission sets.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs: reached only by operations not emulated yet, whose history
before 2013-02-15 is not researched.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import BOOLEAN, DATETIME, STRING, Struct, array, opt, struct

FOLDER_STRUCTS: tuple[Struct, ...] = (
    struct(
        "Folder",
        opt("folderHandle", STRING),
        opt("path", STRING),
        opt("lastModified", DATETIME),
        opt("childLastModified", DATETIME),
        opt("permissionSetHandle", STRING),
        opt("hasSubfolders", BOOLEAN),
        opt("subfolderArray", "FolderArray"),
    ),
    array("FolderArray", "Folder"),
    struct(
        "PermissionSet",
        opt("permissionSetHandle", STRING),
        opt("permissionArray", "PermissionArray"),
    ),
    array("PermissionSetArray", "PermissionSet"),
)
