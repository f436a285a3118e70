"""The IPS data types, declared once with the API version of each field.

Element names, order and ``minOccurs`` follow Adobe's real 2013-02-15 WSDL
(``shared/ref/real-service/wsdl``), minus the fields that SPEC.md section 2 says
came after 2008-01-15. Departures are recorded in ``docs/decisions.md``.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import DATETIME, STRING, Field, Struct, array, opt, struct

JOB_LOG_STRUCTS: tuple[Struct, ...] = (
    struct(
        "JobLogDetail",
        Field("logMessage", STRING),
        Field("logType", STRING),
        opt("assetName", STRING),
        opt("assetType", STRING),
        opt("assetHandle", STRING),
    ),
    array("JobLogDetailArray", "JobLogDetail"),
    struct(
        "AssetJobLog",
        Field("jobHandle", STRING),
        Field("jobName", STRING),
        Field("logMessage", STRING),
        Field("logType", STRING),
        Field("submitUserEmail", STRING),
        Field("logDate", DATETIME),
        # The 4.0 reference page types it JobLogDetailArray (SPEC.md G4); never sent.
        opt("auxArray", "JobLogDetailArray"),
    ),
    array("AssetJobLogArray", "AssetJobLog"),
)
