"""Users and companies: logins, companies, memberships, users and company settings.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md). What the beta
namespaces add (company settings, the UPP properties) is written by hand from the
generated clients docs/versions.md cites ("The beta namespaces").
"""

from __future__ import annotations

from ips_emulator.protocol import directory
from ips_emulator.protocol.declarations.roles import ALL_ROLES, IPS_ADMIN_ONLY, USER_ADMINS
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

#: CompanyUPPProperties' elements, every one optional: setCompanyUPPPropertiesParam's
#: after companyHandle, and addCompanyParam's after companyDMVersion (2021-01-11-beta).
_UPP_PROPERTIES = (
    opt("baseStorage", STRING, since="2021-01-11-beta"),
    opt("cloudStorage", STRING, since="2021-01-11-beta"),
    opt("addOnStorage", STRING, since="2021-01-11-beta"),
    opt("pvmPerMillion", STRING, since="2021-01-11-beta"),
    opt("pvmPerThousand", STRING, since="2021-01-11-beta"),
    opt("vpm", STRING, since="2021-01-11-beta"),
    opt("mediaSupport", BOOLEAN, since="2021-01-11-beta"),
    opt("roleAssignmentAllowed", BOOLEAN, since="2021-01-11-beta"),
    opt("caseCreationAllowed", BOOLEAN, since="2021-01-11-beta"),
)

OPERATIONS = family(
    "Users and companies",
    Operation(
        "checkLogin",
        param=(
            opt("companyHandle", STRING),
            Field("email", STRING),
            Field("password", STRING),
        ),
        result=(Field("status", STRING),),
        roles=ALL_ROLES,
        handler=directory.checkLogin,
        does="`ValidLogin` when the e-mail and password match (and the user is a member of "
        "`companyHandle` when given), else `InvalidLogin`.",
        note='"Default user" without a company: the given user.',
    ),
    Operation(
        "getCompanyInfo",
        param=(
            opt("companyHandle", STRING),
            opt("companyName", STRING),
            opt("imsOrgId", STRING, since="2014-04-03"),
        ),
        result=(Field("companyInfo", "Company"),),
        roles=ALL_ROLES - {Role.IPS_COMPANY_ADMIN},
        handler=directory.getCompanyInfo,
        does="The company by `companyHandle` or `companyName`.",
        note="`imsOrgId` is not looked up.",
    ),
    Operation(
        "getCompanyMembership",
        param=(opt("userHandle", STRING),),
        result=(
            # 6.0: "In getCompanyMembership, changed companyArray to membershipArray".
            Field("companyArray", "CompanyArray", until="2012-02-14"),
            Field("membershipArray", "CompanyMembershipArray", since="2012-02-14"),
        ),
        roles=ALL_ROLES,
        handler=directory.getCompanyMembership,
        does="The user's companies: `companyArray` before 6.0, `membershipArray` (each "
        "active) from 6.0 on.",
        note="A membership's `role` is not sent.",
    ),
    Operation(
        "getUserInfo",
        param=(
            opt("userHandle", STRING),
            opt("email", STRING),
        ),
        result=(Field("userInfo", "User"),),
        roles=ALL_ROLES,
        handler=directory.getUserInfo,
        does="The caller, or the user named by `userHandle`/`email` (admin roles, sharing "
        "a company).",
        note="`passwordExpires` is not kept.",
    ),
    Operation(
        "getAllCompanies",
        param=(Field("includeExpired", BOOLEAN),),
        result=(Field("companyArray", "CompanyArray"),),
        # In every version: its page's example is in the pre-4.0 namespace.
        roles=IPS_ADMIN_ONLY,
        handler=directory.getAllCompanies,
        does="Every company, oldest first; one whose `expires` is past (on the emulator "
        "clock) only with `includeExpired`.",
        note="—",
    ),
    Operation(
        "getAllUsers",
        param=(Field("includeInvalid", BOOLEAN),),
        result=(Field("userArray", "UserArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getUsers",
        param=(
            opt("includeInvalid", BOOLEAN),
            opt("includeInactive", BOOLEAN),
            opt("companyHandleArray", "HandleArray"),
            opt("groupHandleArray", "HandleArray"),
            opt("userRoleArray", "StringArray"),
            opt("charFilterField", STRING),
            opt("charFilter", STRING),
            opt("sortBy", STRING),
            opt("recordsPerPage", INT),
            opt("resultsPage", INT),
        ),
        result=(Field("userArray", "UserArray"),),
        since="2013-02-15",
        roles=USER_ADMINS,
    ),
    Operation(
        "getCompanyMembers",
        param=(
            Field("companyHandle", STRING),
            Field("includeInvalid", BOOLEAN),
            Field("includeInactive", BOOLEAN),
        ),
        result=(Field("memberArray", "CompanyMemberArray"),),
        since="2013-02-15",
    ),
    Operation(
        "addCompany",
        param=(
            Field("companyName", STRING),
            opt("expires", DATETIME),
            opt("imsOrgId", STRING, since="2014-04-03"),
            # Required in the 2021-01-11-beta javadoc, unlike the UPP properties after it.
            Field("companyDMVersion", STRING, since="2021-01-11-beta"),
            *_UPP_PROPERTIES,
        ),
        result=(Field("companyInfo", "Company"),),
        since="2013-02-15",
        roles=ALL_ROLES
        - {
            Role.IMAGE_PORTAL_CONTRIB,
            Role.IMAGE_PORTAL_CONTRIB_USER,
            Role.IMAGE_PORTAL_USER,
            Role.IPS_COMPANY_ADMIN,
            Role.IPS_USER,
            Role.TRIAL_SITE_USER,
        },
    ),
    Operation(
        "addUser",
        param=(
            Field("firstName", STRING),
            Field("lastName", STRING),
            Field("email", STRING),
            Field("defaultRole", STRING, until="2014-04-03"),
            Field("password", STRING),
            opt("passwordExpires", DATETIME),
            Field("isValid", BOOLEAN),
            Field("isIpsAdmin", BOOLEAN, since="2014-04-03"),
            Field("membershipArray", "CompanyMembershipUpdateArray"),
        ),
        result=(Field("userHandle", STRING),),
        since="2013-02-15",
        roles=USER_ADMINS,
    ),
    Operation(
        "addCompanyMembership",
        param=(
            opt("userHandle", STRING),
            Field("membershipArray", "CompanyMembershipUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setCompanyMembership",
        param=(
            opt("userHandle", STRING),
            Field("membershipArray", "CompanyMembershipUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "removeCompanyMembership",
        param=(
            opt("userHandle", STRING),
            Field("companyHandleArray", "HandleArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setUserInfo",
        param=(
            opt("userHandle", STRING),
            Field("firstName", STRING),
            Field("lastName", STRING),
            Field("email", STRING),
            Field("defaultRole", STRING, until="2014-04-03"),
            opt("passwordExpires", DATETIME),
            Field("isValid", BOOLEAN),
            Field("isIpsAdmin", BOOLEAN, since="2014-04-03"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setPassword",
        param=(
            opt("userHandle", STRING),
            Field("password", STRING),
            opt("passwordExpires", DATETIME),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "generatePassword",
        param=(),
        result=(Field("password", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "getUserChars",
        param=(
            Field("charField", STRING),
            opt("includeInvalid", BOOLEAN),
            opt("includeInactive", BOOLEAN),
            opt("companyHandleArray", "HandleArray"),
            opt("groupHandleArray", "HandleArray"),
            opt("userRoleArray", "StringArray"),
            opt("numChars", INT),
        ),
        result=(Field("userCharsArray", "StringArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getCompanySettings",
        param=(Field("companyHandle", STRING),),
        result=(Field("settings", "CompanySettings"),),
        since="2013-02-15",
        roles=USER_ADMINS,
    ),
    Operation(
        "setCompanySettings",
        param=(
            Field("companyHandle", STRING),
            opt("overwriteMode", STRING),
            opt("retainPublishState", BOOLEAN),
            opt("defaultSourceProfileHandle", STRING),
            opt("defaultDisplayProfileHandle", STRING),
            opt("iptcExifMappingXsltHandle", STRING),
            opt("xmpMappingXsltHandle", STRING),
            opt("diskSpaceWarningMin", INT),
            opt("emailTrashCleanupWarning", BOOLEAN),
            opt("fileExtOpt", STRING, since="2016-01-14-beta"),
            opt("immediateDelete", BOOLEAN, since="2021-01-11-beta"),
            opt("applySmartCropsOnPDF", BOOLEAN, since="2021-01-11-beta"),
            opt("applySmartCropsOnPSD", BOOLEAN, since="2021-01-11-beta"),
            opt("companyDMVersion", STRING, since="2021-01-11-beta"),
            opt("psdTemplatesThreshold", INT, since="2021-04-26-beta"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getCompanyUPPProperties",
        param=(Field("companyHandle", STRING),),
        result=(Field("properties", "CompanyUPPProperties"),),
        since="2021-01-11-beta",
    ),
    Operation(
        "setCompanyUPPProperties",
        param=(Field("companyHandle", STRING), *_UPP_PROPERTIES),
        result=(),
        since="2021-01-11-beta",
    ),
)
