"""A drag on the calendar grid: its state, and where the dragged booking (or new one) lands.

Creating, moving and resizing are one gesture with three outcomes; what the gesture holds
(what was pressed, the snapped target, the live check's verdict) and the arithmetic from a
pointer position to a snapped target live here, apart from the mouse events that feed them
(mouse.py) and the outline that shows them (overlay.py).  No widget: tests and the autoscroll
can reason about a drag without one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF

from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.layout import BookingBox, Column, Layout

# (ok, reason): what the view's check_move said about a target
Checker = Callable[[int, int, dt.datetime, dt.datetime], tuple[bool, str]]
Target = tuple[int, int, int]  # column, start minute, end minute

EDGE = 6.0  # pixels at a booking's bottom that resize instead of move
DRAG_START = 4  # pixels the mouse must travel before a press becomes a drag


@dataclass
class Drag:
    kind: str  # "create", "move" or "resize"
    column: int
    press: QPointF
    press_minute: float
    box: BookingBox | None = None
    moved: bool = False
    target: Target | None = None
    ok: bool | None = None
    reason: str = ""


def target_of(drag: Drag, pos: QPointF, g: Layout, columns: Sequence[Column]) -> Target | None:
    """The snapped target under ``pos`` (grid coordinates): the cells a new booking spans, the
    moved booking's column and times, or the resized booking's new end."""
    minute = g.minute_at(pos.y())
    if drag.kind == "create":
        column = columns[drag.column]
        low, high = sorted((drag.press_minute, minute))
        start = lay.snap_start(column.space, column.day, low, nearest=False)
        end = lay.snap_start(column.space, column.day, high, nearest=True)
        length = lay.snap_length(column.space, end - start, at_least=column.space.min_minutes)
        return drag.column, start, start + length
    box = drag.box
    assert box is not None
    booking = box.booking
    own_day = columns[box.column].day
    start0 = lay.minute_of(booking.starts, own_day)
    length = lay.minute_of(booking.ends, own_day) - start0
    if drag.kind == "resize":
        space = columns[box.column].space
        new_length = lay.snap_length(space, minute - start0)
        return box.column, start0, start0 + new_length
    index = g.nearest_column(pos.x())
    if index is None:
        return None
    target = columns[index]
    raw = start0 + (minute - drag.press_minute)
    start = lay.snap_start(target.space, target.day, raw, nearest=True)
    return index, start, start + length
