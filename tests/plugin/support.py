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


#: Options of every inner run. pytest-randomly, installed for the outer suite, would load
#: into inner runs too and shuffle them with a seed of their own: inner tests whose order
#: a test states (a directory before and after another) run in file order instead, and
#: a failure reproduces from the outer run's seed alone.
INNER_OPTIONS = ("-p", "no:cacheprovider", "-p", "no:randomly")


def run_inner(
    pytester: pytest.Pytester, tests: str, conftest: str | None = None, *args: str
) -> pytest.RunResult:
    """Write ``tests`` (and ``conftest``) into a fresh directory and run pytest there."""
    if conftest is not None:
        pytester.makeconftest(textwrap.dedent(conftest))
    pytester.makepyfile(test_inner=textwrap.dedent(tests))
    return pytester.runpytest(*INNER_OPTIONS, *args)


def warm_up() -> None:
    """Import everything a served emulator and a client use, in this process.

    pytester restores ``sys.modules`` after each in-process run, so whatever an inner
    run imported first is imported again by the next: SQLAlchemy then warns that its
    dialect functions are registered twice. Modules already loaded are kept.
    """
    with emulate() as emulator:
        client = emulator.client()
        client.service.getAssetJobLogs(companyHandle="c|6", assetHandle="a|732|1|535")
