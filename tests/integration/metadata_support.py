"""A server with metadata fields and values to look at, and helpers to call through zeep.

Company ``c|6`` (the demo's, with its fields Photographer, ShootDate, Season, Rating and
Approved) gets the fields below; ``c|81`` is another company. Each test that writes
works on assets of its own (``w-…``); the search assets (below ``search/``) are never
changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import zeep

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PASSWORD = "meta-pass"
VIEWER, TRIAL, EDITOR = "viewer@meta.test", "trial@meta.test", "editor@meta.test"


def _user(email: str, role: str, company: str = "c|6") -> dict[str, Any]:
    return {"email": email, "password": PASSWORD, "role": role, "companies": [company]}


def _field(name: str, kind: str = "String", **extra: Any) -> dict[str, Any]:
    return {"company": "c|6", "name": name, "type": kind, **extra}


def _asset(handle: str, name: str, kind: str = "Image", folder: str = "writes/",
           created: str = "2020-01-01T00:00:00Z", **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {"company": "c|6", "handle": handle, "name": name, "type": kind, "folder": folder,
            "created": created, "createUser": DEMO_USER, **extra}  # fmt: skip


def values(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"name": n, "value": v} for n, v in pairs]


SEED = {
    "companies": [{"handle": "c|81", "name": "Other Co", "rootPath": "OtherCo/"}],
    "users": [
        _user(VIEWER, "ImagePortalUser"),
        _user(TRIAL, "TrialSiteUser"),
        _user(EDITOR, "IpsUser"),
        _user("other@meta.test", "IpsUser", "c|81"),
    ],
    "metadataFields": [
        _field("Pages", "Int", assetType="Pdf"),
        _field("Weight", "Float"),
        _field("Keywords", "MultiTag"),
        _field("Colors", "MultiFixedTag", tagValues=["Red", "Green", "Blue"]),
        _field("LooseInt", "Int", isEnforced=False),
        _field("Credit", isRequired=True, defaultValue="ACME"),
        {"company": "c|81", "handle": "m|81|ALL|Secret", "name": "Secret"},
    ],
    "assets": [
        _asset("a|w-set", "w-set"),
        _asset("a|w-fail", "w-fail", metadata=values(("Photographer", "Kept"), ("Rating", "3"))),
        _asset("a|w-pre", "w-pre"),
        _asset("a|w-b1", "w-b1"),
        _asset("a|w-b2", "w-b2"),
        _asset("a|w-b3", "w-b3", metadata=values(("Rating", "1"))),
        _asset("a|w-c1", "w-c1"),
        _asset("a|w-c2", "w-c2"),
        _asset("a|w-c3", "w-c3"),
        _asset("a|w-pdf", "w-pdf", "Pdf"),
        _asset("a|w-tags", "w-tags"),
        _asset("a|s1", "test9-1000801", folder="search/Test subfolders/",
               created="2009-11-19T07:21:24.252-08:00",
               lastModified="2009-11-19T07:21:25.487-08:00", createUser="pschmidt@adobe.com",
               lastModifyUser="pschmidt@adobe.com",
               imageInfo={"originalFile": "test9-1000801.jpg"},
               metadata=values(("dc.rights", "Per Jessen Schmidt"),
                               ("dc.subject", "[San Fransico, USA"),
                               ("xmp.CreatorTool", "Ver.1.0"), ("Rating", "5"))),
        _asset("a|s2", "test9-1000802", folder="search/", created="2010-01-01T00:00:00Z",
               metadata=values(("Photographer", "Ann Lee"), ("dc.rights", "Someone Else"),
                               ("Rating", "2"), ("ShootDate", "2009-12-24T10:00:00Z"))),
        _asset("a|s3", "brochure", "Pdf", folder="search/", created="2011-01-01T00:00:00Z",
               metadata=values(("Photographer", "ann lee"), ("Pages", "12"))),
        _asset("a|s4", "spot", "Video", folder="search/sub/", created="2012-01-01T00:00:00Z",
               metadata=values(("Photographer", "Bob"), ("Weight", "2.5"))),
        {"company": "c|81", "handle": "a|o1", "name": "theirs", "type": "Image",
         "created": "2020-01-01T00:00:00Z", "metadata": values(("Secret", "x"))},
    ],
}  # fmt: skip


@dataclass
class Meta:
    server: EmulatorServer
    clock: ManualClock
    #: From the 2013-02-15 WSDL (its authHeader needs no appName).
    client: zeep.Client

    def call(self, operation: str, user: str = DEMO_USER, **params: Any) -> Any:
        password = DEMO_PASSWORD if user == DEMO_USER else PASSWORD
        header = {"authHeader": {"user": user, "password": password}}
        return getattr(self.client.service, operation)(**params, _soapheaders=header)

    def fault(self, operation: str, user: str = DEMO_USER, **params: Any) -> tuple[str, int, str]:
        """(fault element, code, reason) of a call that must fault."""
        with pytest.raises(zeep.exceptions.Fault) as caught:
            self.call(operation, user, **params)
        detail = caught.value.detail[0]
        return detail.tag.split("}", 1)[-1], int(detail[0].text), str(detail[1].text)

    def asset(self, handle: str) -> Any:
        (found,) = self.call("getAssets", companyHandle="c|6",
                             assetHandleArray={"items": [handle]})  # fmt: skip
        return found

    def stored(self, handle: str) -> list[tuple[str, str]]:
        """The asset's metadataArray as getAssets answers it."""
        array = self.asset(handle).metadataArray
        return [(m.name, m.value) for m in (array.items if array else [])]

    def search(self, *conditions: dict[str, Any], **params: Any) -> tuple[int, list[str]]:
        """(totalRows, asset names) of a searchAssetsByMetadata."""
        found = self.call(
            "searchAssetsByMetadata",
            companyHandle=params.pop("companyHandle", "c|6"),
            metadataConditionArray={"items": list(conditions)} if conditions else None,
            **params,
        )
        items = found.assetSummaryArray.items if found.assetSummaryArray else []
        return found.totalRows, [a.name for a in items]


@pytest.fixture(scope="module")
def meta(make_server: ServerFactory) -> Meta:
    clock = ManualClock(START)
    server = make_server(clock=clock)
    server.app.seed(SEED)
    client = zeep.Client(f"{server.url}/scene7/webservice/IpsApi-2013-02-15.wsdl")
    return Meta(server, clock, client)
