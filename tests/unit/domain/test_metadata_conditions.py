"""MetadataCondition compiled and tested (domain/metadata_conditions.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from ips_emulator.domain.assets import FoundAsset
from ips_emulator.domain.clock import ManualClock
from ips_emulator.domain.context import RequestScope
from ips_emulator.domain.metadata_conditions import ConditionInput, compile_condition
from ips_emulator.errors import IpsApiError
from ips_emulator.records import (
    AssetDetails,
    AssetRecord,
    CompanyRecord,
    MetadataFieldRecord,
)

COMPANY = CompanyRecord(1, "c|1", "Co", "Co/", None)
FIELDS = {
    f.handle: f
    for f in (
        MetadataFieldRecord(1, "m|1|ALL|Rating", 1, "Asset", "Rating", "Int"),
        MetadataFieldRecord(2, "m|1|ALL|Ok", 1, "Asset", "Ok", "Boolean"),
        MetadataFieldRecord(3, "m|1|ALL|Title", 1, "Asset", "Title", "String"),
    )
}
BY_NAME = {f.name: f for f in FIELDS.values()}
EAST = timezone(timedelta(hours=-5))


def asset(*pairs: tuple[str, str], created: datetime | None = None) -> FoundAsset:
    created = created or datetime(2014, 7, 26, 3, 13, 45, tzinfo=UTC)
    modified = datetime(2020, 1, 1, tzinfo=UTC)
    details = AssetDetails(metadata=pairs)
    record = AssetRecord(1, "a|9", 1, "Sea View", "shots/", "Image", created, modified, details)
    return FoundAsset(record, COMPANY)


def holds(found: FoundAsset, **given: Any) -> bool:
    scope = RequestScope(store=None, clock=ManualClock(datetime(2026, 1, 1, tzinfo=UTC)),
                         messages=None, locale="en-US", zone=EAST)  # type: ignore[arg-type]  # fmt: skip
    item = ConditionInput(given.pop("key"), given.pop("op"), **given)
    return compile_condition(scope, item, FIELDS, BY_NAME, "c").test(found)


def test_text_compares_without_case_unless_asked_and_values_are_alternatives() -> None:
    found = asset(("Title", "Harbour"))
    assert holds(found, key="name", op="StartsWith", value="sea")
    assert not holds(found, key="name", op="StartsWith", value="sea", case_sensitive=True)
    assert holds(found, key="custom_attributes.Title", op="Equals", values=["x", "harbour"])
    assert not holds(found, key="custom_attributes.Title", op="NotEquals", values=["harbour"])
    assert holds(found, key="folder_path", op="Equals", value="Co/shots/")
    # A value not stored compares as "".
    assert holds(asset(), key="dc.rights", op="Equals", value="")


def test_typed_values_compare_as_numbers_and_a_missing_one_only_as_not_equal() -> None:
    found = asset(("Rating", "10"), ("dc.size", "10"))
    assert holds(found, key="custom_attributes.Rating", op="GreaterThan", long_val=9)
    assert holds(found, key="dc.size", op="GreaterThan", long_val=9)  # "10" > "9" as numbers
    assert holds(found, key="m|1|ALL|Rating", op="Between", min_long=10, max_long=10)
    assert holds(found, key="custom_attributes.Rating", op="LessThan", value="11")
    assert not holds(asset(), key="custom_attributes.Rating", op="Equals", long_val=0)
    assert holds(asset(), key="custom_attributes.Rating", op="NotEquals", long_val=0)
    assert holds(asset(("Ok", "true")), key="custom_attributes.Ok", op="Equals", value="1")


def test_dates_read_the_page_form_and_naive_ones_in_the_server_zone() -> None:
    found = asset()  # created 2014-07-26T03:13:45Z
    assert holds(found, key="created_at", op="Equals",
                 value="Fri Jul 25 2014 22:13:45 GMT-0500 (CDT)")  # fmt: skip
    assert holds(found, key="created_at", op="Equals", value="2014-07-25T22:13:45")  # EAST
    assert holds(found, key="created_at", op="GreaterThan",
                 date_val=datetime(2014, 7, 25, 22, 13, 44))  # fmt: skip


@pytest.mark.parametrize(
    ("given", "element"),
    [
        ({"key": "size", "op": "Equals", "value": "1"}, "c/fieldHandle"),
        ({"key": "name", "op": "GreaterThan", "value": "1"}, "c/op"),
        ({"key": "custom_attributes.Ok", "op": "LessThan", "value": "true"}, "c/op"),
        ({"key": "custom_attributes.Title", "op": "Equals", "long_val": 1}, "c/longVal"),
        ({"key": "created_at", "op": "Equals", "value": "yesterday"}, "c/value"),
        ({"key": "custom_attributes.Ok", "op": "Between", "bool_val": True}, "c/op"),
    ],
)
def test_refused_conditions_name_the_element(given: dict[str, Any], element: str) -> None:
    with pytest.raises(IpsApiError) as caught:
        holds(asset(), **given)
    assert f"'{element}'" in caught.value.reason
