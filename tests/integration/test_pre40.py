"""Pre-4.0 (namespace ``http://www.scene7.com/IpsApi/xsd``, ``IpsApi.wsdl``) over real HTTP.

The doc examples in this namespace (docs/reference/ips-api/operations/: r-get-job-logs.md,
r-get-job-log-details.md, r-submit-job.md, r-stop-job.md, r-get-company-info.md) shape
the calls; zeep
is built only from the ``IpsApi.wsdl`` the server serves.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
import zeep
from lxml import etree

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from ips_emulator.ns import IPS_LEGACY_AUTH
from tests.conftest import ServerFactory, demo_header
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_2008, NS_XSD, auth_header, envelope, post

XS = "{http://www.w3.org/2001/XMLSchema}"
DEMO_JOB = "j|6||Add_2007-10-24-16:11:07"
#: Fields 4.0 added that the demo data fills (docs/reference/ips-api/SPEC.md 2.1, 2.2).
V40_ONLY = ("originalJobName", "jobSubType", "description", "assetHandle")


def pre40_client(server: EmulatorServer) -> zeep.Client:
    return zeep.Client(f"{server.url}/scene7/webservice/IpsApi.wsdl")


@pytest.fixture(scope="module")
def clocked(make_server: ServerFactory) -> tuple[EmulatorServer, ManualClock, zeep.Client]:
    """A server of its own on a manual clock, for jobs; and a zeep client of IpsApi.wsdl."""
    clock = ManualClock(datetime(2026, 1, 5, 12, 0, tzinfo=UTC))
    server = make_server(clock=clock)
    return server, clock, pre40_client(server)


@pytest.fixture(scope="module")
def quiet(make_server: ServerFactory) -> EmulatorServer:
    """The demo data only: no test submits jobs here, so answers stay comparable."""
    return make_server()


def test_wsdl_has_one_schema_for_types_faults_and_auth_header(quiet: EmulatorServer) -> None:
    response = requests.get(f"{quiet.url}/scene7/IpsApi.wsdl", timeout=10)
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    (schema,) = root.iter(f"{XS}schema")
    assert schema.get("targetNamespace") == NS_XSD
    etree.XMLSchema(schema)  # raises if invalid
    elements = [e.get("name") for e in schema.findall(f"{XS}element")]
    assert len(elements) == len(set(elements))
    assert {"authHeader", "ipsApiFault", "authenticationFault", "authorizationFault"} <= set(
        elements
    )
    header = schema.find(f"{XS}element[@name='authHeader']")
    assert header is not None
    assert [e.get("name") for e in header.iter(f"{XS}element")][1:] == ["user", "password"]
    assert "/xsd/20" not in response.text  # no versioned namespace anywhere


def test_get_company_info(clocked: tuple[EmulatorServer, ManualClock, zeep.Client]) -> None:
    client = clocked[2]
    company = client.service.getCompanyInfo(companyName="ApiTestCo", _soapheaders=demo_header())
    assert (company.companyHandle, company.name, company.rootPath) == ("c|6", "ApiTestCo",
                                                                      "ApiTestCo/")  # fmt: skip


def test_get_job_logs_without_4_0_fields(
    clocked: tuple[EmulatorServer, ManualClock, zeep.Client],
) -> None:
    client = clocked[2]
    logs = client.service.getJobLogs(companyHandle="c|6", _soapheaders=demo_header())
    (log,) = [log for log in logs if log.jobHandle == DEMO_JOB]
    assert (log.logType, log.fileSuccessCount, log.fatalError) == ("BeginUpload", 1, False)
    assert not set(V40_ONLY) & set(log.__values__)


def test_get_job_log_details(clocked: tuple[EmulatorServer, ManualClock, zeep.Client]) -> None:
    client = clocked[2]
    (log,) = client.service.getJobLogDetails(
        companyHandle="c|6", jobHandle=DEMO_JOB, _soapheaders=demo_header()
    )
    details = log.detailArray.items
    assert details[0].logType == "BeginUpload"
    assert "ApiTestCo/blakexslttest.jpg was processed into IPS" in [d.logMessage for d in details]
    assert all("assetHandle" not in d.__values__ for d in details)


def upload_job(name: str, files: int) -> dict[str, Any]:
    urls = [{"sourceUrl": f"http://example.com/{i}.jpg", "destPath": f"pre40/{name}-{i}.jpg"}
            for i in range(files)]  # fmt: skip
    return {"urlArray": {"items": urls}, "overwrite": True, "readyForPublish": True,
            "createMask": False, "emailSetting": "None"}  # fmt: skip


def test_submit_poll_and_read_the_log(
    clocked: tuple[EmulatorServer, ManualClock, zeep.Client],
) -> None:
    _, clock, client = clocked
    name = "pre40-upload"
    handle = client.service.submitJob(
        companyHandle="c|6", jobName=name, uploadUrlsJob=upload_job(name, 2),
        _soapheaders=demo_header(),
    )  # fmt: skip
    assert handle == f"j|6|{name}||"
    for _ in range(30):
        (job,) = client.service.getActiveJobs(
            companyHandle="c|6", originalName=name, _soapheaders=demo_header()
        )
        assert not {"locale", "description"} & set(job.__values__)
        if job.state == "Done":
            break
        clock.advance(timedelta(seconds=1))
    assert job.state == "Done"
    (log,) = client.service.getJobLogDetails(
        companyHandle="c|6", originalName=name, _soapheaders=demo_header()
    )
    types = [d.logType for d in log.detailArray.items]
    assert types[0] == "BeginUpload"
    assert types.count("UploadSuccess") == 2
    assert log.fileSuccessCount == 2


def test_stop_job(clocked: tuple[EmulatorServer, ManualClock, zeep.Client]) -> None:
    _, clock, client = clocked
    name = "pre40-stopped"
    handle = client.service.submitJob(
        companyHandle="c|6", jobName=name, uploadUrlsJob=upload_job(name, 3),
        _soapheaders=demo_header(),
    )  # fmt: skip
    clock.advance(timedelta(seconds=1.6))
    stopped = client.service.stopJob(
        companyHandle="c|6", jobHandle=handle, _soapheaders=demo_header()
    )
    assert stopped is None  # an empty stopJobReturn: "None." on the doc page
    (job,) = client.service.getActiveJobs(
        companyHandle="c|6", originalName=name, _soapheaders=demo_header()
    )
    assert job.state == "Done"
    (log,) = client.service.getJobLogDetails(
        companyHandle="c|6", originalName=name, _soapheaders=demo_header()
    )
    assert [d.logType for d in log.detailArray.items][-3:] == ["FileCancel", "FileCancel",
                                                                "EndUpload"]  # fmt: skip


def test_typed_fault(clocked: tuple[EmulatorServer, ManualClock, zeep.Client]) -> None:
    client = clocked[2]
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.stopJob(companyHandle="c|6", jobHandle="j|6|nope||",
                               _soapheaders=demo_header())  # fmt: skip
    detail = caught.value.detail[0]
    assert (caught.value.message, etree.QName(detail).localname) == ("ipsApiFault", "ipsApiFault")
    assert etree.QName(detail).namespace == NS_XSD
    assert detail[0].text == "30001"


def legacy_headers(password: str = DEMO_PASSWORD) -> list[etree._Element]:
    user = etree.Element(f"{{{IPS_LEGACY_AUTH}}}AuthUser")
    user.text = DEMO_USER
    secret = etree.Element(f"{{{IPS_LEGACY_AUTH}}}AuthPassword")
    secret.text = password
    return [user, secret]


def test_legacy_auth_user_and_password(
    clocked: tuple[EmulatorServer, ManualClock, zeep.Client],
) -> None:
    client = clocked[2]
    info = client.service.getUserInfo(_soapheaders=legacy_headers())
    assert (info.email, info.role) == (DEMO_USER, "IpsAdmin")
    with pytest.raises(zeep.exceptions.Fault) as caught:
        client.service.getUserInfo(_soapheaders=legacy_headers("wrong"))
    assert caught.value.detail[0][0].text == "10001"


def test_auth_header_and_legacy_headers_over_raw_xml(quiet: EmulatorServer) -> None:
    body = (f'<checkLoginParam xmlns="{NS_XSD}"><email>{DEMO_USER}</email>'
            f"<password>{DEMO_PASSWORD}</password></checkLoginParam>")  # fmt: skip
    legacy = (
        f'<AuthUser xmlns="{IPS_LEGACY_AUTH}">{DEMO_USER}</AuthUser>'
        f'<AuthPassword xmlns="{IPS_LEGACY_AUTH}">{DEMO_PASSWORD}</AuthPassword>'
    )
    for header in (auth_header(), legacy):
        answer = post(quiet.service_url, envelope(body, header))
        assert answer.status == 200, answer.content
        assert b"<status>ValidLogin</status>" in answer.content
    assert post(quiet.service_url, envelope(body)).fault()[2:4] == ("authenticationFault", 10000)


def test_operations_of_later_versions_fault_30003(quiet: EmulatorServer) -> None:
    body = (f'<getAssetJobLogsParam xmlns="{NS_XSD}"><companyHandle>c|6</companyHandle>'
            "<assetHandle>a|732|1|535</assetHandle></getAssetJobLogsParam>")  # fmt: skip
    answer = post(quiet.service_url, envelope(body, auth_header()))
    assert answer.status == 500
    assert answer.fault()[2:] == (
        "ipsApiFault", 30003,
        f"Unknown operation element 'getAssetJobLogsParam' in namespace '{NS_XSD}'.",
    )  # fmt: skip
    in_2008 = envelope(body.replace(NS_XSD, NS_2008), auth_header())
    assert post(quiet.service_url, in_2008).status == 200


def test_4_0_parameters_are_unknown_elements(quiet: EmulatorServer) -> None:
    body = (f'<submitJobParam xmlns="{NS_XSD}"><companyHandle>c|6</companyHandle>'
            "<jobName>x</jobName><description>4.0 only</description></submitJobParam>")  # fmt: skip
    answer = post(quiet.service_url, envelope(body, auth_header()))
    assert answer.fault()[3:] == (30003, "Invalid request XML: unexpected element 'description'.")


def without(text: str, names: tuple[str, ...]) -> str:
    alternatives = "|".join(names)
    return re.sub(rf"<({alternatives})(?:/>|>[^<]*</\1>)", "", text)


BODIES = {
    "getJobLogs": "<companyHandle>c|6</companyHandle>",
    "getJobLogDetails": f"<companyHandle>c|6</companyHandle><jobHandle>{DEMO_JOB}</jobHandle>",
    "getCompanyInfo": "<companyName>ApiTestCo</companyName>",
    "getCompanyMembership": "",
    "getUserInfo": "",
    "getScheduledJobs": "<companyHandle>c|6</companyHandle>",
}


@pytest.mark.parametrize("operation", list(BODIES))
def test_demo_data_answers_as_in_2008_01_15_minus_its_4_0_fields(
    quiet: EmulatorServer, operation: str
) -> None:
    bodies = {}
    for ns in (NS_XSD, NS_2008):
        body = f'<{operation}Param xmlns="{ns}">{BODIES[operation]}</{operation}Param>'
        answer = post(quiet.service_url, envelope(body, auth_header()))
        assert answer.status == 200, answer.content
        bodies[ns] = answer.content.decode().replace(f'xmlns="{ns}"', 'xmlns="NS"')
    assert not [name for name in V40_ONLY if f"<{name}" in bodies[NS_XSD]]
    assert bodies[NS_XSD] == without(bodies[NS_2008], V40_ONLY)
    if operation == "getJobLogDetails":  # every 4.0 field was there to drop
        assert all(f"<{name}" in bodies[NS_2008] for name in V40_ONLY)


def test_plain_xml_binding_in_pre_40(quiet: EmulatorServer) -> None:
    request = (
        f'<Request xmlns="{NS_XSD}">{auth_header()}'
        "<getJobLogsParam><companyHandle>c|6</companyHandle></getJobLogsParam></Request>"
    )
    answer = post(f"{quiet.url}/scene7/api/IpsApiService", request.encode())
    assert answer.status == 200
    root = etree.fromstring(answer.content)
    assert root.tag == f"{{{NS_XSD}}}getJobLogsReturn"
    assert len(root.findall(f"{{{NS_XSD}}}jobLogArray/{{{NS_XSD}}}items")) == 2


def test_locale_still_follows_the_request(quiet: EmulatorServer) -> None:
    # One server answers every version: the 4.0 authHeader/locale and Accept-Language
    # work in pre-4.0 calls too, although the pre-4.0 authHeader declares only two fields.
    body = (f'<getJobLogDetailsParam xmlns="{NS_XSD}"><companyHandle>c|6</companyHandle>'
            f"<jobHandle>{DEMO_JOB}</jobHandle></getJobLogDetailsParam>")  # fmt: skip
    german = "ApiTestCo/blakexslttest.jpg wurde in IPS verarbeitet"
    by_header = post(quiet.service_url, envelope(body, auth_header(locale="de-DE")))
    assert german in by_header.content.decode()
    by_http = post(quiet.service_url, envelope(body, auth_header()), {"Accept-Language": "de"})
    assert german in by_http.content.decode()
