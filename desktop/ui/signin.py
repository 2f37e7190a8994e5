"""The sign-in dialog: who is at the desk.  The last user name is remembered on this computer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import sign_in
from desktop.clock import Clock
from desktop.db import Database
from desktop.errors import SignInFailed
from desktop.security import Hasher
from desktop.services import Actor
from desktop.ui import prefs
from desktop.ui.bootstrap import app_icon
from desktop.ui.widgets import label, logo_header, password_edit


class SignInDialog(QDialog):
    """Accepted once ``sign_in`` succeeds; ``actor`` is then the signed-in account."""

    def __init__(self, database: Database, *, clock: Clock, hasher: Hasher,
                 venue_name: str = "", username: str = "", demo: bool = False,
                 notice: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — Clubhouse"))
        self.setWindowIcon(app_icon())
        self._database = database
        self._clock = clock
        self._hasher = hasher
        self.actor: Actor | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 20)
        column.setSpacing(10)

        column.addLayout(logo_header(
            52, label(venue_name or self.tr("Clubhouse"), "title", object_name="signInVenue"),
            label(self.tr("Sign in to continue."), "subtitle")))

        if notice:
            column.addWidget(label(notice, "success", wrap=True, object_name="signInNotice"))

        form = QFormLayout()
        form.setSpacing(8)
        self.username = QLineEdit(username or prefs.remembered_username())
        self.username.setObjectName("usernameEdit")
        self.username.setMinimumWidth(240)
        form.addRow(self.tr("User name"), self.username)
        self.password = password_edit("passwordEdit")
        form.addRow(self.tr("Password"), self.password)
        column.addLayout(form)

        self.error = label("", "error", wrap=True, object_name="signInError")
        self.error.setVisible(False)
        column.addWidget(self.error)

        if demo:
            column.addWidget(label(
                self.tr("Demo accounts: owner / owner-demo and desk / desk-demo."), "hint",
                wrap=True, object_name="demoHint"))
        column.addWidget(label(self.tr("Database: %1").replace("%1", database.description),
                               "hint", wrap=True, object_name="signInDatabase"))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setObjectName("quitButton")
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        buttons.addWidget(quit_button)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setProperty("primary", True)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        buttons.addWidget(self.sign_in_button)
        column.addLayout(buttons)

        (self.password if self.username.text() else self.username).setFocus()

    def try_sign_in(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._refuse(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        try:
            actor = sign_in(self._database, username, self.password.text(),
                            clock=self._clock, hasher=self._hasher)
        except SignInFailed as failure:
            self._refuse(failure.render())
            self.password.clear()
            (self.username if failure.field == "username" else self.password).setFocus()
            return
        self.actor = actor
        prefs.remember_username(actor.username)
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
