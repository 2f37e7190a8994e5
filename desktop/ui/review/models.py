"""The Review view's tables: the renewal call list, the most engaged members, the events of
the window and the event fees still owed.  Each row is the service's plain data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.review.engagement import MemberEngagement
from desktop.review.events import EventRow
from desktop.review.membership import CallRow
from desktop.review.money import OutstandingFee
from desktop.ui.review.parts import day_text, money, number, percent
from desktop.ui.table_model import RowsModel

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CallListModel(RowsModel[CallRow]):
    NAME, PHONE, PLAN, ENDS, DAYS, LAST_VISIT = range(6)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Phone"), self.tr("Plan"), self.tr("Ends"),
                self.tr("Days left"), self.tr("Last visit"))

    def cell(self, row: CallRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.phone or "", row.plan, row.ends_on.isoformat(),
                    str(row.days_left), day_text(row.last_visit))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DAYS:
            return _RIGHT
        return None


class EngagedModel(RowsModel[MemberEngagement]):
    NAME, VISITS, EVENTS, SCORE = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Visits"), self.tr("Events"), self.tr("Score"))

    def cell(self, row: MemberEngagement, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, number(row.visits), number(row.events), number(row.score))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return _RIGHT
        return None


class EventRowsModel(RowsModel[EventRow]):
    """A count column opens the people it counts; any other column opens the event."""

    TITLE, WHEN, KIND, CAPACITY, REGISTERED, CHECKED_IN, WAITLISTED, RATE = range(8)
    COUNTS = (REGISTERED, CHECKED_IN, WAITLISTED)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Event"), self.tr("When"), self.tr("Kind"), self.tr("Places"),
                self.tr("Registered"), self.tr("Came"), self.tr("Waitlist"),
                self.tr("Attendance"))

    def cell(self, row: EventRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, f"{row.starts:%Y-%m-%d %H:%M}", row.kind_label.render(),
                    number(row.capacity), number(row.registered.value),
                    number(row.checked_in.value), number(row.waitlisted.value),
                    percent(row.attendance_rate))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.CAPACITY:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column in self.COUNTS:
            return self.tr("Double-click for the people")
        return None


class OutstandingModel(RowsModel[OutstandingFee]):
    NAME, PHONE, EVENT, WHEN, PEOPLE, AMOUNT, CAME = range(7)

    def __init__(self, currency: str = "") -> None:
        super().__init__()
        self.currency = currency

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Phone"), self.tr("Event"), self.tr("When"),
                self.tr("People"), self.tr("Owed"), self.tr("Came"))

    def cell(self, row: OutstandingFee, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.phone or "", row.title, f"{row.starts:%Y-%m-%d}",
                    str(row.people), money(row.amount, self.currency),
                    self.tr("yes") if row.checked_in else self.tr("no"))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.PEOPLE, self.AMOUNT):
            return _RIGHT
        return None
