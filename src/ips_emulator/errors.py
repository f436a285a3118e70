"""IPS API errors, raised deep in the domain and turned into SOAP faults in one place.

Hierarchy (fault element on the wire in brackets)::

    IpsError
     +-- AuthenticationError   [authenticationFault]   codes 10000-10002
     +-- AuthorizationError    [authorizationFault]    codes 20000-20009
     +-- IpsApiError           [ipsApiFault]           codes 30000-30003
          +-- StorageError                             30000: the database failed
               +-- TransientStorageError               ... and another attempt may succeed

Codes and their names are those of the IPS API reference's fault pages
(``docs/reference/ips-api/faults/``).
"""

from __future__ import annotations

from enum import IntEnum


class FaultCode(IntEnum):
    AUTHENTICATION_FAULT_CODE_NO_CREDENTIALS = 10000
    AUTHENTICATION_FAULT_CODE_INVALID_CREDENTIALS = 10001
    AUTHENTICATION_FAULT_CODE_INVALID_USER = 10002
    AUTHORIZATION_FAULT_CODE_INVALID_COMPANY = 20000
    AUTHORIZATION_FAULT_CODE_INVALID_REQUEST_USERNAME = 20001
    AUTHORIZATION_FAULT_CODE_INVALID_REQUEST_USER = 20002
    AUTHORIZATION_FAULT_CODE_NO_OPERATION_PERMISSION = 20003
    AUTHORIZATION_FAULT_CODE_NO_IMPERSONATION_PERMISSION = 20004
    AUTHORIZATION_FAULT_CODE_ILLEGAL_PARAMETER_VALUE = 20005
    AUTHORIZATION_FAULT_CODE_ILLEGAL_COMPANY = 20006
    AUTHORIZATION_FAULT_CODE_ILLEGAL_REQUEST_USER = 20007
    AUTHORIZATION_FAULT_CODE_ILLEGAL_ACCESS_GROUP = 20008
    AUTHORIZATION_FAULT_CODE_MISSING_PERMISSION = 20009
    IPS_API_FAULT_CODE_EXCEPTION = 30000
    IPS_API_FAULT_CODE_INVALID_PARAMETER = 30001
    IPS_API_FAULT_CODE_MISSING_PARAMETER = 30002
    IPS_API_FAULT_CODE_INVALID_REQUEST_XML = 30003


class IpsError(Exception):
    """An error the IPS API reports as a typed SOAP fault."""

    #: Local name of the fault element (namespace ``ns.IPS_FAULT``).
    fault_element = "ipsApiFault"

    def __init__(self, code: FaultCode, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self.code)}, {self.reason!r})"


class AuthenticationError(IpsError):
    fault_element = "authenticationFault"


class AuthorizationError(IpsError):
    fault_element = "authorizationFault"


class IpsApiError(IpsError):
    fault_element = "ipsApiFault"


class StorageError(IpsApiError):
    """The database failed, so the call could not complete (``storage.db.storage_failure``)."""

    def __init__(self, reason: str, summary: str) -> None:
        super().__init__(FaultCode.IPS_API_FAULT_CODE_EXCEPTION, reason)
        #: The driver's error in one line, for the log: never the statement or its values.
        self.summary = summary


class TransientStorageError(StorageError):
    """A database failure that running the same transaction again can cure (a deadlock)."""


def missing_parameter(field: str) -> IpsApiError:
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_MISSING_PARAMETER, f"Missing required parameter '{field}'."
    )


def invalid_parameter(field: str, value: object, why: str = "") -> IpsApiError:
    """30001 naming ``field``; ``value`` None when there is no one value to quote (an
    element given twice, or holding elements), rather than "Invalid value None"."""
    detail = f": {why}" if why else "."
    quoted = "" if value is None else f" {value!r}"
    return IpsApiError(
        FaultCode.IPS_API_FAULT_CODE_INVALID_PARAMETER,
        f"Invalid value{quoted} for parameter '{field}'{detail}",
    )
