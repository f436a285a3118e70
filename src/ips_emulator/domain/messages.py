"""Log message templates: the single source of every ``logMessage`` text.

A job-log entry stores a template id and its parameters, never rendered text,
so one entry can be read in any language. The English text of each template is
its gettext msgid (marked with ``N_`` for ``pybabel extract``); placeholders use
``str.format`` names, which translations must keep exactly.

Texts marked "(docs)" are verbatim from the IPS reference examples
(docs/reference/ips-api/SPEC.md 4.1); the rest are the emulator's own, written in the same voice.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass


def N_(text: str) -> str:
    """Mark ``text`` as a msgid for extraction without translating it here."""
    return text


@dataclass(frozen=True, slots=True)
class MessageTemplate:
    id: str
    log_type: str
    text: str
    #: False for entries whose message *is* data (a job name, a host name).
    translatable: bool = True

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(self.text) if name is not None
        )


_TEMPLATES = (
    # Upload jobs
    MessageTemplate("upload.begin", "BeginUpload", N_("Upload has begun!")),  # (docs)
    MessageTemplate("upload.end", "EndUpload", N_("Upload has finished.")),
    MessageTemplate(
        "upload.success",
        "UploadSuccess",
        N_("{asset_path} was processed into IPS"),  # (docs)
    ),
    MessageTemplate(
        "upload.file_updated",
        "FileUpdated",
        N_("{asset_path} was processed into IPS."),  # (docs)
    ),
    MessageTemplate(
        "upload.warning",
        "UploadWarning",
        N_("{asset_path} was processed into IPS with warnings."),
    ),
    MessageTemplate(
        "upload.error.download",
        "UploadError",
        N_("{url} could not be downloaded."),
    ),
    MessageTemplate(
        "upload.error.unsupported",
        "UploadError",
        N_("{asset_path} is not a supported file type."),
    ),
    MessageTemplate(
        "upload.duplicate_skipped",
        "DuplicateSkipped",
        N_("{asset_path} already exists and was skipped."),
    ),
    MessageTemplate("file.cancel", "FileCancel", N_("Processing of {asset_path} was cancelled.")),
    # Publish jobs (image serving, image rendering, video, server directory)
    MessageTemplate("publish.begin", "BeginImageServingPublish", N_("Publishing has begun.")),
    MessageTemplate("publish.end", "EndImageServingPublish", N_("Publishing has finished.")),
    MessageTemplate(
        "publish.success", "ImageServingPublishSuccess", N_("{asset_path} was published.")
    ),
    MessageTemplate(
        "publish.warning",
        "ImageServingPublishWarning",
        N_("{asset_path} was published with warnings."),
    ),
    MessageTemplate(
        "publish.error", "ImageServingPublishError", N_("{asset_path} could not be published.")
    ),
    # Image optimization ("Optimize Remaining Files") jobs
    MessageTemplate("optimize.begin", "BeginReoptimize", N_("Image optimization has begun.")),
    MessageTemplate("optimize.end", "EndReoptimize", N_("Image optimization has finished.")),
    MessageTemplate("optimize.success", "ReoptimizeSuccess", N_("{asset_path} was optimized.")),
    # PDF rip jobs
    MessageTemplate("pdf_rip.begin", "BeginPdfRip", N_("PDF processing has begun.")),
    MessageTemplate(
        "pdf_rip.error", "PdfRipError", N_("{asset_path} could not be processed as a PDF.")
    ),
    # The trash (deleteAsset(s), emptyAssetsFromTrash, restoreAssetsFromTrash): the
    # Job Log Types list's trash families, one entry per asset acted on.
    MessageTemplate("trash.begin", "BeginTrash", N_("Moving assets to the trash has begun.")),
    MessageTemplate("trash.end", "EndTrash", N_("Moving assets to the trash has finished.")),
    MessageTemplate("trash.success", "TrashSuccess", N_("{asset_path} was moved to the trash.")),
    MessageTemplate("trash.warning", "TrashWarning", N_("{asset_path} was already in the trash.")),
    MessageTemplate("empty_trash.begin", "BeginEmptyTrash", N_("Emptying the trash has begun.")),
    MessageTemplate("empty_trash.end", "EndEmptyTrash", N_("Emptying the trash has finished.")),
    MessageTemplate(
        "empty_trash.success",
        "EmptyTrashSuccess",
        N_("{asset_path} was removed from the trash for good."),
    ),
    MessageTemplate(
        "restore_trash.begin",
        "BeginRestoreTrash",
        N_("Restoring assets from the trash has begun."),
    ),
    MessageTemplate(
        "restore_trash.end",
        "EndRestoreTrash",
        N_("Restoring assets from the trash has finished."),
    ),
    MessageTemplate(
        "restore_trash.success",
        "RestoreTrashSuccess",
        N_("{asset_path} was restored from the trash."),
    ),
    # Job information entries: the message is the value itself (docs: OriginalJobName, JobClient).
    MessageTemplate("job.original_name", "OriginalJobName", "{job_name}", translatable=False),
    MessageTemplate("job.client", "JobClient", "{client}", translatable=False),
    MessageTemplate("job.type", "JobType", "{job_type}", translatable=False),
    MessageTemplate("job.total_file_count", "TotalFileCount", "{count}", translatable=False),
    MessageTemplate(
        "job.fatal_error",
        "FatalError",
        N_("The job stopped because of an unexpected error."),
    ),
)

TEMPLATES: Mapping[str, MessageTemplate] = {t.id: t for t in _TEMPLATES}

Gettext = Callable[[str], str]
#: Template id -> its text in one language (``i18n.Catalogs.messages``), built once.
Messages = Mapping[str, str]


def source_messages() -> dict[str, str]:
    """Every template in the source language (English), by id."""
    return {t.id: t.text for t in TEMPLATES.values()}


def translated_messages(gettext: Gettext) -> dict[str, str]:
    """Every template in ``gettext``'s language, by id; data templates as they are."""
    return {t.id: gettext(t.text) if t.translatable else t.text for t in TEMPLATES.values()}


def check_params(template_id: str, params: Mapping[str, str]) -> MessageTemplate:
    """The template for ``template_id``; raises ``ValueError`` naming what is wrong."""
    template = TEMPLATES.get(template_id)
    if template is None:
        raise ValueError(f"unknown message template {template_id!r}")
    missing = template.placeholders - params.keys()
    if missing:
        raise ValueError(f"template {template_id!r} needs parameter(s) {sorted(missing)}")
    return template


def render(template_id: str, params: Mapping[str, str], messages: Messages) -> str:
    """The message of one entry, in the language of ``messages``: one lookup, one format."""
    return messages[template_id].format_map(params)
