"""Request bounds (SECURITY.md): each one exact at its limit, 30003 or 413 past it, and the
server answering normally right after."""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator

import pytest
import requests

from ips_emulator import EmulatorServer
from ips_emulator.config import Settings
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, asset_logs_param, auth_header, envelope, post

#: The plain demo request is 9 elements, 4 deep, at most one namespace declaration per
#: element, and its longest text is the user's e-mail (22 characters): the tight server's
#: limits are exactly that, so the plain request passes and one more of anything fails.
TIGHT = {
    "max_xml_depth": 4,
    "max_xml_elements": 9,
    "max_xml_attributes": 1,
    "max_xml_text": 22,
    "max_body_bytes": 1000,
}
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def tight(make_server: ServerFactory) -> EmulatorServer:
    return make_server(**TIGHT)


def request(company: str = "c|6", attributes: str = "", extra_header: str = "") -> bytes:
    body = asset_logs_param(company=company).replace(
        f'xmlns="{NS_2008}"', f'xmlns="{NS_2008}"{attributes}'
    )
    return envelope(body, auth_header() + extra_header)


def padded(size: int) -> bytes:
    """The plain request, grown to ``size`` bytes with whitespace after the declaration."""
    data = request()
    prolog, rest = data.split(b"?>", 1)
    return prolog + b"?>" + b" " * (size - len(data)) + rest


def assert_healthy(server: EmulatorServer) -> None:
    answer = post(server.service_url, request())
    assert answer.status == 200, answer.content
    assert b"<getAssetJobLogsReturn" in answer.content


def assert_refused(server: EmulatorServer, data: bytes, *needles: str) -> None:
    answer = post(server.service_url, data)
    assert answer.status == 500
    assert answer.fault()[2:4] == ("ipsApiFault", 30003)
    for needle in needles:
        assert needle in answer.fault()[4]
    assert b"Traceback" not in answer.content
    assert_healthy(server)


def test_the_plain_request_is_exactly_at_the_tight_limits(tight: EmulatorServer) -> None:
    assert len(request()) < TIGHT["max_body_bytes"]
    assert_healthy(tight)


def test_depth(tight: EmulatorServer) -> None:
    deeper = request().replace(b"<assetHandle>a|732|1|535</assetHandle>", b"")
    deeper = deeper.replace(b"<companyHandle>c|6</companyHandle>", b"<companyHandle><x/>")
    deeper = deeper.replace(b"</getAssetJobLogsParam>", b"</companyHandle></getAssetJobLogsParam>")
    assert_refused(tight, deeper, "deeper than 4 levels", "IPS_EMULATOR_MAX_XML_DEPTH")


def test_element_count(tight: EmulatorServer) -> None:
    assert_refused(
        tight,
        request(extra_header="<x/>"),
        "more than 9 elements",
        "IPS_EMULATOR_MAX_XML_ELEMENTS",
    )


def test_attribute_count(tight: EmulatorServer) -> None:
    assert_refused(
        tight, request(attributes=' a="1"'), "more than 1 attributes", "MAX_XML_ATTRIBUTES"
    )


def test_text_size(tight: EmulatorServer) -> None:
    at_limit = post(tight.service_url, request(company="c" * 22))
    assert at_limit.fault()[3] == 20000  # parsed; an unknown company
    assert_refused(tight, request(company="c" * 23), "longer than 22 characters", "MAX_XML_TEXT")


def test_attribute_value_size(tight: EmulatorServer) -> None:
    data = request().replace(b"<companyHandle>", b'<companyHandle a="' + b"v" * 23 + b'">')
    assert_refused(tight, data, "longer than 22 characters")


def test_body_size_at_and_over_the_limit(tight: EmulatorServer) -> None:
    assert post(tight.service_url, padded(1000)).status == 200
    response = requests.post(tight.service_url, data=padded(1001), timeout=30)
    assert response.status_code == 413
    assert "1000 bytes" in response.text
    assert "IPS_EMULATOR_MAX_BODY_BYTES" in response.text
    assert_healthy(tight)


def test_gzip_body_is_bounded_after_decompression(tight: EmulatorServer) -> None:
    gzipped = {"Content-Encoding": "gzip"}
    assert post(tight.service_url, gzip.compress(padded(1000)), gzipped).status == 200
    small = gzip.compress(padded(1001))
    assert len(small) < 1000
    assert post(tight.service_url, small, gzipped).status == 413
    assert_healthy(tight)


def test_chunked_body_without_length_is_bounded(tight: EmulatorServer) -> None:
    def chunks() -> Iterator[bytes]:
        data = padded(1001)
        yield data[:500]
        yield data[500:]

    response = requests.post(tight.service_url, data=chunks(), timeout=30)
    assert response.status_code == 413
    assert_healthy(tight)


def test_gzip_bomb_is_413(server: EmulatorServer) -> None:
    compressor = zlib.compressobj(9, wbits=31)
    bomb = b"".join(compressor.compress(b" " * MIB) for _ in range(64)) + compressor.flush()
    assert len(bomb) < 100_000  # 64 MiB inflated
    answer = post(server.service_url, bomb, {"Content-Encoding": "gzip"})
    assert answer.status == 413
    assert b"Traceback" not in answer.content
    assert_healthy(server)


@pytest.mark.parametrize(
    "data",
    [b"\x1f\x8b\x08\x00garbage", b"not gzip at all", gzip.compress(request())[:-20]],
    ids=["bad header", "not gzip", "truncated"],
)
def test_corrupt_gzip_is_400(server: EmulatorServer, data: bytes) -> None:
    answer = post(server.service_url, data, {"Content-Encoding": "gzip"})
    assert answer.status == 400
    assert b"not gzip data" in answer.content
    assert b"Traceback" not in answer.content
    assert_healthy(server)


def test_over_the_default_body_size_is_413(server: EmulatorServer) -> None:
    response = requests.post(server.service_url, data=padded(10 * MIB + 1), timeout=30)
    assert response.status_code == 413
    assert "10485760 bytes" in response.text


def test_default_xml_bounds(server: EmulatorServer) -> None:
    deep = "<x>" * 100 + "</x>" * 100  # the company element is at level 4
    assert_refused(server, request(company=deep), "deeper than 100 levels")
    assert_refused(server, request(extra_header="<x/>" * 100_000), "more than 100000 elements")
    attrs = "".join(f' a{i}="{i}"' for i in range(50))
    assert_refused(server, request(attributes=attrs), "more than 50 attributes")
    assert_refused(server, request(company="c" * (MIB + 1)), "longer than 1048576 characters")


def test_bounds_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "IPS_EMULATOR_MAX_BODY_BYTES": "2048",
            "IPS_EMULATOR_MAX_XML_DEPTH": "20",
            "IPS_EMULATOR_MAX_XML_ELEMENTS": "1_000",
            "IPS_EMULATOR_MAX_XML_ATTRIBUTES": "5",
            "IPS_EMULATOR_MAX_XML_TEXT": "4096",
            "IPS_EMULATOR_LOGIN_FAILURE_LIMIT": "3",
        }
    )
    assert (settings.max_body_bytes, settings.max_xml_depth, settings.max_xml_elements) == (
        2048,
        20,
        1000,
    )
    assert (settings.max_xml_attributes, settings.max_xml_text) == (5, 4096)
    assert settings.login_failure_limit == 3
    defaults = Settings.from_env({})
    assert (defaults.max_body_bytes, defaults.max_xml_depth) == (10 * MIB, 100)
    assert (defaults.max_xml_elements, defaults.max_xml_attributes) == (100_000, 50)
    assert (defaults.max_xml_text, defaults.login_failure_limit) == (MIB, None)


@pytest.mark.parametrize("value", ["0", "-1", "ten", "1.5"])
def test_bad_bound_values_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="max_xml_depth"):
        Settings.from_env({"IPS_EMULATOR_MAX_XML_DEPTH": value})


def _search_with_conditions(count: int) -> bytes:
    condition = "<items><field>Name</field><op>Contains</op><value>no-such-name</value></items>"
    return envelope(
        f'<searchAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<includeSubfolders>true</includeSubfolders>"
        f"<systemFieldConditionArray>{condition * count}</systemFieldConditionArray>"
        "<systemFieldMatchMode>MatchAny</systemFieldMatchMode></searchAssetsParam>",
        auth_header(),
    )


def test_search_with_too_many_conditions_is_30001_and_logs_no_sql(
    server: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    answer = post(server.service_url, _search_with_conditions(5000))
    code, reason = answer.fault()[3:]
    assert code == 30001
    assert "'systemFieldConditionArray'" in reason
    assert "at most 500 conditions" in reason
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "SELECT" not in logged.upper()
    assert "Expression tree" not in logged


def test_search_with_as_many_conditions_as_allowed_is_answered(server: EmulatorServer) -> None:
    answer = post(server.service_url, _search_with_conditions(500))
    assert answer.status == 200, answer.content
    assert answer.root.findtext(".//{*}totalRows") == "0"
