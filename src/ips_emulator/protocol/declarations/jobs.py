"""Jobs and logs: submitting, controlling and listing jobs, and reading their logs.

Parameters and results: Adobe's real 2013-02-15 WSDL for names, order, types and
``minOccurs``; the 2014-04-03 WSDL for what 6.8 added; the history before them
from docs/reference/ips-api/SPEC.md section 1. The three the beta namespaces add are
written by hand from the generated clients docs/versions.md cites ("The beta
namespaces") and are not emulated. Departures are recorded in ``docs/decisions.md``.
"""

from __future__ import annotations

from ips_emulator.protocol import job_logs, jobs
from ips_emulator.protocol.declarations.roles import (
    ALL_ROLES,
    JOB_SUBMITTERS,
    NOT_PORTAL_USER,
)
from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    INT,
    STRING,
    Field,
    Operation,
    family,
    opt,
)
from ips_emulator.records import Role

_COMPANY_AND_JOB = (Field("companyHandle", STRING), Field("jobHandle", STRING))

OPERATIONS = family(
    "Jobs and logs",
    Operation(
        "getAssetJobLogs",
        param=(Field("companyHandle", STRING), Field("assetHandle", STRING)),
        result=(Field("jobLogArray", "AssetJobLogArray"),),
        # No change log; its only example is 2008-01-15, and it reads the asset handle of
        # job-log details, a 4.0 field (docs/reference/ips-api/SPEC.md 1.1, 2.2).
        since="2008-01-15",
        roles=ALL_ROLES,
        handler=job_logs.getAssetJobLogs,
        does="Every job-log entry about the asset, oldest first, `logMessage` in the "
        "request's locale.",
        note="—",
    ),
    Operation(
        "getJobLogs",
        param=(
            opt("companyHandle", STRING),
            opt("userHandle", STRING),
            opt("sortBy", STRING),
            opt("sortDirection", STRING),
            opt("startDate", DATETIME),
            opt("endDate", DATETIME),
            opt("numRows", INT),
        ),
        result=(Field("jobLogArray", "JobLogArray"),),
        roles=ALL_ROLES,
        handler=job_logs.getJobLogs,
        does="One `JobLog` per job run in the company (or all the caller's companies), "
        "filtered by `userHandle` and `startDate`/`endDate` (on the start date), sorted by "
        "any Job Log Sort Field (default `StartDate`, `Descending`), at most `numRows` "
        "(default 1000). Counters are computed from the run's entries.",
        note="`transfer*Count` (4.4) are not in 4.0; `description` is the submitted description.",
    ),
    Operation(
        "getJobLogDetails",
        param=(
            Field("companyHandle", STRING),
            opt("jobHandle", STRING),
            opt("originalName", STRING),
            opt("logTypeArray", "StringArray"),
            opt("recordsPerPage", INT),
            opt("resultsPage", INT),
            opt("sortBy", STRING),
            opt("sortDirection", STRING),
        ),
        result=(Field("jobLogArray", "JobLogArray"),),
        roles=ALL_ROLES - {Role.TRIAL_SITE_ADMIN},
        handler=job_logs.getJobLogDetails,
        does="One run (by `jobHandle`, either handle, or the latest run of `originalName`) "
        "with a page of its entries: `logTypeArray` filter, `recordsPerPage` 1 to 1000 (default "
        "1000), `resultsPage` from 1, `sortBy` `Date`/`LogType`, `detailTotalRows` the full "
        "count. An unknown `originalName` gives an empty array (clients poll with it).",
        note="—",
    ),
    Operation(
        "submitJob",
        param=(
            Field("companyHandle", STRING),
            opt("userHandle", STRING),
            Field("jobName", STRING),
            # 4.0: "Added locale parameters for jobs" (docs/reference/ips-api/SPEC.md 1.6,
            # inference).
            opt("locale", STRING, since="2008-01-15"),
            opt("execTime", DATETIME),
            opt("execSchedule", STRING),
            # 4.0: "Added optional description parameter to submitJob"
            # (docs/reference/ips-api/SPEC.md 1.6).
            opt("description", STRING, since="2008-01-15"),
            opt("imageServingPublishJob", "ImageServingPublishJob"),
            opt("imageRenderingPublishJob", "ImageRenderingPublishJob"),
            opt("videoPublishJob", "VideoPublishJob"),
            opt("serverDirectoryPublishJob", "ServerDirectoryPublishJob"),
            opt("metadataPublishJob", "MetadataPublishJob"),
            opt("uploadDirectoryJob", "UploadDirectoryJob"),
            opt("uploadUrlsJob", "UploadUrlsJob"),
            # 4.0: "Added support for Optimize Remaining Files jobs"
            # (docs/reference/ips-api/SPEC.md 1.6, inference).
            opt("optimizeImagesJob", "OptimizeImagesJob", since="2008-01-15"),
            opt("ripPdfsJob", "RipPdfsJob"),
            # 4.0: "Added ReprocessAssets job type" (docs/reference/ips-api/SPEC.md 1.6).
            opt("reprocessAssetsJob", "ReprocessAssetsJob", since="2008-01-15"),
            # 4.5 restricted-use list: "submitJob to include an optional createVideoSitemap
            # job".
            opt("createVideoSitemapJob", "CreateVideoSitemapJob", since="2010-01-31"),
            # 6.0: "exportJob added to submitJob".
            opt("exportJob", "ExportJob", since="2012-02-14"),
            # Needs AutoSetCreationOptions, a 4.4 type (docs/reference/ips-api/SPEC.md 1.6,
            # inference).
            opt("automatedSetGenerationJob", "AutomatedSetGenerationJob", since="2009-07-31"),
        ),
        result=(Field("jobHandle", STRING),),
        roles=JOB_SUBMITTERS,
        handler=jobs.submitJob,
        does="Validates the request (exactly one job struct, at most one of "
        "`execTime`/`execSchedule`, a Quartz-style cron), stores it, and runs it now or "
        "schedules it. Returns `j|<company>|<jobName>||` as recorded; the run gets "
        "`j|<company>||<jobName>_<date>|<id>`.",
        note="Nothing is downloaded or rendered: outcomes follow from the request (see "
        "below). No e-mail is sent.",
    ),
    Operation(
        "getActiveJobs",
        param=(
            opt("companyHandle", STRING),
            opt("jobHandle", STRING),
            opt("originalName", STRING),
            opt("includeWaitingJobs", BOOLEAN, since="2014-04-03"),
        ),
        # The page types jobArray xsd:string (docs/reference/ips-api/SPEC.md G1).
        result=(Field("jobArray", "ActiveJobArray"),),
        roles=NOT_PORTAL_USER,
        handler=jobs.getActiveJobs,
        does="Runs that are `New`, `Running`, or `Done` for the last 5 s of emulator time, "
        "with `progress`, `progressMessage`, one `TaskProgress` for uploads (as recorded), "
        "and the submitted job struct.",
        note="`totalSize` is 0; `serverName` is `ips-emulator`.",
    ),
    Operation(
        "getScheduledJobs",
        # The page marks companyHandle required; the real WSDL has minOccurs="0".
        param=(
            opt("companyHandle", STRING),
            opt("jobHandle", STRING),
            opt("originalName", STRING),
        ),
        result=(Field("jobArray", "ScheduledJobArray"),),
        roles=NOT_PORTAL_USER,
        handler=jobs.getScheduledJobs,
        does="Jobs submitted with a future `execTime` or an `execSchedule`, with "
        "`nextFireTime`, `timeZone` (the server zone's abbreviation) and `triggerState` "
        "(`Normal`/`Paused`).",
        note="—",
    ),
    # "does not return a response": an empty sequence (docs/reference/ips-api/SPEC.md G2).
    Operation(
        "stopJob",
        param=_COMPANY_AND_JOB,
        result=(),
        roles=NOT_PORTAL_USER,
        handler=jobs.stopJob,
        does="Ends a running job: each remaining file gets a `FileCancel` entry, then the "
        "job's `End…` entry; state `Done`.",
        note="—",
    ),
    Operation(
        "pauseJob",
        param=_COMPANY_AND_JOB,
        result=(),
        roles=NOT_PORTAL_USER,
        handler=jobs.pauseJob,
        does="A schedule's trigger goes `Paused` (missed fire times are skipped); a running "
        "job is frozen (`progressMessage` `Paused`).",
        note="Active Job States have no `Paused`: the state stays `Running`.",
    ),
    Operation(
        "resumeJob",
        param=_COMPANY_AND_JOB,
        result=(),
        roles=NOT_PORTAL_USER,
        handler=jobs.resumeJob,
        does="A paused schedule's trigger goes `Normal` again; a paused job continues "
        "where it stopped.",
        note="—",
    ),
    Operation(
        "deleteJob",
        param=_COMPANY_AND_JOB,
        result=(),
        roles=NOT_PORTAL_USER,
        handler=jobs.deleteJob,
        does="Removes a schedule (its past runs keep their logs) and stops a running job.",
        note="—",
    ),
    Operation(
        "executeJob",
        param=_COMPANY_AND_JOB,
        result=(),
        roles=JOB_SUBMITTERS,
        handler=jobs.executeJob,
        does="Runs a scheduled job now; the schedule is unchanged.",
        note="—",
    ),
    Operation(
        "getUploadTaskStatus",
        param=(Field("jobHandle", STRING),),
        result=(Field("uploadTaskStatusArray", "ClusterUploadTaskStatusArray"),),
        since="2017-10-29-beta",
    ),
    Operation(
        "getArchivedJobLogDetails",
        # getJobLogDetailsParam without originalName, and jobHandle required.
        param=(
            *_COMPANY_AND_JOB,
            opt("logTypeArray", "StringArray"),
            opt("recordsPerPage", INT),
            opt("resultsPage", INT),
            opt("sortBy", STRING),
            opt("sortDirection", STRING),
        ),
        result=(Field("jobLogArray", "JobLogArray"),),
        since="2021-01-11-beta",
    ),
    Operation(
        "getAssetArchivedJobLogs",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(Field("jobLogArray", "AssetJobLogArray"),),
        since="2021-01-11-beta",
    ),
)
