"""The owner's view of the audit log: filter by staff, entity and dates; export as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select

from desktop.models.audit import AuditEntry
from desktop.permissions import Permission
from desktop.services import Tx, service


@dataclass(frozen=True)
class AuditFilter:
    staff: str | None = None
    entity: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    staff: str
    action: str
    entity: str
    entity_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None


def _query(flt: AuditFilter) -> Select[AuditEntry]:
    query = select(AuditEntry)
    if flt.staff:
        query = query.where(AuditEntry.staff_username == flt.staff)
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    if flt.since:
        query = query.where(AuditEntry.at >= dt.datetime.combine(flt.since, dt.time()))
    if flt.until:
        end = dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time())
        query = query.where(AuditEntry.at < end)
    return query


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(entry.id, entry.at, entry.staff_username, entry.action, entry.entity,
                    entry.entity_id, entry.before, entry.after, entry.note)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def find_entries(tx: Tx, flt: AuditFilter, *, offset: int = 0, limit: int = 500) -> list[AuditRow]:
    """Newest first, a page at a time (the log only grows)."""
    query = _query(flt).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    return [_row(e) for e in tx.session.scalars(query.offset(offset).limit(limit))]


@service(Permission.REVIEW_AND_AUDIT, write=False)
def count_entries(tx: Tx, flt: AuditFilter) -> int:
    subquery = _query(flt).subquery()
    return int(tx.session.scalar(select(func.count()).select_from(subquery)) or 0)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def filter_choices(tx: Tx) -> tuple[list[str], list[str]]:
    """The staff names and entity kinds that occur, for the view's filter boxes."""
    staff = tx.session.scalars(select(AuditEntry.staff_username).distinct()).all()
    entities = tx.session.scalars(select(AuditEntry.entity).distinct()).all()
    return sorted(staff), sorted(entities)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def export_entries(tx: Tx, flt: AuditFilter, path: Path) -> int:
    """Write the filtered log as CSV in UTF-8 with a BOM (Excel keeps the Chinese)."""
    query = _query(flt).order_by(AuditEntry.at, AuditEntry.id)
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "at", "staff", "action", "entity", "entity_id", "before", "after",
                         "note"])
        for entry in tx.session.scalars(query.execution_options(yield_per=1000)):
            writer.writerow([
                entry.id, entry.at.isoformat(sep=" "), entry.staff_username, entry.action,
                entry.entity, entry.entity_id or "",
                json.dumps(entry.before, ensure_ascii=False) if entry.before else "",
                json.dumps(entry.after, ensure_ascii=False) if entry.after else "",
                entry.note or "",
            ])
            count += 1
    return count
