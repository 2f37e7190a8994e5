"""The pieces of the Review view: a number tile that opens its list, a titled box around a
chart, a plain table, and numbers, money, rates, months and weekdays as people read them in
the current language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.bootstrap import current_language
from desktop.ui.charts.scale import format_number
from desktop.ui.list_view import list_table
from desktop.ui.table_model import RowsModel
from desktop.ui.widgets import EnterTable, label

DASH = "—"  # nothing to count (a rate over zero)
# Rows a table reads to size its columns to their contents (Qt reads 1,000 by default: on a
# window with 1,200 events that alone took most of the time the view needed to open).
SIZED_ROWS = 30
ROW_HEIGHT = 26  # a review table's rows: a little tighter than a list view's

STYLE = """
QFrame#reviewTile { background: #ffffff; border: 1px solid #d5dcd9; border-radius: 6px; }
QFrame#reviewTile[clickable="true"]:hover { border-color: #2f6b5a; background: #f3f8f6; }
QFrame#reviewTile:focus { border: 2px solid #1f5fbf; }
QLabel[role="tileValue"] { font-size: 19pt; font-weight: 600; color: #1f2b28; }
QFrame#reviewTile[clickable="true"] QLabel[role="tileValue"] { color: #2f6b5a; }
QLabel[role="tileCaption"] { color: #5f6b67; }
QFrame#chartBox { background: #ffffff; border: 1px solid #d5dcd9; border-radius: 6px; }
QLabel[role="chartTitle"] { font-weight: 600; color: #1f2b28; }
QLabel[role="section"] { font-size: 12pt; font-weight: 600; color: #1f2b28; padding-top: 6px; }
QWidget#reviewPage { background: #f7f8f7; }
"""


def locale() -> QLocale:
    return QLocale(QLocale.Language.Chinese if current_language().startswith("zh")
                   else QLocale.Language.English)


def number(value: int | float) -> str:
    return format_number(float(value))


def money(amount: Decimal | float, currency: str = "") -> str:
    """An amount with the venue's currency: ¥ for yuan (it reads the same in both languages),
    otherwise the currency's code before it."""
    value = Decimal(str(amount))
    sign = "¥" if currency.upper() in ("", "CNY", "RMB", "¥", "元") else f"{currency} "
    return f"{sign}{value:,.0f}" if value == value.to_integral() else f"{sign}{value:,.2f}"


def percent(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.0f}%"


def month_label(month: dt.date) -> str:
    """"Nov" / "11月": short enough that twelve fit under a chart (the tooltips give the
    year: "2026-11")."""
    return locale().monthName(month.month, QLocale.FormatType.ShortFormat)


def weekday_label(weekday: int) -> str:
    """0 = Monday."""
    return locale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def day_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return QCoreApplication.translate("Review", "never")
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


class Tile(QFrame):
    """A number with what it counts under it; when the number stands for a list of people,
    a click, Enter or Space opens that list (``clicked``)."""

    clicked = Signal()

    def __init__(self, value: str, caption: str, object_name: str,
                 on_click: Callable[[], object] | None = None, hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTile")
        self.setProperty("tileName", object_name)
        self.setAccessibleName(f"{caption}: {value}")
        self.clickable = on_click is not None
        self.setProperty("clickable", self.clickable)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(2)
        self.value_label = label(value, "tileValue", object_name=object_name + "Value")
        self.caption_label = label(caption, "tileCaption", wrap=True,
                                   object_name=object_name + "Caption")
        column.addWidget(self.value_label)
        column.addWidget(self.caption_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(130)
        if hint:
            self.setToolTip(hint)
        if on_click is not None:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.clicked.connect(on_click)
            if not hint:
                self.setToolTip(QCoreApplication.translate("Review", "Show the list"))

    def value(self) -> str:
        return self.value_label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton \
                and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                              Qt.Key.Key_Space):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ChartBox(QFrame):
    """A chart with its title above it (and a line saying what a click shows)."""

    def __init__(self, title: str, chart: QWidget, note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartBox")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 8)
        column.setSpacing(4)
        column.addWidget(label(title, "chartTitle", wrap=True))
        if note:
            column.addWidget(label(note, "hint", wrap=True))
        column.addWidget(chart, 1)
        chart.setAccessibleName(title)
        self.chart = chart


def table(name: str, model: RowsModel[Any], stretch: int = 0,
          rows_shown: int = 8) -> EnterTable:
    """A read-only list whose Enter and double-click the section decides."""
    view = list_table(EnterTable(), name, model, row_height=ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(SIZED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    shown = max(2, min(rows_shown, model.rowCount()))
    view.setFixedHeight(header.sizeHint().height() + ROW_HEIGHT * shown + 4)
    return view
