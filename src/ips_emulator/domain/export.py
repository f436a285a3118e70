"""The stored state as a seed document (docs/seed-format.md).

The document loads back into an empty database as the same state, and
exporting that gives the same document: everything is listed in id order
(folders by path, parents first: every folder, so that empty ones and every
folder's dates come back), handles and password hashes are written out, and
fields at their defaults are left out. Job submissions (schedules) and the plans
of runs still in progress are not part of the seed format and are not exported.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from ips_emulator.domain.messages import TEMPLATES
from ips_emulator.records import IMAGE_FIELDS, NOT_IN_TRASH
from ips_emulator.storage import metadata, seeding


def seed_date(instant: datetime) -> str:
    """UTC, with milliseconds (microseconds when there are any)."""
    spec = "milliseconds" if instant.microsecond % 1000 == 0 else "microseconds"
    return instant.astimezone(UTC).isoformat(timespec=spec)


def _put(item: dict[str, Any], key: str, value: Any, default: Any = None) -> None:
    if value != default:
        item[key] = seed_date(value) if isinstance(value, datetime) else value


def _companies(store: Any) -> tuple[list[dict[str, Any]], dict[int, str]]:
    items, handles = [], {}
    for row in seeding.all_companies(store):
        item = {"handle": row.handle, "name": row.name, "rootPath": row.root_path}
        _put(item, "expires", row.expires)
        items.append(item)
        handles[row.id] = row.handle
    return items, handles


def _users(
    store: Any, companies: dict[int, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[int, str]]:
    active: defaultdict[int, list[str]] = defaultdict(list)
    inactive: list[tuple[int, str]] = []
    for m in seeding.all_memberships(store):
        if m.is_active:
            active[m.user_id].append(companies[m.company_id])
        else:
            inactive.append((m.user_id, companies[m.company_id]))
    users, emails = [], {}
    for row in seeding.all_users(store):
        item: dict[str, Any] = {"handle": row.handle, "email": row.email}
        item["passwordHash"] = row.password_hash
        item["role"] = row.role
        _put(item, "firstName", row.first_name, "")
        _put(item, "lastName", row.last_name, "")
        _put(item, "isValid", row.is_valid, True)
        _put(item, "passwordExpires", row.password_expires)
        _put(item, "companies", active.get(row.id), None)
        users.append(item)
        emails[row.id] = row.email
    extra = [
        {"user": emails[user_id], "company": company, "isActive": False}
        for user_id, company in inactive
    ]
    return users, extra, emails


def _folders(store: Any, companies: dict[int, str]) -> list[dict[str, Any]]:
    items = []
    for row in seeding.all_folders(store):
        item = {"company": companies[row.company_id], "path": row.path,
                "lastModified": seed_date(row.last_modified)}  # fmt: skip
        _put(item, "childLastModified", row.child_last_modified, row.last_modified)
        items.append(item)
    return items


def _metadata_fields(store: Any, companies: dict[int, str]) -> list[dict[str, Any]]:
    items = []
    for row in metadata.all_fields(store):
        item: dict[str, Any] = {"handle": row.handle, "company": companies[row.company_id]}
        _put(item, "assetType", row.asset_type, "Asset")
        item["name"] = row.name
        _put(item, "type", row.field_type, "String")
        _put(item, "defaultValue", row.default_value, "")
        _put(item, "isRequired", row.is_required, False)
        _put(item, "isUserDefined", row.is_user_defined, True)
        _put(item, "isHidden", row.is_hidden, False)
        _put(item, "isEnforced", row.is_enforced, True)
        _put(item, "tagValues", None if row.tag_values is None else list(row.tag_values))
        items.append(item)
    return items


def _assets(store: Any, companies: dict[int, str]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    items, handles = [], {}
    for row in seeding.all_assets(store):
        item: dict[str, Any] = {"handle": row.handle, "company": companies[row.company_id]}
        _put(item, "folder", row.folder, "")
        item.update(name=row.name, type=row.asset_type, created=seed_date(row.created))
        _put(item, "createUser", row.created_by)
        _put(item, "lastModified", row.last_modified, row.created)
        _put(item, "lastModifyUser", row.modified_by)
        _put(item, "metadata", row.metadata_fields or [], [])
        image = {wire: getattr(row.image, name) for wire, name in IMAGE_FIELDS.items()}
        _put(item, "imageInfo", {k: v for k, v in image.items() if v is not None}, {})
        _put(item, "trashState", row.trash_state, NOT_IN_TRASH)
        items.append(item)
        handles[row.id] = row.handle
    return items, handles


def _entries(store: Any, assets: dict[int, str]) -> dict[int, list[dict[str, Any]]]:
    by_job: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in seeding.all_entries(store):
        item: dict[str, Any] = {"template": row.template_id}
        _put(item, "params", dict(row.params or {}), {})
        template = TEMPLATES.get(row.template_id)
        _put(item, "logType", row.log_type, template.log_type if template else None)
        item["date"] = seed_date(row.created)
        if row.asset_id is not None:
            item["asset"] = assets[row.asset_id]
        by_job[row.job_id].append(item)
    return by_job


def _jobs(
    store: Any, companies: dict[int, str], emails: dict[int, str], assets: dict[int, str]
) -> list[dict[str, Any]]:
    entries = _entries(store, assets)
    items = []
    for row in seeding.all_jobs(store):
        item: dict[str, Any] = {
            "handle": row.handle,
            "company": companies[row.company_id],
            "submitUser": emails[row.submit_user_id],
            "name": row.name,
        }
        _put(item, "originalName", row.original_name, row.name)
        item.update(type=row.job_type, created=seed_date(row.created))
        _put(item, "endDate", row.end_date)
        _put(item, "state", row.state, "Done")
        _put(item, "locale", row.locale or None)
        _put(item, "description", row.description or "", "")
        item["logs"] = entries.get(row.id, [])
        items.append(item)
    return items


def export_document(store: Any) -> dict[str, Any]:
    """Everything stored in ``store``'s transaction, as a seed document."""
    companies, company_handles = _companies(store)
    users, memberships, emails = _users(store, company_handles)
    assets, asset_handles = _assets(store, company_handles)
    return {
        "companies": companies,
        "users": users,
        "memberships": memberships,
        "folders": _folders(store, company_handles),
        "metadataFields": _metadata_fields(store, company_handles),
        "assets": assets,
        "jobs": _jobs(store, company_handles, emails, asset_handles),
    }
