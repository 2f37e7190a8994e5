"""Booking boxes made ready to paint: brushes, insides and prepared text, once per layout.

A week of all spaces holds hundreds of boxes and a repaint happens on every mouse move of a
drag, so everything about a box that does not change between paints (its colours, the text
that fits it — chosen by labels.py — laid out as QStaticText) is built here when the data or
the size change, and paintEvent only draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QStaticText, QTransform

from desktop.ui.calendar import labels
from desktop.ui.calendar.layout import Column, Layout
from desktop.ui.calendar.theme import tint

CACHE_LIMIT = 20_000  # prepared texts and elisions kept before starting afresh


class FontMeasure:
    """labels.Measure in the grid's two fonts; elisions are cached (a relayout asks for the
    same texts at the same widths again and again)."""

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
            if len(self._elisions) > CACHE_LIMIT:
                self._elisions.clear()
            metrics = self._metrics[1 if bold else 0]
            found = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elisions[key] = found
        return found


class StaticTexts:
    """Each text prepared once for its font (drawn many times, laid out once)."""

    def __init__(self, text_font: QFont, bold_font: QFont) -> None:
        self._fonts = (text_font, bold_font)
        self._statics: dict[tuple[bool, str], QStaticText] = {}

    def get(self, text: str, bold: bool) -> QStaticText:
        key = (bold, text)
        found = self._statics.get(key)
        if found is None:
            if len(self._statics) > CACHE_LIMIT:
                self._statics.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), self._fonts[1 if bold else 0])
            self._statics[key] = found
        return found


@dataclass(frozen=True)
class PaintedBox:
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


Insides = list[tuple[QBrush, list[QRectF]]]  # the boxes' insides grouped by their fill


def prepare(layout: Layout, columns: Sequence[Column], measure: labels.Measure,
            statics: StaticTexts, party: str) -> tuple[list[PaintedBox], Insides]:
    """Every box of ``layout`` ready to paint, and their insides by fill (one brush change
    per colour when painting)."""
    painted = []
    colours: dict[tuple[str, str], tuple[QBrush, QBrush]] = {}
    for box in layout.boxes:
        key = (columns[box.column].space.colour, box.booking.status)
        if key not in colours:
            edge = QColor(key[0])
            colours[key] = (QBrush(tint(edge, 0.72 if key[1] == "confirmed" else 0.5)),
                            QBrush(edge))
        fill, edge_brush = colours[key]
        rect = QRectF(box.rect.x, box.rect.y, box.rect.w, box.rect.h)
        inside = rect.adjusted(labels.stripe(rect.width()), 1, -1, -1)
        lines = tuple((QPointF(rect.x() + text.x, rect.y() + text.y),
                       statics.get(text.text, text.bold), text.bold)
                      for text in labels.box_labels(box.booking, rect.width(), rect.height(),
                                                    measure, party))
        painted.append(PaintedBox(rect, inside, fill, edge_brush, lines, box.booking.id))
    by_fill: dict[int, tuple[QBrush, list[QRectF]]] = {}
    for item in painted:
        by_fill.setdefault(id(item.fill_brush), (item.fill_brush, []))[1].append(item.inside)
    return painted, list(by_fill.values())
