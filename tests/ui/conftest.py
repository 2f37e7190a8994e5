"""UI fixtures: the app's look and language on pytest-qt's QApplication, a SQLite database
(the widgets do not care which database is behind the services; tests/db runs both), and
the main window built for a signed-in context with tasks run inline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.booking.rules import SpaceView
from desktop.db import Database
from desktop.services import Context
from desktop.ui.bootstrap import prepare_application, set_ui_language
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import make_members, make_spaces


@pytest.fixture(autouse=True)
def ui_app(qapp: QApplication) -> Iterator[QApplication]:
    """Every UI test starts in English with the app's font and style; ends back in English."""
    prepare_application(qapp)
    set_ui_language("en")
    yield qapp
    set_ui_language("en")


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """UI tests use SQLite; the services below them are tested on both databases."""
    return sqlite_database


@pytest.fixture
def inline() -> TaskRunner:
    return TaskRunner(inline=True)


@pytest.fixture
def make_window(qtbot, inline: TaskRunner):
    """Build the main window for a context, registered with qtbot (closed after the test)."""

    def make(ctx: Context, *, demo: bool = False, remember: bool = False) -> MainWindow:
        window = MainWindow(ctx, demo=demo, runner=inline, remember_geometry=remember)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def venue(owner_ctx: Context) -> tuple[dict[str, SpaceView], dict[str, int]]:
    """The test venue's spaces by name and members by key (a module may define its own)."""
    return make_spaces(owner_ctx), make_members(owner_ctx)
