"""Authentication and company access for getAssetJobLogs: faults and credential sources."""

from __future__ import annotations

import base64
import uuid

import pytest
import zeep

from ips_emulator import EmulatorServer
from tests.conftest import demo_header
from tests.helpers import (
    DEMO_PASSWORD,
    DEMO_USER,
    NS_2008,
    asset_logs_param,
    auth_header,
    envelope,
    post,
)


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_no_credentials_is_10000_with_http_500_not_401(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param()))
    assert answer.status == 500
    faultcode, faultstring, element, code, reason = answer.fault()
    assert (faultcode, faultstring, element, code) == (
        "soapenv:Client",
        "AuthenticationException",
        "authenticationFault",
        10000,
    )
    assert "authenticated" in reason


def test_wrong_password_is_10001(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header(password="nope")))
    assert answer.status == 500
    assert answer.fault()[2:] == ("authenticationFault", 10001, "Invalid username/password")


def test_unknown_user_is_10001(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param(), auth_header(user="x@y.z")))
    assert answer.fault()[3] == 10001


def test_zeep_sees_typed_authentication_fault(client: zeep.Client) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getAssetJobLogs(
            companyHandle="c|6",
            assetHandle="a|732|1|535",
            _soapheaders={"authHeader": {"user": DEMO_USER, "password": "wrong"}},
        )
    assert caught.value.message == "AuthenticationException"
    assert caught.value.detail[0][0].text == "10001"


@pytest.mark.parametrize("value", ["200", "205", "303", "418", "599"])
def test_fault_http_status_code_overrides_500(server: EmulatorServer, value: str) -> None:
    header = auth_header(password="nope", faultHttpStatusCode=value)
    answer = post(server.service_url, envelope(asset_logs_param(), header))
    assert answer.status == int(value)
    assert answer.fault()[3] == 10001


@pytest.mark.parametrize("value", ["abc", "42", "-1", "1000", "100", "101", "199", "204", "304"])
def test_invalid_fault_http_status_code_is_ignored(server: EmulatorServer, value: str) -> None:
    header = auth_header(password="nope", faultHttpStatusCode=value)
    answer = post(server.service_url, envelope(asset_logs_param(), header))
    assert answer.status == 500


def test_auth_header_in_versioned_namespace_children_any_order(server: EmulatorServer) -> None:
    header = (
        f'<h:authHeader xmlns:h="{NS_2008}"><h:locale>fr-FR</h:locale>'
        f"<h:password>{DEMO_PASSWORD}</h:password><h:user>{DEMO_USER}</h:user></h:authHeader>"
    )
    answer = post(server.service_url, envelope(asset_logs_param(), header))
    assert answer.status == 200
    assert "a été traité dans IPS" in answer.content.decode()


def test_auth_header_in_foreign_namespace_is_not_credentials(server: EmulatorServer) -> None:
    header = auth_header(namespace="urn:other")
    answer = post(server.service_url, envelope(asset_logs_param(), header))
    assert answer.fault()[3] == 10000


def test_http_basic_when_no_header(server: EmulatorServer) -> None:
    answer = post(server.service_url, envelope(asset_logs_param()), basic(DEMO_USER, DEMO_PASSWORD))
    assert answer.status == 200


def test_legacy_auth_user_and_password(server: EmulatorServer) -> None:
    header = (
        f'<AuthUser xmlns="http://www.scene7.com/IpsApi">{DEMO_USER}</AuthUser>'
        f'<AuthPassword xmlns="http://www.scene7.com/IpsApi">{DEMO_PASSWORD}</AuthPassword>'
    )
    answer = post(server.service_url, envelope(asset_logs_param(), header))
    assert answer.status == 200


def test_auth_header_takes_precedence_over_basic(server: EmulatorServer) -> None:
    answer = post(
        server.service_url,
        envelope(asset_logs_param(), auth_header(password="nope")),
        basic(DEMO_USER, DEMO_PASSWORD),
    )
    assert answer.fault()[3] == 10001


def test_unknown_company_is_20000(client: zeep.Client) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getAssetJobLogs(
            companyHandle="c|404", assetHandle="a|732|1|535", _soapheaders=demo_header()
        )
    assert caught.value.message == "AuthorizationException"
    assert caught.value.detail[0][0].text == "20000"
    assert "companyHandle" in caught.value.detail[0][1].text


def test_company_the_user_is_not_member_of_is_20006(server: EmulatorServer) -> None:
    from ips_emulator.domain.passwords import hash_password
    from ips_emulator.records import Role
    from ips_emulator.storage import directory

    with server.app.database.store() as store:
        other = directory.add_company(store, "OtherCo", "OtherCo/", None, None)
        directory.add_user(store, "outsider@example.com", hash_password("pw"), Role.IPS_USER)
    header = auth_header(user="outsider@example.com", password="pw")
    answer = post(server.service_url, envelope(asset_logs_param(), header))
    assert answer.fault()[2:4] == ("authorizationFault", 20006)
    # IpsAdmin may act on any company: the asset is simply not in OtherCo.
    answer = post(
        server.service_url, envelope(asset_logs_param(company=other.handle), auth_header())
    )
    assert answer.fault()[2:4] == ("ipsApiFault", 30001)


def test_passwords_are_stored_hashed(server: EmulatorServer) -> None:
    from sqlalchemy import select

    from ips_emulator.storage.tables import User

    with server.app.database.store() as store:
        hashes = store.orm.scalars(select(User.password_hash)).all()
    assert hashes
    assert all(h.startswith("scrypt$") and DEMO_PASSWORD not in h.split("$") for h in hashes)


@pytest.fixture(scope="module")
def spaced(server: EmulatorServer) -> str:
    """A user whose password begins and ends with blanks."""
    user = "spaced@ips-emulator.test"
    person = {"email": user, "password": " pw ", "role": "IpsUser", "firstName": "S",
              "lastName": "P", "companies": ["c|6"]}  # fmt: skip
    server.app.seed({"users": [person]})
    return user


def test_passwords_are_taken_as_sent(server: EmulatorServer, spaced: str) -> None:
    url = server.service_url
    by_basic = post(url, envelope(asset_logs_param()), headers=basic(spaced, " pw "))
    assert by_basic.status == 200
    assert post(url, envelope(asset_logs_param(), auth_header(spaced, " pw "))).status == 200
    legacy = (
        f'<AuthUser xmlns="http://www.scene7.com/IpsApi">{spaced}</AuthUser>'
        '<AuthPassword xmlns="http://www.scene7.com/IpsApi"> pw </AuthPassword>'
    )
    assert post(url, envelope(asset_logs_param(), legacy)).status == 200
    for trimmed in ("pw", " pw", "\tpw\t"):  # blanks are part of the password
        answer = post(url, envelope(asset_logs_param(), auth_header(spaced, trimmed)))
        assert answer.fault()[2:] == ("authenticationFault", 10001, "Invalid username/password")
    answer = post(url, envelope(asset_logs_param(), auth_header(password=f" {DEMO_PASSWORD}")))
    assert answer.fault()[3] == 10001


@pytest.mark.parametrize(
    ("password", "header"),
    [
        ("de<b/>mo", "authHeader"),
        ("<x>demo</x>", "authHeader"),
        ('de<i:x xmlns:i="urn:x"/>mo', "legacy"),
    ],
)
def test_text_split_by_elements_is_not_a_password(
    server: EmulatorServer, password: str, header: str
) -> None:
    if header == "authHeader":
        head, field = auth_header(password=password), "authHeader/password"
    else:
        head = (
            f'<AuthUser xmlns="http://www.scene7.com/IpsApi">{DEMO_USER}</AuthUser>'
            f'<AuthPassword xmlns="http://www.scene7.com/IpsApi">{password}</AuthPassword>'
        )
        field = "AuthPassword"
    answer = post(server.service_url, envelope(asset_logs_param(), head))
    _, _, element, code, reason = answer.fault()
    assert (element, code) == ("ipsApiFault", 30001)
    assert f"'{field}'" in reason
    assert "not elements" in reason


class _CountedKdf:
    """Counts full scrypt runs of the in-process server (calls, never time)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from ips_emulator.domain import passwords

        self.calls = 0
        real = passwords.kdf_matches

        def counted(password: str, stored: str) -> bool:
            self.calls += 1
            return real(password, stored)

        monkeypatch.setattr(passwords, "kdf_matches", counted)


def _login_fault(server: EmulatorServer, user: str, password: str) -> int:
    answer = post(
        server.service_url, envelope(asset_logs_param(), auth_header(user=user, password=password))
    )
    return answer.fault()[3]


def test_unknown_user_runs_the_kdf_and_failures_are_remembered_per_user(
    server: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    kdf = _CountedKdf(monkeypatch)
    password = f"wrong-{uuid.uuid4()}"  # new to the server's caches
    assert _login_fault(server, "nobody@ips-emulator.test", password) == 10001
    assert kdf.calls == 1  # the dummy hash: the same cost as a known user's wrong password
    assert _login_fault(server, DEMO_USER, password) == 10001
    assert kdf.calls == 2
    assert _login_fault(server, "nobody@ips-emulator.test", password) == 10001
    assert _login_fault(server, DEMO_USER, password) == 10001
    assert kdf.calls == 2  # each repeated failure answered from memory
    # Remembered per name: another unknown name with that password pays in full, so a
    # remembered failure cannot tell an unknown name from a known one.
    assert _login_fault(server, "somebody@ips-emulator.test", password) == 10001
    assert kdf.calls == 3
