"""Publish history, contexts and state updates, vignette publish formats.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs: reached only by operations not emulated yet, whose history
before 2013-02-15 is not researched.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
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

PUBLISHING_STRUCTS: tuple[Struct, ...] = (
    struct(
        "PublishHistory",
        Field("serverName", STRING),
        Field("contextName", STRING),
        opt("publishFormat", STRING),
        Field("lastPublished", DATETIME),
    ),
    array("PublishHistoryArray", "PublishHistory"),
    struct(
        "VignettePublishFormat",
        Field("companyHandle", STRING),
        Field("vignetteFormatHandle", STRING),
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
    array("VignettePublishFormatArray", "VignettePublishFormat"),
    struct(
        "PublishContext",
        Field("contextHandle", STRING),
        Field("contextName", STRING),
        Field("contextType", STRING),
    ),
    array("PublishContextArray", "PublishContext"),
    struct(
        "AssetPublishContexts",
        Field("assetHandle", STRING),
        Field("publishContextArray", "PublishContextArray"),
    ),
    array("AssetPublishContextsArray", "AssetPublishContexts"),
    struct(
        "PublishStateUpdate",
        Field("assetHandle", STRING),
        Field("publishState", STRING),
    ),
    array("PublishStateUpdateArray", "PublishStateUpdate"),
    struct(
        "ContextStateUpdate",
        Field("contextHandle", STRING),
        Field("publishState", STRING),
    ),
    struct(
        "ContextStateUpdateArray",
        Field("items", "ContextStateUpdate", max_occurs=None),
    ),
    struct(
        "AssetsContextStateUpdate",
        Field("assetHandle", STRING),
        Field("contextStateUpdateArray", "ContextStateUpdateArray"),
    ),
    array("AssetsContextStateUpdateArray", "AssetsContextStateUpdate"),
    struct(
        "EmailConfirmation",
        Field("ccOriginator", BOOLEAN),
        opt("ccOthersArray", "EmailArray"),
        since="2013-02-15",
        until="2014-04-03",
    ),
    struct(
        "EmailArray",
        Field("items", STRING, max_occurs=5),
        since="2013-02-15",
        until="2014-04-03",
    ),
    struct(
        "UrlArray",
        Field("items", STRING, max_occurs=1000),
    ),
    array("OperationFaultArray", "OperationFault"),
    struct(
        "OperationFault",
        Field("code", INT),
        Field("reason", STRING),
    ),
)
