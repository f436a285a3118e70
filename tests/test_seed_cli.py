"""``ips-emulator seed``, ``export``, ``generate`` and ``users``, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from ips_emulator.cli import main
from ips_emulator.domain.passwords import verify_password
from ips_emulator.resources import package_file
from ips_emulator.storage.db import Database
from ips_emulator.storage.tables import User

DEMO = str(package_file("demo.json"))
DATE = "2022-05-06T07:08:09.123+02:00"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def export(url: str, *args: str) -> str:
    result = run("export", "--database-url", url, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    "command",
    [["seed"], ["export"], ["generate"], ["users", "list"], ["users", "add"], ["users", "passwd"]],
)
def test_every_data_command_has_help_and_takes_the_database(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "--database-url" in result.output
    assert "IPS_EMULATOR_DATABASE_URL" in result.output


def test_serve_help_offers_the_admin_token() -> None:
    result = run("serve", "--help")
    assert "--admin-token" in result.output
    assert "IPS_EMULATOR_ADMIN_TOKEN" in result.output


def test_seed_loads_json_and_yaml(tmp_path: Path, url: str) -> None:
    result = run("seed", DEMO, "--database-url", url)
    assert result.exit_code == 0, result.output
    assert "loaded 1 companies, 2 users, 1 assets, 2 jobs, 10 log entries" in result.stdout
    yaml_file = tmp_path / "more.yaml"
    yaml_file.write_text(
        "companies:\n  - name: Yaml Co\n    expires: 2030-01-01T00:00:00Z\n", encoding="utf-8"
    )
    assert run("seed", str(yaml_file), "--database-url", url).exit_code == 0
    companies = json.loads(export(url))["companies"]
    assert companies[1] == {
        "handle": "c|7", "name": "Yaml Co", "rootPath": "YamlCo/",
        "expires": "2030-01-01T00:00:00.000+00:00",
    }  # fmt: skip


def test_seed_errors_name_file_and_path_exit_1_and_load_nothing(tmp_path: Path, url: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({
        "companies": [{"handle": "c|1", "name": "Fine"}],
        "users": [{"email": "a@b.test", "role": "Wizard", "companies": ["c|1"]}],
        "assets": [{"company": "c|1", "name": "x.jpg", "created": DATE}],
    }), encoding="utf-8")  # fmt: skip
    result = run("seed", str(bad), "--database-url", url)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{bad}: users[0].role: 'Wizard' is not an IPS user role",
        f"{bad}: assets[0].type: is required",
    ]
    assert json.loads(export(url))["companies"] == []
    # A problem only the database shows (a reference to nothing) is reported the same way.
    bad.write_text(json.dumps({"companies": [{"name": "Fine"}],
                               "users": [{"email": "a@b.test", "role": "IpsUser",
                                          "companies": ["c|9"]}]}))  # fmt: skip
    result = run("seed", str(bad), "--database-url", url)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}: users[0].companies[0]: 'c|9' is not defined")
    assert json.loads(export(url))["companies"] == []


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [("broken.json", "{", "not valid JSON"), ("broken.yaml", "a: [", "not valid YAML")],
)
def test_unreadable_files_exit_1(
    tmp_path: Path, url: str, name: str, text: str, words: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("seed", str(path), "--database-url", url)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}: {words}")
    missing = run("seed", str(tmp_path / "missing.json"), "--database-url", url)
    assert missing.exit_code == 1
    assert "cannot be read" in missing.stderr


def test_check_loads_nothing(url: str) -> None:
    result = run("seed", DEMO, "--check", "--database-url", url)
    assert result.exit_code == 0
    assert "valid (1 companies" in result.stdout
    assert "nothing loaded" in result.stdout
    assert json.loads(export(url))["jobs"] == []


def rich_document() -> dict[str, Any]:
    """Every field of the format away from its default."""
    return {
        "companies": [{"handle": "c|10", "name": "Edge Co", "rootPath": "edge/",
                       "expires": "2031-02-03T04:05:06.789+00:00"}],
        "users": [{"email": "Edge@Example.test", "password": "pw", "role": "IpsCompanyAdmin",
                   "firstName": "Ed", "lastName": "Ge", "isValid": False,
                   "passwordExpires": DATE}],
        "memberships": [{"user": "Edge@Example.test", "company": "c|10", "isActive": False}],
        "folders": [{"company": "c|10", "path": "empty/", "lastModified": DATE,
                     "childLastModified": "2024-01-01T00:00:00.000+00:00"}],
        "assets": [{"handle": "a|10", "company": "c|10", "folder": "a/b/", "name": "e.tif",
                    "type": "Image", "created": DATE, "createUser": "Edge@Example.test",
                    "lastModified": "2023-01-01T00:00:00.000001+00:00",
                    "lastModifyUser": "retoucher@example.test",
                    "metadata": [{"name": "eVideoTypeImage", "value": ""},
                                 {"name": "colour", "value": "red"}],
                    "imageInfo": {"originalPath": "up/", "originalFile": "E.PNG",
                                  "optimizedPath": "edge/_optimized_/0ab/",
                                  "optimizedFile": "0ab.tif", "maskPath": "edge/m/",
                                  "maskFile": "e.png", "width": 3, "height": 2, "fileSize": 9,
                                  "resolution": 72.5, "sku": "S-1", "description": "Edge",
                                  "comments": "c", "userData": "u", "anchorX": -1,
                                  "anchorY": 5}},
                   {"company": "c|10", "name": "e.pdf", "type": "Pdf", "created": DATE,
                    "lastModifyUser": "Edge@Example.test"}],
        "jobs": [{"company": "c|10", "submitUser": "Edge@Example.test", "name": "Edge_1",
                  "originalName": "Edge", "type": "UrlUpload", "created": DATE,
                  "endDate": DATE, "state": "Running", "locale": "de_DE",
                  "description": "a run", "logs": [
                      {"template": "upload.success", "params": {"asset_path": "edge/a/b/e.tif"},
                       "logType": "CustomType", "date": DATE, "asset": "a|10"}]}],
    }  # fmt: skip


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_export_then_seed_round_trips_identically(tmp_path: Path, url: str, fmt: str) -> None:
    rich = tmp_path / "rich.json"
    rich.write_text(json.dumps(rich_document()), encoding="utf-8")
    assert run("seed", DEMO, "--database-url", url).exit_code == 0
    loaded = run("seed", str(rich), "--database-url", url)
    assert loaded.exit_code == 0, loaded.output
    generated = run("generate", "--database-url", url, "--companies", "2", "--assets", "20",
                    "--logs", "500", "--seed", "3", "--until", "2024-01-01")  # fmt: skip
    assert generated.exit_code == 0, generated.output
    first = tmp_path / f"first.{fmt}"
    assert run("export", "--database-url", url, "-o", str(first)).exit_code == 0
    copy_url = f"sqlite:///{tmp_path / 'copy.db'}"
    assert run("seed", str(first), "--database-url", copy_url).exit_code == 0
    second = export(copy_url, "--format", fmt)
    assert second == first.read_text(encoding="utf-8")
    document = json.loads(export(copy_url))
    assert len(document["jobs"]) > 20
    assert (
        sum(len(job["logs"]) for job in document["jobs"]) == 10 + 1 + 500
    )  # demo, rich, generated
    image, pdf = (a for a in document["assets"] if a["company"] == "c|10")
    given_image, given_pdf = rich_document()["assets"]
    assert image == {**given_image, "created": "2022-05-06T05:08:09.123+00:00"}
    assert {k: v for k, v in pdf.items() if k != "handle"} == {
        **given_pdf,
        "created": "2022-05-06T05:08:09.123+00:00",
    }  # no createUser given: none invented, no imageInfo for a Pdf
    edge_folders = [f for f in document["folders"] if f["company"] == "c|10"]
    assert [f["path"] for f in edge_folders] == ["a/", "a/b/", "empty/"]  # empty/ kept
    assert edge_folders[2] == {
        **rich_document()["folders"][0], "lastModified": "2022-05-06T05:08:09.123+00:00",
    }  # fmt: skip
    edge = next(u for u in document["users"] if u["email"] == "Edge@Example.test")
    assert edge["isValid"] is False
    assert document["memberships"] == [
        {"user": "Edge@Example.test", "company": "c|10", "isActive": False}
    ]


def test_generate_reports_what_it_wrote(url: str) -> None:
    result = run("generate", "--database-url", url, "--companies", "3", "--assets", "30",
                 "--logs", "1000", "--seed", "1")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Added 3 companies, 9 users, 30 assets" in result.stdout
    assert "and 1000 log entries" in result.stdout
    assert "entries/s" in result.stdout
    assert sum(len(j["logs"]) for j in json.loads(export(url))["jobs"]) == 1000
    assert run("generate", "--database-url", url, "--companies", "0").exit_code == 2


def test_users_add_list_and_passwd(tmp_path: Path, url: str) -> None:
    assert run("seed", DEMO, "--database-url", url).exit_code == 0
    env = {"IPS_EMULATOR_DATABASE_URL": url}  # the environment works like --database-url
    added = run("users", "add", "qa@example.test", "--role", "IpsUser", "--password", "one",
                "--company", "c|6", env=env)  # fmt: skip
    assert added.exit_code == 0, added.output
    assert added.stdout.strip() == "Added u|3|qa@example.test"
    listed = run("users", "list", "--company", "c|6", env=env).stdout.splitlines()
    assert listed[-1] == "u|3|qa@example.test\tqa@example.test\tIpsUser\tvalid\tc|6"
    assert len(listed) == 3
    assert run("users", "passwd", "QA@example.test", "--password", "two", env=env).exit_code == 0
    database = Database(url)
    with database.store() as store:
        stored = store.orm.query(User.password_hash).filter(User.email == "qa@example.test")
        assert verify_password("two", stored.scalar() or "")
    database.dispose()


def test_users_errors_name_the_option(url: str) -> None:
    bad_role = run("users", "add", "x@y.test", "--role", "Boss", "--password", "p",
                   "--database-url", url)  # fmt: skip
    assert bad_role.exit_code == 1
    assert bad_role.stderr.strip() == "--role: 'Boss' is not an IPS user role"
    bad_company = run("users", "add", "x@y.test", "--role", "IpsUser", "--password", "p",
                      "--company", "c|404", "--database-url", url)  # fmt: skip
    assert bad_company.exit_code == 1
    assert bad_company.stderr.startswith("--company: 'c|404' is not defined")
    nobody = run("users", "passwd", "nobody@x.test", "--password", "p", "--database-url", url)
    assert nobody.exit_code == 1
    assert "no user 'nobody@x.test'" in nobody.stderr
    assert run("users", "list", "--database-url", url).stdout == ""
