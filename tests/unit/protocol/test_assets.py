"""An Asset on the wire: its details mapped to names, unknown ones and later versions left out."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from ips_emulator.domain.assets import FoundAsset
from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
from ips_emulator.protocol.assets import asset
from ips_emulator.protocol.serializer import ResponseWriter
from ips_emulator.records import AssetDetails, AssetRecord, CompanyRecord, ImageFacts

WHEN = datetime(2011, 3, 1, 23, 4, 40, tzinfo=UTC)
COMPANY = CompanyRecord(1, "c|1", "Example.com", "Example.com/", None)
IMAGE = ImageFacts("Example.com/in/", "x.png", "Example.com/_optimized_/abc/", "abc.tif",
                   "", "", 20, 10, 300, 0.0, "x", "d", "", "", 10, 5)  # fmt: skip


def written(details: AssetDetails, version: str = "2008-01-15") -> etree._Element:
    record = AssetRecord(7, "a|7", 1, "x.png", "in/", "Image", WHEN, WHEN, details)
    writer = ResponseWriter(REGISTRY, version, VERSION_NAMESPACES[version], UTC)
    value = {"assetArray": {"items": [asset(FoundAsset(record, COMPANY))]}}
    xml = writer.body(REGISTRY.operations["getAssetsByName"], value)
    return etree.fromstring(xml)[0][0]


def children(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def test_known_details_are_written_in_the_declared_order() -> None:
    details = AssetDetails("u@x.test", "image optimization", (("colour", "red"),), IMAGE)
    item = written(details)
    assert children(item) == [
        "assetHandle", "type", "name", "folder", "folderHandle", "projects", "ipsImageUrl",
        "created", "createUser", "lastModified", "lastModifyUser", "metadataArray", "imageInfo",
    ]  # fmt: skip
    assert item.findtext("{*}ipsImageUrl") == "image-no-ips/Example.com/_optimized_/abc/abc.tif"
    assert item.findtext("{*}metadataArray/{*}items/{*}value") == "red"
    info = item.find("{*}imageInfo")
    assert info is not None
    assert [info.findtext(f"{{*}}{n}") for n in ("width", "anchorY", "resolution")] == [
        "20", "5", "0.0",
    ]  # fmt: skip
    assert etree.tostring(info.find("{*}zoomTargets")).endswith(b"/>")


def test_later_fields_appear_only_in_their_versions() -> None:
    details = AssetDetails("u@x.test", "u@x.test", (), IMAGE)
    assert "trashState" not in children(written(details))
    assert "trashState" in children(written(details, "2013-02-15"))


def test_unknown_details_are_left_out_not_sent_empty() -> None:
    item = written(AssetDetails())  # an asset stored before migration 0002
    assert children(item) == [
        "assetHandle", "type", "name", "folder", "folderHandle", "projects", "created",
        "lastModified",
    ]  # fmt: skip
