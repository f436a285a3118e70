"""The served 2013-02-15 and 2014-04-03 WSDLs say what Adobe's say, operation by operation.

Adobe's WSDLs (docs/reference/real-service/wsdl) and ours are read into the same
shape: every complexType and element of each schema, every message, the portType's
operations, and each binding's operations with their SOAP details. Layout,
order and namespace declarations may differ; nothing a client generator reads may.
A zeep client built from each must then offer the same signatures.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import zeep
from lxml import etree

from tests.helpers import REFERENCE

ADOBE = REFERENCE / "real-service" / "wsdl"
OURS = Path(__file__).resolve().parents[3] / "wsdl"
VERSIONS = ("2013-02-15", "2014-04-03")
XS = "{http://www.w3.org/2001/XMLSchema}"
WSDL = "{http://schemas.xmlsoap.org/wsdl/}"
IPS_XSD = "http://www.scene7.com/IpsApi/xsd"


def _sequence(complex_type: etree._Element | None) -> tuple[tuple[str | None, ...], ...]:
    if complex_type is None:
        return ()
    return tuple(
        (el.get("name"), el.get("type"), el.get("minOccurs", "1"), el.get("maxOccurs", "1"))
        for el in complex_type.iter(f"{XS}element")
    )


def _tree(element: etree._Element) -> tuple[Any, ...]:
    """An element as (tag, attributes, children): no text, layout or namespace declarations."""
    children = sorted(_tree(c) for c in element if isinstance(c.tag, str))
    return (element.tag, tuple(sorted(element.attrib.items())), tuple(children))


def _declares(complex_type: etree._Element | None) -> tuple[str, ...]:
    """What a complexType holds besides its elements (xs:all, anyAttribute...)."""
    if complex_type is None:
        return ()
    return tuple(sorted({e.tag for e in complex_type.iter() if isinstance(e.tag, str)}))


@cache
def contract(path: Path) -> dict[Any, Any]:
    root = etree.parse(str(path)).getroot()
    out: dict[Any, Any] = {}
    for schema in root.iter(f"{XS}schema"):
        # The versioned schema, or the one of faults and authHeader.
        namespace = "versioned" if schema.get("targetNamespace") != IPS_XSD else "unversioned"
        out["types", namespace] = {
            ct.get("name"): (_sequence(ct), _declares(ct))
            for ct in schema.findall(f"{XS}complexType")
        }
        out["elements", namespace] = {
            el.get("name"): (
                el.get("type"),
                _sequence(el.find(f"{XS}complexType")),
                _declares(el.find(f"{XS}complexType")),
            )
            for el in schema.findall(f"{XS}element")
        }
    out["messages"] = {m.get("name"): _tree(m) for m in root.findall(f"{WSDL}message")}
    port_type = root.find(f"{WSDL}portType")
    assert port_type is not None
    out["portType"] = {op.get("name"): _tree(op) for op in port_type}
    for binding in root.findall(f"{WSDL}binding"):
        out["binding", binding.get("name")] = {
            op.get("name"): _tree(op) for op in binding.findall(f"{WSDL}operation")
        }
        out["binding style", binding.get("name")] = [
            _tree(c) for c in binding if c.tag != f"{WSDL}operation"
        ]
    return out


def _pairs() -> list[tuple[Any, str]]:
    keys = contract(ADOBE / f"IpsApi-{VERSIONS[0]}.wsdl").keys()
    return [(key, version) for version in VERSIONS for key in keys]


@pytest.mark.parametrize(("part", "version"), _pairs(), ids=lambda x: str(x))
def test_each_part_of_the_wsdl_is_adobes(part: Any, version: str) -> None:
    adobe = contract(ADOBE / f"IpsApi-{version}.wsdl")
    ours = contract(OURS / f"IpsApi-{version}.wsdl")
    assert set(ours) == set(adobe)
    mine, theirs = ours[part], adobe[part]
    if isinstance(theirs, dict):
        assert sorted(mine) == sorted(theirs), (
            f"only Adobe's: {sorted(set(theirs) - set(mine))}, "
            f"only ours: {sorted(set(mine) - set(theirs))}"
        )
        for name in theirs:
            assert mine[name] == theirs[name], name
    else:
        assert mine == theirs


def test_adobes_wsdls_have_all_166_operations() -> None:
    """The count the issue names, as a check on the reading itself."""
    names = {
        name
        for version in VERSIONS
        for name in contract(ADOBE / f"IpsApi-{version}.wsdl")["portType"]
    }
    assert len(names) == 166


@cache
def _zeep_operations(path: Path) -> dict[str, tuple[str, str]]:
    client = zeep.Client(str(path))
    binding = client.service._binding
    return {
        name: (op.input.signature(), op.output.signature())
        for name, op in binding._operations.items()
    }


@pytest.mark.parametrize("version", VERSIONS)
def test_a_client_generated_from_ours_is_the_one_from_adobes(version: str) -> None:
    adobe = _zeep_operations(ADOBE / f"IpsApi-{version}.wsdl")
    ours = _zeep_operations(OURS / f"IpsApi-{version}.wsdl")
    assert sorted(ours) == sorted(adobe)
    for name, signatures in adobe.items():
        assert ours[name] == signatures, name
