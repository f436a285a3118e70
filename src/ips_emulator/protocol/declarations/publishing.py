"""Publishing: publish states and contexts, publish settings, catalogs, CDN invalidation.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
``getSecureISAuthToken`` (2021-01-11-beta) is written by hand from the generated client
docs/versions.md cites ("The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol.declarations.roles import ALL_ROLES, ASSET_EDITORS
from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    INT,
    STRING,
    Field,
    Operation,
    family,
    opt,
)
from ips_emulator.records import Role

OPERATIONS = family(
    "Publishing",
    Operation(
        "setAssetPublishState",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("publishState", STRING),
            opt("contextHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
        roles=ALL_ROLES
        - {
            Role.IMAGE_PORTAL_ADMIN,
            Role.IMAGE_PORTAL_USER,
            Role.TRIAL_SITE_ADMIN,
            Role.TRIAL_SITE_USER,
        },
    ),
    Operation(
        "setAssetsPublishState",
        param=(
            Field("companyHandle", STRING),
            Field("publishStateUpdateArray", "PublishStateUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        since="2013-02-15",
        roles=ASSET_EDITORS,
    ),
    Operation(
        "getAssetPublishHistory",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(Field("pubHistoryArray", "PublishHistoryArray"),),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "getPublishContexts",
        param=(
            Field("companyHandle", STRING),
            opt("contextType", STRING),
        ),
        result=(Field("publishContextArray", "PublishContextArray"),),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "getActivePublishContexts",
        param=(Field("companyHandle", STRING),),
        result=(Field("contextArray", "StringArray"),),
        since="2013-02-15",
    ),
    Operation(
        "batchGetAssetPublishContexts",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandleArray", "HandleArray"),
        ),
        result=(Field("assetPublishContextsArray", "AssetPublishContextsArray"),),
        since="2013-02-15",
    ),
    Operation(
        "setAssetsContextState",
        param=(
            Field("companyHandle", STRING),
            Field("assetsContextStateUpdateArray", "AssetsContextStateUpdateArray"),
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
        "forceRepublishAssets",
        param=(
            Field("companyHandle", STRING),
            opt("republishFiles", BOOLEAN),
            opt("resyncCatalog", BOOLEAN),
            Field("assetHandleArray", "HandleArray"),
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
        "cdnCacheInvalidation",
        param=(
            Field("companyHandle", STRING),
            opt("confirmation", "EmailConfirmation", until="2014-04-03"),
            Field("urlArray", "UrlArray"),
        ),
        result=(
            Field("successCount", INT, until="2014-04-03"),
            Field("warningCount", INT, until="2014-04-03"),
            Field("errorCount", INT, until="2014-04-03"),
            opt("errorDetailArray", "OperationFaultArray", until="2014-04-03"),
            Field("invalidationHandle", STRING, since="2014-04-03"),
            Field("estimatedSeconds", INT, since="2014-04-03"),
        ),
        since="2013-02-15",
        roles=ALL_ROLES
        - {
            Role.IMAGE_PORTAL_ADMIN,
            Role.IMAGE_PORTAL_CONTRIB,
            Role.IMAGE_PORTAL_CONTRIB_USER,
            Role.IMAGE_PORTAL_USER,
            Role.IPS_USER,
            Role.TRIAL_SITE_ADMIN,
            Role.TRIAL_SITE_USER,
        },
    ),
    Operation(
        "getCdnCacheInvalidationStatus",
        param=(
            Field("companyHandle", STRING),
            Field("invalidationHandle", STRING),
        ),
        result=(
            Field("status", STRING),
            opt("pingAfterSeconds", INT),
            opt("completionTime", DATETIME),
        ),
        since="2014-04-03",
    ),
    Operation(
        "getImageServingPublishSettings",
        param=(
            Field("companyHandle", STRING),
            opt("contextHandle", STRING),
        ),
        result=(Field("publishSettingArray", "ConfigSettingArray"),),
        since="2013-02-15",
    ),
    Operation(
        "setImageServingPublishSettings",
        param=(
            Field("companyHandle", STRING),
            opt("contextHandle", STRING),
            Field("publishSettingArray", "ConfigSettingArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getImageRenderingPublishSettings",
        param=(
            Field("companyHandle", STRING),
            opt("contextHandle", STRING),
        ),
        result=(Field("publishSettingArray", "ConfigSettingArray"),),
        since="2013-02-15",
    ),
    Operation(
        "setImageRenderingPublishSettings",
        param=(
            Field("companyHandle", STRING),
            opt("contextHandle", STRING),
            Field("publishSettingArray", "ConfigSettingArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getImageServingCatalog",
        param=(Field("companyHandle", STRING),),
        result=(Field("catalog", STRING),),
        since="2013-02-15",
        until="2014-04-03",
    ),
    Operation(
        "getImageRenderingCatalog",
        param=(Field("companyHandle", STRING),),
        result=(Field("catalog", STRING),),
        since="2013-02-15",
        until="2014-04-03",
    ),
    Operation(
        "getVignettePublishFormats",
        param=(Field("companyHandle", STRING),),
        result=(Field("vignetteFormatArray", "VignettePublishFormatArray"),),
        since="2013-02-15",
    ),
    Operation(
        "createVignettePublishFormat",
        param=(
            Field("companyHandle", STRING),
            Field("name", STRING),
            Field("targetWidth", INT),
            Field("targetHeight", INT),
            Field("createPyramid", BOOLEAN),
            Field("thumbWidth", INT),
            Field("saveAsVersion", INT),
            Field("sizeSuffixSeparator", STRING),
            Field("sharpen", INT),
            Field("usmAmount", DOUBLE),
            Field("usmRadius", DOUBLE),
            Field("usmThreshold", INT),
        ),
        result=(Field("vignetteFormatHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "updateVignettePublishFormat",
        param=(
            Field("companyHandle", STRING),
            Field("vignetteFormatHandle", STRING),
            opt("name", STRING),
            opt("targetWidth", INT),
            opt("targetHeight", INT),
            opt("createPyramid", BOOLEAN),
            opt("thumbWidth", INT),
            opt("saveAsVersion", INT),
            opt("sizeSuffixSeparator", STRING),
            opt("sharpen", INT),
            opt("usmAmount", DOUBLE),
            opt("usmRadius", DOUBLE),
            opt("usmThreshold", INT),
        ),
        result=(Field("vignetteFormatHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteVignettePublishFormat",
        param=(
            Field("companyHandle", STRING),
            Field("vignetteFormatHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    # Secure Image Serving: the token of a company's secure (preview) image server, by
    # its name; the family is an inference (docs/decisions.md).
    Operation(
        "getSecureISAuthToken",
        param=(Field("companyHandle", STRING),),
        # The element's name starts with a capital S (2021-01-11-beta javadoc).
        result=(Field("SecureISAuthToken", STRING),),
        since="2021-01-11-beta",
    ),
)
