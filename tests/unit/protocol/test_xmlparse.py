"""The request parser: plain XML in, every DTD, entity, PI and XInclude refused, bounds kept."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ips_emulator.config import Settings
from ips_emulator.errors import FaultCode, IpsApiError
from ips_emulator.protocol import xmlparse
from ips_emulator.protocol.xmlparse import XmlLimits, parse_request
from ips_emulator.server.limits import xml_limits

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
SMALL = XmlLimits(max_depth=3, max_elements=5, max_attributes=2, max_text=10)


def refusal(data: bytes, limits: XmlLimits | None = None) -> str:
    """The 30003 reason ``parse_request`` gives for ``data`` (the test fails if it parses)."""
    with pytest.raises(IpsApiError) as caught:
        parse_request(data, limits)
    assert caught.value.code == FaultCode.IPS_API_FAULT_CODE_INVALID_REQUEST_XML
    assert caught.value.reason.startswith("Invalid request XML: ")
    return caught.value.reason


def nested(depth: int) -> bytes:
    return b"<a>" * depth + b"</a>" * depth


def test_plain_xml_keeps_prefixes_namespaces_text_and_tails() -> None:
    root = parse_request(
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:x="urn:x"><s:Body><op xmlns="urn:op" x:a="1">'
        "t<!-- dropped -->u<![CDATA[<c>]]>&amp;&#65;<y/>tail</op></s:Body></s:Envelope>".encode()
    )
    assert root.tag == f"{{{SOAP}}}Envelope"
    assert root.nsmap == {"s": SOAP, "x": "urn:x"}
    op = root[0][0]
    assert op.nsmap[None] == "urn:op"
    assert op.get("{urn:x}a") == "1"
    assert op.text == "tu<c>&A"
    assert op[0].tail == "tail"
    assert etree.QName(op[0]).namespace == "urn:op"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "DOCTYPE"),
        (b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x/>', "DOCTYPE"),
        (b'<!DOCTYPE x PUBLIC "-//X//Y" "x.dtd"><x/>', "DOCTYPE"),
        (b"<!DOCTYPE x><x/>", "DOCTYPE"),
        (b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><x/>', "DOCTYPE"),
        # Refused as it opens: a broken internal subset is never even read.
        (b"<!DOCTYPE x [<!ENTITY broken ]><x/>", "DOCTYPE"),
        (b"<x><?php echo 1; ?></x>", "processing instructions"),
        (b'<?xml-stylesheet href="x.xsl"?><x/>', "processing instructions"),
        (b"<x/><?after?>", "processing instructions"),
        (
            b'<x xmlns:xi="http://www.w3.org/2001/XInclude">'
            b'<xi:include href="file:///etc/passwd" parse="text"/></x>',
            "XInclude",
        ),
        (b'<include xmlns="http://www.w3.org/2003/XInclude" href="/etc/passwd"/>', "XInclude"),
        (b"<x>&undeclared;</x>", "Entity 'undeclared' not defined"),
    ],
)
def test_dtds_entities_pis_and_xinclude_are_refused(data: bytes, needle: str) -> None:
    assert needle in refusal(data)


def test_billion_laughs_is_refused_at_once() -> None:
    entities = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' if i else '<!ENTITY l0 "lol">' for i in range(10)
    )
    data = f"<!DOCTYPE x [{entities}]><x>&l9;</x>".encode()
    started = time.perf_counter()
    assert "DOCTYPE" in refusal(data)
    assert time.perf_counter() - started < 1.0  # microseconds in fact; a generous bound


def test_doctype_is_found_in_utf16_documents() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16")
    assert "DOCTYPE" in refusal(data)


@pytest.mark.parametrize(
    "data",
    [
        b"not xml at all",
        b"<a><b></a>",
        b"<a>",
        b'{"json": true}',
        b"<a/><b/>",
        b'<?xml version="1.0" encoding="UTF-16"?><x/>',  # says UTF-16, is UTF-8
        '<?xml version="1.0" encoding="UTF-8"?><x>é</x>'.encode("latin-1"),
        b"<x>\x01</x>",
        b"<x>&#1;</x>",
        b"\x00",
    ],
)
def test_malformed_documents_are_refused(data: bytes) -> None:
    refusal(data)


@pytest.mark.parametrize("data", [b"", b"  \r\n\t "])
def test_empty_documents_are_refused(data: bytes) -> None:
    assert "empty" in refusal(data)


def test_depth_limit_counts_the_root() -> None:
    assert parse_request(nested(3), SMALL).tag == "a"
    assert "deeper than 3 levels" in refusal(nested(4), SMALL)
    assert "IPS_EMULATOR_MAX_XML_DEPTH" in refusal(nested(4), SMALL)


def test_depth_goes_down_again_after_an_end_tag() -> None:
    siblings = b"<a>" + b"<b><c/></b>" * 2 + b"</a>"
    assert len(parse_request(siblings, SMALL)) == 2


def test_element_limit() -> None:
    assert len(parse_request(b"<a>" + b"<b/>" * 4 + b"</a>", SMALL)) == 4
    reason = refusal(b"<a>" + b"<b/>" * 5 + b"</a>", SMALL)
    assert "more than 5 elements" in reason
    assert "IPS_EMULATOR_MAX_XML_ELEMENTS" in reason


def test_attribute_limit_counts_namespace_declarations() -> None:
    assert parse_request(b'<a x="1" xmlns:p="urn:p"/>', SMALL).get("x") == "1"
    assert "more than 2 attributes" in refusal(b'<a x="1" y="2" z="3"/>', SMALL)
    assert "more than 2 attributes" in refusal(b'<a x="1" xmlns="urn:a" xmlns:p="urn:p"/>', SMALL)


def test_text_limit_covers_text_tails_cdata_and_attribute_values() -> None:
    assert parse_request(b"<a>0123456789</a>", SMALL).text == "0123456789"
    for data in (
        b"<a>0123456789X</a>",
        b"<a><b/>0123456789X</a>",
        b"<a><![CDATA[0123456789X]]></a>",
        b"<a>01234<!-- joins -->56789X</a>",
        b'<a v="0123456789X"/>',
        b"<a>&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;</a>",
    ):
        assert "longer than 10 characters" in refusal(data, SMALL), data


def test_separate_text_nodes_are_counted_separately() -> None:
    root = parse_request(b"<a>0123456789<b/>0123456789</a>", SMALL)
    assert root[0].tail == "0123456789"


def test_default_limits_at_and_over_each_bound() -> None:
    limits = XmlLimits()
    assert parse_request(nested(limits.max_depth)) is not None
    assert "deeper than 100 levels" in refusal(nested(limits.max_depth + 1))
    many = b"<a>" + b"<b/>" * (limits.max_elements - 1) + b"</a>"
    assert len(parse_request(many)) == limits.max_elements - 1
    assert "more than 100000 elements" in refusal(many.replace(b"<a>", b"<a><b/>"))
    attrs = " ".join(f'a{i}="{i}"' for i in range(limits.max_attributes))
    assert len(parse_request(f"<a {attrs}/>".encode()).attrib) == 50
    assert "more than 50 attributes" in refusal(f'<a {attrs} z="1"/>'.encode())
    text = b"x" * limits.max_text
    assert len(parse_request(b"<a>" + text + b"</a>").text or "") == 1024 * 1024
    assert "longer than 1048576 characters" in refusal(b"<a>" + text + b"x</a>")


def test_default_limits_are_the_settings_defaults() -> None:
    assert xml_limits(Settings()) == XmlLimits()
    custom = Settings(max_xml_depth=7, max_xml_elements=8, max_xml_attributes=9, max_xml_text=10)
    assert xml_limits(custom) == XmlLimits(7, 8, 9, 10)


PLAIN_REQUESTS = [
    b'<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope xmlns:s="' + SOAP.encode() + b'">'
    b'<s:Header><authHeader xmlns="urn:h"><user>u</user></authHeader></s:Header>'
    b'<s:Body><op xmlns="urn:op" a="1"><x>t</x>tail<y/></op></s:Body></s:Envelope>',
    "\ufeff<a>é ü 日本</a>".encode(),
    b"<a>\n  <b/>\n</a>",
]


@pytest.mark.parametrize("data", PLAIN_REQUESTS)
def test_plain_requests_skip_the_bounded_parser_and_build_the_same_tree(data: bytes) -> None:
    fast = xmlparse._parse_plain(data, XmlLimits())
    assert fast is not None
    bounded = xmlparse._parse_bounded(data, XmlLimits())
    assert etree.tostring(fast) == etree.tostring(bounded)


@pytest.mark.parametrize(
    "data",
    [
        nested(4),
        b"<a>" + b"<b/>" * 5 + b"</a>",
        b'<a x="1" y="2" z="3"/>',
        b'<a xmlns="urn:a" xmlns:p="urn:p" xmlns:q="urn:q"/>',
        b"<a>0123456789X</a>",
        b"<a><b/>0123456789X</a>",
        b'<a v="0123456789X"/>',
        b'<x:include xmlns:x="http://www.w3.org/2001/XInclude"/>',
        b"<?xml-stylesheet href='x'?><a/>",
        b"<a><b></a>",
        b"<!DOCTYPE a><a/>",
        b"<a>&amp;</a>",
    ],
)
def test_anything_else_is_left_to_the_bounded_parser(data: bytes) -> None:
    """Over a limit, or not plain: the bounded parser decides, and gives the reason."""
    assert xmlparse._parse_plain(data, SMALL) is None


# --- the text's bounds that spare the walk over the tree ------------------------------

_NAMESPACES = ["urn:a", "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """A small plain document: elements with attributes, namespace declarations
    (XInclude's among them), texts and tails of several lengths."""
    prefix = draw(st.sampled_from(["", "p:"]))
    declare = draw(st.lists(st.sampled_from(_NAMESPACES), max_size=2))
    attributes = draw(st.lists(st.text("xy", min_size=0, max_size=12), max_size=3))
    text = draw(st.text("t", max_size=12))
    children = (
        draw(st.lists(documents(depth + 1), max_size=3)) if depth < 4 else []  # type: ignore[call-arg]
    )
    names = [f' xmlns:p="{declare[0]}"' if declare else ' xmlns:p="urn:p"']
    names += [f' xmlns="{uri}"' for uri in declare[1:]]
    values = "".join(f' a{i}="{v}"' for i, v in enumerate(attributes))
    tail = draw(st.text("u", max_size=12))
    return f"<{prefix}e{''.join(names)}{values}>{text}{''.join(children)}</{prefix}e>{tail}"


@settings(max_examples=300, deadline=None)
@given(
    documents(),
    st.builds(
        XmlLimits,
        st.integers(1, 6),
        st.integers(1, 30),
        st.integers(1, 8),
        st.integers(1, 400),
    ),
)
def test_the_texts_bounds_never_let_through_what_the_walk_refuses(
    document: str, limits: XmlLimits
) -> None:
    data = document.rsplit(">", 1)[0].encode() + b">"  # no tail after the root
    root = etree.fromstring(data)
    if xmlparse._surely_within(data, limits):
        assert xmlparse._within(root, limits, data.count(b"xmlns"))
