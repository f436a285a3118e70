"""Sub-assets and smart crops: what the beta namespaces add for them.

Written by hand from the research notes' ordered field lists (AEM's JAXB javadoc of
2017-10-29-beta and 2021-01-11-beta: docs/versions.md, "The beta namespaces"), each type
``since`` the first beta that has it. Reached by ``getAssociatedAssetsReturn/subAssetArray``
and by ``deleteSubAssets``, ``updateSmartCrops`` and ``addSmartCrops``, none emulated.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    DATETIME,
    DOUBLE,
    INT,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

SUB_ASSET_STRUCTS: tuple[Struct, ...] = (
    struct(
        "UserData",
        Field("name", STRING),
        Field("value", STRING),
        since="2017-10-29-beta",
    ),
    array("UserDataArray", "UserData", since="2017-10-29-beta"),
    struct(
        "NormalizedCropRect",
        Field("leftN", DOUBLE),
        Field("topN", DOUBLE),
        Field("widthN", DOUBLE),
        Field("heightN", DOUBLE),
        since="2017-10-29-beta",
    ),
    struct(
        "SmartCrop",
        opt("cropRect", "NormalizedCropRect"),
        Field("width", INT),
        Field("height", INT),
        since="2017-10-29-beta",
    ),
    struct(
        "SubAsset",
        opt("subAssetHandle", STRING),
        opt("type", STRING),
        opt("subType", STRING),
        opt("name", STRING),
        opt("created", DATETIME),
        opt("createUser", STRING),
        opt("lastModified", DATETIME),
        opt("lastModifyUser", STRING),
        opt("userDataArray", "UserDataArray"),
        opt("metadataArray", "MetadataArray"),
        opt("smartCrop", "SmartCrop"),
        since="2017-10-29-beta",
    ),
    array("SubAssetArray", "SubAsset", since="2017-10-29-beta"),
    struct(
        "SubAssetReference",
        Field("ownerHandle", STRING),
        Field("subAssetHandle", STRING),
        since="2017-10-29-beta",
    ),
    array("SubAssetReferenceArray", "SubAssetReference", since="2017-10-29-beta"),
    struct(
        "SmartCropUpdate",
        Field("ownerHandle", STRING),
        Field("subAssetHandle", STRING),
        opt("cropRect", "NormalizedCropRect"),
        since="2017-10-29-beta",
    ),
    array("SmartCropUpdateArray", "SmartCropUpdate", since="2017-10-29-beta"),
    struct(
        "SwatchColor",
        Field("redColor", INT),
        Field("greenColor", INT),
        Field("blueColor", INT),
        since="2021-01-11-beta",
    ),
    struct(
        "SmartCropAdd",
        Field("cropWidth", DOUBLE),
        Field("cropHeight", DOUBLE),
        Field("cropName", STRING),
        Field("cropRect", "NormalizedCropRect"),
        opt("swatchColor", "SwatchColor"),
        since="2021-01-11-beta",
    ),
    array("SmartCropAddArray", "SmartCropAdd", since="2021-01-11-beta"),
    struct(
        "SubAssetOperationFault",
        # Required in 2017-10-29-beta; 2021-01-11-beta makes it optional and adds
        # subAssetName after it.
        Field("subAssetHandle", STRING, until="2021-01-11-beta"),
        opt("subAssetHandle", STRING, since="2021-01-11-beta"),
        opt("subAssetName", STRING, since="2021-01-11-beta"),
        Field("code", INT),
        Field("reason", STRING),
        since="2017-10-29-beta",
    ),
    array("SubAssetOperationFaultArray", "SubAssetOperationFault", since="2017-10-29-beta"),
)
