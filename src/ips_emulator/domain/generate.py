"""Synthetic data sets: companies, users, assets, and jobs with realistic logs.

Jobs are of the Job Types that ``job_plans.FAMILIES`` describes and write what
such a job writes there: the opening entries (Begin..., OriginalJobName,
JobClient, JobType, TotalFileCount), one entry per file (mostly successes, a
few errors, warnings, updates and skipped duplicates, each about an asset), an
end entry, and now and then a FatalError. Start dates are spread over
``days`` before ``until``; busy companies get more jobs than quiet ones.
Everything follows from ``seed``: the same options give the same data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from ips_emulator.domain.asset_details import uploaded
from ips_emulator.domain.folder_paths import implied_folders
from ips_emulator.domain.job_plans import ASSET_TYPES, FAMILIES, Family
from ips_emulator.domain.job_runner import company_number
from ips_emulator.domain.passwords import hash_password
from ips_emulator.records import Role
from ips_emulator.storage.assets import detail_columns
from ips_emulator.storage.bulk import BulkWriter, EntryTuple, Row, bulk_writer
from ips_emulator.storage.db import Database

BATCH = 20_000
MAX_FILES = 200
MEAN_FILES = 15
FATAL_RATE = 0.01
#: Job Types by how often they run; the other FAMILIES types get weight 4.
JOB_WEIGHTS = {"UrlUpload": 25, "UploadFromServerDirectory": 20, "ImageServingPublish": 25}
EXTENSIONS = {"jpg": 50, "png": 15, "tif": 10, "psd": 5, "mp4": 8, "mov": 3, "pdf": 7, "eps": 2}
FOLDERS = ("", "products/", "products/shoes/", "campaigns/2024/", "banners/", "video/", "docs/")
STEMS = ("hero", "product", "banner", "lookbook", "swatch", "detail", "promo", "catalog")
CLIENTS = ("s7oslo", "ips-emulator", "SceneSevenPublisher", "dam-sync")
CAMPAIGNS = ("Spring", "Summer", "Autumn", "Holiday", "Catalog", "Lookbook", "Promo", "Launch")
NAME_WORDS = (
    ("Acme", "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Vandelay", "Wayne"),
    ("Apparel", "Outfitters", "Home", "Sports", "Media", "Retail", "Foods", "Motors"),
)

Progress = Callable[[int], None]
#: (cumulative probability, log type, template id, about an asset) of one file's entry.
FileOutcome = tuple[float, str, str, bool]


@dataclass(frozen=True)
class GenerateOptions:
    companies: int
    assets: int  # in all, spread over the companies
    logs: int  # log entries in all
    seed: int | None = None
    days: float = 365.0
    until: datetime | None = None  # default: now
    users_per_company: int = 3
    password: str = "password"

    def __post_init__(self) -> None:
        if self.companies < 1 or self.users_per_company < 1:
            raise ValueError("a data set needs at least one company and one user per company")
        if self.assets < 0 or self.logs < 0 or self.days <= 0:
            raise ValueError("assets and logs must not be negative, days must be positive")


@dataclass
class GenerateSummary:
    companies: list[str] = field(default_factory=list)
    users: int = 0
    assets: int = 0
    jobs: int = 0
    entries: int = 0
    #: Each company's admin (every generated user has the same password).
    logins: list[str] = field(default_factory=list)


@dataclass
class _Company:
    id: int
    handle: str
    root: str
    weight: float
    user_ids: list[int] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    #: (asset id, path as messages show it)
    assets: list[tuple[int, str]] = field(default_factory=list)
    #: (folder, created, last modified) of each asset: the folders they imply.
    places: list[tuple[str, datetime, datetime]] = field(default_factory=list)


@dataclass(frozen=True)
class _JobSpec:
    company: _Company
    job_type: str
    files: int
    fatal: bool
    size: int  # entries written (the last job of a data set may be cut short)


def file_outcomes(family: Family) -> list[FileOutcome]:
    """What a file of a job of ``family`` may end as, with cumulative probabilities."""
    upload = family.success == "UploadSuccess"
    outcomes: list[FileOutcome] = [(0.02, family.error, family.error_template, not upload)]
    if upload:
        outcomes.append((0.05, "UploadWarning", "upload.warning", True))
        outcomes.append((0.10, "FileUpdated", "upload.file_updated", True))
        outcomes.append((0.11, "DuplicateSkipped", "upload.duplicate_skipped", True))
    elif family.success_template == "publish.success" and family.success.endswith("Success"):
        warning = family.success.removesuffix("Success") + "Warning"
        outcomes.append((0.05, warning, "publish.warning", True))
    outcomes.append((1.0, family.success, family.success_template, True))
    return outcomes


class _Generator:
    def __init__(self, options: GenerateOptions, writer: BulkWriter) -> None:
        self.options = options
        self.writer = writer
        self.rng = random.Random(options.seed)
        self.until = (options.until or datetime.now(UTC)).astimezone(UTC)
        self.summary = GenerateSummary()
        self.companies: list[_Company] = []
        self.job_types = list(FAMILIES)
        self.job_weights = [JOB_WEIGHTS.get(t, 4) for t in self.job_types]
        self.outcomes = {t: file_outcomes(f) for t, f in FAMILIES.items()}

    def companies_and_users(self) -> None:
        number, user_id = self.writer.next_number("company"), self.writer.next_number("user")
        password_hash = hash_password(self.options.password)  # once: scrypt is slow on purpose
        rows: list[Row] = []
        users: list[Row] = []
        members: list[Row] = []
        for i in range(self.options.companies):
            name = " ".join(self.rng.choice(words) for words in NAME_WORDS) + f" {number + i}"
            company = _Company(number + i, f"c|{number + i}", name.replace(" ", "") + "/",
                               weight=1 / (i + 1) ** 0.8)  # fmt: skip
            rows.append({"id": company.id, "handle": company.handle, "name": name,
                         "root_path": company.root})  # fmt: skip
            domain = name.lower().replace(" ", "-") + ".example.com"
            for k in range(self.options.users_per_company):
                email = f"admin@{domain}" if k == 0 else f"user{k}@{domain}"
                role = Role.IPS_COMPANY_ADMIN if k == 0 else Role.IPS_USER
                users.append({
                    "id": user_id, "handle": f"u|{user_id}|{email}", "email_key": email,
                    "email": email, "role": role.value, "password_hash": password_hash,
                    "first_name": "", "last_name": "", "is_valid": True,
                })  # fmt: skip
                members.append({"user_id": user_id, "company_id": company.id, "is_active": True})
                company.user_ids.append(user_id)
                company.emails.append(email)
                user_id += 1
            self.summary.logins.append(f"admin@{domain}")
            self.companies.append(company)
        for kind, batch in (("company", rows), ("user", users), ("membership", members)):
            self.writer.insert(kind, batch)
        self.summary.companies = [c.handle for c in self.companies]
        self.summary.users = len(users)

    def assets(self) -> None:
        first = self.writer.next_number("asset")
        weights = [c.weight for c in self.companies]
        owners = self.rng.choices(self.companies, weights, k=self.options.assets)
        extensions, ext_weights = list(EXTENSIONS), list(EXTENSIONS.values())
        oldest = self.until - timedelta(days=self.options.days)
        rows: list[Row] = []
        for asset_id, company in enumerate(owners, start=first):
            ext = self.rng.choices(extensions, ext_weights)[0]
            folder = self.rng.choice(FOLDERS)
            name = f"{self.rng.choice(STEMS)}_{asset_id:06d}.{ext}"
            created = oldest - timedelta(seconds=self.rng.uniform(0, 30 * 86400))
            asset_type, uploader = ASSET_TYPES[ext], self.rng.choice(company.emails)
            details = uploaded(company.root, folder, name, asset_type, uploader, created)
            rows.append({
                "id": asset_id, "handle": f"a|{asset_id}", "company_id": company.id,
                "folder": folder, "name": name, "asset_type": asset_type,
                "created": created, "last_modified": created, **detail_columns(details),
            })  # fmt: skip
            company.assets.append((asset_id, f"{company.root}{folder}{name}"))
            company.places.append((folder, created, created))
        for start in range(0, len(rows), BATCH):
            self.writer.insert("asset", rows[start : start + BATCH])
        self.summary.assets = len(rows)
        self.writer.insert("folder", [
            {"company_id": company.id, "path": path, "last_modified": made,
             "child_last_modified": changed}
            for company in self.companies
            for path, (made, changed) in implied_folders(company.places).items()
        ])  # fmt: skip

    def job_specs(self) -> list[_JobSpec]:
        """Jobs whose entries add up to exactly ``logs``."""
        specs: list[_JobSpec] = []
        remaining = self.options.logs
        weights = [c.weight for c in self.companies]
        while remaining > 0:
            company = self.rng.choices(self.companies, weights)[0]
            job_type = self.rng.choices(self.job_types, self.job_weights)[0]
            files = min(MAX_FILES, int(self.rng.expovariate(1 / MEAN_FILES)) + 1)
            files = files if company.assets else 0
            fatal = self.rng.random() < FATAL_RATE
            size = min(remaining, 6 + files + fatal)
            specs.append(_JobSpec(company, job_type, files, fatal, size))
            remaining -= size
        return specs

    def job(self, job_id: int, spec: _JobSpec, start: datetime) -> tuple[Row, list[EntryTuple]]:
        """One job's row and its entries."""
        rng, family = self.rng, FAMILIES[spec.job_type]
        original = f"{rng.choice(CAMPAIGNS)}{spec.job_type}{rng.randint(1, 99)}"
        name = f"{original}_{start:%Y-%m-%d-%H:%M:%S}.{start.microsecond // 1000:03d}"
        steps: list[tuple[str, str, dict[str, str], int | None]] = [
            (family.begin, family.begin_template, {}, None),
            ("OriginalJobName", "job.original_name", {"job_name": original}, None),
            ("JobClient", "job.client", {"client": rng.choice(CLIENTS)}, None),
            ("JobType", "job.type", {"job_type": spec.job_type}, None),
            ("TotalFileCount", "job.total_file_count", {"count": str(spec.files)}, None),
        ]
        outcomes = self.outcomes[spec.job_type]
        for asset, path in rng.choices(spec.company.assets, k=spec.files):
            draw = rng.random()
            _, log_type, template, attach = next(o for o in outcomes if draw < o[0])
            steps.append((log_type, template, {"asset_path": path}, asset if attach else None))
        if spec.fatal:
            steps.append(("FatalError", "job.fatal_error", {}, None))
        steps.append((family.end, family.end_template, {}, None))
        entries: list[EntryTuple] = []
        at = 0.5
        for log_type, template, params, asset_id in steps[: spec.size]:
            created = start + timedelta(seconds=at)
            entries.append((job_id, asset_id, log_type, template, params, created))
            at += rng.uniform(0.2, 2.5) if asset_id is not None else 0.001
        row: dict[str, Any] = {
            "id": job_id, "company_id": spec.company.id, "name": name, "original_name": original,
            "handle": f"j|{company_number(spec.company.handle)}||{name}|{job_id}",
            "submit_user_id": rng.choice(spec.company.user_ids), "job_type": spec.job_type,
            "created": start, "end_date": entries[-1][5] if entries else start,
        }  # fmt: skip
        return row, entries

    def jobs_and_entries(self, progress: Progress) -> None:
        specs = self.job_specs()
        span = self.options.days * 86400
        starts = sorted(self.rng.uniform(0, span) for _ in specs)
        oldest = self.until - timedelta(seconds=span)
        job_id = self.writer.next_number("job")
        jobs: list[Row] = []
        entries: list[EntryTuple] = []
        for spec, offset in zip(specs, starts, strict=True):
            start = oldest + timedelta(seconds=round(offset, 3))
            row, written = self.job(job_id, spec, start)
            jobs.append(row)
            entries.extend(written)
            job_id += 1
            if len(entries) >= BATCH:
                self.flush(jobs, entries, progress)
        self.flush(jobs, entries, progress)
        self.summary.jobs = len(specs)

    def flush(self, jobs: list[Row], entries: list[EntryTuple], progress: Progress) -> None:
        self.writer.insert("job", jobs)  # before the entries that point at them
        self.writer.insert_entries(entries)
        progress(len(entries))
        self.summary.entries += len(entries)
        jobs.clear()
        entries.clear()


def generate(
    database: Database, options: GenerateOptions, progress: Progress | None = None
) -> GenerateSummary:
    """Add a synthetic data set to ``database`` in one transaction (all or nothing)."""
    with bulk_writer(database) as writer:
        generator = _Generator(options, writer)
        generator.companies_and_users()
        generator.assets()
        generator.jobs_and_entries(progress or (lambda _: None))
    return generator.summary
