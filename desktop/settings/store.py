"""Reading and changing settings: typed, with defaults, checked before they are stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop.domains import load_setting_modules
from desktop.errors import DomainError
from desktop.i18n import msg
from desktop.models.settings import Setting
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.registry import REGISTRY, SettingDef, coerce


def _definition(name: str) -> SettingDef:
    load_setting_modules()
    try:
        return REGISTRY[name]
    except KeyError:
        raise DomainError(msg("There is no setting called {name}.", name=name)) from None


@service(Permission.USE_APP, write=False)
def get_setting(tx: Tx, name: str) -> Any:
    definition = _definition(name)
    row = tx.session.get(Setting, name)
    return definition.default if row is None else row.value


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
