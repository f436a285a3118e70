"""The operations the beta namespaces add, and what they change in 2014-04-03's other
types and operations (the job structs: test_beta_declarations.py).

Field lists copied by hand from the research notes (§2 and the appendix, §6), in their
notation, as in test_beta_declarations.py; never read from the code's tables.
"""

from __future__ import annotations

import pytest

from ips_emulator.protocol.api import REGISTRY
from tests.unit.protocol.test_beta_declarations import (
    B2016,
    B2017,
    B2021,
    BEFORE,
    Element,
    fields,
    listed,
    struct,
)

# -- the operations each beta adds (notes §2 and §6) -----------------------------------

ADDED = {
    B2016: {
        "applyMetadataTemplate", "createCompanyMetadata", "deleteCompanyMetadata",
        "getCompanyMetadata", "listCompanyMetadata", "updateCompanyMetadata",
        "getMetadataSchema", "getMetadataSchemaNamespaces", "saveMetadataSchema",
        "removeMetadataSchema",
    },
    B2017: {"deleteSubAssets", "getUploadTaskStatus", "updateSmartCrops"},
    B2021: {
        "addSmartCrops", "getArchivedJobLogDetails", "getAssetArchivedJobLogs",
        "getCompanyUPPProperties", "setCompanyUPPProperties", "getSecureISAuthToken",
    },
}  # fmt: skip
#: The family each is listed under (docs/decisions.md).
FAMILY = {
    "Metadata and tags": ADDED[B2016],
    "Jobs and logs": {"getUploadTaskStatus", "getArchivedJobLogDetails", "getAssetArchivedJobLogs"},
    "Image details": {"deleteSubAssets", "updateSmartCrops", "addSmartCrops"},
    "Users and companies": {"getCompanyUPPProperties", "setCompanyUPPProperties"},
    "Publishing": {"getSecureISAuthToken"},
}


def operation_names(version: str) -> set[str]:
    return {op.name for op in REGISTRY.operations_in(version)}


@pytest.mark.parametrize(
    ("version", "count", "added"),
    [
        (B2016, 174, ADDED[B2016]),
        (B2017, 177, ADDED[B2016] | ADDED[B2017]),
        (B2021, 183, ADDED[B2016] | ADDED[B2017] | ADDED[B2021]),
    ],
)
def test_each_beta_keeps_2014_04_03_s_operations_and_adds_its_own(
    version: str, count: int, added: set[str]
) -> None:
    before = operation_names("2014-04-03")
    assert len(before) == 164
    names = operation_names(version)
    assert len(names) == count
    assert before <= names
    assert names - before == added


@pytest.mark.parametrize("since", ADDED)
def test_an_added_operation_is_declared_from_its_beta_and_not_emulated(since: str) -> None:
    for name in ADDED[since]:
        op = REGISTRY.operations[name]
        assert op.since == since, name
        assert op.until is None, name
        assert not op.in_version(BEFORE[since]), name
        # No reference page documents any of them, so no roles either (test_roles.py).
        assert (op.handler, op.roles, op.does, op.note) == (None, None, "", ""), name


def test_the_added_operations_families() -> None:
    for family_name, names in FAMILY.items():
        for name in names:
            assert REGISTRY.operations[name].family == family_name, name
    assert set().union(*FAMILY.values()) == set().union(*ADDED.values())


def operation(name: str, version: str) -> tuple[list[Element], list[Element]]:
    op = REGISTRY.operations[name]
    assert op.in_version(version), (name, version)
    return fields(op.param, version), fields(op.result, version)


def test_get_metadata_schema_one_operation_2016_01_14_beta_adds() -> None:
    assert operation("getMetadataSchema", B2016) == (
        listed("companyHandle:string, version:int"),
        listed("version:int, compressedSchema:base64Binary"),
    )
    assert operation("updateCompanyMetadata", B2016) == (
        listed("companyHandle:string, xid:string, xtype:string, xname:string, "
               "metadata:base64Binary?"),
        [],
    )  # fmt: skip


def test_update_smart_crops_one_operation_2017_10_29_beta_adds() -> None:
    assert operation("updateSmartCrops", B2017) == (
        listed("companyHandle:string, updateArray:SmartCropUpdateArray"),
        listed("successCount:int, warningCount:int, errorCount:int, "
               "warningDetailArray:SubAssetOperationFaultArray?, "
               "errorDetailArray:SubAssetOperationFaultArray?"),
    )  # fmt: skip
    assert struct("SmartCropUpdate", B2017) == listed(
        "ownerHandle:string, subAssetHandle:string, cropRect:NormalizedCropRect?"
    )
    assert struct("UploadTaskStatus", B2017) == listed(
        "jobHandle:string, isJobStopped:boolean, lastAdded:dateTime, lastCompleted:dateTime?, "
        "taskArray:UploadTaskArray"
    )


def test_operations_2021_01_11_beta_adds() -> None:
    # The element's name starts with a capital S.
    assert operation("getSecureISAuthToken", B2021) == (
        listed("companyHandle:string"),
        listed("SecureISAuthToken:string"),
    )
    # getJobLogDetailsParam without originalName, and jobHandle required.
    assert operation("getArchivedJobLogDetails", B2021) == (
        listed("companyHandle:string, jobHandle:string, logTypeArray:StringArray?, "
               "recordsPerPage:int?, resultsPage:int?, sortBy:string?, sortDirection:string?"),
        listed("jobLogArray:JobLogArray"),
    )  # fmt: skip
    assert operation("setCompanyUPPProperties", B2021) == (
        listed("companyHandle:string, baseStorage:string?, cloudStorage:string?, "
               "addOnStorage:string?, pvmPerMillion:string?, pvmPerThousand:string?, "
               "vpm:string?, mediaSupport:boolean?, roleAssignmentAllowed:boolean?, "
               "caseCreationAllowed:boolean?"),
        [],
    )  # fmt: skip
    assert struct("CompanyUPPProperties", B2021) == listed(
        "baseStorage:string, cloudStorage:string, addOnStorage:string, pvmPerMillion:string, "
        "pvmPerThousand:string, vpm:string, mediaSupport:boolean, roleAssignmentAllowed:boolean, "
        "caseCreationAllowed:boolean"
    )
    assert struct("SmartCropAdd", B2021) == listed(
        "cropWidth:double, cropHeight:double, cropName:string, cropRect:NormalizedCropRect, "
        "swatchColor:SwatchColor?"
    )


# -- what the betas change in types 2014-04-03 has (notes §3 and §6) -------------------

COMPANY_SETTINGS_2014 = (
    "overwriteMode:string, retainPublishState:boolean, defaultSourceProfile:Asset, "
    "defaultDisplayProfile:Asset, iptcExifMappingXslt:Asset?, xmpMappingXslt:Asset?, "
    "diskSpaceWarningMin:int, emailTrashCleanupWarning:boolean"
)


@pytest.mark.parametrize(
    ("version", "notation"),
    [
        (B2016, COMPANY_SETTINGS_2014 + ", fileExtOpt:string?"),
        (B2017, COMPANY_SETTINGS_2014 + ", fileExtOpt:string?"),
        # The four 2021 fields are required here and optional in setCompanySettingsParam.
        (
            B2021,
            COMPANY_SETTINGS_2014 + ", fileExtOpt:string?, immediateDelete:boolean, "
            "applySmartCropsOnPDF:boolean, applySmartCropsOnPSD:boolean, companyDMVersion:string",
        ),
    ],
)
def test_company_settings_in_each_beta(version: str, notation: str) -> None:
    assert struct("CompanySettings", version) == listed(notation)


def test_set_company_settings_and_add_company_in_2021_01_11_beta() -> None:
    param, _ = operation("setCompanySettings", B2021)
    assert param[-5:] == listed(
        "fileExtOpt:string?, immediateDelete:boolean?, applySmartCropsOnPDF:boolean?, "
        "applySmartCropsOnPSD:boolean?, companyDMVersion:string?"
    )
    assert operation("setCompanySettings", B2016)[0][-1] == ("fileExtOpt", "string", 0, 1)
    param, _ = operation("addCompany", B2021)
    assert param == listed(
        "companyName:string, expires:dateTime?, imsOrgId:string?, companyDMVersion:string, "
        "baseStorage:string?, cloudStorage:string?, addOnStorage:string?, "
        "pvmPerMillion:string?, pvmPerThousand:string?, vpm:string?, mediaSupport:boolean?, "
        "roleAssignmentAllowed:boolean?, caseCreationAllowed:boolean?"
    )
    assert operation("addCompany", B2017) == operation("addCompany", "2014-04-03")


def test_metadata_field_and_its_parameters_gain_is_publish_data_in_2021_01_11_beta() -> None:
    assert struct("MetadataField", B2021) == listed(
        "fieldHandle:string, name:string, type:string, defaultValue:string, "
        "isRequired:boolean, isUserDefined:boolean, isHidden:boolean, isEnforced:boolean, "
        "isPublishData:boolean, initialTagValue:string?"
    )
    assert struct("MetadataField", B2017) == struct("MetadataField", "2014-04-03")
    for name in ("createMetadataField", "saveMetadataField", "updateMetadataField"):
        names = [n for n, _, _, _ in operation(name, B2021)[0]]
        assert names[names.index("isEnforced") + 1] == "isPublishData", name
        assert ("isPublishData", "boolean", 0, 1) in operation(name, B2021)[0]


def test_search_assets_by_metadata_gains_haystack_search_in_2016_01_14_beta() -> None:
    param, _ = operation("searchAssetsByMetadata", B2016)
    assert param[-2:] == listed("sortDirection:string?, haystackSearch:HaystackSearch?")
    assert struct("HaystackSearch", B2016) == listed(
        "assetHandle:string, siftWeight:float?, colorWeight:float?, blobWeight:float?, "
        "gistWeight:float?, similarityLimit:float?, resultLimit:int?"
    )
    assert operation("searchAssetsByMetadata", "2014-04-03")[0] == param[:-1]


def test_get_associated_assets_returns_sub_assets_from_2017_10_29_beta() -> None:
    _, result = operation("getAssociatedAssets", B2017)
    assert [n for n, _, _, _ in result][-3:] == ["generatedArray", "subAssetArray", "thumbAsset"]
    assert ("subAssetArray", "SubAssetArray", 0, 1) in result
    assert operation("getAssociatedAssets", B2016) == operation("getAssociatedAssets", "2014-04-03")


def test_sub_asset_operation_fault_relaxes_and_grows_in_2021_01_11_beta() -> None:
    assert struct("SubAssetOperationFault", B2017) == listed(
        "subAssetHandle:string, code:int, reason:string"
    )
    assert struct("SubAssetOperationFault", B2021) == listed(
        "subAssetHandle:string?, subAssetName:string?, code:int, reason:string"
    )


@pytest.mark.parametrize("version", BEFORE)
def test_the_focus_types_the_notes_find_unchanged_are_2014_04_03_s(version: str) -> None:
    for name in ("JobLog", "JobLogDetail", "AssetJobLog", "ActiveJob", "ScheduledJob",
                 "Company", "CompanyMembership", "ImageInfo", "SearchFilter",
                 "ImageServingPublishJob", "ExportJob", "UploadUrl"):  # fmt: skip
        assert struct(name, version) == struct(name, "2014-04-03"), name
    for name in ("getJobLogs", "getJobLogDetails", "getAssetJobLogs", "submitJob",
                 "getActiveJobs", "checkLogin", "getCompanyInfo", "getAllCompanies",
                 "getAssetsByName", "searchAssets"):  # fmt: skip
        assert operation(name, version) == operation(name, "2014-04-03"), name
