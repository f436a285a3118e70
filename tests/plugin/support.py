"""Running inner pytest sessions that use the plugin (pytester, in process)."""

from __future__ import annotations

import textwrap

import pytest

from ips_emulator.testing import emulate

#: The documented getAssetJobLogs answer, per locale: (logType, logMessage).
DEMO_ENTRIES = {
    "en-US": [
        ("UploadSuccess", "ApiTestCo/blakexslttest.jpg was processed into IPS"),
        ("FileUpdated", "ApiTestCo/blakexslttest.jpg was processed into IPS."),
    ],
    "fr-FR": [
        ("UploadSuccess", "ApiTestCo/blakexslttest.jpg a été traité dans IPS"),
        ("FileUpdated", "ApiTestCo/blakexslttest.jpg a été traité dans IPS."),
    ],
}


def run_inner(
    pytester: pytest.Pytester, tests: str, conftest: str | None = None, *args: str
) -> pytest.RunResult:
    """Write ``tests`` (and ``conftest``) into a fresh directory and run pytest there."""
    if conftest is not None:
        pytester.makeconftest(textwrap.dedent(conftest))
    pytester.makepyfile(test_inner=textwrap.dedent(tests))
    return pytester.runpytest("-p", "no:cacheprovider", *args)


def warm_up() -> None:
    """Import everything a served emulator and a client use, in this process.

    pytester restores ``sys.modules`` after each in-process run, so whatever an inner
    run imported first is imported again by the next: SQLAlchemy then warns that its
    dialect functions are registered twice. Modules already loaded are kept.
    """
    with emulate() as emulator:
        client = emulator.client()
        client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
