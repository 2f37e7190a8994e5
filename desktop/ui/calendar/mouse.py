"""The mouse on the calendar grid: press, drag (create, move, resize), release, double click,
and the hover tooltip that tells what a narrow box cannot show.

A press picks what is dragged (a booking's bottom edge resizes it); moves snap a target
(drag.py) and ask the view's ``checker`` whenever it changes; the release asks the view to
create or move.  In a scroll area (``enable_autoscroll``) a drag held at the edge scrolls it
(autoscroll.py) and the drag follows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip

from desktop.booking.service import BookingView
from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.autoscroll import EdgeScroller
from desktop.ui.calendar.drag import DRAG_START, EDGE, Drag, Target, target_of
from desktop.ui.calendar.state import GridState


class GridMouse(GridState):
    """Mouse events, drags and the tooltip of the grid."""

    def enable_autoscroll(self, area: QAbstractScrollArea) -> None:
        """Scroll ``area`` (which holds this grid) while a drag is held at its edges."""
        self.scroller = EdgeScroller(area, self._autoscrolled, lambda: self.layout_.top, self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tip_at(self, pos: QPointF) -> str:
        """What a hover shows: the whole booking (narrow boxes cut their text), a closure's
        reason, or the column's space and day."""
        if self.drag is not None or not self._in_grid(pos):
            return ""
        g = self.layout_
        box = g.box_at(pos.x(), pos.y())
        if box is not None:
            b = box.booking
            lines = [b.who, f"{b.space_name} · {b.starts:%m-%d %H:%M}–{b.ends:%H:%M}",
                     self.tr("%1 ppl").replace("%1", str(b.party_size))]
            if b.purpose:
                lines.append(b.purpose)
            return "\n".join(lines)
        for shade in g.closures:
            if shade.rect.contains(pos.x(), pos.y()):
                return self.tr("Closed: %1").replace("%1", shade.reason)
        index = g.column_at(pos.x())
        if index is None:
            return ""
        column = self.columns[index]
        return f"{column.space.name} · {column.day:%m-%d}"

    def _in_grid(self, pos: QPointF) -> bool:
        return pos.y() >= self._scroll_top + self.layout_.top and pos.x() >= lay.GUTTER

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton or not self._in_grid(event.position()):
            super().mousePressEvent(event)
            return
        pos = event.position()
        g = self.layout_
        minute = g.minute_at(pos.y())
        box = g.box_at(pos.x(), pos.y())
        if box is not None:
            self.selected_id = box.booking.id
            column = box.column
            kind = "resize" if pos.y() >= box.rect.bottom - EDGE else "move"
            self.cursor_cell = (column, lay.minute_of(box.booking.starts,
                                                      self.columns[column].day))
            self.drag = Drag(kind, column, pos, minute, box)
        else:
            column_at = g.column_at(pos.x())
            if column_at is None:
                return
            self.selected_id = None
            space = self.columns[column_at].space
            day = self.columns[column_at].day
            self.cursor_cell = (column_at, lay.snap_start(space, day, minute, nearest=False))
            self.drag = Drag("create", column_at, pos, minute)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self.drag
        if drag is None:
            box = self.layout_.box_at(pos.x(), pos.y()) if self._in_grid(pos) else None
            edge = box is not None and pos.y() >= box.rect.bottom - EDGE
            self.setCursor(Qt.CursorShape.SizeVerCursor if edge else
                           Qt.CursorShape.OpenHandCursor if box else Qt.CursorShape.ArrowCursor)
            return
        if not drag.moved and (pos - drag.press).manhattanLength() < DRAG_START:
            return
        drag.moved = True
        self._drag_to(drag, pos)
        if self.scroller is not None:
            self.scroller.follow(self.mapTo(self.scroller.area.viewport(), pos))

    def _autoscrolled(self, viewport_point: QPointF) -> None:
        """The scroller moved the grid under a still pointer: drag to where it is now."""
        scroller = self.scroller
        if scroller is None:
            return
        if self.drag is None:
            scroller.stop()
            return
        self._drag_to(self.drag, self.mapFrom(scroller.area.viewport(), viewport_point))

    def _drag_to(self, drag: Drag, pos: QPointF) -> None:
        """The snapped target under ``pos`` (grid coordinates), checked when it changes."""
        target = target_of(drag, pos, self.layout_, self.columns)
        if target is None or target == drag.target:
            return
        drag.target = target
        drag.ok, drag.reason = None, ""
        if drag.kind != "create" and drag.box is not None:
            # The reason is painted under the outline (a tooltip would hide behind the mouse).
            drag.ok, drag.reason = self._check(drag.box.booking, target)
        self.update()

    def _check(self, booking: BookingView, target: Target) -> tuple[bool, str]:
        if self.checker is None:
            return True, ""
        column, start, end = target
        day = self.columns[column].day
        return self.checker(booking.id, self.columns[column].space.id,
                            lay.at_minute(day, start), lay.at_minute(day, end))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag = self.drag
        self.end_drag()
        self.update()
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if not drag.moved or drag.target is None:
            return
        column, start, end = drag.target
        space = self.columns[column].space
        day = self.columns[column].day
        if drag.kind == "create":
            self.cursor_cell = (column, start)
            self.createRequested.emit(space.id, lay.at_minute(day, start), end - start)
            return
        assert drag.box is not None
        booking = drag.box.booking
        starts, ends = lay.at_minute(day, start), lay.at_minute(day, end)
        if (starts, ends, space.id) == (booking.starts, booking.ends, booking.space_id):
            return
        self.moveRequested.emit(booking.id, space.id, starts, ends)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton or not self._in_grid(pos):
            return
        self.end_drag()
        box = self.layout_.box_at(pos.x(), pos.y())
        if box is not None:
            self.openRequested.emit(box.booking.id)
        else:
            self.activate_cursor()
