"""Load declarative seed data (companies, users, folders, metadata fields, assets, jobs).

The format is described in docs/seed-format.md and ``data/seed.schema.json``
(``data/demo.json`` is an example). A document is first checked against the
schema (``SeedSchemaError`` lists every problem), then loaded. Loading is
all-or-nothing: the caller runs it inside one transaction, and any
``SeedError`` (which names the path inside the document) rolls everything back.
Handles not given are generated in the real service's shapes: ``c|N``,
``u|N|email``, ``a|N`` and ``j|<company number>||<name>|N``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ips_emulator.domain import asset_details
from ips_emulator.domain.instants import parse_datetime
from ips_emulator.domain.job_runner import company_number
from ips_emulator.domain.messages import check_params
from ips_emulator.domain.passwords import hash_password
from ips_emulator.domain.seed_folders import SeedFolders, seed_path
from ips_emulator.domain.seed_metadata import SeedMetadata
from ips_emulator.domain.seed_schema import SECTIONS, check_seed, date_problem
from ips_emulator.domain.seed_schema import SeedError as SeedError
from ips_emulator.domain.seed_schema import SeedSchemaError as SeedSchemaError
from ips_emulator.records import IMAGE_FIELDS, NOT_IN_TRASH, AssetDetails, Role
from ips_emulator.storage import assets, directory, job_logs, seeding


@dataclass
class SeedResult:
    """The handles of what a document added, in document order (generated ones too)."""

    companies: list[str] = field(default_factory=list)
    users: list[str] = field(default_factory=list)
    #: The folders the document lists (those its assets imply are made too).
    folders: list[str] = field(default_factory=list)
    #: The metadata fields the document lists (those its assets' values name are made too).
    metadata_fields: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    jobs: list[str] = field(default_factory=list)
    entries: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "companies": self.companies,
            "users": self.users,
            "folders": self.folders,
            "metadataFields": self.metadata_fields,
            "assets": self.assets,
            "jobs": self.jobs,
            "entries": self.entries,
        }


class _Loader:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.companies: dict[str, int] = {}
        self.company_names: dict[str, int] = {}
        self.jobs: dict[str, int] = {}
        self.users: dict[str, int] = {}
        self.assets: dict[str, int] = {}
        self.asset_paths: set[tuple[int, str, str]] = set()
        self.memberships: set[tuple[int, int]] = set()
        self.numbers: dict[str, int] = {}
        #: One hash per distinct password: scrypt is slow on purpose.
        self.hashes: dict[str, str] = {}
        self.folders = SeedFolders(store)
        self.metadata = SeedMetadata(store)
        self.result = SeedResult()

    def mapping(self, item: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = item.get(key) or {}
        if not isinstance(value, Mapping):
            raise SeedError(f"{path}.{key}", "must be an object")
        return value

    def items(self, item: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = item.get(key) or []
        if not isinstance(value, list):
            raise SeedError(f"{path}.{key}", "must be a list")
        return value

    def unique(self, table: dict[str, int], key: str, path: str) -> None:
        if key in table:
            raise SeedError(path, f"{key!r} is defined twice")

    def field(self, item: Mapping[str, Any], key: str, path: str) -> Any:
        if key not in item or item[key] in (None, ""):
            raise SeedError(f"{path}.{key}", "is required")
        return item[key]

    def date(self, item: Mapping[str, Any], key: str, path: str) -> datetime:
        text = str(self.field(item, key, path))
        problem = date_problem(text)
        if problem:
            raise SeedError(f"{path}.{key}", problem)
        return parse_datetime(text)

    def optional_date(self, item: Mapping[str, Any], key: str, path: str) -> datetime | None:
        return self.date(item, key, path) if item.get(key) else None

    def new_handle(self, kind: str, shape: Callable[[int], str]) -> str:
        """The next handle of ``kind``, numbered after every id and handle stored."""
        if kind not in self.numbers:
            self.numbers[kind] = seeding.highest_number(self.store, kind)
        self.numbers[kind] += 1
        return shape(self.numbers[kind])

    def taken(self, path: str, what: str) -> SeedError:
        return SeedError(path, f"{what} already exists in the database")

    def password_hash(self, item: Mapping[str, Any], path: str) -> str:
        if item.get("password") and item.get("passwordHash"):
            raise SeedError(f"{path}.passwordHash", "give password or passwordHash, not both")
        if item.get("passwordHash"):
            return str(item["passwordHash"])
        # No password: an account nobody can log in with (a job submitter, say).
        password = item.get("password") or secrets.token_urlsafe(24)
        if password not in self.hashes:
            self.hashes[password] = hash_password(password)
        return self.hashes[password]

    def join(self, user_id: int, company_id: int, active: bool, path: str) -> None:
        pair = (user_id, company_id)
        if pair in self.memberships:
            raise SeedError(path, "this membership is listed twice")
        if seeding.has_membership(self.store, user_id, company_id):
            raise self.taken(path, "this membership")
        self.memberships.add(pair)
        seeding.add_membership(self.store, user_id, company_id, active)

    def ref(self, table: dict[str, int], item: Mapping[str, Any], key: str, path: str) -> int:
        return self.lookup(table, self.field(item, key, path), f"{path}.{key}")

    def lookup(self, table: dict[str, int], name: str, path: str) -> int:
        """An id defined earlier in the document, or already in the database."""
        if name in table:
            return table[name]
        found: Any = None
        if table is self.companies:
            found = directory.find_company_by_handle(self.store, name)
        elif table is self.users:
            found = directory.find_user_by_email(self.store, name)
        elif table is self.assets:
            found = assets.find_by_handle(self.store, name)
        if found is None:
            raise SeedError(path, f"{name!r} is not defined in this document or the database")
        return int(found.id)

    def company(self, item: Mapping[str, Any], path: str) -> None:
        name = self.field(item, "name", path)
        self.unique(self.company_names, name.lower(), f"{path}.name")
        self.company_names[name.lower()] = 0
        if directory.find_company_by_name(self.store, name):
            raise self.taken(f"{path}.name", f"company {name!r}")
        handle = item.get("handle")
        if handle:
            self.unique(self.companies, handle, f"{path}.handle")
            if directory.find_company_by_handle(self.store, handle):
                raise self.taken(f"{path}.handle", f"company {handle!r}")
        record = directory.add_company(
            self.store,
            name=name,
            root_path=item.get("rootPath") or name.replace(" ", "") + "/",
            expires=self.optional_date(item, "expires", path),
            handle=handle or self.new_handle("company", lambda n: f"c|{n}"),
        )
        self.companies[record.handle] = record.id
        self.result.companies.append(record.handle)

    def user(self, item: Mapping[str, Any], path: str) -> None:
        role_name = self.field(item, "role", path)
        try:
            role = Role(role_name)
        except ValueError:
            raise SeedError(f"{path}.role", f"{role_name!r} is not an IPS user role") from None
        email = str(self.field(item, "email", path))
        self.unique({k.lower(): v for k, v in self.users.items()}, email.lower(), f"{path}.email")
        if directory.find_user_by_email(self.store, email):
            raise self.taken(f"{path}.email", f"user {email!r}")
        handle = item.get("handle")
        if handle and directory.find_user_by_handle(self.store, handle):
            raise self.taken(f"{path}.handle", f"user {handle!r}")
        record = directory.add_user(
            self.store,
            email=email,
            password_hash=self.password_hash(item, path),
            role=role,
            first_name=item.get("firstName", ""),
            last_name=item.get("lastName", ""),
            handle=handle or self.new_handle("user", lambda n: f"u|{n}|{email}"),
        )
        expires = self.optional_date(item, "passwordExpires", path)
        if item.get("isValid") is False or expires:
            seeding.update_user(self.store, record.id, item.get("isValid", True), expires)
        self.users[record.email] = record.id
        self.result.users.append(record.handle)
        for i, company in enumerate(self.items(item, "companies", path)):
            company_id = self.lookup(self.companies, company, f"{path}.companies[{i}]")
            self.join(record.id, company_id, True, f"{path}.companies[{i}]")

    def membership(self, item: Mapping[str, Any], path: str) -> None:
        user_id = self.ref(self.users, item, "user", path)
        company_id = self.ref(self.companies, item, "company", path)
        self.join(user_id, company_id, item.get("isActive", True), path)

    def folder(self, item: Mapping[str, Any], path: str) -> None:
        company_id = self.ref(self.companies, item, "company", path)
        root = directory.get_company(self.store, company_id).root_path
        dates = (self.date(item, "lastModified", path),
                 self.optional_date(item, "childLastModified", path))  # fmt: skip
        given = str(self.field(item, "path", path))
        self.result.folders.append(self.folders.add(company_id, root, given, dates, path))

    def metadata_field(self, item: Mapping[str, Any], path: str) -> None:
        company = directory.get_company(self.store, self.ref(self.companies, item, "company", path))
        self.result.metadata_fields.append(self.metadata.field(company, item, path))

    def asset(self, item: Mapping[str, Any], path: str) -> None:
        handle = item.get("handle")
        if handle:
            self.unique(self.assets, handle, f"{path}.handle")
            if assets.find_by_handle(self.store, handle):
                raise self.taken(f"{path}.handle", f"asset {handle!r}")
        company_id = self.ref(self.companies, item, "company", path)
        folder = seed_path(item.get("folder", ""), f"{path}.folder")
        name = self.field(item, "name", path)
        if (company_id, folder, name) in self.asset_paths:
            raise SeedError(f"{path}.name", f"{folder}{name} is defined twice in its company")
        if assets.find_by_path(self.store, company_id, folder, name):
            raise self.taken(f"{path}.name", f"asset {folder}{name}")
        self.asset_paths.add((company_id, folder, name))
        asset_type, created = self.field(item, "type", path), self.date(item, "created", path)
        record = assets.add_asset(
            self.store,
            company_id=company_id,
            folder=folder,
            name=name,
            asset_type=asset_type,
            created=created,
            handle=handle or self.new_handle("asset", lambda n: f"a|{n}"),
            details=self.details(item, path, (company_id, folder, name), asset_type, created),
        )
        modified = self.optional_date(item, "lastModified", path)
        if modified:
            assets.touch(self.store, record.id, modified)
        if item.get("trashState", NOT_IN_TRASH) != NOT_IN_TRASH:
            assets.set_trash_state(self.store, record.id, item["trashState"])
        else:
            # An asset in the trash implies no folder: deleteFolder may have taken its
            # folder, and a restore makes it again (an export lists the folders there are).
            self.folders.asset_loaded(company_id, folder, created, modified or created)
        self.assets[record.handle] = record.id
        self.result.assets.append(record.handle)

    def details(
        self,
        item: Mapping[str, Any],
        path: str,
        place: tuple[int, str, str],
        asset_type: str,
        created: datetime,
    ) -> AssetDetails:
        """The details the document gives; an image's facts not given derive as an upload's."""
        given = {IMAGE_FIELDS[k]: v for k, v in self.mapping(item, "imageInfo", path).items()}
        image = None
        company_id, folder, name = place
        company = directory.get_company(self.store, company_id)
        if asset_type == asset_details.IMAGE:
            image = asset_details.image_facts(company.root_path, folder, name, created, given)
        elif given:
            raise SeedError(f"{path}.imageInfo", "only Image assets have imageInfo")
        creator = item.get("createUser")
        default_modifier = asset_details.modifier(asset_type, creator) if creator else None
        fields = self.items(item, "metadata", path)
        return AssetDetails(
            created_by=creator,
            modified_by=item.get("lastModifyUser", default_modifier),
            metadata=self.metadata.values(company, asset_type, fields, f"{path}.metadata"),
            image=image,
        )

    def job(self, item: Mapping[str, Any], path: str) -> None:
        name = self.field(item, "name", path)
        handle = item.get("handle")
        if handle:
            self.unique(self.jobs, handle, f"{path}.handle")
            if seeding.job_handle_taken(self.store, handle):
                raise self.taken(f"{path}.handle", f"job {handle!r}")
        company = self.field(item, "company", path)
        job_id = job_logs.add_job(
            self.store,
            company_id=self.ref(self.companies, item, "company", path),
            submit_user_id=self.ref(self.users, item, "submitUser", path),
            name=name,
            original_name=item.get("originalName", name),
            job_type=self.field(item, "type", path),
            created=self.date(item, "created", path),
            handle=handle or f"seeding|{secrets.token_hex(12)}",
        )
        extra = self.job_fields(item, path)
        if not handle:  # the run id is only known now, as in job_runner.start_run
            handle = extra["handle"] = f"j|{company_number(company)}||{name}|{job_id}"
        if extra:
            seeding.update_job(self.store, job_id, **extra)
        self.jobs[handle] = job_id
        self.result.jobs.append(handle)
        for i, entry in enumerate(self.items(item, "logs", path)):
            self.entry(job_id, entry, f"{path}.logs[{i}]")

    def job_fields(self, item: Mapping[str, Any], path: str) -> dict[str, Any]:
        """The run fields that ``add_job`` leaves at their defaults."""
        extra: dict[str, Any] = {}
        if item.get("state", "Done") != "Done":
            extra["state"] = item["state"]
        if item.get("locale"):
            extra["locale"] = item["locale"]
        if item.get("description"):
            extra["description"] = item["description"]
        if end := self.optional_date(item, "endDate", path):
            extra["end_date"] = end
        return extra

    def entry(self, job_id: int, item: Mapping[str, Any], path: str) -> None:
        params = {str(k): str(v) for k, v in self.mapping(item, "params", path).items()}
        template_id = self.field(item, "template", path)
        try:
            template = check_params(template_id, params)
        except ValueError as exc:
            raise SeedError(f"{path}.template", str(exc)) from None
        asset_id = self.ref(self.assets, item, "asset", path) if item.get("asset") else None
        job_logs.add_entry(
            self.store,
            job_id=job_id,
            log_type=item.get("logType", template.log_type),
            template_id=template.id,
            params=params,
            created=self.date(item, "date", path),
            asset_id=asset_id,
        )
        self.result.entries += 1


def load_seed(store: Any, document: Mapping[str, Any]) -> SeedResult:
    """Add everything ``document`` describes and say what was added.

    Raises ``SeedSchemaError`` (every schema problem) before writing anything, or
    ``SeedError`` on the first problem the schema cannot see (a reference to
    nothing, a handle already taken); the caller's transaction then rolls back.
    """
    check_seed(document)
    loader = _Loader(store)
    handlers = {
        "companies": loader.company,
        "users": loader.user,
        "memberships": loader.membership,
        "folders": loader.folder,
        "metadataFields": loader.metadata_field,
        "assets": loader.asset,
        "jobs": loader.job,
    }
    for section in SECTIONS:
        for i, item in enumerate(loader.items(document, section, "$")):
            if not isinstance(item, Mapping):
                raise SeedError(f"{section}[{i}]", "must be an object")
            handlers[section](item, f"{section}[{i}]")
    loader.folders.imply()
    return loader.result


def load_if_empty(store: Any, document: Mapping[str, Any]) -> bool:
    """Load ``document`` (the demo data) unless a company is stored; True if it was loaded."""
    if directory.has_companies(store):
        return False
    load_seed(store, document)
    return True


def replace_all(store: Any, document: Mapping[str, Any] | None) -> None:
    """Delete everything stored, then load ``document`` if there is one (the demo data)."""
    seeding.delete_all(store)
    if document is not None:
        load_seed(store, document)
