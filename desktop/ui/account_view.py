"""Your account: who is signed in, and changing your own password (every role may)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import change_own_password
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui.widgets import (
    FieldErrors,
    MessageBar,
    label,
    password_edit,
    role_name,
    view_column,
)


class AccountView(QWidget):
    lockRequested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountView")
        self._ctx = ctx
        column = view_column(self, self.tr("Your account"),
                             self.tr("Who is signed in at this computer, and your password."))
        self.bar = MessageBar("accountMessage")
        column.addWidget(self.bar)

        who = QGroupBox(self.tr("Signed in"))
        who_form = QFormLayout(who)
        who_form.setSpacing(8)
        actor = ctx.actor
        who_form.addRow(self.tr("Name"), label(actor.display_name, object_name="accountName"))
        who_form.addRow(self.tr("User name"), label(actor.username, object_name="accountUsername"))
        who_form.addRow(self.tr("Role"), label(role_name(actor.role), object_name="accountRole"))
        who_form.addRow(self.tr("Database"), label(ctx.database.description, wrap=True,
                                                   object_name="accountDatabase"))
        lock_row = QHBoxLayout()
        self.lock_button = QPushButton(self.tr("Lock the screen now"))
        self.lock_button.setObjectName("lockNowButton")
        self.lock_button.clicked.connect(self.lockRequested)
        lock_row.addWidget(self.lock_button)
        lock_row.addWidget(label(self.tr("Ctrl+L; the password opens it again."), "hint"))
        lock_row.addStretch(1)
        who_form.addRow(lock_row)
        column.addWidget(who)

        box = QGroupBox(self.tr("Change your password"))
        box_column = QVBoxLayout(box)
        form = QFormLayout()
        form.setSpacing(8)
        self.errors = FieldErrors(self.bar)
        self.current = self._password_row(form, self.tr("Current password"), "current_password",
                                          "currentPasswordEdit")
        self.new = self._password_row(form, self.tr("New password"), "new_password",
                                      "newPasswordEdit")
        self.repeat = self._password_row(form, self.tr("New password again"),
                                         "new_password_repeat", "newPasswordRepeatEdit")
        box_column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(label(self.tr("At least 6 characters."), "hint"))
        buttons.addStretch(1)
        self.change_button = QPushButton(self.tr("Change password"))
        self.change_button.setObjectName("changePasswordButton")
        self.change_button.setProperty("primary", True)
        self.change_button.clicked.connect(self.change_password)
        buttons.addWidget(self.change_button)
        box_column.addLayout(buttons)
        column.addWidget(box)
        column.addStretch(1)

    def _password_row(self, form: QFormLayout, title: str, field: str,
                      object_name: str) -> QLineEdit:
        edit = password_edit(object_name)
        edit.setMaximumWidth(360)
        self.errors.add_row(form, title, field, edit, object_name.replace("Edit", "Error"))
        return edit

    def refresh(self) -> None:
        """Nothing here changes behind the person's back."""

    def change_password(self) -> None:
        self.errors.clear()
        if self.new.text() != self.repeat.text():
            self.errors.show_text("new_password_repeat", self.tr("The two passwords differ."))
            return
        try:
            change_own_password(self._ctx, self.current.text(), self.new.text())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        for edit in (self.current, self.new, self.repeat):
            edit.clear()
        self.bar.show_success(self.tr("Your password is changed. Use it from now on."))
