"""What the events widgets share: an event's time, kind and fee as the desk reads them, and a
small dialog that asks a reason before doing something that cannot be undone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import ClubhouseError
from desktop.events.service import kind_label
from desktop.ui.booking.common import weekday_names
from desktop.ui.members.common import money
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label

T = TypeVar("T")


def kind_text(kind: str) -> str:
    """An event kind in the current language (the service's label, rendered)."""
    return kind_label(kind).render()


def when_text(starts: dt.datetime, ends: dt.datetime) -> str:
    """2026-11-27 Fri 14:00–16:00 (the weekday in the current language)."""
    weekday = weekday_names()[starts.weekday()]
    if ends.date() != starts.date():
        return f"{starts:%Y-%m-%d} {weekday} {starts:%H:%M}–{ends:%m-%d %H:%M}"
    return f"{starts:%Y-%m-%d} {weekday} {starts:%H:%M}–{ends:%H:%M}"


def fee_text(fee: Decimal) -> str:
    """¥80.00, or nothing for a free event (an empty cell reads as "free" in a list)."""
    return money(fee) if fee > 0 else ""


class ReasonDialog(QDialog, Generic[T]):
    """Ask why, then run ``action(reason)``; the service's refusal shows at the reason.

    Used for cancelling an event and cancelling a registration: both are kept for the record
    with their reason, so the desk is asked for one every time.
    """

    def __init__(self, title: str, text: str, ok_text: str, action: Callable[[str], T],
                 parent: QWidget | None = None, *, object_name: str = "reasonDialog") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self._action = action
        self.result_value: T | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.addWidget(label(text, wrap=True, object_name="reasonText"))
        self.bar = MessageBar("reasonMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setMinimumWidth(320)
        self.errors.add_row(form, self.tr("Reason"), "reason", self.reason)
        column.addLayout(form)
        buttons, self.ok_button = dialog_buttons(self, ok_text, "reasonOkButton")
        self.ok_button.clicked.connect(self.submit)
        column.addLayout(buttons)
        self.reason.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        try:
            self.result_value = self._action(self.reason.text())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
