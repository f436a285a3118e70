"""Folders: the folder tree, and creating, moving, renaming and deleting folders.

Their history is in Adobe's change logs (help/aem-ips-api/change-log in
AdobeDocs/dynamic-media-developer-resources.en, the source of docs/reference/ips-api):
3.7 added createFolder and deleteFolder and changed getFolders and getFolderTree
(``excludeFieldArray``), so all four are older than 4.0; renameFolder's page shows it in
the pre-4.0 namespace; 6.0 (2012-02-14) added moveFolder, the permission sets and
``Folder.permissionSetHandle`` (docs/decisions.md, Folders).
"""

from __future__ import annotations

from ips_emulator.protocol import folders
from ips_emulator.protocol.declarations.roles import ALL_ROLES, ASSET_EDITORS
from ips_emulator.protocol.schema import INT, STRING, Field, Operation, family, opt
from ips_emulator.records import Role

#: 6.0: "PermissionsSet", "PermissionsSetArray" new; moveFolder new.
V6_0 = "2012-02-14"
_NOT_MODELLED = (
    "Folder permissions and groups are not modelled: `accessGroupHandle` is ignored, no "
    "`permissionSetHandle` or `permissionSetArray` is sent."
)

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
            opt("permissionSetArray", "PermissionSetArray", since=V6_0),
        ),
        roles=ALL_ROLES,
        handler=folders.getFolders,
        does="The folder at `folderPath` (default the company root) and every folder below "
        "it, parents first, siblings by name, at most 100,000; `assetTypeArray` keeps the "
        "folders that hold an asset of those types, and their parents. The root has no dates. "
        "`responseFieldArray`/`excludeFieldArray` as in `searchAssets` "
        "(`folderArray/items/path`).",
        note=_NOT_MODELLED,
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
            # Adobe's WSDLs: one Folder (the start folder, subfolders nested), not the
            # page example's <folders><items> (docs/decisions.md).
            opt("folders", "Folder"),
            opt("permissionSetArray", "PermissionSetArray", since=V6_0),
        ),
        roles=ALL_ROLES - {Role.IMAGE_PORTAL_ADMIN, Role.IMAGE_PORTAL_USER},
        handler=folders.getFolderTree,
        does="`folders` is the folder at `folderPath` (default the company root) with its "
        "subfolders nested `depth` levels down (0: the folder alone; negative: every "
        "level), `hasSubfolders` on each, `assetTypeArray` as in `getFolders`. "
        "`responseFieldArray`/`excludeFieldArray` as in `searchAssets`, paths literal at "
        "each level: `folders/path` is the start folder's, "
        "`folders/subfolderArray/items/path` its subfolders'.",
        note=_NOT_MODELLED,
    ),
    Operation(
        "createFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderPath", STRING),
        ),
        result=(Field("folderHandle", STRING),),
        roles=ASSET_EDITORS,
        handler=folders.createFolder,
        does="Creates the folder at `folderPath` (below the company root, given with or "
        "without it; a leading `/` is the root) and any parent it lacks; answers "
        "`f|<root><path>`. A folder already there is a fault.",
        note="No Images folder: the folder is made where the path says, below the root.",
    ),
    Operation(
        "deleteFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
        ),
        result=(),
        roles=ASSET_EDITORS,
        handler=folders.deleteFolder,
        does="Deletes an empty folder; one holding assets or subfolders is a fault.",
        note="A folder with contents is refused rather than deleted with them: deleting "
        "assets is not emulated.",
    ),
    Operation(
        "moveFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("destFolderHandle", STRING),
        ),
        result=(Field("folderHandle", STRING),),
        since=V6_0,
        roles=ASSET_EDITORS,
        handler=folders.moveFolder,
        does="Moves the folder, its subfolders and their assets below `destFolderHandle` "
        "(the root's handle included); answers the folder's new handle. A folder of the "
        "same name there, or a destination inside the folder, is a fault.",
        note="—",
    ),
    Operation(
        "renameFolder",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("folderName", STRING),
        ),
        result=(Field("folderHandle", STRING),),
        roles=ASSET_EDITORS,
        handler=folders.renameFolder,
        does="Renames the folder (its subfolders and assets follow); answers its new handle. "
        "A sibling folder of that name is a fault.",
        note="—",
    ),
)
