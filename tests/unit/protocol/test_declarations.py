"""The type and operation declarations against Adobe's real WSDLs and recorded responses.

Every operation and complexType of Adobe's 2013-02-15 and 2014-04-03 WSDLs is
declared, and for each the fields seen in each of those versions are exactly the
real WSDL's elements: names, types, ``minOccurs``, ``maxOccurs``, in order. This
is what shows the declarations ``python -m ips_emulator.protocol.scaffold`` wrote
are current. Earlier versions are checked by the facts
docs/reference/ips-api/SPEC.md states and by the responses recorded from the live
2010-01-31 service.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

import pytest

from ips_emulator.protocol import types
from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.schema import SIMPLE_TYPES, VERSIONS, Field, Registry, version_index
from ips_emulator.protocol.types import ALL_STRUCTS, JOB_LOG_STRUCTS
from tests.helpers import REFERENCE

REF = REFERENCE / "real-service"
WSDL_DIR = REF / "wsdl"
RECORDED_DIR = REF / "recorded-2010-01-31"

XS = "{http://www.w3.org/2001/XMLSchema}"
WSDL_VERSIONS = ("2013-02-15", "2014-04-03")
BETAS = ("2016-01-14-beta", "2017-10-29-beta", "2021-01-11-beta")
EMULATED = tuple(op.name for op in REGISTRY.operations.values() if op.emulated)
OPERATIONS = tuple(REGISTRY.operations)
PARAMS = {op.name: op.param for op in REGISTRY.operations.values()}
RESULTS = {op.name: op.result for op in REGISTRY.operations.values()}
STRUCTS = {s.name: s for s in ALL_STRUCTS}

#: (name, type local name, minOccurs, maxOccurs; None = unbounded)
Element = tuple[str, str, int, int | None]


class Wsdl:
    """The complexTypes and global elements of a real WSDL's versioned schema."""

    def __init__(self, version: str) -> None:
        root = ET.parse(WSDL_DIR / f"IpsApi-{version}.wsdl").getroot()
        namespace = f"http://www.scene7.com/IpsApi/xsd/{version}"
        schemas = [s for s in root.iter(f"{XS}schema") if s.get("targetNamespace") == namespace]
        assert len(schemas) == 1
        schema = schemas[0]
        self._types = {ct.attrib["name"]: ct for ct in schema.findall(f"{XS}complexType")}
        self._elements = {el.attrib["name"]: el for el in schema.findall(f"{XS}element")}
        port_type = root.find("{http://schemas.xmlsoap.org/wsdl/}portType")
        assert port_type is not None
        self.operations = tuple(op.attrib["name"] for op in port_type)
        self.types = tuple(self._types)

    def has_type(self, name: str) -> bool:
        return name in self._types

    def complex_type(self, name: str) -> list[Element]:
        return self._sequence(self._types[name])

    def element(self, name: str) -> list[Element]:
        ct = self._elements[name].find(f"{XS}complexType")
        assert ct is not None, name
        return self._sequence(ct)

    @staticmethod
    def _sequence(ct: ET.Element) -> list[Element]:
        # Only plain sequences of elements: anything else would need a model we lack.
        kinds = {node.tag for node in ct.iter()} - {f"{XS}complexType", f"{XS}sequence"}
        assert kinds <= {f"{XS}element"}, (ct.get("name"), kinds)
        out: list[Element] = []
        for el in ct.iter(f"{XS}element"):
            max_occurs = el.get("maxOccurs", "1")
            out.append(
                (
                    el.attrib["name"],
                    el.attrib["type"].split(":")[-1],
                    int(el.get("minOccurs", "1")),
                    None if max_occurs == "unbounded" else int(max_occurs),
                )
            )
        return out

    def reachable(self, operations: tuple[str, ...]) -> set[str]:
        seen: set[str] = set()
        pending = [
            t
            for op in operations
            if op in self.operations
            for suffix in ("Param", "Return")
            for _, t, _, _ in self.element(op + suffix)
        ]
        while pending:
            name = pending.pop()
            if name in SIMPLE_TYPES or name in seen:
                continue
            seen.add(name)
            pending.extend(t for _, t, _, _ in self.complex_type(name))
        return seen


@cache
def wsdl(version: str) -> Wsdl:
    return Wsdl(version)


def ours(fields: tuple[Field, ...], version: str) -> list[Element]:
    return [(f.name, f.type, f.min_occurs, f.max_occurs) for f in fields if f.in_version(version)]


def is_in(since: str | None, version: str, until: str | None = None) -> bool:
    """Whether ``version`` is in [since, until), written out apart from schema.in_range."""
    after = since is None or version_index(version) >= version_index(since)
    return after and (until is None or version_index(version) < version_index(until))


def reachable(version: str) -> set[str]:
    seen: set[str] = set()
    pending = [
        f.type
        for op in REGISTRY.operations_in(version)
        for f in (*op.param, *op.result)
        if f.in_version(version)
    ]
    while pending:
        name = pending.pop()
        if name in SIMPLE_TYPES or name in seen:
            continue
        seen.add(name)
        pending.extend(f.type for f in STRUCTS[name].fields_in(version))
    return seen


# -- against the real WSDLs ------------------------------------------------------------


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_structs_match_the_real_wsdl(version: str) -> None:
    real = wsdl(version)
    checked = 0
    for s in ALL_STRUCTS:
        if not real.has_type(s.name):
            continue
        assert ours(s.fields, version) == real.complex_type(s.name), s.name
        checked += 1
    assert checked >= 110


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_a_struct_is_in_the_real_wsdl_exactly_from_its_version(version: str) -> None:
    real = wsdl(version)
    for s in ALL_STRUCTS:
        assert real.has_type(s.name) == is_in(s.since, version, s.until), s.name


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_operations_match_the_real_wsdl(version: str) -> None:
    real = wsdl(version)
    for op in REGISTRY.operations_in(version):
        assert ours(op.param, version) == real.element(f"{op.name}Param"), op.name
        assert ours(op.result, version) == real.element(f"{op.name}Return"), op.name


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_every_operation_of_the_real_wsdl_is_declared_in_it(version: str) -> None:
    declared = {op.name for op in REGISTRY.operations_in(version)}
    assert declared == set(wsdl(version).operations)


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_every_type_of_the_real_wsdl_is_declared(version: str) -> None:
    assert {s.name for s in ALL_STRUCTS if is_in(s.since, version, s.until)} >= set(
        wsdl(version).types
    )


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_every_reachable_type_is_declared(version: str) -> None:
    assert reachable(version) == wsdl(version).reachable(OPERATIONS)


def test_all_166_operations_are_declared() -> None:
    # Adobe's WSDLs' 166; the beta namespaces add more (test_beta_declarations.py).
    adobes = [op for op in REGISTRY.operations.values() if op.since not in BETAS]
    assert len(adobes) == 166
    assert {op.name for op in adobes} == set(wsdl("2013-02-15").operations) | set(
        wsdl("2014-04-03").operations
    )
    assert {"getAssetJobLogs", "submitJob", "searchAssets"} <= set(EMULATED)


# -- consistency of the declarations ---------------------------------------------------


def test_no_dangling_type_names() -> None:
    fields = [f for s in ALL_STRUCTS for f in s.fields]
    fields += [f for op in OPERATIONS for f in (*PARAMS[op], *RESULTS[op])]
    dangling = {f.type for f in fields} - SIMPLE_TYPES - set(STRUCTS)
    assert not dangling


def test_structs_are_declared_once_and_register() -> None:
    assert len(STRUCTS) == len(ALL_STRUCTS)
    Registry().add_structs(ALL_STRUCTS)


def test_job_log_structs_stay_importable_and_part_of_all() -> None:
    assert types.JOB_LOG_STRUCTS is JOB_LOG_STRUCTS
    assert {"JobLogDetail", "JobLogDetailArray", "AssetJobLog", "AssetJobLogArray"} <= {
        s.name for s in JOB_LOG_STRUCTS
    }
    assert all(any(s is t for t in ALL_STRUCTS) for s in JOB_LOG_STRUCTS)


Span = tuple[str | None, str | None]


def _all_field_lists() -> list[tuple[str, Span, tuple[Field, ...]]]:
    """(owner, its (since, until), its fields) of every struct and operation element."""
    lists: list[tuple[str, Span, tuple[Field, ...]]] = [
        (s.name, (s.since, s.until), s.fields) for s in ALL_STRUCTS
    ]
    for op in REGISTRY.operations.values():
        span = (op.since, op.until)
        lists += [(f"{op.name}Param", span, op.param), (f"{op.name}Return", span, op.result)]
    return lists


def test_since_and_until_are_known_versions_in_order() -> None:
    for owner, (since, until), fields in _all_field_lists():
        assert since is None or since in VERSIONS, owner
        assert until is None or until in VERSIONS, owner
        for f in fields:
            assert f.since is None or f.since in VERSIONS, (owner, f.name)
            assert f.until is None or f.until in VERSIONS, (owner, f.name)
            if f.since is not None and f.until is not None:
                assert version_index(f.since) < version_index(f.until), (owner, f.name)


@pytest.mark.parametrize("version", VERSIONS)
def test_names_are_unique_in_every_version(version: str) -> None:
    for owner, _, fields in _all_field_lists():
        names = [f.name for f in fields if f.in_version(version)]
        assert len(names) == len(set(names)), (owner, version)


@pytest.mark.parametrize("version", VERSIONS)
def test_no_field_is_older_than_its_type(version: str) -> None:
    for owner, (since, until), fields in _all_field_lists():
        if not is_in(since, version, until):
            continue
        for f in fields:
            if f.in_version(version) and f.type in STRUCTS:
                t = STRUCTS[f.type]
                assert is_in(t.since, version, t.until), (owner, f.name, version)


# -- what docs/reference/ips-api/SPEC.md says of 2008-01-15 (API 4.0) -----------------

V40 = "2008-01-15"


def names(struct_name: str, version: str = V40) -> list[str]:
    return [f.name for f in STRUCTS[struct_name].fields_in(version)]


def test_job_log_in_2008_01_15_has_no_transfer_counts() -> None:
    assert not [n for n in names("JobLog") if n.startswith("transfer")]
    assert names("JobLog", "2009-07-31")[16:19] == [
        "transferSuccessCount",
        "transferErrorCount",
        "transferWarningCount",
    ]


def test_job_log_detail_in_2008_01_15_has_no_aux_array() -> None:
    assert names("JobLogDetail") == [
        "logMessage",
        "logType",
        "assetName",
        "assetType",
        "assetHandle",
    ]
    assert "auxArray" in names("JobLogDetail", "2010-01-31")


def test_asset_job_log_aux_array_changes_type_in_2010_01_31() -> None:
    def aux(version: str) -> Element:
        [f] = [f for f in STRUCTS["AssetJobLog"].fields_in(version) if f.name == "auxArray"]
        return (f.name, f.type, f.min_occurs, f.max_occurs)

    assert aux(V40) == aux("2009-07-31") == ("auxArray", "JobLogDetailArray", 0, 1)
    assert aux("2010-01-31") == ("auxArray", "JobLogDetailAuxArray", 0, 1)


def test_user_has_role_before_6_0_and_default_role_after() -> None:
    assert names("User") == [
        "userHandle", "firstName", "lastName", "email", "role", "isValid", "passwordExpires",
    ]  # fmt: skip
    assert "defaultRole" not in names("User", "2010-01-31")
    assert names("User", "2012-02-14")[4] == "defaultRole"
    assert "role" not in names("User", "2012-02-14")


def test_get_company_membership_returns_company_array_before_6_0() -> None:
    assert ours(RESULTS["getCompanyMembership"], V40) == [("companyArray", "CompanyArray", 1, 1)]
    assert ours(RESULTS["getCompanyMembership"], "2012-02-14") == [
        ("membershipArray", "CompanyMembershipArray", 1, 1)
    ]


def test_later_job_kinds_and_search_parameters_are_absent_in_2008_01_15() -> None:
    later_jobs = {"exportJob", "createVideoSitemapJob", "automatedSetGenerationJob"}
    for struct_name in ("ActiveJob", "ScheduledJob"):
        assert not later_jobs & set(names(struct_name)), struct_name
    assert not later_jobs & {f.name for f in PARAMS["submitJob"] if f.in_version(V40)}
    search = {f.name for f in PARAMS["searchAssets"] if f.in_version(V40)}
    assert not search & {
        "assetSubTypeArray", "strictSubTypeCheck", "excludeByproductArray",
        "tagMatchMode", "tagConditionArray",
    }  # fmt: skip
    assert {"trashState", "excludeAssetTypeArray", "excludeByproducts"} <= search


def test_upload_urls_job_keeps_its_url_array_in_2008_01_15() -> None:
    fields = STRUCTS["UploadUrlsJob"].fields_in(V40)
    assert (fields[0].name, fields[0].type, fields[0].min_occurs) == (
        "urlArray",
        "UploadUrlArray",
        0,
    )
    assert "numUrls" not in names("UploadUrlsJob")
    assert not {"preservePublishState", "preserveCrop", "photoshopOptions"} & set(
        names("UploadUrlsJob")
    )


# -- against the responses recorded from the live 2010-01-31 service --------------------


def _check_recorded(elem: ET.Element, fields: tuple[Field, ...], version: str) -> None:
    """Children must be declared fields of the version, in declaration order."""
    present = [f for f in fields if f.in_version(version)]
    i = 0
    for child in elem:
        local = child.tag.rpartition("}")[2]
        while i < len(present) and present[i].name != local:
            i += 1
        assert i < len(present), f"{local} under {elem.tag} is not declared, or out of order"
        f = present[i]
        if not f.is_list:
            i += 1
        if f.type in STRUCTS:
            _check_recorded(child, STRUCTS[f.type].fields, version)
        else:
            assert len(child) == 0, local


def test_recorded_2010_01_31_responses_fit_the_2010_01_31_declarations() -> None:
    checked = 0
    for path in sorted(RECORDED_DIR.glob("*.xml")):
        body = ET.parse(path).getroot().find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
        assert body is not None
        [ret] = list(body)
        op = ret.tag.rpartition("}")[2].removesuffix("Return")
        if op not in EMULATED:
            continue  # the history before 2013-02-15 of the others is not researched
        _check_recorded(ret, RESULTS[op], "2010-01-31")
        checked += 1
    assert checked >= 8
