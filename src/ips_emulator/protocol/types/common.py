"""Arrays of simple values shared by many types and operations.

Source: Adobe's real 2013-02-15 WSDL (``shared/ref/real-service/wsdl``),
``types/r-string-array.md`` and ``types/r-handle-array.md``.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import STRING, Struct, array

COMMON_STRUCTS: tuple[Struct, ...] = (
    array("HandleArray", STRING),
    array("StringArray", STRING),
)
