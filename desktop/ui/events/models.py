"""The Events view's tables: events with their counts, and one event's registrations.

Both hand back the row behind an index (``ROW_ROLE``) and give a typed value under
``SORT_ROLE`` (a datetime, a number, a pinyin key), so a sort proxy never compares display
text.  An event list is small (one venue's events), so sorting happens in the proxy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from desktop.events.registrations import RegistrationView, status_label
from desktop.events.service import EventView
from desktop.i18n import render_kept
from desktop.ui.events.common import fee_text, kind_text, when_text
from desktop.ui.table_model import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 3
_GREY = QColor("#8a9591")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class EventsModel(RowsModel[EventView]):
    """Events, one line per occurrence; a cancelled one greyed and struck through."""

    WHEN, TITLE, KIND, HOST, SPACE, CAPACITY, REGISTERED, WAITLISTED, CHECKED_IN, FEE = range(10)
    _NUMBERS = (CAPACITY, REGISTERED, WAITLISTED, CHECKED_IN, FEE)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Title"), self.tr("Kind"), self.tr("Host"),
                self.tr("Space"), self.tr("Capacity"), self.tr("Registered"),
                self.tr("Waitlist"), self.tr("Checked in"), self.tr("Fee"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and orientation == Qt.Orientation.Horizontal and section in self._NUMBERS):
            return int(_RIGHT)  # over the numbers they title
        return super().headerData(section, orientation, role)

    def row_of(self, event_id: int) -> int | None:
        for number, event in enumerate(self.rows):
            if event.id == event_id:
                return number
        return None

    def cell(self, event: EventView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, column)
        if role == SORT_ROLE:
            return self._sort_key(event, column)
        if role == Qt.ItemDataRole.ForegroundRole and event.status == "cancelled":
            return _GREY
        if role == Qt.ItemDataRole.FontRole and event.status == "cancelled":
            font = QFont()
            font.setStrikeOut(column == self.TITLE)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMBERS:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if event.status == "cancelled":
                return self.tr("Cancelled")
            if column == self.TITLE and event.description:
                return event.description
        return None

    def _text(self, event: EventView, column: int) -> str:
        if column == self.WHEN:
            return when_text(event.starts, event.ends)
        if column == self.TITLE:
            if event.status == "cancelled":
                return self.tr("%1 (cancelled)").replace("%1", event.title)
            return event.title
        if column == self.KIND:
            return kind_text(event.kind)
        if column == self.HOST:
            return event.host_name or ""
        if column == self.SPACE:
            return event.space_name
        if column == self.CAPACITY:
            return str(event.capacity)
        if column == self.REGISTERED:
            return str(event.registered)
        if column == self.WAITLISTED:
            return str(event.waitlisted) if event.waitlisted else ""
        if column == self.CHECKED_IN:
            return str(event.checked_in) if event.checked_in else ""
        if column == self.FEE:
            return fee_text(event.fee)
        return ""

    def _sort_key(self, event: EventView, column: int) -> Any:
        keys: dict[int, Any] = {
            self.WHEN: event.starts.isoformat(), self.TITLE: event.title.casefold(),
            self.KIND: kind_text(event.kind), self.HOST: event.host_name or "",
            self.SPACE: event.space_name, self.CAPACITY: event.capacity,
            self.REGISTERED: event.registered, self.WAITLISTED: event.waitlisted,
            self.CHECKED_IN: event.checked_in, self.FEE: float(event.fee),
        }
        return keys.get(column, "")


class RegistrationsModel(RowsModel[RegistrationView]):
    """One event's people: the registered by name, then the waitlist in its order."""

    WHO, NUMBER, PHONE, COMPANIONS, STATUS, PAID, CHECKED_IN = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.has_fee = False

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Who"), self.tr("No."), self.tr("Phone"), self.tr("Companions"),
                self.tr("Status"), self.tr("Paid"), self.tr("Checked in"))

    def row_of(self, registration_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == registration_id:
                return number
        return None

    def cell(self, row: RegistrationView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "waitlisted" and column == self.STATUS:
                return QColor("#8a5a00")
            if row.status == "cancelled":
                return _GREY
        if role == Qt.ItemDataRole.ToolTipRole and row.warning_note:
            return render_kept(row.warning_note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COMPANIONS:
            return int(_RIGHT)
        return None

    def _text(self, row: RegistrationView, column: int) -> str:
        if column == self.WHO:
            if row.guest_name:
                return self.tr("%1 (guest of %2)").replace("%1", row.guest_name).replace(
                    "%2", row.host_name or "—")
            return row.member_name or "—"
        if column == self.NUMBER:
            return row.member_number or ""
        if column == self.PHONE:
            return row.member_phone or row.guest_phone
        if column == self.COMPANIONS:
            return f"+{row.companions}" if row.companions else ""
        if column == self.STATUS:
            return status_label(row.status).render()
        if column == self.PAID:
            if not self.has_fee:
                return ""
            return self.tr("paid") if row.paid else self.tr("unpaid")
        if column == self.CHECKED_IN:
            return f"{row.checked_in_at:%m-%d %H:%M}" if row.checked_in_at else ""
        return ""


class SortProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` values, never on the text shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return super().lessThan(left, right)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
