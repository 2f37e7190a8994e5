"""The outline of a drag on the calendar grid and the red reason a refused target gets.

While a booking is dragged the outline shows where it would land, green or red by the live
check, with the first reason under it (a tooltip would hide behind the pointer) — kept in
sight when the drag is held at the bottom edge and the view scrolls (autoscroll.py).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from desktop.ui.calendar.drag import Target
from desktop.ui.calendar.state import GridState
from desktop.ui.calendar.theme import BAD_OUTLINE, CURSOR, OK_OUTLINE, TEXT


class GridOverlay(GridState):
    """The drag outline and its reason note."""

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

    def _outline(self, target: Target) -> QRectF:
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
