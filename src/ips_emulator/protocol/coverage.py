"""``docs/coverage.md`` and the table of ``docs/operations.md``, written from the declarations.

``make coverage`` (``python -m ips_emulator.protocol.coverage docs``) rewrites both;
``tests/test_coverage_doc.py`` fails when either is stale.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from ips_emulator.protocol.declarations import FAMILIES
from ips_emulator.protocol.schema import Operation

#: The generated table of docs/operations.md lies between these two lines.
TABLE_START = "<!-- operations table: written by `make coverage` from protocol/declarations -->"
TABLE_END = "<!-- end of the operations table -->"


def _versions(op: Operation) -> str:
    since = op.since or "pre-4.0"
    return f"{since} to before {op.until}" if op.until else f"{since} on"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def headline() -> str:
    """The count the README shows."""
    every = [op for ops in FAMILIES for op in ops]
    emulated = sum(op.emulated for op in every)
    return f"{emulated} of the {len(every)} operations of Adobe's WSDLs are emulated"


def coverage_page() -> str:
    lines = [
        "# Coverage",
        "",
        f"{headline()}. Every one is declared",
        "(`src/ips_emulator/protocol/declarations/`), listed in the served 2013-02-15 and",
        "2014-04-03 WSDLs as in Adobe's, and has its",
        "requests checked against its parameters; one not emulated yet then answers",
        "`ipsApiFault` 30000 naming this page. What an emulated operation does, and where it",
        "simplifies the real service: [operations.md](operations.md); how to emulate one more:",
        "[adding-an-operation.md](adding-an-operation.md).",
        "",
        "Written by `make coverage` from the declarations; a test fails when it is stale.",
        "",
        "| Family | Emulated |",
        "|---|---|",
    ]
    for ops in FAMILIES:
        lines.append(f"| [{ops[0].family}](#{_anchor(ops[0].family)}) | "
                     f"{sum(op.emulated for op in ops)} of {len(ops)} |")  # fmt: skip
    for ops in FAMILIES:
        lines += ["", f"## {ops[0].family}", "",
                  "| Operation | Emulated | Versions | Note |", "|---|---|---|---|"]  # fmt: skip
        for op in ops:
            note = _cell(op.note) if op.emulated else "—"
            status = "yes" if op.emulated else "not yet"
            lines.append(f"| `{op.name}` | {status} | {_versions(op)} | {note} |")
    return "\n".join(lines) + "\n"


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")


def operations_table() -> str:
    lines = [
        TABLE_START,
        "| Operation | What the emulator does | Where it simplifies the real service |",
        "|---|---|---|",
    ]
    for ops in FAMILIES:
        for op in ops:
            if op.emulated:
                lines.append(f"| `{op.name}` | {_cell(op.does)} | {_cell(op.note)} |")
    return "\n".join([*lines, TABLE_END])


def with_operations_table(page: str) -> str:
    """``docs/operations.md`` with its table rewritten."""
    start, end = page.index(TABLE_START), page.index(TABLE_END) + len(TABLE_END)
    return page[:start] + operations_table() + page[end:]


def write(docs: Path) -> None:
    (docs / "coverage.md").write_text(coverage_page(), encoding="utf-8")
    operations = docs / "operations.md"
    page = operations.read_text(encoding="utf-8")
    operations.write_text(with_operations_table(page), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ips_emulator.protocol.coverage",
        description="Rewrite docs/coverage.md and the table of docs/operations.md.",
    )
    parser.add_argument("docs", type=Path, help="the docs directory")
    write(parser.parse_args(argv).docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
