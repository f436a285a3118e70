"""Two emulator instances on one database (several workers, several machines): every
job step is written once, every schedule fires once."""

from __future__ import annotations

import threading
from datetime import timedelta

import zeep
from sqlalchemy import create_engine, text

from ips_emulator import EmulatorServer, Settings, create_app
from ips_emulator.domain.clock import ManualClock
from tests.conftest import demo_header
from tests.databases import Databases
from tests.integration.jobs_support import START


def test_two_instances_write_each_step_once(databases: Databases) -> None:
    url = databases.new_url()
    clocks = [ManualClock(START), ManualClock(START)]
    servers = [EmulatorServer(create_app(Settings(database_url=url), c)).start() for c in clocks]
    try:
        clients = [zeep.Client(s.wsdl_url) for s in servers]
        files = [{"sourceUrl": f"http://example.com/{i}.jpg", "destPath": f"multi/{i}.jpg"}
                 for i in range(20)]  # fmt: skip
        job = {"urlArray": {"items": files}, "overwrite": True, "readyForPublish": True,
               "createMask": False, "emailSetting": "None"}  # fmt: skip
        clients[0].service.submitJob(
            companyHandle="c|6", jobName="multi", uploadUrlsJob=job, _soapheaders=demo_header()
        )
        clients[0].service.submitJob(
            companyHandle="c|6", jobName="tick", execSchedule="0 * * * * ?",
            optimizeImagesJob={"emailSetting": "None"}, _soapheaders=demo_header(),
        )  # fmt: skip
        errors: list[BaseException] = []

        def poll(client: zeep.Client, clock: ManualClock) -> None:
            try:
                for _ in range(15):
                    clock.advance(timedelta(seconds=10))
                    client.service.getActiveJobs(companyHandle="c|6", _soapheaders=demo_header())
                    client.service.getJobLogs(companyHandle="c|6", _soapheaders=demo_header())
            except BaseException as exc:  # reported below, in the test thread
                errors.append(exc)

        threads = [
            threading.Thread(target=poll, args=pair) for pair in zip(clients, clocks, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        (log,) = clients[1].service.getJobLogDetails(
            companyHandle="c|6", originalName="multi", _soapheaders=demo_header()
        )
        assert log.detailTotalRows == 5 + 20 + 1  # opening, one per file, the end
        assert [d.logType for d in log.detailArray.items].count("UploadSuccess") == 20
        engine = create_engine(url)
        with engine.connect() as connection:
            runs = connection.execute(
                text(
                    "SELECT created, COUNT(*) FROM job WHERE original_name = 'tick'"
                    " GROUP BY created"
                )
            ).all()
        engine.dispose()
        assert runs, "the schedule never fired"
        assert all(count == 1 for _, count in runs)  # each fire time made one run
    finally:
        for server in servers:
            server.stop()
