"""Image details: image, font and ICC profile fields, image formats, maps, zoom targets and masks,
images made from others (copies, replacements, derived assets, thumbnails, crops,
Photoshop paths), and (in the beta namespaces) sub-assets and smart crops.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md). The sub-asset
and smart-crop operations the beta namespaces add are written by hand from the generated
clients docs/versions.md cites ("The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol.schema import BOOLEAN, INT, STRING, Field, Operation, family, opt

#: The result of the sub-asset and smart-crop operations (batchSetAssetMetadata's shape).
_SUB_ASSET_COUNTS = (
    Field("successCount", INT),
    Field("warningCount", INT),
    Field("errorCount", INT),
    opt("warningDetailArray", "SubAssetOperationFaultArray"),
    opt("errorDetailArray", "SubAssetOperationFaultArray"),
)

OPERATIONS = family(
    "Image details",
    Operation(
        "batchSetImageFields",
        param=(
            Field("companyHandle", STRING),
            Field("updateArray", "ImageFieldUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        since="2013-02-15",
    ),
    Operation(
        "batchSetFontFields",
        param=(
            Field("companyHandle", STRING),
            Field("updateArray", "FontFieldUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        since="2013-02-15",
    ),
    Operation(
        "batchSetIccProfileFields",
        param=(
            Field("companyHandle", STRING),
            Field("updateArray", "IccProfileFieldUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        since="2013-02-15",
    ),
    Operation(
        "getImageFormats",
        param=(Field("companyHandle", STRING),),
        result=(Field("imageFormatArray", "ImageFormatArray"),),
        since="2013-02-15",
    ),
    Operation(
        "saveImageFormat",
        param=(
            Field("companyHandle", STRING),
            opt("imageFormatHandle", STRING),
            Field("name", STRING),
            Field("urlModifier", STRING),
        ),
        result=(Field("imageFormatHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteImageFormat",
        param=(
            Field("companyHandle", STRING),
            Field("imageFormatHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setImageMaps",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("imageMapArray", "ImageMapDefinitionArray"),
        ),
        result=(Field("imageMapHandleArray", "HandleArray"),),
        since="2013-02-15",
    ),
    Operation(
        "saveImageMap",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("imageMapHandle", STRING),
            Field("name", STRING),
            Field("shapeType", STRING),
            Field("region", STRING),
            Field("action", STRING),
            Field("position", INT),
            Field("enabled", BOOLEAN),
        ),
        result=(Field("imageMapHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteImageMap",
        param=(
            Field("companyHandle", STRING),
            Field("imageMapHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setZoomTargets",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("zoomTargetArray", "ZoomTargetDefinitionArray"),
        ),
        result=(Field("zoomTargetHandleArray", "HandleArray"),),
        since="2013-02-15",
    ),
    Operation(
        "saveZoomTarget",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("zoomTargetHandle", STRING),
            Field("name", STRING),
            Field("xPosition", INT),
            Field("yPosition", INT),
            Field("width", INT),
            Field("height", INT),
            opt("userData", STRING),
        ),
        result=(Field("zoomTargetHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteZoomTarget",
        param=(
            Field("companyHandle", STRING),
            Field("zoomTargetHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removeMask",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setUrlModifier",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("urlModifier", STRING),
            opt("urlPostApplyModifier", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "deleteSubAssets",
        param=(
            Field("companyHandle", STRING),
            Field("subAssetArray", "SubAssetReferenceArray"),
        ),
        result=_SUB_ASSET_COUNTS,
        since="2017-10-29-beta",
    ),
    Operation(
        "updateSmartCrops",
        param=(
            Field("companyHandle", STRING),
            Field("updateArray", "SmartCropUpdateArray"),
        ),
        result=_SUB_ASSET_COUNTS,
        since="2017-10-29-beta",
    ),
    Operation(
        "addSmartCrops",
        param=(
            Field("companyHandle", STRING),
            Field("ownerHandle", STRING),
            Field("addArray", "SmartCropAddArray"),
        ),
        result=(
            *_SUB_ASSET_COUNTS,
            opt("successDetailArray", "SubAssetArray", since="2021-04-26-beta"),
        ),
        since="2021-01-11-beta",
    ),
    Operation(
        "copyImage",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("folderHandle", STRING),
            Field("name", STRING),
            Field("urlModifier", STRING),
        ),
        result=(Field("assetHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "replaceImage",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("urlModifier", STRING),
        ),
        result=(Field("assetHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "createDerivedAsset",
        param=(
            Field("companyHandle", STRING),
            Field("ownerHandle", STRING),
            Field("folderHandle", STRING),
            Field("name", STRING),
            Field("type", STRING),
            opt("urlModifier", STRING),
            opt("urlPostApplyModifier", STRING),
        ),
        result=(Field("assetHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "batchSetThumbAsset",
        param=(
            Field("companyHandle", STRING),
            Field("updateArray", "ThumbAssetUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        since="2013-02-15",
    ),
    Operation(
        "getAutoCropRect",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("autoColorCropOptions", "AutoColorCropOptions"),
            opt("autoTransparentCropOptions", "AutoTransparentCropOptions"),
        ),
        result=(
            Field("xOffset", INT),
            Field("yOffset", INT),
            Field("width", INT),
            Field("height", INT),
        ),
        since="2013-02-15",
    ),
    Operation(
        "getGenerationInfo",
        param=(
            Field("companyHandle", STRING),
            opt("engine", STRING),
            opt("originatorHandle", STRING),
            opt("generatedHandle", STRING),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(Field("generationArray", "GenerationInfoArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getPhotoshopPath",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("pathName", STRING),
        ),
        result=(Field("perspectiveQuad", "PerspectiveQuad"),),
        since="2013-02-15",
    ),
    Operation(
        "getPhotoshopPathNames",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(Field("pathNameArray", "StringArray"),),
        since="2013-02-15",
    ),
)
