"""Bad parameter values get the fault and a reason naming the element (raw XML: zeep
would refuse to send most of these)."""

from __future__ import annotations

import pytest

from ips_emulator import EmulatorServer
from tests.helpers import NS_2008, NS_XSD, auth_header, envelope, post


def job_logs(inner: str) -> bytes:
    return envelope(f'<getJobLogsParam xmlns="{NS_2008}">{inner}</getJobLogsParam>', auth_header())


@pytest.mark.parametrize(
    ("inner", "code", "needle"),
    [
        ("<numRows>abc</numRows>", 30001, "'numRows'"),
        ("<numRows>99999999999</numRows>", 30001, "xsd:int"),
        ("<numRows>1.5</numRows>", 30001, "'numRows'"),
        ("<startDate>yesterday</startDate>", 30001, "'startDate'"),
        ("<startDate>2008-13-45T00:00:00Z</startDate>", 30001, "'startDate'"),
        ("<numRows>1</numRows><numRows>2</numRows>", 30001, "more than once"),
        ("<colour>red</colour>", 30003, "'colour'"),
        ("<numRows><x>1</x></numRows>", 30001, "'numRows'"),
    ],
)
def test_bad_values_name_the_element(
    server: EmulatorServer, inner: str, code: int, needle: str
) -> None:
    answer = post(server.service_url, job_logs(inner))
    assert answer.status == 500
    assert answer.fault()[3] == code
    assert needle in answer.fault()[4]


@pytest.mark.parametrize(
    ("inner", "reason"),
    [
        ("<numRows>1</numRows><numRows>2</numRows>",
         "Invalid value for parameter 'numRows': given more than once"),
        ("<numRows><x>1</x></numRows>",
         "Invalid value for parameter 'numRows': expected text, not elements"),
    ],
)  # fmt: skip
def test_no_one_value_is_not_quoted_as_none(
    server: EmulatorServer, inner: str, reason: str
) -> None:
    # Not "Invalid value None for parameter …": the client sent no None.
    assert post(server.service_url, job_logs(inner)).fault()[3:] == (30001, reason)


def test_nil_and_good_values_pass(server: EmulatorServer) -> None:
    inner = (
        '<companyHandle xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'
        "<numRows>+5</numRows><startDate>2000-01-01T00:00:00</startDate>"
    )
    assert post(server.service_url, job_logs(inner)).status == 200


def test_missing_nested_required_element(server: EmulatorServer) -> None:
    body = (
        f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<jobName>n</jobName><uploadUrlsJob><readyForPublish>true</readyForPublish>"
        "<createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>"
        "</submitJobParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.fault()[3:] == (30002, "Missing required parameter 'uploadUrlsJob/overwrite'.")


def test_bad_boolean_inside_a_job_struct(server: EmulatorServer) -> None:
    body = (
        f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<jobName>n</jobName><uploadUrlsJob><overwrite>yes</overwrite>"
        "<readyForPublish>true</readyForPublish><createMask>false</createMask>"
        "<emailSetting>None</emailSetting></uploadUrlsJob></submitJobParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.fault()[3] == 30001
    assert "'uploadUrlsJob/overwrite'" in answer.fault()[4]


@pytest.mark.parametrize(
    ("body", "where", "namespace"),
    [
        (
            f'<getJobLogsParam xmlns="{NS_2008}"><companyHandle xmlns="urn:other">c|6'
            "</companyHandle></getJobLogsParam>",
            "companyHandle",
            "urn:other",
        ),
        (  # another version's namespace is foreign too
            f'<getJobLogsParam xmlns="{NS_2008}"><n:numRows xmlns:n="{NS_XSD}">1</n:numRows>'
            "</getJobLogsParam>",
            "numRows",
            NS_XSD,
        ),
        (  # and nested, inside a struct
            f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
            "<jobName>ns</jobName><optimizeImagesJob>"
            '<emailSetting xmlns="urn:other">None</emailSetting></optimizeImagesJob>'
            "</submitJobParam>",
            "optimizeImagesJob/emailSetting",
            "urn:other",
        ),
        (  # xsi:nil does not make a foreign element acceptable
            f'<getJobLogsParam xmlns="{NS_2008}"><o:numRows xmlns:o="urn:other" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'
            "</getJobLogsParam>",
            "numRows",
            "urn:other",
        ),
    ],
)
def test_parameters_in_a_foreign_namespace_are_refused(
    server: EmulatorServer, body: str, where: str, namespace: str
) -> None:
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 500
    assert answer.fault()[3:] == (
        30003,
        f"Invalid request XML: element '{where}' is in namespace '{namespace}', "
        f"not the operation's '{NS_2008}'.",
    )


def test_unqualified_parameters_are_still_read(server: EmulatorServer) -> None:
    body = f'<getJobLogsParam xmlns="{NS_2008}"><numRows xmlns="">1</numRows></getJobLogsParam>'
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 200
    assert len(answer.root.findall(f".//{{{NS_2008}}}items")) == 1
