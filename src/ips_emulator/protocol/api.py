"""The published API: every struct and operation, and the versions served."""

from __future__ import annotations

from ips_emulator.ns import IPS_XSD
from ips_emulator.protocol import types
from ips_emulator.protocol.declarations import ALL_OPERATIONS
from ips_emulator.protocol.schema import VERSIONS, Registry

#: API version -> target namespace of its operations and types ("xsd": pre-4.0): every
#: version the docs date (docs/reference/ips-api/SPEC.md, introduction).
VERSION_NAMESPACES = {
    version: IPS_XSD if version == "xsd" else f"{IPS_XSD}/{version}" for version in VERSIONS
}
NAMESPACE_VERSIONS = {ns: version for version, ns in VERSION_NAMESPACES.items()}


def build_registry() -> Registry:
    registry = Registry()
    registry.add_structs(types.ALL_STRUCTS)
    registry.add_operations(ALL_OPERATIONS)
    return registry


REGISTRY = build_registry()
