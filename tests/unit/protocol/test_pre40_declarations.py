"""What the pre-4.0 version ("xsd", ``http://www.scene7.com/IpsApi/xsd``) publishes.

Each mark is traced to docs/reference/ips-api/SPEC.md: the operations whose change log or
examples date them before 4.0, and the fields the 4.0 change log added (sections 1
and 2); the ``r-*.md`` pages named below are in docs/reference/ips-api/operations/.
"""

from __future__ import annotations

import pytest

from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.types import ALL_STRUCTS

PRE_40 = "xsd"
V40 = "2008-01-15"
STRUCTS = {s.name: s for s in ALL_STRUCTS}
PARAMS = {op.name: op.param for op in REGISTRY.operations.values()}
RESULTS = {op.name: op.result for op in REGISTRY.operations.values()}
EMULATED_SINCE = {op.name: op.since for op in REGISTRY.operations.values() if op.emulated}


def names(struct_name: str, version: str = PRE_40) -> list[str]:
    return [f.name for f in STRUCTS[struct_name].fields_in(version)]


def param_names(operation: str, version: str = PRE_40) -> list[str]:
    return [f.name for f in PARAMS[operation] if f.in_version(version)]


def test_pre_40_serves_the_operations_the_docs_date_before_4_0() -> None:
    served = {op.name for op in REGISTRY.operations_in(PRE_40)}
    # 3.7 change log (docs/reference/ips-api/SPEC.md 1.2-1.11).
    jobs = {"getJobLogs", "getJobLogDetails", "getActiveJobs", "getScheduledJobs", "submitJob",
            "stopJob", "pauseJob", "resumeJob", "deleteJob", "executeJob"}  # fmt: skip
    # Examples in the pre-4.0 namespace (docs/reference/ips-api/SPEC.md G6; r-check-login.md,
    # r-get-company-info.md, r-get-company-membership.md, r-get-user-info.md).
    directory = {"checkLogin", "getCompanyInfo", "getCompanyMembership", "getUserInfo"}
    # Its page's only example is in the pre-4.0 namespace (r-get-all-companies.md).
    directory.add("getAllCompanies")
    # Adobe's 3.7 change log (help/aem-ips-api/change-log/c-change-log/c-3-7/
    # r-3-7-operations.md, not copied here) adds createFolder and deleteFolder and changes
    # getFolders and getFolderTree; renameFolder's page example is in the pre-4.0 namespace.
    folders = {"getFolders", "getFolderTree", "createFolder", "deleteFolder", "renameFolder"}
    # Their pages' only examples are in the pre-4.0 namespace (r-get-metadata-fields.md,
    # r-set-asset-metadata.md).
    metadata = {"getMetadataFields", "setAssetMetadata"}
    # The same 3.7 change log adds moveAsset and deleteAsset, and both pages' examples are
    # in the pre-4.0 namespace.
    asset_changes = {"moveAsset", "deleteAsset"}
    assert served == jobs | directory | folders | metadata | asset_changes
    later = {name: since for name, since in EMULATED_SINCE.items() if since is not None}
    # moveFolder: new in 6.0 (r-6-operations.md of the same change log).
    # getAssets: SPEC.md 1.0 lists it among the 4.0 operations, nothing dates it earlier.
    # batchSetAssetMetadata: its page's only example is in the 2008-01-15 namespace.
    four_o = ("getAssetJobLogs", "getAssetsByName", "searchAssets", "getAssets",
              "batchSetAssetMetadata")  # fmt: skip
    # Adobe's 4.0 change log (c-4-0/r-4-0-new.md): "Implemented deleteAssetsParam batch
    # delete operation", "moveAssetsParam batch move operation", "Added operations to
    # restore assets from the trash and empty assets from the trash".
    four_o += ("deleteAssets", "moveAssets", "emptyAssetsFromTrash", "restoreAssetsFromTrash")
    # renameAsset: the live 2010-01-31 service's recorded answers are the earliest evidence
    # the emulator declares (its page's pre-4.0 example sends an undeclared renameFiles).
    # searchAssetsByMetadata: new in 4.5 (r-4-5-operations.md of the same change log).
    assert later == dict.fromkeys(four_o, V40) | {
        "moveFolder": "2012-02-14", "renameAsset": "2010-01-31",
        "searchAssetsByMetadata": "2010-01-31",
    }  # fmt: skip
    newer = {"moveFolder", "renameAsset", "searchAssetsByMetadata"}
    assert {op.name for op in REGISTRY.emulated_in(V40)} == set(EMULATED_SINCE) - newer


def test_every_later_version_serves_every_emulated_operation() -> None:
    # moveFolder: 6.0; renameAsset and searchAssetsByMetadata: 4.5
    assert len(REGISTRY.emulated_in("2008-01-15")) == len(EMULATED_SINCE) - 3
    for version in ("2013-02-15", "2014-04-03"):
        assert len(REGISTRY.emulated_in(version)) == len(EMULATED_SINCE)


def test_folders_have_no_6_0_fields_before_6_0() -> None:
    # 6.0 (r-6-types.md): PermissionsSet and PermissionsSetArray new; "In Folder, changed
    # permissions to permissionsSetHandle" (the earlier element's type is on no page).
    assert names("Folder") == [
        "folderHandle", "path", "lastModified", "childLastModified", "hasSubfolders",
        "subfolderArray",
    ]  # fmt: skip
    assert "permissionSetHandle" in names("Folder", "2012-02-14")
    returned = [f.name for f in RESULTS["getFolders"] if f.in_version(V40)]
    assert returned == ["folderArray"]


def test_job_log_has_the_fields_of_the_pre_40_examples() -> None:
    # r-get-job-logs.md and r-get-job-log-details.md (pre-4.0 namespace) show exactly these,
    # in this order; endDate (optional, "if the job has completed"), detailTotalRows and
    # detailArray are not in the getJobLogs example. originalJobName, jobSubType and
    # description are 4.0 (docs/reference/ips-api/SPEC.md 2.1).
    assert names("JobLog") == [
        "companyHandle", "jobHandle", "jobName", "submitUserEmail", "logType", "startDate",
        "endDate", "fileSuccessCount", "fileErrorCount", "fileWarningCount",
        "fileDuplicateCount", "fileUpdateCount", "totalFileCount", "fatalError",
        "detailTotalRows", "detailArray",
    ]  # fmt: skip
    assert {"originalJobName", "jobSubType", "description"} <= set(names("JobLog", V40))


def test_job_log_detail_has_no_asset_handle_before_4_0() -> None:
    # 4.0: "Added assetHandle field to JobLogDetail type" (docs/reference/ips-api/SPEC.md 2.2).
    assert names("JobLogDetail") == ["logMessage", "logType", "assetName", "assetType"]
    assert "assetHandle" in names("JobLogDetail", V40)


def test_submit_job_has_no_4_0_parameters_or_job_types() -> None:
    # locale (4.0, inference), description (4.0), reprocessAssetsJob (4.0),
    # optimizeImagesJob (4.0, inference) (docs/reference/ips-api/SPEC.md 1.6).
    later = {"locale", "description", "reprocessAssetsJob", "optimizeImagesJob"}
    assert not later & set(param_names("submitJob"))
    assert later <= set(param_names("submitJob", V40))
    assert param_names("submitJob")[:5] == [
        "companyHandle", "userHandle", "jobName", "execTime", "execSchedule",
    ]  # fmt: skip
    assert STRUCTS["ReprocessAssetsJob"].since == STRUCTS["OptimizeImagesJob"].since == V40


@pytest.mark.parametrize("struct_name", ["ActiveJob", "ScheduledJob"])
def test_active_and_scheduled_jobs_have_no_4_0_fields(struct_name: str) -> None:
    # description 4.0, locale 4.0 (inference) (docs/reference/ips-api/SPEC.md 2.3, 2.4); the 4.0 job
    # types.
    later = {"locale", "description", "reprocessAssetsJob", "optimizeImagesJob"}
    assert not later & set(names(struct_name))
    assert later <= set(names(struct_name, V40))


def test_scheduled_job_matches_the_pre_40_example() -> None:
    # r-get-scheduled-jobs.md (pre-4.0 namespace): the fields before the job structs.
    assert names("ScheduledJob")[:10] == [
        "companyHandle", "jobHandle", "name", "originalName", "type", "submitUserEmail",
        "execSchedule", "nextFireTime", "timeZone", "triggerState",
    ]  # fmt: skip


@pytest.mark.parametrize("struct_name", ["UploadDirectoryJob", "UploadUrlsJob"])
def test_upload_jobs_have_no_separate_pdf_and_illustrator_options(struct_name: str) -> None:
    # 4.0: separate processing for PostScript, Illustrator and PDF
    # (docs/reference/ips-api/SPEC.md 2.5).
    assert "postScriptOptions" in names(struct_name)
    assert not {"pdfOptions", "illustratorOptions"} & set(names(struct_name))
    assert {"pdfOptions", "illustratorOptions"} <= set(names(struct_name, V40))


def test_directory_types_match_the_pre_40_examples() -> None:
    # r-get-company-info.md and r-get-user-info.md (pre-4.0 namespace).
    assert names("Company") == ["companyHandle", "name", "rootPath", "expires"]
    assert names("User") == [
        "userHandle", "firstName", "lastName", "email", "role", "isValid", "passwordExpires",
    ]  # fmt: skip
    # The page's pre-4.0 example shows Company items, under the 6.0 name
    # (docs/reference/ips-api/SPEC.md 1.14).
    returned = [(f.name, f.type) for f in RESULTS["getCompanyMembership"] if f.in_version(PRE_40)]
    assert returned == [("companyArray", "CompanyArray")]


def test_metadata_types_have_the_pre_40_examples_fields() -> None:
    # r-get-metadata-fields.md's pre-4.0 example shows exactly these; isHidden came with
    # 4.5's createMetadataField/saveMetadataField isHidden (r-4-5-operations.md).
    assert names("MetadataField") == [
        "fieldHandle", "name", "type", "defaultValue", "isRequired", "isUserDefined",
        "initialTagValue",
    ]  # fmt: skip
    assert "isHidden" in names("MetadataField", "2010-01-31")
    # r-set-asset-metadata.md's pre-4.0 example sends fieldHandle and value; typed values
    # are 4.0's (SPEC.md: "typed values 4.0"), tag value arrays 4.5's (tag fields).
    assert names("MetadataUpdate") == ["fieldHandle", "value"]
    assert names("MetadataUpdate", V40)[-4:] == ["boolVal", "longVal", "doubleVal", "dateVal"]
    assert "setTagValueArray" in names("MetadataUpdate", "2010-01-31")


def test_pre_40_types_are_those_its_operations_reach() -> None:
    used = {s.name for s in REGISTRY.structs_used(PRE_40)}
    assert {"JobLog", "JobLogDetail", "ActiveJob", "ScheduledJob", "Company", "User"} <= used
    assert not used & {"AssetJobLog", "Asset", "ReprocessAssetsJob", "OptimizeImagesJob"}
