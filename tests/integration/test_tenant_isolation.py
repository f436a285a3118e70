"""A call brings only its own company's jobs up to date: another tenant's job costs it
nothing, and the entries are dated by the plan whoever looks first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from ips_emulator.storage.tables import Job, JobLogEntry
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, auth_header, envelope, post
from tests.integration.jobs_support import START

SEED = {
    "companies": [{"handle": "c|100", "name": "Tenant A"}, {"handle": "c|200", "name": "Tenant B"}],
    "users": [
        {"email": "a@iso.test", "password": "pw-a", "role": "IpsUser", "companies": ["c|100"]},
        {"email": "b@iso.test", "password": "pw-b", "role": "IpsUser", "companies": ["c|200"]},
    ],
}
UPLOAD = (
    "<uploadUrlsJob><urlArray>"
    + "".join(
        f"<items><sourceUrl>http://example.com/{i}.jpg</sourceUrl>"
        f"<destPath>iso/{i}.jpg</destPath></items>"
        for i in range(3)
    )
    + "</urlArray><overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
    "<createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>"
)


@pytest.fixture
def tenants(make_test_server: ServerFactory) -> tuple[EmulatorServer, ManualClock]:
    clock = ManualClock(START)
    server = make_test_server(clock=clock)
    server.app.seed(SEED)
    return server, clock


def call(server: EmulatorServer, user: str, password: str, op: str, inner: str) -> bytes:
    body = f'<{op}Param xmlns="{NS_2008}">{inner}</{op}Param>'
    answer = post(server.service_url, envelope(body, auth_header(user=user, password=password)))
    assert answer.status == 200, answer.content
    return answer.content


def a_entries(server: EmulatorServer) -> list[object]:
    with server.app.database.engine.connect() as connection:
        return list(connection.execute(
            select(JobLogEntry.created).join(Job, Job.id == JobLogEntry.job_id)
            .where(Job.original_name == "iso").order_by(JobLogEntry.id)
        ).scalars())  # fmt: skip


def test_another_tenants_call_leaves_the_job_alone(
    tenants: tuple[EmulatorServer, ManualClock],
) -> None:
    server, clock = tenants
    call(server, "a@iso.test", "pw-a", "submitJob",
         f"<companyHandle>c|100</companyHandle><jobName>iso</jobName>{UPLOAD}")  # fmt: skip
    written_at_submit = len(a_entries(server))
    clock.advance(timedelta(seconds=30))
    call(server, "b@iso.test", "pw-b", "getActiveJobs", "<companyHandle>c|200</companyHandle>")
    call(server, "b@iso.test", "pw-b", "getJobLogs", "")
    assert len(a_entries(server)) == written_at_submit
    # Tenant A looks: every step is written, dated by the plan, not by when it was looked at.
    call(server, "a@iso.test", "pw-a", "getActiveJobs", "<companyHandle>c|100</companyHandle>")
    dates = a_entries(server)
    assert len(dates) > written_at_submit
    assert max(dates) < START + timedelta(seconds=10)  # type: ignore[operator]


def test_ips_admin_without_a_company_brings_every_company_up_to_date(
    tenants: tuple[EmulatorServer, ManualClock],
) -> None:
    server, clock = tenants
    call(server, "a@iso.test", "pw-a", "submitJob",
         f"<companyHandle>c|100</companyHandle><jobName>iso</jobName>{UPLOAD}")  # fmt: skip
    clock.advance(timedelta(seconds=30))
    before = len(a_entries(server))
    body = f'<getActiveJobsParam xmlns="{NS_2008}"/>'
    answer = post(server.service_url, envelope(body, auth_header()))  # the demo IpsAdmin
    assert answer.status == 200, answer.content
    assert len(a_entries(server)) > before
    with server.app.database.engine.connect() as connection:
        states = connection.execute(select(Job.state, func.count()).group_by(Job.state)).all()
    assert dict(states).get("Done", 0) >= 1
