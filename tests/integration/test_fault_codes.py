"""The authentication and authorization codes not provoked elsewhere, whole envelope each:
HTTP status, faultcode, faultstring, detail element and namespace, code, reason."""

from __future__ import annotations

import pytest

from ips_emulator import EmulatorServer
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, auth_header, envelope, post


@pytest.fixture(scope="module")
def people(make_server: ServerFactory) -> EmulatorServer:
    server = make_server()
    server.app.seed(
        {
            "companies": [{"handle": "c|77", "name": "Elsewhere"}],
            "users": [
                {"email": "gone@example.com", "password": "pw", "role": "IpsUser",
                 "isValid": False, "companies": ["c|6"]},
                {"email": "plain@example.com", "password": "pw", "role": "IpsUser",
                 "companies": ["c|6"]},
                {"email": "boss@example.com", "password": "pw", "role": "IpsCompanyAdmin",
                 "companies": ["c|6"]},
                {"email": "stranger@example.com", "password": "pw", "role": "IpsUser",
                 "handle": "u|900|stranger@example.com", "companies": ["c|77"]},
            ],
        }
    )  # fmt: skip
    return server


def fault(server: EmulatorServer, user: str, body: str) -> tuple[str, str, str, int, str]:
    answer = post(server.service_url, envelope(body, auth_header(user=user, password="pw")))
    assert answer.status == 500
    assert answer.headers["Content-Type"].startswith("text/xml")
    return answer.fault()


def test_invalid_user_is_10002(people: EmulatorServer) -> None:
    body = f'<getUserInfoParam xmlns="{NS_2008}"/>'
    assert fault(people, "gone@example.com", body) == (
        "soapenv:Client", "AuthenticationException", "authenticationFault", 10002,
        "User 'gone@example.com' is not a valid (active) user.",
    )  # fmt: skip


def test_another_users_handle_without_admin_role_is_20004(people: EmulatorServer) -> None:
    body = (
        f'<getUserInfoParam xmlns="{NS_2008}">'
        "<userHandle>u|900|stranger@example.com</userHandle></getUserInfoParam>"
    )
    got = fault(people, "plain@example.com", body)
    assert got[:4] == ("soapenv:Client", "AuthorizationException", "authorizationFault", 20004)
    assert "u|900|stranger@example.com" in got[4]


def test_unknown_user_handle_is_20002(people: EmulatorServer) -> None:
    body = (
        f'<getCompanyMembershipParam xmlns="{NS_2008}">'
        "<userHandle>u|404|nobody@example.com</userHandle></getCompanyMembershipParam>"
    )
    got = fault(people, "boss@example.com", body)
    assert got[:4] == ("soapenv:Client", "AuthorizationException", "authorizationFault", 20002)
    assert "userHandle 'u|404|nobody@example.com'" in got[4]


def test_user_outside_the_company_is_20007(people: EmulatorServer) -> None:
    submit = (
        f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<userHandle>u|900|stranger@example.com</userHandle><jobName>mail</jobName>"
        "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None"
        "</emailSetting></imageServingPublishJob></submitJobParam>"
    )
    got = fault(people, "boss@example.com", submit)
    # IpsCompanyAdmin may not submitJob at all (reference role list): 20003 first.
    assert got[3] == 20003
    admin = post(people.service_url, envelope(submit, auth_header()))
    assert admin.status == 500
    got = admin.fault()
    assert got[:4] == ("soapenv:Client", "AuthorizationException", "authorizationFault", 20007)
    assert "not a member of this company" in got[4]


@pytest.mark.parametrize(
    ("operation", "named"),
    [
        ("getUserInfoParam", "<userHandle>{}</userHandle>"),
        ("getCompanyMembershipParam", "<userHandle>{}</userHandle>"),
        ("getJobLogsParam", "<companyHandle>c|6</companyHandle><userHandle>{}</userHandle>"),
        ("getJobLogsParam", "<userHandle>{}</userHandle>"),  # no company: the caller's
    ],
)
def test_a_user_out_of_reach_is_answered_as_no_user(
    people: EmulatorServer, operation: str, named: str
) -> None:
    """A company admin learns nothing of another company's users: same fault as for none."""

    def answer(handle: str) -> tuple[str, str, str, int, str]:
        body = f'<{operation} xmlns="{NS_2008}">{named.format(handle)}</{operation}>'
        return fault(people, "boss@example.com", body)

    elsewhere = answer("u|900|stranger@example.com")
    nobody = answer("u|901|nobody@example.com")
    assert elsewhere[:4] == (
        "soapenv:Client",
        "AuthorizationException",
        "authorizationFault",
        20002,
    )
    assert elsewhere[4] == "Invalid userHandle 'u|900|stranger@example.com': no such user."
    assert elsewhere[:4] == nobody[:4]
    assert elsewhere[4].replace("900|stranger", "901|nobody") == nobody[4]


def test_a_user_out_of_reach_by_email_is_answered_as_no_user(people: EmulatorServer) -> None:
    def answer(email: str) -> tuple[str, str, str, int, str]:
        body = f'<getUserInfoParam xmlns="{NS_2008}"><email>{email}</email></getUserInfoParam>'
        return fault(people, "boss@example.com", body)

    assert answer("stranger@example.com")[3:] == (
        20002, "Invalid email 'stranger@example.com': no such user."
    )  # fmt: skip
    assert answer("nobody@example.com")[3:] == (
        20002, "Invalid email 'nobody@example.com': no such user."
    )  # fmt: skip


def test_ips_admin_still_learns_the_user_is_elsewhere(people: EmulatorServer) -> None:
    body = (
        f'<getJobLogsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<userHandle>u|900|stranger@example.com</userHandle></getJobLogsParam>"
    )
    got = post(people.service_url, envelope(body, auth_header())).fault()
    assert got[2:4] == ("authorizationFault", 20007)
