"""The calendar grid's header: day groups, space (or day) titles, colours and seat peaks.

It stays at the top of what the scroll area shows (painted at the scroll offset, over the
body), so the desk always sees which column is which; apart from the body's painting because
it answers a different question (what the columns are, not what is in them).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.layout import Layout
from desktop.ui.calendar.state import GridState
from desktop.ui.calendar.theme import (
    BAD_OUTLINE,
    HEADER_FILL,
    HOUR_LINE,
    LINE,
    MUTED,
    TEXT,
    TODAY_FILL,
    fit,
)


class GridHeader(GridState):
    """The header, painted where the scroll area's top is."""

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
                    painter.fillRect(QRectF(x, top, width, lay.GROUP_HEADER), TODAY_FILL)
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
                                 TODAY_FILL)
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
