"""checkLogin, getCompanyInfo, getCompanyMembership, getUserInfo, getAllCompanies."""

from __future__ import annotations

from typing import Any

from ips_emulator.domain import directory
from ips_emulator.domain.context import RequestScope
from ips_emulator.protocol import params
from ips_emulator.records import CompanyRecord, Role, UserRecord


def company(record: CompanyRecord) -> dict[str, Any]:
    return {
        "companyHandle": record.handle,
        "name": record.name,
        "rootPath": record.root_path,
        "expires": record.expires,
    }


def user(record: UserRecord) -> dict[str, Any]:
    # "role" before API 6.0, "defaultRole" after: the version's declaration picks one.
    return {
        "userHandle": record.handle,
        "firstName": record.first_name,
        "lastName": record.last_name,
        "email": record.email,
        "role": record.role.value,
        "defaultRole": record.role.value,
        "isValid": record.is_valid,
        "isIpsAdmin": record.role is Role.IPS_ADMIN,
    }


def checkLogin(scope: RequestScope, param: params.CheckLoginParam) -> dict[str, Any]:
    valid = directory.check_login(scope, param.companyHandle, param.email, param.password)
    return {"status": "ValidLogin" if valid else "InvalidLogin"}


def getCompanyInfo(scope: RequestScope, param: params.GetCompanyInfoParam) -> dict[str, Any]:
    found = directory.get_company_info(scope, param.companyHandle, param.companyName)
    return {"companyInfo": company(found)}


def getCompanyMembership(
    scope: RequestScope, param: params.GetCompanyMembershipParam
) -> dict[str, Any]:
    companies = directory.get_company_membership(scope, param.userHandle)
    # 4.0 returns Company items in companyArray; 6.0 renamed it membershipArray.
    memberships = [{"company": company(c), "role": None, "isActive": True} for c in companies]
    return {
        "companyArray": {"items": [company(c) for c in companies]},
        "membershipArray": {"items": memberships},
    }


def getUserInfo(scope: RequestScope, param: params.GetUserInfoParam) -> dict[str, Any]:
    return {"userInfo": user(directory.get_user_info(scope, param.userHandle, param.email))}


def getAllCompanies(scope: RequestScope, param: params.GetAllCompaniesParam) -> dict[str, Any]:
    companies = directory.get_all_companies(scope, param.includeExpired)
    return {"companyArray": {"items": [company(c) for c in companies]}}
