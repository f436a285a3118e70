"""Secrets: no password or authHeader content in logs, the journal or fault reasons; the
optional login-failure limit."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from ips_emulator import EmulatorServer
from tests.conftest import ServerFactory
from tests.helpers import (
    DEMO_PASSWORD,
    DEMO_USER,
    NS_2008,
    Answer,
    asset_logs_param,
    auth_header,
    envelope,
    post,
)

USER = "keeper@ips-emulator.test"
PASSWORD = "Pw-7f3a9c-SECRET"
WRONG = "Wrong-b81d2e-SECRET"
MARKERS = ("7f3a9c", "b81d2e", "SECRET")
LOGGERS = ("ips_emulator", "spyne", "waitress")


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        formatter = logging.Formatter()
        return "\n".join(formatter.format(r) for r in self.records)


@pytest.fixture(scope="module")
def keeper(make_server: ServerFactory) -> EmulatorServer:
    server = make_server()
    server.app.seed(
        {
            "users": [
                {
                    "email": USER,
                    "password": PASSWORD,
                    "role": "IpsAdmin",
                    "firstName": "Kee",
                    "lastName": "Per",
                    "companies": ["c|6"],
                }
            ]
        }
    )
    return server


@pytest.fixture
def logs() -> Iterator[Capture]:
    """Every record of the server's loggers, DEBUG included, while the test runs."""
    capture = Capture()
    levels = {}
    for name in LOGGERS:
        logger = logging.getLogger(name)
        levels[name] = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(capture)
    yield capture
    for name in LOGGERS:
        logging.getLogger(name).removeHandler(capture)
        logging.getLogger(name).setLevel(levels[name])


def calls(url: str) -> list[Answer]:
    check_login = (
        f'<checkLoginParam xmlns="{NS_2008}"><email>{USER}</email>'
        f"<password>{PASSWORD}</password></checkLoginParam>"
    )
    legacy = (
        '<AuthUser xmlns="http://www.scene7.com/IpsApi">'
        f'{USER}</AuthUser><AuthPassword xmlns="http://www.scene7.com/IpsApi">{WRONG}</AuthPassword>'
    )
    return [
        post(url, envelope(asset_logs_param(), auth_header(USER, PASSWORD))),  # success
        post(url, envelope(asset_logs_param(asset="a|0"), auth_header(USER, PASSWORD))),  # 30001
        post(url, envelope(asset_logs_param(), auth_header(USER, WRONG))),  # 10001
        post(url, envelope(asset_logs_param(), auth_header(WRONG, PASSWORD))),  # 10001
        post(url, envelope(asset_logs_param(), legacy)),
        post(url, envelope(asset_logs_param()), auth=(USER, WRONG)),
        post(url, envelope(check_login, auth_header(USER, PASSWORD))),
        post(url, envelope(check_login.replace(PASSWORD, WRONG), auth_header(USER, PASSWORD))),
        post(url, envelope(asset_logs_param() + "<broken", auth_header(USER, PASSWORD))),  # 30003
        post(url, envelope("<unknownParam/>", auth_header(USER, WRONG, faultHttpStatusCode="x"))),
    ]


def test_the_calls_succeed_and_fail_as_intended(keeper: EmulatorServer) -> None:
    answers = calls(keeper.service_url)
    assert [a.status for a in answers] == [200, 500, 500, 500, 500, 500, 200, 200, 500, 500]
    assert [a.fault()[3] for a in answers if a.status == 500] == [
        30001, 10001, 10001, 10001, 10001, 30003, 30003
    ]  # fmt: skip
    assert b"ValidLogin" in answers[6].content
    assert b"InvalidLogin" in answers[7].content


def test_no_secret_in_answers_logs_or_journal(keeper: EmulatorServer, logs: Capture) -> None:
    keeper.app.journal.clear()
    answers = calls(keeper.service_url)
    journal = repr([entry.to_json() for entry in keeper.app.journal.entries()])
    assert len(keeper.app.journal) == len(answers)
    assert USER in journal  # the journal does record who called
    assert logs.records  # the capture is live (spyne logs at DEBUG)
    for marker in MARKERS:
        for answer in answers:
            assert marker.encode() not in answer.content
        assert marker not in logs.text()
        assert marker not in journal


def test_check_login_password_is_redacted_in_the_journal(keeper: EmulatorServer) -> None:
    keeper.app.journal.clear()
    calls(keeper.service_url)
    (entry, *_) = keeper.app.journal.entries("checkLogin")
    assert entry.params == {"email": USER, "password": "[redacted]"}


def test_failed_logins_are_not_limited_by_default(server: EmulatorServer) -> None:
    for _ in range(6):
        wrong = post(server.service_url, envelope(asset_logs_param(), auth_header(password="x")))
        assert wrong.fault()[3:] == (10001, "Invalid username/password")
    assert post(server.service_url, envelope(asset_logs_param(), auth_header())).status == 200


def test_login_failure_limit(make_test_server: ServerFactory) -> None:
    server = make_test_server(login_failure_limit=3)
    url = server.service_url

    def login(user: str = DEMO_USER, password: str = DEMO_PASSWORD) -> Answer:
        return post(url, envelope(asset_logs_param(), auth_header(user, password)))

    assert login().status == 200
    for _ in range(3):
        assert login(password="guess").fault()[3:] == (10001, "Invalid username/password")
    for password in ("guess", DEMO_PASSWORD):  # refused, even with the right password
        code, reason = login(password=password).fault()[3:]
        assert code == 10001
        assert "Too many failed login attempts" in reason
    other = login("other@ips-emulator.test", "guess").fault()  # other users: not affected
    assert other[3:] == (10001, "Invalid username/password")


def check_login(url: str, email: str, password: str) -> str:
    body = (
        f'<checkLoginParam xmlns="{NS_2008}"><email>{email}</email>'
        f"<password>{password}</password></checkLoginParam>"
    )
    answer = post(url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    return answer.root.findtext(".//{*}status") or ""


def test_spellings_of_a_name_share_the_failure_limit(make_server: ServerFactory) -> None:
    server = make_server(login_failure_limit=3)
    user = "other@ips-emulator.test"
    # HTTP Basic carries the name as sent; the lookup ignores blanks and case.
    for spelling in (f" {user}", user.upper(), "Other@ips-emulator.test\t"):
        answer = post(server.service_url, envelope(asset_logs_param()), auth=(spelling, "guess"))
        assert answer.fault()[3:] == (10001, "Invalid username/password")
    code, reason = post(
        server.service_url, envelope(asset_logs_param()), auth=(user, "guess")
    ).fault()[3:]
    assert code == 10001
    assert "Too many failed login attempts" in reason


def test_check_login_counts_failures_and_refuses_a_locked_user(
    make_server: ServerFactory,
) -> None:
    server = make_server(login_failure_limit=3)
    url = server.service_url
    keeper = "Keeper-check@ips-emulator.test"
    server.app.seed(
        {
            "users": [
                {
                    "email": keeper,
                    "password": PASSWORD,
                    "role": "IpsUser",
                    "firstName": "K",
                    "lastName": "C",
                    "companies": ["c|6"],
                }
            ]
        }
    )
    assert check_login(url, keeper, PASSWORD) == "ValidLogin"
    for spelling in (keeper, f" {keeper.lower()}", keeper.upper()):
        assert check_login(url, spelling, WRONG) == "InvalidLogin"
    assert check_login(url, keeper, PASSWORD) == "InvalidLogin"  # locked: the right password too
    code, reason = post(url, envelope(asset_logs_param(), auth_header(keeper, PASSWORD))).fault()[
        3:
    ]
    assert code == 10001
    assert "Too many failed login attempts" in reason
    assert check_login(url, DEMO_USER, DEMO_PASSWORD) == "ValidLogin"  # the caller is not locked
