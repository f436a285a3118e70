"""getJobLogs and getJobLogDetails: filters, sorting, paging and their faults."""

from __future__ import annotations

from datetime import timedelta

import pytest
import zeep

from tests.integration.jobs_support import START, Emulator, emulator, unique_name

__all__ = ["emulator"]


@pytest.fixture(scope="module")
def three_jobs(emulator: Emulator) -> list[str]:
    """Three finished upload jobs with 1, 2 and 3 files, a minute apart."""
    names = []
    for files in (1, 2, 3):
        name = unique_name(f"files{files}")
        urls = [(f"http://example.com/{name}-{i}.jpg", f"q/{name}-{i}.jpg") for i in range(files)]
        emulator.upload(name, *urls)
        emulator.advance(60)
        names.append(name)
    return names


def ours(logs: list[object], names: list[str]) -> list[object]:
    return [log for log in logs if log.originalJobName in names]  # type: ignore[attr-defined]


def test_get_job_logs_counts_and_default_order(emulator: Emulator, three_jobs: list[str]) -> None:
    logs = ours(emulator.call("getJobLogs", companyHandle="c|6"), three_jobs)
    assert [log.originalJobName for log in logs] == three_jobs[::-1]  # newest first
    assert [log.fileSuccessCount for log in logs] == [3, 2, 1]
    assert [log.totalFileCount for log in logs] == [3, 2, 1]
    assert all(log.endDate is not None and log.fatalError is False for log in logs)
    assert all(log.companyHandle == "c|6" for log in logs)


def test_get_job_logs_sort_fields(emulator: Emulator, three_jobs: list[str]) -> None:
    ascending = emulator.call(
        "getJobLogs", companyHandle="c|6", sortBy="FileSuccessCount", sortDirection="Ascending"
    )
    counts = [log.fileSuccessCount for log in ascending]
    assert counts == sorted(counts)
    by_name = emulator.call("getJobLogs", companyHandle="c|6", sortBy="JobName",
                            sortDirection="Descending")  # fmt: skip
    names = [log.jobName for log in by_name]
    assert names == sorted(names, reverse=True)


@pytest.mark.parametrize("rows", [0, 1, 2])
def test_num_rows_is_exact(emulator: Emulator, three_jobs: list[str], rows: int) -> None:
    # zeep turns an empty array into None: test 0-, 1- and n-item arrays.
    logs = emulator.call("getJobLogs", companyHandle="c|6", numRows=rows) or []
    assert len(logs) == rows


def test_date_window(emulator: Emulator, three_jobs: list[str]) -> None:
    logs = emulator.call(
        "getJobLogs",
        companyHandle="c|6",
        startDate=START + timedelta(seconds=30),
        endDate=START + timedelta(hours=1),
    )
    names = [log.originalJobName for log in logs]
    assert three_jobs[0] not in names
    assert three_jobs[1] in names
    assert three_jobs[2] in names


def test_details_paging_filter_and_sort(emulator: Emulator, three_jobs: list[str]) -> None:
    name = three_jobs[2]
    page2 = emulator.details(name, recordsPerPage=3, resultsPage=2)
    assert page2.detailTotalRows == 9
    assert [d.logType for d in page2.detailArray.items] == [
        "JobType", "TotalFileCount", "UploadSuccess",
    ]  # fmt: skip
    filtered = emulator.details(name, logTypeArray={"items": ["UploadSuccess", "EndUpload"]})
    assert filtered.detailTotalRows == 4
    by_type = emulator.details(name, sortBy="LogType", sortDirection="Descending")
    types = [d.logType for d in by_type.detailArray.items]
    assert types == sorted(types, reverse=True)
    past_the_end = emulator.details(name, recordsPerPage=5, resultsPage=9)
    assert past_the_end.detailTotalRows == 9
    assert not past_the_end.detailArray


def test_details_by_job_handle(emulator: Emulator, three_jobs: list[str]) -> None:
    log = emulator.details(three_jobs[0])
    by_handle = emulator.call("getJobLogDetails", companyHandle="c|6", jobHandle=log.jobHandle)
    assert by_handle[0].jobName == log.jobName
    assert emulator.details("never-submitted") is None


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"originalName": "x", "recordsPerPage": 0}, 30001, "recordsPerPage"),
        ({"originalName": "x", "recordsPerPage": 1001}, 30001, "recordsPerPage"),
        ({"originalName": "x", "resultsPage": 0}, 30001, "resultsPage"),
        ({"originalName": "x", "sortBy": "Size"}, 30001, "sortBy"),
        ({"originalName": "x", "sortDirection": "Up"}, 30001, "sortDirection"),
        ({}, 30002, "jobHandle"),
        ({"jobHandle": "j|6||nope|1"}, 30001, "jobHandle"),
    ],
)
def test_detail_faults(
    emulator: Emulator, params: dict[str, object], code: int, field: str
) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call("getJobLogDetails", companyHandle="c|6", **params)
    detail = caught.value.detail[0]
    assert int(detail[0].text) == code
    assert field in detail[1].text


def test_get_job_logs_bad_sort_field(emulator: Emulator) -> None:
    with pytest.raises(zeep.exceptions.Fault) as caught:
        emulator.call("getJobLogs", companyHandle="c|6", sortBy="Size")
    assert caught.value.detail[0][0].text == "30001"
