"""Load declarative seed data (companies, users, assets, jobs, log entries).

The format is the one of ``data/demo.json``. Loading is all-or-nothing: the
caller runs it inside one transaction, and any ``SeedError`` (which names the
path inside the document) rolls everything back.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ips_emulator.domain.messages import check_params
from ips_emulator.domain.passwords import hash_password
from ips_emulator.domain.roles import Role
from ips_emulator.storage import assets, directory, job_logs


class SeedError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class _Loader:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.companies: dict[str, int] = {}
        self.company_names: dict[str, int] = {}
        self.jobs: dict[str, int] = {}
        self.users: dict[str, int] = {}
        self.assets: dict[str, int] = {}

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
        text = self.field(item, key, path)
        try:
            value = datetime.fromisoformat(str(text))
        except ValueError:
            raise SeedError(f"{path}.{key}", f"{text!r} is not an ISO 8601 date-time") from None
        if value.tzinfo is None:
            raise SeedError(f"{path}.{key}", f"{text!r} has no time zone offset")
        return value

    def ref(self, table: dict[str, int], item: Mapping[str, Any], key: str, path: str) -> int:
        return self.lookup(table, self.field(item, key, path), f"{path}.{key}")

    def lookup(self, table: dict[str, int], name: str, path: str) -> int:
        """An id defined earlier in the document, or already in the database."""
        if name in table:
            return table[name]
        found: Any = None
        if table is self.companies:
            found = directory.find_company_by_handle(self.session, name)
        elif table is self.users:
            found = directory.find_user_by_email(self.session, name)
        elif table is self.assets:
            found = assets.find_by_handle(self.session, name)
        if found is None:
            raise SeedError(path, f"{name!r} is not defined in this document or the database")
        return int(found.id)

    def company(self, item: Mapping[str, Any], path: str) -> None:
        name = self.field(item, "name", path)
        self.unique(self.company_names, name.lower(), f"{path}.name")
        self.company_names[name.lower()] = 0
        if item.get("handle"):
            self.unique(self.companies, item["handle"], f"{path}.handle")
        record = directory.add_company(
            self.session,
            name=name,
            root_path=item.get("rootPath") or name.replace(" ", "") + "/",
            expires=self.date(item, "expires", path) if item.get("expires") else None,
            handle=item.get("handle"),
        )
        self.companies[record.handle] = record.id

    def user(self, item: Mapping[str, Any], path: str) -> None:
        role_name = self.field(item, "role", path)
        try:
            role = Role(role_name)
        except ValueError:
            raise SeedError(f"{path}.role", f"{role_name!r} is not an IPS user role") from None
        email = str(self.field(item, "email", path))
        self.unique({k.lower(): v for k, v in self.users.items()}, email.lower(), f"{path}.email")
        # No password: an account nobody can log in with (a job submitter, say).
        password = item.get("password") or secrets.token_urlsafe(24)
        record = directory.add_user(
            self.session,
            email=self.field(item, "email", path),
            password_hash=hash_password(password),
            role=role,
            first_name=item.get("firstName", ""),
            last_name=item.get("lastName", ""),
            handle=item.get("handle"),
        )
        self.users[record.email] = record.id
        for i, handle in enumerate(self.items(item, "companies", path)):
            company_id = self.lookup(self.companies, handle, f"{path}.companies[{i}]")
            directory.add_membership(self.session, record.id, company_id)

    def asset(self, item: Mapping[str, Any], path: str) -> None:
        if item.get("handle"):
            self.unique(self.assets, item["handle"], f"{path}.handle")
        record = assets.add_asset(
            self.session,
            company_id=self.ref(self.companies, item, "company", path),
            folder=item.get("folder", ""),
            name=self.field(item, "name", path),
            asset_type=self.field(item, "type", path),
            created=self.date(item, "created", path),
            handle=item.get("handle"),
        )
        self.assets[record.handle] = record.id

    def job(self, item: Mapping[str, Any], path: str) -> None:
        name = self.field(item, "name", path)
        handle = self.field(item, "handle", path)
        self.unique(self.jobs, handle, f"{path}.handle")
        self.jobs[handle] = 0
        job_id = job_logs.add_job(
            self.session,
            company_id=self.ref(self.companies, item, "company", path),
            submit_user_id=self.ref(self.users, item, "submitUser", path),
            name=name,
            original_name=item.get("originalName", name),
            job_type=self.field(item, "type", path),
            created=self.date(item, "created", path),
            handle=self.field(item, "handle", path),
        )
        for i, entry in enumerate(self.items(item, "logs", path)):
            self.entry(job_id, entry, f"{path}.logs[{i}]")

    def entry(self, job_id: int, item: Mapping[str, Any], path: str) -> None:
        params = {str(k): str(v) for k, v in self.mapping(item, "params", path).items()}
        template_id = self.field(item, "template", path)
        try:
            template = check_params(template_id, params)
        except ValueError as exc:
            raise SeedError(f"{path}.template", str(exc)) from None
        asset_id = self.ref(self.assets, item, "asset", path) if item.get("asset") else None
        job_logs.add_entry(
            self.session,
            job_id=job_id,
            log_type=item.get("logType", template.log_type),
            template_id=template.id,
            params=params,
            created=self.date(item, "date", path),
            asset_id=asset_id,
        )


_SECTIONS = ("companies", "users", "assets", "jobs")


def load_seed(session: Any, document: Mapping[str, Any]) -> None:
    """Add everything ``document`` describes; raise ``SeedError`` on the first problem."""
    loader = _Loader(session)
    handlers = {
        "companies": loader.company,
        "users": loader.user,
        "assets": loader.asset,
        "jobs": loader.job,
    }
    for key in document:
        if key not in _SECTIONS:
            raise SeedError(key, f"unknown section (expected one of {', '.join(_SECTIONS)})")
    for section in _SECTIONS:
        for i, item in enumerate(loader.items(document, section, "$")):
            if not isinstance(item, Mapping):
                raise SeedError(f"{section}[{i}]", "must be an object")
            handlers[section](item, f"{section}[{i}]")
