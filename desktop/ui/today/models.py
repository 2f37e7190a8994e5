"""The Today view's lists: the day's bookings, its events, who is expected and the renewal
chances.  Each hands back the row behind an index (``ROW_ROLE``); the service gives them in
the order they are shown (time order), so none of them sorts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from desktop.booking.service import BookingView
from desktop.events.service import EventView
from desktop.today.service import Expected, RenewalChance
from desktop.ui.table_model import RowsModel

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MUTED = QColor("#8a9591")
_ARRIVED = QColor("#2f7a4f")
_MISSED = QColor("#b0483b")
_LATE = QColor("#a8641b")


def span(starts: dt.datetime, ends: dt.datetime) -> str:
    return f"{starts:%H:%M}–{ends:%H:%M}"


class TodayBookingsModel(RowsModel[BookingView]):
    """Today's bookings: arrived ones in green with the time, no-shows in red."""

    TIME, SPACE, WHO, PARTY, STATUS = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Space"), self.tr("Who"), self.tr("Party"),
                self.tr("Status"))

    def status_text(self, booking: BookingView) -> str:
        if booking.status == "checked_in":
            at = booking.checked_in_at
            return self.tr("Arrived %1").replace("%1", f"{at:%H:%M}") if at else \
                self.tr("Arrived")
        if booking.status == "no_show":
            return self.tr("No-show")
        if booking.status == "cancelled":
            return self.tr("Cancelled")
        return self.tr("Expected")

    def row_of(self, booking_id: int) -> int | None:
        return next((n for n, b in enumerate(self.rows) if b.id == booking_id), None)

    def cell(self, booking: BookingView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return span(booking.starts, booking.ends)
            if column == self.SPACE:
                return booking.space_name
            if column == self.WHO:
                return booking.who
            if column == self.PARTY:
                return str(booking.party_size)
            return self.status_text(booking)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARTY:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return {"checked_in": _ARRIVED, "no_show": _MISSED}.get(booking.status)
        if role == Qt.ItemDataRole.FontRole and column == self.WHO:
            font = QFont()
            font.setBold(booking.status == "confirmed")
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHO:
            return " · ".join(part for part in (booking.member_number, booking.member_phone,
                                                booking.purpose, booking.notes) if part)
        return None


class TodayEventsModel(RowsModel[EventView]):
    """Today's events with registered and checked-in people."""

    TIME, TITLE, REGISTERED, CHECKED_IN = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Event"), self.tr("Registered"),
                self.tr("Checked in"))

    def row_of(self, event_id: int) -> int | None:
        return next((n for n, e in enumerate(self.rows) if e.id == event_id), None)

    def cell(self, event: EventView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return span(event.starts, event.ends)
            if column == self.TITLE:
                return f"{event.title} · {event.space_name}"
            if column == self.REGISTERED:
                return f"{event.registered} / {event.capacity}"
            return str(event.checked_in)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.REGISTERED,
                                                                    self.CHECKED_IN):
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and event.waitlisted:
            return self.tr("%1 on the waitlist").replace("%1", str(event.waitlisted))
        return None


class ExpectedModel(RowsModel[Expected]):
    """Who the desk should see next; a party past its start and not yet in is late."""

    TIME, WHO, WHERE, PEOPLE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now = dt.datetime.min

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Who"), self.tr("Where"), self.tr("People"))

    def cell(self, item: Expected, column: int, role: int) -> Any:
        late = item.kind == "booking" and item.starts < self.now
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return f"{item.starts:%H:%M}"
            if column == self.WHO:
                if item.kind == "event":
                    return self.tr("Event: %1").replace("%1", item.title)
                if late:
                    return self.tr("%1 (late)").replace("%1", item.title)
                return item.title
            if column == self.WHERE:
                return item.space_name
            if item.kind == "event":
                return self.tr("%1 to come").replace("%1", str(item.people))
            return str(item.people)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PEOPLE:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return _LATE
        return None


class RenewalsModel(RowsModel[RenewalChance]):
    """Members booked today whose membership ends soon: a word at the desk."""

    NAME, PHONE, PLAN, ENDS, BOOKED = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Member"), self.tr("Phone"), self.tr("Plan"), self.tr("Ends"),
                self.tr("Comes at"))

    def ends_text(self, chance: RenewalChance) -> str:
        when = f"{chance.ends_on:%Y-%m-%d}"
        days = chance.days_left
        if days == 0:
            return self.tr("%1 (today)").replace("%1", when)
        if days < 0:
            return self.tr("%1 (%2 days ago)").replace("%1", when).replace("%2", str(-days))
        return self.tr("%1 (in %2 days)").replace("%1", when).replace("%2", str(days))

    def cell(self, chance: RenewalChance, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return chance.name
            if column == self.PHONE:
                return chance.phone
            if column == self.PLAN:
                return chance.plan or ""
            if column == self.ENDS:
                return self.ends_text(chance)
            return f"{chance.booked_at:%H:%M}"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return chance.number
        if role == Qt.ItemDataRole.ForegroundRole and column == self.ENDS:
            return _MISSED if chance.days_left < 0 else _LATE
        return None
