"""Painting the calendar grid: the hours, closed and closed-off stretches, the booking boxes,
the time line and the keyboard cursor, from what relayout prepared (layout.py, boxes.py).

paintEvent only draws — no service calls, no layout work — so scrolling and dragging stay
smooth with hundreds of boxes (bench/bench_calendar.py); the header and the drag outline are
drawn by the parts this class joins (header.py, overlay.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen

from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.header import GridHeader
from desktop.ui.calendar.overlay import GridOverlay
from desktop.ui.calendar.theme import (
    CLOSED,
    CLOSURE,
    CURSOR,
    HATCH,
    HOUR_LINE,
    LINE,
    MUTED,
    NOW,
    TEXT,
    qrect,
)


class GridPainting(GridOverlay, GridHeader):
    """paintEvent and the body of the grid; the header and the drag outline come from the
    parts it joins."""

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
