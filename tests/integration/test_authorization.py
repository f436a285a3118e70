"""Who may call what: a table generated from the one role matrix in the code.

For every published operation, a caller whose role is not in the reference page's
"Authorized User Types" gets authorizationFault 20003 naming the operation, and a
caller whose role is listed gets past authorization (whatever the call then says).
"""

from __future__ import annotations

import pytest

from ips_emulator import EmulatorServer
from ips_emulator.domain.roles import AUTHORIZED_ROLES
from ips_emulator.protocol.api import REGISTRY
from ips_emulator.records import Role
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, auth_header, envelope, post

PASSWORD = "role-pass"

# The smallest valid body of each published operation.
MINIMAL = {
    "getAssetJobLogs": "<companyHandle>c|6</companyHandle><assetHandle>a|732|1|535</assetHandle>",
    "getJobLogs": "<companyHandle>c|6</companyHandle>",
    "getJobLogDetails": "<companyHandle>c|6</companyHandle><originalName>x</originalName>",
    "getActiveJobs": "<companyHandle>c|6</companyHandle>",
    "getScheduledJobs": "<companyHandle>c|6</companyHandle>",
    "submitJob": "<companyHandle>c|6</companyHandle><jobName>roles</jobName>"
    "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>",
    "stopJob": "<companyHandle>c|6</companyHandle><jobHandle>j|6|none||</jobHandle>",
    "pauseJob": "<companyHandle>c|6</companyHandle><jobHandle>j|6|none||</jobHandle>",
    "resumeJob": "<companyHandle>c|6</companyHandle><jobHandle>j|6|none||</jobHandle>",
    "deleteJob": "<companyHandle>c|6</companyHandle><jobHandle>j|6|none||</jobHandle>",
    "executeJob": "<companyHandle>c|6</companyHandle><jobHandle>j|6|none||</jobHandle>",
    "checkLogin": "<email>demo@ips-emulator.test</email><password>demo</password>",
    "getCompanyInfo": "<companyHandle>c|6</companyHandle>",
    "getCompanyMembership": "",
    "getUserInfo": "",
    "getAssetsByName": "<companyHandle>c|6</companyHandle>"
    "<nameArray><items>blakexslttest.jpg</items></nameArray>",
    "searchAssets": "<companyHandle>c|6</companyHandle><includeSubfolders>true</includeSubfolders>",
}
PUBLISHED = [op.name for op in REGISTRY.operations_in("2008-01-15")]
CASES = [(op, role) for op in PUBLISHED for role in Role]


@pytest.fixture(scope="module")
def role_server(make_server: ServerFactory) -> EmulatorServer:
    """The demo data plus one user of every role, each a member of c|6."""
    server = make_server()
    server.app.seed(
        {
            "users": [
                {"email": f"{role.value.lower()}@roles.test", "password": PASSWORD,
                 "role": role.value, "companies": ["c|6"]}
                for role in Role
            ]
        }
    )  # fmt: skip
    return server


def test_every_published_operation_has_a_row() -> None:
    assert sorted(PUBLISHED) == sorted(MINIMAL)
    assert set(PUBLISHED) <= set(AUTHORIZED_ROLES)


@pytest.mark.parametrize(("operation", "role"), CASES, ids=[f"{o}-{r.value}" for o, r in CASES])
def test_role_matrix(role_server: EmulatorServer, operation: str, role: Role) -> None:
    body = f'<{operation}Param xmlns="{NS_2008}">{MINIMAL[operation]}</{operation}Param>'
    header = auth_header(user=f"{role.value.lower()}@roles.test", password=PASSWORD)
    answer = post(role_server.service_url, envelope(body, header))
    denied = answer.status == 500 and answer.fault()[2:4] == ("authorizationFault", 20003)
    if role in AUTHORIZED_ROLES[operation]:
        assert not denied, answer.content
    else:
        assert denied, answer.content
        faultcode, faultstring, _, _, reason = answer.fault()
        assert (faultcode, faultstring) == ("soapenv:Client", "AuthorizationException")
        assert reason == f"User does not have permission to access operation '{operation}'"
