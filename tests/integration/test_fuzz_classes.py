"""A fuzz strategy for each class of input the hardening issue found defects in.

``test_fuzz.py`` builds whole requests from the declarations; these aim at one class
each, where the defects were: dates at the edges of the range and of the offsets,
counts over the whole int range, nested structures (many conditions, deep
elements), credentials as clients really send them, cron schedules, and the admin
API's JSON (numbers, depth, cursors). Every answer must be a success or a documented
fault (JSON error for the admin API), nothing logged as an error, and a failed call
must leave the database as it was.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from xml.sax.saxutils import escape

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from ips_emulator import EmulatorServer
from ips_emulator.config import INSTANT
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_2008, NS_XSD, envelope, post
from tests.integration.test_fuzz import FUZZ, ErrorLog, call_and_check, errors, render

__all__ = ["errors"]  # the fixture, shared with test_fuzz.py
pytestmark = [pytest.mark.slow, pytest.mark.fuzz]
TOKEN = "fuzz-token"

# -- dates: the edges of the range (0001-01-02 .. 9998-12-31) and of the offsets ----------

edge_days = st.sampled_from([datetime(1, 1, 1), datetime(1, 1, 2), datetime(9998, 12, 31),
                             datetime(9999, 12, 31, 23, 59, 59), datetime(1970, 1, 1)])  # fmt: skip


def _shifted(day: datetime, seconds: int) -> datetime:
    try:
        return day + timedelta(seconds=seconds)
    except OverflowError:  # past year 1 or 9999: the edge itself
        return day


near_edges = st.builds(_shifted, edge_days, st.integers(-2 * 86400, 2 * 86400))
offset = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
dates = st.one_of(
    st.builds(lambda d, z: d.replace(tzinfo=z).isoformat(), near_edges, offset),
    st.datetimes(timezones=st.one_of(st.none(), st.just(UTC), offset)).map(
        lambda d: d.isoformat(timespec="microseconds")
    ),
    st.sampled_from(
        [
            "2008-01-15T23:59:60Z",
            "2008-01-15T00:00:00.1234567890Z",
            "2008-01-15T00:00:00+14:01",
            "2008-01-15T00:00:00-14:00",
            "0000-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z",
            "2008-01-15T00:00:00+00:00:00",
        ]
    ),
)


def _call(op: str, children: list[tuple[str, Any]]) -> bytes:
    body = render(f"{op}Param", children, f' xmlns="{NS_2008}"')
    return envelope(body, f'<authHeader xmlns="{NS_XSD}"><user>{DEMO_USER}</user>'
                          f"<password>{DEMO_PASSWORD}</password></authHeader>")  # fmt: skip


@pytest.fixture(scope="module")
def class_server(make_server: ServerFactory) -> EmulatorServer:
    return make_server(job_speed=INSTANT, admin_token=TOKEN)


@FUZZ
@given(start=dates, end=dates)
def test_job_log_date_windows(
    class_server: EmulatorServer, errors: ErrorLog, start: str, end: str
) -> None:
    data = _call("getJobLogs", [("companyHandle", "c|6"), ("startDate", start), ("endDate", end)])
    call_and_check(class_server, errors, data, "getJobLogsReturn")


@FUZZ
@given(when=dates)
def test_exec_time(class_server: EmulatorServer, errors: ErrorLog, when: str) -> None:
    job = [("emailSetting", "None")]
    data = _call("submitJob", [("companyHandle", "c|6"), ("jobName", "fuzz-when"),
                               ("execTime", when), ("optimizeImagesJob", job)])  # fmt: skip
    call_and_check(class_server, errors, data, "submitJobReturn")


# -- counts: the whole int range, and past it ---------------------------------------------

counts = st.one_of(
    st.integers(-(2**31), 2**31 - 1),
    st.sampled_from([-1, 0, 1, 1000, 1001, 10_000, 10_001, 2**31 - 1, -(2**31)]),
).map(str)


@FUZZ
@given(rows=counts, per_page=counts, page=counts)
def test_paging_counts(
    class_server: EmulatorServer, errors: ErrorLog, rows: str, per_page: str, page: str
) -> None:
    logs = _call("getJobLogs", [("companyHandle", "c|6"), ("numRows", rows)])
    call_and_check(class_server, errors, logs, "getJobLogsReturn")
    details = _call("getJobLogDetails", [
        ("companyHandle", "c|6"), ("originalName", "submitServerUploadJob40"),
        ("recordsPerPage", per_page), ("resultsPage", page),
    ])  # fmt: skip
    call_and_check(class_server, errors, details, "getJobLogDetailsReturn")
    search = _call("searchAssets", [
        ("companyHandle", "c|6"), ("includeSubfolders", "true"),
        ("recordsPerPage", per_page), ("resultsPage", page),
    ])  # fmt: skip
    call_and_check(class_server, errors, search, "searchAssetsReturn")


# -- nested structures: many conditions, deep elements ---------------------------------------

condition = st.fixed_dictionaries(
    {"field": st.sampled_from(["Name", "FileName", "Created", "LastModified", "Sku", "X"]),
     "op": st.sampled_from(["Equals", "Contains", "Between", "LessThan", "NotEquals", "Y"])},
    optional={"value": st.text(max_size=10), "minDate": dates, "maxDate": dates,
              "dateVal": dates},
)  # fmt: skip


@FUZZ
@given(conditions=st.lists(condition, max_size=600), mode=st.sampled_from(["MatchAll", "MatchAny"]))
def test_many_search_conditions(
    class_server: EmulatorServer, errors: ErrorLog, conditions: list[dict[str, str]], mode: str
) -> None:
    items = [("items", list(c.items())) for c in conditions]
    data = _call("searchAssets", [("companyHandle", "c|6"), ("includeSubfolders", "true"),
                                  ("systemFieldMatchMode", mode),
                                  ("systemFieldConditionArray", items)])  # fmt: skip
    call_and_check(class_server, errors, data, "searchAssetsReturn")


@FUZZ
@given(depth=st.integers(1, 300), where=st.sampled_from(["companyHandle", "nameArray", "extra"]))
def test_deep_elements(
    class_server: EmulatorServer, errors: ErrorLog, depth: int, where: str
) -> None:
    deep: Any = "x"
    for _ in range(depth):
        deep = [("items", deep)]
    children = [("companyHandle", "c|6"), ("nameArray", [("items", "Hat")])]
    children = [(n, deep if n == where else v) for n, v in children]
    if where == "extra":
        children.append(("extra", deep))
    call_and_check(class_server, errors, _call("getAssetsByName", children),
                   "getAssetsByNameReturn")  # fmt: skip


# -- credentials as sent: whitespace, split text, Basic ------------------------------------

padding = st.sampled_from(["", " ", "\t", "\n", "\u00a0", "\u200b"])
passwords = st.one_of(
    st.builds(lambda a, b: f"{a}{DEMO_PASSWORD}{b}", padding, padding),
    st.sampled_from(["de<!-- c -->mo", "de<x/>mo", "<![CDATA[demo]]>", "de&#109;o", "DEMO"]),
    st.text(max_size=20),
)


#: Passwords sent as markup, not text: split by a comment or an element, CDATA, a reference.
MARKUP = ("de<!-- c -->mo", "de<x/>mo", "<![CDATA[demo]]>", "de&#109;o")


@FUZZ
@given(password=passwords, how=st.sampled_from(["header", "basic"]))
def test_credentials_are_taken_as_sent(
    class_server: EmulatorServer, errors: ErrorLog, password: str, how: str
) -> None:
    body = render("getCompanyMembershipParam", [], f' xmlns="{NS_2008}"')
    if how == "header":
        raw = password if password in MARKUP else escape(password)
        header = (f'<authHeader xmlns="{NS_XSD}"><user>{DEMO_USER}</user>'
                  f"<password>{raw}</password></authHeader>")  # fmt: skip
        data, extra = envelope(body, header), {}
    else:
        if ":" in DEMO_USER or "\n" in password:
            return
        token = base64.b64encode(f"{DEMO_USER}:{password}".encode()).decode()
        data, extra = envelope(body), {"Authorization": f"Basic {token}"}
    answer = post(class_server.service_url, data, headers=extra)
    assert errors.messages == []
    # Exactly the demo password logs in. In a header, a comment, CDATA or a character
    # reference leave the element's text "demo"; a child element splits it (30001).
    same_text = how == "header" and password in MARKUP and password != "de<x/>mo"
    if password == DEMO_PASSWORD or same_text:
        assert answer.status == 200, answer.content
    else:
        assert answer.status == 500
        assert answer.fault()[2:4] in (
            ("authenticationFault", 10001),
            ("ipsApiFault", 30001),
            ("ipsApiFault", 30003),  # a control character XML cannot carry
        )


# -- cron schedules -------------------------------------------------------------------------

cron_field = st.one_of(
    st.sampled_from(
        [
            "*",
            "?",
            "0",
            "59",
            "L",
            "W",
            "1W",
            "L-3",
            "5#3",
            "MON-FRI",
            "*/5",
            "1,2,3",
            "60",
            "-1",
            "JAN",
            "32",
            "",
            "1-",
            "/",
            "#",
        ]
    ),
    st.integers(0, 100).map(str),
)
schedules = st.lists(cron_field, min_size=5, max_size=8).map(" ".join)


@FUZZ
@given(schedule=schedules)
def test_exec_schedules(class_server: EmulatorServer, errors: ErrorLog, schedule: str) -> None:
    data = _call("submitJob", [("companyHandle", "c|6"), ("jobName", "fuzz-cron"),
                               ("execSchedule", schedule),
                               ("optimizeImagesJob", [("emailSetting", "None")])])  # fmt: skip
    call_and_check(class_server, errors, data, "submitJobReturn")
    cleanup = _call("getScheduledJobs", [("companyHandle", "c|6")])
    call_and_check(class_server, errors, cleanup, "getScheduledJobsReturn")


# -- the admin API's JSON ---------------------------------------------------------------------

numbers = st.one_of(
    st.integers(), st.floats(), st.booleans(), st.none(), st.text(max_size=5),
    st.sampled_from([1e15, 1e308, -1, 2**63, 10**40]),
)  # fmt: skip
json_values = st.recursive(numbers, lambda inner: st.lists(inner, max_size=3), max_leaves=10)


def _admin(server: EmulatorServer, method: str, path: str, body: bytes) -> requests.Response:
    return requests.request(method, server.url + path, data=body, timeout=30,
                            headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip


def _json_error(answer: requests.Response) -> None:
    assert answer.status_code < 500, (answer.status_code, answer.text[:300])
    if answer.status_code >= 400:
        assert set(answer.json()) >= {"error", "message"}


@pytest.fixture(scope="module")
def clock_server(make_server: ServerFactory) -> EmulatorServer:
    """A server of its own: its clock may end up anywhere in the range."""
    return make_server(admin_token=TOKEN)


@FUZZ
@given(advance=json_values, set_to=st.one_of(dates, numbers))
def test_admin_clock_numbers(
    clock_server: EmulatorServer, errors: ErrorLog, advance: Any, set_to: Any
) -> None:
    for body in ({"advance": advance}, {"set": set_to}):
        _json_error(_admin(clock_server, "POST", "/admin/clock", json.dumps(body).encode()))
    assert errors.messages == []


cursors = st.fixed_dictionaries(
    {"job": json_values, "dir": st.sampled_from(["next", "prev", "up"]),
     "created": st.one_of(dates, numbers), "id": json_values},
)  # fmt: skip


@FUZZ
@given(depth=st.integers(1, 100_000), cursor=cursors, limit=json_values)
def test_admin_deep_bodies_and_cursors(
    class_server: EmulatorServer, errors: ErrorLog, depth: int, cursor: Any, limit: Any
) -> None:
    deep = b"[" * depth + b"]" * depth
    _json_error(_admin(class_server, "POST", "/admin/faults", deep))
    encoded = base64.urlsafe_b64encode(json.dumps(cursor).encode()).decode()
    path = "/admin/companies/c|6/jobs/j|6||Add_2007-10-24-16:11:07/logs"
    answer = requests.get(class_server.url + path, params={"page_cursor": encoded, "limit": limit},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)  # fmt: skip
    _json_error(answer)
    assert errors.messages == []
