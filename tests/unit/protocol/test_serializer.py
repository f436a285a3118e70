"""The response writer (dates, escaping, arrays) and the request header reader."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from ips_emulator.domain.context import Credentials
from ips_emulator.ns import IPS_2008_01_15, IPS_LEGACY_AUTH, IPS_XSD
from ips_emulator.protocol import serializer
from ips_emulator.protocol.api import REGISTRY, VERSION_NAMESPACES
from ips_emulator.protocol.envelope import SOAP11
from ips_emulator.protocol.headers import RequestHeaders, read_headers
from ips_emulator.protocol.serializer import (
    ResponseWriter,
    Rows,
    _DateFormatter,
    escape,
    format_datetime,
)
from ips_emulator.records import Instant
from tests.helpers import DATA, SOAP_ENV, canonical

VERSION = "2008-01-15"
NAMESPACE = VERSION_NAMESPACES[VERSION]
PACIFIC = ZoneInfo("America/Los_Angeles")
KOLKATA = ZoneInfo("Asia/Kolkata")
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$")

# --- format_datetime -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        (datetime(2008, 6, 11, 18, 38, 48, 547000, UTC), UTC, "2008-06-11T18:38:48.547Z"),
        (datetime(2008, 6, 11, 18, 38, 48, tzinfo=UTC), UTC, "2008-06-11T18:38:48.000Z"),
        (datetime(2008, 6, 11, 18, 38, 48, 5000, UTC), UTC, "2008-06-11T18:38:48.005Z"),
        # Milliseconds are truncated, never rounded up into the next second.
        (datetime(2008, 6, 11, 18, 38, 48, 999999, UTC), UTC, "2008-06-11T18:38:48.999Z"),
        # Any zero offset is written Z.
        (
            datetime(2008, 6, 11, 18, 38, 48, 547000, UTC),
            timezone(timedelta(0)),
            "2008-06-11T18:38:48.547Z",
        ),
        # The value's own zone does not matter, only the writer's zone does.
        (
            datetime(2008, 6, 11, 11, 38, 48, 547000, timezone(timedelta(hours=-7))),
            UTC,
            "2008-06-11T18:38:48.547Z",
        ),
        # Summer (PDT) and winter (PST) in the docs' zone.
        (
            datetime(2008, 6, 11, 18, 38, 48, 547000, UTC),
            PACIFIC,
            "2008-06-11T11:38:48.547-07:00",
        ),
        (
            datetime(2008, 1, 11, 18, 38, 48, 547000, UTC),
            PACIFIC,
            "2008-01-11T10:38:48.547-08:00",
        ),
        # A half-hour zone.
        (
            datetime(2008, 6, 11, 18, 38, 48, 547000, UTC),
            KOLKATA,
            "2008-06-12T00:08:48.547+05:30",
        ),
    ],
)
def test_format_datetime(value: datetime, zone: tzinfo, expected: str) -> None:
    text = format_datetime(value, zone)
    assert text == expected
    assert STAMP.match(text)


@pytest.mark.parametrize("zone", [UTC, PACIFIC, KOLKATA, ZoneInfo("Pacific/Chatham")])
def test_format_datetime_round_trips(zone: tzinfo) -> None:
    value = datetime(2008, 3, 9, 10, 30, 15, 123000, UTC)  # the PST->PDT change day
    for hours in range(0, 48, 5):
        moment = value + timedelta(hours=hours)
        text = format_datetime(moment, zone)
        assert STAMP.match(text), text
        assert datetime.fromisoformat(text) == moment


def test_format_datetime_sub_minute_offset_keeps_the_instant() -> None:
    moment = datetime(1900, 6, 11, 18, 38, 48, tzinfo=UTC)
    text = format_datetime(moment, ZoneInfo("Europe/Amsterdam"))
    assert STAMP.match(text)
    assert datetime.fromisoformat(text) == moment


@pytest.mark.parametrize(
    "zone",
    [UTC, timezone(timedelta(0)), PACIFIC, KOLKATA, ZoneInfo("Pacific/Chatham"),
     ZoneInfo("Europe/Amsterdam"), ZoneInfo("UTC"), timezone(timedelta(hours=-3, seconds=7))],
)  # fmt: skip
def test_the_writers_fast_date_formatter_agrees_with_format_datetime(zone: tzinfo) -> None:
    """The writer's shortcut (one zone, cached offsets) writes what format_datetime writes."""
    fast = _DateFormatter(zone)
    start = datetime(2008, 3, 9, 10, 30, 15, 123456, UTC)
    moments = [start + timedelta(hours=h) for h in range(48)]
    moments += [datetime(1900, 6, 11, 18, 38, 48, 999999, UTC), datetime(999, 1, 2, 3, tzinfo=UTC)]
    moments += [datetime(2008, 6, 11, 11, 38, 48, 547000, timezone(timedelta(hours=-7)))]
    for moment in moments:
        assert fast(moment) == format_datetime(moment, zone), moment
        assert fast(moment.isoformat()) == format_datetime(moment, zone), moment


# --- escape ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a & b", "a &amp; b"),
        ("<tag>", "&lt;tag&gt;"),
        ("]]>", "]]&gt;"),
        ("&amp;", "&amp;amp;"),
        ("x\x00y", "x\ufffdy"),
        ("\x1b[31mred", "\ufffd[31mred"),
        ("\x08\x0b\x0c\x1f", "\ufffd" * 4),
        ("\ufffe\uffff", "\ufffd\ufffd"),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("é 日本 😀", "é 日本 😀"),
        ("", ""),
    ],
)
def test_escape(text: str, expected: str) -> None:
    escaped = escape(text)
    assert escaped == expected
    parsed = etree.fromstring(f"<a>{escaped}</a>".encode())
    assert (parsed.text or "") == expected.replace("&amp;", "&").replace("&lt;", "<").replace(
        "&gt;", ">"
    )


def test_escape_output_is_always_well_formed() -> None:
    every_low_char = "".join(chr(c) for c in range(0x20)) + "&<>\"'"
    parsed = etree.fromstring(f"<a>{escape(every_low_char)}</a>".encode())
    assert parsed.text is not None
    assert parsed.text.endswith("&<>\"'")
    assert "\x00" not in parsed.text


def test_escape_replaces_lone_surrogates() -> None:
    escaped = escape("bad \ud800 text")
    assert escaped == "bad \ufffd text"
    etree.fromstring(f"<a>{escaped}</a>".encode())


# --- ResponseWriter ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def writer() -> ResponseWriter:
    return ResponseWriter(REGISTRY, VERSION, NAMESPACE, PACIFIC)


@pytest.fixture(scope="module")
def operation() -> Any:
    return REGISTRY.operations["getAssetJobLogs"]


def item(n: int = 1, **extra: Any) -> dict[str, Any]:
    value = {
        "jobHandle": f"j|6||Job{n}",
        "jobName": f"Job{n}",
        "logMessage": f"Co/asset{n}.jpg was processed into IPS",
        "logType": "UploadSuccess",
        "submitUserEmail": "user@example.test",
        "logDate": datetime(2008, 6, 11, 18, 38, 48, 547000, UTC),
    }
    value.update(extra)
    return value


ITEM_FIELDS = ["jobHandle", "jobName", "logMessage", "logType", "submitUserEmail", "logDate"]


def parse(body: str) -> etree._Element:
    return etree.fromstring(body.encode())


def test_namespace_is_the_versioned_one() -> None:
    assert NAMESPACE == IPS_2008_01_15


@pytest.mark.parametrize("value", [{"jobLogArray": {"items": []}}, {"jobLogArray": {}}, {}])
def test_empty_array(writer: ResponseWriter, operation: Any, value: dict[str, Any]) -> None:
    assert writer.body(operation, value) == (
        f'<getAssetJobLogsReturn xmlns="{NAMESPACE}"><jobLogArray/></getAssetJobLogsReturn>'
    )


def test_one_item(writer: ResponseWriter, operation: Any) -> None:
    body = writer.body(operation, {"jobLogArray": {"items": [item()]}})
    root = parse(body)
    assert root.tag == f"{{{NAMESPACE}}}getAssetJobLogsReturn"
    assert root.prefix is None
    items = root.findall(f"{{{NAMESPACE}}}jobLogArray/{{{NAMESPACE}}}items")
    assert len(items) == 1
    assert [etree.QName(c).localname for c in items[0]] == ITEM_FIELDS
    assert items[0].findtext(f"{{{NAMESPACE}}}logDate") == "2008-06-11T11:38:48.547-07:00"
    assert items[0].findtext(f"{{{NAMESPACE}}}jobHandle") == "j|6||Job1"
    assert "auxArray" not in body


def test_two_items_keep_their_order(writer: ResponseWriter, operation: Any) -> None:
    root = parse(writer.body(operation, {"jobLogArray": {"items": [item(1), item(2)]}}))
    names = root.findall(f".//{{{NAMESPACE}}}items/{{{NAMESPACE}}}jobName")
    assert [n.text for n in names] == ["Job1", "Job2"]


def test_absent_optional_aux_array_is_omitted(writer: ResponseWriter, operation: Any) -> None:
    absent = writer.body(operation, {"jobLogArray": {"items": [item(), item(auxArray=None)]}})
    assert "auxArray" not in absent
    present = writer.body(
        operation,
        {
            "jobLogArray": {
                "items": [item(auxArray={"items": [{"logMessage": "m", "logType": "T"}]})]
            }
        },
    )
    found = parse(present).find(f".//{{{NAMESPACE}}}items")
    assert found is not None
    assert [etree.QName(c).localname for c in found] == [*ITEM_FIELDS, "auxArray"]
    aux = found.find(f"{{{NAMESPACE}}}auxArray/{{{NAMESPACE}}}items")
    assert aux is not None
    assert [(etree.QName(c).localname, c.text) for c in aux] == [
        ("logMessage", "m"),
        ("logType", "T"),
    ]


def test_required_field_without_value_is_an_empty_element(
    writer: ResponseWriter, operation: Any
) -> None:
    value = item(jobName="")
    del value["submitUserEmail"]
    body = writer.body(operation, {"jobLogArray": {"items": [value]}})
    assert "<jobName/>" in body
    assert "<submitUserEmail/>" in body


def test_text_is_escaped(writer: ResponseWriter, operation: Any) -> None:
    message = "a & b <c> \x00 d"
    root = parse(writer.body(operation, {"jobLogArray": {"items": [item(logMessage=message)]}}))
    assert root.findtext(f".//{{{NAMESPACE}}}logMessage") == "a & b <c> \ufffd d"


def test_matches_the_docs_example(writer: ResponseWriter, operation: Any) -> None:
    expected = etree.parse(str(DATA / "get_asset_job_logs.response.xml")).getroot()
    items = [
        {
            "jobHandle": e.findtext(f"{{{NAMESPACE}}}jobHandle"),
            "jobName": e.findtext(f"{{{NAMESPACE}}}jobName"),
            "logMessage": e.findtext(f"{{{NAMESPACE}}}logMessage"),
            "logType": e.findtext(f"{{{NAMESPACE}}}logType"),
            "submitUserEmail": e.findtext(f"{{{NAMESPACE}}}submitUserEmail"),
            "logDate": datetime.fromisoformat(e.findtext(f"{{{NAMESPACE}}}logDate") or ""),
        }
        for e in expected.iter(f"{{{NAMESPACE}}}items")
    ]
    assert len(items) == 2
    body = writer.body(operation, {"jobLogArray": {"items": items}})
    assert canonical(parse(body)) == canonical(expected)


def test_envelope_parses(writer: ResponseWriter, operation: Any) -> None:
    data = SOAP11.wrap(writer.body(operation, {"jobLogArray": {"items": [item(1), item(2)]}}))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?><soapenv:Envelope")
    root = etree.fromstring(data)
    assert root.tag == f"{{{SOAP_ENV}}}Envelope"
    body = root.find(f"{{{SOAP_ENV}}}Body")
    assert body is not None
    assert len(body) == 1
    assert body[0].tag == f"{{{NAMESPACE}}}getAssetJobLogsReturn"
    assert len(body[0].findall(f".//{{{NAMESPACE}}}items")) == 2


def test_writer_zone_is_used(operation: Any) -> None:
    utc = ResponseWriter(REGISTRY, VERSION, NAMESPACE, UTC)
    body = utc.body(operation, {"jobLogArray": {"items": [item()]}})
    assert "<logDate>2008-06-11T18:38:48.547Z</logDate>" in body


def instant(value: datetime) -> Instant:
    """As storage keeps it: microseconds since 1970 UTC (written out by hand here)."""
    delta = value - datetime(1970, 1, 1, tzinfo=UTC)
    return Instant((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds)


ROW_CASES = [
    item(1),
    item(1, logDate=instant(datetime(2008, 6, 11, 18, 38, 48, 547999, UTC))),  # as pages
    item(1, logDate=instant(datetime(1969, 12, 31, 23, 59, 59, 1000, UTC))),  # before 1970
    item(1, logDate=instant(datetime(999, 1, 2, 3, 4, 5, 6000, UTC))),
    item(2, logMessage="R&D", logDate=instant(datetime(2008, 6, 11, 18, 38, 48, 1000, UTC))),
    item(2, jobName="", logType=None),  # required: empty elements either way
    item(3, logMessage="a & b <c> \x00 d \ud800", jobHandle="plain"),  # escaped, kept per field
    item(4, jobName="<only this one>", submitUserEmail=None),
    item(5, jobHandle=42, jobName=0),  # not text: written as str() writes it
    item(6, logDate=datetime(2008, 6, 11, 11, 38, 48, 999999, timezone(timedelta(hours=-7)))),
    item(7, logDate=datetime(999, 1, 2, 3, 4, 5, 6000, UTC)),
    item(8, logDate="2008-06-11T18:38:48.547+00:00"),  # dates kept as JSON text
    item(9, logDate=None),
    {field: None for field in ITEM_FIELDS},
    # Rows whose texts are all given take a fast path when plain ASCII; these must not.
    item(10, logMessage="ジョブは完了しました"),  # not ASCII, nothing to escape
    item(11, logMessage="tab\tline\nreturn\r del\x7f"),  # legal, yet not printable
    item(12, submitUserEmail="a>b"),
    item(13, jobName="R&D", logMessage="\ufffe"),
    item(14, logMessage="\x1f"),
]


@pytest.mark.parametrize("zone", [UTC, PACIFIC, KOLKATA, ZoneInfo("Etc/UTC")])
@pytest.mark.parametrize("version", ["2008-01-15", "2014-04-03"])
def test_rows_are_written_as_the_same_items_as_dicts(zone: tzinfo, version: str) -> None:
    """Rows (tuples from the domain) take a generated writer of their own; it must write
    exactly what the struct's writer writes for the same values as dicts."""
    writer = ResponseWriter(REGISTRY, version, VERSION_NAMESPACES[version], zone)
    operation = REGISTRY.operations["getAssetJobLogs"]
    for columns in (ITEM_FIELDS, ITEM_FIELDS[::-1], ["logMessage", "logDate"]):
        dicts = [{name: case.get(name) for name in columns} for case in ROW_CASES]
        rows = [tuple(case.get(name) for name in columns) for case in ROW_CASES]
        assert writer.body(operation, {"jobLogArray": {"items": Rows(tuple(columns), rows)}}) == (
            writer.body(operation, {"jobLogArray": {"items": dicts}})
        )


def test_a_plain_row_in_utc() -> None:
    """The usual item (every text given and plain ASCII, an Instant), by hand."""
    writer = ResponseWriter(REGISTRY, VERSION, NAMESPACE, UTC)
    stamp = instant(datetime(2008, 6, 11, 18, 38, 48, 547000, UTC))
    rows = Rows(
        tuple(ITEM_FIELDS),
        [tuple(item(n, logDate=stamp).values()) for n in (1, 2)],
    )
    body = writer.body(REGISTRY.operations["getAssetJobLogs"], {"jobLogArray": {"items": rows}})
    one = (
        "<items><jobHandle>j|6||Job{n}</jobHandle><jobName>Job{n}</jobName>"
        "<logMessage>Co/asset{n}.jpg was processed into IPS</logMessage>"
        "<logType>UploadSuccess</logType><submitUserEmail>user@example.test</submitUserEmail>"
        "<logDate>2008-06-11T18:38:48.547Z</logDate></items>"
    )
    assert body == (
        f'<getAssetJobLogsReturn xmlns="{NAMESPACE}"><jobLogArray>'
        f"{one.format(n=1)}{one.format(n=2)}</jobLogArray></getAssetJobLogsReturn>"
    )


def test_rows_cannot_name_fields_that_are_structs() -> None:
    writer = ResponseWriter(REGISTRY, "2014-04-03", VERSION_NAMESPACES["2014-04-03"], UTC)
    operation = REGISTRY.operations["getJobLogDetails"]
    details = Rows(("logMessage", "auxArray"), [("m", None)])
    value = {"jobLogArray": {"items": [{"detailArray": {"items": details}}]}}
    with pytest.raises(ValueError, match="simple types"):
        writer.body(operation, value)


# --- read_headers ------------------------------------------------------------------------------


def headers(xml: str, body_namespace: str | None = IPS_2008_01_15) -> RequestHeaders:
    root = etree.fromstring(f"<Header>{xml}</Header>".encode())
    return read_headers(list(root), body_namespace)


def auth(namespace: str = IPS_XSD, **children: str) -> str:
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in children.items())
    return f'<authHeader xmlns="{namespace}">{inner}</authHeader>'


LEGACY = (
    f'<a:AuthUser xmlns:a="{IPS_LEGACY_AUTH}">legacy@x</a:AuthUser>'
    f'<a:AuthPassword xmlns:a="{IPS_LEGACY_AUTH}">legacy-pw</a:AuthPassword>'
)


def test_no_headers() -> None:
    for read in (read_headers(None, IPS_2008_01_15), read_headers([], None), headers("")):
        assert read == RequestHeaders(None)
        assert read.credentials(None) is None


def test_auth_header_in_the_unversioned_namespace() -> None:
    read = headers(auth(user="u@x", password="pw", locale="fr-FR", appName="app"))
    assert read.auth is not None
    assert (read.auth.user, read.auth.password, read.auth.locale) == ("u@x", "pw", "fr-FR")
    assert read.auth.app_name == "app"
    assert read.auth.gzip_response is None
    assert read.auth.fault_http_status_code is None


def test_auth_header_in_the_body_namespace() -> None:
    read = headers(auth(IPS_2008_01_15, user="u@x", password="pw"))
    assert read.auth is not None
    assert read.auth.user == "u@x"


def test_versioned_auth_header_not_matching_the_body_is_ignored() -> None:
    assert headers(auth(IPS_2008_01_15, user="u@x"), body_namespace=None).auth is None
    assert headers(auth("urn:other", user="u@x")).auth is None


def test_auth_header_children_in_any_order_and_prefix() -> None:
    xml = (
        f'<h:authHeader xmlns:h="{IPS_XSD}">'
        "<h:locale>ja</h:locale><h:appVersion>1.2</h:appVersion>"
        "<h:password> pw </h:password><h:user>u@x</h:user>"
        "</h:authHeader>"
    )
    read = headers(xml)
    assert read.auth is not None
    # the password is taken as sent, blanks included; other values are trimmed
    assert (read.auth.user, read.auth.password, read.auth.locale) == ("u@x", " pw ", "ja")
    assert read.auth.app_version == "1.2"


def test_empty_locale_is_none() -> None:
    read = headers(auth(user="u@x", locale=" "))
    assert read.auth is not None
    assert read.auth.locale is None


def test_legacy_auth_user_and_password() -> None:
    read = headers(LEGACY)
    assert read.auth is None
    assert (read.legacy_user, read.legacy_password) == ("legacy@x", "legacy-pw")
    assert read.credentials(None) == Credentials("legacy@x", "legacy-pw", "legacy")


def test_legacy_elements_in_another_namespace_are_ignored() -> None:
    read = headers(f'<AuthUser xmlns="{IPS_XSD}">x</AuthUser>')
    assert read.legacy_user is None


def test_comments_between_headers_are_skipped() -> None:
    read = headers("<!-- hi -->" + auth(user="u@x"))
    assert read.auth is not None
    assert read.auth.user == "u@x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("1", True),
        ("false", False),
        ("0", False),
        ("TRUE", True),
        (" false ", False),
        ("maybe", None),
        ("", None),
        ("yes", None),
    ],
)
def test_gzip_response(text: str, expected: bool | None) -> None:
    read = headers(auth(user="u@x", gzipResponse=text))
    assert read.auth is not None
    assert read.auth.gzip_response is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("200", 200),
        (" 500 ", 500),
        ("599", 599),
        ("205", 205),
        ("100", None),  # 1xx, 204 and 304 cannot carry the fault
        ("199", None),
        ("204", None),
        ("304", None),
        ("abc", None),
        ("99", None),
        ("600", None),
        ("", None),
        ("-200", None),
        ("200.0", None),
    ],
)
def test_fault_http_status_code(text: str, expected: int | None) -> None:
    read = headers(auth(user="u@x", faultHttpStatusCode=text))
    assert read.auth is not None
    assert read.auth.fault_http_status_code == expected


@pytest.mark.parametrize("text", ["2_00", "\uff12\uff10\uff10"])
def test_fault_http_status_code_rejects_non_xsd_int(text: str) -> None:
    read = headers(auth(user="u@x", faultHttpStatusCode=text))
    assert read.auth is not None
    assert read.auth.fault_http_status_code is None


BASIC = ("basic@x", "basic-pw")


def test_credentials_auth_header_beats_legacy_and_basic() -> None:
    read = headers(LEGACY + auth(user="u@x", password="pw"))
    assert read.credentials(BASIC) == Credentials("u@x", "pw", "authHeader")


def test_credentials_legacy_beats_basic() -> None:
    assert headers(LEGACY).credentials(BASIC) == Credentials("legacy@x", "legacy-pw", "legacy")


def test_credentials_basic_last() -> None:
    assert headers("").credentials(BASIC) == Credentials("basic@x", "basic-pw", "basic")
    assert headers("").credentials(("", "pw")) is None


def test_auth_header_without_user_falls_through() -> None:
    read = headers(LEGACY + auth(password="pw", locale="de"))
    assert read.auth is not None
    assert read.auth.locale == "de"  # the header still counts for its locale
    assert read.credentials(BASIC) == Credentials("legacy@x", "legacy-pw", "legacy")
    assert headers(auth(password="pw")).credentials(BASIC) == Credentials(*BASIC, "basic")


def test_auth_header_user_without_password() -> None:
    assert headers(auth(user="u@x")).credentials(BASIC) == Credentials("u@x", "", "authHeader")


def test_minute_stamps_are_kept_for_a_bounded_number_of_minutes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Instants in UTC format their minutes once (``_MinuteStamps``); past its size the
    cache starts again, and every stamp stays right."""
    monkeypatch.setattr(serializer._MinuteStamps, "SIZE", 3)
    writer = ResponseWriter(REGISTRY, VERSION, NAMESPACE, UTC)
    start = instant(datetime(2008, 6, 11, 23, 58, 59, 999999, UTC))
    dates = [start + 30_000_000 * i for i in range(8)]  # 5 minutes, a new day
    rows = Rows(("logDate",), [(d,) for d in dates])
    body = writer.body(REGISTRY.operations["getAssetJobLogs"], {"jobLogArray": {"items": rows}})
    expected = [
        "2008-06-11T23:58:59.999Z", "2008-06-11T23:59:29.999Z", "2008-06-11T23:59:59.999Z",
        "2008-06-12T00:00:29.999Z", "2008-06-12T00:00:59.999Z", "2008-06-12T00:01:29.999Z",
        "2008-06-12T00:01:59.999Z", "2008-06-12T00:02:29.999Z",
    ]  # fmt: skip
    assert re.findall("<logDate>([^<]*)</logDate>", body) == expected
    minutes = writer._names["minutes"]
    assert 0 < len(minutes) <= 3
