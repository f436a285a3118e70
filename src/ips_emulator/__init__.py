"""ips-emulator: a local, faithful, fast emulator of the Adobe Scene7 IPS SOAP API.

The public names are imported on first use (PEP 562): ``import ips_emulator``, which
pytest does for the plugin at every start-up, must not load spyne, SQLAlchemy, Babel or
werkzeug (about 0.7 s, and import-time warnings a user's suite may turn into errors).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ips_emulator.config import Settings
    from ips_emulator.errors import (
        AuthenticationError,
        AuthorizationError,
        FaultCode,
        IpsApiError,
        IpsError,
    )
    from ips_emulator.server.app import EmulatorApp, create_app
    from ips_emulator.server.runner import EmulatorServer
    from ips_emulator.testing import IpsEmulator

    __version__: str

__all__ = [
    "AuthenticationError",
    "AuthorizationError",
    "EmulatorApp",
    "EmulatorServer",
    "FaultCode",
    "IpsApiError",
    "IpsEmulator",
    "IpsError",
    "Settings",
    "__version__",
    "create_app",
]

# Each public name, by the module that defines it.
_HOMES = {
    "AuthenticationError": "ips_emulator.errors",
    "AuthorizationError": "ips_emulator.errors",
    "FaultCode": "ips_emulator.errors",
    "IpsApiError": "ips_emulator.errors",
    "IpsError": "ips_emulator.errors",
    "Settings": "ips_emulator.config",
    "EmulatorApp": "ips_emulator.server.app",
    "create_app": "ips_emulator.server.app",
    "EmulatorServer": "ips_emulator.server.runner",
    "IpsEmulator": "ips_emulator.testing",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # The installed distribution's metadata, so pyproject.toml holds the only copy.
        from importlib.metadata import version

        value: Any = version("ips-emulator")
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
