"""getFolderTree, getFolders, createFolder, deleteFolder, renameFolder, moveFolder."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ips_emulator.domain import folders
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.folder_tree import FolderNode
from ips_emulator.domain.folders import FolderQuery, Folders
from ips_emulator.protocol import params
from ips_emulator.protocol.convert import strings
from ips_emulator.protocol.field_selection import response_fields


def folder(found: Folders, node: FolderNode, nested: bool) -> dict[str, Any]:
    """A Folder: the company root has no dates; folder permissions are not modelled, so
    no permissionSetHandle. ``nested``: with its subfolders (getFolderTree)."""
    record = node.record
    subfolders = node.subfolders if nested else None
    return {
        "folderHandle": found.handle(node),
        "path": found.path(node),
        "lastModified": record.last_modified if record else None,
        "childLastModified": record.child_last_modified if record else None,
        "hasSubfolders": node.has_subfolders,
        "subfolderArray": (
            {"items": [folder(found, sub, nested) for sub in subfolders]} if subfolders else None
        ),
    }


def getFolderTree(scope: RequestScope, param: params.GetFolderTreeParam) -> Mapping[str, Any]:
    # Paths are literal (docs/decisions.md, Folders): ``folders/path`` is the start folder's,
    # ``folders/subfolderArray/items/path`` its subfolders'.
    fields = response_fields("getFolderTree", param.responseFieldArray, param.excludeFieldArray)
    query = FolderQuery(
        company_handle=param.companyHandle,
        folder_path=param.folderPath,
        depth=param.depth,
        asset_types=strings(param.assetTypeArray),
        access_user_handle=param.accessUserHandle,
    )
    found = folders.get_folder_tree(scope, query)
    return fields.apply({"folders": folder(found, found.tree, nested=True)})


def getFolders(scope: RequestScope, param: params.GetFoldersParam) -> Mapping[str, Any]:
    fields = response_fields("getFolders", param.responseFieldArray, param.excludeFieldArray)
    query = FolderQuery(
        company_handle=param.companyHandle,
        folder_path=param.folderPath,
        asset_types=strings(param.assetTypeArray),
        access_user_handle=param.accessUserHandle,
    )
    found = folders.get_folders(scope, query)
    listed = [folder(found, n, nested=False) for n in found.listed()]
    return fields.apply({"folderArray": {"items": listed}})


def createFolder(scope: RequestScope, param: params.CreateFolderParam) -> dict[str, Any]:
    handle = folders.create_folder(scope, param.companyHandle, param.folderPath)
    return {"folderHandle": handle}


def deleteFolder(scope: RequestScope, param: params.DeleteFolderParam) -> dict[str, Any]:
    folders.delete_folder(scope, param.companyHandle, param.folderHandle)
    return {}


def renameFolder(scope: RequestScope, param: params.RenameFolderParam) -> dict[str, Any]:
    handle = folders.rename_folder(scope, param.companyHandle, param.folderHandle, param.folderName)
    return {"folderHandle": handle}


def moveFolder(scope: RequestScope, param: params.MoveFolderParam) -> dict[str, Any]:
    handle = folders.move_folder(
        scope, param.companyHandle, param.folderHandle, param.destFolderHandle
    )
    return {"folderHandle": handle}
