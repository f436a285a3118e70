"""System: disk usage, system properties and media portal events.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    DATETIME,
    DOUBLE,
    INT,
    STRING,
    Field,
    Operation,
    family,
    opt,
)

OPERATIONS = family(
    "System",
    Operation(
        "getDiskUsage",
        param=(opt("companyHandle", STRING),),
        result=(Field("diskUsageArray", "DiskUsageArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getProperty",
        param=(Field("name", STRING),),
        result=(Field("value", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "getSystemProperties",
        param=(),
        result=(Field("propertyArray", "PropertyArray"),),
        since="2013-02-15",
    ),
    Operation(
        "addMediaPortalEvent",
        param=(
            Field("eventType", STRING),
            Field("ipsUser", STRING),
            Field("companyHandle", STRING),
            Field("jobName", STRING),
            Field("jobDescription", STRING),
            opt("string1", STRING),
            opt("string2", STRING),
            opt("string3", STRING),
            opt("string4", STRING),
            opt("string5", STRING),
            opt("int1", INT),
            opt("int2", INT),
            opt("int3", INT),
            opt("int4", INT),
            opt("int5", INT),
            opt("float1", DOUBLE),
            opt("float2", DOUBLE),
            opt("float3", DOUBLE),
            opt("time1", DATETIME),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getMediaPortalEvent",
        param=(
            opt("eventType", STRING),
            opt("ipsUser", STRING),
            opt("companyHandle", STRING),
            opt("jobName", STRING),
            opt("jobDescription", STRING),
            opt("beforeDate", DATETIME),
            opt("afterDate", DATETIME),
        ),
        result=(Field("MediaPortalEventArray", "MPEventArray"),),
        since="2013-02-15",
    ),
)
