"""Make spyne 2.14 importable on Python 3.12 and 3.13.

spyne 2.14 (its last release) bundles an old copy of ``six`` whose import hook
uses ``find_module``, which Python 3.12 removed, so ``spyne.util.six.moves``
cannot be imported there. The fixes were merged upstream but never released.
We register the maintained ``six`` from PyPI under spyne's module names before
spyne is first imported, and add the one helper spyne's copy has on top. This
is done on 3.11 too, where the old copy still works but warns on every import:
one code path on every supported Python.
On 3.13 spyne also imports ``cgi``; the ``legacy-cgi`` package provides it.

Import this module before any ``spyne`` import (``ips_emulator.protocol``
does so first thing).
"""

from __future__ import annotations

import importlib
import operator
import sys

# The six.moves modules that spyne 2.14 imports.
_SPYNE_SIX_MOVES = (
    "moves",
    "moves.collections_abc",
    "moves.http_cookies",
    "moves.urllib",
    "moves.urllib.parse",
    "moves.urllib.request",
    "moves.urllib.error",
)


def install() -> None:
    """Alias PyPI ``six`` as ``spyne.util.six`` when spyne's own copy cannot work."""
    if "spyne.util.six" in sys.modules:
        return
    import six  # type: ignore[import-untyped]

    if not hasattr(six, "get_function_name"):
        six.get_function_name = operator.attrgetter("__name__")
    sys.modules["spyne.util.six"] = six
    for name in _SPYNE_SIX_MOVES:
        sys.modules[f"spyne.util.six.{name}"] = importlib.import_module(f"six.{name}")


install()
