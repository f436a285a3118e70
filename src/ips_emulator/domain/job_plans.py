"""What a job of each type does, step by step, as the log entries it writes.

A run's plan is fixed when the run starts and stored with it; ``job_runner``
makes each step happen when the emulator clock reaches it. A step is a dict
(stored as JSON) with ``at`` (seconds after the start, at real-time speed),
``logType``, ``template``, ``params`` and, for steps about a file, ``asset``:
``{"handle": ...}`` for an existing asset or ``{"folder", "name", "type"}`` for
an upload, which creates or updates the asset when the step happens.

The IPS docs show only an upload job's first entries (BeginUpload,
OriginalJobName, JobClient); the rest follows the Job Log Types by name
(docs/reference/ips-api/SPEC.md G9), with the docs' typos corrected (G10).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ips_emulator.domain.folder_paths import FolderPathError, upload_place
from ips_emulator.errors import invalid_parameter

Step = dict[str, Any]

START_DELAY = 0.5  # a run is "New" this long before its first entry
FILE_INTERVAL = 1.0  # seconds per file at real-time speed
CLIENT_NAME = "ips-emulator"

#: submitJob struct -> Job Types constant (docs/reference/ips-api/SPEC.md 1.6; the last two have
#: none in the docs).
JOB_TYPES = {
    "imageServingPublishJob": "ImageServingPublish",
    "imageRenderingPublishJob": "ImageRenderingPublish",
    "videoPublishJob": "VideoPublish",
    "serverDirectoryPublishJob": "ServerDirectoryPublish",
    "uploadDirectoryJob": "UploadFromServerDirectory",
    "uploadUrlsJob": "UrlUpload",
    "optimizeImagesJob": "ImageOptimization",
    "ripPdfsJob": "RipPdfs",
    "reprocessAssetsJob": "ReprocessAssets",
    "metadataPublishJob": "MetadataPublish",
    "createVideoSitemapJob": "CreateVideoSitemap",
    "automatedSetGenerationJob": "AutomatedSetGeneration",
    "exportJob": "Export",
}


@dataclass(frozen=True, slots=True)
class Family:
    """The log types one kind of job writes."""

    begin: str
    end: str
    success: str
    error: str
    begin_template: str
    end_template: str
    success_template: str
    error_template: str


_UPLOAD = Family(
    "BeginUpload", "EndUpload", "UploadSuccess", "UploadError",
    "upload.begin", "upload.end", "upload.success", "upload.error.unsupported",
)  # fmt: skip


def _publish(kind: str) -> Family:
    return Family(
        f"Begin{kind}Publish", f"End{kind}Publish", f"{kind}PublishSuccess",
        f"{kind}PublishError", "publish.begin", "publish.end", "publish.success",
        "publish.error",
    )  # fmt: skip


FAMILIES: Mapping[str, Family] = {
    "UrlUpload": _UPLOAD,
    "UploadFromServerDirectory": _UPLOAD,
    "ReprocessAssets": _UPLOAD,
    "ImageServingPublish": _publish("ImageServing"),
    "ImageRenderingPublish": _publish("ImageRendering"),
    "VideoPublish": _publish("Video"),
    "ServerDirectoryPublish": _publish("ServerDirectory"),
    "MetadataPublish": Family(
        "BeginMetadata",
        "EndMetadata",
        "MetadataSuccess",
        "MetadataFailure",
        "publish.begin",
        "publish.end",
        "publish.success",
        "publish.error",
    ),
    "ImageOptimization": Family(
        "BeginReoptimize",
        "EndReoptimize",
        "ReoptimizeSuccess",
        "ReoptimizeFailure",
        "optimize.begin",
        "optimize.end",
        "optimize.success",
        "publish.error",
    ),
    "RipPdfs": Family(
        "BeginPdfRip",
        "EndUpload",
        "UploadSuccess",
        "PdfRipError",
        "pdf_rip.begin",
        "upload.end",
        "upload.success",
        "pdf_rip.error",
    ),
}

#: File extension -> Asset Types constant, for uploads.
ASSET_TYPES = {
    **dict.fromkeys(("jpg", "jpeg", "png", "tif", "tiff", "gif", "bmp", "psd"), "Image"),
    **dict.fromkeys(("mp4", "mov", "flv", "f4v", "avi", "wmv", "m4v", "mpg"), "Video"),
    **dict.fromkeys(("mp3", "wav", "aac"), "Audio"),
    **dict.fromkeys(("eps", "ps"), "PostScript"),
    **dict.fromkeys(("ttf", "otf"), "Font"),
    **dict.fromkeys(("icc", "icm"), "IccProfile"),
    **dict.fromkeys(("doc", "docx"), "Word"),
    **dict.fromkeys(("xls", "xlsx"), "Excel"),
    **dict.fromkeys(("ppt", "pptx"), "PowerPoint"),
    "pdf": "Pdf", "ai": "Illustrator", "zip": "Zip", "swf": "Flash", "xml": "Xml",
    "xsl": "Xsl", "svg": "Svg", "rtf": "Rtf", "indd": "InDesign",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlanAsset:
    """An existing asset a job may act on."""

    handle: str
    path: str  # company root + folder + name, as logMessage shows it
    asset_type: str


@dataclass(frozen=True, slots=True)
class PlanContext:
    job_name: str
    job_type: str
    root_path: str
    assets: Sequence[PlanAsset]


def _entry(at: float, log_type: str, template: str, **params: Any) -> Step:
    return {"at": at, "logType": log_type, "template": template, "params": params}


def _opening(ctx: PlanContext, family: Family, file_count: int) -> list[Step]:
    return [
        _entry(START_DELAY, family.begin, family.begin_template),
        _entry(START_DELAY, "OriginalJobName", "job.original_name", job_name=ctx.job_name),
        _entry(START_DELAY, "JobClient", "job.client", client=CLIENT_NAME),
        _entry(START_DELAY, "JobType", "job.type", job_type=ctx.job_type),
        _entry(START_DELAY, "TotalFileCount", "job.total_file_count", count=str(file_count)),
    ]


def _dest(item: Mapping[str, Any]) -> tuple[str, str]:
    """(the field that names where an uploaded URL goes, that place): its ``destPath``,
    else the file name of its ``sourceUrl``."""
    if item.get("destPath"):
        return "destPath", str(item["destPath"])
    return "sourceUrl", posixpath.basename(urlsplit(str(item.get("sourceUrl") or "")).path)


def check_upload_paths(struct_name: str, job: Mapping[str, Any]) -> None:
    """Refuse (30001) an upload's place with a ``..`` segment, which would name a place
    outside the company's folder (``a/../../OtherCo/x.jpg``), or a folder path longer
    than the database holds. Checked when the job is submitted, so the client hears of
    it rather than reading a job log."""
    if struct_name != "uploadUrlsJob":
        return
    for number, item in enumerate((job.get("urlArray") or {}).get("items") or [], start=1):
        field, dest = _dest(item)
        try:
            upload_place("", dest)
        except FolderPathError as exc:
            where = f"uploadUrlsJob/urlArray/items[{number}]/{field}"
            raise invalid_parameter(where, dest, str(exc)) from None


def asset_name(file_name: str) -> str:
    """The name an upload gives its asset: the file name without its extension, as the
    real service names one by default (``hat.jpg`` -> ``hat``); the file name stays the
    asset's ``imageInfo.originalFile``."""
    return posixpath.splitext(file_name)[0] or file_name


def _upload_target(item: Mapping[str, Any], root: str) -> tuple[str, str, str | None]:
    """(folder, name, asset type or None if unsupported) of one uploaded URL."""
    folder, name = upload_place(root, _dest(item)[1] or "upload")
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    return folder, name, ASSET_TYPES.get(extension)


def _upload_urls_steps(ctx: PlanContext, job: Mapping[str, Any], family: Family) -> list[Step]:
    urls = (job.get("urlArray") or {}).get("items") or []
    steps = _opening(ctx, family, len(urls))
    for i, item in enumerate(urls):
        at = START_DELAY + FILE_INTERVAL * (i + 1)
        url = str(item.get("sourceUrl") or "")
        folder, name, asset_type = _upload_target(item, ctx.root_path)
        asset_path = f"{ctx.root_path}{folder}{name}"
        if urlsplit(url).scheme not in ("http", "https", "ftp"):
            steps.append(_entry(at, "UploadError", "upload.error.download", url=url))
        elif asset_type is None:
            steps.append(_entry(at, "UploadError", family.error_template, asset_path=asset_path))
        else:
            step = _entry(at, "UploadSuccess", "upload.success", asset_path=asset_path)
            overwrite = job.get("overwrite") is not False
            step["asset"] = {
                "folder": folder, "name": asset_name(name), "file": name, "type": asset_type,
                "overwrite": overwrite,
            }  # fmt: skip
            steps.append(step)
    return steps


def _asset_steps(
    ctx: PlanContext, family: Family, assets: Sequence[PlanAsset], error_types: frozenset[str]
) -> list[Step]:
    steps = _opening(ctx, family, len(assets))
    for i, asset in enumerate(assets):
        at = START_DELAY + FILE_INTERVAL * (i + 1)
        failed = asset.asset_type in error_types
        log_type, template = (
            (family.error, family.error_template) if failed
            else (family.success, family.success_template)
        )  # fmt: skip
        step = _entry(at, log_type, template, asset_path=asset.path)
        step["asset"] = {"handle": asset.handle}
        steps.append(step)
    return steps


def _selected(ctx: PlanContext, handles: Any) -> list[PlanAsset]:
    wanted = (handles or {}).get("items") or []
    by_handle = {a.handle: a for a in ctx.assets}
    return [by_handle[h] for h in wanted if h in by_handle]


def build_plan(ctx: PlanContext, struct_name: str, job: Mapping[str, Any]) -> list[Step]:
    """The steps a job of ``struct_name`` (``uploadUrlsJob``, ...) takes."""
    family = FAMILIES.get(ctx.job_type, _UPLOAD)
    if struct_name == "uploadUrlsJob":
        steps = _upload_urls_steps(ctx, job, family)
    elif struct_name == "videoPublishJob":
        videos = [a for a in ctx.assets if a.asset_type == "Video"]
        steps = _asset_steps(ctx, family, videos, frozenset())
    elif struct_name == "optimizeImagesJob":
        images = [a for a in ctx.assets if a.asset_type == "Image"]
        steps = _asset_steps(ctx, family, images, frozenset())
    elif struct_name == "ripPdfsJob":
        pdfs = _selected(ctx, job.get("pdfHandleArray"))
        not_pdf = frozenset(a.asset_type for a in pdfs if a.asset_type != "Pdf")
        steps = _asset_steps(ctx, family, pdfs, not_pdf)
    elif struct_name == "reprocessAssetsJob":
        steps = _asset_steps(ctx, family, _selected(ctx, job.get("assetHandleArray")), frozenset())
        for step in steps[5:]:
            step.update(logType="FileUpdated", template="upload.file_updated")
    elif struct_name == "uploadDirectoryJob":
        steps = _opening(ctx, family, 0)  # no server directory to read files from
    else:  # the publish jobs: every asset of the company
        steps = _asset_steps(ctx, family, ctx.assets, frozenset())
    last = steps[-1]["at"] if steps else START_DELAY
    steps.append(_entry(last + START_DELAY, family.end, family.end_template))
    return steps


def is_file_step(step: Mapping[str, Any]) -> bool:
    """Whether the step is about one file (uploaded, published, failed...)."""
    return "asset" in step or str(step["logType"]).endswith("Error")
