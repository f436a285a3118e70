"""The one XML parser every request goes through: no DTDs, no entities, no network."""

from __future__ import annotations

from lxml import etree

from ips_emulator.errors import FaultCode, IpsApiError


def _invalid(reason: str) -> IpsApiError:
    return IpsApiError(FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML, reason)


def parse_request(data: bytes) -> etree._Element:
    """The request's root element; ``ipsApiFault`` 30003 for anything but plain XML."""
    if not data.strip():
        raise _invalid("Invalid request XML: the request body is empty.")
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _invalid(f"Invalid request XML: {exc.msg}") from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
        raise _invalid("Invalid request XML: DOCTYPE declarations are not allowed.")
    return root
