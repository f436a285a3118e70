"""The status of an upload's tasks (``getUploadTaskStatus``, 2017-10-29-beta on).

Written by hand from the research notes' ordered field lists (AEM's JAXB javadoc of
2017-10-29-beta, the same in 2021-01-11-beta: docs/versions.md, "The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

UPLOAD_TASK_STRUCTS: tuple[Struct, ...] = (
    struct(
        "UploadRenditionTask",
        Field("rendition", STRING),
        Field("workflowState", STRING),
        Field("progress", DOUBLE),
        since="2017-10-29-beta",
    ),
    array("UploadRenditionTaskArray", "UploadRenditionTask", since="2017-10-29-beta"),
    struct(
        "UploadTask",
        Field("file", STRING),
        Field("processingStatus", STRING),
        Field("workflowState", STRING),
        Field("progress", DOUBLE),
        Field("renditions", "UploadRenditionTaskArray"),
        since="2017-10-29-beta",
    ),
    array("UploadTaskArray", "UploadTask", since="2017-10-29-beta"),
    struct(
        "UploadTaskStatus",
        Field("jobHandle", STRING),
        Field("isJobStopped", BOOLEAN),
        Field("lastAdded", DATETIME),
        opt("lastCompleted", DATETIME),
        Field("taskArray", "UploadTaskArray"),
        since="2017-10-29-beta",
    ),
    array("UploadTaskStatusArray", "UploadTaskStatus", since="2017-10-29-beta"),
    struct(
        "ClusterUploadTaskStatus",
        opt("statusArray", "UploadTaskStatusArray"),
        opt("error", STRING),
        since="2017-10-29-beta",
    ),
    array("ClusterUploadTaskStatusArray", "ClusterUploadTaskStatus", since="2017-10-29-beta"),
)
