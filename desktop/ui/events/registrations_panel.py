"""The registrations of the selected event: who is coming, who waits, and the desk's actions
on them (register a member or a guest, cancel with a reason, paid or not).

When a cancellation frees a place the service promotes the head of the waitlist; the panel
names who moved up, since the desk will want to call them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.events.registrations import (
    CancelResult,
    RegistrationView,
    cancel_registration,
    list_registrations,
    set_paid,
)
from desktop.events.service import EventView
from desktop.partners.sponsors import list_event_partners
from desktop.services import Context
from desktop.ui.events.common import ReasonDialog, fee_text, when_text
from desktop.ui.events.models import RegistrationsModel
from desktop.ui.events.register_dialog import RegisterDialog
from desktop.ui.list_view import list_table, open_dialog
from desktop.ui.widgets import MessageBar, label

COLUMN_WIDTHS = (220, 80, 130, 90, 90, 70)


class RegistrationsPanel(QWidget):
    """Shows one event's registrations; ``changed`` after anything that alters its counts."""

    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationsPanel")
        self._ctx = ctx
        self.current: EventView | None = None
        self.dialog: QDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(6)
        self.heading = label("", "subtitle", wrap=True, object_name="registrationsHeading")
        column.addWidget(self.heading)
        self.partners_label = label("", "hint", wrap=True, object_name="eventPartnersLabel")
        column.addWidget(self.partners_label)
        top = QHBoxLayout()
        self.register_member_button = self._button(
            self.tr("Register member…"), "registerMemberButton", self.register_member)
        self.register_guest_button = self._button(
            self.tr("Register guest…"), "registerGuestButton", self.register_guest)
        self.cancel_button = self._button(
            self.tr("Cancel registration…"), "cancelRegistrationButton",
            self.cancel_registration)
        self.paid_button = self._button(self.tr("Mark paid"), "paidButton", self.toggle_paid)
        for button in (self.register_member_button, self.register_guest_button,
                       self.cancel_button, self.paid_button):
            top.addWidget(button)
        top.addStretch(1)
        column.addLayout(top)
        self.bar = MessageBar("registrationsMessage")
        column.addWidget(self.bar)

        self.model = RegistrationsModel(self)
        self.table = list_table(QTableView(), "registrationsTable", self.model, row_height=26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for section, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(section, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        column.addWidget(self.table, 1)
        self.show_event(None)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- showing -------------------------------------------------------------------------------

    def show_event(self, event: EventView | None) -> None:
        """Show ``event``'s registrations (None: nothing selected)."""
        if self.current is None or event is None or event.id != self.current.id:
            self.bar.clear()
        self.current = event
        self.model.has_fee = bool(event and event.has_fee)
        self.table.setColumnHidden(RegistrationsModel.PAID, not self.model.has_fee)
        if event is None:
            self.heading.setText(self.tr("Choose an event to see who is coming."))
            self.partners_label.setVisible(False)
            self.model.set_rows([])
            self._update_actions()
            return
        self.heading.setText(self._heading(event))
        try:
            sponsors = list_event_partners(self._ctx, event.id)
            self.partners_label.setText(" · ".join(
                self.tr("%1: %2").replace("%1", p.role_label.render()).replace("%2", p.name)
                for p in sponsors))
            self.partners_label.setVisible(bool(sponsors))
            rows = list_registrations(self._ctx, event.id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            rows = []
        keep = self.selected()
        self.model.set_rows(rows)
        if keep is not None:
            self.select(keep.id)
        self._update_actions()

    def _heading(self, event: EventView) -> str:
        text = (self.tr("%1 · %2: %3 of %4 places taken")
                .replace("%1", event.title).replace("%2", when_text(event.starts, event.ends))
                .replace("%3", str(event.registered)).replace("%4", str(event.capacity)))
        if event.waitlisted:
            text += self.tr(", %1 waiting").replace("%1", str(event.waitlisted))
        if event.has_fee:
            text += " · " + fee_text(event.fee)
        if event.status == "cancelled":
            text += " · " + self.tr("cancelled")
        return text

    def selected(self) -> RegistrationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, registration_id: int) -> bool:
        row = self.model.row_of(registration_id)
        if row is None:
            return False
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        return True

    def _update_actions(self) -> None:
        open_event = self.current is not None and self.current.status == "scheduled"
        chosen = self.selected()
        self.register_member_button.setEnabled(open_event)
        self.register_guest_button.setEnabled(open_event)
        self.cancel_button.setEnabled(open_event and chosen is not None)
        has_fee = self.current is not None and self.current.has_fee
        self.paid_button.setVisible(has_fee)
        self.paid_button.setEnabled(has_fee and chosen is not None)
        self.paid_button.setText(self.tr("Mark unpaid") if chosen is not None and chosen.paid
                                 else self.tr("Mark paid"))

    # -- acting --------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        self.bar.clear()
        self.dialog = dialog
        return open_dialog(dialog, on_accept)

    def _register(self, guest: bool) -> RegisterDialog | None:
        if self.current is None or not self.register_member_button.isEnabled():
            return None
        dialog = RegisterDialog(self._ctx, self.current, guest=guest, parent=self)

        def accepted() -> None:
            result = dialog.outcome
            if result is None:
                return
            who = result.registration.who
            self.changed.emit()
            self.select(result.registration.id)
            if result.waitlisted:
                self.bar.show_message(self.tr("The event is full: %1 is on the waitlist.")
                                      .replace("%1", who), "info")
            else:
                self.bar.show_success(self.tr("%1 is registered.").replace("%1", who))

        self._open(dialog, accepted)
        return dialog

    def register_member(self) -> RegisterDialog | None:
        return self._register(False)

    def register_guest(self) -> RegisterDialog | None:
        return self._register(True)

    def cancel_registration(self) -> ReasonDialog[CancelResult] | None:
        chosen = self.selected()
        if chosen is None or not self.cancel_button.isEnabled():
            return None
        ctx = self._ctx
        dialog: ReasonDialog[CancelResult] = ReasonDialog(
            self.tr("Cancel registration"),
            self.tr("Cancel %1's registration? A freed place goes to the first on the "
                    "waitlist.").replace("%1", chosen.who),
            self.tr("Cancel registration"),
            lambda reason: cancel_registration(ctx, chosen.id, reason), self,
            object_name="cancelRegistrationDialog")

        def accepted() -> None:
            result = dialog.result_value
            self.changed.emit()
            lines = [self.tr("%1's registration is cancelled.").replace("%1", chosen.who)]
            if result is not None:
                lines += [self.tr("%1 moved up from the waitlist").replace("%1", p.who)
                          for p in result.promoted]
            self.bar.show_success("\n".join(lines))

        self._open(dialog, accepted)
        return dialog

    def toggle_paid(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.paid_button.isEnabled():
            return
        try:
            set_paid(self._ctx, chosen.id, not chosen.paid)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.changed.emit()
        self.select(chosen.id)
