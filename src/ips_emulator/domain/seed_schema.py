"""Checking a seed document against ``data/seed.schema.json`` before anything is loaded.

jsonschema's own messages name schema keywords; these are rewritten into the
loader's vocabulary (``users[0].role: 'Overlord' is not an IPS user role``), so
a problem reads the same whichever check found it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from ips_emulator.domain.instants import instant_problem, parse_datetime
from ips_emulator.resources import package_file

SCHEMA_FILE = "seed.schema.json"
SECTIONS = ("companies", "users", "memberships", "folders", "metadataFields", "assets", "jobs")

_TYPE_NAMES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "boolean": "true or false",
    "integer": "an integer",
    "number": "a number",
    "null": "null",
}


class SeedError(ValueError):
    """A problem in a seed document, at ``path`` (``users[0].role``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    @property
    def errors(self) -> list[SeedError]:
        """Every problem found (one, unless the schema check found several)."""
        return [self]


class SeedSchemaError(SeedError):
    """Every schema problem of a document; ``path``/``message`` are the first one's."""

    def __init__(self, problems: Sequence[SeedError]) -> None:
        super().__init__(problems[0].path, problems[0].message)
        self.args = ("\n".join(str(p) for p in problems),)
        self._problems = list(problems)

    @property
    def errors(self) -> list[SeedError]:
        return list(self._problems)


_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a seed date-time (ISO 8601 with an offset), or None.

    Read by the parser SOAP dates go through, so both agree on every instant.
    """
    if _DATE_ONLY.fullmatch(text.strip()):
        return f"{text!r} has no time zone offset"
    try:
        value = parse_datetime(text)
    except ValueError as error:
        why = str(error)  # the form is not worth repeating; what is wrong in it is
        detail = "" if why.startswith("expected") else f" ({why})"
        return f"{text!r} is not an ISO 8601 date-time{detail}"
    if value.tzinfo is None:
        return f"{text!r} has no time zone offset"
    return instant_problem(value, UTC)


_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("date-time")
def _is_date_time(instance: object) -> bool:
    return not isinstance(instance, str) or date_problem(instance) is None


@cache
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(package_file(SCHEMA_FILE).read_text(encoding="utf-8"))
    return data


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=_FORMATS)


def path_text(path: Iterable[str | int]) -> str:
    """``("users", 0, "role")`` -> ``users[0].role``; the document itself is ``$``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "$"


def _join(parent: str, key: str) -> str:
    return key if parent == "$" else f"{parent}.{key}"


def _problems(error: ValidationError) -> list[SeedError]:
    path = path_text(error.absolute_path)
    instance: Any = error.instance
    expected: Any = error.validator_value
    schema_here: Any = error.schema
    match error.validator:
        case "required":
            return [SeedError(_join(path, k), "is required") for k in expected if k not in instance]
        case "additionalProperties":
            known = list(schema_here.get("properties", {}))
            extra = [k for k in instance if k not in known]
            if path == "$":
                listed = ", ".join(SECTIONS)
                return [SeedError(k, f"unknown section (expected one of {listed})") for k in extra]
            listed = ", ".join(known)
            return [SeedError(_join(path, k), f"unknown field (known: {listed})") for k in extra]
        case "type":
            kinds = [expected] if isinstance(expected, str) else list(expected)
            return [SeedError(path, "must be " + " or ".join(_TYPE_NAMES[k] for k in kinds))]
        case "enum" if "IpsUser" in expected:
            return [SeedError(path, f"{instance!r} is not an IPS user role")]
        case "enum":
            return [SeedError(path, f"{instance!r} is not one of {', '.join(expected)}")]
        case "minLength":
            return [SeedError(path, "must not be empty")]
        case "maxLength":
            return [SeedError(path, f"is longer than {expected} characters")]
        case "format":
            return [SeedError(path, date_problem(instance) or "is not a date-time")]
        case "pattern" if path.endswith("passwordHash"):
            return [SeedError(path, "is not a password hash written by export (scrypt$...)")]
        case "anyOf":  # optional date-times: report the date-time's own problem
            return [p for sub in (error.context or [])[:1] for p in _problems(sub)]
    return [SeedError(path, error.message)]


def validate_seed(document: object) -> list[SeedError]:
    """Every schema problem of ``document``, in document order; empty if it is valid."""
    found: dict[str, SeedError] = {}
    for error in _validator().iter_errors(document):
        for problem in _problems(error):
            found.setdefault(str(problem), problem)
    return sorted(found.values(), key=lambda p: _order(p.path))


def _order(path: str) -> list[tuple[int, str]]:
    """A sort key following the document: sections in load order, items by index."""
    key: list[tuple[int, str]] = []
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            key.append((int(part[1:-1]), ""))
        elif part in SECTIONS:
            key.append((SECTIONS.index(part), part))
        else:
            key.append((len(SECTIONS), part))
    return key


def check_seed(document: object) -> None:
    """Raise ``SeedSchemaError`` listing every schema problem of ``document``."""
    problems = validate_seed(document)
    if problems:
        raise SeedSchemaError(problems)
