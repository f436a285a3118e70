"""checkLogin, getCompanyInfo, getCompanyMembership, getUserInfo, getAllCompanies.

As docs/reference/ips-api/SPEC.md 1.12-1.16 describe them.
"""

from __future__ import annotations

from ips_emulator.domain.auth import no_such_user, require_caller, within_reach
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.login_checks import user_login_matches
from ips_emulator.domain.roles import ADMIN_ROLES
from ips_emulator.errors import AuthorizationError, FaultCode, missing_parameter
from ips_emulator.records import CompanyRecord, UserRecord
from ips_emulator.storage import directory


def check_login(
    scope: RequestScope, company_handle: str | None, email: str | None, password: str | None
) -> bool:
    """Whether the e-mail and password log in (to the company, when one is named).

    A failed login is a status, not a fault (the docs' example). It counts towards the
    login-failure limit like a failed authentication, and a locked user fails here
    even with the right password: otherwise checkLogin would be an unlimited oracle.
    """
    if not email:
        raise missing_parameter("email")
    if password is None:
        raise missing_parameter("password")
    throttle = scope.login_throttle
    if throttle is not None and throttle.is_locked(email):
        return False
    user = directory.find_user_by_email(scope.store, email)
    matches = user_login_matches(email, password, user, throttle)
    if user is None or not matches:
        if throttle is not None:
            throttle.failed(email, known=user is not None)
        return False
    if not user.is_valid:
        return False
    if company_handle:
        company = directory.find_company_by_handle(scope.store, company_handle)
        return company is not None and directory.is_member(scope.store, user.id, company.id)
    return True


def _visible(scope: RequestScope, company: CompanyRecord) -> bool:
    caller = require_caller(scope)
    return caller.is_global or directory.is_member(scope.store, caller.user_id, company.id)


def get_company_info(
    scope: RequestScope, company_handle: str | None, company_name: str | None
) -> CompanyRecord:
    if not company_handle and not company_name:
        raise missing_parameter("companyHandle' or 'companyName")
    if company_handle:
        company = directory.find_company_by_handle(scope.store, company_handle)
        named = f"companyHandle '{company_handle}'"
    else:
        company = directory.find_company_by_name(scope.store, company_name or "")
        named = f"companyName '{company_name}'"
    if company is None:
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_INVALID_COMPANY, f"Invalid {named}: no such company."
        )
    if not _visible(scope, company):
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_ILLEGAL_COMPANY,
            f"User is not a member of the company with {named}.",
        )
    return company


def _other_user(scope: RequestScope, user: UserRecord | None, named: str) -> UserRecord:
    """Another user may be looked at by admins sharing a company with them (handles doc)."""
    caller = require_caller(scope)
    if user is not None and user.id == caller.user_id:
        return user
    if caller.role not in ADMIN_ROLES:
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_NO_IMPERSONATION_PERMISSION,
            f"User may not look at another user ({named}).",
        )
    # A user sharing no company with the caller gets the answer a user who does not
    # exist gets: otherwise other companies' users could be found by handle or e-mail.
    if user is None or not (caller.is_global or within_reach(scope, user, None)):
        raise no_such_user(named)
    return user


def get_user_info(scope: RequestScope, user_handle: str | None, email: str | None) -> UserRecord:
    """The user named by handle, else by e-mail, else the caller."""
    caller = require_caller(scope)
    if user_handle:
        user = directory.find_user_by_handle(scope.store, user_handle)
        return _other_user(scope, user, f"userHandle '{user_handle}'")
    if email:
        user = directory.find_user_by_email(scope.store, email)
        return _other_user(scope, user, f"email '{email}'")
    return directory.get_user(scope.store, caller.user_id)


def get_company_membership(scope: RequestScope, user_handle: str | None) -> list[CompanyRecord]:
    """The companies the user (default: the caller) is an active member of."""
    user = get_user_info(scope, user_handle, None)
    return directory.companies_of(scope.store, user.id)


def get_all_companies(scope: RequestScope, include_expired: bool) -> list[CompanyRecord]:
    """Every company, oldest first; those whose ``expires`` is past only with
    ``include_expired`` (r-get-all-companies.md). Only IpsAdmin gets here."""
    now = scope.clock.now()
    companies = directory.all_companies(scope.store)
    return [c for c in companies if include_expired or c.expires is None or c.expires > now]
