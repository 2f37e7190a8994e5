"""Calendar benchmarks (issue 4): the day grid with 300 bookings over 20 spaces.

- painting the grid into a 1280×800 QImage (target: under 16 ms, one frame at 60 Hz); the
  layout is computed beforehand, as the widget does on a data change, so this is what a
  repaint costs while the desk scrolls or drags;
- computing the layout itself (columns, lanes, seat peaks, closed hours, the text of each box),
  which happens when the data or the size change.

The bookings are made in memory (BookingView values, as ``list_bookings`` returns them) on
the benchmark's spaces (bench_booking.py's fill), so the timing is the drawing and not the
database.  Run alone: ``python -m bench.run --only calendar``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os

from bench.framework import Operation, World, benchmark
from desktop.booking.rules import OpeningRange, SpaceView
from desktop.booking.service import BookingView

WIDTH, HEIGHT = 1280, 800
SPACES = 20
BOOKINGS = 300
DAY = dt.date(2026, 11, 27)
NAMES = ["张建华", "李秀英", "王伟", "Olivia Chen", "陈晓梅", "Mr Brown (苏伟桂)", "赵敏", "孙丽"]


def _spaces() -> list[SpaceView]:
    hours = tuple(OpeningRange(d, dt.time(6), dt.time(22)) for d in range(7))
    colours = ["#6E9E5A", "#3F7F4F", "#3A7FB5", "#A8743A", "#6C5FA8", "#8E6CB8", "#C9772F",
               "#B8475E"]
    return [SpaceView(i + 1, f"空间 {i + 1:02d}", "meeting_room", colours[i % len(colours)],
                      12 if i < 6 else 8, i >= 6, 30, 30, 240, 0, 60, True, i, hours)
            for i in range(SPACES)]


def _bookings(spaces: list[SpaceView]) -> list[BookingView]:
    """300 bookings: 15 a space; exclusive spaces one after another, seat-based ones
    overlapping in up to three lanes."""
    made: list[BookingView] = []
    counter = itertools.count(1)
    for space in spaces:
        for n in range(BOOKINGS // SPACES):
            if space.exclusive:
                start = dt.datetime.combine(DAY, dt.time(6)) + dt.timedelta(minutes=60 * n)
                length = 60
            else:
                start = dt.datetime.combine(DAY, dt.time(6)) + dt.timedelta(minutes=50 * n)
                length = 120
            booking_id = next(counter)
            made.append(BookingView(
                booking_id, space.id, space.name, space.kind, space.exclusive, booking_id,
                NAMES[booking_id % len(NAMES)], f"M{booking_id:04d}", "139 1234 5678", None,
                start, start + dt.timedelta(minutes=length), 1 + booking_id % 4, "品茶",
                "confirmed", None, None, None, None, None, "bench"))
    return made


def _grid() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.bootstrap import ensure_application
    from desktop.ui.calendar.grid import CalendarGrid
    from desktop.ui.calendar.layout import Column

    ensure_application()
    spaces = _spaces()
    grid = CalendarGrid()
    grid.resize(WIDTH, HEIGHT)
    grid.set_data([Column(DAY, s, s.name) for s in spaces], _bookings(spaces), [],
                  dt.datetime.combine(DAY, dt.time(11, 30)))
    grid.resize(WIDTH, HEIGHT)  # set_data may have raised the minimum size
    grid.relayout()
    assert len(grid.layout_.boxes) == BOOKINGS
    return grid


@benchmark("calendar: paint the day grid (300 bookings, 20 spaces)", target_ms=16, repeats=30)
def paint_day(_world: World) -> Operation:
    from PySide6.QtGui import QImage, QPainter

    from desktop.ui.calendar.grid import CalendarGrid

    grid = _grid()
    assert isinstance(grid, CalendarGrid)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)

    def run() -> object:
        painter = QPainter(image)
        grid.paint(painter)
        painter.end()
        return image

    return run


@benchmark("calendar:   lay out the day grid (300 bookings)", target_ms=16, repeats=30)
def layout_day(_world: World) -> Operation:
    from desktop.ui.calendar.grid import CalendarGrid

    grid = _grid()
    assert isinstance(grid, CalendarGrid)
    return grid.relayout
