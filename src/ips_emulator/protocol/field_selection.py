"""``responseFieldArray`` and ``excludeFieldArray``: which fields of a response are written.

As docs/reference/ips-api/handles-and-locale.md gives the rules: each item is a node path
separated by ``/``, relative to the ``…Return`` element (``assetArray/items/name``); a
complex field named alone is written whole, one named with sub-elements only with those.
What the docs leave open is decided in docs/decisions.md ("Response fields"): both arrays
together (the included fields, less the excluded), a path naming no field (fault 30001
naming the item), required elements (kept whole, since the schema needs them), an empty
array (as if absent).

Paths are wire names, checked against the declarations: one selection serves every
operation that takes the two arrays.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ips_emulator.errors import invalid_parameter
from ips_emulator.protocol.convert import Strings, strings
from ips_emulator.protocol.schema import SIMPLE_TYPES, Field, Registry

#: Field name -> what of it is named: None for the whole field, else its named sub-fields.
Tree = dict[str, "Tree | None"]


@dataclass(frozen=True, slots=True)
class FieldSelection:
    """The fields one response is to carry."""

    registry: Registry
    #: The ``…Return`` element's fields.
    root: tuple[Field, ...]
    #: None: every field (no ``responseFieldArray``).
    include: Tree | None = None
    exclude: Tree = field(default_factory=dict)

    @property
    def selects(self) -> bool:
        """Whether the call named any field (if not, the response is left as it is)."""
        return self.include is not None or bool(self.exclude)

    def apply(self, value: Mapping[str, Any]) -> Mapping[str, Any]:
        """``value`` (wire names) with only the selected fields."""
        if not self.selects:
            return value
        return self._pick(value, self.root, self.include, self.exclude)

    def only(self, paths: Iterable[str]) -> bool:
        """Whether no field outside ``paths`` (and the elements holding them) is written."""
        allowed: Tree = {}
        for path in paths:
            _add(allowed, path.split("/"))
        return not self._outside(self.root, self.include, self.exclude, allowed)

    def _pick(
        self, value: Mapping[str, Any], fields: Sequence[Field], include: Tree | None, exclude: Tree
    ) -> dict[str, Any]:
        picked: dict[str, Any] = {}
        for f in fields:
            if f.name not in value:
                continue
            written, inner_include, inner_exclude = _decide(f, include, exclude)
            if not written:
                continue
            item = value[f.name]
            if item is not None and (inner_include is not None or inner_exclude):
                inner = self.registry.structs[f.type].fields
                if f.is_list:
                    item = [self._pick(i, inner, inner_include, inner_exclude) for i in item]
                else:
                    item = self._pick(item, inner, inner_include, inner_exclude)
            picked[f.name] = item
        return picked

    def _outside(
        self, fields: Sequence[Field], include: Tree | None, exclude: Tree, allowed: Tree
    ) -> bool:
        for f in fields:
            written, inner_include, inner_exclude = _decide(f, include, exclude)
            if not written:
                continue
            if f.name not in allowed:
                return True
            inner_allowed = allowed[f.name]
            if inner_allowed is None or f.type in SIMPLE_TYPES:
                continue
            inner = self.registry.structs[f.type].fields
            if self._outside(inner, inner_include, inner_exclude, inner_allowed):
                return True
        return False


def _decide(f: Field, include: Tree | None, exclude: Tree) -> tuple[bool, Tree | None, Tree]:
    """Whether ``f`` is written, and what of it is included and excluded.

    A required field is written whole whatever is named: the schema needs it.
    """
    required = f.min_occurs > 0
    inner_include: Tree | None = None
    if include is not None and f.name in include:
        inner_include = include[f.name]
    elif include is not None and not required:
        return False, None, {}
    if f.name not in exclude:
        return True, inner_include, {}
    inner_exclude = exclude[f.name]
    if inner_exclude is None:
        return required, None, {}
    return True, inner_include, inner_exclude


def _add(tree: Tree, names: Sequence[str]) -> None:
    """Marks the field at ``names``; a field already named whole stays whole."""
    node = tree
    for name in names[:-1]:
        child = node.setdefault(name, {})
        if child is None:
            return
        node = child
    node[names[-1]] = None


def _tree(
    registry: Registry, root: tuple[Field, ...], where: str, array: Strings | None
) -> Tree | None:
    """The paths of ``array`` as a tree, each checked; None when none is given."""
    paths = strings(array)
    if not paths:  # an empty array names nothing: as if absent (docs/decisions.md)
        return None
    tree: Tree = {}
    for i, path in enumerate(paths):
        names = path.split("/")
        _check(registry, root, names, f"{where}/items[{i + 1}]", path)
        _add(tree, names)
    return tree


def _check(
    registry: Registry, root: tuple[Field, ...], names: Sequence[str], param: str, path: str
) -> None:
    fields, owner = root, "the response"
    for name in names:
        found = next((f for f in fields if f.name == name), None)
        if found is None:
            why = f"{name!r} is not a field of {owner}" if fields else f"{owner} has no fields"
            raise invalid_parameter(param, path, why)
        if found.type in SIMPLE_TYPES:
            fields, owner = (), f"{name!r} ({found.type})"
        else:
            fields, owner = registry.structs[found.type].fields, found.type


@cache
def _root(operation: str) -> tuple[Registry, tuple[Field, ...]]:
    # Imported here: the declarations import the handlers, which import this module.
    from ips_emulator.protocol.api import REGISTRY

    return REGISTRY, REGISTRY.operations[operation].result


def response_fields(
    operation: str, include: Strings | None, exclude: Strings | None
) -> FieldSelection:
    """The selection ``responseFieldArray`` and ``excludeFieldArray`` make of ``operation``'s
    response; a path naming no field of it (in any version) faults, naming the item."""
    registry, root = _root(operation)
    return FieldSelection(
        registry,
        root,
        _tree(registry, root, "responseFieldArray", include),
        _tree(registry, root, "excludeFieldArray", exclude) or {},
    )
