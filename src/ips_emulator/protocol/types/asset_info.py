"""The per-asset-type ``*Info`` structs of ``Asset`` and what they hold.

Source: Adobe's real 2013-02-15 WSDL for names, order, types and ``minOccurs``
(the 2014-04-03 WSDL for ``VideoCaptionInfo``); version facts from docs/reference/ips-api/SPEC.md
section 2.6 and the change-log pages it digests. ``fileSize`` came with 4.0 and
so has no version mark.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    INT,
    LONG,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)


def _file_info(name: str, *extra: Field, since: str | None = None) -> Struct:
    """An info struct that starts with the uploaded file: originalPath, originalFile, fileSize."""
    return struct(
        name,
        opt("originalPath", STRING),
        opt("originalFile", STRING),
        opt("fileSize", LONG),
        *extra,
        since=since,
    )


def _url_info(name: str) -> Struct:
    return struct(
        name,
        opt("url", STRING),
        opt("urlModifier", STRING),
        opt("urlPostApplyModifier", STRING),
    )


def _image_and_optimized() -> tuple[Field, ...]:
    return (
        opt("imagePath", STRING),
        opt("imageFile", STRING),
        opt("optimizedPath", STRING),
        opt("optimizedFile", STRING),
    )


_IMAGE_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ImageInfo",
        opt("originalPath", STRING),
        opt("originalFile", STRING),
        opt("optimizedPath", STRING),
        opt("optimizedFile", STRING),
        opt("maskPath", STRING),
        opt("maskFile", STRING),
        opt("width", INT),
        opt("height", INT),
        opt("fileSize", LONG),
        opt("resolution", DOUBLE),
        opt("sku", STRING),
        opt("description", STRING),
        opt("comments", STRING),
        opt("userData", STRING),
        opt("anchorX", INT),
        opt("anchorY", INT),
        opt("urlModifier", STRING),
        opt("urlPostApplyModifier", STRING),
        opt("zoomTargets", "ZoomTargetArray"),
        opt("masks", "MaskArray"),
        opt("imageMaps", "ImageMapArray"),
    ),
    _url_info("LayerViewInfo"),
    _url_info("TemplateInfo"),
    _url_info("WatermarkInfo"),
    struct("RenderSceneInfo", opt("url", STRING)),
    _file_info("VignetteInfo", *_image_and_optimized()),
    _file_info("CabinetInfo", *_image_and_optimized()),
    _file_info("WindowCoveringInfo", *_image_and_optimized()),
    _file_info("IccProfileInfo"),
    _file_info("FontInfo"),
    _file_info("XslInfo"),
    struct(
        "ViewerPresetInfo",
        opt("type", STRING),
        opt("configSettingArray", "ConfigSettingArray"),
    ),
    _file_info("ViewerSwfInfo"),
    _file_info("XmlInfo"),
    _file_info("SvgInfo"),
    _file_info("FxgInfo"),
    # PdfSettings: a new type in 4.2.
    _file_info("PdfSettingsInfo", since="2008-09-10"),
    _file_info("ZipInfo"),
    _file_info("VideoInfo", *_image_and_optimized()),
    _file_info("AcoInfo"),
    _file_info("PdfInfo"),
    _file_info(
        "PsdInfo",
        # 6.0: "Added optmizedPath [sic] and optimizedFile to PsdInfo".
        opt("optimizedPath", STRING, since="2012-02-14"),
        opt("optimizedFile", STRING, since="2012-02-14"),
    ),
    _file_info("FlashInfo"),
    _file_info("InDesignInfo"),
    _file_info("PostScriptInfo"),
    _file_info("IllustratorInfo"),
    _file_info("WordInfo"),
    _file_info("ExcelInfo"),
    _file_info("PowerPointInfo"),
    _file_info("RTFInfo"),
    struct(
        "MaskInfo",
        opt("maskPath", STRING),
        opt("maskFile", STRING),
    ),
    # AudioInfo, CuePointInfo and PremeierExpressRemixInfo [sic]: new types in 4.2.
    _file_info("PremiereExpressRemixInfo", since="2008-09-10"),
    _file_info("CuePointInfo", since="2008-09-10"),
    _file_info("AudioInfo", since="2008-09-10"),
    # A new type in 4.4 (docs/reference/ips-api/SPEC.md 2.6).
    struct("AssetSetInfo", opt("setDefinition", STRING), since="2009-07-31"),
    _file_info("MasterVideoInfo"),
    _file_info("AnimatedGifInfo", opt("optimizedPath", STRING), opt("optimizedFile", STRING)),
    _file_info("SwcInfo"),
    _file_info("CssInfo"),
    _file_info("JavascriptInfo"),
    _file_info("VideoCaptionInfo", since="2014-04-03"),
)

_IMAGE_PART_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ZoomTarget",
        opt("zoomTargetHandle", STRING),
        opt("name", STRING),
        opt("xPosition", INT),
        opt("yPosition", INT),
        opt("width", INT),
        opt("height", INT),
        opt("userData", STRING),
        opt("position", INT),
        opt("lastModified", DATETIME),
    ),
    array("ZoomTargetArray", "ZoomTarget"),
    struct(
        "Mask",
        opt("maskHandle", STRING),
        opt("name", STRING),
        opt("maskPath", STRING),
        opt("maskFile", STRING),
        opt("lastModified", DATETIME),
    ),
    array("MaskArray", "Mask"),
    struct(
        "ImageMap",
        opt("imageMapHandle", STRING),
        opt("name", STRING),
        opt("region", STRING),
        opt("action", STRING),
        opt("shapeType", STRING),
        opt("position", INT),
        opt("enabled", BOOLEAN),
        opt("lastModified", DATETIME),
    ),
    array("ImageMapArray", "ImageMap"),
    array("ConfigSettingArray", "ConfigSetting"),
    struct(
        "ConfigSetting",
        Field("name", STRING),
        opt("value", STRING),
        opt("handle", STRING),
    ),
)

ASSET_INFO_STRUCTS: tuple[Struct, ...] = (*_IMAGE_STRUCTS, *_IMAGE_PART_STRUCTS)
