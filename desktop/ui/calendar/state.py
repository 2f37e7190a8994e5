"""What the calendar grid holds and what it tells the view: data, layout, cursor, signals.

The base every part of the grid builds on (painting.py, overlay.py, mouse.py, keys.py): the
columns, bookings and closures the view hands over, their layout (recomputed on a change of
data or size, never in paintEvent), the keyboard cursor and selection, the drag in progress,
and the signals through which the grid asks the view to act.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from desktop.booking.service import BookingView
from desktop.booking.spaces import ClosureView
from desktop.ui.calendar import boxes
from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.autoscroll import EdgeScroller
from desktop.ui.calendar.drag import Checker, Drag
from desktop.ui.calendar.layout import BookingBox, Column, Layout


class GridState(QWidget):
    """The grid's data, layout, cursor and signals: the base of its parts."""

    createRequested = Signal(int, object, int)  # space id, starts, minutes
    moveRequested = Signal(int, int, object, object)  # booking id, space id, starts, ends
    openRequested = Signal(int)  # booking id
    todayRequested = Signal()
    pageRequested = Signal(int)  # -1 previous, +1 next
    newRequested = Signal()
    cursorMoved = Signal(QRect)  # to keep the cursor in view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.checker: Checker | None = None
        self.columns: list[Column] = []
        self.bookings: list[BookingView] = []
        self.closures: list[ClosureView] = []
        self.now: dt.datetime | None = None
        self.layout_: Layout = lay.compute([], [], [], 1, 1)
        self.drag: Drag | None = None
        self.scroller: EdgeScroller | None = None
        self.cursor_cell: tuple[int, int] | None = None  # column, minute
        self.selected_id: int | None = None
        self._painted: list[boxes.PaintedBox] = []
        self._insides: boxes.Insides = []
        self._scroll_top = 0
        self._text_font = QFont(self.font())
        self._text_font.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        self._bold_font = QFont(self._text_font)
        self._bold_font.setBold(True)
        self._head_font = QFont(self.font())
        self._head_font.setBold(True)
        self._text_metrics = QFontMetrics(self._text_font)
        self._bold_metrics = QFontMetrics(self._bold_font)
        self._party = self.tr("%1 ppl")
        self._statics = boxes.StaticTexts(self._text_font, self._bold_font)
        self._measure = boxes.FontMeasure(self._text_metrics, self._bold_metrics)

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, columns: Sequence[Column], bookings: Sequence[BookingView],
                 closures: Sequence[ClosureView], now: dt.datetime | None) -> None:
        self.columns = list(columns)
        self.bookings = [b for b in bookings if b.status != "cancelled"]
        self.closures = list(closures)
        self.now = now
        self.end_drag()
        self.setMinimumHeight(int(lay.minimum_height(self.columns, self.bookings)))
        self.setMinimumWidth(int(lay.minimum_width(self.columns)))
        if self.cursor_cell is not None and self.cursor_cell[0] >= len(self.columns):
            self.cursor_cell = None
        self.relayout()

    def relayout(self) -> None:
        """Lay out and prepare the text of every box; paintEvent only draws."""
        self.layout_ = lay.compute(self.columns, self.bookings, self.closures,
                                   float(self.width()), float(self.height()))
        self._painted, self._insides = boxes.prepare(self.layout_, self.columns, self._measure,
                                                     self._statics, self._party)
        if self.cursor_cell is None and self.columns:
            self.cursor_cell = (0, self.layout_.first_minute)
        self.update()

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden grid does not keep scrolling for a drag nobody sees."""
        if self.scroller is not None:
            self.scroller.stop()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def sizeHint(self) -> QSize:
        return QSize(900, int(lay.minimum_height(self.columns, self.bookings)))

    def end_drag(self) -> None:
        """Forget the drag (release, Esc, new data) and stop any scrolling it started."""
        self.drag = None
        if self.scroller is not None:
            self.scroller.stop()

    def set_scroll_top(self, top: int) -> None:
        """The scroll area's offset: the header stays at the top of what is seen."""
        self._scroll_top = max(0, top)
        self.update()

    # -- queries the view and tests use --------------------------------------------------------

    def box_of(self, booking_id: int) -> BookingBox | None:
        for box in self.layout_.boxes:
            if box.booking.id == booking_id:
                return box
        return None

    def point_of(self, column: int, minute: float) -> QPoint:
        """The middle of ``column`` at ``minute`` (tests click there)."""
        x, width = self.layout_.column_x[column]
        return QPoint(int(x + width / 2), int(self.layout_.y_of(minute)))

    def selected_booking(self) -> BookingView | None:
        box = self.box_of(self.selected_id) if self.selected_id is not None else None
        return box.booking if box is not None else None

    # -- the cursor: the keyboard moves it, a double click or Enter acts on it ------------------

    def _booking_at_cursor(self) -> BookingView | None:
        if self.cursor_cell is None:
            return None
        column, minute = self.cursor_cell
        moment = lay.at_minute(self.columns[column].day, minute)
        found = [box for box in self.layout_.boxes_in(column)
                 if box.booking.starts <= moment < box.booking.ends]
        for box in found:
            if box.booking.id == self.selected_id:
                return box.booking
        return found[0].booking if found else None

    def activate_cursor(self) -> None:
        """Enter: open the booking under the cursor, or book the empty cell."""
        if self.cursor_cell is None or not self.columns:
            return
        booking = self._booking_at_cursor()
        if booking is not None:
            self.openRequested.emit(booking.id)
            return
        column, minute = self.cursor_cell
        space = self.columns[column].space
        start = lay.snap_start(space, self.columns[column].day, minute, nearest=False)
        self.createRequested.emit(space.id, lay.at_minute(self.columns[column].day, start),
                                  lay.snap_length(space, space.min_minutes,
                                                  at_least=space.min_minutes))
