"""The published API: every struct and operation, and the versions served."""

from __future__ import annotations

from ips_emulator.ns import IPS_2008_01_15, IPS_2013_02_15, IPS_2014_04_03, IPS_XSD
from ips_emulator.protocol import types
from ips_emulator.protocol.declarations import ALL_OPERATIONS
from ips_emulator.protocol.schema import Registry

#: API version -> target namespace of its operations and types ("xsd": pre-4.0).
VERSION_NAMESPACES = {
    "xsd": IPS_XSD,
    "2008-01-15": IPS_2008_01_15,
    "2013-02-15": IPS_2013_02_15,
    "2014-04-03": IPS_2014_04_03,
}
NAMESPACE_VERSIONS = {ns: version for version, ns in VERSION_NAMESPACES.items()}


def build_registry() -> Registry:
    registry = Registry()
    registry.add_structs(types.ALL_STRUCTS)
    registry.add_operations(ALL_OPERATIONS)
    return registry


REGISTRY = build_registry()
