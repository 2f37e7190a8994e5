"""Review → Spaces: how full each space is week by week, when the venue is busy, no-shows.

Times are the stored wall-clock times (DESIGN.md): nothing here applies a time zone, so a
change of ``venue.time_zone`` changes no figure.  Booked hours are the bookings that held the
space (confirmed, checked in and no-show; not cancelled), clipped to the utilisation hours
(setting ``review.utilisation_hours``).  Open hours are each weekday's opening ranges of the
space, clipped the same way, less closures of the space or the whole venue.  A seat-based
(shared) space counts seat-hours: party size × hours booked over capacity × open hours.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.models.booking import Booking, Closure, Space, SpaceHours
from desktop.permissions import Permission
from desktop.review.common import (
    Count,
    Drill,
    date_of,
    day_range,
    days_since,
    minute_of_day,
)
from desktop.review.settings import UTILISATION_HOURS, parse_hours
from desktop.services import Tx, service
from desktop.settings.store import get_setting

HELD = ("confirmed", "checked_in", "no_show")  # bookings that held the space
DAY = 24 * 60

Interval = tuple[int, int]  # minutes since midnight, [start, end)


@dataclass(frozen=True)
class WeekUse:
    week: dt.date  # the Monday of the week (days outside the window are not counted)
    booked_hours: float  # hours (seat-hours for a seat-based space) booked
    open_hours: float  # hours (seat-hours: capacity × hours) open

    @property
    def rate(self) -> float | None:
        return self.booked_hours / self.open_hours if self.open_hours else None


@dataclass(frozen=True)
class SpaceUse:
    space_id: int
    name: str
    seat_based: bool  # a shared space: seat-hours
    capacity: int
    weeks: tuple[WeekUse, ...]  # every week of the window, oldest first
    booked_hours: float  # over the window
    open_hours: float
    bookings: Count  # bookings that held the space in the window (drill: their members)
    no_shows: Count  # bookings marked no-show in the window
    settled: int  # bookings that started before now, not cancelled (the no-show base)

    @property
    def rate(self) -> float | None:
        return self.booked_hours / self.open_hours if self.open_hours else None

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows.value / self.settled if self.settled else None


@dataclass(frozen=True)
class SpacesReview:
    first: dt.date
    last: dt.date
    hours: tuple[int, int]  # the utilisation hours, minutes since midnight [start, end)
    weeks: tuple[dt.date, ...]  # Mondays of the weeks shown
    spaces: tuple[SpaceUse, ...]  # active spaces and any space booked in the window, in order
    # heat[weekday][hour]: booked hours (not seat-hours) in that hour of the day over the
    # window; weekday 0 = Monday; hour 0..23 (the view may show only hours[0]//60 .. )
    heat: tuple[tuple[float, ...], ...]
    no_shows: Count  # all spaces
    settled: int

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows.value / self.settled if self.settled else None



def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weeks_of(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    weeks = []
    week = _monday(first)
    while week <= last:
        weeks.append(week)
        week += dt.timedelta(days=7)
    return tuple(weeks)


def _clip(spans: list[Interval], window: Interval) -> list[Interval]:
    out = []
    for start, end in spans:
        low, high = max(start, window[0]), min(end, window[1])
        if high > low:
            out.append((low, high))
    return out


def _minus(spans: list[Interval], holes: list[Interval]) -> list[Interval]:
    """``spans`` with every minute of ``holes`` taken out."""
    for hole_start, hole_end in holes:
        cut: list[Interval] = []
        for start, end in spans:
            if hole_end <= start or hole_start >= end:
                cut.append((start, end))
                continue
            if hole_start > start:
                cut.append((start, hole_start))
            if hole_end < end:
                cut.append((hole_end, end))
        spans = cut
    return spans


def _closure_minutes(closures: list[tuple[dt.datetime, dt.datetime]],
                     day: dt.date) -> list[Interval]:
    start_of_day, end_of_day = day_range(day, day)
    holes = []
    for starts, ends in closures:
        low, high = max(starts, start_of_day), min(ends, end_of_day)
        if high > low:
            holes.append((int((low - start_of_day).total_seconds() // 60),
                          int((high - start_of_day).total_seconds() // 60)))
    return holes


def _open_minutes(hours: dict[int, list[Interval]],
                  closures: list[tuple[dt.datetime, dt.datetime]], day: dt.date,
                  window: Interval) -> int:
    spans = _clip(hours.get(day.weekday(), []), window)
    spans = _minus(spans, _closure_minutes(closures, day))
    return sum(end - start for start, end in spans)


def _closed_days(closures: list[tuple[dt.datetime, dt.datetime]], first: dt.date,
                 last: dt.date) -> set[dt.date]:
    """The days of [first, last] that a closure touches (their open hours need working out)."""
    days: set[dt.date] = set()
    for starts, ends in closures:
        day = max(starts.date(), first)
        while day <= last and dt.datetime.combine(day, dt.time()) < ends:
            days.add(day)
            day += dt.timedelta(days=1)
    return days


def _overlap(start: int, end: int, window: Interval) -> int:
    return max(0, min(end, window[1]) - max(start, window[0]))


def time_columns(session: Session) -> tuple[Any, Any]:
    """(start minute, end minute) of a booking; a booking running past midnight ends at
    24:00 here (the next day's part is not counted)."""
    start = minute_of_day(session, Booking.starts)
    end = case((date_of(session, Booking.ends) > date_of(session, Booking.starts),
                literal(DAY)), else_=minute_of_day(session, Booking.ends))
    return start.label("s"), end.label("e")


def heat_drill(first: dt.date, last: dt.date, weekday: int, hour: int) -> Drill:
    """The list behind one heat-map cell (weekday 0 = Monday, hour 0..23)."""
    return Drill.of("peak_hour", first=first, last=last, weekday=weekday, hour=hour)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def spaces_review(tx: Tx, first: dt.date, last: dt.date) -> SpacesReview:
    """Utilisation per space and week, the weekday × hour heat map and no-shows for bookings
    starting in [first, last] (see the module docstring for what counts)."""
    window = parse_hours(str(get_setting(tx, UTILISATION_HOURS.name)))
    weeks = weeks_of(first, last)
    start, end = day_range(first, last)
    now = tx.clock.now()
    held = (Booking.starts >= start, Booking.starts < end, Booking.status.in_(HELD))

    hours: dict[int, dict[int, list[Interval]]] = defaultdict(lambda: defaultdict(list))
    for space_id, weekday, opens, closes in tx.session.execute(
            select(SpaceHours.space_id, SpaceHours.weekday, SpaceHours.opens,
                   SpaceHours.closes)):
        hours[space_id][weekday].append((opens.hour * 60 + opens.minute,
                                         closes.hour * 60 + closes.minute))
    closures: dict[int | None, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
    for closed_space, starts, ends in tx.session.execute(
            select(Closure.space_id, Closure.starts, Closure.ends)
            .where(Closure.starts < end, Closure.ends > start)):
        closures[closed_space].append((starts, ends))

    # Booked minutes: grouped by space, week and (start, end) time of day in SQL, with the
    # no-shows and the bookings already started (the no-show rate's base) in the same pass;
    # the week and the weekday come from the day's distance to the first Monday.
    day_index = days_since(tx.session, Booking.starts, weeks[0])
    week_index = (day_index // 7).label("w")
    s_col, e_col = time_columns(tx.session)
    booked: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0])
    settled: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for space_id, week, s, e, seats, count, gone, started in tx.session.execute(
            select(Booking.space_id, week_index, s_col, e_col,
                   func.sum(Booking.party_size), func.count(Booking.id),
                   func.sum(case((Booking.status == "no_show", 1), else_=0)),
                   func.sum(case((Booking.starts <= now, 1), else_=0)))
            .where(*held).group_by(Booking.space_id, week_index, s_col, e_col)):
        minutes = _overlap(int(s), int(e), window)
        cell = booked[(space_id, int(week))]
        cell[0] += minutes * int(count)
        cell[1] += minutes * int(seats)
        totals = settled[space_id]
        totals[0] += int(count)
        totals[1] += int(gone or 0)
        totals[2] += int(started or 0)
    spaces = list(tx.session.execute(
        select(Space.id, Space.name, Space.exclusive, Space.capacity)
        .where(or_(Space.active.is_(True), Space.id.in_(list(settled) or [-1])))
        .order_by(Space.sort_order, Space.name)))

    heat = [[0.0] * 24 for _ in range(7)]
    day_col = (day_index % 7).label("d")
    for monday_first, s, e, count in tx.session.execute(
            select(day_col, s_col, e_col, func.count(Booking.id))
            .where(*held).group_by(day_col, s_col, e_col)):
        row = heat[int(monday_first)]
        for hour in range(int(s) // 60, min(23, (int(e) - 1) // 60) + 1):
            row[hour] += _overlap(int(s), int(e), (hour * 60, hour * 60 + 60)) * int(count) / 60

    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    uses = []
    for space_id, name, exclusive, capacity in spaces:
        seat_based = not exclusive
        factor = capacity if seat_based else 1
        space_closures = closures.get(space_id, []) + closures.get(None, [])
        space_hours = hours.get(space_id, {})
        closed = _closed_days(space_closures, first, last)
        # A day without a closure is open its weekday's hours: seven sums, not one per day.
        plain = [sum(end - start for start, end in _clip(space_hours.get(weekday, []), window))
                 for weekday in range(7)]
        open_by_week = [0] * len(weeks)
        for day in days:
            open_by_week[(day - weeks[0]).days // 7] += (
                _open_minutes(space_hours, space_closures, day, window) if day in closed
                else plain[day.weekday()])
        week_rows = []
        for index, week in enumerate(weeks):
            booked_minutes = booked.get((space_id, index), [0.0, 0.0])[1 if seat_based else 0]
            week_rows.append(WeekUse(week, booked_minutes / 60,
                                     open_by_week[index] * factor / 60))
        total, gone, started = settled.get(space_id, [0, 0, 0])
        uses.append(SpaceUse(
            space_id=space_id, name=name, seat_based=seat_based, capacity=capacity,
            weeks=tuple(week_rows),
            booked_hours=sum(w.booked_hours for w in week_rows),
            open_hours=sum(w.open_hours for w in week_rows),
            bookings=Count(total, Drill.of("space_bookings", space_id=space_id, first=first,
                                           last=last)),
            no_shows=Count(gone, Drill.of("no_shows", space_id=space_id, first=first,
                                          last=last)),
            settled=started))
    return SpacesReview(
        first=first, last=last, hours=window, weeks=weeks, spaces=tuple(uses),
        heat=tuple(tuple(row) for row in heat),
        no_shows=Count(sum(u.no_shows.value for u in uses),
                       Drill.of("no_shows", first=first, last=last)),
        settled=sum(u.settled for u in uses))
