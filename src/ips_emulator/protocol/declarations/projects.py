"""Projects and their assets.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.schema import INT, STRING, Field, Operation, family, opt

OPERATIONS = family(
    "Projects",
    Operation(
        "getProjects",
        param=(Field("companyHandle", STRING),),
        result=(Field("projectArray", "ProjectArray"),),
        since="2013-02-15",
    ),
    Operation(
        "createProject",
        param=(
            Field("companyHandle", STRING),
            Field("projectName", STRING),
        ),
        result=(Field("projectHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "renameProject",
        param=(
            Field("companyHandle", STRING),
            Field("projectHandle", STRING),
            Field("projectName", STRING),
        ),
        result=(Field("projectHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteProject",
        param=(
            Field("companyHandle", STRING),
            Field("projectHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "addProjectAssets",
        param=(
            Field("companyHandle", STRING),
            Field("projectHandle", STRING),
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
        "setProjectAssets",
        param=(
            Field("companyHandle", STRING),
            Field("projectHandle", STRING),
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
        "removeProjectAssets",
        param=(
            Field("companyHandle", STRING),
            Field("projectHandle", STRING),
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
)
