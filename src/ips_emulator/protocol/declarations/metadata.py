"""Metadata and tags: metadata fields, asset metadata, XMP packets and tag values.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md). What the beta
namespaces add (``isPublishData``, metadata templates, company metadata, metadata schemas)
is written by hand from the generated clients docs/versions.md cites ("The beta
namespaces"); none of it is emulated.
"""

from __future__ import annotations

from ips_emulator.protocol import metadata
from ips_emulator.protocol.declarations.roles import ASSET_EDITORS, NOT_TRIAL
from ips_emulator.protocol.schema import BASE64, BOOLEAN, INT, STRING, Field, Operation, family, opt

OPERATIONS = family(
    "Metadata and tags",
    Operation(
        "getMetadataFields",
        param=(
            Field("companyHandle", STRING),
            Field("assetType", STRING),
        ),
        result=(Field("fieldArray", "MetadataFieldArray"),),
        # Its page's only example is in the pre-4.0 namespace: every version.
        roles=NOT_TRIAL,
        handler=metadata.getMetadataFields,
        does="The company's fields of `assetType` (an Asset Types constant, any case) and "
        "its fields of every type (`Asset`, handles `m|<company>|ALL|<name>`), oldest "
        "first: as seeded, or made by migration 0005 for the values assets held.",
        note="Fields are defined by seeds only (`createMetadataField` and its siblings are "
        "not emulated); `isPublishData` is always false; `initialTagValue` is not sent.",
    ),
    Operation(
        "getAssetMetadataFields",
        param=(Field("companyHandle", STRING),),
        result=(Field("assetFieldsArray", "AssetMetadataFieldsArray"),),
        since="2013-02-15",
    ),
    Operation(
        "createMetadataField",
        param=(
            Field("companyHandle", STRING),
            Field("assetType", STRING),
            Field("name", STRING),
            Field("fieldType", STRING),
            opt("defaultValue", STRING),
            opt("isHidden", BOOLEAN),
            opt("isEnforced", BOOLEAN, since="2014-04-03"),
            opt("isPublishData", BOOLEAN, since="2021-01-11-beta"),
            opt("initialTagValue", STRING),
        ),
        result=(Field("fieldHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "saveMetadataField",
        param=(
            Field("companyHandle", STRING),
            opt("fieldHandle", STRING),
            Field("assetType", STRING),
            Field("name", STRING),
            Field("fieldType", STRING),
            Field("defaultValue", STRING),
            opt("isHidden", BOOLEAN),
            opt("isEnforced", BOOLEAN, since="2014-04-03"),
            opt("isPublishData", BOOLEAN, since="2021-01-11-beta"),
        ),
        result=(Field("fieldHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "updateMetadataField",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
            opt("name", STRING),
            opt("defaultValue", STRING),
            opt("isHidden", BOOLEAN),
            opt("isEnforced", BOOLEAN, since="2014-04-03"),
            opt("isPublishData", BOOLEAN, since="2021-01-11-beta"),
            opt("initialTagValue", STRING),
        ),
        result=(Field("fieldHandle", STRING),),
        since="2013-02-15",
    ),
    Operation(
        "deleteMetadataField",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setAssetMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("updateArray", "MetadataUpdateArray"),
        ),
        result=(),
        # Its page's only example is in the pre-4.0 namespace: every version.
        roles=ASSET_EDITORS,
        handler=metadata.setAssetMetadata,
        does="Writes the asset's values of the company's fields that apply to its type, all "
        "or none: typed values (`boolVal`, `longVal`, `doubleVal`, `dateVal`) for fields of "
        "that type only, `value` checked against an enforced Int/Float/Date/Boolean "
        "field, tag arrays for tag fields (fixed dictionaries enforced); the asset's "
        "`lastModified`/`lastModifyUser` follow.",
        note="Values are kept as text in the type's canonical form; `Asset.metadataArray` "
        "answers them as `name`/`value` pairs without the typed elements.",
    ),
    Operation(
        "batchSetAssetMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("updateArray", "BatchMetadataUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "SetMetadataFaultArray"),
            opt("errorDetailArray", "SetMetadataFaultArray"),
        ),
        # Its page's only example is in the 2008-01-15 namespace; no change log dates it.
        since="2008-01-15",
        roles=ASSET_EDITORS,
        handler=metadata.batchSetAssetMetadata,
        does="Each asset of each item gets the item's updates as `setAssetMetadata` would, "
        "or none of them: an asset they cannot apply to is one error, one given an "
        "unenforced illegal value one warning (written), the others successes; each "
        "warning and error is a `SetMetadataFault` naming the field.",
        note="At most 100,000 asset field updates a call.",
    ),
    Operation(
        "deleteAssetMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("deleteArray", "MetadataDeleteArray"),
        ),
        result=(),
        since="2014-04-03",
    ),
    Operation(
        "getDistinctMetadataValues",
        param=(
            Field("companyHandle", STRING),
            Field("metadataKey", STRING),
        ),
        result=(Field("valueArray", "ValueCountArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getUniqueMetadataValues",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
        ),
        result=(Field("values", "StringArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getXMPPacket",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(Field("compressedPacket", BASE64),),
        since="2013-02-15",
        roles=NOT_TRIAL,
    ),
    Operation(
        "updateXMPPacket",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("compressedPacket", BASE64),
        ),
        result=(Field("success", BOOLEAN),),
        since="2013-02-15",
        # The page lists ImagePortalcontribUser [sic]: read as the role it misspells.
        roles=NOT_TRIAL,
    ),
    Operation(
        "getTagFieldValues",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandleArray", "HandleArray"),
        ),
        result=(Field("fieldArray", "TagFieldValuesArray"),),
        since="2013-02-15",
    ),
    Operation(
        "addTagFieldValues",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
            Field("valueArray", "StringArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "setTagFieldValues",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
            Field("valueArray", "StringArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "updateTagFieldValues",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
            Field("updateArray", "TagValueUpdateArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "TagValueUpdateFaultArray"),
            opt("errorDetailArray", "TagValueUpdateFaultArray"),
        ),
        since="2013-02-15",
    ),
    Operation(
        "deleteTagFieldValues",
        param=(
            Field("companyHandle", STRING),
            Field("fieldHandle", STRING),
            Field("valueArray", "StringArray"),
        ),
        result=(),
        since="2013-02-15",
    ),
    Operation(
        "applyMetadataTemplate",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandleArray", "StringArray"),
            Field("templateId", STRING),
        ),
        result=(Field("success", BOOLEAN),),
        since="2016-01-14-beta",
    ),
    Operation(
        "createCompanyMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("xtype", STRING),
            Field("xname", STRING),
            Field("metadata", BASE64),
        ),
        result=(Field("xid", STRING),),
        since="2016-01-14-beta",
    ),
    Operation(
        "getCompanyMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("xid", STRING),
        ),
        result=(
            Field("xid", STRING),
            Field("xtype", STRING),
            Field("xname", STRING),
            Field("metadata", BASE64),
        ),
        since="2016-01-14-beta",
    ),
    Operation(
        "updateCompanyMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("xid", STRING),
            Field("xtype", STRING),
            Field("xname", STRING),
            opt("metadata", BASE64),
        ),
        result=(),
        since="2016-01-14-beta",
    ),
    Operation(
        "deleteCompanyMetadata",
        param=(
            Field("companyHandle", STRING),
            Field("xid", STRING),
        ),
        result=(),
        since="2016-01-14-beta",
    ),
    Operation(
        "listCompanyMetadata",
        param=(
            Field("companyHandle", STRING),
            opt("xtype", STRING),
        ),
        result=(Field("companyMetadataInfoArray", "CompanyMetadataInfoArray"),),
        since="2016-01-14-beta",
    ),
    Operation(
        "getMetadataSchema",
        param=(
            Field("companyHandle", STRING),
            Field("version", INT),
        ),
        result=(
            Field("version", INT),
            Field("compressedSchema", BASE64),
        ),
        since="2016-01-14-beta",
    ),
    Operation(
        "getMetadataSchemaNamespaces",
        param=(Field("companyHandle", STRING),),
        result=(Field("compressedNamespaces", BASE64),),
        since="2016-01-14-beta",
    ),
    Operation(
        "saveMetadataSchema",
        param=(
            Field("companyHandle", STRING),
            Field("contentType", STRING),
            Field("compressedSchema", BASE64),
        ),
        result=(Field("success", BOOLEAN),),
        since="2016-01-14-beta",
    ),
    Operation(
        "removeMetadataSchema",
        param=(
            Field("companyHandle", STRING),
            Field("schemaNamespace", STRING),
        ),
        result=(Field("success", BOOLEAN),),
        since="2016-01-14-beta",
    ),
)
