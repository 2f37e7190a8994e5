"""Every write leaves an audit entry: who, when, which entity, the fields before and after.

The recorder listens to every flush of every session, so no service can forget it, and writes
the entries with a plain INSERT on the same connection: they commit or roll back together
with the change they describe.  A column whose ``info`` has ``{"audit": "redact"}`` (password
hashes) is recorded as changed but never with its value.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from desktop.models.audit import AuditEntry

REDACTED = "***"
_NOT_AUDITED = {AuditEntry.__tablename__}


def plain(value: Any) -> Any:
    """A value as JSON can hold it (the audit log's before/after columns are JSON)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return str(value)


def _shown(column: Any, value: Any) -> Any:
    return REDACTED if column.info.get("audit") == "redact" and value is not None else plain(value)


def _identity(obj: Any) -> str | None:
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    if any(part is None for part in key):
        return None
    return "/".join(str(part) for part in key)


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        column = attr.columns[0]
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if plain(old) == plain(new):
            continue
        before[attr.key] = _shown(column, old)
        after[attr.key] = _shown(column, new)
    return before, after


# Per mapper: each column attribute's key and whether its value is redacted.  Worked out once:
# every audited write snapshots its rows, and asking each column for its info every time cost
# a booking a noticeable share of its time.
_COLUMNS: dict[Any, tuple[tuple[str, bool], ...]] = {}


def _columns(mapper: Any) -> tuple[tuple[str, bool], ...]:
    columns = _COLUMNS.get(mapper)
    if columns is None:
        columns = tuple((attr.key, attr.columns[0].info.get("audit") == "redact")
                        for attr in mapper.column_attrs)
        _COLUMNS[mapper] = columns
    return columns


def _snapshot(obj: Any) -> dict[str, Any]:
    snapshot = {}
    for key, redact in _columns(inspect(obj).mapper):
        value = getattr(obj, key)
        snapshot[key] = REDACTED if redact and value is not None else plain(value)
    return snapshot


def _entries(session: Session) -> list[dict[str, Any]]:
    rows: list[tuple[str, Any, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in session.new:
        rows.append(("create", obj, None, None))  # snapshot after the flush, with its keys
    for obj in session.dirty:
        if not session.is_modified(obj, include_collections=False):
            continue
        before, after = _changes(obj)
        if after or before:
            rows.append(("update", obj, before, after))
    for obj in session.deleted:
        rows.append(("delete", obj, _snapshot(obj), None))
    return [
        {"action": action, "obj": obj, "before": before, "after": after}
        for action, obj, before, after in rows
        if obj.__table__.name not in _NOT_AUDITED
    ]


def audit_row(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    actor = session.info.get("actor")
    clock = session.info.get("clock")
    return {
        "at": clock.now() if clock is not None else dt.datetime.now().replace(microsecond=0),
        "staff_id": getattr(actor, "id", None),
        "staff_username": getattr(actor, "username", "system"),
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "note": note,
    }


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    session.info["audit_pending"] = _entries(session)


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    pending = session.info.pop("audit_pending", [])
    rows = []
    for item in pending:
        obj = item["obj"]
        after = item["after"]
        if item["action"] == "create":
            after = _snapshot(obj)  # now with the keys the database gave it
        rows.append(
            audit_row(
                session,
                action=item["action"],
                entity=obj.__table__.name,
                entity_id=_identity(obj),
                before=item["before"],
                after=after,
            )
        )
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def record(session: Session, action: str, entity: str, entity_id: str | None = None,
           note: str | None = None, **fields: Any) -> None:
    """An audit entry for something that is not a row change: a sign-in, a backup, an export."""
    session.connection().execute(
        insert(AuditEntry),
        [audit_row(session, action=action, entity=entity, entity_id=entity_id,
                   after=plain(fields) or None, note=note)],
    )


def install() -> None:
    """Listen to every session in the process (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _after_flush)


install()
