"""spyne request objects -> plain Python values (wire names kept), and a batch's result
out as its return element's fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, TypeVar

from spyne import ComplexModelBase

from ips_emulator.domain.asset_batches import BatchResult

F = TypeVar("F")


def to_plain(value: Any) -> Any:
    """A spyne object as JSON-ready dicts, lists and scalars; unset fields left out."""
    if isinstance(value, ComplexModelBase):
        plain = {}
        for name in type(value).get_flat_type_info(type(value)):
            item = getattr(value, name, None)
            if item is not None:
                plain[name] = to_plain(item)
        return plain
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


class Strings(Protocol):
    """A StringArray or HandleArray (protocol/params.py)."""

    items: list[str] | None


def strings(array: Strings | None) -> list[str] | None:
    """The items of a StringArray/HandleArray, or None when the array is absent."""
    if array is None:
        return None
    return [str(item) for item in array.items or []]


def fields_of_version(value: Any) -> frozenset[str]:
    """The fields a parsed element has in the call's API version (spyne's model of it):
    the others read as None."""
    return frozenset(type(value).get_flat_type_info(type(value)))


def batch_result(result: BatchResult[F], fault: Callable[[F], dict[str, Any]]) -> dict[str, Any]:
    """successCount, warningCount, errorCount and the detail arrays (each ``fault`` an
    item), the arrays left out when empty, as the pages' examples show."""
    warnings, errors = result.warnings, result.errors
    return {
        "successCount": result.success_count,
        "warningCount": len(warnings),
        "errorCount": len(errors),
        "warningDetailArray": {"items": [fault(f) for f in warnings]} if warnings else None,
        "errorDetailArray": {"items": [fault(f) for f in errors]} if errors else None,
    }
