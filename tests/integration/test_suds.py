"""A second, independent SOAP stack (suds) builds its calls from our WSDL too."""

from __future__ import annotations

from typing import Any

import pytest
from suds import WebFault
from suds.client import Client

from tests.conftest import ServerFactory
from tests.helpers import DEMO_PASSWORD, DEMO_USER


@pytest.fixture(scope="module")
def suds_client(make_server: ServerFactory) -> Any:
    """Its own server: the job it submits writes entries about the demo asset."""
    server = make_server()
    client = Client(server.wsdl_url, cache=None)
    header = client.factory.create("{http://www.scene7.com/IpsApi/xsd}authHeader")
    header.user, header.password, header.locale = DEMO_USER, DEMO_PASSWORD, "ja-JP"
    client.set_options(soapheaders=header)
    return client


def test_get_asset_job_logs(suds_client: Any) -> None:
    result = suds_client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
    assert [i.logType for i in result.items] == ["UploadSuccess", "FileUpdated"]
    assert result.items[1].logMessage == "ApiTestCo/blakexslttest.jpg は IPS で処理されました。"


def test_discovery_and_jobs(suds_client: Any) -> None:
    company = suds_client.service.getCompanyInfo(companyName="ApiTestCo")
    assert company.companyHandle == "c|6"
    job = suds_client.factory.create(
        "{http://www.scene7.com/IpsApi/xsd/2008-01-15}OptimizeImagesJob"
    )
    job.emailSetting = "None"
    handle = suds_client.service.submitJob(
        companyHandle="c|6", jobName="suds-job", optimizeImagesJob=job
    )
    assert handle == "j|6|suds-job||"
    logs = suds_client.service.getJobLogDetails(companyHandle="c|6", originalName="suds-job")
    assert logs.items[0].originalJobName == "suds-job"


def test_typed_fault(suds_client: Any) -> None:
    with pytest.raises(WebFault) as caught:
        suds_client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|0")
    fault = caught.value.fault
    assert (fault.faultcode, fault.faultstring) == ("soapenv:Server", "ipsApiFault")
    assert fault.detail.ipsApiFault.code == "30001"
