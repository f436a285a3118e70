"""deleteAsset, deleteAssets, emptyAssetsFromTrash and restoreAssetsFromTrash over HTTP
(r-delete-asset.md, r-delete-assets.md, r-empty-assets-from-trash.md,
r-restore-assets-from-trash.md, r-trash-state.md, r-job-log-types.md; the live 2010-01-31
service's recorded delete_asset__success.xml)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import zeep
from zeep.exceptions import Fault

from ips_emulator import EmulatorServer
from ips_emulator.domain.clock import ManualClock
from ips_emulator.domain.export import export_document
from ips_emulator.domain.seed import replace_all
from tests.helpers import NS_2008, NS_XSD, REFERENCE, auth_header, envelope, post
from tests.integration.assets_support import (
    MEMBER,
    PASSWORD,
    asset_server,
    batch,
    client_of,
    get_asset,
    header,
    log_types,
    names_found,
    reason,
)

__all__ = ["asset_server"]  # the fixture, used by name

RECORDED = REFERENCE / "real-service" / "recorded-2010-01-31"
NS_2010 = f"{NS_XSD}/2010-01-31"


def delete_raw(server: EmulatorServer, handle: str, namespace: str = NS_2010) -> bytes:
    body = (
        f'<deleteAssetParam xmlns="{namespace}"><companyHandle>c|6</companyHandle>'
        f"<assetHandle>{handle}</assetHandle></deleteAssetParam>"
    )
    return post(server.service_url, envelope(body, auth_header())).content


def test_delete_answers_as_recorded_and_puts_the_asset_in_the_trash(
    asset_server: EmulatorServer,
) -> None:
    answer = delete_raw(asset_server, "a|hat")
    recorded = (RECORDED / "delete_asset__success.xml").read_bytes().rstrip(b"\n")
    # Byte for byte but the self-closing tag's space, which lxml does not write.
    assert answer == recorded.replace(b'-31" />', b'-31"/>')
    client = client_of(asset_server)
    asset = get_asset(client, "a|hat")  # getAssets still answers it, with its state
    assert (asset.name, asset.folder, asset.trashState) == ("hat", "ApiTestCo/shop/", "InTrash")
    found = client.service.getAssetsByName(
        companyHandle="c|6", nameArray={"items": ["hat"]}, _soapheaders=header()
    )
    assert [a.assetHandle for a in found] == ["a|salehat"]  # live assets only
    assert "a|hat" not in names_found(client)  # the default: NotInTrash
    assert names_found(client, trashState="InTrash") == ["a|hat"]
    assert "a|hat" in names_found(client, trashState="Any")
    assert names_found(client, trashState="InEmptiedTrash") == []


def test_delete_writes_the_trash_job_log_in_the_callers_language(
    asset_server: EmulatorServer,
) -> None:
    client = client_of(asset_server)
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=header())
    upload = ("UploadSuccess", "ApiTestCo/shop/hat.jpg was processed into IPS")
    assert log_types(client, "a|hat") == [
        upload, ("TrashSuccess", "ApiTestCo/shop/hat was moved to the trash."),
    ]  # fmt: skip
    assert log_types(client, "a|hat", "fr-FR")[1] == (
        "TrashSuccess", "ApiTestCo/shop/hat a été placé dans la corbeille.",
    )  # fmt: skip
    assert (
        log_types(client, "a|hat", "ja-JP")[1][1] == "ApiTestCo/shop/hat はごみ箱に移動されました。"
    )
    # The run: Begin, one entry per asset, End, found by getJobLogs like any job's.
    (run,) = [
        log for log in client.service.getJobLogs(companyHandle="c|6", _soapheaders=header())
        if log.originalJobName.startswith("Trash_")
    ]  # fmt: skip
    assert (run.jobName, run.logType, run.submitUserEmail, run.fileSuccessCount) == (
        "Trash_2026-04-01-08:30:00", "BeginTrash", "demo@ips-emulator.test", 1,
    )  # fmt: skip
    details = client.service.getJobLogDetails(
        companyHandle="c|6", jobHandle=run.jobHandle, _soapheaders=header(locale="de-DE")
    )
    assert [(d.logType, d.logMessage) for d in details[0].detailArray.items] == [
        ("BeginTrash", "Das Verschieben von Assets in den Papierkorb hat begonnen."),
        ("TrashSuccess", "ApiTestCo/shop/hat wurde in den Papierkorb verschoben."),
        ("EndTrash", "Das Verschieben von Assets in den Papierkorb ist abgeschlossen."),
    ]


def test_deleting_twice_is_no_fault_and_leaves_a_warning_entry(
    asset_server: EmulatorServer,
) -> None:
    client = client_of(asset_server)
    for _ in range(2):
        client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=header())
    assert [t for t, _ in log_types(client, "a|hat")][1:] == ["TrashSuccess", "TrashWarning"]
    assert get_asset(client, "a|hat").trashState == "InTrash"


def test_restore_brings_the_asset_back_where_it_was(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server)
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=header())
    answer = client.service.restoreAssetsFromTrash(
        companyHandle="c|6", assetHandleArray={"items": ["a|hat", "a|coat"]},
        _soapheaders=header(),
    )  # fmt: skip
    success, warnings, errors, warned, _ = batch(answer)
    assert (success, warnings, errors) == (1, 1, 0)  # a|coat was never in the trash
    assert (warned[0].assetHandle, warned[0].reason) == (
        "a|coat",
        "Asset 'a|coat' is not in the trash.",
    )
    asset = get_asset(client, "a|hat")
    assert (asset.folder, asset.trashState) == ("ApiTestCo/shop/", "NotInTrash")
    assert "a|hat" in names_found(client)
    assert log_types(client, "a|hat", "es-ES")[-1] == (
        "RestoreTrashSuccess", "ApiTestCo/shop/hat se ha restaurado de la papelera.",
    )  # fmt: skip


def trash_lone_and_delete_its_folder(client: zeep.Client) -> None:
    """a|lone to the trash, then its folder lone/, which held only it."""
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|lone", _soapheaders=header())
    client.service.deleteFolder(
        companyHandle="c|6", folderHandle="f|ApiTestCo/lone/", _soapheaders=header()
    )


def test_a_folder_whose_assets_are_in_the_trash_can_go_and_a_restore_makes_it_again(
    asset_server: EmulatorServer,
) -> None:
    client = client_of(asset_server)
    trash_lone_and_delete_its_folder(client)
    client.service.restoreAssetsFromTrash(
        companyHandle="c|6", assetHandleArray={"items": ["a|lone"]}, _soapheaders=header()
    )
    folders = client.service.getFolders(companyHandle="c|6", _soapheaders=header())
    assert "ApiTestCo/lone/" in [f.path for f in folders.folderArray.items]
    assert get_asset(client, "a|lone").folder == "ApiTestCo/lone/"


def test_empty_removes_assets_in_the_trash_for_good(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server)
    client.service.deleteAssets(
        companyHandle="c|6", assetHandleArray={"items": ["a|hat"]}, _soapheaders=header()
    )
    answer = client.service.emptyAssetsFromTrash(
        companyHandle="c|6", assetHandleArray={"items": ["a|hat", "a|coat"]},
        _soapheaders=header(locale="it-IT"),
    )  # fmt: skip
    success, warnings, errors, _, failed = batch(answer)
    assert (success, warnings, errors) == (1, 0, 1)
    assert (failed[0].assetHandle, failed[0].code) == ("a|coat", 30001)
    assert "the asset is not in the trash" in failed[0].reason
    assert get_asset(client, "a|hat") is None
    assert get_asset(client, "a|coat").trashState == "NotInTrash"  # a live asset stays
    assert "a|hat" not in names_found(client, trashState="Any")
    with pytest.raises(Fault) as caught:
        log_types(client, "a|hat")
    assert "assetHandle 'a|hat'" in reason(caught.value)
    # Its name is free again, and the run is in the company's job logs.
    client.service.moveAsset(companyHandle="c|6", assetHandle="a|salehat",
                             folderHandle="f|ApiTestCo/shop/", _soapheaders=header())  # fmt: skip
    logs = client.service.getJobLogs(companyHandle="c|6", _soapheaders=header())
    (run,) = [log for log in logs if log.originalJobName.startswith("EmptyTrash_")]
    details = client.service.getJobLogDetails(
        companyHandle="c|6", jobHandle=run.jobHandle, _soapheaders=header(locale="it-IT")
    )
    assert [(d.logType, d.logMessage, d.assetHandle) for d in details[0].detailArray.items] == [
        ("BeginEmptyTrash", "Lo svuotamento del cestino è iniziato.", None),
        ("EmptyTrashSuccess", "ApiTestCo/shop/hat è stato rimosso definitivamente dal cestino.",
         None),
        ("EndEmptyTrash", "Lo svuotamento del cestino è stato completato.", None),
    ]  # fmt: skip


def test_delete_assets_acts_on_each_item_alone(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server, "2013-02-15")
    answer = client.service.deleteAssets(
        companyHandle="c|6",
        assetHandleArray={"items": ["a|hat", "a|none", "a|other", "a|hat", "a|coat"]},
        _soapheaders={"authHeader": {"user": MEMBER, "password": PASSWORD}},
    )
    success, warnings, errors, warned, failed = batch(answer)
    assert (success, warnings, errors) == (2, 1, 2)
    assert [(w.assetHandle, w.code, w.reason) for w in warned] == [
        ("a|hat", 30001, "Asset 'a|hat' is already in the trash."),
    ]
    assert [(f.assetHandle, f.code) for f in failed] == [("a|none", 30001), ("a|other", 30001)]
    assert all("'assetHandle'" in f.reason for f in failed)
    assert get_asset(client_of(asset_server), "a|coat").trashState == "InTrash"
    other = get_asset(client_of(asset_server), "a|other", company="c|8")
    assert other.trashState == "NotInTrash"  # another company's asset is left alone


def test_the_delete_assets_page_example_request(asset_server: EmulatorServer) -> None:
    body = (
        f'<deleteAssetsParam xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
        "<assetHandleArray><items>a|hat</items><items>a|coat</items></assetHandleArray>"
        "</deleteAssetsParam>"
    )
    answer = post(asset_server.service_url, envelope(body, auth_header()))
    assert answer.status == 200
    # As the page's response: the counts, and no detail arrays when there is nothing to say.
    assert answer.content.endswith(
        f'<deleteAssetsReturn xmlns="{NS_2008}"><successCount>2</successCount><warningCount>0'
        "</warningCount><errorCount>0</errorCount></deleteAssetsReturn></soapenv:Body>"
        "</soapenv:Envelope>".encode()
    )


def test_the_delete_asset_page_example_request_in_pre_4_0(asset_server: EmulatorServer) -> None:
    body = (
        f'<ns1:deleteAssetParam xmlns:ns1="{NS_XSD}"><ns1:companyHandle>c|6</ns1:companyHandle>'
        "<ns1:assetHandle>a|scarf</ns1:assetHandle></ns1:deleteAssetParam>"
    )
    answer = post(asset_server.service_url, envelope(body, auth_header()))
    assert f'<deleteAssetReturn xmlns="{NS_XSD}"/>'.encode() in answer.content
    assert get_asset(client_of(asset_server), "a|scarf").trashState == "InTrash"


@pytest.mark.parametrize(
    ("company", "handle", "code", "field"),
    [("c|6", "a|none", 30001, "'assetHandle'"), ("c|6", "a|other", 30001, "'assetHandle'"),
     ("c|8", "a|other", 20006, "")],
)  # fmt: skip
def test_delete_faults_and_changes_nothing(
    asset_server: EmulatorServer, company: str, handle: str, code: int, field: str
) -> None:
    client = client_of(asset_server, "2013-02-15")
    member = {"authHeader": {"user": MEMBER, "password": PASSWORD}}
    with pytest.raises(Fault) as caught:
        client.service.deleteAsset(companyHandle=company, assetHandle=handle, _soapheaders=member)
    assert caught.value.detail[0].findtext(f"{{{NS_XSD}}}code") == str(code)
    assert field in reason(caught.value)
    assert get_asset(client_of(asset_server), "a|other", "c|8").trashState == "NotInTrash"
    logs = client_of(asset_server).service.getJobLogs(_soapheaders=header())
    assert not [log for log in logs if log.originalJobName.startswith("Trash_")]


def test_missing_arrays_and_unknown_trash_states_name_the_field(
    asset_server: EmulatorServer,
) -> None:
    for operation in ("deleteAssets", "emptyAssetsFromTrash", "restoreAssetsFromTrash"):
        body = (
            f'<{operation}Param xmlns="{NS_2008}"><companyHandle>c|6</companyHandle>'
            f"</{operation}Param>"
        )
        answer = post(asset_server.service_url, envelope(body, auth_header()))
        assert answer.fault()[3:] == (30002, "Missing required parameter 'assetHandleArray'.")
    with pytest.raises(Fault) as caught:
        names_found(client_of(asset_server), trashState="Gone")
    assert "'trashState'" in reason(caught.value)


def test_seed_and_export_carry_the_trash_state(asset_server: EmulatorServer) -> None:
    asset_server.app.seed({"assets": [
        {"handle": "a|binned", "company": "c|6", "name": "binned", "type": "Image",
         "created": "2025-06-01T00:00:00Z", "trashState": "InTrash"},
    ]})  # fmt: skip
    client = client_of(asset_server)
    assert get_asset(client, "a|binned").trashState == "InTrash"
    assert "a|binned" in names_found(client, trashState="InTrash")
    document = asset_server.app.transactions.run("export", export_document)
    exported = {a["handle"]: a for a in document["assets"]}
    assert exported["a|binned"]["trashState"] == "InTrash"
    assert "trashState" not in exported["a|coat"]  # the default is left out


def test_an_export_loads_back_without_the_folder_deleted_under_the_trash(
    asset_server: EmulatorServer,
) -> None:
    # lone/ held only a|lone; deleted with it in the trash, it is no folder any more, and
    # loading the export must not make it again (the seed made every asset's folder).
    client = client_of(asset_server)
    trash_lone_and_delete_its_folder(client)
    run = asset_server.app.transactions.run
    document = run("export", export_document)
    assert "lone/" not in [f["path"] for f in document["folders"]]
    run("load", lambda store: replace_all(store, document))
    assert run("export", export_document) == document
    tree = client.service.getFolderTree(companyHandle="c|6", depth=1, _soapheaders=header())
    assert "ApiTestCo/lone/" not in [f.path for f in tree.folders.subfolderArray.items]
    restored = client.service.restoreAssetsFromTrash(
        companyHandle="c|6", assetHandleArray={"items": ["a|lone"]}, _soapheaders=header()
    )
    assert restored.successCount == 1
    assert get_asset(client, "a|lone").folder == "ApiTestCo/lone/"  # made again


def test_uploading_an_asset_in_the_trash_again_brings_it_back(
    asset_server: EmulatorServer,
) -> None:
    client = client_of(asset_server, "2008-01-15")
    demo = {"authHeader": {"user": "demo@ips-emulator.test", "password": "demo"}}
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=demo)
    job = {
        "urlArray": {"items": [{"sourceUrl": "http://example.test/hat.jpg",
                                "destPath": "shop/hat.jpg"}]},
        "overwrite": True, "readyForPublish": True, "createMask": False, "emailSetting": "None",
    }  # fmt: skip
    client.service.submitJob(
        companyHandle="c|6", jobName="again", uploadUrlsJob=job, _soapheaders=demo
    )
    clock = asset_server.app.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(minutes=1))  # the job has run
    asset = get_asset(client_of(asset_server), "a|hat")
    assert (asset.trashState, asset.folder) == ("NotInTrash", "ApiTestCo/shop/")
    assert [t for t, _ in log_types(client_of(asset_server), "a|hat")][1:] == [
        "TrashSuccess", "FileUpdated",
    ]  # fmt: skip


def test_publish_jobs_leave_assets_in_the_trash_out(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server, "2008-01-15")
    demo = {"authHeader": {"user": "demo@ips-emulator.test", "password": "demo"}}
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=demo)
    client.service.submitJob(
        companyHandle="c|6", jobName="publish", _soapheaders=demo,
        imageServingPublishJob={"publishType": "Full", "emailSetting": "None"},
    )  # fmt: skip
    clock = asset_server.app.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(minutes=5))
    latest = client_of(asset_server)
    assert "ImageServingPublishSuccess" in [t for t, _ in log_types(latest, "a|coat")]
    assert "ImageServingPublishSuccess" not in [t for t, _ in log_types(latest, "a|hat")]


@pytest.mark.parametrize("operation", ["emptyAssetsFromTrash", "restoreAssetsFromTrash"])
def test_unknown_and_foreign_handles_are_error_items_that_change_nothing(
    asset_server: EmulatorServer, operation: str
) -> None:
    latest = client_of(asset_server)
    latest.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=header())
    asset_server.app.seed({"assets": [
        {"handle": "a|foreign-bin", "company": "c|8", "name": "bin", "type": "Image",
         "created": "2025-06-01T00:00:00Z", "trashState": "InTrash"},
    ]})  # fmt: skip
    answer = getattr(latest.service, operation)(
        companyHandle="c|6", assetHandleArray={"items": ["a|none", "a|foreign-bin"]},
        _soapheaders=header(),
    )  # fmt: skip
    success, warnings, errors, _, failed = batch(answer)
    assert (success, warnings, errors) == (0, 0, 2)
    assert all(f.code == 30001 and "'assetHandle'" in f.reason for f in failed)
    assert get_asset(latest, "a|foreign-bin", "c|8").trashState == "InTrash"
    assert get_asset(latest, "a|hat").trashState == "InTrash"
    logs = latest.service.getJobLogs(companyHandle="c|6", _soapheaders=header())
    kinds = [log.originalJobName.split("_")[0] for log in logs]
    # The delete's run only: no asset was acted on, so no run is written.
    assert (kinds.count("Trash"), kinds.count("EmptyTrash"), kinds.count("RestoreTrash")) == (
        1,
        0,
        0,
    )


def test_search_assets_by_metadata_filters_by_trash_state(asset_server: EmulatorServer) -> None:
    client = client_of(asset_server)
    client.service.deleteAsset(companyHandle="c|6", assetHandle="a|hat", _soapheaders=header())

    def found(**filters: str) -> list[str]:
        answer = client.service.searchAssetsByMetadata(
            companyHandle="c|6", filters={"folder": "shop/", **filters}, _soapheaders=header()
        )
        items = answer.assetSummaryArray.items if answer.assetSummaryArray else []
        return sorted(a.name for a in items)

    assert found() == found(trashState="NotInTrash") == ["coat"]  # the default: live ones
    assert found(trashState="InTrash") == ["hat"]
    assert found(trashState="Any") == ["coat", "hat"]
