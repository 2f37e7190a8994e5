"""The tables of Settings → Spaces: the spaces, the closures, and a closure's call list.

Each model hands back its row object through ``ROW_ROLE`` and typed values through
``SORT_ROLE``, so sorting compares numbers and times, never display text.  The lists are
small (a venue has a handful of spaces and closures), so a QSortFilterProxyModel sorts them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from desktop.booking.rules import OpeningRange, SpaceView, when
from desktop.booking.spaces import AffectedBooking, ClosureView
from desktop.models.booking import SPACE_KINDS
from desktop.ui.booking.common import kind_text as kind_name
from desktop.ui.table_model import Index, RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 3


KINDS: tuple[str, ...] = SPACE_KINDS


def day_name(weekday: int) -> str:
    """Monday=0 … Sunday=6, short, in the language the UI speaks (QLocale follows it)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def _ranges_text(ranges: list[OpeningRange]) -> str:
    return ", ".join(f"{r.opens:%H:%M}–{r.closes:%H:%M}" for r in ranges)


def hours_summary(hours: tuple[OpeningRange, ...]) -> str:
    """Weekly hours in one line: consecutive days with the same hours share a group
    ("Mon–Fri 08:30–18:00; Sat–Sun 09:00–17:00")."""
    by_day: list[list[OpeningRange]] = [[] for _ in range(7)]
    for entry in sorted(hours, key=lambda r: (r.weekday, r.opens)):
        if 0 <= entry.weekday <= 6:
            by_day[entry.weekday].append(entry)
    texts = [_ranges_text(ranges) for ranges in by_day]
    if not any(texts):
        return QCoreApplication.translate("SpaceHours", "Closed every day")
    parts: list[str] = []
    start = 0
    for day in range(1, 8):
        if day == 7 or texts[day] != texts[start]:
            if texts[start]:
                days = day_name(start) if day - 1 == start else \
                    f"{day_name(start)}–{day_name(day - 1)}"
                parts.append(f"{days} {texts[start]}")
            start = day
    return "; ".join(parts)


def stamp(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


class SpacesTableModel(RowsModel[SpaceView]):
    """Every space, inactive ones greyed."""

    NAME, KIND, CAPACITY, SHARING, HOURS, ACTIVE = range(6)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Kind"), self.tr("Capacity"), self.tr("Booked as"),
                self.tr("Opening hours"), self.tr("Status"))

    def cell(self, space: SpaceView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(space, column)
        if role == SORT_ROLE:
            sort_values: tuple[Any, ...] = (
                (space.sort_order, space.name.casefold()), kind_name(space.kind),
                space.capacity, space.exclusive, self._text(space, column), space.active)
            return sort_values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return QColor(space.colour)
        if role == Qt.ItemDataRole.ForegroundRole and not space.active:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.ToolTipRole and column == self.HOURS:
            return self._text(space, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CAPACITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, space: SpaceView, column: int) -> str:
        if column == self.NAME:
            return space.name
        if column == self.KIND:
            return kind_name(space.kind)
        if column == self.CAPACITY:
            return str(space.capacity)
        if column == self.SHARING:
            return self.tr("One party at a time") if space.exclusive else self.tr("Shared seats")
        if column == self.HOURS:
            return hours_summary(space.hours)
        return self.tr("Active") if space.active else self.tr("Inactive")


class ClosuresTableModel(RowsModel[ClosureView]):
    SPACE, STARTS, ENDS, REASON = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Space"), self.tr("From"), self.tr("To"), self.tr("Reason"))

    def cell(self, closure: ClosureView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SPACE:
                return closure.space_name if closure.space_id is not None \
                    else self.tr("Whole venue")
            if column == self.STARTS:
                return stamp(closure.starts)
            if column == self.ENDS:
                return stamp(closure.ends)
            return closure.reason
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (closure.space_name or "", closure.starts, closure.ends,
                                       closure.reason)
            return values[column]
        if role == Qt.ItemDataRole.FontRole and column == self.SPACE \
                and closure.space_id is None:
            font = QFont()
            font.setBold(True)
            return font
        return None


class AffectedTableModel(RowsModel[AffectedBooking]):
    """The call list: who to phone about a booking inside a closure."""

    WHO, PHONE, SPACE, TIME, PARTY = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Who"), self.tr("Phone"), self.tr("Space"), self.tr("Time"),
                self.tr("Party"))

    def cell(self, booking: AffectedBooking, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (booking.who, booking.phone, booking.space_name,
                      when(booking.starts, booking.ends), str(booking.party_size))
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARTY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SortProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` (typed values) instead of the text shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return super().lessThan(left, right)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
