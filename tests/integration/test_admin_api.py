"""The JSON admin API under /admin/, over HTTP against a real server."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import pytest
import requests
from sqlalchemy import select

from ips_emulator import EmulatorServer, Settings, create_app
from ips_emulator.domain.clock import ManualClock, SystemClock
from ips_emulator.storage import job_logs
from ips_emulator.storage.tables import Job
from tests.conftest import ServerFactory
from tests.databases import Databases
from tests.helpers import asset_logs_param, auth_header, envelope, post

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEMO_JOB = "j|6||Add_2007-10-24-16:11:07"
BASE = datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)


@pytest.fixture(scope="module")
def admin_server(databases: Databases) -> Iterator[EmulatorServer]:
    settings = Settings(database_url=databases.new_url(), admin_token=TOKEN)
    server = EmulatorServer(create_app(settings, ManualClock(BASE))).start()
    yield server
    server.stop()


@pytest.fixture
def admin(admin_server: EmulatorServer) -> EmulatorServer:
    """The admin server as new: demo data only, no faults, empty journal, clock at BASE."""
    admin_server.app.reset()
    clock = admin_server.app.clock
    assert isinstance(clock, ManualClock)
    clock.set(BASE)
    return admin_server


def job_id(server: EmulatorServer, handle: str) -> int:
    with server.app.database.store() as store:
        return int(store.orm.scalars(select(Job.id).where(Job.handle == handle)).one())


def call(server: EmulatorServer, method: str, path: str, **kwargs: Any) -> requests.Response:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    return requests.request(method, server.url + path, headers=headers, timeout=30, **kwargs)


def logs_path(company: str = "c|6", job: str = DEMO_JOB) -> str:
    return f"/admin/companies/{quote(company, safe='')}/jobs/{quote(job, safe='')}/logs"


def big_job(entries: int) -> dict[str, Any]:
    """Company c|50 and a job with ``entries`` entries, ten to a millisecond (ties)."""
    logs = [
        {"template": "upload.success", "params": {"asset_path": f"Big/f{i}.jpg"},
         "date": (BASE + timedelta(milliseconds=i // 10)).isoformat()}
        for i in range(entries)
    ]  # fmt: skip
    return {
        "companies": [{"handle": "c|50", "name": "Big"}],
        "users": [
            {"email": "big@x.test", "password": "pw", "role": "IpsUser", "companies": ["c|50"]}
        ],
        "jobs": [
            {
                "handle": "j|50||big|1",
                "company": "c|50",
                "submitUser": "big@x.test",
                "name": "big",
                "type": "UrlUpload",
                "created": BASE.isoformat(),
                "logs": logs,
            }
        ],
    }


# Authentication


def test_closed_when_no_token_is_configured(server: EmulatorServer) -> None:
    response = call(server, "GET", "/admin/journal")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "--admin-token" in response.json()["message"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
     {"Authorization": "Bearer "}],
)  # fmt: skip
def test_token_is_required(admin: EmulatorServer, headers: dict[str, str]) -> None:
    url = admin.url + "/admin/reset"
    response = requests.post(url, headers=headers, timeout=30)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="ips-emulator admin"')
    assert call(admin, "GET", "/admin/clock").status_code == 200


# Seed and reset


def test_seed_loads_what_soap_then_serves(admin: EmulatorServer) -> None:
    document = big_job(3)
    document["assets"] = [{"company": "c|50", "name": "f0.jpg", "type": "Image",
                           "created": BASE.isoformat()}]  # fmt: skip
    # Generated handles count on after the stored ones: the demo's a|732|1|535.
    document["jobs"][0]["logs"][0]["asset"] = "a|733"
    response = call(admin, "POST", "/admin/seed", json=document)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["users"][0].startswith("u|")
    assert result["users"][0].endswith("|big@x.test")
    assert {k: v for k, v in result.items() if k != "users"} == {
        "companies": ["c|50"], "folders": [], "metadataFields": [], "assets": ["a|733"],
        "jobs": ["j|50||big|1"], "entries": 3,
    }  # fmt: skip
    answer = post(
        admin.service_url,
        envelope(asset_logs_param("c|50", "a|733"), auth_header("big@x.test", "pw")),
    )
    assert answer.status == 200
    assert b"Big/f0.jpg was processed into IPS" in answer.content


def test_seed_errors_are_field_level_and_load_nothing(admin: EmulatorServer) -> None:
    bad = {"companies": [{"handle": "c|51", "name": ""}], "users": [{"email": "x@y"}]}
    response = call(admin, "POST", "/admin/seed", json=bad)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "companies[0].name", "message": "must not be empty"},
        {"field": "users[0].role", "message": "is required"},
    ]
    dangling = {"companies": [{"handle": "c|51", "name": "Ok"}],
                "assets": [{"company": "c|404", "name": "a.jpg", "type": "Image",
                            "created": BASE.isoformat()}]}  # fmt: skip
    response = call(admin, "POST", "/admin/seed", json=dangling)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "assets[0].company"
    assert "c|404" in error["message"]
    # c|51 was rolled back with the rest: loading it again works.
    assert call(admin, "POST", "/admin/seed", json={"companies": [{"handle": "c|51",
                "name": "Ok"}]}).status_code == 201  # fmt: skip
    response = call(admin, "POST", "/admin/seed", data=b"{not json")
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"


def test_reset_forgets_data_faults_journal_and_clock(admin: EmulatorServer) -> None:
    call(admin, "POST", "/admin/seed", json=big_job(1))
    call(admin, "POST", "/admin/faults", json={"operation": "*", "code": 30000, "times": None})
    call(admin, "POST", "/admin/clock", json={"advance": 60})
    post(admin.service_url, envelope(asset_logs_param(), auth_header()))
    assert call(admin, "POST", "/admin/reset").status_code == 204
    assert call(admin, "GET", "/admin/faults").json() == []
    assert call(admin, "GET", "/admin/journal").json() == []
    assert call(admin, "GET", logs_path("c|50", "j|50||big|1")).status_code == 404
    assert call(admin, "GET", logs_path()).json()["total"] == 5  # the demo data is back


# Faults and journal


def test_fault_rule_faults_soap_calls_until_cleared(admin: EmulatorServer) -> None:
    rule = {"operation": "getAssetJobLogs", "companyHandle": "c|6", "code": 30000,
            "reason": "Database down", "times": None}  # fmt: skip
    created = call(admin, "POST", "/admin/faults", json=rule)
    assert created.status_code == 201
    assert created.json() == {**rule, "user": None, "delay": 0.0, "used": 0}
    for _ in range(2):
        answer = post(admin.service_url, envelope(asset_logs_param(), auth_header()))
        assert answer.fault()[2:] == ("ipsApiFault", 30000, "Database down")
    [listed] = call(admin, "GET", "/admin/faults").json()
    assert listed["used"] == 2
    assert call(admin, "DELETE", "/admin/faults").status_code == 204
    answer = post(admin.service_url, envelope(asset_logs_param(), auth_header()))
    assert answer.status == 200


def test_fault_rule_defaults_to_one_call(admin: EmulatorServer) -> None:
    call(admin, "POST", "/admin/faults", json={"operation": "*", "code": 20003})
    first = post(admin.service_url, envelope(asset_logs_param(), auth_header()))
    assert first.fault()[2:4] == ("authorizationFault", 20003)
    assert post(admin.service_url, envelope(asset_logs_param(), auth_header())).status == 200


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"code": 30000}, ["operation"]),
        ({"operation": "*"}, ["code"]),
        ({"operation": "*", "code": 12345}, ["code"]),
        ({"operation": "*", "code": "30000"}, ["code"]),
        ({"operation": "*", "code": 30000, "times": 0, "delay": -1}, ["times", "delay"]),
        ({"operation": "*", "code": 30000, "color": "red"}, ["color"]),
        ([], ["$"]),
    ],
)
def test_bad_fault_rules_are_422(admin: EmulatorServer, body: Any, fields: list[str]) -> None:
    response = call(admin, "POST", "/admin/faults", json=body)
    assert response.status_code == 422
    assert sorted(e["field"] for e in response.json()["errors"]) == sorted(fields)
    assert call(admin, "GET", "/admin/faults").json() == []


def test_journal_lists_calls_by_operation(admin: EmulatorServer) -> None:
    post(admin.service_url, envelope(asset_logs_param(), auth_header(locale="fr-FR")))
    post(admin.service_url, envelope(asset_logs_param(asset="a|0"), auth_header()))
    journal = call(admin, "GET", "/admin/journal", params={"operation": "getAssetJobLogs"})
    ok, failed = journal.json()
    assert (ok["user"], ok["locale"], ok["fault_code"], ok["http_status"]) == (
        "demo@ips-emulator.test", "fr_FR", None, 200,
    )  # fmt: skip
    assert ok["params"] == {"companyHandle": "c|6", "assetHandle": "a|732|1|535"}
    assert ok["time"] == BASE.isoformat()
    assert (failed["fault_code"], failed["http_status"]) == (30001, 500)
    assert call(admin, "GET", "/admin/journal", params={"operation": "getJobLogs"}).json() == []
    assert "demo</password>" not in journal.text
    assert '"demo"' not in journal.text


# Clock


def test_clock_is_set_and_advanced(admin: EmulatorServer) -> None:
    assert call(admin, "GET", "/admin/clock").json() == {"now": "2021-03-04T05:06:07.000+00:00"}
    response = call(admin, "POST", "/admin/clock", json={"set": "2030-01-01T09:00:00+09:00"})
    assert response.json() == {"now": "2030-01-01T00:00:00.000+00:00"}
    response = call(admin, "POST", "/admin/clock", json={"advance": 90.5})
    assert response.json() == {"now": "2030-01-01T00:01:30.500+00:00"}
    assert admin.app.clock.now() == datetime(2030, 1, 1, 0, 1, 30, 500000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"set": "2030-01-01T00:00:00"}, "set"),
        ({"set": 5}, "set"),
        ({"set": "9999-12-31T23:59:59Z"}, "set"),  # past the accepted range: calls would fail
        ({"set": "0001-01-01T12:00:00Z"}, "set"),
        ({"advance": 251_768_976_833}, "advance"),  # to 9999-06-01: past the accepted range
        ({"advance": 1e15}, "advance"),  # more than a timedelta holds
        ({"advance": "soon"}, "advance"),
        ({"set": "2030-01-01T00:00:00Z", "advance": 1}, "$"),
        ({}, "$"),
    ],
)
def test_bad_clock_moves_are_422(admin: EmulatorServer, body: Any, field: str) -> None:
    response = call(admin, "POST", "/admin/clock", json=body)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert admin.app.clock.now() == BASE


def test_fixed_clock_is_409(make_test_server: ServerFactory) -> None:
    fixed = make_test_server(clock=SystemClock(), admin_token=TOKEN)
    response = call(fixed, "POST", "/admin/clock", json={"advance": 5})
    assert response.status_code == 409
    assert response.json()["error"] == "conflict"


# Job logs


def test_first_page_of_the_demo_job(admin: EmulatorServer) -> None:
    page = call(admin, "GET", logs_path(), params={"limit": 4}).json()
    assert page["total"] == 5
    assert page["prev_page"] is None
    assert page["next_page"]
    assert [e["logType"] for e in page["data"]] == [
        "BeginUpload", "OriginalJobName", "JobClient", "UploadSuccess",
    ]  # fmt: skip
    assert page["data"][3] == {
        "logType": "UploadSuccess",
        "template": "upload.success",
        "params": {"asset_path": "ApiTestCo/blakexslttest.jpg"},
        "message": "ApiTestCo/blakexslttest.jpg was processed into IPS",
        "date": "2007-10-24T23:12:32.297+00:00",
        "assetHandle": "a|732|1|535",
    }
    last = call(admin, "GET", logs_path(), params={"page_cursor": page["next_page"]}).json()
    assert [e["logType"] for e in last["data"]] == ["EndUpload"]
    assert last["next_page"] is None
    assert last["prev_page"]
    # The run's submitted-job handle is not stored for seeded runs; the run handle with
    # "|" written as is works too.
    assert call(admin, "GET", f"/admin/companies/c|6/jobs/{DEMO_JOB}/logs").status_code == 200


def pages(server: EmulatorServer, path: str, limit: int, key: str = "next_page",
          cursor: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Every page from ``cursor`` on, following ``key``."""
    found = []
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["page_cursor"] = cursor
        response = call(server, "GET", path, params=params)
        assert response.status_code == 200, response.text
        found.append(response.json())
        cursor = found[-1][key]
        if cursor is None:
            return found


def test_pages_forward_and_back_cover_every_entry_once(admin: EmulatorServer) -> None:
    call(admin, "POST", "/admin/seed", json=big_job(250))
    path = logs_path("c|50", "j|50||big|1")
    forward = pages(admin, path, 100)
    assert [len(p["data"]) for p in forward] == [100, 100, 50]
    assert {p["total"] for p in forward} == {250}
    seen = [e["params"]["asset_path"] for p in forward for e in p["data"]]
    assert seen == [f"Big/f{i}.jpg" for i in range(250)]  # ties kept in writing order
    backward = pages(admin, path, 100, "prev_page", forward[-1]["prev_page"])
    assert [p["data"] for p in reversed(backward)] == [p["data"] for p in forward[:2]]
    assert backward[-1]["prev_page"] is None


def test_pages_are_stable_while_entries_are_written(admin: EmulatorServer) -> None:
    call(admin, "POST", "/admin/seed", json=big_job(120))
    path = logs_path("c|50", "j|50||big|1")
    page = call(admin, "GET", path, params={"limit": 50}).json()
    seen = [e["params"]["asset_path"] for e in page["data"]]
    big, inserted = job_id(admin, "j|50||big|1"), 0
    while page["next_page"]:
        with admin.app.database.store() as store:
            for when in (BASE, BASE + timedelta(milliseconds=5), BASE + timedelta(hours=1)):
                job_logs.add_entry(store, big, "UploadSuccess", "upload.success",
                                   {"asset_path": f"New/{inserted}.jpg"}, when)  # fmt: skip
                inserted += 1
        params = {"limit": 50, "page_cursor": page["next_page"]}
        page = call(admin, "GET", path, params=params).json()
        seen += [e["params"]["asset_path"] for e in page["data"]]
    original = [s for s in seen if s.startswith("Big/")]
    assert original == [f"Big/f{i}.jpg" for i in range(120)]  # none skipped, none twice
    assert len(seen) == len(set(seen))
    assert any(s.startswith("New/") for s in seen)  # later entries show up at the end
    assert page["total"] == 120 + inserted


@pytest.mark.parametrize(("company", "job"), [("c|404", DEMO_JOB), ("c|6", "j|6||nothing|0")])
def test_unknown_company_or_job_is_404(admin: EmulatorServer, company: str, job: str) -> None:
    response = call(admin, "GET", logs_path(company, job))
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"page_cursor": "garbage!"}, "page_cursor"),
        ({"page_cursor": "eyJqb2IiOjF9"}, "page_cursor"),  # {"job":1}
    ],
)
def test_bad_limit_or_cursor_is_422(
    admin: EmulatorServer, params: dict[str, Any], field: str
) -> None:
    response = call(admin, "GET", logs_path(), params=params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_cursor_of_another_job_is_422(admin: EmulatorServer) -> None:
    first = call(admin, "GET", logs_path(), params={"limit": 1}).json()
    other = logs_path(job="j|6||submitServerUploadJob40_2008-06-11-11:38")
    response = call(admin, "GET", other, params={"page_cursor": first["next_page"]})
    assert response.status_code == 422
    assert "another job" in response.json()["errors"][0]["message"]


def test_unknown_admin_path_and_method(admin: EmulatorServer) -> None:
    assert call(admin, "GET", "/admin/nothing").status_code == 404
    response = call(admin, "GET", "/admin/reset")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def cursor_of(data: Any) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


_CURSOR = {"job": 1, "dir": "next", "created": "2021-03-04T05:06:07+00:00", "id": 1}


@pytest.mark.parametrize(
    "cursor",
    [
        cursor_of({**_CURSOR, "id": 1e20}),
        cursor_of({**_CURSOR, "id": True}),
        cursor_of({**_CURSOR, "id": 10**20}),  # past SQLite's and PostgreSQL's integers
        cursor_of({**_CURSOR, "id": -(10**20)}),
        cursor_of({**_CURSOR, "job": True}),
        cursor_of({**_CURSOR, "created": "2021-03-04T05:06:07"}),  # no offset
        cursor_of({**_CURSOR, "created": "9999-12-31T23:59:59-14:00"}),  # past year 9999 in UTC
        cursor_of([1, 2]),
        cursor_of("text"),
        base64.urlsafe_b64encode(b"[" * 5_000 + b"]" * 5_000).decode(),  # past json's recursion
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_malformed_cursors_are_422_json(admin: EmulatorServer, cursor: str) -> None:
    response = call(admin, "GET", logs_path(), params={"page_cursor": cursor})
    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["errors"] == [
        {"field": "page_cursor", "message": "is not a cursor this endpoint returned"}
    ]


@pytest.mark.parametrize("path", ["/admin/clock", "/admin/faults", "/admin/seed"])
def test_deeply_nested_bodies_are_400_json(admin: EmulatorServer, path: str) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    response = call(admin, "POST", path, data=body)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["error"] == "bad_request"
    assert "nested" in response.json()["message"]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/admin/clock", {"advance": 10**400}, "advance"),  # no float holds it
        ("/admin/clock", {"advance": -(10**400)}, "advance"),
        ("/admin/faults", {"operation": "*", "delay": 10**400}, "delay"),
    ],
)
def test_numbers_too_big_for_a_float_are_422_json(
    admin: EmulatorServer, path: str, body: Any, field: str
) -> None:
    response = call(admin, "POST", path, data=json.dumps(body))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert admin.app.clock.now() == BASE
    assert admin.app.faults.rules() == []
