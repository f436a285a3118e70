"""Assets and asset search conditions (getAssetsByName, searchAssets).

Source: Adobe's real 2013-02-15 WSDL for names, order, types and ``minOccurs``
(the reference page lists ``Asset`` alphabetically, docs/reference/ips-api/SPEC.md G5); the
2014-04-03 WSDL for what 6.8 added; version facts from docs/reference/ips-api/SPEC.md sections
1.18 and 2.6 and the change-log pages it digests.

Left out: ``imageSetInfo`` and ``renderSetInfo``, which 4.2 removed from ``Asset``
(docs/reference/ips-api/SPEC.md 2.6) and so were in the 2008-01-15 ``Asset``; no source gives
their types or their place in the sequence.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    LONG,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

_ASSET_STRUCTS: tuple[Struct, ...] = (
    struct(
        "Asset",
        opt("assetHandle", STRING),
        opt("type", STRING),
        opt("subType", STRING, since="2009-07-31"),
        opt("name", STRING),
        opt("fileName", STRING, since="2010-01-31"),
        opt("folder", STRING),
        opt("folderHandle", STRING),
        opt("readyForPublish", BOOLEAN, since="2008-09-10"),
        opt("trashState", STRING, since="2008-09-10"),
        opt("projects", STRING),
        opt("ipsImageUrl", STRING),
        opt("created", DATETIME),
        opt("createUser", STRING),
        opt("lastModified", DATETIME),
        opt("lastModifyUser", STRING),
        opt("metadataArray", "MetadataArray"),
        opt("imageInfo", "ImageInfo"),
        opt("layerViewInfo", "LayerViewInfo"),
        opt("templateInfo", "TemplateInfo"),
        opt("watermarkInfo", "WatermarkInfo"),
        opt("renderSceneInfo", "RenderSceneInfo"),
        opt("vignetteInfo", "VignetteInfo"),
        opt("cabinetInfo", "CabinetInfo"),
        opt("windowCoveringInfo", "WindowCoveringInfo"),
        opt("iccProfileInfo", "IccProfileInfo"),
        opt("fontInfo", "FontInfo"),
        opt("xslInfo", "XslInfo"),
        opt("viewerPresetInfo", "ViewerPresetInfo"),
        opt("viewerSwfInfo", "ViewerSwfInfo"),
        opt("xmlInfo", "XmlInfo"),
        opt("svgInfo", "SvgInfo"),
        opt("fxgInfo", "FxgInfo"),
        opt("pdfSettingsInfo", "PdfSettingsInfo", since="2008-09-10"),
        opt("zipInfo", "ZipInfo"),
        opt("videoInfo", "VideoInfo"),
        opt("acoInfo", "AcoInfo"),
        opt("pdfInfo", "PdfInfo"),
        opt("psdInfo", "PsdInfo"),
        opt("flashInfo", "FlashInfo"),
        opt("inDesignInfo", "InDesignInfo"),
        opt("postScriptInfo", "PostScriptInfo"),
        opt("illustratorInfo", "IllustratorInfo"),
        opt("wordInfo", "WordInfo"),
        opt("excelInfo", "ExcelInfo"),
        opt("powerPointInfo", "PowerPointInfo"),
        opt("rtfInfo", "RTFInfo", since="2008-09-10"),
        opt("maskInfo", "MaskInfo"),
        # The page's premiereExpressInfo.
        opt("premiereExpressRemixInfo", "PremiereExpressRemixInfo", since="2008-09-10"),
        opt("cuePointInfo", "CuePointInfo", since="2008-09-10"),
        # Not on the page; AudioInfo is a new type in 4.2 (4.2 types change log).
        opt("audioInfo", "AudioInfo", since="2008-09-10"),
        opt("assetSetInfo", "AssetSetInfo", since="2009-07-31"),
        opt("masterVideoInfo", "MasterVideoInfo"),
        opt("animatedGifInfo", "AnimatedGifInfo", since="2010-01-31"),
        opt("swcInfo", "SwcInfo", since="2010-01-31"),
        opt("cssInfo", "CssInfo", since="2010-01-31"),
        opt("javascriptInfo", "JavascriptInfo", since="2010-01-31"),
        opt("videoCaptionInfo", "VideoCaptionInfo", since="2014-04-03"),
        opt("permissions", "PermissionArray"),
        # AEM's 2021-01-11-beta JAXB classes (docs/versions.md, "The beta namespaces").
        opt("threeDInfo", "ThreeDInfo", since="2021-01-11-beta"),
    ),
    array("AssetArray", "Asset"),
    struct(
        "ThreeDInfo",
        opt("originalPath", STRING),
        opt("originalFile", STRING),
        opt("fileSize", LONG),
        since="2021-01-11-beta",
    ),
    struct(
        "Metadata",
        Field("name", STRING),
        Field("value", STRING),
        opt("boolVal", BOOLEAN),
        opt("longVal", LONG),
        opt("doubleVal", DOUBLE),
        opt("dateVal", DATETIME),
        opt("valueArray", "StringArray"),
    ),
    array("MetadataArray", "Metadata"),
    struct(
        "Permission",
        opt("groupHandle", STRING),
        opt("groupName", STRING),
        opt("permissionType", STRING),
        opt("isAllowed", BOOLEAN),
        opt("isOverride", BOOLEAN),
    ),
    array("PermissionArray", "Permission"),
)

_SEARCH_STRUCTS: tuple[Struct, ...] = (
    # A new type in 4.5 (docs/reference/ips-api/SPEC.md 1.18).
    struct(
        "TagCondition",
        Field("fieldHandle", STRING),
        Field("op", STRING),
        opt("value", STRING),
        opt("valueArray", "StringArray"),
        since="2010-01-31",
    ),
    array("TagConditionArray", "TagCondition", since="2010-01-31"),
    struct(
        "MetadataCondition",
        Field("fieldHandle", STRING),
        Field("op", STRING),
        # 4.5 restricted-use list: "MetadataCondition to include [an] optional caseSensitive".
        opt("caseSensitive", BOOLEAN, since="2010-01-31"),
        opt("value", STRING),
        opt("values", "StringArray"),
        opt("boolVal", BOOLEAN),
        opt("longVal", LONG),
        opt("minLong", LONG),
        opt("maxLong", LONG),
        opt("doubleVal", DOUBLE),
        opt("minDouble", DOUBLE),
        opt("maxDouble", DOUBLE),
        opt("dateVal", DATETIME),
        opt("minDate", DATETIME),
        opt("maxDate", DATETIME),
    ),
    array("MetadataConditionArray", "MetadataCondition"),
    struct(
        "SystemFieldCondition",
        Field("field", STRING),
        Field("op", STRING),
        opt("value", STRING),
        opt("boolVal", BOOLEAN),
        opt("longVal", LONG),
        opt("minLong", LONG),
        opt("maxLong", LONG),
        opt("doubleVal", DOUBLE),
        opt("minDouble", DOUBLE),
        opt("maxDouble", DOUBLE),
        opt("dateVal", DATETIME),
        opt("minDate", DATETIME),
        opt("maxDate", DATETIME),
    ),
    # The page types items SystemFieldConditions (docs/reference/ips-api/SPEC.md G3).
    array("SystemFieldConditionArray", "SystemFieldCondition"),
    # New types in 4.4 (docs/reference/ips-api/SPEC.md 1.18).
    struct(
        "ExcludeByproductCondition",
        Field("engine", STRING),
        Field("generatedAssetType", STRING),
        since="2009-07-31",
    ),
    array("ExcludeByproductArray", "ExcludeByproductCondition", since="2009-07-31"),
)

ASSET_STRUCTS: tuple[Struct, ...] = (*_ASSET_STRUCTS, *_SEARCH_STRUCTS)
