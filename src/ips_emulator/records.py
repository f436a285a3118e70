"""Plain value objects that storage returns to the domain (no ORM objects leak out).

They sit below both layers, so that storage never imports the domain: the records,
the user roles a ``UserRecord`` holds, and the key users are found by.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, NamedTuple, NewType


class Role(StrEnum):
    """User Roles (``docs/reference/ips-api/constants/r-user-roles.md``)."""

    IPS_USER = "IpsUser"
    IPS_ADMIN = "IpsAdmin"
    IPS_COMPANY_ADMIN = "IpsCompanyAdmin"
    TRIAL_SITE_ADMIN = "TrialSiteAdmin"
    TRIAL_SITE_USER = "TrialSiteUser"
    IMAGE_PORTAL_ADMIN = "ImagePortalAdmin"
    IMAGE_PORTAL_USER = "ImagePortalUser"
    IMAGE_PORTAL_CONTRIB = "ImagePortalContrib"
    IMAGE_PORTAL_CONTRIB_USER = "ImagePortalContribUser"
    WEB_SERVICE_USER = "WebServiceUser"


def email_key(email: str) -> str:
    """The key a user is found by: an e-mail without surrounding blanks or case.

    The login-failure limit counts under the same key, so a spelling the lookup
    accepts cannot open a fresh counter.
    """
    return email.strip().lower()


@dataclass(frozen=True, slots=True)
class CompanyRecord:
    id: int
    handle: str
    name: str
    root_path: str
    expires: datetime | None


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    handle: str
    email: str
    first_name: str
    last_name: str
    role: Role
    password_hash: str
    is_valid: bool


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """An Image asset's file as ImageInfo tells it (attribute names are the columns')."""

    original_path: str | None = None
    original_file: str | None = None
    optimized_path: str | None = None
    optimized_file: str | None = None
    mask_path: str | None = None
    mask_file: str | None = None
    width: int | None = None
    height: int | None = None
    file_size: int | None = None
    resolution: float | None = None
    sku: str | None = None
    description: str | None = None
    comments: str | None = None
    user_data: str | None = None
    anchor_x: int | None = None
    anchor_y: int | None = None


#: ImageFacts attributes by their ImageInfo names, which the seed format uses too.
IMAGE_FIELDS: Mapping[str, str] = {
    "originalPath": "original_path", "originalFile": "original_file",
    "optimizedPath": "optimized_path", "optimizedFile": "optimized_file",
    "maskPath": "mask_path", "maskFile": "mask_file", "width": "width", "height": "height",
    "fileSize": "file_size", "resolution": "resolution", "sku": "sku",
    "description": "description", "comments": "comments", "userData": "user_data",
    "anchorX": "anchor_x", "anchorY": "anchor_y",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class AssetDetails:
    """What the service tells about an asset beyond its name and place; None: not known."""

    created_by: str | None = None
    modified_by: str | None = None
    #: (name, value) of each metadata field, in order.
    metadata: tuple[tuple[str, str], ...] | None = None
    #: Image assets only.
    image: ImageFacts | None = None


#: The Trash State constants (r-trash-state.md) an asset is stored with.
NOT_IN_TRASH = "NotInTrash"
IN_TRASH = "InTrash"


@dataclass(frozen=True, slots=True)
class AssetRecord:
    id: int
    handle: str
    company_id: int
    name: str
    folder: str
    asset_type: str
    created: datetime | None = None
    last_modified: datetime | None = None
    details: AssetDetails = AssetDetails()
    #: NOT_IN_TRASH or IN_TRASH.
    trash_state: str = NOT_IN_TRASH


@dataclass(frozen=True, slots=True)
class MetadataFieldRecord:
    """A company's metadata field definition (MetadataField)."""

    id: int
    handle: str
    company_id: int
    #: An Asset Types constant; ``Asset`` is a field of every asset type.
    asset_type: str
    name: str
    #: A Metadata Field Types constant (String, Int, Float, Date, Boolean, ...).
    field_type: str
    default_value: str = ""
    is_required: bool = False
    #: False for the service's own (system) fields.
    is_user_defined: bool = True
    is_hidden: bool = False
    #: Values are checked against the type when set (MetadataField.isEnforced).
    is_enforced: bool = True
    #: The closed dictionary of a SingleFixedTag or MultiFixedTag field.
    tag_values: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class FolderRecord:
    """A folder below a company's root (the root itself is the company's: no record)."""

    id: int
    company_id: int
    #: Below the company root, each name followed by "/" (``products/shoes/``).
    path: str
    last_modified: datetime
    #: The latest change among its assets and subfolders, never before last_modified.
    child_last_modified: datetime


#: An instant as it is stored: whole microseconds since 1970-01-01T00:00:00Z. Job-log
#: pages carry their entries' dates so, up to 1,000 a call, and the response writer
#: formats them from it: a ``datetime`` made for each entry and then formatted cost a
#: fifth of a 1,000-entry page (bench/README.md).
Instant = NewType("Instant", int)
#: What an Instant counts from.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def instant_datetime(value: int) -> datetime:
    """The stored instant ``value`` (an Instant) as an aware datetime in UTC."""
    return EPOCH + timedelta(0, 0, value)  # positional: a third faster


class AssetLogRow(NamedTuple):
    """One job-log entry about an asset, joined with its job and submitter.

    Log rows are tuples: a page builds up to 1,000 of them per call.
    """

    job_handle: str
    job_name: str
    log_type: str
    template_id: str
    params: Mapping[str, str]
    submit_user_email: str
    created: Instant


@dataclass(frozen=True, slots=True)
class SubmissionRecord:
    """A submitted job (one-off or scheduled), as ScheduledJob describes it."""

    id: int
    handle: str
    company_id: int
    company_handle: str
    submit_user_id: int
    submit_user_email: str
    name: str
    job_type: str
    spec: Mapping[str, Any]
    locale: str | None
    description: str | None
    exec_time: datetime | None
    exec_schedule: str | None
    next_fire_time: datetime | None
    trigger_state: str


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One run of a job (ActiveJob while it runs, JobLog afterwards)."""

    id: int
    handle: str
    company_id: int
    company_handle: str
    submit_user_email: str
    submission_id: int | None
    name: str
    original_name: str
    job_type: str
    locale: str | None
    description: str
    created: datetime
    end_date: datetime | None
    state: str
    spec: Mapping[str, Any] | None
    plan: Sequence[Mapping[str, Any]] | None
    steps_done: int
    paused_at: datetime | None
    paused_seconds: float
    last_progress: datetime | None


@dataclass(frozen=True, slots=True)
class JobLogSummary:
    """A run with the counters derived from its entries (never stored twice)."""

    run: RunRecord
    log_type: str
    success_count: int
    error_count: int
    warning_count: int
    duplicate_count: int
    update_count: int
    fatal_error: bool
    total_file_count: int


#: (created, id) of a job-log entry: its place in its job's log, where pages are cut.
EntryKey = tuple[datetime, int]


@dataclass(frozen=True, slots=True)
class EntryRow:
    """A job-log entry as the admin API pages through a job's log."""

    id: int
    log_type: str
    template_id: str
    params: Mapping[str, str]
    created: datetime
    asset_handle: str | None

    @property
    def key(self) -> EntryKey:
        return (self.created, self.id)


class DetailRow(NamedTuple):
    log_type: str
    template_id: str
    params: Mapping[str, str]
    created: Instant
    asset_name: str | None
    asset_type: str | None
    asset_handle: str | None
