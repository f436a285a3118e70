"""Parameter fuzzing: every published operation, typed-but-wrong and wrong-typed values.

Hypothesis builds each request from the operation's declaration (``REGISTRY``):
values of the declared type that are hostile (SQL and XPath injection, huge and
negative numbers, dates without zones, 1 MB strings, control characters, any
Unicode) and values of the wrong type (text for a struct, elements for a text),
with elements left out, repeated or unknown. Posted raw over HTTP, every answer
must be the operation's Return (HTTP 200) or an IPS fault with a documented code,
nothing may be logged as an error, and a call that faulted must leave every table
exactly as it was. The examples are derandomized so a run is reproducible; set
HYPOTHESIS_PROFILE=explore to let Hypothesis look further.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, timedelta, timezone
from functools import cache
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree
from sqlalchemy import Engine, select

from ips_emulator import EmulatorServer
from ips_emulator.config import INSTANT
from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.schema import SIMPLE_TYPES, Field, Operation
from ips_emulator.storage.tables import Base
from tests.conftest import ServerFactory
from tests.helpers import DEMO_USER, NS_2008, NS_XSD, SOAP_ENV, Answer, auth_header, envelope, post

VERSION = "2008-01-15"
#: The newest dated version: what its declarations add (operations such as
#: searchAssetsByMetadata and renameAsset, and fields such as MetadataCondition's
#: caseSensitive and MetadataUpdate's tag arrays) is fuzzed in it too.
NEWEST = "2014-04-03"
NAMESPACES = {VERSION: NS_2008, NEWEST: f"{NS_XSD}/{NEWEST}"}
ALLOWED_CODES = {*range(10000, 10003), *range(20000, 20010), *range(30000, 30004)}
#: The 30000s an operation may answer: the recorded "name in use" of renameAsset and
#: moveAsset (docs/decisions.md), and the answer of an operation not emulated. Any other
#: (the database refused a value, a bug) is a defect: bad input is 30001-30003.
GENERIC_30000 = re.compile(r"Asset ID '.*' is already in use\.|.* is not emulated by ips-emulator")
MAX_BODY = 10 * 1024 * 1024

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    database=None,  # nothing written into the work tree
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("explore", settings.get_profile("ci"), derandomize=False)
FUZZ = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Text, or child elements (name, node) in order.
Node: TypeAlias = "str | list[tuple[str, Node]]"

STRINGS = [
    "", " ", "c|6", "a|732|1|535", "ApiTestCo", DEMO_USER, "j|6||Add_2007-10-24-16:11:07",
    "submitServerUploadJob40", "Image", "Video", "Name", "FileName", "Created", "Equals",
    "Contains", "Between", "StartDate", "Descending", "Date", "LogType", "MatchAny",
    "UploadSuccess", "0 0 0 * * ?", "00 00 00 * * ", "0 0 0 30 2 ?", "0 0 0 L W #",
    "http://example.com/a.jpg", "ftp://x/b.tif", "file:///etc/passwd", "../../etc/passwd",
    "' OR '1'='1", "'; DROP TABLE ips_user; --", '" OR 1=1 --', "1; DELETE FROM job",
    "%", "_", "\\", "%' --", "' or 1=1 or ''='", "//*", "count(/*)", "') or ('a'='a",
    "]]>", "%s%s%n", "{0}{1}", "${jndi:ldap://127.0.0.1/x}", "<script>1</script>",
    "\t\n\r", "\x7f\x85\u2028\u2029", "\ufeff", "\U0001f600" * 10, "日本語", "é" * 1000,
    "x" * 1_000_000,
]  # fmt: skip
INTS = [
    "0", "1", "-1", "10", "1000", "1001", "2147483647", "-2147483648", "2147483648",
    "-2147483649", "9223372036854775808", "9" * 40, "1.5", "1e3", "abc", "", " 7 ", "+5",
    "0x10", "١٢", "007",
]  # fmt: skip
BOOLEANS = ["true", "false", "1", "0", "TRUE", "yes", "", " true ", "2"]
DOUBLES = ["NaN", "INF", "-INF", "1e308", "1e309", "-0", ".5", "5.", "abc", "1,5", "0x1p3"]
DATES = [
    "2008-01-15T00:00:00Z", "2008-01-15T00:00:00", "2008-01-15T00:00:00.123-07:00",
    "2099-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00",
    "-0001-01-01T00:00:00Z", "2008-02-30T00:00:00Z", "2008-01-15T24:00:00Z",
    "2008-01-15T00:00:00+99:99", "2008-01-15", "now", "",
]  # fmt: skip

pytestmark = [pytest.mark.slow, pytest.mark.fuzz]


def _legal(char: str) -> bool:
    point = ord(char)  # XML 1.0 Char, less the C0 controls it allows
    return point >= 0x20 and not 0xD800 <= point <= 0xDFFF and point not in (0xFFFE, 0xFFFF)


text = st.one_of(
    st.sampled_from(STRINGS),
    st.text(st.characters(codec="utf-8").filter(_legal), max_size=40),
)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
zones = st.one_of(st.none(), st.just(UTC), offsets)
dates = st.datetimes(timezones=zones).map(lambda d: d.isoformat())
#: Values of the declared type (lexically valid), hostile as they can be.
TYPED: dict[str, st.SearchStrategy[str]] = {
    "string": text,
    "int": st.one_of(st.sampled_from(INTS[:8]), st.integers(-(2**31), 2**31 - 1).map(str)),
    "long": st.one_of(st.sampled_from(INTS[:8]), st.integers(-(2**63), 2**63 - 1).map(str)),
    "boolean": st.sampled_from(BOOLEANS[:4]),
    "double": st.one_of(
        st.sampled_from(DOUBLES[:7]), st.floats(allow_nan=False, allow_infinity=False).map(repr)
    ),
    "dateTime": st.one_of(st.sampled_from(DATES[:6]), dates),
}
#: Anything at all where a simple value belongs.
UNTYPED: dict[str, st.SearchStrategy[str]] = {
    "string": text,
    "int": st.one_of(st.sampled_from(INTS), st.integers().map(str), text),
    "long": st.one_of(st.sampled_from(INTS), st.integers().map(str), text),
    "boolean": st.one_of(st.sampled_from(BOOLEANS), text),
    "double": st.one_of(st.sampled_from(DOUBLES), text),
    "dateTime": st.one_of(st.sampled_from(DATES), dates, text),
}
#: Values that let a typed request get past the first check of its operation.
PLAUSIBLE = {
    "companyHandle": ["c|6"],
    "companyName": ["ApiTestCo"],
    "assetHandle": ["a|732|1|535"],
    "email": [DEMO_USER],
    "password": ["demo"],
    "jobName": ["fuzz", "fuzz-2"],
    "jobHandle": ["j|6|fuzz||", "j|6|fuzz-2||", "j|6||Add_2007-10-24-16:11:07"],
    "originalName": ["fuzz", "submitServerUploadJob40"],
    "sortBy": ["StartDate", "Date", "LogType", "Name", "JobName"],
    "sortDirection": ["Ascending", "Descending"],
    "execSchedule": ["0 0 0 * * ?", "00 00 00 * * ", "0 0 0 30 2 ?", "0 0 0 L W #"],
    "emailSetting": ["None", "All", "Error"],
    "sourceUrl": ["http://example.com/a.jpg", "ftp://x/b.tif", "file:///etc/passwd"],
    "destPath": ["fuzz/a.jpg", "../../../a.jpg", "fuzz/x.exe"],
    "field": ["Name", "FileName", "Created", "LastModified"],
    "op": ["Equals", "Contains", "StartsWith", "Between", "GreaterThan", "NotEquals"],
    "folder": ["", "ApiTestCo/", "fuzz/"],
    "publishType": ["Full", "Incremental"],
    "folderHandle": ["f|ApiTestCo/", "f|ApiTestCo/fuzz/", "f|ApiTestCo/../"],
    "destFolderHandle": ["f|ApiTestCo/", "f|ApiTestCo/fuzz/"],
    "folderPath": ["ApiTestCo/fuzz/", "fuzz/"],
    "newName": ["fuzz.jpg", "a/b", ".."],
    "folderName": ["fuzz", "a/b"],
    "assetType": ["Image", "Asset", "image"],
    "trashState": ["InTrash", "NotInTrash", "Any"],
    "fieldHandle": ["m|6|ALL|Photographer", "m|6|ALL|ShootDate", "m|6|ALL|Season",
                    "m|6|IMAGE|Rating", "m|6|IMAGE|Approved", "custom_attributes.Season"],
    # Items of every string array: an asset (not the demo one, which emptying the trash
    # would take from the other tests), a response field path, a tag, a type.
    "items": ["a|fuzz", "assetArray/items/name", "folders/path", "Summer", "Image"],
}  # fmt: skip
#: Elements where text belongs: a wrong-typed value.
WRONG_CHILDREN: st.SearchStrategy[Node] = st.sampled_from([[("items", "x")], [("x", "1")]])
#: How often a field appears (typed requests keep to the declaration).
COUNTS = {
    # (typed, is_list, required)
    (True, False, True): [1],
    (True, False, False): [0, 0, 0, 1],
    (True, True, False): [0, 1, 1, 2, 3],
    (False, False, True): [1, 1, 1, 1, 0, 2],
    (False, False, False): [0, 0, 1, 1, 2],
    (False, True, False): [0, 1, 2, 3],
}


@cache
def value(
    type_: str, depth: int, typed: bool, name: str = "", version: str = VERSION
) -> st.SearchStrategy[Node]:
    if type_ in SIMPLE_TYPES:
        if typed and name in PLAUSIBLE:
            plausible = st.sampled_from(PLAUSIBLE[name])
            return st.one_of(plausible, plausible, TYPED[type_])
        if typed:
            return TYPED[type_]
        return st.one_of(UNTYPED[type_], UNTYPED[type_], WRONG_CHILDREN)
    fields = REGISTRY.structs[type_].fields_in(version)
    struct = st.deferred(lambda: children(fields, depth + 1, typed, version))
    return struct if typed else st.one_of(struct, struct, text)


def field_elements(
    field: Field, depth: int, typed: bool, version: str
) -> st.SearchStrategy[list[tuple[str, Node]]]:
    if depth > 3:  # deep enough: a struct this far down is given empty
        return st.just([])
    counts = COUNTS[typed, field.is_list, field.min_occurs > 0 and not field.is_list]
    return (
        st.sampled_from(counts)
        .flatmap(
            lambda n: st.lists(
                value(field.type, depth, typed, field.name, version), min_size=n, max_size=n
            )
        )
        .map(lambda values: [(field.name, v) for v in values])
    )


def children(
    fields: tuple[Field, ...], depth: int, typed: bool, version: str = VERSION
) -> st.SearchStrategy[Node]:
    parts = [field_elements(f, depth, typed, version) for f in fields]
    unknown = st.just([]) if typed else st.sampled_from([[], [], [("unknownElement", "1")]])
    return st.tuples(*parts, unknown).map(lambda groups: [pair for g in groups for pair in g])


def render(name: str, node: Node, attributes: str = "") -> str:
    if isinstance(node, str):
        return f"<{name}{attributes}>{escape(node)}</{name}>"
    inner = "".join(render(child, grandchild) for child, grandchild in node)
    return f"<{name}{attributes}>{inner}</{name}>"


def typed_children(fields: tuple[Field, ...], version: str) -> st.SearchStrategy[Node]:
    """Children of the declared types; submitJob's job structs are a choice of exactly one."""
    jobs = tuple(f for f in fields if f.type.endswith("Job") and f.type in REGISTRY.structs)
    if len(jobs) < 2:
        return children(fields, 0, True, version)
    rest = tuple(f for f in fields if f not in jobs)
    return st.sampled_from(jobs).flatmap(
        lambda job: children((*rest, replace(job, min_occurs=1)), 0, True, version)
    )


def operation_request(op: Operation, version: str = VERSION) -> st.SearchStrategy[bytes]:
    """Mostly typed requests (they reach the operation), else wrong-typed or misshapen ones."""
    fields = tuple(f for f in op.param if f.in_version(version))
    typed = typed_children(fields, version)
    nodes = st.one_of(typed, typed, children(fields, 0, False, version))
    attributes = f' xmlns="{NAMESPACES[version]}"'
    return nodes.map(
        lambda node: envelope(render(op.param_element, node, attributes), auth_header())
    )


def shape(fields: tuple[Field, ...], version: str, depth: int = 0) -> tuple[Any, ...]:
    """What a request of ``fields`` may hold in ``version``, as far down as the fuzzer goes."""
    return tuple(
        (f.name, f.type, f.min_occurs, f.is_list,
         shape(REGISTRY.structs[f.type].fields, version, depth + 1)
         if f.type in REGISTRY.structs and depth <= 3 else None)
        for f in fields if f.in_version(version)
    )  # fmt: skip


def fuzzed() -> list[tuple[str, Operation]]:
    """Every operation of VERSION; and in NEWEST, each emulated one it adds or whose
    request it declares otherwise (new fields, at any depth)."""
    cases = [(VERSION, op) for op in REGISTRY.operations_in(VERSION)]
    for op in REGISTRY.emulated_in(NEWEST):
        if not op.in_version(VERSION) or shape(op.param, NEWEST) != shape(op.param, VERSION):
            cases.append((NEWEST, op))
    return cases


OPERATIONS = fuzzed()


def snapshot(engine: Engine) -> tuple[tuple[int, ...], str]:
    """Row counts and one digest of every table's rows, in primary-key order."""
    digest = hashlib.sha256()
    counts = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
            counts.append(len(rows))
            digest.update(repr(rows).encode())
    return tuple(counts), digest.hexdigest()


class ErrorLog(logging.Handler):
    """Collects ERROR records: an error logged while serving is a bug, fault or not."""

    NAMES = ("ips_emulator", "spyne", "waitress")

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


@pytest.fixture(scope="module")
def fuzz_server(make_server: ServerFactory) -> EmulatorServer:
    server = make_server(job_speed=INSTANT)
    asset = {"handle": "a|fuzz", "company": "c|6", "folder": "fuzz/", "name": "fuzz.jpg",
             "type": "Image", "created": "2025-06-01T00:00:00Z",
             "createUser": DEMO_USER}  # fmt: skip
    server.app.seed({"assets": [asset]})
    return server


@pytest.fixture(scope="module")
def errors() -> Iterator[ErrorLog]:
    handler = ErrorLog()
    for name in ErrorLog.NAMES:
        logging.getLogger(name).addHandler(handler)
    yield handler
    for name in ErrorLog.NAMES:
        logging.getLogger(name).removeHandler(handler)


def check_answer(answer: Answer, expected: str, sent: bytes, namespace: str = NS_2008) -> bool:
    """True for a success; asserts the answer is a success or a documented IPS fault."""
    assert b"Traceback" not in answer.content
    if answer.status == 413:
        assert len(sent) > MAX_BODY
        return False
    if answer.status == 200:
        body = answer.root.find(f"{{{SOAP_ENV}}}Body")
        assert body is not None
        assert [e.tag for e in body] == [f"{{{namespace}}}{expected}"], answer.content[:300]
        return True
    assert answer.status == 500, answer.content[:300]
    *_, code, reason = answer.fault()
    assert code in ALLOWED_CODES, (code, reason)
    assert code != 30000 or GENERIC_30000.fullmatch(reason), reason
    assert "internal error" not in reason, reason
    return False


def call_and_check(
    server: EmulatorServer, errors: ErrorLog, data: bytes, expected: str, namespace: str = NS_2008
) -> None:
    engine = server.app.database.engine
    before = snapshot(engine)
    answer = post(server.service_url, data)
    succeeded = check_answer(answer, expected, data, namespace)
    event(
        "success"
        if succeeded
        else f"fault {answer.fault()[3:]}"[:100]
        if answer.status == 500
        else "413"
    )
    assert errors.messages == [], errors.messages
    if not succeeded:
        assert snapshot(engine) == before, "a failed call changed the database"


@pytest.mark.parametrize(
    ("version", "op"), OPERATIONS, ids=[f"{op.name}-{v}" for v, op in OPERATIONS]
)
@FUZZ
@given(data=st.data())
def test_operation_parameters(
    fuzz_server: EmulatorServer, errors: ErrorLog, version: str, op: Operation, data: Any
) -> None:
    request = data.draw(operation_request(op, version), label="request")
    call_and_check(fuzz_server, errors, request, op.return_element, NAMESPACES[version])


def test_the_newest_version_fuzzes_what_it_adds() -> None:
    """Operations served from after VERSION, and fields added since, are fuzzed too."""
    newest = {op.name for v, op in OPERATIONS if v == NEWEST}
    assert {"searchAssetsByMetadata", "renameAsset", "moveFolder"} <= newest
    assert {"setAssetMetadata", "batchSetAssetMetadata", "searchAssets"} <= newest
    assert "deleteAsset" not in newest  # the same request in both: fuzzed once


AUTH_FIELDS = ("user", "password", "locale", "appName", "appVersion", "gzipResponse")


@FUZZ
@given(values=st.fixed_dictionaries({}, optional={name: text for name in AUTH_FIELDS}))
def test_auth_header_values(
    fuzz_server: EmulatorServer, errors: ErrorLog, values: dict[str, str]
) -> None:
    header = "".join(render(name, v) for name, v in values.items())
    body = (
        f'<getAssetJobLogsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<assetHandle>a|732|1|535</assetHandle></getAssetJobLogsParam>"
    )
    data = envelope(body, f'<authHeader xmlns="{NS_XSD}">{header}</authHeader>')
    call_and_check(fuzz_server, errors, data, "getAssetJobLogsReturn")


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe"])
def test_raw_control_characters_are_invalid_xml(fuzz_server: EmulatorServer, char: str) -> None:
    """XML 1.0 cannot carry these, raw or as character references: 30003."""
    for company in (f"c|6{char}", f"c|6&#{ord(char)};"):
        body = (
            f'<getAssetJobLogsParam xmlns="{NS_2008}"><companyHandle>{company}</companyHandle>'
            "<assetHandle>a|732|1|535</assetHandle></getAssetJobLogsParam>"
        )
        answer = post(fuzz_server.service_url, envelope(body, auth_header()))
        assert answer.status == 500
        assert answer.fault()[2:4] == ("ipsApiFault", 30003)


def test_the_fuzz_strategies_reach_the_operations(fuzz_server: EmulatorServer) -> None:
    """A sanity check of the generator: a plain request it can build is a success."""
    op = REGISTRY.operations["getAssetJobLogs"]
    node: Node = [("companyHandle", "c|6"), ("assetHandle", "a|732|1|535")]
    data = envelope(render(op.param_element, node, f' xmlns="{NS_2008}"'), auth_header())
    answer = post(fuzz_server.service_url, data)
    assert check_answer(answer, op.return_element, data)
    assert etree.fromstring(answer.content).find(f".//{{{NS_2008}}}items") is not None
