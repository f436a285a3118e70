"""xsd:dateTime and xsd:boolean inputs, as the reference and real clients write them."""

from __future__ import annotations

import re

import pytest

from ips_emulator import EmulatorServer
from tests.helpers import NS_2008, auth_header, envelope, post


def job_names(server: EmulatorServer, start: str, end: str) -> list[str]:
    body = (
        f'<getJobLogsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<startDate>{start}</startDate><endDate>{end}</endDate></getJobLogsParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 200, answer.content
    return re.findall(r"<originalJobName>([^<]*)</originalJobName>", answer.content.decode())


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2007-10-24T16:11:00-07:00", "2007-10-24T16:12:00-07:00"),
        ("2007-10-24T23:11:00Z", "2007-10-24T23:12:00Z"),
        ("2007-10-25T01:11:00+02:00", "2007-10-25T01:12:00.000+02:00"),
    ],
)
def test_date_inputs_are_instants_whatever_the_offset(
    server: EmulatorServer, start: str, end: str
) -> None:
    assert job_names(server, start, end) == ["Add_2007-10-24-16:11:07"]


def test_dates_without_offset_are_in_the_server_time_zone(
    server: EmulatorServer, pacific_server: EmulatorServer
) -> None:
    window = ("2007-10-24T16:11:00", "2007-10-24T16:12:00")
    assert job_names(pacific_server, *window) == ["Add_2007-10-24-16:11:07"]
    assert job_names(server, *window) == []  # 16:11 UTC is 09:11 in Los Angeles


def test_outputs_carry_the_server_offset(pacific_server: EmulatorServer) -> None:
    body = (
        f'<getJobLogsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle></getJobLogsParam>'
    )
    answer = post(pacific_server.service_url, envelope(body, auth_header()))
    dates = re.findall(r"<startDate>([^<]*)</startDate>", answer.content.decode())
    assert "2008-06-11T11:38:00.000-07:00" in dates
    assert "2007-10-24T16:11:07.000-07:00" in dates


BOOLEANS = [("true", True), ("1", True), ("false", True), ("0", True), ("yes", False),
            ("TRUE", False)]  # fmt: skip


@pytest.mark.parametrize(("value", "ok"), BOOLEANS)
def test_boolean_lexical_forms(server: EmulatorServer, value: str, ok: bool) -> None:
    body = (
        f'<searchAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<includeSubfolders>{value}</includeSubfolders></searchAssetsParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    if ok:
        assert answer.status == 200, answer.content
    else:
        assert answer.fault()[3] == 30001
        assert "includeSubfolders" in answer.fault()[4]
