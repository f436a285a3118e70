"""Declarations of the wire: structs, fields and operations, once for every API version.

Each field says from which API version on it exists (``since``), so one
declaration yields the types of every version: a field is left out of a
version's WSDL and responses before it appears. The spyne models, the WSDL and
the response serializer are all built from these declarations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ips_emulator.records import Role

# Simple types (XML Schema built-ins).
STRING = "string"
INT = "int"
BOOLEAN = "boolean"
DATETIME = "dateTime"
DOUBLE = "double"
#: Only in the beta namespaces (``HaystackSearch``'s weights and limit).
FLOAT = "float"
LONG = "long"
BASE64 = "base64Binary"
SIMPLE_TYPES = frozenset({STRING, INT, BOOLEAN, DATETIME, DOUBLE, FLOAT, LONG, BASE64})

#: The beta namespaces real clients send (AEM's JAXB classes: 2017-10-29-beta in 6.4,
#: 2021-01-11-beta then 2021-04-26-beta in the Cloud Service): no document dates them,
#: so they follow 2014-04-03 in name order (docs/versions.md).
BETAS = ("2016-01-14-beta", "2017-10-29-beta", "2021-01-11-beta", "2021-04-26-beta")
#: API versions in release order (docs/reference/ips-api/SPEC.md section 0); "xsd" is the pre-4.0
#: namespace.
VERSIONS = ("xsd", "2008-01-15", "2008-09-10", "2009-07-31", "2010-01-31",
            "2012-02-14", "2013-02-15", "2014-04-03", *BETAS)  # fmt: skip


#: From this version on, authHeader is also declared in the versioned namespace,
#: where appName and appVersion are required (docs/reference/real-service/README.md).
VERSIONED_AUTH_HEADER_SINCE = "2014-04-03"


#: Adobe's WSDLs from this version on are declared whole (every operation and type):
#: ``tests/unit/protocol/test_declarations.py`` holds the declarations to them.
ALL_DECLARED_SINCE = "2013-02-15"


def version_index(version: str) -> int:
    return VERSIONS.index(version)


def in_range(since: str | None, until: str | None, version: str) -> bool:
    """Whether ``version`` is in [since, until) (None: no bound)."""
    index = version_index(version)
    if since is not None and index < version_index(since):
        return False
    return until is None or index < version_index(until)


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
        return in_range(self.since, self.until, version)

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
    until: str | None = None

    def fields_in(self, version: str) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_version(version))

    def in_version(self, version: str) -> bool:
        return in_range(self.since, self.until, version)


def struct(name: str, *fields: Field, since: str | None = None, until: str | None = None) -> Struct:
    return Struct(name, tuple(fields), since, until)


def array(name: str, item_type: str, since: str | None = None, until: str | None = None) -> Struct:
    return Struct(name, (items(item_type),), since, until)


Handler = Callable[[Any, Any], Any]


@dataclass(frozen=True, slots=True)
class Operation:
    """An operation: ``<name>Param`` in, ``<name>Return`` out, declared once.

    Everything else follows from this: the WSDLs, request checks, dispatch, the
    role check, ``docs/operations.md`` and ``docs/coverage.md``. An operation
    without a ``handler`` is known but not emulated: it is in the WSDLs, its
    requests are checked, and it answers a fault saying so.
    """

    name: str
    param: tuple[Field, ...]
    result: tuple[Field, ...]
    #: First API version that has it (None: every version served).
    since: str | None = None
    #: First API version that no longer has it.
    until: str | None = None
    #: Roles allowed to call it: its reference page's "Authorized User Types"
    #: (None: Adobe documents no page for it).
    roles: frozenset[Role] | None = None
    #: Unpacks the parameters, calls the domain and packs the result.
    handler: Handler | None = field(default=None, compare=False)
    #: What the emulator does (docs/operations.md).
    does: str = ""
    #: Where it simplifies the real service; "—" when nowhere known.
    note: str = ""
    #: The family it is listed under (docs/coverage.md): set by ``family()``.
    family: str = ""

    @property
    def param_element(self) -> str:
        return f"{self.name}Param"

    @property
    def return_element(self) -> str:
        return f"{self.name}Return"

    @property
    def emulated(self) -> bool:
        return self.handler is not None

    def in_version(self, version: str) -> bool:
        return in_range(self.since, self.until, version)

    def missing(self) -> list[str]:
        """The parts its declaration lacks: every operation has a family; an emulated
        one also its roles, what it does and where it simplifies."""
        wanted: dict[str, object] = {"family": self.family}
        if self.emulated:
            wanted |= {"roles": self.roles, "does": self.does, "note": self.note}
        elif self.does or self.note:
            return ["handler (it says what it does, so it must be emulated)"]
        return [part for part, value in wanted.items() if not value]


def family(name: str, *operations: Operation) -> tuple[Operation, ...]:
    """The operations of one family (docs/coverage.md), each marked with its name."""
    return tuple(replace(op, family=name) for op in operations)


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
            if op.name in self.operations:
                raise ValueError(f"operation {op.name} declared twice")
            if op.missing():
                raise ValueError(f"operation {op.name} lacks {', '.join(op.missing())}")
            self.operations[op.name] = op

    def operations_in(self, version: str) -> list[Operation]:
        """The version's operations, emulated or not: what its WSDL lists."""
        return [op for op in self.operations.values() if op.in_version(version)]

    def emulated_in(self, version: str) -> list[Operation]:
        return [op for op in self.operations_in(version) if op.emulated]

    def structs_used(self, version: str) -> list[Struct]:
        """The structs of the version's WSDL, in declaration order.

        From ``ALL_DECLARED_SINCE`` on, every struct the version has, as Adobe's WSDLs
        list them (some no operation uses); before it, those its operations reach.
        """
        if version_index(version) >= version_index(ALL_DECLARED_SINCE):
            return [s for s in self.structs.values() if s.in_version(version)]
        reached = self._reach(self.operations_in(version), version)
        return [s for s in self.structs.values() if s.name in reached]

    def _reach(self, operations: list[Operation], version: str) -> set[str]:
        """Names of the structs the operations reach in ``version``."""

        def fields(owner: tuple[Field, ...]) -> list[str]:
            return [f.type for f in owner if f.in_version(version)]

        seen: set[str] = set()
        pending = [t for op in operations for t in fields((*op.param, *op.result))]
        while pending:
            name = pending.pop()
            if name in SIMPLE_TYPES or name in seen:
                continue
            seen.add(name)
            pending.extend(fields(self.structs[name].fields))
        return seen
