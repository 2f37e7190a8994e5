"""A bar chart: vertical or horizontal bars, one per category or grouped by series
(registrations beside attendance for each kind of event).

A click or Enter on a bar emits ``clicked(category)`` and ``barClicked(category, series)``.
The arrow keys move along the categories and, within a group, across the series; the
tooltip gives the exact value.  Values are written at the bars' ends where they fit, so the
chart reads without hovering (and in a screenshot or print).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.ui.charts.base import (
    MUTED,
    TEXT,
    SeriesChart,
    clamp,
    elide,
    series_colour,
)
from desktop.ui.charts.scale import Axis, label_step

TICK_ROOM_V = 40.0  # pixels per tick on a vertical value axis
TICK_ROOM_H = 70.0  # and on a horizontal one (labels are wider than tall)
BAR_THICKNESS = 16.0  # a horizontal bar's height when the chart is tall enough
GROUP_GAP = 10.0

Item = tuple[int, int]  # (category, series)


@dataclass
class BarLayout:
    plot: QRectF = field(default_factory=QRectF)
    axis: Axis | None = None
    bars: dict[Item, QRectF] = field(default_factory=dict)
    bands: list[QRectF] = field(default_factory=list)  # each category's whole slot
    label_every: int = 1
    label_lines: int = 1  # vertical: category labels wrap onto two lines before thinning
    label_width: float = 0.0  # horizontal: the room of the category labels on the left
    legend: list[tuple[QRectF, str, int]] = field(default_factory=list)


class BarChart(SeriesChart):
    clicked = Signal(int)  # the category
    barClicked = Signal(int, int)  # the category and the series

    def __init__(self, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.horizontal = horizontal
        self.layout_ = BarLayout()

    def _exists(self, item: Item) -> bool:
        return item[0] < len(self.labels) and item[1] < len(self.series)

    def sizeHint(self) -> QSize:
        if not self.horizontal:
            return QSize(520, 240)
        line = self.fontMetrics().height()
        per = max(line + 4, BAR_THICKNESS * max(1, len(self.series)) + GROUP_GAP)
        legend = line + 8 if len(self.series) > 1 else 0
        return QSize(520, int(max(160, per * max(1, len(self.labels)) + legend + line + 40)))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)

    # -- layout --------------------------------------------------------------------------------

    def _compute_layout(self, rect: QRectF, metrics: QFontMetricsF) -> None:
        lay = BarLayout()
        line = metrics.height()
        top = rect.top()
        if len(self.series) > 1:
            lay.legend = self.legend_row(rect.left(), top, metrics, 12, line - 4)  # blocks
            top += line + 8
        values = [v for s in self.series for v in s.values]
        widest_value = max(metrics.horizontalAdvance(self.value_format(v)) for v in values)
        if self.horizontal:
            self._horizontal(lay, QRectF(rect.left(), top, rect.width(), rect.bottom() - top),
                             metrics, values, widest_value)
        else:
            self._vertical(lay, QRectF(rect.left(), top, rect.width(), rect.bottom() - top),
                           metrics, values)
        self.layout_ = lay

    def _vertical(self, lay: BarLayout, rect: QRectF, metrics: QFontMetricsF,
                  values: list[float]) -> None:
        line = metrics.height()
        band = (rect.width() - 40) / len(self.labels)  # about: the value axis is not known yet
        wide = any(metrics.horizontalAdvance(t) > band - 4 for t in self.labels)
        if wide and all(self._wrapped_height(metrics, t, band - 4) <= 2 * line + 1
                        for t in self.labels):
            lay.label_lines = 2
        bottom = rect.bottom() - line * lay.label_lines - 6
        top = rect.top() + line + 2  # room for the value over the tallest bar
        lay.axis = Axis(min(values), max(values), max(2, int((bottom - top) // TICK_ROOM_V)),
                        integers=self.integers)
        left = rect.left() + self.tick_width(metrics, lay.axis) + 8
        lay.plot = QRectF(left, top, max(1.0, rect.right() - left), max(1.0, bottom - top))
        count = len(self.labels)
        band = lay.plot.width() / count
        if lay.label_lines == 1:
            lay.label_every = label_step([metrics.horizontalAdvance(t) for t in self.labels],
                                         band)
        inner = band * 0.72
        width = inner / len(self.series)
        zero = lay.axis.position(0, lay.plot.bottom(), lay.plot.top())
        for category in range(count):
            slot = QRectF(lay.plot.left() + band * category, lay.plot.top(), band,
                          lay.plot.height())
            lay.bands.append(slot)
            start = slot.center().x() - inner / 2
            for position, series in enumerate(self.series):
                y = lay.axis.position(series.values[category], lay.plot.bottom(),
                                      lay.plot.top())
                lay.bars[(category, position)] = QRectF(
                    start + width * position, min(y, zero), max(1.0, width - 2),
                    max(1.0, abs(zero - y)))

    def _horizontal(self, lay: BarLayout, rect: QRectF, metrics: QFontMetricsF,
                    values: list[float], widest_value: float) -> None:
        line = metrics.height()
        lay.label_width = min(max(metrics.horizontalAdvance(t) for t in self.labels),
                              rect.width() * 0.38)
        left = rect.left() + lay.label_width + 10
        right = rect.right() - widest_value - 8
        bottom = rect.bottom() - line - 6
        # a tick needs room for its label: "¥100,000" and "0.25%" are wider than "10"
        rough = Axis(min(values), max(values), 4, integers=self.integers)
        room = max(TICK_ROOM_H, max(metrics.horizontalAdvance(self.fmt_tick(t))
                                    for t in rough.ticks) * 1.8)
        lay.axis = Axis(min(values), max(values), max(2, int((right - left) // room)),
                        integers=self.integers)
        lay.plot = QRectF(left, rect.top(), max(1.0, right - left),
                          max(1.0, bottom - rect.top()))
        count = len(self.labels)
        band = lay.plot.height() / count
        thickness = min(BAR_THICKNESS, (band - 4) / len(self.series))
        inner = thickness * len(self.series)
        zero = lay.axis.position(0, lay.plot.left(), lay.plot.right())
        for category in range(count):
            slot = QRectF(rect.left(), lay.plot.top() + band * category,
                          rect.width(), band)
            lay.bands.append(slot)
            start = slot.center().y() - inner / 2
            for position, series in enumerate(self.series):
                x = lay.axis.position(series.values[category], lay.plot.left(),
                                      lay.plot.right())
                lay.bars[(category, position)] = QRectF(
                    min(x, zero), start + thickness * position, max(1.0, abs(x - zero)),
                    max(1.0, thickness - 1))

    @staticmethod
    def _wrapped_height(metrics: QFontMetricsF, text: str, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, max(1.0, width), 1000), flags, text).height()

    def bar_rect(self, category: int, series: int = 0) -> QRectF:
        """Where a bar is drawn (tests click there)."""
        self.ensure_layout()
        return self.layout_.bars[(category, series)]

    # -- items ---------------------------------------------------------------------------------

    def _hit(self, point: QPointF) -> Item | None:
        lay = self.layout_
        for item, bar in lay.bars.items():
            if bar.adjusted(-1, -3, 1, 3).contains(point):
                return item
        # a short bar (or zero) is hard to hit: its whole slot counts, nearest series first
        for category, band in enumerate(lay.bands):
            if band.contains(point):
                def distance(item: Item) -> float:
                    centre = lay.bars[item].center()
                    return abs((centre.y() - point.y()) if self.horizontal
                               else (centre.x() - point.x()))
                return min(((category, s) for s in range(len(self.series))), key=distance)
        return None

    def _tooltip(self, item: Item) -> str:
        category, position = item
        series = self.series[position]
        value = self.value_format(series.values[category])
        name = f"{series.name}: " if series.name else ""
        return f"{self.tip_label(category, self.labels[category])}\n{name}{value}"

    def _first_item(self) -> Item:
        return (0, 0)

    def _step(self, dx: int, dy: int) -> None:
        category, series = self.current
        along, across = (dy, dx) if self.horizontal else (dx, dy)
        if across:
            series = clamp(series + across, 0, len(self.series) - 1)
        else:
            category = clamp(category + along, 0, len(self.labels) - 1)
        self.current = (category, series)

    def _activate(self, item: Item) -> None:
        self.clicked.emit(item[0])
        self.barClicked.emit(item[0], item[1])

    # -- painting ------------------------------------------------------------------------------

    def _paint(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        lay = self.layout_
        if lay.axis is None:
            return
        line = metrics.height()
        for swatch, name, position in lay.legend:
            painter.fillRect(swatch, series_colour(self.series[position], position))
            painter.setPen(TEXT)
            painter.drawText(QRectF(swatch.right() + 6, swatch.top() - 2, 400, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        self._paint_axis(painter, metrics)
        for (category, position), bar in lay.bars.items():
            colour = series_colour(self.series[position], position)
            chosen = self.highlight((category, position))
            painter.setPen(QPen(TEXT, 1.5) if chosen else Qt.PenStyle.NoPen)
            painter.setBrush(colour.darker(115) if chosen else colour)
            painter.drawRect(bar)
            self._paint_value(painter, metrics, bar, self.series[position].values[category])

    def _paint_axis(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        lay = self.layout_
        assert lay.axis is not None
        plot, line = lay.plot, metrics.height()
        self._paint_ticks(painter, metrics, lay.axis, plot, across=self.horizontal)
        for category, band in enumerate(lay.bands):
            chosen = any(self.highlight((category, s)) for s in range(len(self.series)))
            painter.setPen(TEXT if chosen else MUTED)
            if self.horizontal:
                text = elide(metrics, self.labels[category], lay.label_width)
                painter.drawText(QRectF(band.left(), band.top(), lay.label_width,
                                        band.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 text)
            elif lay.label_lines > 1:
                painter.drawText(QRectF(band.left() + 2, plot.bottom() + 6, band.width() - 4,
                                        line * lay.label_lines),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                                 | int(Qt.TextFlag.TextWordWrap), self.labels[category])
            elif chosen or category % lay.label_every == 0:
                room = band.width() * lay.label_every
                text = elide(metrics, self.labels[category], room)
                painter.drawText(QRectF(band.center().x() - room / 2, plot.bottom() + 6, room,
                                        line), Qt.AlignmentFlag.AlignHCenter, text)

    def _paint_value(self, painter: QPainter, metrics: QFontMetricsF, bar: QRectF,
                     value: float) -> None:
        """The value at the bar's end, when it fits (not for zero: the tooltip has it)."""
        if not value:
            return
        text = self.value_format(value)
        width = metrics.horizontalAdvance(text)
        painter.setPen(TEXT)
        if self.horizontal:
            box = QRectF(bar.right() + 4, bar.center().y() - metrics.height() / 2,
                         width + 2, metrics.height())
            if bar.height() + 4 >= metrics.height() * 0.8:
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft
                                 | Qt.AlignmentFlag.AlignVCenter, text)
        elif width <= bar.width() + 6:
            box = QRectF(bar.center().x() - width / 2 - 4, bar.top() - metrics.height() - 1,
                         width + 8, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
