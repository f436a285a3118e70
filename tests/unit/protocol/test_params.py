"""protocol/params.py: current, and true of what spyne parses in every version."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from ips_emulator.protocol import params
from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
from ips_emulator.protocol.models import VersionModels
from ips_emulator.protocol.params_writer import class_name, params_source

PARAMS_FILE = Path(params.__file__)
EMULATED = [op for op in REGISTRY.operations.values() if op.emulated]


def test_params_module_is_current() -> None:
    assert PARAMS_FILE.read_text(encoding="utf-8") == params_source(REGISTRY), (
        "protocol/params.py is stale: run `make params`"
    )


def test_get_asset_job_logs_param_is_typed_as_written_by_hand() -> None:
    hints = typing.get_type_hints(params.GetAssetJobLogsParam)
    assert hints == {"companyHandle": str, "assetHandle": str}
    assert typing.get_type_hints(params.SubmitJobParam)["locale"] == str | None


@pytest.mark.parametrize("version", list(VERSION_NAMESPACES))
def test_every_typed_field_reads_on_what_spyne_parses(version: str) -> None:
    """A field of another version reads as None, never raises AttributeError."""
    models = VersionModels(REGISTRY, version, VERSION_NAMESPACES[version])
    for op in REGISTRY.emulated_in(version):
        parsed = models.param_class(op)()
        typed = getattr(params, class_name(op))
        for name in typing.get_type_hints(typed):
            value = getattr(parsed, name)
            assert value is None, (op.name, name, value)
