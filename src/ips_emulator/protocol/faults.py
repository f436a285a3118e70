"""IPS errors as SOAP faults: the one place they are turned into wire faults.

The two sources disagree on ``faultcode``/``faultstring`` (docs/decisions.md):
the recorded real ``ipsApiFault`` has ``soapenv:Server`` and the element's local
name; the docs' only example, an ``authorizationFault``, has ``soapenv:Client``
and ``AuthorizationException``. Each kind follows its own evidence;
``authenticationFault`` (no evidence) follows its sibling ``authorizationFault``.
The detail element is written as in the recording: ``tns:`` prefix, ``code``
then ``reason``, in ``http://www.scene7.com/IpsApi/xsd``. SOAP 1.2 faults carry
the same values as Axis2 writes them (Server -> Receiver, Client -> Sender).
"""

from __future__ import annotations

from spyne import Fault

from ips_emulator.errors import IpsError
from ips_emulator.ns import IPS_FAULT
from ips_emulator.protocol.envelope import SOAP11, SoapVersion
from ips_emulator.protocol.serializer import escape

#: fault element -> (faultcode, faultstring)
FAULT_SHAPES = {
    "ipsApiFault": ("soapenv:Server", "ipsApiFault"),
    "authorizationFault": ("soapenv:Client", "AuthorizationException"),
    "authenticationFault": ("soapenv:Client", "AuthenticationException"),
}
_SOAP12_CODES = {"soapenv:Server": "soapenv:Receiver", "soapenv:Client": "soapenv:Sender"}


class IpsFault(Fault):  # type: ignore[misc]
    """Carries an ``IpsError`` through spyne's pipeline to our serializer."""

    def __init__(self, error: IpsError) -> None:
        # "Client." tells spyne this is an answer, not a server bug to log with a
        # traceback; the wire faultcode comes from FAULT_SHAPES, not from here.
        super().__init__(faultcode="Client.IpsFault", faultstring=error.reason)
        self.error = error


def fault_detail(error: IpsError) -> str:
    """The bare fault element (also the whole answer of the plain-XML binding)."""
    name = error.fault_element
    return (
        f'<tns:{name} xmlns:tns="{IPS_FAULT}">'
        f"<tns:code>{int(error.code)}</tns:code>"
        f"<tns:reason>{escape(error.reason)}</tns:reason>"
        f"</tns:{name}>"
    )


def fault_body(error: IpsError, version: SoapVersion = SOAP11) -> str:
    faultcode, faultstring = FAULT_SHAPES[error.fault_element]
    if version is SOAP11:
        return (
            "<soapenv:Fault>"
            f"<faultcode>{faultcode}</faultcode>"
            f"<faultstring>{faultstring}</faultstring>"
            f"<detail>{fault_detail(error)}</detail>"
            "</soapenv:Fault>"
        )
    return (
        "<soapenv:Fault>"
        f"<soapenv:Code><soapenv:Value>{_SOAP12_CODES[faultcode]}</soapenv:Value></soapenv:Code>"
        f'<soapenv:Reason><soapenv:Text xml:lang="en-US">{faultstring}</soapenv:Text>'
        "</soapenv:Reason>"
        f"<soapenv:Detail>{fault_detail(error)}</soapenv:Detail>"
        "</soapenv:Fault>"
    )


def fault_envelope(error: IpsError, version: SoapVersion = SOAP11) -> bytes:
    """The fault as ``version`` answers it (the plain-XML binding: the bare element)."""
    if version.bare:
        return version.wrap(fault_detail(error))
    return version.wrap(fault_body(error, version))
