"""Viewers: viewer presets and configuration settings.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.schema import STRING, Field, Operation, family, opt

OPERATIONS = family(
    "Viewers",
    Operation(
        "createViewerPreset",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("name", STRING),
            Field("type", STRING),
            opt("configSettingArray", "ConfigSettingArray"),
        ),
        result=(Field("viewerPresetHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "getViewerConfigSettings",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(
            Field("type", STRING),
            Field("configSettingArray", "ConfigSettingArray"),
        ),
        since="2013-02-15",
    ),
    Operation(
        "setViewerConfigSettings",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("name", STRING),
            Field("type", STRING),
            Field("configSettingArray", "ConfigSettingArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "updateViewerConfigSettings",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("configSettingArray", "ConfigSettingArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
)
