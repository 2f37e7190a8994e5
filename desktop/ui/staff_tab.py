"""Settings → Staff: the accounts that may sign in, and the owner's tools for them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import (
    StaffRow,
    create_staff,
    list_staff,
    reset_password,
    set_active,
    update_staff,
)
from desktop.errors import ClubhouseError
from desktop.models.accounts import Role
from desktop.services import Context
from desktop.ui.table_model import RowsModel
from desktop.ui.widgets import (
    FieldErrors,
    MessageBar,
    dialog_buttons,
    label,
    password_edit,
    role_name,
)


class StaffTableModel(RowsModel[StaffRow]):
    """The staff accounts; ``ROW_ROLE`` hands back the StaffRow of a row."""

    NAME, USERNAME, ROLE, STATUS, LAST_SIGN_IN = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("Status"),
                self.tr("Last signed in"))

    def cell(self, staff: StaffRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return staff.display_name
            if column == self.USERNAME:
                return staff.username
            if column == self.ROLE:
                return role_name(staff.role)
            if column == self.STATUS:
                return self.tr("Active") if staff.active else self.tr("Disabled")
            if column == self.LAST_SIGN_IN:
                return staff.last_sign_in.strftime("%Y-%m-%d %H:%M") if staff.last_sign_in \
                    else self.tr("never")
        if role == Qt.ItemDataRole.ForegroundRole and not staff.active:
            return Qt.GlobalColor.gray
        return None


class StaffDialog(QDialog):
    """Add an account (user name, name, role, password) or edit one (name, role)."""

    def __init__(self, ctx: Context, *, role: Role = Role.DESK, staff: StaffRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self._ctx = ctx
        self._staff = staff
        adding = staff is None
        if adding:
            self.setWindowTitle(self.tr("New owner account") if role == Role.OWNER
                                else self.tr("New front-desk account"))
        else:
            self.setWindowTitle(self.tr("Edit account"))
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        self.bar = MessageBar("staffDialogMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(8)
        self.username = QLineEdit(staff.username if staff else "")
        self.username.setObjectName("staffUsernameEdit")
        self.username.setEnabled(adding)
        self.username.setMinimumWidth(260)
        self.errors.add_row(form, self.tr("User name"), "username", self.username)
        self.display_name = QLineEdit(staff.display_name if staff else "")
        self.display_name.setObjectName("staffDisplayNameEdit")
        self.errors.add_row(form, self.tr("Display name"), "display_name", self.display_name)
        self.role = QComboBox()
        self.role.setObjectName("staffRoleCombo")
        self.role.addItem(role_name(Role.DESK), Role.DESK.value)
        self.role.addItem(role_name(Role.OWNER), Role.OWNER.value)
        self.role.setCurrentIndex(self.role.findData((staff.role if staff else role).value))
        self.errors.add_row(form, self.tr("Role"), "role", self.role)
        self.password = password_edit("staffPasswordEdit")
        self.repeat = password_edit("staffPasswordRepeatEdit")
        if adding:
            self.errors.add_row(form, self.tr("Password"), "password", self.password)
            self.errors.add_row(form, self.tr("Password again"), "password_repeat", self.repeat)
        column.addLayout(form)
        if adding:
            column.addWidget(label(self.tr("Give the password to the person in private; they "
                                           "can change it under Account."), "hint", wrap=True))
        buttons, ok = dialog_buttons(
            self, self.tr("Create account") if adding else self.tr("Save"), "staffOkButton")
        ok.clicked.connect(self.submit)
        column.addLayout(buttons)

    def submit(self) -> None:
        self.errors.clear()
        role = Role(self.role.currentData())
        try:
            if self._staff is None:
                if self.password.text() != self.repeat.text():
                    self.errors.show_text("password_repeat", self.tr("The two passwords differ."))
                    return
                create_staff(self._ctx, self.username.text(), self.display_name.text(), role,
                             self.password.text())
            else:
                update_staff(self._ctx, self._staff.id, self.display_name.text(), role)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()


class ResetPasswordDialog(QDialog):
    def __init__(self, ctx: Context, staff: StaffRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        self._ctx = ctx
        self._staff = staff
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.addWidget(label(self.tr("A new password for %1 (%2). Their old password stops "
                                       "working.").replace("%1", staff.display_name)
                               .replace("%2", staff.username), wrap=True))
        self.bar = MessageBar("resetPasswordMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        self.password = password_edit("resetPasswordEdit")
        self.password.setMinimumWidth(240)
        self.errors.add_row(form, self.tr("New password"), "password", self.password,
                            "resetPasswordError")
        self.repeat = password_edit("resetPasswordRepeatEdit")
        self.errors.add_row(form, self.tr("Password again"), "password_repeat", self.repeat,
                            "resetPasswordRepeatError")
        column.addLayout(form)
        buttons, ok = dialog_buttons(self, self.tr("Set password"), "resetPasswordOkButton")
        ok.clicked.connect(self.submit)
        column.addLayout(buttons)

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.show_text("password_repeat", self.tr("The two passwords differ."))
            return
        try:
            reset_password(self._ctx, self._staff.id, self.password.text())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()


class StaffTab(QWidget):
    """The staff list with add, edit, reset password, disable and enable."""

    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffTab")
        self._ctx = ctx
        self.dialog: QDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        self.bar = MessageBar("staffMessage")
        column.addWidget(self.bar)

        buttons = QHBoxLayout()
        self.add_desk_button = self._button(self.tr("Add front-desk account…"), "addDeskButton",
                                            lambda: self.open_add(Role.DESK), buttons)
        self.add_owner_button = self._button(self.tr("Add owner account…"), "addOwnerButton",
                                             lambda: self.open_add(Role.OWNER), buttons)
        buttons.addStretch(1)
        self.edit_button = self._button(self.tr("Edit…"), "editStaffButton", self.open_edit,
                                        buttons)
        self.reset_button = self._button(self.tr("Reset password…"), "resetPasswordButton",
                                         self.open_reset, buttons)
        self.toggle_button = self._button(self.tr("Disable"), "toggleActiveButton",
                                          self.toggle_active, buttons)
        column.addLayout(buttons)

        self.model = StaffTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for section, width in enumerate((200, 150, 110, 90)):
            header.resizeSection(section, width)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        column.addWidget(self.table, 1)
        column.addWidget(label(self.tr("A disabled account cannot sign in; its entries in the "
                                       "audit log stay. The last active owner cannot be "
                                       "disabled."), "hint", wrap=True))
        self.refresh()

    def _button(self, text: str, name: str, slot: Any, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_rows(list_staff(self._ctx))
        if selected is not None:
            self.select_username(selected.username)
        self._update_buttons()

    def selected(self) -> StaffRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def select_username(self, username: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).username == username:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        staff = self.selected()
        for button in (self.edit_button, self.reset_button, self.toggle_button):
            button.setEnabled(staff is not None)
        self.toggle_button.setText(self.tr("Enable") if staff is not None and not staff.active
                                   else self.tr("Disable"))

    def _open(self, dialog: QDialog, done: str) -> None:
        """Open a dialog without blocking; when it is accepted, refresh and say what happened."""
        self.bar.clear()
        self.dialog = dialog

        def accepted() -> None:
            self.refresh()
            self.bar.show_success(done)
            self.changed.emit()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def open_add(self, role: Role) -> StaffDialog:
        dialog = StaffDialog(self._ctx, role=role, parent=self)
        self._open(dialog, self.tr("The account is created."))
        return dialog

    def open_edit(self) -> StaffDialog | None:
        staff = self.selected()
        if staff is None:
            return None
        dialog = StaffDialog(self._ctx, staff=staff, parent=self)
        self._open(dialog, self.tr("The account is saved."))
        return dialog

    def open_reset(self) -> ResetPasswordDialog | None:
        staff = self.selected()
        if staff is None:
            return None
        dialog = ResetPasswordDialog(self._ctx, staff, parent=self)
        self._open(dialog, self.tr("The new password for %1 is set.").replace("%1",
                                                                             staff.username))
        return dialog

    def toggle_active(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        self.bar.clear()
        try:
            set_active(self._ctx, staff.id, not staff.active)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.refresh()
        self.bar.show_success(
            (self.tr("%1 can sign in again.") if not staff.active
             else self.tr("%1 can no longer sign in.")).replace("%1", staff.display_name))
        self.changed.emit()
