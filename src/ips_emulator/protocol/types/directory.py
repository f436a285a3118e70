"""Companies, memberships and users (checkLogin, getCompanyInfo, getCompanyMembership, getUserInfo).

Source: Adobe's real 2013-02-15 and 2014-04-03 WSDLs; version facts from
docs/reference/ips-api/SPEC.md sections 1.14, 1.16 and 2.6 (the pages
``docs/reference/ips-api/types/r-company.md``, ``r-company-membership.md``, ``r-user.md``).
What the beta namespaces add to ``CompanySettings``, and ``CompanyUPPProperties``: by hand
from the generated clients docs/versions.md cites ("The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    INT,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

DIRECTORY_STRUCTS: tuple[Struct, ...] = (
    struct(
        "Company",
        Field("companyHandle", STRING),
        Field("name", STRING),
        Field("rootPath", STRING),
        opt("expires", DATETIME),
        opt("imsOrgId", STRING, since="2014-04-03"),
    ),
    # getCompanyMembershipReturn/companyArray before 6.0 (docs/reference/ips-api/SPEC.md 1.14).
    array("CompanyArray", "Company"),
    struct(
        "CompanyMembership",
        Field("company", "Company"),
        Field("role", STRING),
        Field("isActive", BOOLEAN),
    ),
    array("CompanyMembershipArray", "CompanyMembership"),
    struct(
        "User",
        Field("userHandle", STRING),
        Field("firstName", STRING),
        Field("lastName", STRING),
        Field("email", STRING),
        # 6.0: "In User, changed role to defaultRole" (docs/reference/ips-api/SPEC.md 1.16, 2.6).
        Field("role", STRING, until="2012-02-14"),
        # The 2014-04-03 WSDL has no role element at all.
        Field("defaultRole", STRING, since="2012-02-14", until="2014-04-03"),
        opt("imsUserId", STRING, since="2014-04-03"),
        Field("isValid", BOOLEAN),
        Field("isIpsAdmin", BOOLEAN, since="2014-04-03"),
        # Back, optional, in AEM's 2021-01-11-beta JAXB classes (docs/versions.md).
        opt("defaultRole", STRING, since="2021-01-11-beta"),
        opt("role", STRING, since="2021-01-11-beta"),
        opt("passwordExpires", DATETIME),
    ),
    # The types of the user and company operations not emulated yet, as
    # ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's WSDLs.
    struct(
        "CompanyMember",
        Field("user", "User"),
        Field("role", STRING),
        Field("isActive", BOOLEAN),
    ),
    array("CompanyMemberArray", "CompanyMember"),
    struct(
        "CompanyMembershipUpdate",
        Field("companyHandle", STRING),
        Field("role", STRING),
        Field("isActive", BOOLEAN),
    ),
    array("CompanyMembershipUpdateArray", "CompanyMembershipUpdate"),
    array("UserArray", "User"),
    struct(
        "CompanySettings",
        Field("overwriteMode", STRING),
        Field("retainPublishState", BOOLEAN),
        Field("defaultSourceProfile", "Asset"),
        Field("defaultDisplayProfile", "Asset"),
        opt("iptcExifMappingXslt", "Asset"),
        opt("xmpMappingXslt", "Asset"),
        Field("diskSpaceWarningMin", INT),
        Field("emailTrashCleanupWarning", BOOLEAN),
        opt("fileExtOpt", STRING, since="2016-01-14-beta"),
        # Required (minOccurs 1) in the 2021-01-11-beta javadoc, unlike the rest it adds.
        Field("immediateDelete", BOOLEAN, since="2021-01-11-beta"),
        Field("applySmartCropsOnPDF", BOOLEAN, since="2021-01-11-beta"),
        Field("applySmartCropsOnPSD", BOOLEAN, since="2021-01-11-beta"),
        Field("companyDMVersion", STRING, since="2021-01-11-beta"),
        Field("psdTemplatesThreshold", INT, since="2021-04-26-beta"),
    ),
    # getCompanyUPPProperties (2021-01-11-beta): every element required here, every one
    # optional in setCompanyUPPPropertiesParam and addCompanyParam.
    struct(
        "CompanyUPPProperties",
        Field("baseStorage", STRING),
        Field("cloudStorage", STRING),
        Field("addOnStorage", STRING),
        Field("pvmPerMillion", STRING),
        Field("pvmPerThousand", STRING),
        Field("vpm", STRING),
        Field("mediaSupport", BOOLEAN),
        Field("roleAssignmentAllowed", BOOLEAN),
        Field("caseCreationAllowed", BOOLEAN),
        since="2021-01-11-beta",
    ),
)
