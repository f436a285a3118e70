"""Every declaration is whole: the registry refuses one that lacks a part."""

from __future__ import annotations

import inspect

import pytest

from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.schema import STRING, Field, Operation, Registry, family
from ips_emulator.records import Role


def _handler(scope: object, param: object) -> dict[str, object]:
    return {}


WHOLE = Operation(
    "getThing",
    param=(Field("companyHandle", STRING),),
    result=(),
    roles=frozenset({Role.IPS_ADMIN}),
    handler=_handler,
    does="Finds the thing.",
    note="—",
    family="Things",
)


def test_a_whole_declaration_registers() -> None:
    Registry().add_operations([WHOLE])


@pytest.mark.parametrize(
    ("part", "blank"),
    [("family", ""), ("roles", None), ("roles", frozenset()), ("does", ""), ("note", "")],
)
def test_an_emulated_operation_lacking_a_part_is_refused(part: str, blank: object) -> None:
    broken = Operation(**{**_fields(WHOLE), part: blank})
    with pytest.raises(ValueError, match=f"getThing lacks {part}"):
        Registry().add_operations([broken])


def test_notes_without_a_handler_are_refused() -> None:
    broken = Operation(**{**_fields(WHOLE), "handler": None})
    with pytest.raises(ValueError, match="getThing lacks handler"):
        Registry().add_operations([broken])


def test_an_operation_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        Registry().add_operations([WHOLE, WHOLE])


def test_family_marks_each_operation() -> None:
    (marked,) = family("Stuff", Operation("getStuff", param=(), result=()))
    assert marked.family == "Stuff"


def _fields(op: Operation) -> dict[str, object]:
    return {name: getattr(op, name) for name in Operation.__dataclass_fields__}


# -- the declarations themselves -----------------------------------------------------


@pytest.mark.parametrize("op", REGISTRY.operations.values(), ids=lambda op: op.name)
def test_every_declared_operation_is_whole(op: Operation) -> None:
    assert op.missing() == []
    if op.handler is not None:
        # The handler is named as the operation, and takes (scope, param).
        assert op.handler.__name__ == op.name
        assert list(inspect.signature(op.handler).parameters) == ["scope", "param"]
