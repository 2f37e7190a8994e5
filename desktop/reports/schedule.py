"""The printed day and week schedules: a grid with columns (spaces, or days) and hours as rows.

The day schedule is what the desk pins up in the morning (SCENARIOS 1): every space a column,
from the earliest opening to the latest closing that day, each booking a light box in its
space's colour with the time, who and how many.  Seat-based spaces share their column between
overlapping bookings (side by side) and show the seats taken at the busiest moment of each
hour ("9/12"), as the calendar does; closures are hatched with their reason; hours a space is
closed are grey.  The week schedule is the same grid with the seven days as columns: one page
for one space, or a page per space.  Vector drawing on a hand-drawn canvas (base.pdf_canvas),
so the page furniture (venue, title, printed, page x of y) and the embedded font are shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.booking.occupancy import lanes as side_by_side
from desktop.booking.occupancy import peak_in
from desktop.booking.rules import SpaceView, status_label
from desktop.booking.service import BookingView, list_bookings
from desktop.booking.spaces import ClosureView, get_space, list_closures, list_spaces
from desktop.i18n import Message, msg
from desktop.permissions import Permission
from desktop.reports.base import (
    FOOTER_BAND,
    HEADER_BAND,
    HEADER_FILL,
    INK,
    MARGIN_X,
    MUTED,
    RULE,
    PrintInfo,
    clean,
    draw_bold,
    draw_text,
    fit_text,
    pdf_canvas,
    print_info,
    text_width,
)
from desktop.services import Tx, service

PAGE = landscape(A4)
TIME_COLUMN = 13 * mm
COLUMN_HEAD = 13 * mm
SUBTITLE = 8 * mm
SEAT_STRIP = 7 * mm  # the right edge of a seat-based column, for "9/12"
MAX_COLUMNS = 8  # more spaces than this continue on the next page, the hours repeated
CLOSED_FILL = colors.HexColor("#eceef0")
CLOSURE_FILL = colors.HexColor("#d9dde2")
WEEKDAYS: tuple[Message, ...] = (msg("Monday"), msg("Tuesday"), msg("Wednesday"),
                                 msg("Thursday"), msg("Friday"), msg("Saturday"),
                                 msg("Sunday"))


@dataclass
class GridColumn:
    """One column of the grid: a space on a day."""

    title: str
    note: str
    day: dt.date
    colour: str
    capacity: int | None  # seat-based: seats taken are shown against this
    hours: list[tuple[dt.time, dt.time]]
    bookings: list[BookingView] = field(default_factory=list)
    closures: list[ClosureView] = field(default_factory=list)


def _light(hex_colour: str, amount: float = 0.78) -> colors.Color:
    base = colors.HexColor(hex_colour)
    return colors.Color(base.red + (1 - base.red) * amount,
                        base.green + (1 - base.green) * amount,
                        base.blue + (1 - base.blue) * amount)


def _minutes(moment: dt.datetime, day: dt.date) -> float:
    return (moment - dt.datetime.combine(day, dt.time())).total_seconds() / 60


def column_weight(column: GridColumn) -> float:
    """How wide a column is against a plain one: wider with more bookings side by side."""
    lanes = max((width for _, _, width in side_by_side(column.bookings)), default=1)
    return min(2.5, 1 + 0.5 * (lanes - 1)) + (0.2 if column.capacity else 0)


def _hour_range(columns: Sequence[GridColumn]) -> tuple[int, int]:
    """From the earliest opening to the latest closing (whole hours), widened to show any
    booking outside the hours (an owner's override)."""
    starts: list[float] = []
    ends: list[float] = []
    for column in columns:
        for opens, closes in column.hours:
            starts.append(opens.hour + opens.minute / 60)
            ends.append(closes.hour + closes.minute / 60)
        for b in column.bookings:
            starts.append(max(0.0, _minutes(b.starts, column.day) / 60))
            ends.append(min(24.0, _minutes(b.ends, column.day) / 60))
    if not starts:
        return 8, 20
    return int(min(starts)), min(24, int(-(-max(ends) // 1)))


class _Grid:
    """Draws one page of columns on the canvas."""

    def __init__(self, canvas: Canvas, info: PrintInfo, columns: Sequence[GridColumn],
                 first_hour: int, last_hour: int) -> None:
        self.canvas, self.info, self.columns = canvas, info, columns
        width, height = PAGE
        self.left = MARGIN_X
        self.right = width - MARGIN_X
        self.top = height - HEADER_BAND - SUBTITLE
        self.bottom = FOOTER_BAND + 2 * mm
        self.grid_top = self.top - COLUMN_HEAD
        self.first, self.last = first_hour, last_hour
        # Seat-based columns with bookings side by side get more room than a single lane.
        weights = [column_weight(column) for column in columns]
        unit = (self.right - self.left - TIME_COLUMN) / max(1.0, sum(weights))
        self.widths = [w * unit for w in weights]
        self.offsets = [sum(self.widths[:i]) for i in range(len(columns) + 1)]
        self.per_minute = (self.grid_top - self.bottom) / ((last_hour - first_hour) * 60)

    def y(self, minutes: float) -> float:
        minutes = min(max(minutes, self.first * 60), self.last * 60)
        return float(self.grid_top - (minutes - self.first * 60) * self.per_minute)

    def x(self, index: int) -> float:
        return float(self.left + TIME_COLUMN + self.offsets[index])

    def draw(self) -> None:
        for index, column in enumerate(self.columns):
            self._shade(index, column)
        self._rules()
        for index, column in enumerate(self.columns):
            self._head(index, column)
            self._closures(index, column)
            self._bookings(index, column)
            if column.capacity is not None:
                self._seats(index, column)

    def _shade(self, index: int, column: GridColumn) -> None:
        """Grey where the space is closed by its opening hours."""
        c = self.canvas
        c.saveState()
        c.setFillColor(CLOSED_FILL)
        c.setStrokeColor(CLOSED_FILL)
        edges = [self.first * 60.0]
        for opens, closes in sorted(column.hours):
            edges += [opens.hour * 60.0 + opens.minute, closes.hour * 60.0 + closes.minute]
        edges.append(self.last * 60.0)
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            if end > start:
                c.rect(self.x(index), self.y(end), self.widths[index],
                       self.y(start) - self.y(end), stroke=0, fill=1)
        c.restoreState()

    def _rules(self) -> None:
        c = self.canvas
        c.saveState()
        c.setStrokeColor(RULE)
        for hour in range(self.first, self.last + 1):
            y = self.y(hour * 60)
            c.setLineWidth(0.5)
            c.line(self.left + TIME_COLUMN - 2 * mm, y, self.right, y)
            if hour < self.last:
                draw_text(c, self.left + TIME_COLUMN - 2.5 * mm, y - 3.2 * mm,
                          f"{hour:02d}:00", 7.5, align="right", color=MUTED)
                c.setLineWidth(0.2)
                c.setDash(1, 2)
                half = self.y(hour * 60 + 30)
                c.line(self.left + TIME_COLUMN, half, self.right, half)
                c.setDash()
        c.setLineWidth(0.5)
        for index in range(len(self.columns) + 1):
            x = self.x(index)
            c.line(x, self.top, x, self.bottom)
        c.line(self.left + TIME_COLUMN, self.top, self.right, self.top)
        c.restoreState()

    def _head(self, index: int, column: GridColumn) -> None:
        c = self.canvas
        x, w = self.x(index), self.widths[index]
        c.saveState()
        c.setFillColor(HEADER_FILL)
        c.rect(x, self.grid_top, w, COLUMN_HEAD, stroke=0, fill=1)
        c.setFillColor(colors.HexColor(column.colour))
        c.rect(x, self.grid_top, w, 1.2 * mm, stroke=0, fill=1)
        c.restoreState()
        draw_bold(self.canvas, x + w / 2, self.top - 5 * mm,
                  fit_text(column.title, 9.5, w - 2 * mm), 9.5, align="centre")
        draw_text(self.canvas, x + w / 2, self.top - 9.6 * mm,
                  fit_text(column.note, 7, w - 2 * mm), 7, align="centre", color=MUTED)

    def _closures(self, index: int, column: GridColumn) -> None:
        c = self.canvas
        for closure in column.closures:
            top = self.y(_minutes(closure.starts, column.day))
            bottom = self.y(_minutes(closure.ends, column.day))
            if top - bottom <= 0:
                continue
            x, w = self.x(index), self.widths[index]
            c.saveState()
            c.setFillColor(CLOSURE_FILL)
            c.rect(x, bottom, w, top - bottom, stroke=0, fill=1)
            path = c.beginPath()
            path.rect(x, bottom, w, top - bottom)
            c.clipPath(path, stroke=0, fill=0)
            c.setStrokeColor(colors.HexColor("#b3b9c0"))
            c.setLineWidth(0.4)
            step = 2.5 * mm
            offset = -(top - bottom)
            while offset < w:
                c.line(x + offset, bottom, x + offset + (top - bottom), top)
                offset += step
            c.restoreState()
            label = self.info.t(msg("Closed: {reason}", reason=clean(closure.reason)))
            box_w = min(w - 2 * mm, 3 * mm + max(10.0, float(
                c.stringWidth(label, "ClubhouseCJK", 7))))
            c.saveState()
            c.setFillColor(colors.white)
            c.rect(x + 1 * mm, top - 5 * mm, box_w, 4 * mm, stroke=0, fill=1)
            c.restoreState()
            draw_text(c, x + 2 * mm, top - 3.9 * mm, fit_text(label, 7, w - 4 * mm), 7,
                      color=INK)

    def _bookings(self, index: int, column: GridColumn) -> None:
        c = self.canvas
        for booking, lane, lanes in side_by_side(column.bookings):
            top = self.y(_minutes(booking.starts, column.day))
            bottom = self.y(_minutes(booking.ends, column.day))
            room = self.widths[index] - 1.2 * mm - (SEAT_STRIP if column.capacity else 0)
            lane_w = room / lanes
            x = self.x(index) + 0.6 * mm + lane * lane_w
            w = lane_w - 0.5 * mm
            h = top - bottom - 0.5
            no_show = booking.status == "no_show"
            c.saveState()
            c.setFillColor(CLOSED_FILL if no_show else _light(column.colour))
            c.setStrokeColor(colors.HexColor(column.colour))
            c.setLineWidth(0.6)
            c.roundRect(x, bottom + 0.25, w, h, 1.2, stroke=1, fill=1)
            c.setFillColor(colors.HexColor(column.colour))
            c.rect(x, bottom + 0.25, 0.9 * mm, h, stroke=0, fill=1)
            c.restoreState()
            self._label(booking, x + 1.6 * mm, top, w - 2.2 * mm, h)

    def _label(self, booking: BookingView, x: float, top: float, width: float,
               height: float) -> None:
        info = self.info
        size, leading = 6.8, 8.0
        time = f"{booking.starts:%H:%M}–{booking.ends:%H:%M}"
        party = info.t(msg("{n} people", n=booking.party_size))
        lines = [(f"{time} · {party}", True), (clean(booking.who), False)]
        if booking.status in ("checked_in", "no_show"):
            lines.append((info.t(status_label(booking.status)), False))
        if booking.purpose:
            lines.append((clean(booking.purpose), False))
        room = max(1, int((height - 1.5) // leading))
        if room == 1:  # a short booking: start and who on one line
            lines = [(f"{booking.starts:%H:%M} {clean(booking.who)} · {party}", True)]
        elif text_width(lines[0][0], size) > width:  # a narrow lane: one thing a line
            span = f"{booking.starts:%H:%M}–{booking.ends:%H:%M}"
            times = [(span, True)] if text_width(span, size) <= width else [
                (f"{booking.starts:%H:%M}", True), (f"–{booking.ends:%H:%M}", False)]
            lines = [*times, (clean(booking.who), False), (party, False), *lines[2:]]
        y = top - 1.2 - size
        for text, bold in lines[:room]:
            fitted = fit_text(text, size, width)
            if bold:
                draw_bold(self.canvas, x, y, fitted, size)
            else:
                draw_text(self.canvas, x, y, fitted, size, color=INK)
            y -= leading

    def _seats(self, index: int, column: GridColumn) -> None:
        """Seats taken / capacity at the busiest moment of each hour the space is open."""
        for hour in range(self.first, self.last):
            start = dt.datetime.combine(column.day, dt.time(hour))
            peak = peak_in(column.bookings, start, start + dt.timedelta(hours=1))
            if not peak:
                continue
            y = self.y(hour * 60)
            text = f"{peak}/{column.capacity}"
            full = column.capacity is not None and peak >= column.capacity
            draw_text(self.canvas, self.x(index + 1) - 1 * mm, y - 2.6 * mm, text, 6.3,
                      align="right", color=colors.HexColor("#b03030") if full else MUTED)


def _space_note(info: PrintInfo, space: SpaceView) -> str:
    if space.exclusive:
        return info.t(msg("up to {n} people", n=space.capacity))
    return info.t(msg("{n} seats", n=space.capacity))


def _hours_on(space: SpaceView, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    return [(h.opens, h.closes) for h in space.hours if h.weekday == day.weekday()]


def _closures_for(closures: Sequence[ClosureView], space_id: int,
                  day: dt.date) -> list[ClosureView]:
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    return [c for c in closures if (c.space_id is None or c.space_id == space_id)
            and c.starts < end and c.ends > start]


def _on(bookings: Sequence[BookingView], space_id: int, day: dt.date) -> list[BookingView]:
    return [b for b in bookings if b.space_id == space_id and b.starts.date() == day]


def _day_label(info: PrintInfo, day: dt.date) -> str:
    return f"{day:%Y-%m-%d} {info.t(WEEKDAYS[day.weekday()])}"


def _subtitle(canvas: Canvas, text: str, note: str = "") -> None:
    width, height = PAGE
    y = height - HEADER_BAND - 5 * mm
    draw_bold(canvas, MARGIN_X, y, text, 11)
    if note:
        draw_text(canvas, width - MARGIN_X, y, note, 8, align="right", color=MUTED)


def _pages(canvas: Canvas, info: PrintInfo, columns: Sequence[GridColumn], subtitle: str,
           note: str, *, hours: tuple[int, int] | None = None) -> None:
    """The columns, at most MAX_COLUMNS to a page, each page with the hours and headers."""
    first, last = hours or _hour_range(columns)
    if not columns:
        _subtitle(canvas, subtitle, note)
        draw_text(canvas, PAGE[0] / 2, PAGE[1] / 2, info.t(msg("No space to show.")), 12,
                  align="centre", color=MUTED)
        canvas.showPage()
        return
    for start in range(0, len(columns), MAX_COLUMNS):
        _subtitle(canvas, subtitle, note)
        _Grid(canvas, info, columns[start:start + MAX_COLUMNS], first, last).draw()
        canvas.showPage()


def _counts(info: PrintInfo, bookings: Sequence[BookingView]) -> str:
    people = sum(b.party_size for b in bookings)
    return info.t(msg("{n} bookings, {people} people", n=len(bookings), people=people))


@service(Permission.PRINT, write=False)
def print_day(tx: Tx, day: dt.date, path: Path | str, lang: str | None = None) -> int:
    """Write the day schedule of every active space (A4 landscape); returns the number of
    bookings it shows (cancelled ones are left out)."""
    info = print_info(tx, msg("Day schedule"), lang)
    spaces = list_spaces(tx)
    bookings = list_bookings(tx, day, day)
    closures = list_closures(tx, day, day)
    columns = [GridColumn(clean(s.name), _space_note(info, s), day, s.colour,
                          None if s.exclusive else s.capacity, _hours_on(s, day),
                          _on(bookings, s.id, day), _closures_for(closures, s.id, day))
               for s in spaces]
    shown = [b for c in columns for b in c.bookings]
    with pdf_canvas(path, info, pagesize=PAGE) as canvas:
        _pages(canvas, info, columns, _day_label(info, day), _counts(info, shown))
    return len(shown)


def week_of(day: dt.date) -> list[dt.date]:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(7)]


@service(Permission.PRINT, write=False)
def print_week(tx: Tx, day: dt.date, path: Path | str, space_id: int | None = None,
               lang: str | None = None) -> int:
    """Write the week (Monday to Sunday) holding ``day``: the days as columns, one page for
    ``space_id`` or a page per active space; returns the number of bookings shown."""
    info = print_info(tx, msg("Week schedule"), lang)
    days = week_of(day)
    spaces = [get_space(tx, space_id)] if space_id is not None else list_spaces(tx)
    bookings = list_bookings(tx, days[0], days[-1], [s.id for s in spaces])
    closures = list_closures(tx, days[0], days[-1])
    week = info.t(msg("Week of {first} to {last}", first=f"{days[0]:%Y-%m-%d}",
                      last=f"{days[-1]:%Y-%m-%d}"))
    shown = 0
    with pdf_canvas(path, info, pagesize=PAGE) as canvas:
        if not spaces:
            _pages(canvas, info, [], week, "")
        for space in spaces:
            columns = [GridColumn(f"{d:%m-%d} {info.t(WEEKDAYS[d.weekday()])}",
                                  _space_note(info, space), d, space.colour,
                                  None if space.exclusive else space.capacity,
                                  _hours_on(space, d), _on(bookings, space.id, d),
                                  _closures_for(closures, space.id, d)) for d in days]
            mine = [b for c in columns for b in c.bookings]
            shown += len(mine)
            _pages(canvas, info, columns, f"{clean(space.name)} · {week}", _counts(info, mine))
    return shown
