"""What the members widgets share: status colours and the status pill, money and dates as
people read them, and the payment methods in the current language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.members.membership import PAYMENT_METHODS
from desktop.members.status import Status

# (text, background) per status: calm, and distinguishable without reading the word.
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.NEW: ("#1f5f9e", "#e2edf8"),
    Status.ACTIVE: ("#246b3a", "#e1f1e5"),
    Status.EXPIRING: ("#8a5a00", "#fbefd5"),
    Status.GRACE: ("#a0460f", "#fde5d4"),
    Status.LAPSED: ("#5f6b67", "#eceeed"),
    Status.SUSPENDED: ("#a3221b", "#f9e1df"),
}
STATUS_VALUES = frozenset(status.value for status in Status)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def status_text(status: Status) -> str:
    """The status in the current language (the service's Message, rendered)."""
    return status.label.render()


def status_style(status: Status) -> str:
    """A stylesheet that draws a QLabel as the status pill."""
    fore, back = STATUS_COLOURS[status]
    return (f"QLabel {{ color: {fore}; background: {back}; border-radius: 9px; "
            f"padding: 2px 10px; font-weight: 600; }}")


def method_text(method: str) -> str:
    message = PAYMENT_METHODS.get(method)
    return message.render() if message is not None else method


def money(amount: str | Decimal) -> str:
    """1980.00 -> ¥1,980.00 (the venue's currency is yuan; the sign reads the same in both
    languages)."""
    value = Decimal(str(amount))
    return f"¥{value:,.2f}"


def day(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class StatusDelegate(QStyledItemDelegate):
    """Paints the status column as a small coloured pill with the translated word."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        value = index.data(STATUS_ROLE)  # a StrEnum crosses Qt as its plain string
        if value not in STATUS_VALUES:
            super().paint(painter, option, index)
            return
        status = Status(value)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # The row's selection background first, then the pill on top.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        fore, back = STATUS_COLOURS[status]
        metrics = QFontMetrics(option.font)
        rect = option.rect
        width = min(metrics.horizontalAdvance(text) + 16, rect.width() - 8)
        height = min(metrics.height() + 4, rect.height() - 4)
        pill = QRectF(rect.x() + 6, rect.y() + (rect.height() - height) / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(back))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor(fore))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 8))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 16, size.height())
