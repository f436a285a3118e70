"""Declarations of the wire: structs, fields and operations, once for every API version.

Each field says from which API version on it exists (``since``), so one
declaration yields the types of every version: a field is left out of a
version's WSDL and responses before it appears. The spyne models, the WSDL and
the response serializer are all built from these declarations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# Simple types (XML Schema built-ins).
STRING = "string"
INT = "int"
BOOLEAN = "boolean"
DATETIME = "dateTime"
DOUBLE = "double"
LONG = "long"
SIMPLE_TYPES = frozenset({STRING, INT, BOOLEAN, DATETIME, DOUBLE, LONG})

#: API versions in release order (docs/reference/ips-api/SPEC.md section 0); "xsd" is the pre-4.0
#: namespace.
VERSIONS = ("xsd", "2008-01-15", "2008-09-10", "2009-07-31", "2010-01-31",
            "2012-02-14", "2013-02-15", "2014-04-03")  # fmt: skip


#: From this version on, authHeader is also declared in the versioned namespace,
#: where appName and appVersion are required (docs/reference/real-service/README.md).
VERSIONED_AUTH_HEADER_SINCE = "2014-04-03"


def version_index(version: str) -> int:
    return VERSIONS.index(version)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str
    min_occurs: int = 1
    #: None means unbounded.
    max_occurs: int | None = 1
    #: First API version that has this field (None: every version).
    since: str | None = None
    #: First API version that no longer has it (None: still there).
    until: str | None = None

    def in_version(self, version: str) -> bool:
        index = version_index(version)
        if self.since is not None and index < version_index(self.since):
            return False
        return self.until is None or index < version_index(self.until)

    @property
    def is_list(self) -> bool:
        return self.max_occurs is None or self.max_occurs > 1


def opt(name: str, type_: str, since: str | None = None, until: str | None = None) -> Field:
    """An optional field (``minOccurs="0"``)."""
    return Field(name, type_, min_occurs=0, since=since, until=until)


def items(type_: str) -> Field:
    """The ``items`` element of an IPS array type."""
    return Field("items", type_, min_occurs=0, max_occurs=None)


@dataclass(frozen=True, slots=True)
class Struct:
    """A named complexType (``types:AssetJobLog``)."""

    name: str
    fields: tuple[Field, ...]
    since: str | None = None

    def fields_in(self, version: str) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_version(version))


def struct(name: str, *fields: Field, since: str | None = None) -> Struct:
    return Struct(name, tuple(fields), since)


def array(name: str, item_type: str, since: str | None = None) -> Struct:
    return Struct(name, (items(item_type),), since)


Handler = Callable[[Any, Any], Any]


@dataclass(frozen=True, slots=True)
class Operation:
    """An operation: ``<name>Param`` in, ``<name>Return`` out."""

    name: str
    param: tuple[Field, ...]
    result: tuple[Field, ...]
    handler: Handler = field(compare=False)
    since: str | None = None

    @property
    def param_element(self) -> str:
        return f"{self.name}Param"

    @property
    def return_element(self) -> str:
        return f"{self.name}Return"


class Registry:
    """Every struct and operation of the API, across versions."""

    def __init__(self) -> None:
        self.structs: dict[str, Struct] = {}
        self.operations: dict[str, Operation] = {}

    def add_structs(self, structs: Iterable[Struct]) -> None:
        for s in structs:
            if s.name in self.structs:
                raise ValueError(f"struct {s.name} declared twice")
            self.structs[s.name] = s

    def add_operations(self, operations: Iterable[Operation]) -> None:
        for op in operations:
            self.operations[op.name] = op

    def operations_in(self, version: str) -> list[Operation]:
        return [
            op
            for op in self.operations.values()
            if op.since is None or version_index(version) >= version_index(op.since)
        ]

    def structs_used(self, version: str) -> list[Struct]:
        """Structs reachable from the version's operations, in declaration order."""
        seen: set[str] = set()
        pending = [
            f.type
            for op in self.operations_in(version)
            for f in (*op.param, *op.result)
            if f.in_version(version)
        ]
        while pending:
            name = pending.pop()
            if name in SIMPLE_TYPES or name in seen:
                continue
            seen.add(name)
            pending.extend(f.type for f in self.structs[name].fields_in(version))
        return [s for s in self.structs.values() if s.name in seen]
