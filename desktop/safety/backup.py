"""Backups as the app and the command line use them: now, automatically, before an upgrade.

The file work (names, the online backup API, the PostgreSQL export, checking a file) is in
``desktop.safety.files``; restore in ``desktop.safety.restore``; ``check`` in
``desktop.safety.check``.  This module holds the services and re-exports the rest, so callers
need one import.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from desktop.audit.recorder import record
from desktop.clock import SystemClock
from desktop.db import Database
from desktop.permissions import Permission
from desktop.safety.check import check_database
from desktop.safety.files import (
    KINDS,
    BackupInfo,
    backup_folder,
    database_prefix,
    folder_from_setting,
    has_rows,
    inspect_backup,
    scan_folder,
    unique_destination,
    write_backup,
)
from desktop.safety.restore import restore_backup
from desktop.services import Tx, service
from desktop.settings.store import get_setting

__all__ = [
    "KINDS",
    "BackupInfo",
    "auto_backup",
    "backup_before_upgrade",
    "backup_now",
    "check_database",
    "inspect_backup",
    "list_backups",
    "restore_backup",
    "write_backup",
]

log = logging.getLogger(__name__)

AUTO_INTERVAL = dt.timedelta(days=1)


def backup_before_upgrade(database: Database) -> Path | None:
    """Before a migration changes a database that holds data: a "pre-upgrade" backup.

    Runs before anyone signs in (the app is opening the database), so it reads the backup
    folder straight from the settings table.  An empty database needs none: None.
    """
    if not has_rows(database):
        return None
    destination = unique_destination(backup_folder(database), database_prefix(database),
                                     "pre-upgrade", SystemClock().now())
    path = write_backup(database, destination)
    log.info("pre-upgrade backup of %s written to %s", database.description, path)
    return path


def _folder(tx: Tx) -> Path:
    return folder_from_setting(get_setting(tx, "backup.folder"))


def _record(tx: Tx, action: str, path: Path) -> None:
    """An audit entry in its own short write transaction (the backup itself only reads)."""
    with tx.ctx.as_actor(tx.actor).transaction() as writer:
        record(writer.session, action, "database", None, note=str(path), path=str(path))


@service(Permission.ADMINISTER, write=False)
def backup_now(tx: Tx, destination: Path | None = None) -> Path:
    """The owner's "back up now": to ``destination`` (a file or a folder) or the backup folder."""
    database = tx.ctx.database
    prefix = database_prefix(database)
    when = tx.clock.now()
    if destination is None:
        target = unique_destination(_folder(tx), prefix, "manual", when)
    else:
        destination = Path(destination).expanduser()
        target = (unique_destination(destination, prefix, "manual", when)
                  if destination.is_dir() else destination)
    path = write_backup(database, target)
    _record(tx, "backup", path)
    return path


@service(Permission.ADMINISTER, write=False)
def list_backups(tx: Tx) -> list[BackupInfo]:
    """The backups in the backup folder, newest first."""
    return scan_folder(_folder(tx))


@service(Permission.USE_APP, write=False)
def auto_backup(tx: Tx) -> Path | None:
    """On opening: a new automatic backup when the newest is a day old, keeping backup.keep.

    Only this database's automatic backups count and rotate; manual, pre-upgrade and
    pre-restore backups are never deleted here.
    """
    database = tx.ctx.database
    folder = _folder(tx)
    keep = max(1, int(get_setting(tx, "backup.keep")))
    prefix = database_prefix(database)
    now = tx.clock.now()

    def ours() -> list[BackupInfo]:
        return [b for b in scan_folder(folder) if b.kind == "auto" and b.database == prefix]

    existing = ours()
    if existing:
        age = now - existing[0].created
        if dt.timedelta(0) <= age < AUTO_INTERVAL:
            return None
    path = write_backup(database, unique_destination(folder, prefix, "auto", now))
    for old in ours()[keep:]:
        old.path.unlink(missing_ok=True)
        log.info("automatic backup %s rotated out", old.path)
    return path
