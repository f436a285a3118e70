"""The one XML parser every request goes through: no DTDs, no entities, no network.

libxml2 parses with every loading and resolving switch off, and hands each event to
``_BoundedTarget``, which builds the tree and aborts the parse at the first thing a
SOAP request may not hold: a DOCTYPE (rejected when it is opened, before its internal
subset is read, so no entity is ever declared, let alone expanded), a processing
instruction (SOAP 1.1 section 3 forbids them; the real Axis2 service rejects them),
an XInclude element (never processed), or more than ``XmlLimits`` allows. The limits
are checked as elements arrive, so the work done on a hostile request is bounded by
the limits, not by its size. Every refusal is ``ipsApiFault`` 30003.

That target costs a Python call per event, ten times the parse itself. A request
that cannot hold any of those things (no ``<!``, no ``&``, no processing instruction
but the XML declaration, no NUL byte) is parsed by libxml2's own tree builder
instead, its size already bounded by the body limit, and its tree then checked
against the same limits; when anything fails there, the bounded parser runs and
gives the refusal, so both paths refuse and accept alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from lxml import etree

from ips_emulator.errors import FaultCode, IpsApiError

_XINCLUDE = ("{http://www.w3.org/2001/XInclude}", "{http://www.w3.org/2003/XInclude}")


@dataclass(frozen=True, slots=True)
class XmlLimits:
    """Bounds on a request document (defaults as ``Settings``'; SECURITY.md)."""

    #: Elements nested deeper than this are refused (the envelope is level 1).
    max_depth: int = 100
    #: Elements in the whole document.
    max_elements: int = 100_000
    #: Attributes plus namespace declarations on one element.
    max_attributes: int = 50
    #: Characters in one text node (CDATA included) or one attribute value.
    max_text: int = 1024 * 1024


class RequestXmlError(Exception):
    """Raised inside the parser target to stop libxml2 at once."""


def _invalid(reason: str) -> IpsApiError:
    return IpsApiError(FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML, reason)


class _BoundedTarget:
    """An lxml parser target: an ``etree.TreeBuilder`` that enforces ``XmlLimits``."""

    def __init__(self, limits: XmlLimits) -> None:
        self.limits = limits
        # Any: the stubs do not know TreeBuilder.start's documented ``nsmap`` argument.
        self.builder: Any = etree.TreeBuilder()
        self.depth = 0
        self.elements = 0
        self.text = 0  # characters in the text node being read
        #: Namespaces declared on the element about to start (``start_ns`` comes first).
        self.declared: dict[str | None, str] = {}
        #: The refusal, kept because lxml replaces callback errors with its own.
        self.error: RequestXmlError | None = None

    def _refuse(self, reason: str) -> RequestXmlError:
        self.error = RequestXmlError(reason)
        return self.error

    def start_ns(self, prefix: str, uri: str) -> None:
        """A declaration on the next element; lxml's documented target event for it."""
        self.declared[prefix or None] = uri  # TreeBuilder wants the default under None
        if len(self.declared) > self.limits.max_attributes:
            raise self._attribute_refusal("the next element")

    def end_ns(self, prefix: str) -> None:
        """Scopes are the tree's business: TreeBuilder knows each element's nsmap."""

    def start(self, tag: str, attrib: dict[str, str]) -> Any:
        limits = self.limits
        self.depth += 1
        self.elements += 1
        self.text = 0
        if tag.startswith(_XINCLUDE):
            raise self._refuse("XInclude elements are not allowed (they are never processed).")
        if self.depth > limits.max_depth:
            raise self._refuse(
                f"elements are nested deeper than {limits.max_depth} levels "
                "(the element depth limit, IPS_EMULATOR_MAX_XML_DEPTH)."
            )
        if self.elements > limits.max_elements:
            raise self._refuse(
                f"the document has more than {limits.max_elements} elements "
                "(the element count limit, IPS_EMULATOR_MAX_XML_ELEMENTS)."
            )
        declared = self.declared
        if not (attrib or declared):
            return self.builder.start(tag, attrib)
        if len(attrib) + len(declared) > limits.max_attributes:
            raise self._attribute_refusal(f"element {tag}")
        if any(len(value) > limits.max_text for value in attrib.values()):
            raise self._refuse(self._text_reason())
        self.declared = {}
        return self.builder.start(tag, attrib, declared)

    def _attribute_refusal(self, element: str) -> RequestXmlError:
        return self._refuse(
            f"{element} has more than {self.limits.max_attributes} attributes "
            "(the attribute count limit, IPS_EMULATOR_MAX_XML_ATTRIBUTES)."
        )

    def _text_reason(self) -> str:
        return (
            f"a text node or attribute value is longer than {self.limits.max_text} characters "
            "(the text size limit, IPS_EMULATOR_MAX_XML_TEXT)."
        )

    def end(self, tag: str) -> Any:
        self.depth -= 1
        self.text = 0
        return self.builder.end(tag)

    def data(self, text: str) -> None:
        self.text += len(text)
        if self.text > self.limits.max_text:
            raise self._refuse(self._text_reason())
        self.builder.data(text)

    def comment(self, text: str) -> None:
        """Comments are dropped: the text around one joins into one node (and one count)."""

    def pi(self, target: str, data: str) -> None:
        raise self._refuse("processing instructions are not allowed in a SOAP message.")

    def doctype(self, name: str, public_id: str | None, system_id: str | None) -> None:
        # libxml2 reports the DOCTYPE as it opens, before any of its declarations.
        raise self._refuse("DOCTYPE declarations are not allowed.")

    def close(self) -> etree._Element | None:
        """The root; lxml also calls this after a failed parse, where it must not raise."""
        if self.error is not None:
            raise self.error
        try:
            root: etree._Element = self.builder.close()
        except etree.XMLSyntaxError:  # unfinished tree: lxml re-raises the real parse error
            return None
        return root


_PLAIN_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, collect_ids=False
)
_XML_DECLARATION = re.compile(rb"(\xef\xbb\xbf)?<\?xml\s")


def _plain(data: bytes) -> bool:
    """No DOCTYPE, comment, CDATA, entity or processing instruction can be in ``data``."""
    if b"<!" in data or b"&" in data or b"\x00" in data:
        return False
    instructions = data.count(b"<?")
    return instructions == 0 or (instructions == 1 and _XML_DECLARATION.match(data) is not None)


def _within(root: etree._Element, limits: XmlLimits, declarations: int) -> bool:
    """The tree is within ``limits``; ``declarations`` bounds the namespace declarations
    on any one element (counted in the text), so ``nsmap`` is read only when needed."""
    for elements, element in enumerate(root.iter(), start=1):
        tag, attrib = element.tag, element.attrib
        if elements > limits.max_elements or not isinstance(tag, str):
            return False
        if tag.startswith(_XINCLUDE):
            return False
        if len(attrib) + declarations > limits.max_attributes and (
            len(attrib) + len(element.nsmap) > limits.max_attributes  # inherited too: stricter
        ):
            return False
        if attrib and max(len(value) for value in attrib.values()) > limits.max_text:
            return False
        if len(element.text or "") > limits.max_text or len(element.tail or "") > limits.max_text:
            return False
        # The deepest elements are leaves: only they need their ancestors counted.
        if not len(element) and sum(1 for _ in element.iterancestors()) >= limits.max_depth:
            return False
    return True


def _surely_within(data: bytes, limits: XmlLimits) -> bool:
    """Bounds read off plain text (``_plain``) that imply ``_within``, without walking
    the tree (a tenth of a small call): every element takes a '<' of its own, every
    ancestor of one a start and an end tag, every attribute and namespace declaration
    in scope an '=', and an XInclude element its namespace's name."""
    opened = data.count(b"<")
    return (
        opened <= limits.max_elements
        and (opened - 1) // 2 < limits.max_depth
        and data.count(b"=") <= limits.max_attributes
        and len(data) <= limits.max_text
        and b"XInclude" not in data
    )


def _parse_plain(data: bytes, limits: XmlLimits) -> etree._Element | None:
    """The root of a plain, bounded request; None where the bounded parser must decide."""
    if not _plain(data):
        return None
    try:
        root = etree.fromstring(data, _PLAIN_PARSER)
    except (etree.LxmlError, ValueError):
        return None
    if _surely_within(data, limits) or _within(root, limits, data.count(b"xmlns")):
        return root
    return None


def parse_request(data: bytes, limits: XmlLimits | None = None) -> etree._Element:
    """The request's root element; ``ipsApiFault`` 30003 for anything but plain, bounded XML."""
    if not data.strip():
        raise _invalid("Invalid request XML: the request body is empty.")
    limits = limits or XmlLimits()
    root = _parse_plain(data, limits)
    return root if root is not None else _parse_bounded(data, limits)


def _parse_bounded(data: bytes, limits: XmlLimits) -> etree._Element:
    target = _BoundedTarget(limits)
    parser = etree.XMLParser(
        # The stubs' ParserTarget does not know start_ns/end_ns (lxml >= 4.4 documents them).
        target=cast("etree.ParserTarget", target),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except RequestXmlError as exc:
        raise _invalid(f"Invalid request XML: {exc}") from None
    except (etree.LxmlError, ValueError) as exc:  # XMLSyntaxError and kin: not well-formed
        message = getattr(exc, "msg", None) or "the request is not well-formed XML."
        raise _invalid(f"Invalid request XML: {message}") from None
    if target.error is not None:  # defensive: a refusal lxml did not pass on
        raise _invalid(f"Invalid request XML: {target.error}")
    if not isinstance(root, etree._Element):
        raise _invalid("Invalid request XML: the document has no root element.")
    return root
