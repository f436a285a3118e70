"""Folder paths and handles (domain/folder_paths.py) and the tree built from them
(domain/folder_tree.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ips_emulator.domain.folder_paths import (
    MAX_DEPTH,
    MAX_PATH,
    FolderPathError,
    ancestors,
    folder_handle,
    folder_path,
    implied_folders,
    name_of,
    name_problem,
    parent,
    path_of_handle,
)
from ips_emulator.domain.folder_tree import FolderNode, build_tree, flatten
from ips_emulator.records import FolderRecord

ROOT = "ApiTestCo/"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("/SpinSets", "SpinSets/"),  # the createFolder page's example: "/" is the root
        ("SpinSets", "SpinSets/"),
        ("SpinSets/", "SpinSets/"),
        ("ApiTestCo/SpinSets", "SpinSets/"),  # with the company root, as uploads take it
        ("/ApiTestCo/SpinSets/", "SpinSets/"),
        ("a//b/./c", "a/b/c/"),  # empty and "." segments name nothing
        ("/", ""),
        ("ApiTestCo", ""),
        ("", ""),
        ("ApiTestCoX/a", "ApiTestCoX/a/"),  # another name, not the root
        ("My Newly Renamed PDF Folder", "My Newly Renamed PDF Folder/"),
        ("50%_off/a_b", "50%_off/a_b/"),
    ],
)
def test_folder_path_takes_paths_with_or_without_the_root(given: str, stored: str) -> None:
    assert folder_path(ROOT, given) == stored


@pytest.mark.parametrize("given", ["..", "a/../b", "a/..", "../OtherCo/x", "a\\..\\b"])
def test_dot_dot_is_refused(given: str) -> None:
    with pytest.raises(FolderPathError, match=r"'\.\.' segments are not allowed"):
        folder_path(ROOT, given)


def test_a_dot_dot_inside_a_name_is_a_name() -> None:
    assert folder_path(ROOT, "x..v2") == "x..v2/"


def test_folders_nest_at_most_max_depth() -> None:
    assert folder_path(ROOT, "a/" * MAX_DEPTH).count("/") == MAX_DEPTH
    with pytest.raises(FolderPathError, match="folders nest at most 100 deep"):
        folder_path(ROOT, "a/" * (MAX_DEPTH + 1))


def test_paths_longer_than_the_column_are_refused() -> None:
    assert folder_path(ROOT, "a" * (MAX_PATH - 1)) == "a" * (MAX_PATH - 1) + "/"
    with pytest.raises(FolderPathError, match="at most 1000 characters"):
        folder_path(ROOT, "a" * MAX_PATH)


@pytest.mark.parametrize(
    ("handle", "stored"),
    [
        ("f|ApiTestCo/", ""),
        ("f|ApiTestCo/a/b/", "a/b/"),
        ("f|ApiTestCo/a/b", "a/b/"),
        ("ApiTestCo/a/", "a/"),  # the pre-4.0 examples' handles: the bare path
    ],
)
def test_path_of_handle(handle: str, stored: str) -> None:
    assert path_of_handle(ROOT, handle) == stored
    assert folder_handle(ROOT, stored) == f"f|ApiTestCo/{stored}"


@pytest.mark.parametrize("handle", ["f|OtherCo/a/", "f|a/", "f|", "f|ApiTestCoX/a/", "a|1"])
def test_a_handle_outside_the_company_root_is_refused(handle: str) -> None:
    with pytest.raises(FolderPathError, match="not a folder of this company"):
        path_of_handle(ROOT, handle)


def test_an_empty_root_holds_every_path() -> None:
    assert path_of_handle("", "f|a/b/") == "a/b/"
    assert folder_path("", "/a") == "a/"


@pytest.mark.parametrize("name", ["ok name", "x..v2", "My Newly Renamed PDF Folder"])
def test_names_a_folder_may_have(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "a folder name cannot be empty"),
        ("  ", "a folder name cannot be empty"),
        ("a/b", "a folder name cannot hold '/'"),
        ("..", "'..' cannot name a folder"),
        (".", "'.' cannot name a folder"),
    ],
)
def test_names_a_folder_cannot_have(name: str, problem: str) -> None:
    assert name_problem(name) == problem


def test_parent_name_and_ancestors() -> None:
    assert (parent("a/b/c/"), parent("a/"), parent("")) == ("a/b/", "", "")
    assert (name_of("a/b c/"), name_of("a/")) == ("b c", "a")
    assert list(ancestors("a/b/c/")) == ["a/", "a/b/", "a/b/c/"]
    assert list(ancestors("")) == []


def _at(day: int) -> datetime:
    return datetime(2020, 1, day, tzinfo=UTC)


def test_implied_folders_and_their_dates() -> None:
    implied = implied_folders(
        [
            ("a/b/", _at(5), _at(6)),
            ("a/", _at(7), _at(9)),
            ("a/b/", _at(2), _at(3)),
            ("", _at(1), _at(1)),  # the root is no folder
        ]
    )
    assert implied == {
        # Needed from day 2 (an asset below it); its own asset changed on day 9.
        "a/": (_at(2), _at(9)),
        # Its assets: created on days 2 and 5, the later one last changed on day 6.
        "a/b/": (_at(2), _at(6)),
    }
    assert list(implied) == ["a/", "a/b/"]  # parents first
    # A subfolder appearing is a change of its parent.
    assert implied_folders([("x/y/", _at(4), _at(4))])["x/"] == (_at(4), _at(4))


def _record(path: str, number: int = 0) -> FolderRecord:
    return FolderRecord(number, 1, path, _at(1), _at(2))


FOLDERS = [_record(p, i) for i, p in enumerate(
    ["b/", "a/", "a b/", "a/x/", "a/x/deep/", "a/y/", "b/z/"]
)]  # fmt: skip


def _shape(node: FolderNode) -> object:
    subs = None if node.subfolders is None else [_shape(s) for s in node.subfolders]
    return (node.path, node.has_subfolders, subs)


def test_depth_zero_is_the_start_folder_alone() -> None:
    tree = build_tree("", None, FOLDERS, 0)
    assert _shape(tree) == ("", True, None)


def test_depth_one_and_siblings_in_name_order() -> None:
    tree = build_tree("", None, FOLDERS, 1)
    # "a" before "a b" before "b": by name, not by the stored path ("a b/" < "a/").
    assert _shape(tree) == ("", True, [("a/", True, None), ("a b/", False, None),
                                       ("b/", True, None)])  # fmt: skip


def test_negative_depth_is_every_level() -> None:
    tree = build_tree("", None, FOLDERS, -1)
    assert [n.path for n in flatten(tree)] == [
        "", "a/", "a/x/", "a/x/deep/", "a/y/", "a b/", "b/", "b/z/",
    ]  # fmt: skip
    leaf = next(n for n in flatten(tree) if n.path == "a/x/deep/")
    assert (leaf.has_subfolders, leaf.subfolders) == (False, None)


def test_a_tree_from_a_folder_holds_only_what_lies_below_it() -> None:
    start = FOLDERS[1]
    tree = build_tree("a/", start, FOLDERS, 5)
    assert tree.record is start
    assert [n.path for n in flatten(tree)] == ["a/", "a/x/", "a/x/deep/", "a/y/"]


def test_keep_leaves_out_folders_with_nothing_kept_below() -> None:
    tree = build_tree("", None, FOLDERS, -1, keep={"a/x/deep/"})
    assert [n.path for n in flatten(tree)] == ["", "a/", "a/x/", "a/x/deep/"]
    assert build_tree("", None, FOLDERS, -1, keep=set()).has_subfolders is False


def test_at_most_max_folders_are_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    from ips_emulator.domain import folder_tree

    monkeypatch.setattr(folder_tree, "MAX_FOLDERS", 4)
    assert len(list(flatten(build_tree("", None, FOLDERS, -1)))) == 4
