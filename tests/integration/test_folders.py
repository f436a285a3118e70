"""getFolderTree and getFolders (r-get-folder-tree.md, r-get-folders.md) over HTTP: zeep
built from the served 2013-02-15 WSDL, and the pages' own pre-4.0 requests as raw XML.

The seeded company c|71 (tests/integration/folders_support.py) holds, below TreeCo/:
empty/ (listed, day 1), products/ (hat.pdf, day 3), products/shoes/ (red.jpg, created
day 2, changed day 5), video/ (clip.mp4, day 4), and logo.jpg in the root.
"""

from __future__ import annotations

import pytest

from tests.helpers import NS_XSD, auth_header, envelope, post
from tests.integration.folders_support import PASSWORD, Folders, day, folders_env, shape

__all__ = ["folders_env"]  # the fixture, imported for this module

WHOLE = (
    "TreeCo/",
    True,
    [
        ("TreeCo/empty/", False, None),
        ("TreeCo/products/", True, [("TreeCo/products/shoes/", False, None)]),
        ("TreeCo/video/", False, None),
    ],
)


def test_a_negative_depth_gives_every_level_below_the_root(folders_env: Folders) -> None:
    tree = folders_env.tree("c|71", depth=-1)
    assert shape(tree) == WHOLE
    # The root is the company's: it has a handle and a path, and no dates.
    assert (tree.folderHandle, tree.lastModified, tree.childLastModified) == (
        "f|TreeCo/",
        None,
        None,
    )
    products = tree.subfolderArray.items[1]
    assert products.folderHandle == "f|TreeCo/products/"
    # Needed from day 2 (red.jpg below it); hat.pdf (day 3) is its latest change.
    assert (products.lastModified, products.childLastModified) == (day(2), day(3))
    shoes = products.subfolderArray.items[0]
    assert (shoes.lastModified, shoes.childLastModified) == (day(2), day(5))
    assert tree.subfolderArray.items[0].lastModified == day(1)  # listed in the seed, empty


def test_depth_zero_is_the_top_folder_alone_and_one_a_level_more(folders_env: Folders) -> None:
    assert shape(folders_env.tree("c|71", depth=0)) == ("TreeCo/", True, None)
    assert shape(folders_env.tree("c|71", depth=1)) == (
        "TreeCo/",
        True,
        [
            ("TreeCo/empty/", False, None),
            ("TreeCo/products/", True, None),
            ("TreeCo/video/", False, None),
        ],
    )
    assert shape(folders_env.tree("c|71", depth=5)) == WHOLE


@pytest.mark.parametrize("folder_path", ["products", "/products/", "TreeCo/products"])
def test_folder_path_starts_the_tree_with_or_without_the_root(
    folders_env: Folders, folder_path: str
) -> None:
    tree = folders_env.tree("c|71", folderPath=folder_path)
    assert shape(tree) == WHOLE[2][1]
    assert (tree.lastModified, tree.childLastModified) == (day(2), day(3))


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["Video"], ("TreeCo/", True, [("TreeCo/video/", False, None)])),
        (
            ["Image"],
            (
                "TreeCo/",
                True,
                [
                    ("TreeCo/products/", True, [("TreeCo/products/shoes/", False, None)]),
                ],
            ),
        ),  # the parent of a folder holding an image stays, so the tree holds together
        (["Pdf"], ("TreeCo/", True, [("TreeCo/products/", False, None)])),
        (["Font"], ("TreeCo/", False, None)),
    ],
)
def test_asset_type_array_keeps_the_folders_holding_those_types(
    folders_env: Folders, types: list[str], expected: object
) -> None:
    tree = folders_env.tree("c|71", assetTypeArray={"items": types})
    assert shape(tree) == expected


def test_get_folders_lists_the_start_folder_then_each_below_parents_first(
    folders_env: Folders,
) -> None:
    found = folders_env.call("getFolders", companyHandle="c|71").folderArray.items
    assert [(f.folderHandle, f.path, f.hasSubfolders, f.subfolderArray) for f in found] == [
        ("f|TreeCo/", "TreeCo/", True, None),
        ("f|TreeCo/empty/", "TreeCo/empty/", False, None),
        ("f|TreeCo/products/", "TreeCo/products/", True, None),
        ("f|TreeCo/products/shoes/", "TreeCo/products/shoes/", False, None),
        ("f|TreeCo/video/", "TreeCo/video/", False, None),
    ]
    assert (found[3].lastModified, found[3].childLastModified) == (day(2), day(5))
    assert folders_env.paths("products", "c|71") == ["TreeCo/products/", "TreeCo/products/shoes/"]
    found = folders_env.call(
        "getFolders", companyHandle="c|71", assetTypeArray={"items": ["Video"]}
    ).folderArray.items
    assert [f.path for f in found] == ["TreeCo/", "TreeCo/video/"]


def test_the_get_folder_tree_page_example_request(folders_env: Folders) -> None:
    # The page's request, pre-4.0 namespace, depth -1, c|71 for its company "47".
    body = (
        f'<ns1:getFolderTreeParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|71'
        "</ns1:companyHandle><ns1:depth>-1</ns1:depth></ns1:getFolderTreeParam>"
    )
    answer = post(folders_env.server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    (returned,) = answer.root[0]
    (folders,) = returned  # Adobe's WSDL: one Folder, not the example's <folders><items>
    assert [c.tag.split("}")[1] for c in folders] == [
        "folderHandle",
        "path",
        "hasSubfolders",
        "subfolderArray",
    ]
    products = folders.find(f"{{{NS_XSD}}}subfolderArray")[1]
    assert [c.tag.split("}")[1] for c in products] == [
        "folderHandle",
        "path",
        "lastModified",
        "childLastModified",
        "hasSubfolders",
        "subfolderArray",
    ]
    assert products.findtext(f"{{{NS_XSD}}}lastModified") == "2025-01-02T00:00:00.000Z"


def test_the_get_folders_page_example_request(folders_env: Folders) -> None:
    body = (
        f'<ns1:getFoldersParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|71'
        "</ns1:companyHandle></ns1:getFoldersParam>"
    )
    answer = post(folders_env.server.service_url, envelope(body, auth_header()))
    items = answer.root.findall(f".//{{{NS_XSD}}}folderArray/{{{NS_XSD}}}items")
    assert [i.findtext(f"{{{NS_XSD}}}folderHandle") for i in items] == [
        "f|TreeCo/",
        "f|TreeCo/empty/",
        "f|TreeCo/products/",
        "f|TreeCo/products/shoes/",
        "f|TreeCo/video/",
    ]
    # As the page's root item: handle, path, hasSubfolders.
    assert [c.tag.split("}")[1] for c in items[0]] == ["folderHandle", "path", "hasSubfolders"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"folderPath": "nothing/here"},
            (30001, "Invalid value 'nothing/here' for parameter 'folderPath': no such folder"),
        ),
        (
            {"folderPath": "a/../../OtherCo"},
            (
                30001,
                "Invalid value 'a/../../OtherCo' for parameter 'folderPath': '..' segments "
                "are not allowed: a folder lies below its parent",
            ),
        ),
        ({"companyHandle": ""}, (30002, "Missing required parameter 'companyHandle'.")),
    ],
)
def test_bad_parameters_are_faults_naming_them(
    folders_env: Folders, params: dict[str, str], expected: tuple[int, str]
) -> None:
    call = {"companyHandle": "c|71", "depth": 1, **params}
    assert folders_env.fault("getFolderTree", **call) == ("ipsApiFault", *expected)
    del call["depth"]
    assert folders_env.fault("getFolders", **call) == ("ipsApiFault", *expected)


def test_depth_must_be_an_int_and_is_required(folders_env: Folders) -> None:
    for depth, code, reason in [
        ("deep", 30001, "'depth'"),
        (None, 30002, "Missing required parameter 'depth'"),
    ]:
        inner = "" if depth is None else f"<depth>{depth}</depth>"
        body = (
            f'<getFolderTreeParam xmlns="{NS_XSD}"><companyHandle>c|71</companyHandle>'
            f"{inner}</getFolderTreeParam>"
        )
        answer = post(folders_env.server.service_url, envelope(body, auth_header()))
        fault = answer.fault()
        assert fault[2:4] == ("ipsApiFault", code)
        assert reason in fault[4]


def test_other_companies_and_impersonation_are_refused(folders_env: Folders) -> None:
    member = {"user": "trial@folders.test"}
    assert folders_env.fault("getFolders", companyHandle="c|71", **member)[:2] == (
        "authorizationFault",
        20006,
    )
    assert folders_env.fault("getFolders", companyHandle="c|6", accessUserHandle="u|1|x", **member)[
        :2
    ] == ("authorizationFault", 20004)
    # An admin may name a member; the answer is the same (no folder permissions).
    user = folders_env.call("getUserInfo", email="user@folders.test").userHandle
    found = folders_env.call("getFolders", companyHandle="c|71", accessUserHandle=user)
    assert len(found.folderArray.items) == 5


def test_get_folder_tree_refuses_the_portal_roles_the_page_leaves_out(
    folders_env: Folders,
) -> None:
    # The page lists every role but ImagePortalAdmin and ImagePortalUser; getFolders has all.
    folders_env.server.app.seed(
        {
            "users": [
                {
                    "email": "viewer@folders.test",
                    "password": PASSWORD,
                    "role": "ImagePortalUser",
                    "companies": ["c|71"],
                },
            ]
        }
    )
    assert folders_env.fault(
        "getFolderTree", user="viewer@folders.test", companyHandle="c|71", depth=0
    )[:2] == (
        "authorizationFault",
        20003,
    )
    found = folders_env.call("getFolders", "viewer@folders.test", PASSWORD, companyHandle="c|71")
    assert found.folderArray.items[0].path == "TreeCo/"
