"""Processing options of the upload, reprocess and rip job structs (submitJob, ActiveJob,
ScheduledJob).

Source: Adobe's real 2013-02-15 WSDL for names, order, types and ``minOccurs``;
``docs/reference/ips-api/types-options/*.md``; version facts from
docs/reference/ips-api/SPEC.md section 2.5 and the change-log pages it digests.
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
    opt,
    struct,
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
)
