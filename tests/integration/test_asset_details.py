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
    # Named as the real service names an upload: the file name without its extension.
    image = by_name(emulator, "Summer_hero")
    assert (image.createUser, image.lastModifyUser) == (
        "demo@ips-emulator.test", "image optimization",
    )  # fmt: skip
    raw = post(emulator.server.service_url, envelope(
        f'<getAssetsByNameParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<nameArray><items>Summer_hero</items></nameArray></getAssetsByNameParam>",
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
    pdf = by_name(emulator, "terms")
    assert (pdf.createUser, pdf.lastModifyUser) == ("demo@ips-emulator.test",) * 2
    assert (pdf.imageInfo, pdf.ipsImageUrl) == (None, None)


SEEDED_INFO = {
    "originalPath": "up/", "originalFile": "Coat.PNG", "optimizedPath": "opt/",
    "optimizedFile": "coat.tif", "maskPath": "masks/", "maskFile": "coat.png", "width": 640,
    "height": 480, "fileSize": 123456, "resolution": 72.5, "sku": "SKU-1",
    "description": "A coat", "comments": "seasonal", "userData": "u=1", "anchorX": 10,
    "anchorY": 20,
}  # fmt: skip


def test_seeded_details_come_back_from_both_lookups(emulator: Emulator) -> None:
    emulator.server.app.seed({"assets": [{
        "company": "c|6", "folder": "seeded/", "name": "coat.png", "type": "Image",
        "created": "2011-03-01T17:04:40.177-06:00", "createUser": "test@example.com",
        "lastModifyUser": "retouch@example.com",
        "metadata": [{"name": "eVideoTypeImage"}, {"name": "colour", "value": "red"}],
        "imageInfo": SEEDED_INFO,
    }]})  # fmt: skip
    found = by_name(emulator, "coat.png")
    searched = emulator.call("searchAssets", companyHandle="c|6", includeSubfolders=True,
                             folder="seeded/").assetArray.items  # fmt: skip
    for image in (found, *searched):
        assert (image.createUser, image.lastModifyUser) == (
            "test@example.com", "retouch@example.com",
        )  # fmt: skip
        assert [(m.name, m.value) for m in image.metadataArray.items] == [
            ("eVideoTypeImage", None), ("colour", "red"),  # zeep reads <value/> as None
        ]  # fmt: skip
        assert {k: image.imageInfo[k] for k in SEEDED_INFO} == SEEDED_INFO
        assert image.ipsImageUrl == "image-no-ips/opt/coat.tif"


def test_search_compares_and_sorts_by_the_stored_details(emulator: Emulator) -> None:
    created = "2012-01-01T00:00:00Z"
    images = [
        {"company": "c|6", "folder": "search/", "name": f"{name}.png", "type": "Image",
         "created": created, "createUser": user, "imageInfo": {"sku": sku, "fileSize": size}}
        for name, user, sku, size in (("small", "a@x.test", "S-1", 10),
                                      ("large", "b@x.test", "S-2", 30),
                                      ("mid", "a@x.test", "T-3", 20))
    ]  # fmt: skip
    pdf = {"company": "c|6", "folder": "search/", "name": "doc.pdf", "type": "Pdf",
           "created": created}  # fmt: skip
    emulator.server.app.seed({"assets": [*images, pdf]})

    def search(*conditions: dict[str, str], **params: str) -> list[str]:
        result = emulator.call(
            "searchAssets", companyHandle="c|6", includeSubfolders=True, folder="search/",
            systemFieldConditionArray={"items": list(conditions)} if conditions else None,
            **params,
        )  # fmt: skip
        return [a.name for a in result.assetArray.items] if result.assetArray else []

    by_sku = {"field": "Sku", "op": "StartsWith", "value": "S-"}
    assert search(by_sku) == ["large.png", "small.png"]
    assert search({"field": "CreateUser", "op": "Equals", "value": "a@x.test"}) == [
        "mid.png", "small.png",
    ]  # fmt: skip
    optimizer = {"field": "LastModifyUser", "op": "Equals", "value": "image optimization"}
    assert search(optimizer) == ["large.png", "mid.png", "small.png"]
    # The Pdf has no sku and no known creator: both compare as "".
    assert search({"field": "Sku", "op": "NotEquals", "value": "S-1"}) == [
        "doc.pdf", "large.png", "mid.png",
    ]  # fmt: skip
    assert search({"field": "CreateUser", "op": "Equals", "value": ""}) == ["doc.pdf"]
    assert search(sortBy="FileSize") == ["doc.pdf", "small.png", "mid.png", "large.png"]


def test_uploads_are_named_without_the_extension_and_collide_by_that_name(
    emulator: Emulator,
) -> None:
    """hat.jpg makes an asset named hat; hat.png into the same folder is the same asset
    (overwrite decides), and its originalFile says which file it came from."""
    folder = unique_name("named")
    emulator.upload(unique_name("first"), ("http://example.com/hat.jpg", f"{folder}/hat.jpg"))
    emulator.advance(10)
    first = by_name(emulator, "hat")
    assert (first.name, first.imageInfo.originalFile) == ("hat", "hat.jpg")
    emulator.upload(unique_name("keep"), ("http://example.com/hat.png", f"{folder}/hat.png"),
                    overwrite_files=False)  # fmt: skip
    emulator.upload(unique_name("update"), ("http://example.com/hat.png", f"{folder}/hat.png"))
    emulator.advance(20)
    entries = emulator.call("getAssetJobLogs", companyHandle="c|6", assetHandle=first.assetHandle)
    assert [e.logType for e in entries] == ["UploadSuccess", "DuplicateSkipped", "FileUpdated"]
    assert by_name(emulator, "hat").assetHandle == first.assetHandle
