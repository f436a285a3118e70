"""createFolder, deleteFolder, renameFolder and moveFolder, and the folders uploads make,
over HTTP (zeep from the served 2013-02-15 WSDL; the pages' pre-4.0 requests as raw XML).

Each test works below a folder of its own in ApiTestCo (c|6), so any order holds.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers import DEMO_USER, NS_2008, NS_XSD, auth_header, envelope, post
from tests.integration.folders_support import Folders, folders_env, shape, unique

__all__ = ["folders_env"]  # the fixture, imported for this module


def create(env: Folders, path: str) -> str:
    return str(env.call("createFolder", companyHandle="c|6", folderPath=path))


def upload(env: Folders, dest: str) -> None:
    job = {
        "urlArray": {"items": [{"sourceUrl": "http://example.com/x.jpg", "destPath": dest}]},
        "overwrite": True,
        "readyForPublish": True,
        "createMask": False,
        "emailSetting": "None",
    }
    env.call("submitJob", companyHandle="c|6", jobName=unique("up"), uploadUrlsJob=job)


def test_create_makes_missing_parents_and_dates_them(folders_env: Folders) -> None:
    top = unique("create")
    now = folders_env.advance(60)
    assert create(folders_env, f"/{top}/a/b") == f"f|ApiTestCo/{top}/a/b/"
    assert folders_env.paths(top) == [
        f"ApiTestCo/{top}/",
        f"ApiTestCo/{top}/a/",
        f"ApiTestCo/{top}/a/b/",
    ]
    assert folders_env.dates(f"{top}/a/b") == (now, now)
    later = folders_env.advance(60)
    assert create(folders_env, f"ApiTestCo/{top}/c") == f"f|ApiTestCo/{top}/c/"
    # A new subfolder is a change of its parent, not of the parent's own lastModified.
    assert folders_env.dates(top) == (now, later)


def test_the_create_and_delete_folder_page_example_requests(folders_env: Folders) -> None:
    # The pages' requests (pre-4.0 namespace, c|6 for "47"; the delete page's handle is the
    # bare path of that version's examples).
    create_body = (
        f'<ns1:createFolderParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|6'
        "</ns1:companyHandle><ns1:folderPath>/SpinSets</ns1:folderPath>"
        "</ns1:createFolderParam>"
    )
    answer = post(folders_env.server.service_url, envelope(create_body, auth_header()))
    assert answer.root.findtext(f".//{{{NS_XSD}}}folderHandle") == "f|ApiTestCo/SpinSets/"
    delete_body = (
        f'<ns1:deleteFolderParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|6'
        "</ns1:companyHandle><ns1:folderHandle>ApiTestCo/SpinSets/"
        "</ns1:folderHandle></ns1:deleteFolderParam>"
    )
    answer = post(folders_env.server.service_url, envelope(delete_body, auth_header()))
    assert answer.status == 200, answer.content
    (returned,) = answer.root[0]
    assert (returned.tag, len(returned)) == (f"{{{NS_XSD}}}deleteFolderReturn", 0)
    assert folders_env.fault("getFolders", companyHandle="c|6", folderPath="SpinSets")[1] == 30001


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/", "a folder of that name already exists"),  # the root
        ("a/../../OtherCo/x", "'..' segments are not allowed"),
        ("x" * 1001, "at most 1000 characters"),
    ],
)
def test_create_faults_name_the_folder_path(folders_env: Folders, path: str, reason: str) -> None:
    element, code, said = folders_env.fault("createFolder", companyHandle="c|6", folderPath=path)
    assert (element, code) == ("ipsApiFault", 30001)
    assert "parameter 'folderPath'" in said
    assert reason in said


def test_a_name_in_use_is_refused_by_create_rename_and_move(folders_env: Folders) -> None:
    top = unique("inuse")
    for name in ("a", "b", "d/a"):
        create(folders_env, f"{top}/{name}")
    assert folders_env.fault("createFolder", companyHandle="c|6", folderPath=f"{top}/a/") == (
        "ipsApiFault",
        30001,
        f"Invalid value '{top}/a/' for parameter 'folderPath': a folder of that name already "
        "exists",
    )
    handle = f"f|ApiTestCo/{top}/b/"
    assert folders_env.fault(
        "renameFolder", companyHandle="c|6", folderHandle=handle, folderName="a"
    ) == (
        "ipsApiFault",
        30001,
        f"Invalid value 'a' for parameter 'folderName': a folder ApiTestCo/{top}/a/ already exists",
    )
    element, code, reason = folders_env.fault(
        "moveFolder",
        companyHandle="c|6",
        folderHandle=f"f|ApiTestCo/{top}/a/",
        destFolderHandle=f"f|ApiTestCo/{top}/d/",
    )
    assert (element, code) == ("ipsApiFault", 30001)
    assert f"a folder ApiTestCo/{top}/d/a/ already exists" in reason
    assert folders_env.paths(top) == [
        f"ApiTestCo/{top}/{p}" for p in ("", "a/", "b/", "d/", "d/a/")
    ]


def test_delete_takes_an_empty_folder_and_refuses_a_full_one(folders_env: Folders) -> None:
    top = unique("delete")
    create(folders_env, f"{top}/empty")
    create(folders_env, f"{top}/parent/child")
    upload(folders_env, f"{top}/full/pic.jpg")
    folders_env.advance(5)  # the upload's file step is due
    now = folders_env.advance(60)
    folders_env.call("deleteFolder", companyHandle="c|6", folderHandle=f"f|ApiTestCo/{top}/empty/")
    assert folders_env.dates(top)[1] == now  # the parent changed
    for full in ("full", "parent"):
        element, code, reason = folders_env.fault(
            "deleteFolder", companyHandle="c|6", folderHandle=f"f|ApiTestCo/{top}/{full}/"
        )
        assert (element, code) == ("ipsApiFault", 30001)
        assert reason.endswith("the folder is not empty: move or delete what it holds first")
    assert folders_env.paths(top) == [
        f"ApiTestCo/{top}/{p}" for p in ("", "full/", "parent/", "parent/child/")
    ]


@pytest.mark.parametrize("operation", ["deleteFolder", "renameFolder", "moveFolder"])
@pytest.mark.parametrize(
    ("handle", "reason"),
    [
        ("f|ApiTestCo/", "the company root cannot be"),
        ("f|ApiTestCo/no-such-folder/", "no such folder"),
        ("f|OtherCo/x/", "not a folder of this company, whose folders are below 'ApiTestCo/'"),
        ("f|ApiTestCo/../OtherCo/", "'..' segments are not allowed"),
    ],
)
def test_folder_handles_that_name_no_folder_of_the_company_are_faults(
    folders_env: Folders, operation: str, handle: str, reason: str
) -> None:
    extra = {
        "renameFolder": {"folderName": "x"},
        "moveFolder": {"destFolderHandle": "f|ApiTestCo/"},
    }.get(operation, {})
    element, code, said = folders_env.fault(
        operation, companyHandle="c|6", folderHandle=handle, **extra
    )
    assert (element, code) == ("ipsApiFault", 30001)
    assert said.startswith(f"Invalid value '{handle}' for parameter 'folderHandle': {reason}")


def test_rename_carries_subfolders_and_assets_along(folders_env: Folders) -> None:
    top = unique("rename")
    create(folders_env, f"{top}/old/sub")
    upload(folders_env, f"{top}/old/sub/{top}.jpg")
    folders_env.advance(5)
    now = folders_env.advance(60)
    renamed = folders_env.call(
        "renameFolder",
        companyHandle="c|6",
        folderHandle=f"f|ApiTestCo/{top}/old/",
        folderName="new name",
    )
    assert renamed == f"f|ApiTestCo/{top}/new name/"
    assert folders_env.paths(top) == [
        f"ApiTestCo/{top}/",
        f"ApiTestCo/{top}/new name/",
        f"ApiTestCo/{top}/new name/sub/",
    ]
    assert folders_env.dates(f"{top}/new name")[0] == now  # the folder itself changed
    assert folders_env.dates(top)[1] == now  # and so did its parent
    (asset,) = folders_env.call("getAssetsByName", companyHandle="c|6", nameArray={"items": [top]})
    assert (asset.folder, asset.folderHandle) == (
        f"ApiTestCo/{top}/new name/sub/",
        f"f|ApiTestCo/{top}/new name/sub/",
    )
    found = folders_env.call(
        "searchAssets", companyHandle="c|6", folder=f"/{top}/new name", includeSubfolders=True
    )
    assert [a.name for a in found.assetArray.items] == [top]
    same = folders_env.call(
        "renameFolder", companyHandle="c|6", folderHandle=renamed, folderName="new name"
    )
    assert same == renamed  # its own name: nothing to do


@pytest.mark.parametrize(
    ("name", "code", "reason"),
    [
        ("", 30002, "Missing required parameter 'folderName'."),
        ("a/b", 30001, "a folder name cannot hold '/'"),
        ("..", 30001, "'..' cannot name a folder"),
        ("   ", 30001, "a folder name cannot be empty"),
        ("n" * 1000, 30001, "the folder's paths would exceed 1000 characters"),
    ],
)
def test_bad_folder_names_are_faults_naming_folder_name(
    folders_env: Folders, name: str, code: int, reason: str
) -> None:
    top = unique("badname")
    handle = create(folders_env, top)
    found = folders_env.fault(
        "renameFolder", companyHandle="c|6", folderHandle=handle, folderName=name
    )
    assert found[:2] == ("ipsApiFault", code)
    assert found[2].endswith(reason)
    assert folders_env.paths(top) == [f"ApiTestCo/{top}/"]  # nothing changed


def test_move_below_another_folder_and_back_to_the_root(folders_env: Folders) -> None:
    top, name = unique("move"), unique("moved")
    create(folders_env, f"{top}/{name}/inner")
    create(folders_env, f"{top}/dest")
    now = folders_env.advance(60)
    moved = folders_env.call(
        "moveFolder",
        companyHandle="c|6",
        folderHandle=f"f|ApiTestCo/{top}/{name}/",
        destFolderHandle=f"f|ApiTestCo/{top}/dest/",
    )
    assert moved == f"f|ApiTestCo/{top}/dest/{name}/"
    assert folders_env.paths(top) == [
        f"ApiTestCo/{top}/{p}" for p in ("", "dest/", f"dest/{name}/", f"dest/{name}/inner/")
    ]
    # The folder, the parent it left and the one it joined changed.
    assert folders_env.dates(top)[1] == folders_env.dates(f"{top}/dest")[1] == now
    assert folders_env.dates(f"{top}/dest/{name}")[0] == now
    to_root = folders_env.call(
        "moveFolder", companyHandle="c|6", folderHandle=moved, destFolderHandle="f|ApiTestCo/"
    )
    assert to_root == f"f|ApiTestCo/{name}/"
    assert folders_env.paths(name) == [f"ApiTestCo/{name}/", f"ApiTestCo/{name}/inner/"]


@pytest.mark.parametrize("dest", ["", "inner/"])
def test_a_folder_cannot_move_into_itself(folders_env: Folders, dest: str) -> None:
    top = unique("self")
    create(folders_env, f"{top}/inner")
    found = folders_env.fault(
        "moveFolder",
        companyHandle="c|6",
        folderHandle=f"f|ApiTestCo/{top}/",
        destFolderHandle=f"f|ApiTestCo/{top}/{dest}",
    )
    assert found == (
        "ipsApiFault",
        30001,
        f"Invalid value 'f|ApiTestCo/{top}/{dest}' for parameter"
        " 'destFolderHandle': a folder cannot move into itself or a folder below it",
    )


def test_move_folder_is_6_0_and_its_roles_are_the_page_s(folders_env: Folders) -> None:
    body = (
        f'<moveFolderParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<folderHandle>f|ApiTestCo/x/</folderHandle><destFolderHandle>f|ApiTestCo/"
        "</destFolderHandle></moveFolderParam>"
    )
    answer = post(folders_env.server.service_url, envelope(body, auth_header()))
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)  # not in 2008-01-15: unknown there
    top = create(folders_env, unique("trial"))
    assert folders_env.fault(
        "moveFolder",
        user="trial@folders.test",
        companyHandle="c|6",
        folderHandle=top,
        destFolderHandle="f|ApiTestCo/",
    )[:2] == (
        "authorizationFault",
        20003,
    )


def test_uploads_make_the_folders_of_their_dest_path(folders_env: Folders) -> None:
    top = unique("upload")
    submitted = folders_env.advance(60)
    upload(folders_env, f"ApiTestCo/{top}/x/y/pic.jpg")  # with the root: as uploads take it
    # Not yet: the file's step is 1.5 s after the start (job_plans: START_DELAY + 1 s).
    assert folders_env.fault("getFolders", companyHandle="c|6", folderPath=top)[1] == 30001
    folders_env.advance(10)
    tree = folders_env.tree(folderPath=top)
    assert shape(tree) == (
        f"ApiTestCo/{top}/",
        True,
        [(f"ApiTestCo/{top}/x/", True, [(f"ApiTestCo/{top}/x/y/", False, None)])],
    )
    step = submitted + timedelta(seconds=1.5)
    assert folders_env.dates(f"{top}/x/y") == (step, step)
    assert folders_env.dates(top) == (step, step)
    resubmitted = folders_env.advance(60)
    upload(folders_env, f"{top}/x/y/pic.jpg")  # FileUpdated: a change in the folder
    folders_env.advance(10)
    assert folders_env.dates(f"{top}/x/y") == (step, resubmitted + timedelta(seconds=1.5))


def test_a_dest_path_too_long_for_a_folder_is_refused_at_submit(folders_env: Folders) -> None:
    element, code, reason = folders_env.fault(
        "submitJob",
        companyHandle="c|6",
        jobName=unique("long"),
        uploadUrlsJob={
            "urlArray": {
                "items": [
                    {"sourceUrl": "http://example.com/x.jpg", "destPath": "d" * 1001 + "/x.jpg"}
                ]
            },
            "overwrite": True,
            "readyForPublish": True,
            "createMask": False,
            "emailSetting": "None",
        },
    )
    assert (element, code) == ("ipsApiFault", 30001)
    assert "'uploadUrlsJob/urlArray/items[1]/destPath'" in reason
    assert reason.endswith("a folder path holds at most 1000 characters")


def test_folders_nest_at_most_100_deep_and_such_a_tree_is_answered(folders_env: Folders) -> None:
    top = unique("deep")
    deepest = f"{top}/" + "d/" * 99  # 100 names
    create(folders_env, deepest)
    tree = folders_env.tree(folderPath=top)  # zeep (lxml) reads it: 256 XML levels at most
    levels = 0
    while tree.subfolderArray is not None:
        (tree,) = tree.subfolderArray.items
        levels += 1
    assert (levels, tree.path) == (99, f"ApiTestCo/{deepest}")
    element, code, reason = folders_env.fault(
        "createFolder", companyHandle="c|6", folderPath=f"{deepest}one-more"
    )
    assert (element, code) == ("ipsApiFault", 30001)
    assert reason.endswith("folders nest at most 100 deep")
    other = create(folders_env, f"{unique('deep')}/x")
    element, code, reason = folders_env.fault(
        "moveFolder",
        companyHandle="c|6",
        folderHandle=other,
        destFolderHandle=f"f|ApiTestCo/{deepest}",
    )
    assert (element, code) == ("ipsApiFault", 30001)
    assert reason.endswith("folders would nest more than 100 deep")


def test_a_name_an_asset_in_the_trash_keeps_is_refused_by_rename_and_move(
    folders_env: Folders,
) -> None:
    # A folder whose assets are all in the trash can be deleted; they keep their folder
    # and names, so another folder may not take that path with an asset of the same
    # name (the unique index answered a 30000).
    top = unique("trashname")

    def asset(key: str, folder: str, name: str) -> dict[str, str]:
        return {"handle": f"a|{top}-{key}", "company": "c|6", "folder": f"{top}/{folder}/",
                "name": name, "type": "Image", "created": "2025-06-01T00:00:00Z",
                "createUser": DEMO_USER}  # fmt: skip

    folders_env.server.app.seed({"assets": [
        asset("gone", "old", "n"), asset("live", "live", "n"),
        asset("gone2", "dst/sub", "m"), asset("live2", "src/sub", "m"),
    ]})  # fmt: skip
    for key, folder in (("gone", "old"), ("gone2", "dst/sub")):
        folders_env.call("deleteAsset", companyHandle="c|6", assetHandle=f"a|{top}-{key}")
        folders_env.call(
            "deleteFolder", companyHandle="c|6", folderHandle=f"f|ApiTestCo/{top}/{folder}/"
        )
    assert folders_env.fault(
        "renameFolder", companyHandle="c|6", folderHandle=f"f|ApiTestCo/{top}/live/",
        folderName="old",
    ) == (
        "ipsApiFault", 30001,
        f"Invalid value 'old' for parameter 'folderName': an asset in the trash keeps the name "
        f"'n' in use in ApiTestCo/{top}/old/: empty it from the trash first",
    )  # fmt: skip
    dest = f"f|ApiTestCo/{top}/dst/"
    assert folders_env.fault(
        "moveFolder", companyHandle="c|6", folderHandle=f"f|ApiTestCo/{top}/src/sub/",
        destFolderHandle=dest,
    ) == (
        "ipsApiFault", 30001,
        f"Invalid value '{dest}' for parameter 'destFolderHandle': an asset in the trash keeps "
        f"the name 'm' in use in ApiTestCo/{top}/dst/sub/: empty it from the trash first",
    )  # fmt: skip
    assert folders_env.paths(top) == [
        f"ApiTestCo/{top}/{p}" for p in ("", "dst/", "live/", "src/", "src/sub/")
    ]
    folders_env.call("emptyAssetsFromTrash", companyHandle="c|6",
                     assetHandleArray={"items": [f"a|{top}-gone"]})  # fmt: skip
    renamed = folders_env.call(
        "renameFolder", companyHandle="c|6", folderHandle=f"f|ApiTestCo/{top}/live/",
        folderName="old",
    )  # fmt: skip
    assert renamed == f"f|ApiTestCo/{top}/old/"
