"""ips-emulator: a local, faithful, fast emulator of the Adobe Scene7 IPS SOAP API."""

from __future__ import annotations

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
    "create_app",
]
