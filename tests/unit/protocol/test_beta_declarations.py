"""The beta namespaces' declarations against the evidence docs/versions.md cites.

The field lists below are copied by hand from the research notes' appendix (ordered
field lists read from the Axis2 beans generated from the 2016-01-14-beta WSDL and from
AEM's JAXB javadoc of 2017-10-29-beta and 2021-01-11-beta), in their notation:
``name:type``, ``?`` for ``minOccurs="0"``, ``*`` for ``maxOccurs="unbounded"``. They are
never read from the code's tables.
"""

from __future__ import annotations

import re

import pytest

from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.schema import Field

B2016, B2017, B2021 = "2016-01-14-beta", "2017-10-29-beta", "2021-01-11-beta"
#: Each beta and the version before it.
BEFORE = {B2016: "2014-04-03", B2017: B2016, B2021: B2017}

#: (name, type, minOccurs, maxOccurs; None = unbounded)
Element = tuple[str, str, int, int | None]


def listed(notation: str) -> list[Element]:
    """``"a:string, b:int?, items:X?*"`` as elements."""
    out: list[Element] = []
    for part in notation.split(","):
        match = re.fullmatch(r"(\w+):(\w+)(\?)?(\*)?", part.strip())
        assert match, part
        name, type_, optional, unbounded = match.groups()
        out.append((name, type_, 0 if optional else 1, None if unbounded else 1))
    return out


def fields(owner: tuple[Field, ...], version: str) -> list[Element]:
    return [(f.name, f.type, f.min_occurs, f.max_occurs) for f in owner if f.in_version(version)]


def struct(name: str, version: str) -> list[Element]:
    declared = REGISTRY.structs[name]
    assert declared.in_version(version), (name, version)
    return fields(declared.fields, version)


# -- the job structs (notes §3 and §6) -------------------------------------------------

UPLOAD_URLS_JOB_2014 = (
    "urlArray:UploadUrlArray?, numUrls:int?, overwrite:boolean, readyForPublish:boolean, "
    "preservePublishState:boolean?, createMask:boolean, preserveCrop:boolean?, "
    "knockoutBackgroundOptions:KnockoutBackgroundOptions?, "
    "manualCropOptions:ManualCropOptions?, autoColorCropOptions:AutoColorCropOptions?, "
    "autoTransparentCropOptions:AutoTransparentCropOptions?, "
    "photoshopOptions:PhotoshopOptions?, postScriptOptions:PostScriptOptions?, "
    "pdfOptions:PDFOptions?, illustratorOptions:IllustratorOptions?, "
    "colorManagementOptions:ColorManagementOptions?, "
    "autoSetCreationOptions:AutoSetCreationOptions?, projectHandleArray:HandleArray?, "
    "emailSetting:string, postJobOnlyIfFiles:boolean?, postHttpUrl:string?, "
    "postImageServingPublishJob:ImageServingPublishJob?, "
    "postImageRenderingPublishJob:ImageRenderingPublishJob?, "
    "postVideoPublishJob:VideoPublishJob?, mediaOptions:MediaOptions?, "
    "inDesignOptions:InDesignOptions?, xmpKeywords:string?, "
    "unsharpMaskOptions:UnsharpMaskOptions?, unCompressOptions:UnCompressOptions?, "
    "excludeMasterVideoFromAVS:boolean?"
)
UPLOAD_URLS_JOB_2017 = (
    "urlArray:UploadUrlArray?, numUrls:int?, overwrite:boolean, readyForPublish:boolean, "
    "preservePublishState:boolean?, synchronizationComplete:boolean?, createMask:boolean, "
    "preserveCrop:boolean?, knockoutBackgroundOptions:KnockoutBackgroundOptions?, "
    "manualCropOptions:ManualCropOptions?, autoColorCropOptions:AutoColorCropOptions?, "
    "autoTransparentCropOptions:AutoTransparentCropOptions?, "
    "autoSmartCropOptionsArray:AutoSmartCropOptionsArray?, "
    "photoshopOptions:PhotoshopOptions?, postScriptOptions:PostScriptOptions?, "
    "pdfOptions:PDFOptions?, illustratorOptions:IllustratorOptions?, cssOptions:CssOptions?, "
    "colorManagementOptions:ColorManagementOptions?, "
    "autoSetCreationOptions:AutoSetCreationOptions?, projectHandleArray:HandleArray?, "
    "emailSetting:string, postJobOnlyIfFiles:boolean?, postHttpUrl:string?, "
    "postImageServingPublishJob:ImageServingPublishJob?, "
    "postImageRenderingPublishJob:ImageRenderingPublishJob?, "
    "postVideoPublishJob:VideoPublishJob?, mediaOptions:MediaOptions?, "
    "inDesignOptions:InDesignOptions?, xmpKeywords:string?, "
    "unsharpMaskOptions:UnsharpMaskOptions?, unCompressOptions:UnCompressOptions?, "
    "excludeMasterVideoFromAVS:boolean?"
)
AFTER_EXCLUDE_MASTER_VIDEO_2021 = (
    ", metadataOptions:MetadataOptions?, jwtToken:string?, imsOrg:string?, apikey:string?, "
    "ignoreSmartCropGeneration:boolean?, preserveSmartCrop:boolean?"
)


@pytest.mark.parametrize(
    ("version", "notation"),
    [
        ("2014-04-03", UPLOAD_URLS_JOB_2014),
        (B2016, UPLOAD_URLS_JOB_2014),
        (B2017, UPLOAD_URLS_JOB_2017),
        (B2021, UPLOAD_URLS_JOB_2017 + AFTER_EXCLUDE_MASTER_VIDEO_2021),
    ],
)
def test_upload_urls_job_in_each_beta(version: str, notation: str) -> None:
    assert struct("UploadUrlsJob", version) == listed(notation)


def test_reprocess_assets_job_in_2021_01_11_beta() -> None:
    assert struct("ReprocessAssetsJob", B2021) == listed(
        "assetHandleArray:HandleArray, readyForPublish:boolean?, "
        "synchronizationComplete:boolean?, preservePublishState:boolean?, createMask:boolean, "
        "preserveCrop:boolean?, knockoutBackgroundOptions:KnockoutBackgroundOptions?, "
        "manualCropOptions:ManualCropOptions?, autoColorCropOptions:AutoColorCropOptions?, "
        "autoTransparentCropOptions:AutoTransparentCropOptions?, "
        "autoSmartCropOptionsArray:AutoSmartCropOptionsArray?, "
        "photoshopOptions:PhotoshopOptions?, postScriptOptions:PostScriptOptions?, "
        "pdfOptions:PDFOptions?, mediaOptions:MediaOptions?, "
        "illustratorOptions:IllustratorOptions?, cssOptions:CssOptions?, "
        "colorManagementOptions:ColorManagementOptions?, "
        "autoSetCreationOptions:AutoSetCreationOptions?, projectHandleArray:HandleArray?, "
        "emailSetting:string, postJobOnlyIfFiles:boolean?, postHttpUrl:string?, "
        "postImageServingPublishJob:ImageServingPublishJob?, "
        "postImageRenderingPublishJob:ImageRenderingPublishJob?, "
        "postVideoPublishJob:VideoPublishJob?, inDesignOptions:InDesignOptions?, "
        "unsharpMaskOptions:UnsharpMaskOptions?, excludeMasterVideoFromAVS:boolean?"
        + AFTER_EXCLUDE_MASTER_VIDEO_2021
    )


def test_upload_post_and_directory_jobs_gain_the_same_fields_in_the_same_places() -> None:
    for name in ("UploadPostJob", "UploadDirectoryJob"):
        names = [n for n, _, _, _ in struct(name, B2021)]
        assert names[names.index("preservePublishState") + 1] == "synchronizationComplete"
        assert names[names.index("autoTransparentCropOptions") + 1] == "autoSmartCropOptionsArray"
        assert names[names.index("illustratorOptions") + 1] == "cssOptions"
        assert names[names.index("excludeMasterVideoFromAVS") :] == [
            "excludeMasterVideoFromAVS", "metadataOptions", "jwtToken", "imsOrg", "apikey",
            "ignoreSmartCropGeneration", "preserveSmartCrop",
        ]  # fmt: skip
        assert struct(name, B2016) == struct(name, "2014-04-03")


def test_rip_pdfs_and_automated_set_generation_jobs_in_2017_10_29_beta() -> None:
    rip = [n for n, _, _, _ in struct("RipPdfsJob", B2017)]
    assert rip[5:7] == ["autoTransparentCropOptions", "autoSmartCropOptionsArray"]
    assert "cssOptions" not in rip
    assert "synchronizationComplete" not in rip
    assert struct("RipPdfsJob", B2021) == struct("RipPdfsJob", B2017)
    assert struct("AutomatedSetGenerationJob", B2017) == listed(
        "assetHandleArray:HandleArray, destFolder:string?, readyForPublish:boolean, "
        "synchronizationComplete:boolean?, autoSetCreationOptions:AutoSetCreationOptions, "
        "emailSetting:string"
    )


@pytest.mark.parametrize(
    ("version", "notation"),
    [
        (
            B2016,
            "videoEncodingPresetsArray:HandleArray?, generateThumbnail:boolean?, "
            "thumbnailOptions:ThumbnailOptions?",
        ),
        (
            B2017,
            "videoEncodingPresetsArray:HandleArray?, videoEncodingArray:VideoEncodingArray?, "
            "avsEncodingArray:AvsEncodingArray?, generateThumbnail:boolean?, "
            "thumbnailOptions:ThumbnailOptions?",
        ),
        (
            B2021,
            "videoEncodingPresetsArray:HandleArray?, videoEncodingArray:VideoEncodingArray?, "
            "videoSmartCropArray:VideoSmartCropArray?, videoSmartCropSampleRate:int?, "
            "avsEncodingArray:AvsEncodingArray?, generateThumbnail:boolean?, "
            "thumbnailOptions:ThumbnailOptions?",
        ),
    ],
)
def test_media_options_in_each_beta(version: str, notation: str) -> None:
    assert struct("MediaOptions", version) == listed(notation)


@pytest.mark.parametrize(
    ("name", "since", "notation"),
    [
        ("AutoSmartCropOptions", B2017, "name:string, width:int, height:int, type:string"),
        ("AutoSmartCropOptionsArray", B2017, "items:AutoSmartCropOptions?*"),
        ("CssOptions", B2017, "forceStaticImages:boolean?"),
        (
            "VideoEncoding",
            B2017,
            "name:string, fileSuffix:string, playbackTarget:string?, width:int?, height:int?, "
            "videoCodec:string?, videoBitrate:int, minBitrate:int?, maxBitrate:int?, "
            "constantBitrate:boolean?, frameRate:double?, keyframeInterval:int?, "
            "h264Profile:string?, h264Level:string?, twoPass:boolean?, audioCodec:string?, "
            "audioBitrate:int, audioSampleRate:int?, advancedSettings:PropertyArray?",
        ),
        ("VideoEncodingArray", B2017, "items:VideoEncoding?*"),
        (
            "AvsEncoding",
            B2017,
            "name:string, aspectRatio:string?, videoEncodingArray:VideoEncodingArray",
        ),
        ("AvsEncodingArray", B2017, "items:AvsEncoding?*"),
        ("VideoSmartCropAspectRatio", B2021, "width:int?, height:int?"),
        ("VideoSmartCropArray", B2021, "items:VideoSmartCropAspectRatio?*"),
        ("MetadataOptions", B2021, "updateArray:MetadataUpdateArray?"),
    ],
)
def test_the_job_option_types_the_betas_add(name: str, since: str, notation: str) -> None:
    declared = REGISTRY.structs[name]
    assert declared.since == since
    assert not declared.in_version(BEFORE[since])
    assert struct(name, since) == struct(name, B2021) == listed(notation)
