"""Who may call what, as the reference pages say.

For every emulated operation, a caller whose role is not in the reference page's
"Authorized User Types" gets authorizationFault 20003 naming the operation, and a
caller whose role is listed gets past authorization (whatever the call then says).
The expected roles are read from the pages, not from the declarations.
"""

from __future__ import annotations

import pytest

from ips_emulator import EmulatorServer
from ips_emulator.protocol.api import REGISTRY
from ips_emulator.protocol.schema import Field
from ips_emulator.records import Role
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, auth_header, envelope, post
from tests.unit.domain.test_roles import documented_roles, page_for

PASSWORD = "role-pass"

#: A value of each simple type, and of the parameters that name the demo data.
SAMPLES = {"string": "x", "int": "1", "long": "1", "boolean": "true", "double": "1",
           "dateTime": "2020-01-01T00:00:00Z", "base64Binary": ""}  # fmt: skip
NAMED = {"companyHandle": "c|6", "assetHandle": "a|732|1|535", "jobHandle": "j|6|none||"}
VERSION = "2008-01-15"


def minimal(fields: tuple[Field, ...]) -> str:
    """The smallest valid body: the required fields of the declaration, with sample values
    (the role check comes before anything looks at them)."""
    parts = []
    for f in fields:
        if not f.in_version(VERSION) or f.min_occurs == 0:
            continue
        if f.type in SAMPLES:
            value = NAMED.get(f.name, SAMPLES[f.type])
        else:
            value = minimal(REGISTRY.structs[f.type].fields)
        parts.append(f"<{f.name}>{value}</{f.name}>")
    return "".join(parts)


PUBLISHED = [op.name for op in REGISTRY.emulated_in(VERSION)]
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


def test_minimal_bodies_hold_the_required_fields() -> None:
    assert minimal(REGISTRY.operations["getAssetJobLogs"].param) == (
        "<companyHandle>c|6</companyHandle><assetHandle>a|732|1|535</assetHandle>"
    )
    assert minimal(REGISTRY.operations["getUserInfo"].param) == ""


@pytest.mark.parametrize(("operation", "role"), CASES, ids=[f"{o}-{r.value}" for o, r in CASES])
def test_role_matrix(role_server: EmulatorServer, operation: str, role: Role) -> None:
    fields = REGISTRY.operations[operation].param
    body = f'<{operation}Param xmlns="{NS_2008}">{minimal(fields)}</{operation}Param>'
    header = auth_header(user=f"{role.value.lower()}@roles.test", password=PASSWORD)
    answer = post(role_server.service_url, envelope(body, header))
    denied = answer.status == 500 and answer.fault()[2:4] == ("authorizationFault", 20003)
    if role.value in documented_roles(page_for(operation)):
        assert not denied, answer.content
    else:
        assert denied, answer.content
        faultcode, faultstring, _, _, reason = answer.fault()
        assert (faultcode, faultstring) == ("soapenv:Client", "AuthorizationException")
        assert reason == f"User does not have permission to access operation '{operation}'"
