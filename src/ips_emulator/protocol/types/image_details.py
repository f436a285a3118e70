"""Image formats, image maps, zoom targets and field updates.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs: reached only by operations not emulated yet, whose history
before 2013-02-15 is not researched.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DOUBLE,
    INT,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

IMAGE_DETAIL_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ZoomTargetDefinition",
        Field("name", STRING),
        Field("xPosition", INT),
        Field("yPosition", INT),
        Field("width", INT),
        Field("height", INT),
        opt("userData", STRING),
    ),
    array("ZoomTargetDefinitionArray", "ZoomTargetDefinition"),
    struct(
        "ImageMapDefinition",
        Field("name", STRING),
        Field("shapeType", STRING),
        Field("region", STRING),
        Field("action", STRING),
        Field("enabled", BOOLEAN),
    ),
    array("ImageMapDefinitionArray", "ImageMapDefinition"),
    struct(
        "ImageFormat",
        Field("imageFormatHandle", STRING),
        Field("name", STRING),
        Field("urlModifier", STRING),
    ),
    array("ImageFormatArray", "ImageFormat"),
    struct(
        "ImageFieldUpdate",
        Field("assetHandle", STRING),
        opt("resolution", DOUBLE),
        opt("anchorX", INT),
        opt("anchorY", INT),
        opt("userData", STRING),
    ),
    array("ImageFieldUpdateArray", "ImageFieldUpdate"),
    struct(
        "FontFieldUpdate",
        Field("assetHandle", STRING),
        opt("fontName", STRING),
        opt("postscriptName", STRING),
        opt("rtfName", STRING),
        opt("fontFamily", STRING),
        opt("style", STRING),
        opt("typeName", STRING),
        opt("type", STRING),
    ),
    array("FontFieldUpdateArray", "FontFieldUpdate"),
    struct(
        "IccProfileFieldUpdate",
        Field("assetHandle", STRING),
        opt("class", STRING),
        opt("colorSpace", STRING),
        opt("pcsType", STRING),
    ),
    array("IccProfileFieldUpdateArray", "IccProfileFieldUpdate"),
)
