"""Groups, projects, disk usage and media portal events.

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
    LONG,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

ADMIN_STRUCTS: tuple[Struct, ...] = (
    struct(
        "Group",
        Field("groupHandle", STRING),
        Field("companyHandle", STRING),
        Field("name", STRING),
        Field("isSystemDefined", BOOLEAN),
    ),
    array("GroupArray", "Group"),
    struct(
        "Project",
        Field("projectHandle", STRING),
        Field("name", STRING),
    ),
    array("ProjectArray", "Project"),
    struct(
        "DiskUsage",
        Field("companyHandle", STRING),
        Field("companyName", STRING),
        Field("imageCount", INT),
        Field("diskSpaceUsage", LONG),
        Field("lastModified", DATETIME),
    ),
    array("DiskUsageArray", "DiskUsage"),
    struct(
        "MPEvent",
        Field("eventType", STRING),
        opt("createDate", DATETIME),
        Field("ipsUser", STRING),
        Field("companyId", INT),
        Field("companyName", STRING),
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
    array("MPEventArray", "MPEvent"),
)
