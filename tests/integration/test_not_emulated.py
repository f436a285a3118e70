"""Adobe's operations the emulator does not emulate yet: in the WSDL, and a clear fault.

A client generated from our WSDL can call every one of Adobe's operations; one not
emulated answers ipsApiFault 30000 whose reason names the operation and
docs/coverage.md, never "unknown operation". Its parameters are still checked
against its declaration first.
"""

from __future__ import annotations

import pytest
import zeep
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from ips_emulator.testing import IpsEmulator
from tests.conftest import ServerFactory
from tests.helpers import NS_2008, NS_XSD, auth_header, envelope, post

NS_2013 = "http://www.scene7.com/IpsApi/xsd/2013-02-15"
NS_2014 = "http://www.scene7.com/IpsApi/xsd/2014-04-03"


def _header_2014() -> dict[str, object]:
    return {
        "authHeader": {
            "user": "demo@ips-emulator.test",
            "password": "demo",
            "appName": "not-emulated-test",
            "appVersion": "1",
        }
    }


def test_zeep_from_our_wsdl_calls_get_zip_entries_and_gets_a_fault(server: EmulatorServer) -> None:
    client = zeep.Client(f"{server.url}/scene7/webservice/IpsApi-2014-04-03.wsdl")
    with pytest.raises(Fault) as caught:
        client.service.getZipEntries(
            companyHandle="c|6", assetHandle="a|732|1|535", _soapheaders=_header_2014()
        )
    detail = caught.value.detail
    assert detail is not None
    (fault,) = list(detail)
    assert fault.tag == "{http://www.scene7.com/IpsApi/xsd}ipsApiFault"
    assert fault.findtext("{http://www.scene7.com/IpsApi/xsd}code") == "30000"
    assert fault.findtext("{http://www.scene7.com/IpsApi/xsd}reason") == (
        "Operation 'getZipEntries' is not emulated by ips-emulator yet (API version "
        "2014-04-03): docs/coverage.md lists the operations it emulates."
    )


@pytest.mark.parametrize(
    ("namespace", "version", "header_namespace"),
    [(NS_XSD, "xsd", NS_XSD), (NS_2008, "2008-01-15", NS_XSD), (NS_2013, "2013-02-15", NS_XSD)],
)
def test_every_namespace_names_the_operation_not_emulated(
    server: EmulatorServer, namespace: str, version: str, header_namespace: str
) -> None:
    body = (
        f'<getAssetCountsParam xmlns="{namespace}"><companyHandle>c|6</companyHandle>'
        "</getAssetCountsParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header(namespace=header_namespace)))
    assert answer.status == 500
    faultcode, faultstring, element, code, reason = answer.fault()
    assert (faultcode, faultstring, element, code) == (
        "soapenv:Server", "ipsApiFault", "ipsApiFault", 30000,
    )  # fmt: skip
    assert reason.startswith(f"Operation 'getAssetCounts' is not emulated by ips-emulator yet (API "
                             f"version {version})")  # fmt: skip
    assert "docs/coverage.md" in reason


def test_parameters_are_checked_before_the_fault(server: EmulatorServer) -> None:
    # getZipEntries requires assetHandle (Adobe's WSDL: minOccurs 1).
    body = (
        f'<getZipEntriesParam xmlns="{NS_2013}"><companyHandle>c|6</companyHandle>'
        "</getZipEntriesParam>"
    )
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.fault()[2:] == (
        "ipsApiFault", 30002, "Missing required parameter 'assetHandle'.",
    )  # fmt: skip
    body = f'<getUsersParam xmlns="{NS_2013}"><recordsPerPage>many</recordsPerPage></getUsersParam>'
    answer = post(server.service_url, envelope(body, auth_header()))
    _, _, element, code, reason = answer.fault()
    assert (element, code) == ("ipsApiFault", 30001)
    assert "'recordsPerPage'" in reason


def test_an_operation_2014_04_03_dropped_is_unknown_there(server: EmulatorServer) -> None:
    # getImageServingCatalog is in Adobe's 2013-02-15 WSDL, not in its 2014-04-03 one.
    body = (
        f'<getImageServingCatalogParam xmlns="{NS_2014}"><companyHandle>c|6</companyHandle>'
        "</getImageServingCatalogParam>"
    )
    header = auth_header(namespace=NS_2014, appName="t", appVersion="1")
    answer = post(server.service_url, envelope(body, header))
    assert answer.fault()[2:] == (
        "ipsApiFault", 30003,
        f"Unknown operation element 'getImageServingCatalogParam' in namespace '{NS_2014}'.",
    )  # fmt: skip
    older = body.replace(NS_2014, NS_2013)
    assert post(server.service_url, envelope(older, auth_header())).fault()[3] == 30000


def test_a_made_up_operation_is_still_unknown(server: EmulatorServer) -> None:
    body = f'<getEverythingParam xmlns="{NS_2013}"/>'
    answer = post(server.service_url, envelope(body, auth_header()))
    assert answer.fault()[3:] == (
        30003, f"Unknown operation element 'getEverythingParam' in namespace '{NS_2013}'.",
    )  # fmt: skip


def test_a_call_not_emulated_is_journaled_under_its_name(
    make_test_server: ServerFactory,
) -> None:
    server = make_test_server()
    body = (
        f'<getAssetCountsParam xmlns="{NS_2013}"><companyHandle>c|6</companyHandle>'
        "</getAssetCountsParam>"
    )
    post(server.service_url, envelope(body, auth_header()))
    (entry,) = server.app.journal.entries("getAssetCounts")
    assert (entry.operation, entry.user, entry.fault_code) == ("getAssetCounts", None, 30000)


def test_journal_queries_take_it_but_fault_injection_refuses_it(
    make_test_server: ServerFactory,
) -> None:
    emulator = IpsEmulator(make_test_server())
    assert emulator.journal.calls("getAssetCounts") == []
    with pytest.raises(ValueError, match=r"not emulated yet \(docs/coverage.md\) 'getAssetCounts'"):
        emulator.inject_fault("getAssetCounts")
