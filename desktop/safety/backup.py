"""Backups: placeholder interface, completed in the safety work."""

from __future__ import annotations

from desktop.db import Database


def backup_before_upgrade(database: Database) -> None:
    raise NotImplementedError
