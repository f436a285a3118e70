"""The pages written from the declarations: ``docs/coverage.md``, the tables of
``docs/operations.md`` and ``docs/versions.md``, and the README's count.

``make coverage`` (``python -m ips_emulator.protocol.coverage .``) rewrites them;
``tests/test_coverage_doc.py`` fails when one is stale.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from ips_emulator.protocol.declarations import FAMILIES
from ips_emulator.protocol.schema import BETAS, VERSIONS, Operation

#: A generated table lies between two such lines.
MARKS = "<!-- {} table: written by `make coverage` from protocol/declarations -->"
END_MARKS = "<!-- end of the {} table -->"
HEADLINE = re.compile(r"\*\*\d+ of the \d+ operations of Adobe's WSDLs are emulated\*\*")


def _versions(op: Operation) -> str:
    since = op.since or "pre-4.0"
    return f"{since} to before {op.until}" if op.until else f"{since} on"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _in_a_beta_only(op: Operation) -> bool:
    """Added by a beta namespace: known from generated clients, in no WSDL of Adobe's."""
    return op.since in BETAS


def headline() -> str:
    """The count the README shows: of the operations of Adobe's 2013-02-15 and 2014-04-03
    WSDLs, not those the beta namespaces add."""
    adobes = [op for ops in FAMILIES for op in ops if not _in_a_beta_only(op)]
    emulated = sum(op.emulated for op in adobes)
    return f"{emulated} of the {len(adobes)} operations of Adobe's WSDLs are emulated"


def _betas_sentence() -> list[str]:
    added = [op for ops in FAMILIES for op in ops if _in_a_beta_only(op)]
    emulated = sum(op.emulated for op in added)
    return [
        f"The beta namespaces add {len(added)} more ({emulated} emulated), known from",
        "generated clients rather than a WSDL of Adobe's",
        "([versions.md](versions.md#the-beta-namespaces)): they are declared the same way",
        "and listed below, their versions starting at a beta.",
    ]


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
        *_betas_sentence(),
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


def _emulated() -> list[Operation]:
    return [op for ops in FAMILIES for op in ops if op.emulated]


def operations_table() -> list[str]:
    lines = [
        "| Operation | What the emulator does | Where it simplifies the real service |",
        "|---|---|---|",
    ]
    for op in _emulated():
        lines.append(f"| `{op.name}` | {_cell(op.does)} | {_cell(op.note)} |")
    return lines


def versions_table() -> list[str]:
    lines = [f"| Operation | {' | '.join(VERSIONS)} |", "|---|" + "---|" * len(VERSIONS)]
    for op in _emulated():
        marks = " | ".join("yes" if op.in_version(v) else "—" for v in VERSIONS)
        lines.append(f"| `{op.name}` | {marks} |")
    return lines


def with_table(page: str, name: str, table: list[str]) -> str:
    """``page`` with its generated table called ``name`` rewritten."""
    start_mark, end_mark = MARKS.format(name), END_MARKS.format(name)
    start, end = page.index(start_mark), page.index(end_mark) + len(end_mark)
    return page[:start] + "\n".join([start_mark, *table, end_mark]) + page[end:]


def with_headline(readme: str) -> str:
    if not HEADLINE.search(readme):
        raise ValueError("README.md has no '**N of the M operations ... emulated**' line")
    return HEADLINE.sub(f"**{headline()}**", readme)


#: file (from the project root) -> how it is rewritten
REWRITES = {
    "docs/operations.md": lambda page: with_table(page, "operations", operations_table()),
    "docs/versions.md": lambda page: with_table(page, "versions", versions_table()),
    "README.md": with_headline,
}


def write(root: Path) -> None:
    (root / "docs" / "coverage.md").write_text(coverage_page(), encoding="utf-8")
    for name, rewrite in REWRITES.items():
        path = root / name
        path.write_text(rewrite(path.read_text(encoding="utf-8")), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ips_emulator.protocol.coverage",
        description="Rewrite the pages written from the declarations.",
    )
    parser.add_argument("root", type=Path, help="the project's root directory")
    write(parser.parse_args(argv).root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
