"""The IPS data types, declared once with the API version of each field.

Every complexType reachable from the job, job-log, login, company, user and
asset-search operations (``protocol/operations.py``). Element names, order,
types and ``minOccurs`` follow Adobe's real 2013-02-15 WSDL
(``docs/reference/real-service/wsdl``); ``since``/``until`` mark the fields that
docs/reference/ips-api/SPEC.md sections 1 and 2 (and the change-log pages it
digests) date after 2008-01-15, and what the 2014-04-03 WSDL changed. Departures are recorded in
``docs/decisions.md``.

``ALL_STRUCTS`` is in roughly the order of the real WSDL, which the WSDL writer
keeps.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import Struct
from ips_emulator.protocol.types.asset_info import ASSET_INFO_STRUCTS
from ips_emulator.protocol.types.assets import ASSET_STRUCTS
from ips_emulator.protocol.types.common import COMMON_STRUCTS
from ips_emulator.protocol.types.directory import DIRECTORY_STRUCTS
from ips_emulator.protocol.types.job_structs import JOB_STRUCTS
from ips_emulator.protocol.types.jobs import (
    ACTIVE_JOB_STRUCTS,
    JOB_LOG_STRUCTS,
    TASK_PROGRESS_STRUCTS,
)
from ips_emulator.protocol.types.options import OPTION_STRUCTS

ALL_STRUCTS: tuple[Struct, ...] = (
    *ASSET_STRUCTS,
    *ASSET_INFO_STRUCTS,
    *DIRECTORY_STRUCTS,
    *COMMON_STRUCTS,
    *ACTIVE_JOB_STRUCTS,
    *OPTION_STRUCTS,
    *JOB_STRUCTS,
    *JOB_LOG_STRUCTS,
    *TASK_PROGRESS_STRUCTS,
)

__all__ = [
    "ACTIVE_JOB_STRUCTS",
    "ALL_STRUCTS",
    "ASSET_INFO_STRUCTS",
    "ASSET_STRUCTS",
    "COMMON_STRUCTS",
    "DIRECTORY_STRUCTS",
    "JOB_LOG_STRUCTS",
    "JOB_STRUCTS",
    "OPTION_STRUCTS",
    "TASK_PROGRESS_STRUCTS",
]
