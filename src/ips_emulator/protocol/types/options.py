"""Processing options of the upload, reprocess and rip job structs (submitJob, ActiveJob,
ScheduledJob).

Source: Adobe's real 2013-02-15 WSDL for names, order, types and ``minOccurs``;
``docs/reference/ips-api/types-options/*.md``; version facts from
docs/reference/ips-api/SPEC.md section 2.5 and the change-log pages it digests. What the
2017-10-29-beta and 2021-01-11-beta namespaces add is written by hand from AEM's JAXB
javadoc of those namespaces (docs/versions.md, "The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
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

#: The option types the beta namespaces add (AEM's JAXB javadoc: the 6.4 one for
#: 2017-10-29-beta, the Cloud Service one for 2021-01-11-beta).
_BETA_OPTION_STRUCTS: tuple[Struct, ...] = (
    struct(
        "AutoSmartCropOptions",
        Field("name", STRING),
        Field("width", INT),
        Field("height", INT),
        Field("type", STRING),
        since="2017-10-29-beta",
    ),
    array("AutoSmartCropOptionsArray", "AutoSmartCropOptions", since="2017-10-29-beta"),
    struct(
        "CssOptions",
        opt("forceStaticImages", BOOLEAN),
        since="2017-10-29-beta",
    ),
    struct(
        "VideoEncoding",
        Field("name", STRING),
        Field("fileSuffix", STRING),
        opt("playbackTarget", STRING),
        opt("width", INT),
        opt("height", INT),
        opt("videoCodec", STRING),
        Field("videoBitrate", INT),
        opt("minBitrate", INT),
        opt("maxBitrate", INT),
        opt("constantBitrate", BOOLEAN),
        opt("frameRate", DOUBLE),
        opt("keyframeInterval", INT),
        opt("h264Profile", STRING),
        opt("h264Level", STRING),
        opt("twoPass", BOOLEAN),
        opt("audioCodec", STRING),
        Field("audioBitrate", INT),
        opt("audioSampleRate", INT),
        opt("advancedSettings", "PropertyArray"),
        since="2017-10-29-beta",
    ),
    array("VideoEncodingArray", "VideoEncoding", since="2017-10-29-beta"),
    struct(
        "AvsEncoding",
        Field("name", STRING),
        opt("aspectRatio", STRING),
        Field("videoEncodingArray", "VideoEncodingArray"),
        since="2017-10-29-beta",
    ),
    array("AvsEncodingArray", "AvsEncoding", since="2017-10-29-beta"),
    struct(
        "VideoSmartCropAspectRatio",
        opt("width", INT),
        opt("height", INT),
        since="2021-01-11-beta",
    ),
    array("VideoSmartCropArray", "VideoSmartCropAspectRatio", since="2021-01-11-beta"),
    struct(
        "MetadataOptions",
        opt("updateArray", "MetadataUpdateArray"),
        since="2021-01-11-beta",
    ),
)

OPTION_STRUCTS: tuple[Struct, ...] = (
    struct(
        "UnsharpMaskOptions",
        opt("amount", DOUBLE),
        opt("radius", DOUBLE),
        opt("threshold", INT),
        opt("monochrome", INT),
    ),
    struct(
        "KnockoutBackgroundOptions",
        Field("corner", STRING),
        opt("tolerance", DOUBLE),
        Field("fillMethod", STRING),
    ),
    struct(
        "ManualCropOptions",
        Field("left", INT),
        Field("right", INT),
        Field("top", INT),
        Field("bottom", INT),
    ),
    struct(
        "AutoColorCropOptions",
        Field("corner", STRING),
        Field("tolerance", DOUBLE),
    ),
    struct(
        "AutoTransparentCropOptions",
        Field("tolerance", DOUBLE),
    ),
    # A new type in 4.5 (docs/reference/ips-api/SPEC.md 2.5).
    struct(
        "PhotoshopOptions",
        opt("process", STRING),
        opt("layerOptions", "PhotoshopLayerOptions"),
        since="2010-01-31",
    ),
    struct(
        "PhotoshopLayerOptions",
        opt("layerNaming", STRING),
        opt("anchor", STRING),
        opt("createTemplate", BOOLEAN),
        opt("extractText", BOOLEAN),
        opt("extendLayers", BOOLEAN),
    ),
    struct(
        "PostScriptOptions",
        opt("process", STRING),
        opt("resolution", DOUBLE),
        opt("colorspace", STRING),
        opt("alpha", BOOLEAN),
        opt("extractSearchWords", BOOLEAN),
    ),
    # The reference page types resolution xsd:string and spells colorSpace; the real
    # WSDL has xsd:double and colorspace.
    struct(
        "IllustratorOptions",
        opt("process", STRING),
        opt("resolution", DOUBLE),
        opt("colorspace", STRING),
        opt("alpha", BOOLEAN),
    ),
    struct(
        "UnCompressOptions",
        Field("process", STRING),
    ),
    struct(
        "InDesignOptions",
        opt("process", STRING),
    ),
    struct(
        "PDFOptions",
        opt("process", STRING),
        opt("resolution", DOUBLE),
        opt("colorspace", STRING),
        opt("pdfCatalog", BOOLEAN),
        opt("extractSearchWords", BOOLEAN),
        # The 4.0 change log lists PDFOptions without it; the 4.4 types change log adds
        # extractLinks (under the heading "PDFInfo", which has no such field).
        opt("extractLinks", BOOLEAN, since="2009-07-31"),
    ),
    struct(
        "ColorManagementOptions",
        Field("colorManagement", STRING),
        opt("sourceProfileHandle", STRING),
        opt("outputProfileHandle", STRING),
    ),
    struct(
        "MediaOptions",
        opt("videoEncodingPresetsArray", "HandleArray"),
        opt("videoEncodingArray", "VideoEncodingArray", since="2017-10-29-beta"),
        # 2021-01-11-beta puts these two between the two arrays 2017-10-29-beta added.
        opt("videoSmartCropArray", "VideoSmartCropArray", since="2021-01-11-beta"),
        opt("videoSmartCropSampleRate", INT, since="2021-01-11-beta"),
        opt("avsEncodingArray", "AvsEncodingArray", since="2017-10-29-beta"),
        opt("generateThumbnail", BOOLEAN),
        opt("thumbnailOptions", "ThumbnailOptions"),
    ),
    struct(
        "ThumbnailOptions",
        opt("thumbnailTime", LONG),
    ),
    # A new type in 4.4 (docs/reference/ips-api/SPEC.md 1.6, 2.5).
    struct(
        "AutoSetCreationOptions",
        opt("autoSetsArray", "HandleArray"),
        since="2009-07-31",
    ),
    *_BETA_OPTION_STRUCTS,
)
