"""Authentication and authorization (faults from ``docs/reference/ips-api/faults/``)."""

from __future__ import annotations

from ips_emulator.domain.context import Caller, Credentials, RequestScope
from ips_emulator.domain.login_checks import user_login_matches
from ips_emulator.domain.ratelimit import LoginThrottle
from ips_emulator.domain.roles import ADMIN_ROLES
from ips_emulator.errors import AuthenticationError, AuthorizationError, FaultCode
from ips_emulator.records import CompanyRecord, Role, UserRecord
from ips_emulator.storage import directory


def authenticate(
    scope: RequestScope,
    credentials: Credentials | None,
    throttle: LoginThrottle | None = None,
    company_handle: str | None = None,
) -> Caller:
    """The caller behind ``credentials``; the fault the real service gives otherwise.

    With the ``company_handle`` the call names, the caller's access to that company
    is read in the same round trip, for ``company_for_caller``.
    """
    if credentials is None or not credentials.user:
        raise AuthenticationError(
            FaultCode.AUTHENTICATION_FAULT_CODE_NO_CREDENTIALS,
            "The request could not be authenticated: no credentials were given "
            "(authHeader, AuthUser/AuthPassword or HTTP Basic).",
        )
    if throttle is not None:
        throttle.check(credentials.user)
    user, access = _user_and_access(scope, credentials.user, company_handle)
    matches = user_login_matches(credentials.user, credentials.password, user, throttle)
    if user is None or not matches:
        if throttle is not None:
            throttle.failed(credentials.user, known=user is not None)
        raise AuthenticationError(
            FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS, "Invalid username/password"
        )
    if not user.is_valid:
        raise AuthenticationError(
            FaultCode.AUTHENTICATION_FAULT_CODE_INVALID_USER,
            f"User '{user.email}' is not a valid (active) user.",
        )
    caller = Caller(user_id=user.id, user_handle=user.handle, email=user.email, role=user.role)
    scope.caller = caller
    if company_handle:
        scope.company_access[company_handle] = access
    return caller


def _user_and_access(
    scope: RequestScope, email: str, company_handle: str | None
) -> tuple[UserRecord | None, tuple[CompanyRecord, bool] | None]:
    if not company_handle:
        return directory.find_user_by_email(scope.store, email), None
    found = directory.find_user_with_access(scope.store, email, company_handle)
    return found if found is not None else (None, None)


def authorize_operation(caller: Caller, operation: str, roles: frozenset[Role]) -> None:
    """``roles``: those the operation's declaration allows (its page's "Authorized User
    Types")."""
    if caller.role not in roles:
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_NO_OPERATION_PERMISSION,
            f"User does not have permission to access operation '{operation}'",
        )


def company_for_caller(scope: RequestScope, company_handle: str) -> CompanyRecord:
    """The company ``company_handle`` names, if the caller may act on it.

    Unknown handle: 20000 (INVALID_COMPANY). A company the caller is not a
    member of: 20006 (ILLEGAL_COMPANY); IpsAdmin may act on every company.
    """
    caller = require_caller(scope)
    if company_handle in scope.company_access:
        found = scope.company_access[company_handle]
    else:
        found = directory.company_access(scope.store, company_handle, caller.user_id)
    if found is None:
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_INVALID_COMPANY,
            f"Invalid companyHandle '{company_handle}': no such company.",
        )
    company, member = found
    if not caller.is_global and not member:
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_ILLEGAL_COMPANY,
            f"User is not a member of the company with companyHandle '{company_handle}'.",
        )
    return company


def company_ids_for_caller(scope: RequestScope, company_handle: str | None) -> list[int] | None:
    """The company a call names, or else every company the caller is a member of.

    None means every company (IpsAdmin without a companyHandle).
    """
    if company_handle:
        return [company_for_caller(scope, company_handle).id]
    caller = require_caller(scope)
    if caller.is_global:
        return None
    return [c.id for c in directory.companies_of(scope.store, caller.user_id)]


def target_user(scope: RequestScope, user_handle: str | None, company_id: int | None) -> UserRecord:
    """The user a ``userHandle`` names (default: the caller).

    Naming another user needs an admin role (20004); the handle must exist
    (20002) and, with a company context, be a member of that company (20007).
    A caller who is not IpsAdmin gets 20002 for a user outside its reach (not in
    the company, or sharing none with the caller) too: the same answer as for no
    user, so that handles of other companies' users cannot be probed.
    """
    caller = require_caller(scope)
    if not user_handle or user_handle == caller.user_handle:
        return directory.get_user(scope.store, caller.user_id)
    if caller.role not in ADMIN_ROLES:
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_NO_IMPERSONATION_PERMISSION,
            f"User may not act for another user (userHandle '{user_handle}').",
        )
    user = directory.find_user_by_handle(scope.store, user_handle)
    if user is None or not (caller.is_global or within_reach(scope, user, company_id)):
        raise no_such_user(f"userHandle '{user_handle}'")
    if company_id is not None and not directory.is_member(scope.store, user.id, company_id):
        raise AuthorizationError(
            FaultCode.AUTHORIZATION_FAULT_CODE_ILLEGAL_REQUEST_USER,
            f"User '{user_handle}' is not a member of this company.",
        )
    return user


def within_reach(scope: RequestScope, user: UserRecord, company_id: int | None) -> bool:
    """Whether a caller who is not IpsAdmin may see ``user``: a member of the company
    the call names, or without one, of a company the caller is in."""
    if company_id is not None:
        return directory.is_member(scope.store, user.id, company_id)
    caller = require_caller(scope)
    mine = {c.id for c in directory.companies_of(scope.store, caller.user_id)}
    return any(c.id in mine for c in directory.companies_of(scope.store, user.id))


def no_such_user(named: str) -> AuthorizationError:
    """20002, worded the same for a user who does not exist and one out of reach."""
    return AuthorizationError(
        FaultCode.AUTHORIZATION_FAULT_CODE_INVALID_REQUEST_USER, f"Invalid {named}: no such user."
    )


def require_caller(scope: RequestScope) -> Caller:
    if scope.caller is None:  # a programming error: protocol authenticates first
        raise RuntimeError("request scope has no authenticated caller")
    return scope.caller
