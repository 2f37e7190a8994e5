"""What the calendar's UI tests share (the venue fixture is in conftest.py): a view of a given
size, a booking made through the service, times on a day and the grid column of a space."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.booking.rules import SpaceView
from desktop.booking.service import BookingRequest, BookingView, create_booking
from desktop.services import Context
from desktop.ui.calendar.view import DAY, CalendarView
from desktop.ui.tasks import TaskRunner

FRIDAY = dt.date(2026, 11, 27)  # the day after the test clock's Thursday

MakeView = Callable[..., CalendarView]


def at(day: dt.date, time: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time))


def minute(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def view_maker(qtbot, inline: TaskRunner, width: int, height: int) -> MakeView:
    """Build, show and point a calendar view at a day, at a size (whether the day scrolls)."""

    def make(ctx: Context, day: dt.date = FRIDAY, mode: str = DAY) -> CalendarView:
        view = CalendarView(ctx, inline)
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        view.show_day(day, mode)
        return view

    return make


def book(ctx: Context, space: SpaceView, member: int, starts: dt.datetime, minutes: int,
         party: int = 2, guest: str | None = None) -> BookingView:
    return create_booking(ctx, BookingRequest(space.id, starts, starts + dt.timedelta(
        minutes=minutes), party_size=party, member_id=member, guest_name=guest))


def column_of(view: CalendarView, space: SpaceView, day: dt.date = FRIDAY) -> int:
    return next(i for i, c in enumerate(view.grid.columns)
                if c.space.id == space.id and c.day == day)
