"""The calendar grid's colours and the small drawing helpers every painting module shares.

Kept apart so the painting of the body, the header and the drag outline agree on one palette
without importing each other.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics

from desktop.ui.calendar import layout as lay

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
TODAY_FILL = QColor("#eaf2ec")


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
