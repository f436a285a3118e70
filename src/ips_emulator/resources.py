"""Where the shipped data files are: in the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``wsdl`` or ``locales``: the installed copy if there is one, else the checkout's."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"ips-emulator data folder {name!r} not found (looked in {installed} and {checkout})"
    )


def package_file(name: str) -> Path:
    return _PACKAGE / "data" / name
