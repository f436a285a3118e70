"""Two emulator instances on one database writing the same new rows at the same moment:
neither faults; one creates the row, the other finds it (this run's backend)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import requests
from sqlalchemy import create_engine, text

from ips_emulator import EmulatorServer, Settings, create_app
from ips_emulator.config import INSTANT
from tests.databases import Databases
from tests.helpers import NS_2008, auth_header, envelope

PAIRS = 20


def upload(job: str, path: str) -> bytes:
    return envelope(
        f'<submitJobParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<jobName>{job}</jobName><uploadUrlsJob><urlArray><items>"
        f"<sourceUrl>http://example.com/{path}</sourceUrl><destPath>{path}</destPath>"
        "</items></urlArray><overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
        "<createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>"
        "</submitJobParam>",
        auth_header(),
    )


def _two_instances(url: str) -> list[EmulatorServer]:
    """Two servers on one database. Instant jobs: each submitJob writes its upload (and
    the asset) in its own transaction."""
    return [
        EmulatorServer(create_app(Settings(database_url=url, job_speed=INSTANT))).start()
        for _ in range(2)
    ]


def _at_once(servers: list[EmulatorServer], work: Callable[[int, EmulatorServer], None]) -> None:
    """``work(number, server)`` for each server, in threads of their own at the same time;
    then the servers are stopped."""
    try:
        threads = [threading.Thread(target=work, args=pair) for pair in enumerate(servers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for server in servers:
            server.stop()


def test_two_instances_upload_the_same_new_path_at_once(databases: Databases) -> None:
    url = databases.new_url()
    servers = _two_instances(url)
    barrier = threading.Barrier(2)
    faults: list[bytes] = []

    def submit(number: int, server: EmulatorServer) -> None:
        session = requests.Session()
        for pair in range(PAIRS):
            barrier.wait(timeout=60)
            data = upload(f"race-{number}-{pair}", f"race/{pair}.jpg")
            answer = session.post(server.service_url, data=data, timeout=60)
            if answer.status_code != 200:
                faults.append(answer.content)

    _at_once(servers, submit)
    codes = [re.findall(rb"<tns:code>(\d+)</tns:code>|(UniqueViolation)", f) for f in faults]
    assert faults == [], codes
    engine = create_engine(url)
    with engine.connect() as connection:
        assets = connection.execute(
            text("SELECT name, COUNT(*) FROM asset WHERE folder = 'race/' GROUP BY name")
        ).all()
        kinds = connection.execute(
            text(
                "SELECT e.log_type, COUNT(*) FROM job_log_entry e JOIN job j ON j.id = e.job_id"
                " WHERE j.original_name LIKE 'race-%' AND e.log_type IN"
                " ('UploadSuccess', 'FileUpdated') GROUP BY e.log_type ORDER BY e.log_type"
            )
        ).all()
    engine.dispose()
    assert sorted(assets) == sorted((f"{pair}", 1) for pair in range(PAIRS))
    # Per path: one job created the asset, the other updated it (overwrite).
    assert [tuple(k) for k in kinds] == [("FileUpdated", PAIRS), ("UploadSuccess", PAIRS)]


def _race(url: str, calls: list[list[bytes]]) -> list[list[bytes]]:
    """Post ``calls[i][k]`` to instance k of two on ``url``, the two of each i at once;
    the answers' bodies, as posted."""
    servers = _two_instances(url)
    barrier = threading.Barrier(2)
    answers: list[list[bytes]] = [[b"", b""] for _ in calls]

    def post_all(number: int, server: EmulatorServer) -> None:
        session = requests.Session()
        for i, pair in enumerate(calls):
            barrier.wait(timeout=60)
            answers[i][number] = session.post(
                server.service_url, data=pair[number], timeout=60
            ).content

    try:
        servers[0].app.seed(RACE_SEED)
    except BaseException:
        for server in servers:
            server.stop()
        raise
    _at_once(servers, post_all)
    return answers


def _race_asset(handle: str, folder: str, name: str, state: str = "NotInTrash") -> dict[str, str]:
    return {"handle": handle, "company": "c|6", "folder": folder, "name": name, "type": "Image",
            "created": "2025-06-01T00:00:00Z", "createUser": "demo@ips-emulator.test",
            "trashState": state}  # fmt: skip


#: Per pair: an asset in the trash, and two assets of one name in two folders.
RACE_SEED = {
    "folders": [
        {"company": "c|6", "path": f"dest/{p}/", "lastModified": "2025-06-01T00:00:00Z"}
        for p in range(PAIRS)
    ],
    "assets": [
        asset
        for p in range(PAIRS)
        for asset in (
            _race_asset(f"a|trashed{p}", "trashed/", f"trashed{p}", "InTrash"),
            _race_asset(f"a|one{p}", "one/", f"twin{p}"),
            _race_asset(f"a|two{p}", "two/", f"twin{p}"),
            _race_asset(f"a|meta{p}", "meta/", f"meta{p}"),
        )
    ],
}


def _batch(operation: str, handle: str) -> bytes:
    return envelope(
        f'<{operation}Param xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<assetHandleArray><items>{handle}</items></assetHandleArray></{operation}Param>",
        auth_header(),
    )


def test_two_instances_restore_and_empty_one_asset_at_once(databases: Databases) -> None:
    """One wins: the asset is restored (and the empty finds it live) or emptied (and the
    restore finds none); never both, which purged a live asset whose restore had
    succeeded, nor a 30000 (a restore logging about an asset the empty removed)."""
    url = databases.new_url()
    answers = _race(
        url,
        [
            [
                _batch("restoreAssetsFromTrash", f"a|trashed{p}"),
                _batch("emptyAssetsFromTrash", f"a|trashed{p}"),
            ]
            for p in range(PAIRS)
        ],
    )
    engine = create_engine(url)
    with engine.connect() as connection:
        live = set(
            connection.execute(
                text(
                    "SELECT handle FROM asset WHERE trash_state = 'NotInTrash'"
                    " AND handle LIKE 'a|trashed%'"
                )
            ).scalars()
        )
        stored = set(
            connection.execute(
                text("SELECT handle FROM asset WHERE handle LIKE 'a|trashed%'")
            ).scalars()
        )
        restored = connection.execute(
            text("SELECT COUNT(*) FROM job_log_entry WHERE log_type = 'RestoreTrashSuccess'")
        ).scalar()
    engine.dispose()
    for pair, (restore, empty) in enumerate(answers):
        assert b"Fault" not in restore + empty, (restore, empty)
        won = [b"<successCount>1</successCount>" in a for a in (restore, empty)]
        assert won in ([True, False], [False, True]), (restore, empty)
        handle = f"a|trashed{pair}"
        assert (handle in live, handle in stored) == ((True, True) if won[0] else (False, False))
    assert restored == len(live)


def _move(asset: str, folder: str) -> bytes:
    return envelope(
        f'<moveAssetParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<assetHandle>{asset}</assetHandle><folderHandle>{folder}</folderHandle>"
        "</moveAssetParam>",
        auth_header(),
    )


def test_two_instances_move_two_assets_of_one_name_into_one_folder(databases: Databases) -> None:
    """One moves; the other gets the name-in-use fault a move one after the other gets,
    not the unique index's 30000 ("the database refused the request")."""
    url = databases.new_url()
    answers = _race(
        url,
        [[_move(f"a|{a}{p}", f"f|ApiTestCo/dest/{p}/") for a in ("one", "two")]
         for p in range(PAIRS)],
    )  # fmt: skip
    for pair, (one, two) in enumerate(answers):
        moved = [b"<moveAssetReturn" in a for a in (one, two)]
        assert moved in ([True, False], [False, True]), (one, two)
        refused = two if moved[0] else one
        assert f"Asset ID 'twin{pair}' is already in use.".encode() in refused, refused


def _set(asset: str, field: str, value: str) -> bytes:
    return envelope(
        f'<setAssetMetadataParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        f"<assetHandle>{asset}</assetHandle><updateArray><items><fieldHandle>{field}"
        f"</fieldHandle><value>{value}</value></items></updateArray></setAssetMetadataParam>",
        auth_header(),
    )


def test_two_instances_set_two_fields_of_one_asset_at_once(databases: Databases) -> None:
    """Each call writes the asset's values as it read them plus its own: both values are
    kept, neither call's write is lost under the other's."""
    url = databases.new_url()
    answers = _race(
        url,
        [[_set(f"a|meta{p}", "m|6|ALL|Photographer", "Ann"),
          _set(f"a|meta{p}", "m|6|ALL|Season", "Winter")] for p in range(PAIRS)],
    )  # fmt: skip
    assert all(b"Fault" not in a + b for a, b in answers), answers
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = dict(
            connection.execute(
                text("SELECT handle, metadata_fields FROM asset WHERE handle LIKE 'a|meta%'")
            ).all()
        )
    engine.dispose()
    for pair in range(PAIRS):
        values = stored[f"a|meta{pair}"]  # JSON text on SQLite, decoded by psycopg
        assert ("Ann" in str(values), "Winter" in str(values)) == (True, True), (pair, values)
