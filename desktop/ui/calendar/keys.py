"""The keyboard on the calendar grid: everything the mouse does, reachable without it.

Arrows move the cursor (left/right across columns, up/down by the space's slot, stepping past
a booking), Enter opens the booking under the cursor or books the empty cell, T today,
PageUp/PageDown the previous/next day or week, Ctrl+N a new booking at the cursor, Esc drops
a drag (the booking stays where it was).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeyEvent

from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.state import GridState


class GridKeys(GridState):
    """Key presses and the cursor they move."""

    def move_cursor(self, columns: int, slots: int) -> None:
        if not self.columns:
            return
        g = self.layout_
        column, minute = self.cursor_cell or (0, g.first_minute)
        column = max(0, min(len(self.columns) - 1, column + columns))
        target = self.columns[column]
        slot = target.space.slot_minutes
        current = self._booking_at_cursor() if columns == 0 else None
        if slots > 0 and current is not None:
            minute = lay.minute_of(current.ends, target.day)  # step past the booking
        else:
            minute = minute + slots * slot
        minute = lay.snap_start(target.space, target.day, minute, nearest=slots <= 0)
        minute = max(g.first_minute, min(g.last_minute - slot, minute))
        self.cursor_cell = (column, minute)
        booking = self._booking_at_cursor()
        self.selected_id = booking.id if booking is not None else None
        r = g.rect_of(column, minute, minute + slot)
        self.cursorMoved.emit(QRect(int(r.x), int(r.y), int(r.w), int(r.h)))
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in moves and not ctrl:
            self.move_cursor(*moves[Qt.Key(key)])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_cursor()
        elif key == Qt.Key.Key_T and not ctrl:
            self.todayRequested.emit()
        elif key == Qt.Key.Key_PageUp:
            self.pageRequested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.pageRequested.emit(1)
        elif key == Qt.Key.Key_N and ctrl:
            self.newRequested.emit()
        elif key == Qt.Key.Key_Escape and self.drag is not None:
            self.end_drag()  # the booking stays where it was; the outline goes
            self.update()
        else:
            super().keyPressEvent(event)
