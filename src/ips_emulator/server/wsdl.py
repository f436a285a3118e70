"""Serves the committed WSDL files with the address the client used."""

from __future__ import annotations

from pathlib import Path

from ips_emulator.protocol.wsdl import ADDRESS_PLACEHOLDER


class WsdlFiles:
    """The contract files in ``wsdl/``, read once."""

    def __init__(self, folder: Path) -> None:
        self._texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.wsdl")}

    def names(self) -> list[str]:
        return sorted(self._texts)

    def render(self, name: str, service_url: str) -> bytes | None:
        """The WSDL ``name`` whose ``soap:address`` is ``service_url``, or None."""
        text = self._texts.get(name)
        if text is None:
            return None
        return text.replace(ADDRESS_PLACEHOLDER, _attribute(service_url)).encode()


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
