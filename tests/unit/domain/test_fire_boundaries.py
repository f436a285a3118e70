"""A schedule's fire time that falls exactly on the instant it is submitted or resumed.

Every fire time ``<= now`` is due (``job_runner._fire_due``), so one equal to the
instant a trigger starts or restarts fires then, as Quartz computes a cron trigger's
first fire time; only fire times strictly before a resume were missed while paused.
The app is called in-process (no server thread) on a manual clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree
from werkzeug.test import Client

from ips_emulator import Settings, create_app
from ips_emulator.config import sqlite_url
from ips_emulator.domain.clock import ManualClock
from tests.helpers import NS_2008, auth_header, envelope

HOURLY = "0 0 * * * ?"
ON_THE_HOUR = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


class Service:
    def __init__(self, folder: Path, clock: ManualClock) -> None:
        self.app = create_app(Settings(database_url=sqlite_url(folder / "ips.db")), clock)
        self.client = Client(self.app)
        self.clock = clock

    def call(self, operation: str, inner: str) -> etree._Element:
        body = f'<{operation}Param xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>{inner}'
        body += f"</{operation}Param>"
        response = self.client.post(
            "/scene7/services/IpsApiService",
            data=envelope(body, auth_header()),
            headers={"Content-Type": "text/xml; charset=UTF-8"},
        )
        assert response.status_code == 200, response.data
        return etree.fromstring(response.data)

    def submit_hourly(self, name: str) -> str:
        job = "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>"
        root = self.call(
            "submitJob", f"<jobName>{name}</jobName><execSchedule>{HOURLY}</execSchedule>{job}"
        )
        return str(root.findtext(f".//{{{NS_2008}}}jobHandle"))

    def run_starts(self, name: str) -> list[str]:
        root = self.call("getJobLogs", "")
        items = root.iterfind(f".//{{{NS_2008}}}items")
        return sorted(
            str(item.findtext(f"{{{NS_2008}}}startDate"))
            for item in items
            if item.findtext(f"{{{NS_2008}}}originalJobName") == name
        )

    def next_fire(self, name: str) -> str:
        root = self.call("getScheduledJobs", f"<originalName>{name}</originalName>")
        return str(root.findtext(f".//{{{NS_2008}}}nextFireTime"))


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    service = Service(tmp_path, ManualClock(ON_THE_HOUR))
    yield service
    service.app.database.dispose()


def test_submitted_on_a_fire_time_fires_then(service: Service) -> None:
    service.submit_hourly("on-time")
    assert service.next_fire("on-time") == "2026-01-05T13:00:00.000Z"  # 12:00 has fired
    assert service.run_starts("on-time") == ["2026-01-05T12:00:00.000Z"]


def test_submitted_just_after_a_fire_time_waits_for_the_next(service: Service) -> None:
    service.clock.advance(timedelta(microseconds=1))
    service.submit_hourly("late")
    assert service.next_fire("late") == "2026-01-05T13:00:00.000Z"
    assert service.run_starts("late") == []


def test_resumed_on_a_fire_time_fires_then(service: Service) -> None:
    service.clock.advance(timedelta(minutes=30))
    handle = service.submit_hourly("resumed")  # first fire 13:00
    service.call("pauseJob", f"<jobHandle>{handle}</jobHandle>")
    service.clock.set(datetime(2026, 1, 5, 14, 0, tzinfo=UTC))  # 13:00 missed while paused
    service.call("resumeJob", f"<jobHandle>{handle}</jobHandle>")
    # 14:00 is the resume instant itself: not missed, so due now, as it would be had the
    # trigger been resumed a microsecond earlier.
    assert service.run_starts("resumed") == ["2026-01-05T14:00:00.000Z"]
    assert service.next_fire("resumed") == "2026-01-05T15:00:00.000Z"
