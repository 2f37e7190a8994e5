"""What the app remembers on this computer (not in the venue's database): the last user name,
the window's geometry, the last view.

Kept in an INI file in the data folder, beside the database, so that a portable install or a
test's private data folder carries its own memory and never touches another's.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.paths import data_dir

LAST_USERNAME = "signin/username"
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LAST_VIEW = "window/view"


def ui_settings() -> QSettings:
    return QSettings(str(data_dir() / "clubhouse-ui.ini"), QSettings.Format.IniFormat)


def remembered_username() -> str:
    value = ui_settings().value(LAST_USERNAME, "")
    return str(value) if value else ""


def remember_username(username: str) -> None:
    settings = ui_settings()
    settings.setValue(LAST_USERNAME, username)
    settings.sync()
