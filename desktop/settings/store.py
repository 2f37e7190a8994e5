"""Reading and changing settings: typed, with defaults, checked before they are stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, object_session

from desktop.domains import load_setting_modules
from desktop.errors import DomainError
from desktop.i18n import msg
from desktop.models.settings import Setting
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.registry import REGISTRY, TIME_ZONE, SettingDef, coerce


def _definition(name: str) -> SettingDef:
    load_setting_modules()
    try:
        return REGISTRY[name]
    except KeyError:
        raise DomainError(msg("There is no setting called {name}.", name=name)) from None


# The stored settings of the session's current transaction, read in one query on first use:
# one booking reads four settings (time zone, status rules), and four point queries cost more
# than the booking's own checks.  Keyed by the transaction, so a new transaction reads afresh;
# kept exact by the Setting mapper events below (a flushed insert, update or delete updates
# it), and bypassed while the session holds unflushed Setting changes.
_CACHE = "settings.stored"


def _pending_change(session: Session) -> bool:
    return any(isinstance(obj, Setting)
               for group in (session.new, session.dirty, session.deleted) for obj in group)


def _stored(session: Session) -> dict[str, Any] | None:
    """Every stored setting by name (cached per transaction), or None when a Setting row was
    changed in this session and not flushed yet (then the row itself is the truth)."""
    if _pending_change(session):
        return None
    transaction = session.get_transaction()
    cached = session.info.get(_CACHE)
    if cached is not None and transaction is not None and cached[0] is transaction:
        hit: dict[str, Any] = cached[1]
        return hit
    rows = session.execute(select(Setting.name, Setting.value))
    stored = {name: value for name, value in rows}
    # The query began the transaction if none was open: key the cache by the one now open.
    session.info[_CACHE] = (session.get_transaction(), stored)
    return stored


def _written(_mapper: Any, _connection: Any, target: Setting) -> None:
    session = object_session(target)
    cached = session.info.get(_CACHE) if session is not None else None
    if cached is not None:
        cached[1][target.name] = target.value


def _deleted(_mapper: Any, _connection: Any, target: Setting) -> None:
    session = object_session(target)
    cached = session.info.get(_CACHE) if session is not None else None
    if cached is not None:
        cached[1].pop(target.name, None)


def _rolled_back(session: Session, _previous: Any) -> None:
    """A rollback (a savepoint's too) may undo a write the cache holds: read afresh."""
    session.info.pop(_CACHE, None)


if not event.contains(Setting, "after_insert", _written):
    event.listen(Setting, "after_insert", _written)
    event.listen(Setting, "after_update", _written)
    event.listen(Setting, "after_delete", _deleted)
    event.listen(Session, "after_soft_rollback", _rolled_back)


@service(Permission.USE_APP, write=False)
def get_setting(tx: Tx, name: str) -> Any:
    definition = _definition(name)
    stored = _stored(tx.session)
    if stored is None:
        row = tx.session.get(Setting, name)
        return definition.default if row is None else row.value
    return stored.get(name, definition.default)


@service(Permission.USE_APP, write=False)
def all_settings(tx: Tx) -> dict[str, Any]:
    load_setting_modules()
    stored = {row.name: row.value for row in tx.session.scalars(select(Setting))}
    return {name: stored.get(name, d.default) for name, d in REGISTRY.items()}


@service(Permission.ADMINISTER)
def update_settings(tx: Tx, values: dict[str, Any]) -> dict[str, Any]:
    """Check every value first, then store them all: one bad field changes nothing."""
    checked: dict[str, Any] = {}
    for name, raw in values.items():
        definition = _definition(name)
        value = coerce(definition, raw)
        if definition.check is not None:
            definition.check(value)
        checked[name] = value
    for name, value in checked.items():
        row = tx.session.get(Setting, name)
        if row is None:
            tx.session.add(Setting(name=name, value=value))
        elif row.value != value:
            row.value = value
    tx.session.flush()
    return checked


@service(Permission.USE_APP, write=False)
def follow_venue_zone(tx: Tx) -> None:
    """Point the real clock at the venue's time zone (the setting), so that "now" — the
    calendar's time line, no-shows, "already passed" — is the venue's wall-clock time whatever
    zone the desk computer is set to.  A test's fixed clock has no zone and is left alone."""
    use_zone = getattr(tx.ctx.clock, "use_zone", None)
    if callable(use_zone):
        use_zone(str(get_setting(tx, TIME_ZONE.name)))
