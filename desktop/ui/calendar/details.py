"""One booking's details from the calendar (Enter or a double click): who, their phone, the
space, the time, the party, the purpose and the status, with the three things the desk does to a
booking on the day: check in, cancel (with a reason), mark a no-show.

Cancelling asks for the reason inside the dialog (a line and a confirm button appear), so the
whole thing stays completable from the keyboard and nothing blocks in a nested dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.lifecycle import cancel_booking, check_in, mark_no_show
from desktop.booking.rules import status_label
from desktop.booking.service import BookingView, get_booking
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui.widgets import MessageBar, label


class BookingDetailsDialog(QDialog):
    """Shows a booking; ``changed`` is True once the desk changed its status here."""

    def __init__(self, ctx: Context, booking: BookingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingDetailsDialog")
        self.setWindowTitle(self.tr("Booking"))
        self._ctx = ctx
        self.booking = booking
        self.changed = False

        column = QVBoxLayout(self)
        column.setContentsMargins(18, 16, 18, 14)
        self.bar = MessageBar("bookingDetailsMessage")
        column.addWidget(self.bar)
        form = QFormLayout()
        self.who_label = label("", object_name="bookingWho")
        self.phone_label = label("", object_name="bookingPhone")
        self.space_label = label("", object_name="bookingSpace")
        self.time_label = label("", object_name="bookingTime")
        self.party_label = label("", object_name="bookingParty")
        self.purpose_label = label("", wrap=True, object_name="bookingPurpose")
        self.status_label = label("", object_name="bookingStatus")
        form.addRow(self.tr("Who"), self.who_label)
        form.addRow(self.tr("Phone"), self.phone_label)
        form.addRow(self.tr("Space"), self.space_label)
        form.addRow(self.tr("Time"), self.time_label)
        form.addRow(self.tr("Party"), self.party_label)
        form.addRow(self.tr("Purpose"), self.purpose_label)
        form.addRow(self.tr("Status"), self.status_label)
        column.addLayout(form)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("cancelReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why is it cancelled?"))
        self.confirm_cancel = QPushButton(self.tr("Cancel the booking"))
        self.confirm_cancel.setObjectName("confirmCancelButton")
        self.confirm_cancel.clicked.connect(self.confirm_cancelling)
        self.reason_edit.returnPressed.connect(self.confirm_cancelling)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_edit, 1)
        reason_row.addWidget(self.confirm_cancel)
        self.reason_box = QWidget()
        self.reason_box.setLayout(reason_row)
        self.reason_box.setVisible(False)
        column.addWidget(self.reason_box)

        buttons = QHBoxLayout()
        self.check_in_button = self._button(self.tr("Check in"), "checkInButton",
                                            lambda: self._act(check_in))
        self.cancel_button = self._button(self.tr("Cancel booking…"), "cancelBookingButton",
                                          self.ask_reason)
        self.no_show_button = self._button(self.tr("Mark no-show"), "noShowButton",
                                           lambda: self._act(mark_no_show))
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.no_show_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeButton")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        column.addLayout(buttons)
        self._show(booking)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _show(self, booking: BookingView) -> None:
        self.booking = booking
        who = booking.who
        if booking.member_number:
            who = f"{who} · {booking.member_number}"
        self.who_label.setText(who)
        self.phone_label.setText(booking.member_phone or "—")
        self.space_label.setText(booking.space_name)
        self.time_label.setText(f"{booking.starts:%Y-%m-%d %H:%M}–{booking.ends:%H:%M}")
        self.party_label.setText(str(booking.party_size))
        self.purpose_label.setText(booking.purpose or "—")
        status = status_label(booking.status).render()
        if booking.status == "cancelled" and booking.cancel_reason:
            status = f"{status} ({booking.cancel_reason})"
        self.status_label.setText(status)
        confirmed = booking.status == "confirmed"
        for button in (self.check_in_button, self.cancel_button, self.no_show_button):
            button.setEnabled(confirmed)

    def _act(self, action: Callable[[Context, int], BookingView]) -> None:
        try:
            booking = action(self._ctx, self.booking.id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.changed = True
        self.bar.clear()
        self.reason_box.setVisible(False)
        self._show(booking)

    def ask_reason(self) -> None:
        self.reason_box.setVisible(True)
        self.reason_edit.setFocus()

    def confirm_cancelling(self) -> None:
        reason = self.reason_edit.text()
        self._act(lambda ctx, booking_id: cancel_booking(ctx, booking_id, reason))

    @classmethod
    def for_id(cls, ctx: Context, booking_id: int,
               parent: QWidget | None = None) -> BookingDetailsDialog:
        return cls(ctx, get_booking(ctx, booking_id), parent)
