"""run_batch: each item alone, in order; refusals become that item's fault, not the call's."""

from __future__ import annotations

import pytest

from ips_emulator.domain.asset_batches import ItemFault, ItemWarningError, run_batch
from ips_emulator.errors import FaultCode, IpsApiError, invalid_parameter


def act(item: str) -> None:
    if item.startswith("bad"):
        raise invalid_parameter("assetHandle", item, "no such asset in the company")
    if item.startswith("warn"):
        raise ItemWarningError(f"Asset '{item}' is already in the trash.")
    if item == "taken":
        raise IpsApiError(FaultCode.IPS_API_FAULT_CODE_EXCEPTION, "Asset ID 'x' is already in use.")


def test_each_item_is_counted_once_in_order() -> None:
    result = run_batch(["a", "bad1", "warn1", "b", "taken", "bad2"], str, act)
    assert result.success_count == 2
    assert result.warnings == [ItemFault("warn1", 30001, "Asset 'warn1' is already in the trash.")]
    assert [(f.asset_handle, f.code) for f in result.errors] == [
        ("bad1", 30001), ("taken", 30000), ("bad2", 30001),
    ]  # fmt: skip
    assert result.errors[1].reason == "Asset ID 'x' is already in use."


def test_an_empty_batch_succeeds_with_nothing() -> None:
    result = run_batch([], str, act)
    assert (result.success_count, result.warnings, result.errors) == (0, [], [])


def test_anything_but_an_ips_fault_fails_the_whole_call() -> None:
    def broken(item: str) -> None:
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        run_batch(["a"], str, broken)
