"""XML namespace constants used on the wire (names as the IPS reference gives them)."""

from __future__ import annotations

SOAP_ENV_11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP_ENV_12 = "http://www.w3.org/2003/05/soap-envelope"
XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
WSDL_SOAP = "http://schemas.xmlsoap.org/wsdl/soap/"
WSDL_SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/"

#: The WSDL definitions namespace of every IPS WSDL (messages, portType, binding).
IPS_WSDL = "http://www.scene7.com/IpsApi"
#: Legacy (pre-3.8) ``AuthUser``/``AuthPassword`` header elements live here.
IPS_LEGACY_AUTH = "http://www.scene7.com/IpsApi"
#: ``authHeader`` and the three fault elements, in every API version; and the
#: operations and types of the pre-4.0 version (``IpsApi.wsdl``).
IPS_XSD = "http://www.scene7.com/IpsApi/xsd"
IPS_FAULT = IPS_XSD
#: API 4.0 operations and types.
IPS_2008_01_15 = "http://www.scene7.com/IpsApi/xsd/2008-01-15"
#: API 6.6 and 6.8, the versions most real clients are built from.
IPS_2013_02_15 = "http://www.scene7.com/IpsApi/xsd/2013-02-15"
IPS_2014_04_03 = "http://www.scene7.com/IpsApi/xsd/2014-04-03"
