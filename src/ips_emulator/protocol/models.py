"""spyne models built from the declarations in ``schema``, one set per API version."""

from __future__ import annotations

from typing import Any

from spyne import Boolean, ComplexModel, DateTime, Double, Float, Integer, Long, Unicode

from ips_emulator.protocol.schema import (
    BOOLEAN,
    DATETIME,
    DOUBLE,
    FLOAT,
    INT,
    LONG,
    STRING,
    Field,
    Operation,
    Registry,
)

_SIMPLE: dict[str, Any] = {
    STRING: Unicode,
    INT: Integer,
    LONG: Long,
    BOOLEAN: Boolean,
    DATETIME: DateTime,
    DOUBLE: Double,
    FLOAT: Float,
}


class VersionModels:
    """The spyne ComplexModel classes of one API version, built on first use."""

    def __init__(self, registry: Registry, version: str, namespace: str) -> None:
        self.registry = registry
        self.version = version
        self.namespace = namespace
        self._classes: dict[str, Any] = {}

    def _type(self, f: Field) -> Any:
        base = _SIMPLE.get(f.type) or self.struct_class(f.type)
        kwargs: dict[str, Any] = {"min_occurs": f.min_occurs}
        kwargs["max_occurs"] = "unbounded" if f.max_occurs is None else f.max_occurs
        return base.customize(**kwargs)

    def _complex(self, name: str, fields: tuple[Field, ...], known: bool = False) -> Any:
        """The class of ``name``; with ``known``, remembered before its fields are made,
        so that a struct reaching itself (Folder, FolderArray, Folder) refers back to it."""
        # A field of other versions reads as None (not an AttributeError), as the typed
        # parameters of protocol/params.py promise.
        absent = {f.name: None for f in fields if not f.in_version(self.version)}
        namespace: dict[str, Any] = {"__namespace__": self.namespace, "_type_info": [], **absent}
        cls: Any = type(name, (ComplexModel,), namespace)
        if known:
            self._classes[name] = cls
        for f in fields:
            if f.in_version(self.version):
                cls.append_field(f.name, self._type(f))  # copies made meanwhile see it too
        return cls

    def struct_class(self, name: str) -> Any:
        if name not in self._classes:
            self._complex(name, self.registry.structs[name].fields, known=True)
        return self._classes[name]

    def param_class(self, op: Operation) -> Any:
        return self._complex(op.param_element, op.param)

    def return_class(self, op: Operation) -> Any:
        return self._complex(op.return_element, op.result)
