"""Build a folder tree, upload into it, list it, search it, rename and move it, manage an asset.

    python examples/manage_folders.py [--url http://127.0.0.1:8080]

zeep from the 2014-04-03 WSDL, credentials by HTTP Basic and no authHeader (as some
integrations send them). The flow of the folder operations: createFolder,
submitJob(uploadUrlsJob) into the new folders, getFolderTree, getFolders,
searchAssets in a folder, renameFolder, moveFolder, deleteFolder; then one uploaded
asset moved (moveAsset), renamed (renameAsset), deleted to the trash (deleteAsset),
searched for in the trash and restored (restoreAssetsFromTrash), and the job logs the
upload, the delete and the restore left on it (a move or a rename leaves none).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime

import requests
import zeep
from zeep.transports import Transport


def wait_for(service: zeep.client.ServiceProxy, company: str, job: str, timeout: float) -> None:
    """getActiveJobs by originalName until the job is no longer running."""
    deadline = time.monotonic() + timeout
    while service.getActiveJobs(companyHandle=company, originalName=job):
        if time.monotonic() > deadline:
            raise SystemExit(f"{job} still running after {timeout} s")
        time.sleep(0.5)


def items(array: object) -> list[object]:
    """An IPS array's items (zeep hands a top-level array over as a list already)."""
    if array is None:
        return []
    return list(getattr(array, "items", array) or [])


def print_tree(folder: object, indent: str = "") -> None:
    print(f"{indent}{folder.path}")  # type: ignore[attr-defined]
    for child in items(folder.subfolderArray):  # type: ignore[attr-defined]
        print_tree(child, indent + "  ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080", help="emulator base URL")
    parser.add_argument("--user", default="demo@ips-emulator.test")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for jobs")
    args = parser.parse_args(argv)

    session = requests.Session()
    session.auth = (args.user, args.password)  # HTTP Basic: no authHeader at all
    client = zeep.Client(
        f"{args.url}/scene7/webservice/IpsApi-2014-04-03.wsdl", transport=Transport(session=session)
    )
    service = client.service
    company = service.getCompanyInfo(companyName="ApiTestCo").companyHandle
    base = f"examples-{datetime.now():%Y%m%d-%H%M%S-%f}"

    for path in (f"{base}/spring/", f"{base}/summer/", f"{base}/archive/"):
        print(
            f"createFolder {path}: {service.createFolder(companyHandle=company, folderPath=path)}"
        )

    job = f"{base}-upload"
    urls = [(f"https://example.com/{n}.jpg", f"{base}/spring/{n}.jpg") for n in ("hat", "scarf")]
    service.submitJob(
        companyHandle=company, jobName=job,
        uploadUrlsJob={
            "urlArray": {"items": [{"sourceUrl": u, "destPath": d} for u, d in urls]},
            "overwrite": True, "readyForPublish": True, "createMask": False,
            "emailSetting": "None",
        },
    )  # fmt: skip
    wait_for(service, company, job, args.timeout)
    print(f"uploaded {len(urls)} files into {base}/spring/")

    tree = service.getFolderTree(companyHandle=company, folderPath=f"{base}/", depth=-1)
    print_tree(tree.folders)
    folders = items(service.getFolders(companyHandle=company, folderPath=f"{base}/").folderArray)
    print(f"getFolders: {len(folders)} folders")

    found = service.searchAssets(
        companyHandle=company, folder=f"{base}/spring/", includeSubfolders=False
    )
    assets = items(found.assetArray)
    names = sorted(a.name for a in assets)  # type: ignore[attr-defined]
    print(f"searchAssets {base}/spring/: {found.totalRows} assets {names}")

    renamed = service.renameFolder(
        companyHandle=company, folderHandle=f"f|ApiTestCo/{base}/spring/", folderName="spring-2027"
    )
    print(f"renameFolder spring -> spring-2027: {renamed}")
    moved = service.moveFolder(
        companyHandle=company, folderHandle=f"f|ApiTestCo/{base}/summer/",
        destFolderHandle=f"f|ApiTestCo/{base}/archive/",
    )  # fmt: skip
    print(f"moveFolder summer -> archive/: {moved}")
    service.deleteFolder(companyHandle=company, folderHandle=f"f|ApiTestCo/{base}/archive/summer/")
    print(f"deleteFolder {base}/archive/summer/: done")

    manage_an_asset(service, company, base, assets[0])
    return 0


def manage_an_asset(
    service: zeep.client.ServiceProxy, company: str, base: str, asset: object
) -> None:
    """Move, rename, delete and restore one asset, then read the job logs it has."""
    handle, name = asset.assetHandle, asset.name  # type: ignore[attr-defined]
    service.moveAsset(
        companyHandle=company, assetHandle=handle, folderHandle=f"f|ApiTestCo/{base}/archive/"
    )
    service.renameAsset(
        companyHandle=company, assetHandle=handle, newName=f"{name}-2027", validateName=False
    )
    (moved,) = service.getAssets(companyHandle=company, assetHandleArray={"items": [handle]})
    print(f"moveAsset + renameAsset {name}: {moved.folder}{moved.name}")
    service.deleteAsset(companyHandle=company, assetHandle=handle)
    binned = service.searchAssets(
        companyHandle=company, folder=f"{base}/", includeSubfolders=True, trashState="InTrash"
    )
    print(f"deleteAsset: in the trash {[a.name for a in items(binned.assetArray)]}")  # type: ignore[attr-defined]
    restored = service.restoreAssetsFromTrash(
        companyHandle=company, assetHandleArray={"items": [handle]}
    )
    print(f"restoreAssetsFromTrash: {restored.successCount} restored")
    for entry in service.getAssetJobLogs(companyHandle=company, assetHandle=handle):
        print(f"getAssetJobLogs {name}: {entry.logType} {entry.logMessage}")


if __name__ == "__main__":
    sys.exit(main())
