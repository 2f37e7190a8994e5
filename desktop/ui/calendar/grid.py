"""The calendar grid: columns of spaces (or days) by the hours of the day, drawn with QPainter.

The widget knows nothing of the database.  The view hands it columns, bookings and closures
(``set_data``); the grid lays them out once per change (layout.py, labels.py) and turns the
person's mouse and keys into requests the view carries out through the services: create here,
move this booking there, open this booking.  While a booking is dragged the grid asks the
view's ``checker`` (which calls ``check_move``) whenever the snapped target changes, and draws
the outline green or red with the first reason.

``CalendarGrid`` is joined here from parts with one purpose each, so that none is long:
state.py (data, layout, cursor, signals), painting.py with header.py and overlay.py (drawing),
boxes.py (boxes prepared to paint), mouse.py and drag.py (pointer and drags), keys.py (the
keyboard), theme.py (colours).  Names other modules used from grid.py are re-exported.
"""

from __future__ import annotations

from desktop.ui.calendar.drag import DRAG_START, EDGE, Checker, Drag
from desktop.ui.calendar.keys import GridKeys
from desktop.ui.calendar.mouse import GridMouse
from desktop.ui.calendar.painting import GridPainting
from desktop.ui.calendar.theme import fit, qrect, tint

__all__ = ["DRAG_START", "EDGE", "CalendarGrid", "Checker", "Drag", "fit", "qrect", "tint"]


class CalendarGrid(GridMouse, GridKeys, GridPainting):
    """The grid widget the Calendar view shows (objectName ``calendarGrid``)."""
