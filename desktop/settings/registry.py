"""The settings the app knows: name, type, default, and the check a new value must pass.

Later capabilities add theirs with ``define(...)`` in their own package; the store and the
Settings view read this registry, so a setting is declared in exactly one place.
"""

from __future__ import annotations

import io
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.errors import DomainError
from desktop.i18n import Message, msg


@dataclass(frozen=True)
class SettingDef:
    name: str
    kind: type
    default: Any
    label: Message
    help: Message
    check: Callable[[Any], None] | None = None


REGISTRY: dict[str, SettingDef] = {}


def define(setting: SettingDef) -> SettingDef:
    REGISTRY[setting.name] = setting
    return setting


def non_negative(name: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value < 0:
            raise DomainError(msg("This must be zero or more."), field=name)

    return check


def _at_least_one(name: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value < 1:
            raise DomainError(msg("This must be at least 1."), field=name)

    return check


def _time_zone(value: Any) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise DomainError(
            msg("{zone} is not a time zone (try Asia/Shanghai).", zone=value),
            field="venue.time_zone",
        ) from None


def _required(name: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if not str(value).strip():
            raise DomainError(msg("This cannot be empty."), field=name)

    return check


def _image(value: Any) -> None:
    """A logo is stored as PNG bytes in hex; anything ReportLab and Qt cannot read is refused."""
    if value in ("", None):
        return
    try:
        data = bytes.fromhex(value)
        from reportlab.lib.utils import ImageReader

        ImageReader(io.BytesIO(data)).getSize()
    except Exception:
        raise DomainError(
            msg("The logo must be a PNG or JPEG image."), field="venue.logo"
        ) from None


def _language(value: Any) -> None:
    if value not in ("en", "zh_CN"):
        raise DomainError(msg("Choose English or Simplified Chinese."), field="app.language")


VENUE_NAME = define(SettingDef("venue.name", str, "Clubhouse", msg("Venue name"),
                               msg("Printed at the top of every page."), _required("venue.name")))
VENUE_ADDRESS = define(SettingDef("venue.address", str, "", msg("Address"),
                                  msg("Printed on member cards and reports.")))
TIME_ZONE = define(SettingDef("venue.time_zone", str, "Asia/Shanghai", msg("Time zone"),
                              msg("The venue's clock; booking times are wall-clock times here."),
                              _time_zone))
CURRENCY = define(SettingDef("venue.currency", str, "CNY", msg("Currency"),
                             msg("Shown beside fees and payments."), _required("venue.currency")))
LOGO = define(SettingDef("venue.logo", str, "", msg("Logo"),
                         msg("A PNG or JPEG printed beside the venue name."), _image))
LANGUAGE = define(SettingDef("app.language", str, "zh_CN", msg("Language"),
                             msg("The language of the screens and printouts."), _language))
IDLE_LOCK_MINUTES = define(SettingDef(
    "app.idle_lock_minutes", int, 10, msg("Lock after idle minutes"),
    msg("The screen locks after this many minutes without input; 0 never locks."),
    non_negative("app.idle_lock_minutes"),
))
BACKUP_DIR = define(SettingDef("backup.folder", str, "", msg("Backup folder"),
                               msg("Where automatic backups go; empty means the data folder.")))
BACKUP_KEEP = define(SettingDef("backup.keep", int, 14, msg("Backups to keep"),
                                msg("Older automatic backups are deleted beyond this number."),
                                _at_least_one("backup.keep")))


def coerce(setting: SettingDef, value: Any) -> Any:
    """The value in the setting's type, or a DomainError at its field."""
    if setting.kind is bool:
        return bool(value)
    if setting.kind is int:
        try:
            return int(str(value).strip())
        except ValueError:
            raise DomainError(msg("This must be a whole number."), field=setting.name) from None
    return str(value).strip() if setting.name != LOGO.name else str(value)
