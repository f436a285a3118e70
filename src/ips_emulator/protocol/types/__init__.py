"""The IPS data types, declared once with the API version of each field.

Every complexType of Adobe's 2013-02-15 and 2014-04-03 WSDLs: those the emulated
operations reach first, then those only operations not emulated yet reach
(``protocol/declarations/``), and those the beta namespaces add (each ``since`` its
first beta, written by hand: docs/versions.md, "The beta namespaces"). Element names, order,
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
from ips_emulator.protocol.types.admin import ADMIN_STRUCTS
from ips_emulator.protocol.types.asset_info import ASSET_INFO_STRUCTS
from ips_emulator.protocol.types.asset_operations import ASSET_OPERATION_STRUCTS
from ips_emulator.protocol.types.assets import ASSET_STRUCTS
from ips_emulator.protocol.types.common import COMMON_STRUCTS
from ips_emulator.protocol.types.directory import DIRECTORY_STRUCTS
from ips_emulator.protocol.types.folders import FOLDER_STRUCTS
from ips_emulator.protocol.types.image_details import IMAGE_DETAIL_STRUCTS
from ips_emulator.protocol.types.job_structs import JOB_STRUCTS
from ips_emulator.protocol.types.jobs import (
    ACTIVE_JOB_STRUCTS,
    JOB_LOG_STRUCTS,
    TASK_PROGRESS_STRUCTS,
)
from ips_emulator.protocol.types.metadata import METADATA_STRUCTS
from ips_emulator.protocol.types.options import OPTION_STRUCTS
from ips_emulator.protocol.types.property_sets import PROPERTY_SET_STRUCTS
from ips_emulator.protocol.types.publishing import PUBLISHING_STRUCTS
from ips_emulator.protocol.types.sets import SET_STRUCTS
from ips_emulator.protocol.types.sub_assets import SUB_ASSET_STRUCTS
from ips_emulator.protocol.types.upload_tasks import UPLOAD_TASK_STRUCTS

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
    *UPLOAD_TASK_STRUCTS,
    *ASSET_OPERATION_STRUCTS,
    *SUB_ASSET_STRUCTS,
    *FOLDER_STRUCTS,
    *METADATA_STRUCTS,
    *PUBLISHING_STRUCTS,
    *SET_STRUCTS,
    *IMAGE_DETAIL_STRUCTS,
    *PROPERTY_SET_STRUCTS,
    *ADMIN_STRUCTS,
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
