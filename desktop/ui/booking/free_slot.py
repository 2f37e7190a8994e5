"""Find a free slot: a kind of space (or one space), a date range, a duration and a party
size give every free time (``find_free_slots``, the booking rules themselves); Enter,
double-click or "Book this time" on one opens the quick booking filled in with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.service import BookingView, FreeSlot, find_free_slots
from desktop.booking.spaces import list_spaces
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui.booking.common import ChoiceTable, DateField, kind_text, weekday_names
from desktop.ui.booking.quick import QuickBookingDialog
from desktop.ui.members.common import from_qdate
from desktop.ui.table_model import RowsModel
from desktop.ui.widgets import MessageBar, label

ANY, KIND, SPACE = "any", "kind", "space"


class FreeSlotsModel(RowsModel[FreeSlot]):
    SPACE, DATE, TIME = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Space"), self.tr("Date"), self.tr("Time"))

    def cell(self, row: FreeSlot, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.SPACE:
            return row.space_name
        if column == self.DATE:
            return f"{row.starts:%Y-%m-%d} {weekday_names()[row.starts.weekday()]}"
        return f"{row.starts:%H:%M}–{row.ends:%H:%M}"


class FindFreeSlotDialog(QDialog):
    """Search free times across spaces and book one of them in one step."""

    LIMIT = 200

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findFreeSlotDialog")
        self.setWindowTitle(self.tr("Find a free slot"))
        self._ctx = ctx
        self.booked: BookingView | None = None
        self.quick_dialog: QuickBookingDialog | None = None
        today = ctx.clock.now().date()
        spaces = list_spaces(ctx)

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        self.bar = MessageBar("freeSlotMessage")
        column.addWidget(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)
        self.where = QComboBox()
        self.where.setObjectName("freeSlotWhere")
        self.where.addItem(self.tr("Any space"), (ANY, None))
        for kind in dict.fromkeys(space.kind for space in spaces):
            self.where.addItem(self.tr("Any %1").replace("%1", kind_text(kind)), (KIND, kind))
        for space in spaces:
            self.where.addItem(space.name, (SPACE, space.id))
        form.addRow(self.tr("Where"), self.where)

        dates = QWidget()
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        self.first = DateField(today, "freeSlotFrom")
        dates_row.addWidget(self.first)
        dates_row.addWidget(label(self.tr("to")))
        self.last = DateField(today + dt.timedelta(days=6), "freeSlotTo")
        dates_row.addWidget(self.last)
        dates_row.addStretch(1)
        form.addRow(self.tr("Dates"), dates)

        sizes = QWidget()
        sizes_row = QHBoxLayout(sizes)
        sizes_row.setContentsMargins(0, 0, 0, 0)
        self.duration = QSpinBox()
        self.duration.setObjectName("freeSlotDuration")
        self.duration.setRange(15, 12 * 60)
        self.duration.setSingleStep(30)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        sizes_row.addWidget(self.duration)
        sizes_row.addSpacing(12)
        sizes_row.addWidget(label(self.tr("Party size")))
        self.party = QSpinBox()
        self.party.setObjectName("freeSlotParty")
        self.party.setRange(1, 500)
        sizes_row.addWidget(self.party)
        sizes_row.addStretch(1)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("freeSlotSearchButton")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        sizes_row.addWidget(self.search_button)
        form.addRow(self.tr("Length"), sizes)

        self.count = label("", "hint", object_name="freeSlotCount")
        column.addWidget(self.count)
        self.model = FreeSlotsModel(self)
        self.table = ChoiceTable()
        self.table.setObjectName("freeSlotResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(260)
        self.table.chosen.connect(self.book_row)
        column.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("freeSlotCloseButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        self.book_button = QPushButton(self.tr("Book this time…"))
        self.book_button.setObjectName("freeSlotBookButton")
        self.book_button.setProperty("primary", True)
        self.book_button.setAutoDefault(False)
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(self.book_selected)
        buttons.addWidget(self.book_button)
        column.addLayout(buttons)
        self.setMinimumSize(620, 520)
        self.where.setFocus()

    def search(self) -> list[FreeSlot]:
        """Ask the service for the free times and list them, earliest first."""
        self.bar.clear()
        what, value = self.where.currentData()
        try:
            found = find_free_slots(
                self._ctx, from_qdate(self.first.date()), from_qdate(self.last.date()),
                self.duration.value(), self.party.value(),
                space_ids=[value] if what == SPACE else None,
                kind=value if what == KIND else None, limit=self.LIMIT)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            self.model.set_rows([])
            self.count.setText("")
            self.book_button.setEnabled(False)
            return []
        self.model.set_rows(found)
        if len(found) >= self.LIMIT:
            self.count.setText(self.tr("The first %n free times; narrow the search to see "
                                       "later ones.", "", len(found)))
        elif found:
            self.count.setText(self.tr("%n free time(s)", "", len(found)))
        else:
            self.count.setText(self.tr("Nothing free: try other dates, a shorter time or a "
                                       "smaller party."))
        self.book_button.setEnabled(bool(found))
        if found:
            self.table.selectRow(0)
            self.table.setFocus()
        return found

    def book_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.book_row(index.row())

    def book_row(self, row: int) -> QuickBookingDialog | None:
        """Open the quick booking filled in with that free time; its save closes this too."""
        if not 0 <= row < self.model.rowCount():
            return None
        slot = self.model.row_at(row)
        minutes = int((slot.ends - slot.starts).total_seconds() // 60)
        dialog = QuickBookingDialog(self._ctx, self, space_id=slot.space_id,
                                    starts=slot.starts, minutes=minutes)
        self.quick_dialog = dialog
        dialog.party.setValue(self.party.value())
        dialog.accepted.connect(lambda: self._booked(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _booked(self, dialog: QuickBookingDialog) -> None:
        self.booked = dialog.booked
        self.accept()

    def _closed(self, dialog: QuickBookingDialog) -> None:
        if self.quick_dialog is dialog:
            self.quick_dialog = None
        dialog.deleteLater()
