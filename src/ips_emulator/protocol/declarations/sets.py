"""Sets and templates: image sets, asset sets and templates.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.declarations.roles import ALL_ROLES, ASSET_EDITORS
from ips_emulator.protocol.schema import STRING, Field, Operation, family, opt
from ips_emulator.records import Role

OPERATIONS = family(
    "Sets and templates",
    Operation(
        "createImageSet",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("name", STRING),
            Field("type", STRING),
            opt("thumbAssetHandle", STRING),
        ),
        result=(Field("assetHandle", STRING),),
        since="2013-02-15",
        roles=ASSET_EDITORS,
    ),
    Operation(
        "updateImageSet",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("memberArray", "ImageSetMemberUpdateArray"),
            opt("thumbAssetHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "getImageSetMembers",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("responseFieldArray", "StringArray", since="2014-04-03"),
            opt("excludeFieldArray", "StringArray", since="2014-04-03"),
        ),
        result=(Field("memberArray", "ImageSetMemberArray"),),
        since="2013-02-15",
        roles=ALL_ROLES - {Role.IMAGE_PORTAL_ADMIN},
    ),
    Operation(
        "setImageSetMembers",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("memberArray", "ImageSetMemberUpdateArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "createAssetSet",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("name", STRING),
            Field("subType", STRING),
            opt("setDefinition", STRING),
            opt("thumbAssetHandle", STRING),
        ),
        result=(Field("assetHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "updateAssetSet",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("setDefinition", STRING),
            opt("thumbAssetHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setAssetSetDefinition",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("setDefinition", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "createTemplate",
        param=(
            Field("companyHandle", STRING),
            Field("folderHandle", STRING),
            Field("name", STRING),
            Field("type", STRING),
            opt("urlModifier", STRING),
            opt("urlPostApplyModifier", STRING),
        ),
        result=(Field("assetHandle", STRING),),
        since="2013-02-15",
    ),
)
