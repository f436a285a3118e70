"""Metadata fields, metadata and tag updates, value counts.

As ``python -m ips_emulator.protocol.scaffold`` wrote them from Adobe's 2013-02-15
and 2014-04-03 WSDLs. ``MetadataField.isPublishData`` is 2021-01-11-beta's, written by
hand (docs/versions.md, "The beta namespaces"). ``MetadataField`` and ``MetadataUpdate``
are older than 4.0 (getMetadataFields and setAssetMetadata have pre-4.0 examples); their
later fields are dated from Adobe's change logs where they tell (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    INT,
    LONG,
    STRING,
    Field,
    Struct,
    array,
    opt,
    struct,
)

METADATA_STRUCTS: tuple[Struct, ...] = (
    struct(
        "ValueCount",
        Field("value", STRING),
        opt("count", INT),
    ),
    array("ValueCountArray", "ValueCount"),
    # In Adobe's WSDLs, though no operation uses them.
    struct(
        "CompanyMetadataInfo",
        Field("xid", STRING),
        Field("xname", STRING),
        Field("xtype", STRING),
    ),
    array("CompanyMetadataInfoArray", "CompanyMetadataInfo"),
    struct(
        "MetadataField",
        Field("fieldHandle", STRING),
        Field("name", STRING),
        Field("type", STRING),
        Field("defaultValue", STRING),
        Field("isRequired", BOOLEAN),
        Field("isUserDefined", BOOLEAN),
        # 4.5: "createMetadataField includes an optional isHidden parameter" (and
        # saveMetadataField); the pre-4.0 example has no isHidden.
        Field("isHidden", BOOLEAN, since="2010-01-31"),
        Field("isEnforced", BOOLEAN, since="2014-04-03"),
        # Required, as isEnforced (2021-01-11-beta javadoc).
        Field("isPublishData", BOOLEAN, since="2021-01-11-beta"),
        opt("initialTagValue", STRING),
    ),
    array("MetadataFieldArray", "MetadataField"),
    struct(
        "AssetMetadataFields",
        Field("assetType", STRING),
        Field("fieldArray", "MetadataFieldArray"),
    ),
    array("AssetMetadataFieldsArray", "AssetMetadataFields"),
    struct(
        "MetadataUpdate",
        Field("fieldHandle", STRING),
        opt("value", STRING),
        # Typed values: 4.0's, as the typed comparison values it added to conditions
        # (docs/reference/ips-api/SPEC.md: "typed values 4.0") (inference).
        opt("boolVal", BOOLEAN, since="2008-01-15"),
        opt("longVal", LONG, since="2008-01-15"),
        opt("doubleVal", DOUBLE, since="2008-01-15"),
        opt("dateVal", DATETIME, since="2008-01-15"),
        # Tag values: 4.5's, with the tag field operations (setTagFieldValues...).
        opt("addTagValueArray", "StringArray", since="2010-01-31"),
        opt("setTagValueArray", "StringArray", since="2010-01-31"),
        opt("deleteTagValueArray", "StringArray", since="2010-01-31"),
    ),
    array("MetadataUpdateArray", "MetadataUpdate"),
    struct(
        "TagValueUpdate",
        Field("oldValue", STRING),
        Field("newValue", STRING),
    ),
    array("TagValueUpdateArray", "TagValueUpdate"),
    struct(
        "TagValueUpdateFault",
        Field("value", STRING),
        Field("code", INT),
        Field("reason", STRING),
    ),
    array("TagValueUpdateFaultArray", "TagValueUpdateFault"),
    array("TagFieldValuesArray", "TagFieldValues"),
    struct(
        "TagFieldValues",
        Field("fieldHandle", STRING),
        Field("valueArray", "StringArray"),
    ),
    struct(
        "SetMetadataFault",
        Field("assetHandle", STRING),
        Field("fieldHandle", STRING),
        Field("code", INT),
        Field("reason", STRING),
    ),
    array("SetMetadataFaultArray", "SetMetadataFault"),
    struct(
        "BatchMetadataUpdate",
        Field("assetHandleArray", "HandleArray"),
        Field("updateArray", "MetadataUpdateArray"),
    ),
    array("BatchMetadataUpdateArray", "BatchMetadataUpdate"),
    struct(
        "MetadataDelete",
        Field("fieldHandle", STRING),
        since="2014-04-03",
    ),
    array("MetadataDeleteArray", "MetadataDelete", since="2014-04-03"),
)
