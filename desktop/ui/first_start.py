"""First start (DESIGN.md): set up my venue, or explore the demo.

Setting up creates the database in the data folder, the owner account and the venue's first
settings; the demo opens (and, the first time, fills) a separate database, so demo passwords
never reach a real venue's data.  Opened on an existing database without accounts (a new
PostgreSQL database, say), the dialog goes straight to setting up that database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import create_first_owner, has_accounts, sign_in
from desktop.clock import Clock
from desktop.db import Database, open_database, sqlite_file
from desktop.errors import ClubhouseError, DomainError
from desktop.security import Hasher
from desktop.services import Actor, Context
from desktop.settings.registry import REGISTRY, coerce
from desktop.settings.store import update_settings
from desktop.ui.bootstrap import app_icon, current_language
from desktop.ui.widgets import (
    FieldErrors,
    MessageBar,
    label,
    logo_header,
    password_edit,
    time_zone_combo,
)

DEMO_OWNER = ("owner", "owner-demo")


class FirstStartDialog(QDialog):
    """Accepted with ``database``, ``actor`` and ``demo`` set, ready for the main window."""

    def __init__(self, *, clock: Clock, hasher: Hasher, database_path: Path,
                 demo_path: Path, database: Database | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(self.tr("Welcome to Clubhouse"))
        self.setWindowIcon(app_icon())
        self._clock = clock
        self._hasher = hasher
        self._database_path = database_path
        self._demo_path = demo_path
        self.database: Database | None = database
        self.actor: Actor | None = None
        self.demo = False
        self._setup_only = database is not None
        self._created_here = False

        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 20)
        column.setSpacing(12)
        self.intro = label(
            self.tr("The database %1 has no accounts yet. Set up your venue in it.")
            .replace("%1", database.description) if database is not None else
            self.tr("There is no venue on this computer yet. How would you like to start?"),
            "subtitle", wrap=True, object_name="firstStartIntro")
        self._choice_intro = self.intro.text()
        column.addLayout(logo_header(56, label(self.tr("Welcome to Clubhouse"), "title"),
                                     self.intro))

        self.bar = MessageBar("firstStartMessage")
        column.addWidget(self.bar)
        # Two pages, one shown: hidden widgets take no room, so the dialog fits the page shown.
        self.pages = [self._choice_page(), self._setup_page()]
        self.pages[0].setMinimumWidth(640)  # on a child: the window keeps its layout's minimum
        self.pages[1].setMinimumWidth(560)
        for page in self.pages:
            column.addWidget(page, 1)
        if self._setup_only:
            self.show_setup()
        else:
            self._show_page(0)

    # -- pages ---------------------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        cards = QHBoxLayout()
        cards.setSpacing(14)
        self.setup_button = QPushButton(self.tr("Set up my venue"))
        self.setup_button.setObjectName("setUpButton")
        self.setup_button.setProperty("primary", True)
        self.setup_button.clicked.connect(self.show_setup)
        cards.addWidget(self._card(
            self.tr("Set up my venue"),
            self.tr("Start with an empty database for your venue: its name, its time zone and "
                    "your owner account. You add staff, members and spaces afterwards."),
            self.setup_button))
        self.demo_button = QPushButton(self.tr("Explore the demo"))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.clicked.connect(self.explore_demo)
        cards.addWidget(self._card(
            self.tr("Explore the demo"),
            self.tr("Look around a sample lodge, signed in as its owner. The demo is a separate "
                    "database: nothing you do there reaches your venue."),
            self.demo_button))
        column.addLayout(cards)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setObjectName("quitButton")
        quit_button.clicked.connect(self.reject)
        buttons.addWidget(quit_button)
        column.addLayout(buttons)
        return page

    def _card(self, title: str, text: str, button: QPushButton) -> QFrame:
        card = QFrame()
        card.setObjectName("choiceCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(18, 16, 18, 16)
        column.setSpacing(8)
        heading = label(title)
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        column.addWidget(heading)
        column.addWidget(label(text, "hint", wrap=True), 1)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _setup_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.venue_name = QLineEdit()
        self.venue_name.setObjectName("setupVenueNameEdit")
        self.venue_name.setPlaceholderText(self.tr("e.g. Pine Hill Lodge"))
        self.errors.add_row(form, self.tr("Venue name"), "venue.name", self.venue_name,
                            "setupVenueNameError")
        self.time_zone = time_zone_combo("setupTimeZoneCombo")
        self.errors.add_row(form, self.tr("Time zone"), "venue.time_zone", self.time_zone,
                            "setupTimeZoneError")
        owner_title = label(self.tr("Your owner account"))
        owner_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        form.addRow(owner_title)
        self.username = QLineEdit()
        self.username.setObjectName("setupUsernameEdit")
        self.username.setPlaceholderText(self.tr("letters and digits, e.g. wang"))
        self.errors.add_row(form, self.tr("User name"), "username", self.username,
                            "setupUsernameError")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("setupDisplayNameEdit")
        self.display_name.setPlaceholderText(self.tr("as staff see it, e.g. 王经理"))
        self.errors.add_row(form, self.tr("Display name"), "display_name", self.display_name,
                            "setupDisplayNameError")
        self.password = password_edit("setupPasswordEdit")
        self.errors.add_row(form, self.tr("Password"), "password", self.password,
                            "setupPasswordError")
        self.password_repeat = password_edit("setupPasswordRepeatEdit")
        self.errors.add_row(form, self.tr("Password again"), "password_repeat",
                            self.password_repeat, "setupPasswordRepeatError")
        column.addLayout(form)
        where = (self.database.description if self.database is not None
                 else str(self._database_path))
        column.addWidget(label(self.tr("The data is kept in %1.").replace("%1", where), "hint",
                               wrap=True, object_name="setupWhere"))
        column.addStretch(1)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("setupBackButton")
        self.back_button.clicked.connect(self.show_choice)
        self.back_button.setVisible(not self._setup_only)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Quit"))
        cancel.setObjectName("setupQuitButton")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        self.create_button = QPushButton(self.tr("Create my venue"))
        self.create_button.setObjectName("setupCreateButton")
        self.create_button.setProperty("primary", True)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_venue)
        buttons.addWidget(self.create_button)
        column.addLayout(buttons)
        return page

    @property
    def current_page(self) -> int:
        return 1 if self.pages[1].isVisibleTo(self) else 0

    def _show_page(self, index: int) -> None:
        self.pages[1 - index].setVisible(False)
        self.pages[index].setVisible(True)
        self.adjustSize()

    def show_setup(self) -> None:
        self.bar.clear()
        if not self._setup_only:
            self.intro.setText(self.tr("Your venue's name and time zone, and the owner account "
                                       "you will sign in with."))
        self._show_page(1)
        self.venue_name.setFocus()

    def show_choice(self) -> None:
        self.bar.clear()
        self.intro.setText(self._choice_intro)
        self._show_page(0)

    def reject(self) -> None:
        """Quitting half way leaves no empty database behind (first start comes back)."""
        if self._created_here and self.database is not None and self.actor is None:
            path = sqlite_file(self.database.url)
            self.database.close()
            self.database = None
            if path is not None:
                for leftover in (path, path.with_name(path.name + "-wal"),
                                 path.with_name(path.name + "-shm")):
                    leftover.unlink(missing_ok=True)
        super().reject()

    # -- actions -------------------------------------------------------------------------------

    def create_venue(self) -> None:
        """Check everything that can be checked before the database file exists, then create."""
        self.errors.clear()
        settings: dict[str, Any] = {
            "venue.name": self.venue_name.text(),
            "venue.time_zone": self.time_zone.currentText().strip(),
            "app.language": current_language(),
        }
        try:
            for name, raw in settings.items():
                definition = REGISTRY[name]
                settings[name] = coerce(definition, raw)
                if definition.check is not None:
                    definition.check(settings[name])
        except DomainError as error:
            self.errors.show(error)
            return
        if self.password.text() != self.password_repeat.text():
            self.errors.show_text("password_repeat", self.tr("The two passwords differ."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.database is None:
                self.database = open_database(str(self._database_path), create=True)
                self._created_here = True
            ctx = Context(self.database, Actor.system("first-start"), clock=self._clock,
                          hasher=self._hasher)
            create_first_owner(ctx, self.username.text(), self.display_name.text(),
                               self.password.text())
            actor = sign_in(self.database, self.username.text(), self.password.text(),
                            clock=self._clock, hasher=self._hasher)
            update_settings(ctx.as_actor(actor), settings)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.actor = actor
        self.accept()

    def explore_demo(self) -> None:
        from desktop.demo import fill_demo  # the same code as `clubhouse demo`

        self.bar.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            database = open_database(str(self._demo_path), create=True)
            try:
                if not has_accounts(database):
                    fill_demo(database, clock=self._clock, hasher=self._hasher, replace=False)
                actor = sign_in(database, *DEMO_OWNER, clock=self._clock, hasher=self._hasher)
            except BaseException:
                database.close()
                raise
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.database = database
        self.actor = actor
        self.demo = True
        self.accept()
