"""The ``<op>Param`` and ``<op>Return`` sequences of the emulated operations.

Declarations only (no handlers): ``PARAMS[op]`` and ``RESULTS[op]`` give the
children of the operation's request and response elements. Source: Adobe's real
2013-02-15 WSDL for names, order, types and ``minOccurs``; the 2014-04-03 WSDL
for what 6.8 added; version facts from docs/reference/ips-api/SPEC.md section 1. ``SINCE`` gives the
first version of the operations not served in every version. Departures are
recorded in ``docs/decisions.md``.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import BOOLEAN, DATETIME, INT, STRING, Field, opt

_COMPANY_AND_JOB = (Field("companyHandle", STRING), Field("jobHandle", STRING))

PARAMS: dict[str, tuple[Field, ...]] = {
    "getAssetJobLogs": (
        Field("companyHandle", STRING),
        Field("assetHandle", STRING),
    ),
    "getJobLogs": (
        opt("companyHandle", STRING),
        opt("userHandle", STRING),
        opt("sortBy", STRING),
        opt("sortDirection", STRING),
        opt("startDate", DATETIME),
        opt("endDate", DATETIME),
        opt("numRows", INT),
    ),
    "getJobLogDetails": (
        Field("companyHandle", STRING),
        opt("jobHandle", STRING),
        opt("originalName", STRING),
        opt("logTypeArray", "StringArray"),
        opt("recordsPerPage", INT),
        opt("resultsPage", INT),
        opt("sortBy", STRING),
        opt("sortDirection", STRING),
    ),
    "getActiveJobs": (
        opt("companyHandle", STRING),
        opt("jobHandle", STRING),
        opt("originalName", STRING),
        opt("includeWaitingJobs", BOOLEAN, since="2014-04-03"),
    ),
    # The page marks companyHandle required; the real WSDL has minOccurs="0".
    "getScheduledJobs": (
        opt("companyHandle", STRING),
        opt("jobHandle", STRING),
        opt("originalName", STRING),
    ),
    "submitJob": (
        Field("companyHandle", STRING),
        opt("userHandle", STRING),
        Field("jobName", STRING),
        # 4.0: "Added locale parameters for jobs" (docs/reference/ips-api/SPEC.md 1.6, inference).
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
        # 4.5 restricted-use list: "submitJob to include an optional createVideoSitemap job".
        opt("createVideoSitemapJob", "CreateVideoSitemapJob", since="2010-01-31"),
        # 6.0: "exportJob added to submitJob".
        opt("exportJob", "ExportJob", since="2012-02-14"),
        # Needs AutoSetCreationOptions, a 4.4 type (docs/reference/ips-api/SPEC.md 1.6, inference).
        opt("automatedSetGenerationJob", "AutomatedSetGenerationJob", since="2009-07-31"),
    ),
    "stopJob": _COMPANY_AND_JOB,
    "pauseJob": _COMPANY_AND_JOB,
    "resumeJob": _COMPANY_AND_JOB,
    "deleteJob": _COMPANY_AND_JOB,
    "executeJob": _COMPANY_AND_JOB,
    "checkLogin": (
        opt("companyHandle", STRING),
        Field("email", STRING),
        Field("password", STRING),
    ),
    "getCompanyInfo": (
        opt("companyHandle", STRING),
        opt("companyName", STRING),
        opt("imsOrgId", STRING, since="2014-04-03"),
    ),
    "getCompanyMembership": (opt("userHandle", STRING),),
    "getUserInfo": (
        opt("userHandle", STRING),
        opt("email", STRING),
    ),
    "getAssetsByName": (
        Field("companyHandle", STRING),
        opt("accessUserHandle", STRING),
        opt("accessGroupHandle", STRING),
        Field("nameArray", "StringArray"),
        opt("assetTypeArray", "StringArray"),
        opt("excludeAssetTypeArray", "StringArray"),
        opt("assetSubTypeArray", "StringArray"),
        opt("strictSubTypeCheck", BOOLEAN),
        opt("responseFieldArray", "StringArray"),
        opt("excludeFieldArray", "StringArray"),
    ),
    "searchAssets": (
        Field("companyHandle", STRING),
        opt("accessUserHandle", STRING),
        opt("accessGroupHandle", STRING),
        opt("folder", STRING),
        # The page marks it optional; the real WSDL requires it.
        Field("includeSubfolders", BOOLEAN),
        opt("publishState", STRING),
        opt("trashState", STRING),
        opt("conditionMatchMode", STRING),
        opt("keywordArray", "StringArray"),
        opt("systemFieldMatchMode", STRING),
        opt("systemFieldConditionArray", "SystemFieldConditionArray"),
        opt("tagMatchMode", STRING, since="2010-01-31"),
        opt("tagConditionArray", "TagConditionArray", since="2010-01-31"),
        opt("metadataMatchMode", STRING),
        opt("metadataConditionArray", "MetadataConditionArray"),
        opt("assetTypeArray", "StringArray"),
        opt("excludeAssetTypeArray", "StringArray"),
        opt("assetSubTypeArray", "StringArray", since="2009-07-31"),
        opt("strictSubTypeCheck", BOOLEAN, since="2009-07-31"),
        opt("excludeByproducts", BOOLEAN),
        # The page's excludByproductArray [sic].
        opt("excludeByproductArray", "ExcludeByproductArray", since="2009-07-31"),
        # The page types it xsd:sting [sic] (docs/reference/ips-api/SPEC.md G3).
        opt("projectHandle", STRING),
        opt("recordsPerPage", INT),
        opt("resultsPage", INT),
        opt("sortBy", STRING),
        opt("sortDirection", STRING),
        opt("responseFieldArray", "StringArray"),
        opt("excludeFieldArray", "StringArray"),
    ),
}

RESULTS: dict[str, tuple[Field, ...]] = {
    "getAssetJobLogs": (Field("jobLogArray", "AssetJobLogArray"),),
    "getJobLogs": (Field("jobLogArray", "JobLogArray"),),
    "getJobLogDetails": (Field("jobLogArray", "JobLogArray"),),
    # The page types jobArray xsd:string (docs/reference/ips-api/SPEC.md G1).
    "getActiveJobs": (Field("jobArray", "ActiveJobArray"),),
    "getScheduledJobs": (Field("jobArray", "ScheduledJobArray"),),
    "submitJob": (Field("jobHandle", STRING),),
    # "does not return a response": an empty sequence (docs/reference/ips-api/SPEC.md G2).
    "stopJob": (),
    "pauseJob": (),
    "resumeJob": (),
    "deleteJob": (),
    "executeJob": (),
    "checkLogin": (Field("status", STRING),),
    "getCompanyInfo": (Field("companyInfo", "Company"),),
    "getCompanyMembership": (
        # 6.0: "In getCompanyMembership, changed companyArray to membershipArray".
        Field("companyArray", "CompanyArray", until="2012-02-14"),
        Field("membershipArray", "CompanyMembershipArray", since="2012-02-14"),
    ),
    "getUserInfo": (Field("userInfo", "User"),),
    "getAssetsByName": (opt("assetArray", "AssetArray"),),
    "searchAssets": (
        opt("totalRows", INT),
        opt("assetArray", "AssetArray"),
    ),
}

#: operation -> first API version that serves it; the others are in every version.
#: Pre-4.0 serves what the docs show before 4.0: a 3.7 or 3.8 change log, or an
#: example in the pre-4.0 namespace (docs/reference/ips-api/SPEC.md 1.0, G6, G20).
SINCE: dict[str, str] = {
    # No change log; its only example is 2008-01-15, and it reads the asset handle of
    # job-log details, a 4.0 field (docs/reference/ips-api/SPEC.md 1.1, 2.2).
    "getAssetJobLogs": "2008-01-15",
    # No change log; its only example is 2010-01-31 (docs/reference/ips-api/SPEC.md 1.20).
    "getAssetsByName": "2008-01-15",
    # Older than 3.7, but its 4.0 changes (typed and range conditions, fileSize "added
    # to most *Info types") are not listed field by field, and no page shows how
    # pre-4.0 matched dates: served from 4.0 on (docs/decisions.md).
    "searchAssets": "2008-01-15",
}
