"""Seed documents in files: JSON or YAML in, JSON or YAML out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

FORMATS = ("json", "yaml")


class DocumentFileError(ValueError):
    """A seed file that cannot be read as JSON or YAML."""


class _YamlLoader(yaml.SafeLoader):
    """SafeLoader that keeps date-times as text, as in JSON (the schema wants strings)."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def format_of(path: str | Path) -> str:
    """``yaml`` for .yaml/.yml files, else ``json``."""
    return "yaml" if Path(path).suffix.lower() in (".yaml", ".yml") else "json"


def parse_document(text: str, fmt: str) -> Any:
    try:
        if fmt == "yaml":
            return yaml.load(text, Loader=_YamlLoader)  # a SafeLoader subclass
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentFileError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except yaml.YAMLError as exc:
        raise DocumentFileError(f"not valid YAML ({exc})") from None


def read_document(path: str | Path) -> Any:
    """The document in ``path``, JSON or YAML by its suffix."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentFileError(f"cannot be read ({exc})") from None
    return parse_document(text, format_of(path))


def dump_document(document: Any, fmt: str) -> str:
    if fmt == "yaml":
        return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
