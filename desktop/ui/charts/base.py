"""What every chart shares: plain data in, layout once per change, hover tooltips with the exact
value, a highlighted item moved by the arrow keys, and a click (or Enter) that asks for the list
behind the item.

A subclass lays itself out in ``_compute_layout`` (called when the data, the size or the font
change, never while painting), says which item is under a point (``_hit``), what its tooltip
reads (``_tooltip``), how the arrow keys move (``_step``), paints from its layout (``_paint``)
and emits its own signal in ``_activate``.  An item is whatever key the chart chooses: an
index, a (category, series) pair, a (row, column) cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.ui.charts.scale import Axis, format_number

TEXT = QColor("#1f2b28")
MUTED = QColor("#5f6b67")
GRID = QColor("#e3e8e5")
AXIS = QColor("#b9c3bf")
FOCUS = QColor("#1f5fbf")
BACKGROUND = QColor("#ffffff")
# The series colours, told apart also in greyscale print (dark, light, mid …)
PALETTE = ("#2f6b5a", "#d9a441", "#5b7fb5", "#b65c4a", "#8a6bb0", "#7a9a3a")

Formatter = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    """One named line or set of bars; ``colour`` is a CSS colour or empty for the palette's."""

    name: str
    values: tuple[float, ...]
    colour: str = ""


def series_colour(series: Series, position: int) -> QColor:
    return QColor(series.colour or PALETTE[position % len(PALETTE)])


def as_series(values: Sequence[Series] | Sequence[float], name: str = "") -> list[Series]:
    """Plain values become one unnamed series; series stay as they are."""
    items = list(values)
    if items and not all(isinstance(item, Series) for item in items):
        return [Series(name, tuple(float(v) for v in items))]  # type: ignore[arg-type]
    return [item for item in items if isinstance(item, Series)]


class ChartBase(QWidget):
    """The shared behaviour; see the module's docstring."""

    PAD = 10.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.value_format: Formatter = format_number
        self.tick_format: Formatter | None = None  # the axis; ``value_format`` when None
        self.integers = False  # counts: ticks on whole numbers
        self.tip_labels: list[str] = []  # longer category names for tooltips ("2026-02")
        self.current: Any = None  # the highlighted item (arrow keys, a click)
        self.hovered: Any = None
        self._laid_out_for: QSize | None = None
        self._empty_text = ""

    # -- what subclasses provide ---------------------------------------------------------------

    def is_empty(self) -> bool:
        raise NotImplementedError

    def _compute_layout(self, rect: QRectF, metrics: QFontMetricsF) -> None:
        raise NotImplementedError

    def _hit(self, point: QPointF) -> Any:
        raise NotImplementedError

    def _tooltip(self, item: Any) -> str:
        raise NotImplementedError

    def _step(self, dx: int, dy: int) -> None:
        raise NotImplementedError

    def _first_item(self) -> Any:
        raise NotImplementedError

    def _paint(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        raise NotImplementedError

    def _activate(self, item: Any) -> None:
        raise NotImplementedError

    # -- layout --------------------------------------------------------------------------------

    def empty_text(self) -> str:
        """What an empty chart says; "No data yet" unless the view says more."""
        return self._empty_text or self.tr("No data yet")

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def tip_label(self, index: int, short: str) -> str:
        """A category's name in a tooltip: the longer one when the view gave it."""
        return self.tip_labels[index] if index < len(self.tip_labels) else short

    def fmt_tick(self, value: float) -> str:
        return (self.tick_format or self.value_format)(value)

    def _data_changed(self) -> None:
        """After ``set_data``: lay out again, keep the highlight only if it still exists."""
        self.hovered = None
        if self.is_empty():
            self.current = None
        self.relayout()

    def relayout(self) -> None:
        self._laid_out_for = None
        self.ensure_layout()
        self.update()

    def ensure_layout(self) -> None:
        """Lay out for the present size and font if that has not happened yet."""
        if self._laid_out_for == self.size():
            return
        self._laid_out_for = self.size()
        if self.is_empty():
            return
        rect = QRectF(self.rect()).adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        self._compute_layout(rect, QFontMetricsF(self.font()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self.relayout()

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self.ensure_layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        metrics = QFontMetricsF(self.font())
        if self.is_empty():
            painter.setPen(MUTED)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter,
                             self.empty_text())
        else:
            self._paint(painter, metrics)
        if self.hasFocus():
            pen = QPen(FOCUS, 1.5, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def highlight(self, item: Any) -> bool:
        """Whether ``item`` is drawn highlighted (under the mouse, or the keyboard's choice)."""
        return item is not None and (item == self.hovered
                                     or (item == self.current and self.hasFocus()))

    # -- mouse, keys, tooltips -----------------------------------------------------------------

    def item_at(self, point: QPointF) -> Any:
        if self.is_empty():
            return None
        self.ensure_layout()
        return self._hit(point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item != self.hovered:
            self.hovered = item
            self.setCursor(Qt.CursorShape.PointingHandCursor if item is not None
                           else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        item = self.item_at(event.position())
        if item is None:
            super().mousePressEvent(event)
            return
        self.current = item
        self.update()
        event.accept()
        self._activate(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if self.is_empty():
            super().keyPressEvent(event)
            return
        if key in moves:
            if self.current is None:
                self.current = self._first_item()
            else:
                self._step(*moves[Qt.Key(key)])
            self._announce()
            self.update()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.current is None:
                self.current = self._first_item()
            if self.current is not None:
                self._activate(self.current)
            event.accept()
            return
        super().keyPressEvent(event)

    def _announce(self) -> None:
        """The highlighted item's value where a screen reader and the tooltip read it."""
        if self.current is None:
            return
        text = self._tooltip(self.current)
        self.setAccessibleDescription(text)
        self.setToolTip("")

    def current_text(self) -> str:
        """The highlighted item's tooltip text (tests, the accessible description)."""
        return "" if self.current is None else self._tooltip(self.current)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(QPointF(event.pos()))
            if item is not None:
                QToolTip.showText(event.globalPos(), self._tooltip(item), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.update()



class SeriesChart(ChartBase):
    """A chart of one or more series over labelled positions (the bar and line charts): the
    data, its check, and the value axis's ticks drawn across the plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.setMinimumSize(240, 160)

    def set_data(self, labels: Sequence[str], series: Sequence[Series] | Sequence[float],
                 name: str = "") -> None:
        """The labels and the series (or plain values for one series named ``name``); every
        series has one value per label.  The highlight stays only where it still exists."""
        self.labels = list(labels)
        self.series = as_series(series, name)
        for item in self.series:
            if len(item.values) != len(self.labels):
                raise ValueError("every series needs one value per label")
        if self.current is not None and not self._exists(self.current):
            self.current = None
        self.updateGeometry()  # a chart's size hint may follow its data
        self._data_changed()

    def _exists(self, item: Any) -> bool:
        """Whether ``item`` is still one of the chart's after new data came."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        return not self.labels or not any(v for s in self.series for v in s.values)

    def legend_row(self, left: float, top: float, metrics: QFontMetricsF, swatch_width: float,
                   swatch_height: float) -> list[tuple[QRectF, str, int]]:
        """The legend laid out in one line of text from (``left``, ``top``): for each series
        its swatch, centred on the line, then its name — (swatch, name, series)."""
        line = metrics.height()
        items = []
        x = left
        for position, item in enumerate(self.series):
            swatch = QRectF(x, top + (line - swatch_height) / 2, swatch_width, swatch_height)
            items.append((swatch, item.name, position))
            x += swatch_width + 6 + metrics.horizontalAdvance(item.name) + 16
        return items

    def tick_width(self, metrics: QFontMetricsF, axis: Axis) -> float:
        """The room the widest tick label takes."""
        return max(metrics.horizontalAdvance(self.fmt_tick(t)) for t in axis.ticks)

    def _paint_ticks(self, painter: QPainter, metrics: QFontMetricsF, axis: Axis,
                     plot: QRectF, *, across: bool = False) -> None:
        """A line across ``plot`` at each tick (the lowest one darker) and its label: left of
        the plot, or under it when the values run ``across``."""
        line = metrics.height()
        for tick in axis.ticks:
            text = self.fmt_tick(tick)
            painter.setPen(QPen(AXIS if tick == axis.low else GRID, 1))
            if across:
                x = axis.position(tick, plot.left(), plot.right())
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(MUTED)
                painter.drawText(QRectF(x - 50, plot.bottom() + 6, 100, line),
                                 Qt.AlignmentFlag.AlignHCenter, text)
            else:
                y = axis.position(tick, plot.bottom(), plot.top())
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(MUTED)
                painter.drawText(QRectF(plot.left() - 208, y - line / 2, 200, line),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 text)


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def elide(metrics: QFontMetricsF, text: str, width: float) -> str:
    if metrics.horizontalAdvance(text) <= width:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))
