"""SOAP 1.1 and 1.2 envelopes: taking requests apart and wrapping responses.

The real service publishes both bindings; a SOAP 1.2 request gets a SOAP 1.2
response and faults, still with the ``soapenv`` prefix (docs/reference/real-service/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ips_emulator.errors import FaultCode, IpsApiError
from ips_emulator.ns import SOAP_ENV_11, SOAP_ENV_12
from ips_emulator.protocol.headers import RequestHeaders, read_headers

XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>"


@dataclass(frozen=True, slots=True)
class SoapVersion:
    name: str
    namespace: str
    content_type: str
    #: The plain-XML binding: answers are the bare element, with no envelope.
    bare: bool = False

    @property
    def start(self) -> str:
        return f'{XML_DECLARATION}<soapenv:Envelope xmlns:soapenv="{self.namespace}"><soapenv:Body>'

    def wrap(self, body: str) -> bytes:
        if self.bare:
            return (XML_DECLARATION + body).encode()
        return (self.start + body + "</soapenv:Body></soapenv:Envelope>").encode()


SOAP11 = SoapVersion("1.1", SOAP_ENV_11, "text/xml;charset=UTF-8")
SOAP12 = SoapVersion("1.2", SOAP_ENV_12, "application/soap+xml;charset=UTF-8")
_BY_NAMESPACE = {SOAP11.namespace: SOAP11, SOAP12.namespace: SOAP12}


def _invalid(reason: str) -> IpsApiError:
    return IpsApiError(FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML, reason)


def soap_version_of(document: etree._Element) -> SoapVersion:
    qname = etree.QName(document)
    version = _BY_NAMESPACE.get(qname.namespace or "")
    if version is None or qname.localname != "Envelope":
        raise _invalid(
            f"Invalid request XML: the root element is {document.tag}, not a SOAP 1.1 or "
            "SOAP 1.2 Envelope."
        )
    return version


def split_envelope(
    document: etree._Element, version: SoapVersion
) -> tuple[RequestHeaders, etree._Element]:
    """The request's headers and its one operation element.

    At most one Header, and before the Body (SOAP 1.1 §4.1, SOAP 1.2 §5): a Header
    after the Body, or a second Header or Body, is a malformed envelope, whose
    credentials the server would otherwise read from wherever they were put.
    """
    header_tag, body_tag = f"{{{version.namespace}}}Header", f"{{{version.namespace}}}Body"
    header = body = None
    for child in document:
        if child.tag == header_tag:
            if header is not None or body is not None:
                raise _invalid("Invalid request XML: a SOAP Header after the Body or a second one.")
            header = child
        elif child.tag == body_tag:
            if body is not None:
                raise _invalid("Invalid request XML: a second SOAP Body.")
            body = child
    payload = [e for e in body if isinstance(e.tag, str)] if body is not None else []
    if len(payload) != 1:
        raise _invalid(
            "Invalid request XML: the SOAP Body must hold exactly one operation element."
        )
    namespace = etree.QName(payload[0]).namespace
    elements = list(header) if header is not None else []
    return read_headers(elements, namespace), payload[0]
