"""Arrays of simple values shared by many types and operations.

Source: Adobe's real 2013-02-15 WSDL (``docs/reference/real-service/wsdl``),
``docs/reference/ips-api/types/r-string-array.md`` and ``r-handle-array.md``.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import LONG, STRING, Struct, array

COMMON_STRUCTS: tuple[Struct, ...] = (
    array("HandleArray", STRING),
    array("StringArray", STRING),
    # In Adobe's WSDLs, though no operation uses it.
    array("LongArray", LONG),
)
