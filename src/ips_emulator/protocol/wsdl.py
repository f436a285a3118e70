"""Writes the WSDL of an API version from the declarations, in the style of Adobe's WSDLs.

The committed files in ``wsdl/`` are this module's output (``make wsdl``); a
test regenerates them and fails on any drift, and the server serves the
committed file. Layout follows the real 2013-02-15 WSDL: definitions in
``http://www.scene7.com/IpsApi``, types in the versioned namespace, faults and
``authHeader`` in ``http://www.scene7.com/IpsApi/xsd``, one ``message`` per
input/output, ``IpsApiPortType``, ``IpsApiServiceSoapBinding``, ``IpsApiService``.
Pre-4.0 types live in ``http://www.scene7.com/IpsApi/xsd`` too, so that version
has a single schema holding types, operation elements, faults and ``authHeader``.
"""

from __future__ import annotations

from ips_emulator.ns import IPS_WSDL, IPS_XSD
from ips_emulator.protocol.schema import (
    ALL_DECLARED_SINCE,
    BETAS,
    SIMPLE_TYPES,
    VERSIONED_AUTH_HEADER_SINCE,
    VERSIONS,
    Field,
    Operation,
    Registry,
    version_index,
)

#: Stands in for the real address in the committed file; replaced when served.
ADDRESS_PLACEHOLDER = "http://ips-emulator.invalid/scene7/services/IpsApiService"
FAULTS = ("ipsApiFault", "authenticationFault", "authorizationFault")

# authHeader as the IPS reference gives it for 4.0 (docs/reference/ips-api/protocol.md):
# a sequence with user and password required. Before 4.0 it had only those two: 4.0
# added the other five (protocol.md section 3). The real 2013-02-15 WSDL has an
# all-optional xs:all with accessToken; 2014-04-03 adds a sequence in the
# versioned namespace where appName and appVersion are required.
_AUTH_HEADER_PRE_40 = (
    ("user", "string", 1),
    ("password", "string", 1),
)
_AUTH_HEADER_2008 = (
    ("user", "string", 1),
    ("password", "string", 1),
    ("locale", "string", 0),
    ("appName", "string", 0),
    ("appVersion", "string", 0),
    ("gzipResponse", "boolean", 0),
    ("faultHttpStatusCode", "int", 0),
)
_AUTH_HEADER_ALL = (
    ("user", "string", 0),
    ("password", "string", 0),
    ("accessToken", "string", 0),
    ("locale", "string", 0),
    ("appName", "string", 0),
    ("appVersion", "string", 0),
    ("gzipResponse", "boolean", 0),
    ("faultHttpStatusCode", "int", 0),
)
_AUTH_HEADER_VERSIONED = tuple(
    (name, type_, 1 if name in ("appName", "appVersion") else 0)
    for name, type_, _ in _AUTH_HEADER_ALL
)
#: The beta namespaces' versioned authHeader adds samlResponse after accessToken (the
#: generated Axis2 and JAXB classes of docs/versions.md); the unversioned one is unchanged.
_AUTH_HEADER_BETA = (
    *_AUTH_HEADER_VERSIONED[:3],
    ("samlResponse", "string", 0),
    *_AUTH_HEADER_VERSIONED[3:],
)
#: The unversioned authHeader per version: (model group, fields); later versions have _ALL.
#: No document shows it between 4.0 and 6.6: those versions keep the 4.0 sequence
#: (docs/decisions.md).
_AUTH_HEADERS = {
    version: ("sequence", _AUTH_HEADER_PRE_40 if version == "xsd" else _AUTH_HEADER_2008)
    for version in VERSIONS[: version_index(ALL_DECLARED_SINCE)]
}


def _schema_start(namespace: str) -> str:
    return (
        '    <schema xmlns="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:types="{namespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'targetNamespace="{namespace}" elementFormDefault="qualified">'
    )


def _auth_header(group: str, fields: tuple[tuple[str, str, int], ...]) -> list[str]:
    lines = ['      <element name="authHeader">', "        <complexType>", f"          <{group}>"]
    for name, type_, min_occurs in fields:
        occurs = "" if min_occurs else ' minOccurs="0"'
        lines.append(f'            <element name="{name}" type="xsd:{type_}"{occurs} />')
    return [
        *lines,
        f"          </{group}>",
        '          <anyAttribute namespace="##other" processContents="lax" />',
        "        </complexType>",
        "      </element>",
    ]


def _element(f: Field, indent: str) -> str:
    type_ = f"xsd:{f.type}" if f.type in SIMPLE_TYPES else f"types:{f.type}"
    attrs = f'name="{f.name}" type="{type_}"'
    if f.min_occurs != 1:
        attrs += f' minOccurs="{f.min_occurs}"'
    if f.max_occurs != 1:
        attrs += f' maxOccurs="{"unbounded" if f.max_occurs is None else f.max_occurs}"'
    return f"{indent}<element {attrs} />"


def _sequence(fields: list[Field], indent: str) -> list[str]:
    if not fields:
        return [f"{indent}<sequence />"]
    return [
        f"{indent}<sequence>",
        *(_element(f, indent + "  ") for f in fields),
        f"{indent}</sequence>",
    ]


class WsdlWriter:
    def __init__(self, registry: Registry, version: str, namespace: str) -> None:
        self.registry = registry
        self.version = version
        self.namespace = namespace
        self.operations = registry.operations_in(version)
        self.versioned_header = version_index(version) >= version_index(VERSIONED_AUTH_HEADER_SINCE)

    def _fields(self, fields: tuple[Field, ...]) -> list[Field]:
        return [f for f in fields if f.in_version(self.version)]

    def _type_declarations(self) -> list[str]:
        """complexTypes and operation elements (and the versioned authHeader, 2014-04-03 on)."""
        lines: list[str] = []
        for s in self.registry.structs_used(self.version):
            lines.append(f'      <complexType name="{s.name}">')
            lines += _sequence(self._fields(s.fields), "        ")
            lines.append("      </complexType>")
        for op in self.operations:
            for name, fields in ((op.param_element, op.param), (op.return_element, op.result)):
                lines += [f'      <element name="{name}">', "        <complexType>"]
                lines += _sequence(self._fields(fields), "          ")
                lines += ["        </complexType>", "      </element>"]
        if self.versioned_header:
            beta = self.version in BETAS
            lines += _auth_header("sequence", _AUTH_HEADER_BETA if beta else _AUTH_HEADER_VERSIONED)
        return lines

    def _header_declarations(self) -> list[str]:
        """The three fault elements and the unversioned authHeader."""
        lines: list[str] = []
        for fault in FAULTS:
            lines += [
                f'      <element name="{fault}">',
                "        <complexType>",
                "          <sequence>",
                '            <element name="code" type="xsd:int" />',
                '            <element name="reason" type="xsd:string" />',
                "          </sequence>",
                '          <anyAttribute namespace="##other" processContents="lax" />',
                "        </complexType>",
                "      </element>",
            ]
        group, fields = _AUTH_HEADERS.get(self.version, ("all", _AUTH_HEADER_ALL))
        return lines + _auth_header(group, fields)

    def _schemas(self) -> list[str]:
        end = "    </schema>"
        if self.namespace == IPS_XSD:  # pre-4.0: one namespace, so one schema
            return [_schema_start(IPS_XSD), *self._type_declarations(),
                    *self._header_declarations(), end]  # fmt: skip
        return [
            _schema_start(self.namespace), *self._type_declarations(), end, "",
            _schema_start(IPS_XSD), *self._header_declarations(), end,
        ]  # fmt: skip

    def _messages(self) -> list[str]:
        lines: list[str] = []
        for op in self.operations:
            lines += [
                f'  <message name="{op.name}">',
                f'    <part element="types:{op.param_element}" name="input"/>',
                "  </message>",
                f'  <message name="{op.name}Response">',
                f'    <part element="types:{op.return_element}" name="output"/>',
                "  </message>",
                "",
            ]
        for fault in FAULTS:
            lines += [
                f'  <message name="{fault}Exception">',
                f'    <part element="flt:{fault}" name="fault"/>',
                "  </message>",
                "",
            ]
        lines += [
            '  <message name="authHeader">',
            '    <part element="hdr:authHeader" name="authHeader"/>',
            "  </message>",
            "",
        ]
        return lines

    def _port_type(self) -> list[str]:
        lines = ['  <portType name="IpsApiPortType">']
        for op in self.operations:
            lines += [
                f'    <operation name="{op.name}">',
                f'      <input message="tns:{op.name}" name="{op.name}"/>',
                f'      <output message="tns:{op.name}Response" name="{op.name}Response"/>',
                *(f'      <fault message="tns:{f}Exception" name="{f}"/>' for f in FAULTS),
                "    </operation>",
            ]
        lines += ["  </portType>", ""]
        return lines

    def _binding_operation(self, op: Operation, soap: str) -> list[str]:
        body = f'<{soap}:body namespace="{IPS_WSDL}" use="literal"/>'
        lines = [
            f'    <operation name="{op.name}">',
            f'      <{soap}:operation soapAction="{op.name}"/>',
            f'      <input name="{op.name}">',
            f"        {body}",
            f'        <{soap}:header message="tns:authHeader" part="authHeader" '
            f'namespace="{IPS_WSDL}" use="literal"/>',
            "      </input>",
            f'      <output name="{op.name}Response">',
            f"        {body}",
            "      </output>",
        ]
        for fault in FAULTS:
            lines += [
                f'      <fault name="{fault}">',
                f'        <{soap}:fault namespace="{IPS_WSDL}" use="literal"/>',
                "      </fault>",
            ]
        lines.append("    </operation>")
        return lines

    def _binding(self, name: str, soap: str) -> list[str]:
        lines = [
            f'  <binding name="{name}" type="tns:IpsApiPortType">',
            f'    <{soap}:binding style="document" '
            'transport="http://schemas.xmlsoap.org/soap/http"/>',
        ]
        for op in self.operations:
            lines += self._binding_operation(op, soap)
        lines += ["  </binding>", ""]
        return lines

    def write(self) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<definitions name="IpsApi"',
            f'    targetNamespace="{IPS_WSDL}"',
            '    xmlns="http://schemas.xmlsoap.org/wsdl/"',
            '    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"',
            '    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"',
            f'    xmlns:tns="{IPS_WSDL}"',
            f'    xmlns:types="{self.namespace}"',
            f'    xmlns:hdr="{self.namespace if self.versioned_header else IPS_XSD}"',
            f'    xmlns:flt="{IPS_XSD}">',
            "",
            "  <types>",
            *self._schemas(),
            "  </types>",
            "",
            *self._messages(),
            *self._port_type(),
            *self._binding("IpsApiServiceSoapBinding", "soap"),
            *self._binding("IpsApiServiceSoap12Binding", "soap12"),
            '  <service name="IpsApiService">',
            '    <port binding="tns:IpsApiServiceSoapBinding" name="IpsApiSoapPort">',
            f'      <soap:address location="{ADDRESS_PLACEHOLDER}"/>',
            "    </port>",
            '    <port binding="tns:IpsApiServiceSoap12Binding" name="IpsApiSoap12Port">',
            f'      <soap12:address location="{ADDRESS_PLACEHOLDER}"/>',
            "    </port>",
            "  </service>",
            "</definitions>",
        ]
        return "\n".join(lines) + "\n"


def wsdl_file_name(version: str) -> str:
    return "IpsApi.wsdl" if version == "xsd" else f"IpsApi-{version}.wsdl"
