"""The type and operation declarations against Adobe's real WSDLs and recorded responses.

For every declared struct and operation, the fields seen in version 2013-02-15
(and 2014-04-03) must be exactly the real WSDL's elements: names, types,
``minOccurs``, ``maxOccurs``, in order. Earlier versions are checked by the
facts docs/reference/ips-api/SPEC.md states and by the responses recorded from the live 2010-01-31
service.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

import pytest

from ips_emulator.protocol import types
from ips_emulator.protocol.operations import PARAMS, RESULTS
from ips_emulator.protocol.schema import SIMPLE_TYPES, VERSIONS, Field, Registry, version_index
from ips_emulator.protocol.types import ALL_STRUCTS, JOB_LOG_STRUCTS
from tests.helpers import REFERENCE

REF = REFERENCE / "real-service"
WSDL_DIR = REF / "wsdl"
RECORDED_DIR = REF / "recorded-2010-01-31"

XS = "{http://www.w3.org/2001/XMLSchema}"
WSDL_VERSIONS = ("2013-02-15", "2014-04-03")
OPERATIONS = (
    "getAssetJobLogs", "getJobLogs", "getJobLogDetails", "getActiveJobs", "getScheduledJobs",
    "submitJob", "stopJob", "pauseJob", "resumeJob", "deleteJob", "executeJob", "checkLogin",
    "getCompanyInfo", "getCompanyMembership", "getUserInfo", "getAssetsByName", "searchAssets",
)  # fmt: skip
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


def is_in(since: str | None, version: str) -> bool:
    return since is None or version_index(version) >= version_index(since)


def reachable(version: str) -> set[str]:
    seen: set[str] = set()
    pending = [
        f.type for op in OPERATIONS for f in (*PARAMS[op], *RESULTS[op]) if f.in_version(version)
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
        assert real.has_type(s.name) == is_in(s.since, version), s.name


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_operations_match_the_real_wsdl(version: str) -> None:
    real = wsdl(version)
    for op in OPERATIONS:
        assert ours(PARAMS[op], version) == real.element(f"{op}Param"), op
        assert ours(RESULTS[op], version) == real.element(f"{op}Return"), op


@pytest.mark.parametrize("version", WSDL_VERSIONS)
def test_every_reachable_type_is_declared(version: str) -> None:
    assert reachable(version) == wsdl(version).reachable(OPERATIONS)


def test_the_operations_are_the_emulated_ones() -> None:
    assert set(PARAMS) == set(RESULTS) == set(OPERATIONS)


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


def _all_field_lists() -> list[tuple[str, str | None, tuple[Field, ...]]]:
    lists: list[tuple[str, str | None, tuple[Field, ...]]] = [
        (s.name, s.since, s.fields) for s in ALL_STRUCTS
    ]
    for op in OPERATIONS:
        lists += [(f"{op}Param", None, PARAMS[op]), (f"{op}Return", None, RESULTS[op])]
    return lists


def test_since_and_until_are_known_versions_in_order() -> None:
    for owner, since, fields in _all_field_lists():
        assert since is None or since in VERSIONS, owner
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
    for owner, since, fields in _all_field_lists():
        if not is_in(since, version):
            continue
        for f in fields:
            if f.in_version(version) and f.type in STRUCTS:
                assert is_in(STRUCTS[f.type].since, version), (owner, f.name, version)


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
        if op not in RESULTS:
            continue
        _check_recorded(ret, RESULTS[op], "2010-01-31")
        checked += 1
    assert checked >= 8
