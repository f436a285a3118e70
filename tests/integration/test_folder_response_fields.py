"""getFolders' and getFolderTree's responseFieldArray and excludeFieldArray over HTTP
(r-get-folders.md, r-get-folder-tree.md, r-folder.md; the path rule of
docs/reference/ips-api/handles-and-locale.md).

The seeded company c|71 (tests/integration/folders_support.py), never changed: below
TreeCo/, empty/ (day 1), products/ (created day 2, its latest change day 3),
products/shoes/ (day 2, changed day 5) and video/.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from tests.helpers import NS_2008, auth_header, envelope, post
from tests.integration.folders_support import Folders, day, folders_env

__all__ = ["folders_env"]  # the fixture, imported for this module

TREE_CO = ["TreeCo/", "TreeCo/empty/", "TreeCo/products/", "TreeCo/products/shoes/",
           "TreeCo/video/"]  # fmt: skip


def paths(*items: str) -> dict[str, list[str]]:
    return {"items": list(items)}


def folders(env: Folders, **params: Any) -> list[Any]:
    return env.call("getFolders", companyHandle="c|71", **params).folderArray.items


def raw(env: Folders, operation: str, inner: str) -> etree._Element:
    """The ``…Return`` element of a 2008-01-15 call for c|71, as written on the wire."""
    body = (f'<{operation}Param xmlns="{NS_2008}"><companyHandle>c|71</companyHandle>'
            f"{inner}</{operation}Param>")  # fmt: skip
    answer = post(env.server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    return answer.root[-1][0]


def names(element: etree._Element) -> list[str]:
    return [etree.QName(e).localname for e in element]


def test_get_folders_writes_only_the_named_fields(folders_env: Folders) -> None:
    asked = paths("folderArray/items/path", "folderArray/items/hasSubfolders")
    found = folders(folders_env, responseFieldArray=asked)
    assert [(f.folderHandle, f.path, f.hasSubfolders, f.lastModified) for f in found] == [
        (None, path, path in ("TreeCo/", "TreeCo/products/"), None) for path in TREE_CO
    ]
    answer = raw(folders_env, "getFolders",
                 "<responseFieldArray><items>folderArray/items/path</items>"
                 "</responseFieldArray>")  # fmt: skip
    assert names(answer) == ["folderArray"]
    assert [names(item) for item in answer[0]] == [["path"]] * 5
    # A complex field named alone is written whole.
    whole = folders(folders_env, responseFieldArray=paths("folderArray"))
    assert (whole[3].folderHandle, whole[3].lastModified) == ("f|TreeCo/products/shoes/", day(2))


def test_get_folders_leaves_out_the_excluded_fields(folders_env: Folders) -> None:
    found = folders(
        folders_env,
        excludeFieldArray=paths("folderArray/items/lastModified",
                                "folderArray/items/childLastModified"),
    )  # fmt: skip
    assert [f.path for f in found] == TREE_CO
    assert found[2].folderHandle == "f|TreeCo/products/"
    assert {(f.lastModified, f.childLastModified) for f in found} == {(None, None)}
    # Both arrays: the named fields less the excluded ones.
    both = folders(folders_env, responseFieldArray=paths("folderArray/items/path",
                                                          "folderArray/items/folderHandle"),
                   excludeFieldArray=paths("folderArray/items/folderHandle"))  # fmt: skip
    assert [(f.folderHandle, f.path) for f in both] == [(None, p) for p in TREE_CO]


def test_get_folder_tree_paths_are_literal_at_each_level(folders_env: Folders) -> None:
    tree = folders_env.tree("c|71", responseFieldArray=paths(
        "folders/path", "folders/subfolderArray/items/path"))  # fmt: skip
    assert (tree.path, tree.folderHandle, tree.hasSubfolders) == ("TreeCo/", None, None)
    level_1 = tree.subfolderArray.items
    assert [(f.path, f.hasSubfolders, f.subfolderArray) for f in level_1] == [
        ("TreeCo/empty/", None, None), ("TreeCo/products/", None, None),
        ("TreeCo/video/", None, None),
    ]  # fmt: skip
    # A level named in full is reached, each level by its own path.
    two = "folders/subfolderArray/items/subfolderArray/items/path"
    tree = folders_env.tree("c|71", responseFieldArray=paths("folders/subfolderArray/items/path",
                                                              two))  # fmt: skip
    assert tree.path is None
    assert tree.subfolderArray.items[1].subfolderArray.items[0].path == "TreeCo/products/shoes/"
    answer = raw(folders_env, "getFolderTree",
                 f"<depth>-1</depth><responseFieldArray><items>{two}</items>"
                 "</responseFieldArray>")  # fmt: skip
    assert names(answer) == ["folders"]
    assert names(answer[0]) == ["subfolderArray"]
    products = answer[0][0][1]
    assert names(products) == ["subfolderArray"]
    assert names(products[0][0]) == ["path"]


def test_a_real_clients_get_folder_tree_request(folders_env: Folders) -> None:
    # The fields an integration sample asks for, depth 1: the start folder's handle, path,
    # childLastModified and hasSubfolders, and its subfolders whole.
    asked = paths("folders/folderHandle", "folders/path", "folders/subfolderArray",
                  "folders/childLastModified", "folders/hasSubfolders")  # fmt: skip
    tree = folders_env.tree("c|71", depth=1, folderPath="products", responseFieldArray=asked)
    assert (tree.folderHandle, tree.path, tree.hasSubfolders) == (
        "f|TreeCo/products/", "TreeCo/products/", True,
    )  # fmt: skip
    assert (tree.lastModified, tree.childLastModified) == (None, day(3))
    (shoes,) = tree.subfolderArray.items
    assert (shoes.folderHandle, shoes.lastModified, shoes.childLastModified) == (
        "f|TreeCo/products/shoes/", day(2), day(5),
    )  # fmt: skip


def test_get_folder_tree_exclusions_are_literal_too(folders_env: Folders) -> None:
    alone = folders_env.tree("c|71", folderPath="products",
                             excludeFieldArray=paths("folders/subfolderArray"))  # fmt: skip
    assert (alone.path, alone.hasSubfolders, alone.subfolderArray) == (
        "TreeCo/products/", True, None,
    )  # fmt: skip
    tree = folders_env.tree("c|71", excludeFieldArray=paths(
        "folders/subfolderArray/items/lastModified"))  # fmt: skip
    products = tree.subfolderArray.items[1]
    assert (products.path, products.lastModified, products.childLastModified) == (
        "TreeCo/products/", None, day(3),
    )  # fmt: skip
    # The level below is not named: it keeps its dates.
    assert products.subfolderArray.items[0].lastModified == day(2)


def test_a_path_naming_no_field_is_refused(folders_env: Folders) -> None:
    assert folders_env.fault("getFolderTree", companyHandle="c|71", depth=-1,
                             responseFieldArray=paths("folders/path", "folders/colour")) == (
        "ipsApiFault", 30001, "Invalid value 'folders/colour' for parameter"
        " 'responseFieldArray/items[2]': 'colour' is not a field of Folder",
    )  # fmt: skip
    assert folders_env.fault("getFolders", companyHandle="c|71",
                             excludeFieldArray=paths("assetArray/items/name"))[1:] == (
        30001, "Invalid value 'assetArray/items/name' for parameter"
        " 'excludeFieldArray/items[1]': 'assetArray' is not a field of the response",
    )  # fmt: skip


def test_without_the_arrays_or_with_empty_ones_the_bytes_are_the_same(
    folders_env: Folders,
) -> None:
    def answer(operation: str, inner: str) -> bytes:
        return etree.tostring(raw(folders_env, operation, inner))

    for operation, inner in (("getFolders", ""), ("getFolderTree", "<depth>-1</depth>")):
        plain = answer(operation, inner)
        assert b"<lastModified>" in plain
        assert answer(operation, f"{inner}<responseFieldArray/><excludeFieldArray/>") == plain
