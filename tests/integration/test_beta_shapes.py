"""What the beta namespaces add, over HTTP: their fields are accepted in their namespace
and refused before it, and the operations they add answer the not-emulated fault there
and are unknown before (docs/versions.md, "The beta namespaces").
"""

from __future__ import annotations

import pytest
import zeep
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER, NS_XSD, Answer, auth_header, envelope, post

B2016, B2017, B2021 = "2016-01-14-beta", "2017-10-29-beta", "2021-01-11-beta"


@pytest.fixture(scope="module")
def beta_server(make_server: ServerFactory) -> EmulatorServer:
    """A server of its own: the jobs submitted here stay out of the shared one's data."""
    return make_server()


def ns(version: str) -> str:
    return f"{NS_XSD}/{version}"


def call(server: EmulatorServer, version: str, operation: str, inner: str) -> bytes:
    body = f'<{operation}Param xmlns="{ns(version)}">{inner}</{operation}Param>'
    return post(server.service_url, envelope(body, auth_header())).content


def submit_upload(server: EmulatorServer, version: str, name: str, extra: str) -> Answer:
    inner = (
        f"<companyHandle>c|6</companyHandle><jobName>{name}</jobName><uploadUrlsJob>"
        "<urlArray><items><sourceUrl>http://example.com/beta.jpg</sourceUrl>"
        f"<destPath>beta/{name}.jpg</destPath></items></urlArray>"
        "<overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
        f"<createMask>false</createMask><emailSetting>None</emailSetting>{extra}"
        "</uploadUrlsJob>"
    )
    body = f'<submitJobParam xmlns="{ns(version)}">{inner}</submitJobParam>'
    return post(server.service_url, envelope(body, auth_header()))


def unexpected(where: str) -> tuple[int, str]:
    return 30003, f"Invalid request XML: unexpected element '{where}'."


# -- fields of the job structs -----------------------------------------------------------

# Where the javadoc puts them: after excludeMasterVideoFromAVS, the last field 2014-04-03 has.
SMART_CROP_2021 = (
    "<excludeMasterVideoFromAVS>false</excludeMasterVideoFromAVS>"
    "<ignoreSmartCropGeneration>true</ignoreSmartCropGeneration>"
    "<preserveSmartCrop>false</preserveSmartCrop>"
)


def test_a_2021_upload_field_is_accepted_in_2021_01_11_beta(beta_server: EmulatorServer) -> None:
    answer = submit_upload(beta_server, B2021, "smartcrop21", SMART_CROP_2021)
    assert answer.status == 200, answer.content
    (returned,) = answer.root.find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
    assert returned.tag == f"{{{ns(B2021)}}}submitJobReturn"
    assert returned.findtext(f"{{{ns(B2021)}}}jobHandle") == "j|6|smartcrop21||"


@pytest.mark.parametrize("version", ["2014-04-03", B2016, B2017])
def test_the_same_field_is_refused_before_2021_01_11_beta(
    beta_server: EmulatorServer, version: str
) -> None:
    answer = submit_upload(beta_server, version, "smartcrop", SMART_CROP_2021)
    assert answer.status == 500
    assert answer.fault()[3:] == unexpected("uploadUrlsJob/ignoreSmartCropGeneration")


def test_2017_10_29_beta_fields_from_it_on_only(beta_server: EmulatorServer) -> None:
    css = (
        "<synchronizationComplete>true</synchronizationComplete>"
        "<cssOptions><forceStaticImages>true</forceStaticImages></cssOptions>"
    )
    for version in (B2017, B2021):
        answer = submit_upload(beta_server, version, f"css-{version}", css)
        assert answer.status == 200, (version, answer.content)
    answer = submit_upload(beta_server, B2016, "css-2016", css)
    assert answer.fault()[3:] == unexpected("uploadUrlsJob/synchronizationComplete")


def test_nested_beta_types_are_checked_like_any(beta_server: EmulatorServer) -> None:
    # MediaOptions/videoSmartCropSampleRate is an xsd:int (2021-01-11-beta).
    media = (
        "<mediaOptions><videoSmartCropSampleRate>often</videoSmartCropSampleRate></mediaOptions>"
    )
    answer = submit_upload(beta_server, B2021, "media", media)
    _, _, element, code, reason = answer.fault()
    assert (element, code) == ("ipsApiFault", 30001)
    assert "'uploadUrlsJob/mediaOptions/videoSmartCropSampleRate'" in reason
    # AutoSmartCropOptions requires all four of its elements (2017-10-29-beta).
    crops = (
        "<autoSmartCropOptionsArray><items><name>square</name><width>100</width>"
        "<height>100</height></items></autoSmartCropOptionsArray>"
    )
    answer = submit_upload(beta_server, B2017, "crops", crops)
    assert answer.fault()[3:] == (
        30002, "Missing required parameter 'uploadUrlsJob/autoSmartCropOptionsArray/items/type'."
    )  # fmt: skip


def test_zeep_from_the_2021_wsdl_sends_the_2021_fields(beta_server: EmulatorServer) -> None:
    client = zeep.Client(f"{beta_server.url}/scene7/webservice/IpsApi-{B2021}.wsdl")
    header = {"authHeader": {"user": DEMO_USER, "password": DEMO_PASSWORD,
                             "appName": "zeep", "appVersion": "4"}}  # fmt: skip
    job = {
        "urlArray": {"items": [{"sourceUrl": "http://example.com/z.jpg", "destPath": "z/z.jpg"}]},
        "overwrite": True, "readyForPublish": True, "createMask": False, "emailSetting": "None",
        "ignoreSmartCropGeneration": True, "jwtToken": "token", "imsOrg": "org@AdobeOrg",
    }  # fmt: skip
    handle = client.service.submitJob(
        companyHandle="c|6", jobName="zeep21", uploadUrlsJob=job, _soapheaders=header
    )
    assert handle == "j|6|zeep21||"


# -- the operations the betas add ----------------------------------------------------------


def not_emulated(operation: str, version: str) -> tuple[int, str]:
    return 30000, (
        f"Operation '{operation}' is not emulated by ips-emulator yet (API version "
        f"{version}): docs/coverage.md lists the operations it emulates."
    )


def unknown(operation: str, version: str) -> tuple[int, str]:
    return 30003, f"Unknown operation element '{operation}Param' in namespace '{ns(version)}'."


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (B2021, not_emulated("getSecureISAuthToken", B2021)),
        (B2017, unknown("getSecureISAuthToken", B2017)),
        ("2014-04-03", unknown("getSecureISAuthToken", "2014-04-03")),
        # Before 2013-02-15 too: a beta operation's start is evidenced.
        ("2008-01-15", unknown("getSecureISAuthToken", "2008-01-15")),
    ],
)
def test_get_secure_is_auth_token_is_2021_01_11_beta_s(
    server: EmulatorServer, version: str, expected: tuple[int, str]
) -> None:
    body = f'<getSecureISAuthTokenParam xmlns="{ns(version)}"><companyHandle>c|6'
    body += "</companyHandle></getSecureISAuthTokenParam>"
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.status == 500
    faultcode, faultstring, element, code, reason = answer.fault()
    assert (faultcode, faultstring, element) == ("soapenv:Server", "ipsApiFault", "ipsApiFault")
    assert (code, reason) == expected


@pytest.mark.parametrize(
    ("operation", "since", "before", "inner"),
    [
        ("getMetadataSchema", B2016, "2014-04-03",
         "<companyHandle>c|6</companyHandle><version>1</version>"),
        ("updateSmartCrops", B2017, B2016,
         "<companyHandle>c|6</companyHandle><updateArray><items><ownerHandle>a|1</ownerHandle>"
         "<subAssetHandle>a|2</subAssetHandle></items></updateArray>"),
        ("getArchivedJobLogDetails", B2021, B2017,
         "<companyHandle>c|6</companyHandle><jobHandle>j|6||x</jobHandle>"),
    ],
)  # fmt: skip
def test_one_operation_each_beta_adds(
    server: EmulatorServer, operation: str, since: str, before: str, inner: str
) -> None:
    for version in (since, B2021):
        answer = post(server.service_url, envelope(
            f'<{operation}Param xmlns="{ns(version)}">{inner}</{operation}Param>', auth_header()
        ))  # fmt: skip
        assert answer.fault()[3:] == not_emulated(operation, version)
    answer = post(server.service_url, envelope(
        f'<{operation}Param xmlns="{ns(before)}">{inner}</{operation}Param>', auth_header()
    ))  # fmt: skip
    assert answer.fault()[3:] == unknown(operation, before)


def test_an_added_operation_s_parameters_are_checked_first(server: EmulatorServer) -> None:
    # getArchivedJobLogDetails requires jobHandle (getJobLogDetails does not).
    body = (
        f'<getArchivedJobLogDetailsParam xmlns="{ns(B2021)}"><companyHandle>c|6</companyHandle>'
        "</getArchivedJobLogDetailsParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.fault()[3:] == (30002, "Missing required parameter 'jobHandle'.")


def test_haystack_search_weights_are_xsd_floats(server: EmulatorServer) -> None:
    def search(version: str, weight: str) -> tuple[int, str]:
        body = (
            f'<searchAssetsByMetadataParam xmlns="{ns(version)}"><companyHandle>c|6'
            "</companyHandle><haystackSearch><assetHandle>a|732|1|535</assetHandle>"
            f"<siftWeight>{weight}</siftWeight></haystackSearch></searchAssetsByMetadataParam>"
        )
        fault = post(server.service_url, envelope(body, auth_header())).fault()
        return fault[3], fault[4]

    # Accepted as a float, then refused: similarity search is not emulated.
    assert search(B2016, "0.5") == (
        30001, "Invalid value '' for parameter 'haystackSearch': similarity search is not emulated",
    )  # fmt: skip
    code, reason = search(B2016, "heavy")
    assert code == 30001
    assert "'haystackSearch/siftWeight'" in reason
    assert "an xsd:float" in reason
    assert search("2014-04-03", "0.5") == unexpected("haystackSearch")


def test_zeep_from_the_2021_wsdl_calls_an_added_operation(server: EmulatorServer) -> None:
    client = zeep.Client(f"{server.url}/scene7/webservice/IpsApi-{B2021}.wsdl")
    header = {"authHeader": {"user": DEMO_USER, "password": DEMO_PASSWORD,
                             "appName": "zeep", "appVersion": "4"}}  # fmt: skip
    with pytest.raises(Fault) as caught:
        client.service.getSecureISAuthToken(companyHandle="c|6", _soapheaders=header)
    detail = caught.value.detail
    assert detail is not None
    assert detail[0].findtext(f"{{{NS_XSD}}}code") == "30000"
    older = zeep.Client(f"{server.url}/scene7/webservice/IpsApi-2014-04-03.wsdl")
    with pytest.raises(AttributeError):
        older.service.getSecureISAuthToken  # noqa: B018 (the 2014-04-03 WSDL has no such)
