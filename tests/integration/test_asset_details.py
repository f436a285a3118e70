"""Asset details through zeep: who made an asset, its metadata and its image facts."""

from __future__ import annotations

from typing import Any

from tests.helpers import NS_2008, auth_header, envelope, post
from tests.integration.jobs_support import Emulator, emulator, unique_name

__all__ = ["emulator"]  # the fixture, imported for this module


def by_name(emulator: Emulator, name: str) -> Any:
    found = emulator.call("getAssetsByName", companyHandle="c|6", nameArray={"items": [name]})
    assert len(found) == 1
    return found[0]


def test_an_upload_gets_the_details_the_service_derives(emulator: Emulator) -> None:
    emulator.upload(
        unique_name("details"),
        ("http://example.com/in/Summer_hero.png", "details/Summer_hero.png"),
        ("http://example.com/in/terms.pdf", "details/terms.pdf"),
    )
    emulator.advance(10)
    image = by_name(emulator, "Summer_hero.png")
    assert (image.createUser, image.lastModifyUser) == (
        "demo@ips-emulator.test", "image optimization",
    )  # fmt: skip
    raw = post(emulator.server.service_url, envelope(
        f'<getAssetsByNameParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<nameArray><items>Summer_hero.png</items></nameArray></getAssetsByNameParam>",
        auth_header(),
    )).content.decode()  # fmt: skip
    assert "<projects/>" in raw  # no projects are modelled: empty, as recorded
    assert "<metadataArray/>" in raw  # no metadata fields defined
    info = image.imageInfo
    assert (info.originalPath, info.originalFile) == ("ApiTestCo/details/", "Summer_hero.png")
    assert (info.sku, info.description, info.resolution) == ("Summer_hero", "Summer_hero", 0.0)
    assert info.optimizedPath.startswith("ApiTestCo/_optimized_/")
    assert info.optimizedFile.endswith(".tif")
    assert image.ipsImageUrl == f"image-no-ips/{info.optimizedPath}{info.optimizedFile}"
    assert 1000 <= max(info.width, info.height) <= 4000
    assert (info.anchorX, info.anchorY) == (info.width // 2, info.height // 2)
    assert 0.3 <= info.fileSize / (info.width * info.height) <= 0.8
    pdf = by_name(emulator, "terms.pdf")
    assert (pdf.createUser, pdf.lastModifyUser) == ("demo@ips-emulator.test",) * 2
    assert (pdf.imageInfo, pdf.ipsImageUrl) == (None, None)
