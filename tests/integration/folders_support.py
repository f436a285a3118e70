"""A server with folders to look at, and helpers to call the folder operations through zeep.

Company ``c|71`` (root ``TreeCo/``) is seeded and never changed by a test, so that
whole-company answers can be checked in any order; tests that change folders work in
``c|6`` (the demo company), each below a folder name of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

import pytest
import zeep

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PASSWORD = "folder-pass"
_names = count(1)


def day(number: int) -> datetime:
    return datetime(2025, 1, number, tzinfo=UTC)


def _at(number: int) -> str:
    return day(number).isoformat()


def _asset(folder: str, name: str, kind: str, created: int, modified: int) -> dict[str, Any]:
    return {
        "company": "c|71",
        "folder": folder,
        "name": name,
        "type": kind,
        "created": _at(created),
        "lastModified": _at(modified),
    }


SEED = {
    "companies": [{"handle": "c|71", "name": "Tree Co", "rootPath": "TreeCo/"}],
    "users": [
        {
            "email": "trial@folders.test",
            "password": PASSWORD,
            "role": "TrialSiteUser",
            "companies": ["c|6"],
        },
        {
            "email": "user@folders.test",
            "password": PASSWORD,
            "role": "IpsUser",
            "companies": ["c|6", "c|71"],
        },
    ],
    "folders": [{"company": "c|71", "path": "empty/", "lastModified": _at(1)}],
    "assets": [
        _asset("products/shoes/", "red.jpg", "Image", 2, 5),
        _asset("products/", "hat.pdf", "Pdf", 3, 3),
        _asset("video/", "clip.mp4", "Video", 4, 4),
        _asset("", "logo.jpg", "Image", 1, 1),
    ],
}


def unique(prefix: str) -> str:
    return f"{prefix}{next(_names)}"


@dataclass
class Folders:
    server: EmulatorServer
    clock: ManualClock
    client: zeep.Client

    def call(
        self, operation: str, user: str = DEMO_USER, password: str = DEMO_PASSWORD, **params: Any
    ) -> Any:
        header = {"authHeader": {"user": user, "password": password}}
        return getattr(self.client.service, operation)(**params, _soapheaders=header)

    def fault(self, operation: str, user: str = DEMO_USER, **params: Any) -> tuple[str, int, str]:
        """(fault element, code, reason) of a call that must fault."""
        password = PASSWORD if user != DEMO_USER else DEMO_PASSWORD
        with pytest.raises(zeep.exceptions.Fault) as caught:
            self.call(operation, user, password, **params)
        detail = caught.value.detail[0]
        return etree_name(detail.tag), int(detail[0].text), str(detail[1].text)

    def advance(self, seconds: float) -> datetime:
        self.clock.advance(timedelta(seconds=seconds))
        return self.clock.now()

    def tree(self, company: str = "c|6", depth: int = -1, **params: Any) -> Any:
        return self.call("getFolderTree", companyHandle=company, depth=depth, **params).folders

    def paths(self, folder_path: str, company: str = "c|6") -> list[str]:
        """getFolders' paths from ``folder_path`` down."""
        found = self.call("getFolders", companyHandle=company, folderPath=folder_path)
        return [f.path for f in found.folderArray.items]

    def dates(self, path: str) -> tuple[datetime | None, datetime | None]:
        """(lastModified, childLastModified) of the folder at ``path`` (below ApiTestCo/)."""
        (found, *_) = self.call(
            "getFolders", companyHandle="c|6", folderPath=path
        ).folderArray.items
        return found.lastModified, found.childLastModified


def etree_name(tag: str) -> str:
    return tag.split("}", 1)[-1]


def shape(folder: Any) -> tuple[str, bool, list[Any] | None]:
    """(path, hasSubfolders, subfolders' shapes or None where the tree stops)."""
    subs = folder.subfolderArray
    below = None if subs is None else [shape(s) for s in subs.items]
    return folder.path, folder.hasSubfolders, below


@pytest.fixture(scope="module")
def folders_env(make_server: ServerFactory) -> Folders:
    clock = ManualClock(START)
    server = make_server(clock=clock)
    server.app.seed(SEED)
    return Folders(
        server, clock, zeep.Client(f"{server.url}/scene7/webservice/IpsApi-2013-02-15.wsdl")
    )
