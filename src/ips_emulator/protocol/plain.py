"""The plain-XML binding at ``/scene7/api/IpsApiService`` (what AEM's integration posts).

The body is ``<Request xmlns="<version namespace>">`` wrapping an ``authHeader`` and
one ``…Param`` element; the answer is the bare ``…Return`` element, or the bare fault
element, with an XML declaration and no envelope. The call itself runs through the
same pipeline as SOAP: the request is rewrapped in a SOAP 1.1 envelope for spyne.
"""

from __future__ import annotations

import copy

from lxml import etree

from ips_emulator.errors import FaultCode, IpsApiError
from ips_emulator.ns import IPS_XSD, SOAP_ENV_11
from ips_emulator.protocol.envelope import SoapVersion
from ips_emulator.protocol.headers import RequestHeaders, read_headers

#: Answers as SOAP 1.1 would, minus the envelope (spyne runs the call as SOAP 1.1).
PLAIN = SoapVersion("1.1", SOAP_ENV_11, "text/xml;charset=UTF-8", bare=True)


def _invalid(reason: str) -> IpsApiError:
    return IpsApiError(FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML, reason)


def split_plain(
    document: etree._Element,
) -> tuple[etree._Element, RequestHeaders, etree._Element]:
    """(a SOAP 1.1 envelope holding the operation, the headers, the operation element)."""
    qname = etree.QName(document)
    if qname.localname != "Request":
        raise _invalid(f"Invalid request XML: expected a Request element, not {document.tag}.")
    children = [c for c in document if isinstance(c.tag, str)]
    auth = [c for c in children if etree.QName(c).localname == "authHeader"]
    params = [c for c in children if etree.QName(c).localname != "authHeader"]
    if len(params) != 1 or len(auth) > 1:
        raise _invalid("Invalid request XML: a Request holds one authHeader and one operation.")
    param = params[0]
    # The parameters' namespace is the call's version, whatever the wrapper's.
    headers = read_headers(auth, etree.QName(param).namespace, qname.namespace)
    allowed = (IPS_XSD, etree.QName(param).namespace, qname.namespace)
    if auth and etree.QName(auth[0]).namespace not in allowed:
        raise _invalid("Invalid request XML: authHeader is in an unknown namespace.")
    envelope = etree.Element(f"{{{SOAP_ENV_11}}}Envelope", nsmap={"soapenv": SOAP_ENV_11})
    body = etree.SubElement(envelope, f"{{{SOAP_ENV_11}}}Body")
    body.append(copy.deepcopy(param))
    return envelope, headers, body[0]
