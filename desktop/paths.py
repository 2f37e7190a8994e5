"""Where the app finds its resources (source tree or PyInstaller bundle) and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Clubhouse"


def project_root() -> Path:
    """The folder holding ``resources/`` and ``migrations/``: the bundle or the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return project_root() / "migrations"


def data_dir() -> Path:
    """The user's data folder; ``CLUBHOUSE_DATA_DIR`` moves it (tests, portable installs)."""
    override = os.environ.get("CLUBHOUSE_DATA_DIR")
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_path() -> Path:
    return data_dir() / "clubhouse.sqlite"


def demo_database_path() -> Path:
    return data_dir() / "clubhouse-demo.sqlite"


def log_path() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "clubhouse.log"


def default_backup_dir() -> Path:
    return data_dir() / "backups"
