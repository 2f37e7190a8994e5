"""Where everything on the calendar grid goes, as plain numbers: no Qt, no painting.

The grid widget (grid.py) asks for a ``Layout`` when its data or its size change and paints
from it; the mouse and keyboard ask it which column and time lie under a point and where a
booking would land.  Keeping the arithmetic here means it is computed once per change (not per
paint) and can be tested without a window.

A column is one space on one day: the day view has a column per space, the week view of one
space a column per day, and the week view of all spaces a column per day and space, grouped
by day.  Rows are minutes of the day, from the earliest opening to the latest closing of the
shown spaces (whole hours), widened to hold any booking outside the hours (an owner's
override).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.booking.occupancy import lanes, peak_in
from desktop.booking.rules import SpaceView
from desktop.booking.service import BookingView
from desktop.booking.spaces import ClosureView

DAY_MINUTES = 24 * 60
GUTTER = 54.0  # the hour labels at the left
HEADER = 46.0  # space/day titles and the seat badge
GROUP_HEADER = 22.0  # the day above its spaces (week of all spaces)
MIN_COLUMN = 24.0  # pixels of a column below which the grid scrolls sideways
MIN_GROUPED_COLUMN = 14.0  # the same in the week of all spaces (a compact overview)
MIN_HOUR = 30.0  # pixels per hour below which the grid scrolls instead of shrinking
MAX_SEAT_WEIGHT = 2.5  # a seat-based column is at most this much wider than a plain one
NARROW_LANE = 20.0  # pixels of a lane below which its box keeps only a 1-pixel gap


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.right and self.y <= py < self.bottom


@dataclass(frozen=True)
class Column:
    """One space on one day; ``group`` joins the columns of one day in the week of all."""

    day: dt.date
    space: SpaceView
    title: str
    group: int = 0
    group_title: str = ""


@dataclass(frozen=True)
class BookingBox:
    booking: BookingView
    column: int
    rect: Rect
    lane: int
    lanes: int


@dataclass(frozen=True)
class Shade:
    """A stretch of a column that cannot be booked: outside the hours, or a closure."""

    column: int
    rect: Rect
    reason: str = ""


@dataclass
class Layout:
    columns: list[Column]
    width: float
    height: float
    first_minute: int
    last_minute: int
    top: float  # y of first_minute (under the header)
    column_x: list[tuple[float, float]] = field(default_factory=list)  # (x, width)
    boxes: list[BookingBox] = field(default_factory=list)
    closed: list[Shade] = field(default_factory=list)
    closures: list[Shade] = field(default_factory=list)
    peaks: dict[int, int] = field(default_factory=dict)  # column -> seats at the busiest moment
    groups: list[tuple[str, float, float]] = field(default_factory=list)  # (title, x, width)

    # -- from minutes to pixels and back -------------------------------------------------------

    @property
    def per_minute(self) -> float:
        span = max(1, self.last_minute - self.first_minute)
        return (self.height - self.top) / span

    def y_of(self, minute: float) -> float:
        return self.top + (minute - self.first_minute) * self.per_minute

    def minute_at(self, y: float) -> float:
        return self.first_minute + (y - self.top) / self.per_minute

    def column_at(self, x: float) -> int | None:
        for index, (left, width) in enumerate(self.column_x):
            if left <= x < left + width:
                return index
        return None

    def nearest_column(self, x: float) -> int | None:
        """The column under x, or the nearest one when x is beside the columns (a drag)."""
        if not self.column_x:
            return None
        found = self.column_at(x)
        if found is not None:
            return found
        return 0 if x < self.column_x[0][0] else len(self.column_x) - 1

    def box_at(self, x: float, y: float) -> BookingBox | None:
        for box in reversed(self.boxes):  # the last drawn is on top
            if box.rect.contains(x, y):
                return box
        return None

    def boxes_in(self, column: int) -> list[BookingBox]:
        return [box for box in self.boxes if box.column == column]

    def rect_of(self, column: int, start_minute: float, end_minute: float) -> Rect:
        left, width = self.column_x[column]
        top = self.y_of(start_minute)
        return Rect(left, top, width, self.y_of(end_minute) - top)

    def moment(self, column: int, minute: int) -> dt.datetime:
        return at_minute(self.columns[column].day, minute)


# ---------------------------------------------------------------- time helpers


def minute_of(moment: dt.datetime, day: dt.date) -> int:
    """Minutes from ``day``'s midnight (negative before it, over 1440 after)."""
    return int((moment - dt.datetime.combine(day, dt.time())).total_seconds() // 60)


def at_minute(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)


def _time_minute(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def opening_ranges(space: SpaceView, day: dt.date) -> list[tuple[int, int]]:
    """The space's opening hours on ``day`` as (opens, closes) minutes, in order."""
    return sorted((_time_minute(r.opens), _time_minute(r.closes))
                  for r in space.hours if r.weekday == day.weekday())


def closed_stretches(space: SpaceView, day: dt.date, first: int, last: int
                     ) -> list[tuple[int, int]]:
    """The parts of [first, last) the space is not open on ``day``."""
    stretches: list[tuple[int, int]] = []
    cursor = first
    for opens, closes in opening_ranges(space, day):
        if opens > cursor:
            stretches.append((cursor, min(opens, last)))
        cursor = max(cursor, closes)
    if cursor < last:
        stretches.append((cursor, last))
    return [(a, b) for a, b in stretches if b > a]


def hour_range(columns: Sequence[Column], bookings: Sequence[BookingView] = ()
               ) -> tuple[int, int]:
    """Whole hours from the earliest opening to the latest closing of the columns, widened to
    show any booking on them; 08:00-18:00 when nothing is open."""
    starts: list[int] = []
    ends: list[int] = []
    for column in columns:
        for opens, closes in opening_ranges(column.space, column.day):
            starts.append(opens)
            ends.append(closes)
    days = {c.day for c in columns}
    for booking in bookings:
        for day in days:
            if booking.starts.date() == day or booking.ends.date() == day:
                starts.append(max(0, minute_of(booking.starts, day)))
                ends.append(min(DAY_MINUTES, minute_of(booking.ends, day)))
    if not starts:
        return 8 * 60, 18 * 60
    first = min(starts) // 60 * 60
    last = -(-max(ends) // 60) * 60
    return first, max(last, first + 60)


# ---------------------------------------------------------------- lanes and seats


def peak_seats(bookings: Sequence[BookingView]) -> int:
    """The most seats taken at any one moment of the column's day."""
    return peak_in(bookings)


# ---------------------------------------------------------------- snapping to the slot grid


def snap_start(space: SpaceView, day: dt.date, minute: float, *, nearest: bool = True) -> int:
    """The slot boundary of the space nearest to (or at or before) ``minute``: the grid starts
    at the opening of the range the time lies in (rules.py), or of the nearest range."""
    ranges = opening_ranges(space, day)
    slot = max(1, space.slot_minutes)
    anchor = 0
    if ranges:
        inside = [r for r in ranges if r[0] <= minute < r[1]]
        chosen = inside[0] if inside else min(
            ranges, key=lambda r: min(abs(minute - r[0]), abs(minute - r[1])))
        anchor = chosen[0]
    steps = (minute - anchor) / slot
    whole = round(steps) if nearest else int(steps // 1)
    return int(anchor + whole * slot)


def snap_length(space: SpaceView, minutes: float, *, at_least: int | None = None) -> int:
    """A duration rounded to whole slots, at least one slot (or ``at_least``, rounded up)."""
    slot = max(1, space.slot_minutes)
    floor = slot if at_least is None else -(-max(at_least, slot) // slot) * slot
    return max(floor, round(minutes / slot) * slot)


# ---------------------------------------------------------------- the layout


def _weights(columns: Sequence[Column], by_column: dict[int, list[BookingView]]
             ) -> list[float]:
    """A seat-based column widens with the bookings side by side in it; less so when the days
    are grouped (the week of all spaces), where width is scarce."""
    cap = MAX_SEAT_WEIGHT if not any(c.group_title for c in columns) else 1.6
    weights = []
    for index, column in enumerate(columns):
        if column.space.exclusive:
            weights.append(1.0)
            continue
        widest = max((count for _b, _l, count in lanes(by_column.get(index, []))), default=1)
        weights.append(min(cap, 1.0 + 0.3 * (widest - 1)))
    return weights


def box_inset(lane_width: float) -> float:
    """The gap each side of a booking box in its lane: 2 pixels, 1 in a lane so narrow (the
    week of all spaces) that every pixel of the box is wanted for its initial."""
    return 1.0 if lane_width < NARROW_LANE else 2.0


def _closure_hits(closure: ClosureView, column: Column) -> bool:
    return closure.space_id is None or closure.space_id == column.space.id


def compute(columns: Sequence[Column], bookings: Sequence[BookingView],
            closures: Sequence[ClosureView], width: float, height: float, *,
            gutter: float = GUTTER, header: float = HEADER,
            minutes: tuple[int, int] | None = None) -> Layout:
    """Lay the grid out in a ``width`` × ``height`` area: columns, booking boxes (in lanes),
    grey hours outside the opening times, closures, and the seat peaks of seat-based spaces."""
    columns = list(columns)
    grouped = any(c.group_title for c in columns)
    top = header + (GROUP_HEADER if grouped else 0.0)
    first, last = minutes if minutes is not None else hour_range(columns, bookings)
    layout = Layout(columns, width, height, first, last, top)
    index_of = {(c.day, c.space.id): i for i, c in enumerate(columns)}
    by_column: dict[int, list[BookingView]] = {}
    for booking in bookings:
        if booking.status == "cancelled":
            continue
        day = booking.starts.date()
        found = index_of.get((day, booking.space_id))
        if found is not None:
            by_column.setdefault(found, []).append(booking)

    weights = _weights(columns, by_column)
    total = sum(weights) or 1.0
    usable = max(0.0, width - gutter)
    x = gutter
    for weight in weights:
        span = usable * weight / total
        layout.column_x.append((x, span))
        x += span

    for index, column in enumerate(columns):
        left, span = layout.column_x[index]
        for a, b in closed_stretches(column.space, column.day, first, last):
            layout.closed.append(Shade(index, layout.rect_of(index, a, b)))
        for closure in closures:
            if not _closure_hits(closure, column):
                continue
            a = max(first, minute_of(closure.starts, column.day))
            b = min(last, minute_of(closure.ends, column.day))
            if b > a:
                layout.closures.append(Shade(index, layout.rect_of(index, a, b), closure.reason))
        mine = by_column.get(index, [])
        if not column.space.exclusive:
            layout.peaks[index] = peak_seats(mine)
        for booking, lane, count in lanes(mine):
            a = max(first, minute_of(booking.starts, column.day))
            b = min(last, minute_of(booking.ends, column.day))
            lane_width = span / max(1, count)
            inset = box_inset(lane_width)
            rect = Rect(left + lane * lane_width + inset, layout.y_of(a) + 1,
                        max(2.0, lane_width - 2 * inset),
                        max(3.0, layout.y_of(b) - layout.y_of(a) - 2))
            layout.boxes.append(BookingBox(booking, index, rect, lane, count))

    if grouped:
        start = 0
        for index in range(1, len(columns) + 1):
            if index == len(columns) or columns[index].group != columns[start].group:
                x0 = layout.column_x[start][0]
                x1 = sum(layout.column_x[index - 1])
                layout.groups.append((columns[start].group_title, x0, x1 - x0))
                start = index
    return layout


def minimum_width(columns: Sequence[Column], gutter: float = GUTTER) -> float:
    grouped = any(c.group_title for c in columns)
    return gutter + (MIN_GROUPED_COLUMN if grouped else MIN_COLUMN) * max(1, len(columns))


def minimum_height(columns: Sequence[Column], bookings: Sequence[BookingView],
                   header: float = HEADER) -> float:
    """The height below which hours get too thin to read: the grid scrolls instead."""
    first, last = hour_range(columns, bookings)
    grouped = any(c.group_title for c in columns)
    return header + (GROUP_HEADER if grouped else 0.0) + (last - first) / 60 * MIN_HOUR
