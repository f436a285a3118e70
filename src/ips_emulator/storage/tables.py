"""SQLAlchemy 2 tables of the emulator's state.

Dates are stored as UTC microseconds (``UtcDateTime``) so SQLite and PostgreSQL agree;
they come back timezone-aware. A job-log entry stores a message template id and
its parameters, never rendered text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ips_emulator.records import EPOCH, instant_datetime

#: A UtcDateTime column's stored value (a ``records.Instant``) as the instant it stands for.
from_micros = instant_datetime


def to_micros(value: datetime) -> int:
    delta = value - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


class UtcDateTime(TypeDecorator[datetime]):
    """An instant, stored as whole microseconds since 1970 UTC.

    Integers sort, index and compare the same on every backend, and read back
    several times faster than SQLite's date strings: pages of 1,000 entries
    carry 1,000 of them.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return to_micros(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return from_micros(value)


class Base(DeclarativeBase):
    pass


class Company(Base):
    __tablename__ = "company"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    root_path: Mapped[str] = mapped_column(String(400))
    expires: Mapped[datetime | None] = mapped_column(UtcDateTime())


class User(Base):
    __tablename__ = "ips_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(300), unique=True)
    #: Lower-cased e-mail: logins are case-insensitive, as e-mail addresses are.
    email_key: Mapped[str] = mapped_column(String(254), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_valid: Mapped[bool] = mapped_column(Boolean, default=True)
    password_expires: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Membership(Base):
    __tablename__ = "membership"

    user_id: Mapped[int] = mapped_column(ForeignKey("ips_user.id"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), primary_key=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Asset(Base):
    __tablename__ = "asset"
    __table_args__ = (UniqueConstraint("company_id", "folder", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(200), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    #: Folder path below the company root, with a trailing "/" ("" for the root).
    folder: Mapped[str] = mapped_column(String(1000), default="")
    name: Mapped[str] = mapped_column(String(400))
    asset_type: Mapped[str] = mapped_column(String(40))
    created: Mapped[datetime] = mapped_column(UtcDateTime())
    last_modified: Mapped[datetime] = mapped_column(UtcDateTime())
    # What getAssetsByName and searchAssets tell beyond the above (domain/asset_details.py).
    # NULL: not known (assets stored before migration 0002), or no image facts (not an Image).
    #: Who created it and who changed it last, as the service names them: an e-mail
    #: address, or a process ("image optimization"), which is no user.
    created_by: Mapped[str | None] = mapped_column(String(254))
    modified_by: Mapped[str | None] = mapped_column(String(254))
    #: The metadata values in order, [{"name": ..., "value": ...}], by field name
    #: (MetadataField): read and written with their asset, searched in memory.
    metadata_fields: Mapped[list[dict[str, str]] | None] = mapped_column(JSON(none_as_null=True))
    # ImageInfo, by the names of records.ImageFacts.
    original_path: Mapped[str | None] = mapped_column(String(1000))
    original_file: Mapped[str | None] = mapped_column(String(400))
    optimized_path: Mapped[str | None] = mapped_column(String(1000))
    optimized_file: Mapped[str | None] = mapped_column(String(400))
    mask_path: Mapped[str | None] = mapped_column(String(1000))
    mask_file: Mapped[str | None] = mapped_column(String(400))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    file_size: Mapped[int | None] = mapped_column(BigInteger)
    resolution: Mapped[float | None] = mapped_column(Float)
    sku: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    comments: Mapped[str | None] = mapped_column(Text)
    user_data: Mapped[str | None] = mapped_column(Text)
    anchor_x: Mapped[int | None] = mapped_column(Integer)
    anchor_y: Mapped[int | None] = mapped_column(Integer)
    #: Trash State constant: NotInTrash, or InTrash once deleted (migration 0004). An
    #: emptied asset is purged, so InEmptiedTrash is never stored.
    trash_state: Mapped[str] = mapped_column(
        String(20), default="NotInTrash", server_default="NotInTrash"
    )


class Folder(Base):
    """A folder below a company's root; the root itself is the company's, never a row.

    Every folder an asset's ``folder`` names exists, and so does every parent of a
    folder (migration 0003 made the rows the assets stored before it imply).
    """

    __tablename__ = "folder"
    __table_args__ = (UniqueConstraint("company_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"))
    #: Below the company root, each name followed by "/" ("products/shoes/"), as Asset.folder.
    path: Mapped[str] = mapped_column(String(1000))
    #: Created, renamed or moved.
    last_modified: Mapped[datetime] = mapped_column(UtcDateTime())
    #: The latest change among its own assets and subfolders (never before last_modified).
    child_last_modified: Mapped[datetime] = mapped_column(UtcDateTime())


class MetadataField(Base):
    """A company's metadata field definition; assets hold values by the field's name
    (``Asset.metadata_fields``). Migration 0005 made a String field of every asset type
    for each name the assets stored before it hold."""

    __tablename__ = "metadata_field"
    __table_args__ = (UniqueConstraint("company_id", "asset_type", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: m|<company number>|<ASSET TYPE or ALL>|<name>, as the documented handles.
    handle: Mapped[str] = mapped_column(String(600), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    #: An Asset Types constant; "Asset" for a field of every asset type.
    asset_type: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(400))
    #: Metadata Field Types constant.
    field_type: Mapped[str] = mapped_column(String(40))
    default_value: Mapped[str] = mapped_column(Text, default="")
    is_required: Mapped[bool] = mapped_column(Boolean, default=False)
    is_user_defined: Mapped[bool] = mapped_column(Boolean, default=True)
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    is_enforced: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The closed dictionary of a fixed tag field, or NULL.
    tag_values: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))


class JobSubmission(Base):
    """What ``submitJob`` was given: a one-off job or a schedule (ScheduledJob)."""

    __tablename__ = "job_submission"
    __table_args__ = (Index("ix_submission_due", "trigger_state", "next_fire_time"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The handle submitJob returned: j|<company>|<jobName>|| (not unique: names repeat).
    handle: Mapped[str] = mapped_column(String(600), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    submit_user_id: Mapped[int] = mapped_column(ForeignKey("ips_user.id"))
    #: submitJob/userHandle: who gets the job's e-mail (default the submitter).
    email_user_id: Mapped[int] = mapped_column(ForeignKey("ips_user.id"))
    name: Mapped[str] = mapped_column(String(400), index=True)
    job_type: Mapped[str] = mapped_column(String(60))
    #: The job struct as sent, by wire names: {"uploadUrlsJob": {...}}.
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    locale: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    exec_time: Mapped[datetime | None] = mapped_column(UtcDateTime())
    exec_schedule: Mapped[str | None] = mapped_column(String(200))
    next_fire_time: Mapped[datetime | None] = mapped_column(UtcDateTime())
    #: Job Trigger States: Normal, Paused, Complete.
    trigger_state: Mapped[str] = mapped_column(String(20))
    created: Mapped[datetime] = mapped_column(UtcDateTime())


class Job(Base):
    """One run of a job: what ActiveJob shows while it runs and JobLog afterwards."""

    __tablename__ = "job"
    __table_args__ = (Index("ix_job_state", "state", "company_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(600), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    submit_user_id: Mapped[int] = mapped_column(ForeignKey("ips_user.id"), index=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("job_submission.id"), index=True)
    #: The name the job runs under (the submitted name plus a uniqueness suffix).
    name: Mapped[str] = mapped_column(String(400))
    #: The name given to submitJob.
    original_name: Mapped[str] = mapped_column(String(400), index=True)
    #: Job Types constant (UrlUpload, ImageServingPublish, ...).
    job_type: Mapped[str] = mapped_column(String(60))
    locale: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    end_date: Mapped[datetime | None] = mapped_column(UtcDateTime())
    #: Active Job States: New, Running, Done.
    state: Mapped[str] = mapped_column(String(20), default="Done")
    #: The job struct as submitted (wire names), shown by getActiveJobs.
    spec: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    #: The steps the run will take, fixed when it starts (see domain/job_plans.py).
    plan: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True))
    #: How many plan steps have happened (written with an optimistic guard).
    steps_done: Mapped[int] = mapped_column(Integer, default=0)
    paused_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    #: Seconds spent paused so far: later steps happen that much later.
    paused_seconds: Mapped[float] = mapped_column(default=0.0)
    last_progress: Mapped[datetime | None] = mapped_column(UtcDateTime())


class JobLogEntry(Base):
    __tablename__ = "job_log_entry"
    __table_args__ = (
        Index("ix_entry_asset_created", "asset_id", "created", "id"),
        Index("ix_entry_job_created", "job_id", "created", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id"))
    asset_id: Mapped[int | None] = mapped_column(ForeignKey("asset.id"))
    #: Job Log Types constant (UploadSuccess, FileUpdated, ...).
    log_type: Mapped[str] = mapped_column(String(60))
    template_id: Mapped[str] = mapped_column(String(80))
    params: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created: Mapped[datetime] = mapped_column(UtcDateTime())
