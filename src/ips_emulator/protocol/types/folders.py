"""Folders and their permission sets.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs, with the 6.0 change log's dates (protocol/declarations/folders.py):
permission sets are 6.0 types, and ``Folder.permissionSetHandle`` is 6.0's name for
an element no page types before it (``permissions``), not declared before 6.0.
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
        opt("permissionSetHandle", STRING, since="2012-02-14"),
        opt("hasSubfolders", BOOLEAN),
        opt("subfolderArray", "FolderArray"),
    ),
    array("FolderArray", "Folder"),
    struct(
        "PermissionSet",
        opt("permissionSetHandle", STRING),
        opt("permissionArray", "PermissionArray"),
        since="2012-02-14",
    ),
    array("PermissionSetArray", "PermissionSet", since="2012-02-14"),
)
