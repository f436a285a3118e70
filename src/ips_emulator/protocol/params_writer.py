"""Writes ``protocol/params.py``: the typed parameters the handlers receive.

For each emulated operation a ``Protocol`` class of its ``…Param`` element, and one
for each struct those reach, with the wire names as attributes: what spyne parses
into (``protocol/models.py``), typed for mypy. A field that is optional, or absent
from some version, may be None. ``make params`` rewrites the file; a test fails when
it is stale. It is derived from the declarations, never edited by hand.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from ips_emulator.protocol.schema import (
    BASE64,
    BOOLEAN,
    DATETIME,
    DOUBLE,
    FLOAT,
    INT,
    LONG,
    SIMPLE_TYPES,
    STRING,
    Field,
    Operation,
    Registry,
)

_PYTHON = {STRING: "str", INT: "int", LONG: "int", BOOLEAN: "bool", DATETIME: "datetime",
           DOUBLE: "float", FLOAT: "float", BASE64: "bytes"}  # fmt: skip
HEADER = '''"""The typed parameters of the emulated operations. Written by ``make params``
(``protocol/params_writer.py``) from the declarations: do not edit.

Each class is the shape spyne parses an element into; a field that is optional, or
absent from some API version, may be None.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
'''


def class_name(op: Operation) -> str:
    return f"{op.name[0].upper()}{op.name[1:]}Param"


def _annotation(f: Field, always: bool) -> str:
    python = _PYTHON.get(f.type, f.type)
    if f.is_list:
        python = f"list[{python}]"
    required = always and f.min_occurs > 0 and not f.is_list
    return python if required else f"{python} | None"


def _class(name: str, fields: tuple[Field, ...], doc: str) -> list[str]:
    lines = ["", "", f"class {name}(Protocol):", f'    """{doc}"""', ""]
    for f in fields:
        # Only a field in every version is sure to be there.
        lines.append(f"    {f.name}: {_annotation(f, f.since is None and f.until is None)}")
    if not fields:
        lines.append("    pass")
    return lines if fields else [*lines[:4], "    pass"]


def _structs_reached(registry: Registry, operations: list[Operation]) -> list[str]:
    seen: set[str] = set()
    pending = [f.type for op in operations for f in op.param]
    while pending:
        name = pending.pop()
        if name in SIMPLE_TYPES or name in seen:
            continue
        seen.add(name)
        pending.extend(f.type for f in registry.structs[name].fields)
    return [name for name in registry.structs if name in seen]


def params_source(registry: Registry) -> str:
    emulated = [op for op in registry.operations.values() if op.emulated]
    lines = HEADER.splitlines()
    for op in emulated:
        lines += _class(class_name(op), op.param, f"{op.param_element}.")
    for name in _structs_reached(registry, emulated):
        lines += _class(name, registry.structs[name].fields, f"types:{name}.")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    from ips_emulator.protocol.api import REGISTRY

    parser = argparse.ArgumentParser(
        prog="python -m ips_emulator.protocol.params_writer",
        description="Rewrite protocol/params.py from the declarations.",
    )
    parser.add_argument("path", type=Path, help="src/ips_emulator/protocol/params.py")
    parser.parse_args(argv).path.write_text(params_source(REGISTRY), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
