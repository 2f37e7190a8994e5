"""Small confirmations of the Members view: suspending a member, and erasing one (the owner,
on the person's request) with a plain statement of what happens."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.members.privacy import erase_member
from desktop.members.service import MemberRow, suspend_member
from desktop.services import Context
from desktop.ui.members.common import from_qdate, to_qdate
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label


class SuspendDialog(QDialog):
    """Suspend from a date, until a date or until lifted, with a reason."""

    def __init__(self, ctx: Context, member: MemberRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suspendDialog")
        self.setWindowTitle(self.tr("Suspend member"))
        self._ctx = ctx
        self._member = member
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.addWidget(label(self.tr("%1 (%2) may not book or register while suspended; "
                                       "the membership dates do not change.")
                               .replace("%1", member.name).replace("%2", member.number),
                               wrap=True))
        self.bar = MessageBar("suspendMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        today = to_qdate(ctx.clock.now().date())
        self.reason = QLineEdit()
        self.reason.setObjectName("suspendReasonEdit")
        self.reason.setMinimumWidth(280)
        self.errors.add_row(form, self.tr("Reason"), "reason", self.reason)
        self.starting = QDateEdit(today)
        self.starting.setObjectName("suspendFromEdit")
        self.starting.setCalendarPopup(True)
        self.starting.setDisplayFormat("yyyy-MM-dd")
        self.errors.add_row(form, self.tr("From"), "starting", self.starting)
        self.has_end = QCheckBox(self.tr("Until a date (otherwise until lifted)"))
        self.has_end.setObjectName("suspendHasEndCheck")
        form.addRow("", self.has_end)
        self.until = QDateEdit(today.addDays(30))
        self.until.setObjectName("suspendUntilEdit")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setEnabled(False)
        self.has_end.toggled.connect(self.until.setEnabled)
        self.errors.add_row(form, self.tr("Until"), "until", self.until)
        column.addLayout(form)
        buttons, self.save_button = dialog_buttons(self, self.tr("Suspend"), "suspendSaveButton")
        self.save_button.clicked.connect(self.submit)
        column.addLayout(buttons)

    def submit(self) -> None:
        self.errors.clear()
        until = from_qdate(self.until.date()) if self.has_end.isChecked() else None
        try:
            suspend_member(self._ctx, self._member.id, self.reason.text(),
                           starting=from_qdate(self.starting.date()), until=until)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()


class EraseDialog(QDialog):
    """Erase a member on their request: says what happens, asks for the reason."""

    def __init__(self, ctx: Context, member: MemberRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Erase member"))
        self._ctx = ctx
        self._member = member
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(10)
        column.addWidget(label(self.tr("Erase %1 (%2)?").replace("%1", member.name)
                               .replace("%2", member.number), "title", wrap=True))
        column.addWidget(label(self.tr(
            "Their name becomes \"Erased member %1\"; the phone, email, WeChat, company, title, "
            "city, notes, photo and tags are deleted, also from the audit log. The membership "
            "periods and payments stay as counts and history, without the person. This cannot "
            "be undone: export their data first if they asked for a copy.")
            .replace("%1", member.number), wrap=True, object_name="eraseExplanation"))
        self.bar = MessageBar("eraseMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("eraseReasonEdit")
        self.reason.setPlaceholderText(self.tr("e.g. the member's written request of today"))
        self.reason.setMinimumWidth(320)
        self.errors.add_row(form, self.tr("Reason"), "reason", self.reason, "eraseReasonError")
        column.addLayout(form)
        buttons, self.save_button = dialog_buttons(self, self.tr("Erase for good"),
                                                   "eraseConfirmButton")
        self.save_button.setProperty("primary", False)
        self.save_button.setStyleSheet("QPushButton { background: #b3261e; color: white; "
                                       "border: 1px solid #8c1d17; border-radius: 4px; "
                                       "padding: 6px 16px; font-weight: 600; }")
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.submit)
        column.addLayout(buttons)
        self.setMinimumWidth(520)

    def submit(self) -> None:
        self.errors.clear()
        try:
            erase_member(self._ctx, self._member.id, self.reason.text())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
