"""Image set members.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs: reached only by operations not emulated yet, whose history
before 2013-02-15 is not researched.
"""

from __future__ import annotations

from ips_emulator.protocol.schema import BOOLEAN, STRING, Field, Struct, array, opt, struct

SET_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ImageSetMember",
        opt("asset", "Asset"),
        opt("pageReset", BOOLEAN),
    ),
    array("ImageSetMemberArray", "ImageSetMember"),
    struct(
        "ImageSetMemberUpdate",
        Field("assetHandle", STRING),
        Field("pageReset", BOOLEAN),
    ),
    array("ImageSetMemberUpdateArray", "ImageSetMemberUpdate"),
)
