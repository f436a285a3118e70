"""The job structs of submitJob, ActiveJob and ScheduledJob.

Source: Adobe's real 2013-02-15 WSDL for names, order, types and ``minOccurs``;
the 2014-04-03 WSDL for what 6.8 changed; version facts from docs/reference/ips-api/SPEC.md
sections 1.6 and 2.5 (``docs/reference/ips-api/types/r-*-job.md``). 4.5R marks the 4.5
restricted-use list, taken as the 2010-01-31 namespace. What the 2017-10-29-beta and
2021-01-11-beta namespaces add, at the positions AEM's JAXB javadoc of each gives: see
docs/versions.md, "The beta namespaces". Departures are recorded in ``docs/decisions.md``.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    INT,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

# Fields the beta namespaces add to several job structs, each at the position the javadoc
# gives it in each struct (docs/versions.md, "The beta namespaces").
_SYNCHRONIZATION_COMPLETE = opt("synchronizationComplete", BOOLEAN, since="2017-10-29-beta")
_AUTO_SMART_CROP = opt(
    "autoSmartCropOptionsArray", "AutoSmartCropOptionsArray", since="2017-10-29-beta"
)
_CSS_OPTIONS = opt("cssOptions", "CssOptions", since="2017-10-29-beta")
#: Appended after excludeMasterVideoFromAVS, in this order, by 2021-01-11-beta.
_AFTER_EXCLUDE_MASTER_VIDEO_2021 = (
    opt("metadataOptions", "MetadataOptions", since="2021-01-11-beta"),
    opt("jwtToken", STRING, since="2021-01-11-beta"),
    opt("imsOrg", STRING, since="2021-01-11-beta"),
    opt("apikey", STRING, since="2021-01-11-beta"),
    opt("ignoreSmartCropGeneration", BOOLEAN, since="2021-01-11-beta"),
    opt("preserveSmartCrop", BOOLEAN, since="2021-01-11-beta"),
)

_UPLOAD_URL_STRUCTS: tuple[Struct, ...] = (
    struct(
        "UploadUrl",
        Field("sourceUrl", STRING),
        Field("destPath", STRING),
    ),
    array("UploadUrlArray", "UploadUrl"),
)

_PUBLISH_JOB_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ImageServingPublishJob",
        Field("publishType", STRING),
        Field("emailSetting", STRING),
        opt("httpCompletionUrl", STRING),
        opt("contextHandle", STRING, since="2010-01-31"),  # 4.5R
    ),
    struct(
        "ImageRenderingPublishJob",
        Field("emailSetting", STRING),
        opt("httpCompletionUrl", STRING),
        # 4.5R, and again in the 6.0 change log: the earlier one
        # (docs/reference/ips-api/SPEC.md 2.5).
        opt("contextHandle", STRING, since="2010-01-31"),
    ),
    struct(
        "VideoPublishJob",
        Field("emailSetting", STRING),
        opt("httpCompletionUrl", STRING),
        opt("contextHandle", STRING, since="2010-01-31"),  # 4.5R and 6.0, as above
    ),
    struct(
        "ServerDirectoryPublishJob",
        # The page spells it emailSettings (docs/reference/ips-api/SPEC.md G3).
        Field("emailSetting", STRING),
        opt("httpCompletionUrl", STRING),
    ),
)

_UPLOAD_JOB_STRUCTS: tuple[Struct, ...] = (
    struct(
        "UploadDirectoryJob",
        opt("destFolder", STRING),
        Field("serverDir", STRING),
        Field("overwrite", BOOLEAN),
        Field("readyForPublish", BOOLEAN),
        opt("preservePublishState", BOOLEAN, since="2008-09-10"),
        _SYNCHRONIZATION_COMPLETE,
        Field("includeSubfolders", BOOLEAN),
        Field("createMask", BOOLEAN),
        Field("processMetadataFiles", BOOLEAN),
        opt("preserveCrop", BOOLEAN, since="2008-09-10"),
        opt("knockoutBackgroundOptions", "KnockoutBackgroundOptions"),
        opt("manualCropOptions", "ManualCropOptions"),
        opt("autoColorCropOptions", "AutoColorCropOptions"),
        opt("autoTransparentCropOptions", "AutoTransparentCropOptions"),
        _AUTO_SMART_CROP,
        opt("photoshopOptions", "PhotoshopOptions", since="2010-01-31"),
        opt("postScriptOptions", "PostScriptOptions"),
        # 4.0: separate processing for PostScript, Illustrator and PDF
        # (docs/reference/ips-api/SPEC.md 2.5).
        opt("pdfOptions", "PDFOptions", since="2008-01-15"),
        opt("illustratorOptions", "IllustratorOptions", since="2008-01-15"),
        _CSS_OPTIONS,
        opt("colorManagementOptions", "ColorManagementOptions"),
        opt("autoSetCreationOptions", "AutoSetCreationOptions", since="2009-07-31"),
        opt("projectHandleArray", "HandleArray"),
        Field("emailSetting", STRING),
        opt("postJobOnlyIfFiles", BOOLEAN),
        opt("postHttpUrl", STRING),
        opt("postImageServingPublishJob", "ImageServingPublishJob"),
        opt("postImageRenderingPublishJob", "ImageRenderingPublishJob"),
        opt("postVideoPublishJob", "VideoPublishJob"),
        opt("mediaOptions", "MediaOptions"),
        opt("inDesignOptions", "InDesignOptions"),
        # 4.5R: "optional xmpKeywords, xmpTemplateId and xmpTemplateOverride" (the WSDL
        # spells the last xmpTemplateOverwrites); the 2014-04-03 WSDL drops the two.
        opt("xmpKeywords", STRING, since="2010-01-31"),
        opt("xmpTemplateId", STRING, since="2010-01-31", until="2014-04-03"),
        opt("xmpTemplateOverwrites", BOOLEAN, since="2010-01-31", until="2014-04-03"),
        opt("unsharpMaskOptions", "UnsharpMaskOptions"),
        opt("unCompressOptions", "UnCompressOptions"),
        opt("excludeMasterVideoFromAVS", BOOLEAN, since="2014-04-03"),
        *_AFTER_EXCLUDE_MASTER_VIDEO_2021,
    ),
    struct(
        "UploadUrlsJob",
        # 4.5: "UploadUrlsJob requires a urlArray" (docs/reference/ips-api/SPEC.md G19), yet kept in
        # 4.0 so a 4.0 uploadUrlsJob can name its URLs. decision: see docs/decisions.md
        opt("urlArray", "UploadUrlArray"),
        # 4.5 and 6.0 change logs: the earlier one.
        opt("numUrls", INT, since="2010-01-31"),
        Field("overwrite", BOOLEAN),
        Field("readyForPublish", BOOLEAN),
        opt("preservePublishState", BOOLEAN, since="2008-09-10"),
        _SYNCHRONIZATION_COMPLETE,
        Field("createMask", BOOLEAN),
        opt("preserveCrop", BOOLEAN, since="2008-09-10"),
        opt("knockoutBackgroundOptions", "KnockoutBackgroundOptions"),
        opt("manualCropOptions", "ManualCropOptions"),
        opt("autoColorCropOptions", "AutoColorCropOptions"),
        opt("autoTransparentCropOptions", "AutoTransparentCropOptions"),
        _AUTO_SMART_CROP,
        opt("photoshopOptions", "PhotoshopOptions", since="2010-01-31"),
        opt("postScriptOptions", "PostScriptOptions"),
        opt("pdfOptions", "PDFOptions", since="2008-01-15"),  # 4.0, as above
        # The page spells it IllustratorOptions (docs/reference/ips-api/SPEC.md G3).
        opt("illustratorOptions", "IllustratorOptions", since="2008-01-15"),
        _CSS_OPTIONS,
        opt("colorManagementOptions", "ColorManagementOptions"),
        opt("autoSetCreationOptions", "AutoSetCreationOptions", since="2009-07-31"),
        opt("projectHandleArray", "HandleArray"),
        Field("emailSetting", STRING),
        opt("postJobOnlyIfFiles", BOOLEAN),
        opt("postHttpUrl", STRING),
        opt("postImageServingPublishJob", "ImageServingPublishJob"),
        opt("postImageRenderingPublishJob", "ImageRenderingPublishJob"),
        opt("postVideoPublishJob", "VideoPublishJob"),
        opt("mediaOptions", "MediaOptions"),
        opt("inDesignOptions", "InDesignOptions"),
        opt("xmpKeywords", STRING, since="2014-04-03"),
        opt("unsharpMaskOptions", "UnsharpMaskOptions"),
        opt("unCompressOptions", "UnCompressOptions"),
        opt("excludeMasterVideoFromAVS", BOOLEAN, since="2014-04-03"),
        *_AFTER_EXCLUDE_MASTER_VIDEO_2021,
    ),
    struct(
        "UploadPostJob",
        Field("overwrite", BOOLEAN),
        Field("readyForPublish", BOOLEAN),
        opt("preservePublishState", BOOLEAN),
        _SYNCHRONIZATION_COMPLETE,
        Field("createMask", BOOLEAN),
        opt("preserveCrop", BOOLEAN),
        opt("knockoutBackgroundOptions", "KnockoutBackgroundOptions"),
        opt("manualCropOptions", "ManualCropOptions"),
        opt("autoColorCropOptions", "AutoColorCropOptions"),
        opt("autoTransparentCropOptions", "AutoTransparentCropOptions"),
        _AUTO_SMART_CROP,
        # No change log names UploadPostJob; these two are no older than their types.
        opt("photoshopOptions", "PhotoshopOptions", since="2010-01-31"),
        opt("postScriptOptions", "PostScriptOptions"),
        opt("pdfOptions", "PDFOptions"),
        opt("illustratorOptions", "IllustratorOptions"),
        _CSS_OPTIONS,
        opt("colorManagementOptions", "ColorManagementOptions"),
        opt("autoSetCreationOptions", "AutoSetCreationOptions", since="2009-07-31"),
        opt("projectHandleArray", "HandleArray"),
        Field("emailSetting", STRING),
        opt("postHttpUrl", STRING),
        opt("mediaOptions", "MediaOptions"),
        opt("inDesignOptions", "InDesignOptions"),
        opt("xmpKeywords", STRING, since="2014-04-03"),
        opt("unsharpMaskOptions", "UnsharpMaskOptions"),
        opt("unCompressOptions", "UnCompressOptions"),
        opt("excludeMasterVideoFromAVS", BOOLEAN, since="2014-04-03"),
        *_AFTER_EXCLUDE_MASTER_VIDEO_2021,
    ),
)

_OTHER_JOB_STRUCTS: tuple[Struct, ...] = (
    # 4.5 restricted-use list: a new type.
    struct(
        "CreateVideoSitemapJob",
        opt("forceUpdate", BOOLEAN),
        since="2010-01-31",
    ),
    struct(
        "MetadataPublishJob",
        opt("forcePublish", BOOLEAN),
    ),
    # 6.0: a new type (docs/reference/ips-api/SPEC.md 2.5).
    struct(
        "ExportJob",
        Field("assetHandleArray", "HandleArray"),
        Field("fmt", STRING),
        opt("is_modifier", STRING),
        opt("macro", STRING),
        Field("emailSetting", STRING),
        opt("clientId", STRING),
        since="2012-02-14",
    ),
    # Needs AutoSetCreationOptions, a 4.4 type (docs/reference/ips-api/SPEC.md 2.5, inference).
    struct(
        "AutomatedSetGenerationJob",
        Field("assetHandleArray", "HandleArray"),
        opt("destFolder", STRING),
        Field("readyForPublish", BOOLEAN),
        _SYNCHRONIZATION_COMPLETE,
        Field("autoSetCreationOptions", "AutoSetCreationOptions"),
        Field("emailSetting", STRING),
        since="2009-07-31",
    ),
    # 4.0: "Added support for Optimize Remaining Files jobs" (docs/reference/ips-api/SPEC.md 2.5,
    # inference).
    struct(
        "OptimizeImagesJob",
        Field("emailSetting", STRING),
        since="2008-01-15",
    ),
    # Deprecated on its page in favour of ReprocessAssetsJob.
    struct(
        "RipPdfsJob",
        Field("pdfHandleArray", "HandleArray"),
        Field("createMask", BOOLEAN),
        opt("knockoutBackgroundOptions", "KnockoutBackgroundOptions"),
        opt("manualCropOptions", "ManualCropOptions"),
        opt("autoColorCropOptions", "AutoColorCropOptions"),
        opt("autoTransparentCropOptions", "AutoTransparentCropOptions"),
        _AUTO_SMART_CROP,
        opt("postScriptOptions", "PostScriptOptions"),
        opt("pdfOptions", "PDFOptions"),
        opt("illustratorOptions", "IllustratorOptions"),
        opt("colorManagementOptions", "ColorManagementOptions"),
        opt("projectHandleArray", "HandleArray"),
        Field("emailSetting", STRING),
        opt("postHttpUrl", STRING),
        opt("postImageServingPublishJob", "ImageServingPublishJob"),
        opt("postImageRenderingPublishJob", "ImageRenderingPublishJob"),
        opt("postVideoPublishJob", "VideoPublishJob"),
        opt("inDesignOptions", "InDesignOptions"),
    ),
    struct(
        "ReprocessAssetsJob",
        Field("assetHandleArray", "HandleArray"),
        opt("readyForPublish", BOOLEAN, since="2008-09-10"),
        _SYNCHRONIZATION_COMPLETE,
        opt("preservePublishState", BOOLEAN, since="2008-09-10"),
        Field("createMask", BOOLEAN),
        opt("preserveCrop", BOOLEAN, since="2008-09-10"),
        opt("overwriteAVS", BOOLEAN, since="2021-04-26-beta"),
        opt("knockoutBackgroundOptions", "KnockoutBackgroundOptions"),
        opt("manualCropOptions", "ManualCropOptions"),
        opt("autoColorCropOptions", "AutoColorCropOptions"),
        opt("autoTransparentCropOptions", "AutoTransparentCropOptions"),
        _AUTO_SMART_CROP,
        opt("photoshopOptions", "PhotoshopOptions", since="2010-01-31"),
        opt("postScriptOptions", "PostScriptOptions"),
        opt("pdfOptions", "PDFOptions"),
        opt("mediaOptions", "MediaOptions"),
        opt("illustratorOptions", "IllustratorOptions"),
        _CSS_OPTIONS,
        opt("colorManagementOptions", "ColorManagementOptions"),
        opt("autoSetCreationOptions", "AutoSetCreationOptions", since="2009-07-31"),
        opt("projectHandleArray", "HandleArray"),
        Field("emailSetting", STRING),
        opt("postJobOnlyIfFiles", BOOLEAN),
        opt("postHttpUrl", STRING),
        opt("postImageServingPublishJob", "ImageServingPublishJob"),
        opt("postImageRenderingPublishJob", "ImageRenderingPublishJob"),
        opt("postVideoPublishJob", "VideoPublishJob"),
        opt("inDesignOptions", "InDesignOptions"),
        opt("unsharpMaskOptions", "UnsharpMaskOptions", since="2014-04-03"),
        opt("excludeMasterVideoFromAVS", BOOLEAN, since="2014-04-03"),
        *_AFTER_EXCLUDE_MASTER_VIDEO_2021,
        # 4.0: "Added ReprocessAssets job type" (docs/reference/ips-api/SPEC.md 2.5).
        since="2008-01-15",
    ),
)

JOB_STRUCTS: tuple[Struct, ...] = (
    *_UPLOAD_URL_STRUCTS,
    *_PUBLISH_JOB_STRUCTS,
    *_UPLOAD_JOB_STRUCTS,
    *_OTHER_JOB_STRUCTS,
)
