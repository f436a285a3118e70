"""Job logs, active and scheduled jobs (getAssetJobLogs, getJobLogs, getJobLogDetails,
getActiveJobs, getScheduledJobs).

Source: Adobe's real 2013-02-15 WSDL for names, order, types and ``minOccurs``;
the 2014-04-03 WSDL for what 6.8 added; version facts from docs/reference/ips-api/SPEC.md sections
2.1-2.4. Departures are recorded in ``docs/decisions.md``.
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

JOB_LOG_STRUCTS: tuple[Struct, ...] = (
    struct(
        "JobLogDetailAux",
        Field("logMessage", STRING),
        Field("logType", STRING),
        opt("dateCreated", DATETIME),
        since="2010-01-31",
    ),
    array("JobLogDetailAuxArray", "JobLogDetailAux", since="2010-01-31"),
    struct(
        "JobLogDetail",
        Field("logMessage", STRING),
        Field("logType", STRING),
        Field("dateCreated", DATETIME, since="2014-04-03"),
        opt("assetName", STRING),
        opt("assetType", STRING),
        # 4.0: "Added assetHandle field to JobLogDetail type" (docs/reference/ips-api/SPEC.md 2.2).
        opt("assetHandle", STRING, since="2008-01-15"),
        opt("auxArray", "JobLogDetailAuxArray", since="2010-01-31"),
    ),
    array("JobLogDetailArray", "JobLogDetail"),
    struct(
        "JobLog",
        Field("companyHandle", STRING),
        Field("jobHandle", STRING),
        Field("jobName", STRING),
        # originalJobName, jobSubType and description: 4.0 (docs/reference/ips-api/SPEC.md 2.1).
        Field("originalJobName", STRING, since="2008-01-15"),
        Field("submitUserEmail", STRING),
        Field("logType", STRING),
        Field("jobSubType", STRING, since="2008-01-15"),
        opt("startDate", DATETIME),
        # Pre-4.0 only getJobLogDetails filled it (docs/reference/ips-api/SPEC.md 2.1); here both
        # always do.
        opt("endDate", DATETIME),
        Field("description", STRING, since="2008-01-15"),
        Field("fileSuccessCount", INT),
        Field("fileErrorCount", INT),
        Field("fileWarningCount", INT),
        # Both in the pre-4.0 examples; 4.0 changed how they count
        # (docs/reference/ips-api/SPEC.md 2.1).
        Field("fileDuplicateCount", INT),
        Field("fileUpdateCount", INT),
        Field("totalFileCount", INT),
        Field("transferSuccessCount", INT, since="2009-07-31"),
        Field("transferErrorCount", INT, since="2009-07-31"),
        Field("transferWarningCount", INT, since="2009-07-31"),
        Field("fatalError", BOOLEAN),
        opt("detailTotalRows", INT),
        opt("detailArray", "JobLogDetailArray"),
    ),
    array("JobLogArray", "JobLog"),
    struct(
        "AssetJobLog",
        Field("jobHandle", STRING),
        Field("jobName", STRING),
        Field("logMessage", STRING),
        Field("logType", STRING),
        Field("submitUserEmail", STRING),
        Field("logDate", DATETIME),
        # The 4.0 reference page types it JobLogDetailArray (docs/reference/ips-api/SPEC.md G4);
        # never sent.
        opt("auxArray", "JobLogDetailArray", until="2010-01-31"),
        # From 4.5 on it is the JobLogDetailAuxArray of the real WSDL.
        opt("auxArray", "JobLogDetailAuxArray", since="2010-01-31"),
    ),
    array("AssetJobLogArray", "AssetJobLog"),
)

TASK_PROGRESS_STRUCTS: tuple[Struct, ...] = (
    struct(
        "TaskProgress",
        Field("taskType", STRING),
        # 6.0: "Added taskState to TaskProgress" (docs/reference/ips-api/SPEC.md 2.3).
        Field("taskState", STRING, since="2012-02-14"),
        Field("numProcessed", INT),
        Field("numProcessing", INT),
        Field("numPending", INT),
        Field("progress", DOUBLE),
        Field("progressMessage", STRING),
        Field("lastProgressUpdate", DATETIME),
        Field("taskItemProgressArray", "TaskItemProgressArray"),
    ),
    array("TaskProgressArray", "TaskProgress"),
    struct(
        "TaskItemProgress",
        Field("itemName", STRING),
        Field("progress", DOUBLE),
        Field("progressMessage", STRING),
        Field("lastProgressUpdate", DATETIME),
    ),
    array("TaskItemProgressArray", "TaskItemProgress"),
)

ACTIVE_JOB_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ActiveJob",
        Field("companyHandle", STRING),
        Field("jobHandle", STRING),
        Field("name", STRING),
        Field("originalName", STRING),
        Field("type", STRING),
        Field("state", STRING),
        Field("submitUserEmail", STRING),
        # description 4.0, locale 4.0 (inference) (docs/reference/ips-api/SPEC.md 2.3, 2.4).
        opt("locale", STRING, since="2008-01-15"),
        opt("description", STRING, since="2008-01-15"),
        Field("serverName", STRING),
        Field("startDate", DATETIME),
        Field("triggerTime", DATETIME, since="2014-04-03"),
        # The reference page says xsd:string; the real WSDL has xsd:int.
        Field("totalSize", INT),
        Field("progress", INT),
        # The reference page says xsd:int (docs/reference/ips-api/SPEC.md G3); the real WSDL has
        # xsd:string.
        Field("progressMessage", STRING),
        Field("lastProgressUpdate", DATETIME),
        Field("taskProgressArray", "TaskProgressArray"),
        opt("imageServingPublishJob", "ImageServingPublishJob"),
        # The page's imageServingRenderJob (docs/reference/ips-api/SPEC.md G3).
        opt("imageRenderingPublishJob", "ImageRenderingPublishJob"),
        opt("videoPublishJob", "VideoPublishJob"),
        # The page types it ImageServingPublishJob (docs/reference/ips-api/SPEC.md G3).
        opt("serverDirectoryPublishJob", "ServerDirectoryPublishJob"),
        opt("metadataPublishJob", "MetadataPublishJob"),
        opt("uploadDirectoryJob", "UploadDirectoryJob"),
        opt("uploadUrlsJob", "UploadUrlsJob"),
        opt("uploadPostJob", "UploadPostJob"),
        # Both job types came with 4.0, optimizeImagesJob by inference
        # (docs/reference/ips-api/SPEC.md 1.6, 2.5).
        opt("optimizeImagesJob", "OptimizeImagesJob", since="2008-01-15"),
        opt("ripPdfsJob", "RipPdfsJob"),
        opt("reprocessAssetsJob", "ReprocessAssetsJob", since="2008-01-15"),
        # 4.5 restricted-use list: "Changed ActiveJob to include a createVideoSitemapJob".
        opt("createVideoSitemapJob", "CreateVideoSitemapJob", since="2010-01-31"),
        # 6.0: "Added exportJob to ActiveJob and ScheduledJob".
        opt("exportJob", "ExportJob", since="2012-02-14"),
        # Needs AutoSetCreationOptions, a 4.4 type (docs/reference/ips-api/SPEC.md 1.6).
        opt("automatedSetGenerationJob", "AutomatedSetGenerationJob", since="2009-07-31"),
    ),
    array("ActiveJobArray", "ActiveJob"),
    struct(
        "ScheduledJob",
        Field("companyHandle", STRING),
        Field("jobHandle", STRING),
        Field("name", STRING),
        Field("originalName", STRING),
        Field("type", STRING),
        Field("submitUserEmail", STRING),
        opt("locale", STRING, since="2008-01-15"),
        opt("description", STRING, since="2008-01-15"),
        opt("execSchedule", STRING),
        opt("nextFireTime", DATETIME),
        # The page types timeZone xsd:dateTime and triggerState xsd:int
        # (docs/reference/ips-api/SPEC.md G3); the real WSDL has xsd:string for both.
        opt("timeZone", STRING),
        opt("triggerState", STRING),
        opt("imageServingPublishJob", "ImageServingPublishJob"),
        opt("imageRenderingPublishJob", "ImageRenderingPublishJob"),
        opt("videoPublishJob", "VideoPublishJob"),
        opt("serverDirectoryPublishJob", "ServerDirectoryPublishJob"),
        opt("metadataPublishJob", "MetadataPublishJob"),
        opt("uploadDirectoryJob", "UploadDirectoryJob"),
        opt("uploadUrlsJob", "UploadUrlsJob"),
        opt("optimizeImagesJob", "OptimizeImagesJob", since="2008-01-15"),
        opt("ripPdfsJob", "RipPdfsJob"),
        opt("reprocessAssetsJob", "ReprocessAssetsJob", since="2008-01-15"),
        opt("createVideoSitemapJob", "CreateVideoSitemapJob", since="2010-01-31"),
        opt("exportJob", "ExportJob", since="2012-02-14"),
        opt("automatedSetGenerationJob", "AutomatedSetGenerationJob", since="2009-07-31"),
    ),
    # The page types items ScheduledJobs (docs/reference/ips-api/SPEC.md G3).
    array("ScheduledJobArray", "ScheduledJob"),
)
