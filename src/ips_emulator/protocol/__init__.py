"""The SOAP protocol layer: the only package that imports spyne; wire names only."""

from ips_emulator import compat as _compat  # must run before spyne is imported

__all__ = ["_compat"]
