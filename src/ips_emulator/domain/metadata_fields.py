"""Metadata fields: getMetadataFields, and what a value of each field type may be.

As docs/reference/ips-api/operations/r-get-metadata-fields.md, types/r-metadata-field.md
and constants/r-metadata-field-types.md describe them. A company's fields are stored
definitions (seeded, or made by migration 0005 for the values assets held); an asset
holds its values by field name, as text in each type's canonical form.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from ips_emulator.domain.auth import company_for_caller
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.instants import instant_problem, parse_datetime
from ips_emulator.domain.job_runner import company_number
from ips_emulator.errors import invalid_parameter, missing_parameter
from ips_emulator.records import MetadataFieldRecord
from ips_emulator.storage import metadata

#: Asset Types (constants/r-asset-types.md; its "Zip Rtf" is two types run together).
ASSET_TYPES = (
    "Aco", "AdjustedView", "AnimatedGif", "Asset", "AssetSet", "Audio", "Cabinet", "Catalog",
    "ColorSwatch", "CuePoint", "Excel", "Flash", "Font", "IccProfile", "Illustrator", "Image",
    "ImageMap", "ImageSet", "InDesign", "LayerView", "Mask", "MasterVideo", "Pdf",
    "PDFSettings", "PostScript", "PowerPoint", "PremierExpressRemix", "PsdTemplate",
    "RenderScene", "RenderSet", "SpinSet", "Svg", "Template", "Video", "VideoCaption",
    "ViewerPreset", "ViewerSwf", "Vignette", "Watermark", "WindowsCovering", "Word", "Xml",
    "Xsl", "Zip", "Rtf", "ZoomTarget",
)  # fmt: skip
#: The asset type of a field every asset type has (4.0: "cross-asset metadata fields").
EVERY_TYPE = "Asset"
#: Metadata Field Types (constants/r-metadata-field-types.md).
FIELD_TYPES = (
    "Untyped", "Boolean", "BooleanTag", "Color", "Date", "Dimension", "FileName", "Float",
    "Int", "MultiFixedTag", "MultiTag", "SingleFixedTag", "SingleTag", "String",
)  # fmt: skip
TYPED = ("Boolean", "Int", "Float", "Date")
SINGLE_TAGS = ("SingleTag", "SingleFixedTag", "BooleanTag")
MULTI_TAGS = ("MultiTag", "MultiFixedTag")
TAG_TYPES = SINGLE_TAGS + MULTI_TAGS
#: The dictionary BooleanTag fields are born with, which nobody may change.
BOOLEAN_TAGS = ("True", "False")
#: What separates the values of a multi-value tag field in its stored text.
TAG_SEPARATOR = ","
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_LONG = 2**63


def asset_type(given: str, field: str = "assetType") -> str:
    """An Asset Types constant, matched without regard to case (handles upper-case it)."""
    for known in ASSET_TYPES:
        if known.lower() == given.strip().lower():
            return known
    raise invalid_parameter(field, given, "not an Asset Types constant")


def field_handle(company_handle: str, field_asset_type: str, name: str) -> str:
    """``m|6|IMAGE|saveMetadataField`` and ``…|ALL|…``, as the docs' examples show them."""
    kind = "ALL" if field_asset_type == EVERY_TYPE else field_asset_type.upper()
    return f"m|{company_number(company_handle)}|{kind}|{name}"


def applies_to(field: MetadataFieldRecord, of_type: str) -> bool:
    return field.asset_type in (EVERY_TYPE, of_type)


def dictionary(field: MetadataFieldRecord) -> tuple[str, ...] | None:
    """The closed dictionary a fixed tag field's values come from, or None."""
    if field.field_type == "BooleanTag":
        return BOOLEAN_TAGS
    if field.field_type in ("SingleFixedTag", "MultiFixedTag"):
        return field.tag_values or ()
    return None


def get_metadata_fields(
    scope: RequestScope, company_handle: str | None, given_type: str | None
) -> list[MetadataFieldRecord]:
    """The company's fields of ``given_type`` and its fields of every type, oldest first."""
    if not company_handle:
        raise missing_parameter("companyHandle")
    if not given_type:
        raise missing_parameter("assetType")
    of_type = asset_type(given_type)
    company = company_for_caller(scope, company_handle)
    return metadata.company_fields(scope.store, company.id, sorted({EVERY_TYPE, of_type}))


def date_text(value: datetime) -> str:
    """A Date field's stored text: UTC, milliseconds, ``Z`` (as the service writes dates)."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def typed_text(zone: tzinfo, field_type: str, text: str) -> str:
    """``text`` in the canonical form of a Boolean, Int, Float or Date field.

    Raises ValueError saying why it is not such a value."""
    value = text.strip()
    if field_type == "Boolean":
        if value.lower() not in ("true", "false", "1", "0"):
            raise ValueError("a Boolean field takes true or false")
        return "true" if value.lower() in ("true", "1") else "false"
    if field_type == "Int":
        if not _INT.fullmatch(value) or not -_LONG <= int(value) < _LONG:
            raise ValueError("an Int field takes a whole number (xsd:long)")
        return str(int(value))
    if field_type == "Float":
        if not _FLOAT.fullmatch(value) or not math.isfinite(float(value)):
            raise ValueError("a Float field takes a finite decimal number")
        return repr(float(value))
    instant = parse_datetime(value)  # ValueError says what is wrong
    problem = instant_problem(instant, zone)
    if problem:
        raise ValueError(problem)
    return date_text(instant if instant.tzinfo else instant.replace(tzinfo=zone))


def tag_values(stored: str | None) -> list[str]:
    return stored.split(TAG_SEPARATOR) if stored else []


def check_tags(field: MetadataFieldRecord, values: Sequence[str]) -> None:
    """Raise ValueError for a value a tag field cannot hold."""
    allowed = dictionary(field)
    for value in values:
        if field.field_type in MULTI_TAGS and TAG_SEPARATOR in value:
            raise ValueError(f"a tag value of a {field.field_type} field has no ','")
        if allowed is not None and value and value not in allowed:
            raise ValueError(f"{value!r} is not in the dictionary of field {field.name!r}")
