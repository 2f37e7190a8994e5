"""The calendar grid: columns of spaces (or days) by the hours of the day, drawn with QPainter.

The widget knows nothing of the database.  The view hands it columns, bookings and closures
(``set_data``); the grid lays them out once per change (layout.py) and turns the person's
mouse and keys into requests the view carries out through the services: create here, move
this booking there, open this booking.  While a booking is dragged the grid asks the view's
``checker`` (which calls ``check_move``) whenever the snapped target changes, and draws the
outline green or red with the first reason.

Keyboard: arrows move the cursor (left/right across columns, up/down by the space's slot),
Enter opens the booking under the cursor or books the empty cell, T today, PageUp/PageDown the
previous/next day or week, Ctrl+N a new booking at the cursor.

In a scroll area (``enable_autoscroll``), a drag held at the edge of the visible part scrolls
it (autoscroll.py) and the drag follows, so a booking can go from morning to evening at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from desktop.booking.service import BookingView
from desktop.booking.spaces import ClosureView
from desktop.ui.calendar import labels
from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.autoscroll import EdgeScroller
from desktop.ui.calendar.layout import BookingBox, Column, Layout

# (ok, reason): what the view's check_move said about a target
Checker = Callable[[int, int, dt.datetime, dt.datetime], tuple[bool, str]]

EDGE = 6.0  # pixels at a booking's bottom that resize instead of move
DRAG_START = 4  # pixels the mouse must travel before a press becomes a drag
LINE = QColor("#dde2df")
HOUR_LINE = QColor("#c9d0cc")
TEXT = QColor("#26302d")
MUTED = QColor("#66736f")
CLOSED = QColor("#eef0ef")
CLOSURE = QColor("#dfe3e6")
HATCH = QColor("#a9b2b8")
NOW = QColor("#d2452f")
OK_OUTLINE = QColor("#2f9e55")
BAD_OUTLINE = QColor("#d2452f")
CURSOR = QColor("#1f5fbf")
HEADER_FILL = QColor("#f6f7f6")


def tint(colour: QColor, amount: float) -> QColor:
    """``colour`` mixed with white (amount 1 is white)."""
    return QColor(int(colour.red() + (255 - colour.red()) * amount),
                  int(colour.green() + (255 - colour.green()) * amount),
                  int(colour.blue() + (255 - colour.blue()) * amount))


def qrect(rect: lay.Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def fit(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` elided to ``width``; in a very narrow column, as many first letters as fit
    (a space's first character with its colour says which it is; the legend says the rest)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    if width >= 48:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    shown = text[:1]
    for end in range(2, len(text) + 1):
        if metrics.horizontalAdvance(text[:end]) > width:
            break
        shown = text[:end]
    return shown.strip()


class FontMeasure:
    """labels.Measure in the grid's two fonts; elisions are cached (a relayout asks the same
    texts at the same widths again and again)."""

    def __init__(self, text: QFontMetrics, bold: QFontMetrics) -> None:
        self._metrics = (text, bold)
        self._elisions: dict[tuple[bool, str, int], str] = {}

    @property
    def line(self) -> float:
        return float(self._metrics[0].height())

    def width(self, text: str, bold: bool) -> float:
        return float(self._metrics[1 if bold else 0].horizontalAdvance(text))

    def elide(self, text: str, width: int, bold: bool) -> str:
        key = (bold, text, width)
        found = self._elisions.get(key)
        if found is None:
            if len(self._elisions) > 20_000:
                self._elisions.clear()
            metrics = self._metrics[1 if bold else 0]
            found = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elisions[key] = found
        return found


@dataclass
class Drag:
    kind: str  # "create", "move" or "resize"
    column: int
    press: QPointF
    press_minute: float
    box: BookingBox | None = None
    moved: bool = False
    target: tuple[int, int, int] | None = None  # column, start minute, end minute
    ok: bool | None = None
    reason: str = ""


@dataclass(frozen=True)
class _Painted:
    """A booking box ready to paint: computed when the data or the size change."""

    rect: QRectF
    inside: QRectF
    fill_brush: QBrush
    edge_brush: QBrush
    lines: tuple[tuple[QPointF, QStaticText, bool], ...]  # where, what, bold
    booking_id: int

    @property
    def texts(self) -> list[str]:
        return [static.text() for _at, static, _bold in self.lines]


class CalendarGrid(QWidget):
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
        self._painted: list[_Painted] = []
        self._insides: list[tuple[QBrush, list[QRectF]]] = []  # the boxes' insides by colour
        self._scroll_top = 0
        self._text_font = QFont(self.font())
        self._text_font.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        self._bold_font = QFont(self._text_font)
        self._bold_font.setBold(True)
        self._head_font = QFont(self.font())
        self._head_font.setBold(True)
        self._text_metrics = QFontMetrics(self._text_font)
        self._bold_metrics = QFontMetrics(self._bold_font)
        self._line_height = self._text_metrics.height()
        self._party = self.tr("%1 ppl")
        self._statics: dict[tuple[bool, str], QStaticText] = {}
        self._measure = FontMeasure(self._text_metrics, self._bold_metrics)

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
        painted = []
        colours: dict[tuple[str, str], tuple[QBrush, QBrush]] = {}
        for box in self.layout_.boxes:
            key = (self.columns[box.column].space.colour, box.booking.status)
            if key not in colours:
                edge = QColor(key[0])
                colours[key] = (QBrush(tint(edge, 0.72 if key[1] == "confirmed" else 0.5)),
                                QBrush(edge))
            fill, edge_brush = colours[key]
            rect = QRectF(box.rect.x, box.rect.y, box.rect.w, box.rect.h)
            inside = rect.adjusted(labels.stripe(rect.width()), 1, -1, -1)
            lines = tuple((QPointF(rect.x() + text.x, rect.y() + text.y),
                           self._static(text.text, text.bold), text.bold)
                          for text in labels.box_labels(box.booking, rect.width(),
                                                        rect.height(), self._measure,
                                                        self._party))
            painted.append(_Painted(rect, inside, fill, edge_brush, lines, box.booking.id))
        self._painted = painted
        by_fill: dict[int, tuple[QBrush, list[QRectF]]] = {}
        for item in painted:
            by_fill.setdefault(id(item.fill_brush), (item.fill_brush, []))[1].append(item.inside)
        self._insides = list(by_fill.values())
        if self.cursor_cell is None and self.columns:
            self.cursor_cell = (0, self.layout_.first_minute)
        self.update()

    def _static(self, text: str, bold: bool) -> QStaticText:
        """The text prepared once for its font (drawn many times, laid out once)."""
        key = (bold, text)
        found = self._statics.get(key)
        if found is None:
            if len(self._statics) > 20_000:
                self._statics.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), self._bold_font if bold else self._text_font)
            self._statics[key] = found
        return found

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

    def enable_autoscroll(self, area: QAbstractScrollArea) -> None:
        """Scroll ``area`` (which holds this grid) while a drag is held at its edges."""
        self.scroller = EdgeScroller(area, self._autoscrolled, lambda: self.layout_.top, self)

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

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint(painter, event.rect())
        painter.end()

    def paint(self, painter: QPainter, clip: QRect | None = None) -> None:
        """Draw everything from the prepared layout (no service calls, no layout work)."""
        g = self.layout_
        painter.fillRect(clip or self.rect(), QColor("#ffffff"))
        self._paint_background(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_boxes(painter)
        self._paint_now(painter)
        self._paint_drag(painter)
        self._paint_cursor(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint_header(painter, g)

    def _paint_background(self, painter: QPainter) -> None:
        g = self.layout_
        for shade in g.closed:
            painter.fillRect(qrect(shade.rect), CLOSED)
        hatch = QBrush(HATCH, Qt.BrushStyle.BDiagPattern)
        for shade in g.closures:
            painter.fillRect(qrect(shade.rect), CLOSURE)
            painter.fillRect(qrect(shade.rect), hatch)
        painter.setPen(QPen(LINE, 1))
        right = g.width
        for hour in range(g.first_minute, g.last_minute + 1, 30):
            y = int(g.y_of(hour))
            painter.setPen(QPen(HOUR_LINE if hour % 60 == 0 else LINE, 1))
            painter.drawLine(int(lay.GUTTER) - (6 if hour % 60 == 0 else 0), y, int(right), y)
        painter.setFont(self._text_font)
        painter.setPen(MUTED)
        line = painter.fontMetrics().height()
        for hour in range(g.first_minute, g.last_minute, 60):
            at = g.y_of(hour)
            top = at + 1 if hour == g.first_minute else at - line / 2
            painter.drawText(QRectF(0, top, lay.GUTTER - 10, line),
                             Qt.AlignmentFlag.AlignRight, f"{hour // 60:02d}:00")
        for index, (x, _w) in enumerate(g.column_x):
            strong = index > 0 and self.columns[index].group != self.columns[index - 1].group
            painter.setPen(QPen(HOUR_LINE if strong else LINE, 2 if strong else 1))
            painter.drawLine(int(x), int(g.top), int(x), int(g.height))
        for shade in g.closures:
            r = shade.rect
            if shade.reason and r.w > 30 and r.h > line:
                box = QRectF(r.x + 4, r.y + 3, r.w - 8, min(r.h - 4, line * 3))
                painter.fillRect(QRectF(box.x() - 2, box.y() - 1, min(
                    box.width() + 4, painter.fontMetrics().horizontalAdvance(shade.reason) + 8),
                    min(box.height(), line + 2)), QColor(255, 255, 255, 200))
                painter.setPen(TEXT)
                painter.drawText(box, Qt.TextFlag.TextWordWrap, shade.reason)

    def _paint_boxes(self, painter: QPainter) -> None:
        """Boxes, then the text by font: few state changes for many boxes.  A box is its
        space's colour with rounded corners (no stroked outline: stroking is what costs) and
        a lighter inside, which leaves a 1-pixel border and a stripe at the left."""
        painter.setPen(Qt.PenStyle.NoPen)
        edge: QBrush | None = None
        for item in self._painted:
            if item.edge_brush is not edge:
                edge = item.edge_brush
                painter.setBrush(edge)
            painter.drawRoundedRect(item.rect, 4, 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for brush, insides in self._insides:
            painter.setBrush(brush)
            painter.drawRects(insides)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(TEXT)
        for bold in (True, False):
            painter.setFont(self._bold_font if bold else self._text_font)
            for item in self._painted:
                for at, static, is_bold in item.lines:
                    if is_bold is bold:
                        painter.drawStaticText(at, static)
        selected = next((i for i in self._painted if i.booking_id == self.selected_id), None)
        if selected is not None:
            painter.setPen(QPen(CURSOR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(selected.rect.adjusted(-1, -1, 1, 1), 5, 5)

    def _paint_now(self, painter: QPainter) -> None:
        g = self.layout_
        if self.now is None:
            return
        today = self.now.date()
        minute = lay.minute_of(self.now, today)
        if not g.first_minute <= minute <= g.last_minute:
            return
        y = g.y_of(minute)
        painter.setPen(QPen(NOW, 2))
        for index, column in enumerate(self.columns):
            if column.day == today:
                x, width = g.column_x[index]
                painter.drawLine(QPointF(x, y), QPointF(x + width, y))
                painter.setBrush(NOW)
                if index == 0 or self.columns[index - 1].day != today:
                    painter.drawEllipse(QPointF(x, y), 4, 4)

    def _paint_drag(self, painter: QPainter) -> None:
        drag = self.drag
        if drag is None or drag.target is None or not drag.moved:
            return
        _column, start, end = drag.target
        rect = self._outline(drag.target)
        colour = BAD_OUTLINE if drag.ok is False else OK_OUTLINE if drag.ok else CURSOR
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setFont(self._bold_font)
        painter.setPen(colour.darker(130))
        label = f"{start // 60:02d}:{start % 60:02d}–{end // 60:02d}:{end % 60:02d}"
        metrics = self._bold_metrics
        painter.fillRect(QRectF(rect.x() + 4, rect.y() + 2, metrics.horizontalAdvance(label) + 6,
                                metrics.height()), QColor(255, 255, 255, 220))
        painter.drawText(rect.adjusted(6, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, label)
        if drag.reason and drag.ok is False:
            painter.setFont(self._text_font)
            note = self._note_rect(rect, drag.reason, painter.fontMetrics())
            painter.setPen(QPen(BAD_OUTLINE, 1))
            painter.setBrush(QColor("#fff4f2"))
            painter.drawRoundedRect(note, 4, 4)
            painter.setPen(TEXT)
            painter.drawText(note.adjusted(8, 4, -8, -4), Qt.TextFlag.TextWordWrap, drag.reason)

    def _outline(self, target: tuple[int, int, int]) -> QRectF:
        column, start, end = target
        r = self.layout_.rect_of(column, start, end)
        return QRectF(r.x + 2, r.y + 1, r.w - 4, r.h - 2)

    def _note_rect(self, outline: QRectF, reason: str, metrics: QFontMetrics) -> QRectF:
        """The box of the red reason: under the outline, as wide as the text needs."""
        width = min(360, metrics.horizontalAdvance(reason) + 16)
        left = min(outline.x(), self.layout_.width - width - 4)
        note = QRectF(left, outline.bottom() + 4, width, metrics.height() * 3 + 8)
        bound = metrics.boundingRect(note.adjusted(8, 4, -8, -4).toRect(),
                                     int(Qt.TextFlag.TextWordWrap), reason)
        note.setHeight(bound.height() + 10)
        return self._note_in_sight(note, outline)

    def _note_in_sight(self, note: QRectF, outline: QRectF) -> QRectF:
        """The reason goes under the outline, unless that is below what the scroll area shows
        (a drag held at the bottom edge): then above it, or at the bottom of what is seen."""
        seen = QRectF(self.visibleRegion().boundingRect())
        if seen.isEmpty() or note.bottom() <= seen.bottom():
            return note
        moved = QRectF(note)
        if outline.top() - 4 - note.height() >= seen.top() + self.layout_.top:
            moved.moveBottom(outline.top() - 4)
        else:
            moved.moveBottom(seen.bottom() - 4)
        return moved

    def reason_note(self) -> QRectF | None:
        """Where the red reason of the dragged target is painted (tests look), or None."""
        drag = self.drag
        if (drag is None or drag.target is None or not drag.moved or drag.ok is not False
                or not drag.reason):
            return None
        return self._note_rect(self._outline(drag.target), drag.reason, self._text_metrics)

    def _paint_cursor(self, painter: QPainter) -> None:
        if self.cursor_cell is None or not self.hasFocus() or not self.columns:
            return
        column, minute = self.cursor_cell
        if self._booking_at_cursor() is not None:
            return  # the selected booking's own outline shows where the cursor is
        slot = self.columns[column].space.slot_minutes
        r = self.layout_.rect_of(column, minute, minute + slot)
        painter.setPen(QPen(CURSOR, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(r.x + 1, r.y + 1, r.w - 2, r.h - 2))

    def _paint_header(self, painter: QPainter, g: Layout) -> None:
        top = float(self._scroll_top)
        painter.fillRect(QRectF(0, top, g.width, g.top), HEADER_FILL)
        painter.setPen(QPen(HOUR_LINE, 1))
        painter.drawLine(QPointF(0, top + g.top - 0.5), QPointF(g.width, top + g.top - 0.5))
        offset = top
        today = self.now.date() if self.now is not None else None
        head = QFontMetrics(self._head_font)
        small = QFontMetrics(self._text_font)
        if g.groups:
            painter.setFont(self._head_font)
            for title, x, width in g.groups:
                first = g.column_at(x + 1)
                if first is not None and self.columns[first].day == today:
                    painter.fillRect(QRectF(x, top, width, lay.GROUP_HEADER), QColor("#eaf2ec"))
                painter.setPen(TEXT)
                painter.drawText(QRectF(x + 4, top + 2, width - 8, lay.GROUP_HEADER),
                                 Qt.AlignmentFlag.AlignCenter,
                                 head.elidedText(title, Qt.TextElideMode.ElideRight,
                                                 int(width) - 8))
                painter.setPen(QPen(HOUR_LINE, 2))
                painter.drawLine(QPointF(x, top), QPointF(x, top + g.top))
            offset += lay.GROUP_HEADER
        for index, column in enumerate(self.columns):
            x, width = g.column_x[index]
            colour = QColor(column.space.colour)
            if column.day == today:
                painter.fillRect(QRectF(x, offset, width, g.top - (offset - top)),
                                 QColor("#eaf2ec"))
            painter.fillRect(QRectF(x + 1, offset + 2, width - 2, 4), colour)
            painter.setFont(self._head_font)
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + 1, offset + 8, width - 2, head.height()),
                             Qt.AlignmentFlag.AlignHCenter,
                             fit(head, column.title, int(width) - 4))
            painter.setFont(self._text_font)
            peak = g.peaks.get(index)
            if peak is not None:
                capacity = column.space.capacity
                text = self.tr("%1/%2 seats at peak").replace("%1", str(peak)).replace(
                    "%2", str(capacity))
                if small.horizontalAdvance(text) > width - 4:
                    text = f"{peak}/{capacity}"
                if small.horizontalAdvance(text) > width - 4:
                    text = str(peak)
                painter.setPen(BAD_OUTLINE if peak >= capacity else MUTED)
                painter.drawText(QRectF(x + 2, offset + 9 + head.height(), width - 4,
                                        small.height()), Qt.AlignmentFlag.AlignHCenter,
                                 small.elidedText(text, Qt.TextElideMode.ElideRight,
                                                  int(width) - 4))
            if index > 0:
                painter.setPen(QPen(LINE, 1))
                painter.drawLine(QPointF(x, offset), QPointF(x, top + g.top))

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

    # -- the mouse ------------------------------------------------------------------------------

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
        target = self._target(drag, pos)
        if target is None or target == drag.target:
            return
        drag.target = target
        drag.ok, drag.reason = None, ""
        if drag.kind != "create" and drag.box is not None:
            # The reason is painted under the outline (a tooltip would hide behind the mouse).
            drag.ok, drag.reason = self._check(drag.box.booking, target)
        self.update()

    def _target(self, drag: Drag, pos: QPointF) -> tuple[int, int, int] | None:
        g = self.layout_
        minute = g.minute_at(pos.y())
        if drag.kind == "create":
            column = self.columns[drag.column]
            low, high = sorted((drag.press_minute, minute))
            start = lay.snap_start(column.space, column.day, low, nearest=False)
            end = lay.snap_start(column.space, column.day, high, nearest=True)
            length = lay.snap_length(column.space, end - start,
                                     at_least=column.space.min_minutes)
            return drag.column, start, start + length
        box = drag.box
        assert box is not None
        booking = box.booking
        own_day = self.columns[box.column].day
        start0 = lay.minute_of(booking.starts, own_day)
        length = lay.minute_of(booking.ends, own_day) - start0
        if drag.kind == "resize":
            space = self.columns[box.column].space
            new_length = lay.snap_length(space, minute - start0)
            return box.column, start0, start0 + new_length
        index = g.nearest_column(pos.x())
        if index is None:
            return None
        target = self.columns[index]
        raw = start0 + (minute - drag.press_minute)
        start = lay.snap_start(target.space, target.day, raw, nearest=True)
        return index, start, start + length

    def _check(self, booking: BookingView, target: tuple[int, int, int]) -> tuple[bool, str]:
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

    # -- the keyboard ---------------------------------------------------------------------------

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
