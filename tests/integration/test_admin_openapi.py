"""docs/admin-api.yaml is the admin API: every documented path and answer is served as described."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from openapi_spec_validator.readers import read_from_filename
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from ips_emulator import EmulatorServer, Settings, create_app
from ips_emulator.domain.clock import ManualClock, SystemClock
from ips_emulator.server.admin import ROUTES
from tests.conftest import ServerFactory
from tests.databases import Databases
from tests.helpers import DISK_FULL, asset_logs_param, auth_header, envelope, failing, post

SPEC_FILE = Path(__file__).resolve().parents[2] / "docs" / "admin-api.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
SPEC_URI = "urn:ips-emulator:admin-api"
REGISTRY: Registry[Any] = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(SPEC))
TOKEN = "contract-token"
METHODS = ("get", "post", "put", "patch", "delete")
LOGS = "/admin/companies/{companyHandle}/jobs/{jobHandle}/logs"
DEMO = {"companyHandle": "c|6", "jobHandle": "j|6||Add_2007-10-24-16:11:07"}

#: (method, documented path, path parameters, query, JSON body, expected status)
Case = tuple[str, str, dict[str, str], dict[str, Any], Any, int]
CASES: list[Case] = [
    ("post", "/admin/seed", {}, {}, {"companies": [{"handle": "c|70", "name": "Contract"}]}, 201),
    ("post", "/admin/seed", {}, {}, {"companies": [{}]}, 422),
    ("post", "/admin/seed", {}, {}, b"{", 400),
    ("post", "/admin/faults", {}, {}, {"operation": "getJobLogs", "code": 30000}, 201),
    ("post", "/admin/faults", {}, {}, {"operation": "*"}, 422),
    ("post", "/admin/faults", {}, {}, b"[", 400),
    ("get", "/admin/faults", {}, {}, None, 200),
    ("delete", "/admin/faults", {}, {}, None, 204),
    ("get", "/admin/journal", {}, {"operation": "getAssetJobLogs"}, None, 200),
    ("get", "/admin/clock", {}, {}, None, 200),
    ("post", "/admin/clock", {}, {}, {"advance": 60}, 200),
    ("post", "/admin/clock", {}, {}, {"set": "tomorrow"}, 422),
    ("post", "/admin/clock", {}, {}, b"nope", 400),
    ("get", LOGS, DEMO, {"limit": 2}, None, 200),
    ("get", LOGS, {**DEMO, "jobHandle": "j|6||none|0"}, {}, None, 404),
    ("get", LOGS, DEMO, {"limit": 0}, None, 422),
    ("post", "/admin/reset", {}, {}, None, 204),
]


@pytest.fixture(scope="module")
def contract_server(databases: Databases) -> Iterator[EmulatorServer]:
    settings = Settings(database_url=databases.new_url(), admin_token=TOKEN)
    server = EmulatorServer(create_app(settings, ManualClock())).start()
    yield server
    server.stop()


def resolve(item: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (#/components/...) in the spec."""
    while "$ref" in item:
        node: Any = SPEC
        for part in item["$ref"].removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        item = node
    return item


def documented_answers() -> set[tuple[str, str, int]]:
    return {
        (method, path, int(status))
        for path, item in SPEC["paths"].items()
        for method, operation in item.items()
        if method in METHODS
        for status in operation["responses"]
    }


def check_against_spec(method: str, path: str, response: requests.Response) -> None:
    """The status is documented for the operation and the body matches its schema."""
    responses = SPEC["paths"][path][method]["responses"]
    assert str(response.status_code) in responses, (method, path, response.status_code)
    documented = resolve(responses[str(response.status_code)])
    if "content" not in documented:
        assert response.content == b"", (method, path)
        return
    assert response.headers["Content-Type"] == "application/json"
    status = str(response.status_code)
    pointer = "/".join(
        ["#", "paths", path.replace("~", "~0").replace("/", "~1"), method, "responses", status]
    )
    if "$ref" in responses[status]:
        pointer = "#" + responses[status]["$ref"].removeprefix("#")
    validator = Draft202012Validator(
        {"$ref": f"{SPEC_URI}{pointer}/content/application~1json/schema"},
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    validator.validate(response.json())
    for name in documented.get("headers", {}):
        assert name in response.headers, (method, path, name)


def send(server: EmulatorServer, case: Case, token: str | None = TOKEN) -> requests.Response:
    method, path, path_params, query, body, _ = case
    url = path
    for name, value in path_params.items():
        url = url.replace("{" + name + "}", quote(value, safe=""))
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kwargs: dict[str, Any] = {"data": body} if isinstance(body, bytes) else {"json": body}
    return requests.request(
        method, server.url + url, params=query, headers=headers, timeout=30, **kwargs
    )


def test_spec_is_valid_openapi_3_1() -> None:
    spec, base_uri = read_from_filename(str(SPEC_FILE))
    validate_openapi(spec, base_uri=base_uri)  # also resolves the seed schema reference
    assert SPEC["openapi"].startswith("3.1")


def test_every_served_route_is_documented_and_every_documented_path_served() -> None:
    served = {
        (method.lower(), rule.rule.replace("<company_handle>", "{companyHandle}")
         .replace("<path:job_handle>", "{jobHandle}"))
        for rule in ROUTES.iter_rules()
        for method in rule.methods or ()
        if method not in ("HEAD", "OPTIONS")
    }  # fmt: skip
    documented = {
        (method, path)
        for path, item in SPEC["paths"].items()
        for method in item
        if method in METHODS
    }
    assert served == documented


def test_live_answers_match_the_documented_schemas(
    contract_server: EmulatorServer, make_test_server: ServerFactory
) -> None:
    exercised: set[tuple[str, str, int]] = set()
    for case in CASES:
        response = send(contract_server, case)
        assert response.status_code == case[5], (case, response.text)
        check_against_spec(case[0], case[1], response)
        exercised.add((case[0], case[1], response.status_code))
        unauthorized = send(contract_server, case, token="wrong")
        assert unauthorized.status_code == 401
        check_against_spec(case[0], case[1], unauthorized)
        exercised.add((case[0], case[1], 401))
    # A call in the journal, so that its items are checked against the schema too.
    post(contract_server.service_url, envelope(asset_logs_param(), auth_header()))
    journal = send(contract_server, ("get", "/admin/journal", {}, {}, None, 200))
    assert journal.json(), "the journal check needs an entry"
    check_against_spec("get", "/admin/journal", journal)
    fixed = make_test_server(clock=SystemClock(), admin_token=TOKEN)
    conflict = send(fixed, ("post", "/admin/clock", {}, {}, {"advance": 1}, 409))
    check_against_spec("post", "/admin/clock", conflict)
    exercised.add(("post", "/admin/clock", conflict.status_code))
    exercised |= failure_answers(make_test_server)
    assert exercised == documented_answers()


def failure_answers(make_test_server: ServerFactory) -> set[tuple[str, str, int]]:
    """Each operation's answer to a database failure (those that use the database) and
    to a bug, checked against the spec."""
    exercised: set[tuple[str, str, int]] = set()
    broken = make_test_server(admin_token=TOKEN)
    successes = [case for case in CASES if case[5] < 300]
    with failing(broken, "", len(successes), DISK_FULL) as statements:
        for case in successes:
            before = len(statements)
            response = send(broken, case)
            if len(statements) > before:  # it asked the database
                assert response.status_code == 503, (case, response.text)
                check_against_spec(case[0], case[1], response)
                exercised.add((case[0], case[1], 503))

    def bug(request: object) -> None:
        raise RuntimeError("simulated bug")

    broken.app.admin.authorize = bug  # type: ignore[method-assign]
    for case in successes:
        response = send(broken, case)
        assert response.status_code == 500, (case, response.text)
        check_against_spec(case[0], case[1], response)
        exercised.add((case[0], case[1], 500))
    return exercised
