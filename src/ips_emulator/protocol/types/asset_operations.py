"""Asset operations: summaries, counts, moves, zip entries, generation info, search strings.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs: reached only by operations not emulated yet, whose history
before 2013-02-15 is not researched. ``HaystackSearch`` is 2016-01-14-beta's, written by
hand (docs/versions.md, "The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    FLOAT,
    INT,
    LONG,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

ASSET_OPERATION_STRUCTS: tuple[Struct, ...] = (
    struct(
        "AssetSummary",
        Field("assetHandle", STRING),
        opt("type", STRING),
        opt("name", STRING),
        opt("folder", STRING),
        opt("filename", STRING),
        opt("created", DATETIME),
        opt("createUser", STRING),
        opt("lastModified", DATETIME),
        opt("lastModifyUser", STRING),
        opt("metadataArray", "MetadataArray"),
        opt("score", DOUBLE),
        opt("scoreDetail", STRING),
    ),
    array("AssetSummaryArray", "AssetSummary"),
    struct(
        "SearchFilter",
        opt("folder", STRING),
        opt("includeSubfolders", BOOLEAN),
        opt("assetTypeArray", "StringArray"),
        opt("excludeAssetTypeArray", "StringArray"),
        opt("assetSubTypeArray", "StringArray"),
        opt("strictSubTypeCheck", BOOLEAN, since="2014-04-03"),
        opt("excludeByproducts", BOOLEAN),
        opt("projectHandle", STRING),
        opt("publishState", STRING),
        opt("trashState", STRING),
    ),
    # searchAssetsByMetadataParam/haystackSearch from 2016-01-14-beta. The beta WSDL's type
    # is anonymous; it is named after its element here (one name on the wire either way).
    struct(
        "HaystackSearch",
        Field("assetHandle", STRING),
        opt("siftWeight", FLOAT),
        opt("colorWeight", FLOAT),
        opt("blobWeight", FLOAT),
        opt("gistWeight", FLOAT),
        opt("similarityLimit", FLOAT),
        opt("resultLimit", INT),
        since="2016-01-14-beta",
    ),
    struct(
        "ZipEntry",
        Field("name", STRING),
        Field("isDirectory", BOOLEAN),
        Field("lastModified", DATETIME),
        Field("compressedSize", LONG),
        Field("uncompressedSize", LONG),
    ),
    array("ZipEntryArray", "ZipEntry"),
    struct(
        "AssetOperationFault",
        Field("assetHandle", STRING),
        Field("code", INT),
        Field("reason", STRING),
    ),
    array("AssetOperationFaultArray", "AssetOperationFault"),
    struct(
        "AssetMove",
        Field("assetHandle", STRING),
        Field("folderHandle", STRING),
    ),
    array("AssetMoveArray", "AssetMove"),
    struct(
        "ThumbAssetUpdate",
        Field("assetHandle", STRING),
        opt("thumbAssetHandle", STRING),
    ),
    array("ThumbAssetUpdateArray", "ThumbAssetUpdate"),
    struct(
        "AssetCount",
        Field("assetType", STRING),
        Field("count", INT),
    ),
    array("AssetCountArray", "AssetCount"),
    struct(
        "GenerationAttribute",
        opt("name", STRING),
        opt("value", STRING),
    ),
    array("GenerationAttributeArray", "GenerationAttribute"),
    struct(
        "GenerationInfo",
        opt("engine", STRING),
        opt("originator", "Asset"),
        opt("generated", "Asset"),
        opt("attributeArray", "GenerationAttributeArray"),
    ),
    array("GenerationInfoArray", "GenerationInfo"),
    struct(
        "PerspectiveQuad",
        Field("x0", DOUBLE),
        Field("y0", DOUBLE),
        Field("x1", DOUBLE),
        Field("y1", DOUBLE),
        Field("x2", DOUBLE),
        Field("y2", DOUBLE),
        Field("x3", DOUBLE),
        Field("y3", DOUBLE),
    ),
    array("SearchStringsArray", "SearchStrings"),
    array("KeywordsArray", "Keywords"),
    struct(
        "SearchStrings",
        Field("searchString", STRING),
        Field("keywordsArray", "KeywordsArray"),
        Field("status", BOOLEAN),
        Field("x", INT),
        Field("y", INT),
        Field("width", INT),
        Field("height", INT),
        Field("fontName", STRING),
        Field("pointSize", STRING),
    ),
    struct(
        "Keywords",
        Field("keyword", STRING),
        Field("status", BOOLEAN),
        Field("x", INT),
        Field("y", INT),
        Field("width", INT),
        Field("height", INT),
    ),
)
