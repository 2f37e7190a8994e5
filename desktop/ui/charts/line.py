"""A line chart: one or more series over labelled points (12 months, 8 weeks …).

A click or Enter on a point emits ``clicked(index)`` of the x position (the month whose list
the owner wants); Left and Right move the highlight.  The tooltip gives every series' exact
value at that position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from desktop.ui.charts.base import (
    GRID,
    MUTED,
    TEXT,
    SeriesChart,
    clamp,
    elide,
    series_colour,
)
from desktop.ui.charts.scale import Axis, label_step

TICK_ROOM = 40.0  # pixels per value-axis tick at least


@dataclass
class LineLayout:
    plot: QRectF = field(default_factory=QRectF)
    axis: Axis | None = None
    xs: list[float] = field(default_factory=list)
    points: list[list[QPointF]] = field(default_factory=list)  # per series
    label_every: int = 1
    legend: list[tuple[QRectF, str, int]] = field(default_factory=list)  # swatch, name, series


class LineChart(SeriesChart):
    clicked = Signal(int)  # the x position's index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineChart")
        self.layout_ = LineLayout()

    def _exists(self, item: int) -> bool:
        return item < len(self.labels)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    # -- layout --------------------------------------------------------------------------------

    def _compute_layout(self, rect: QRectF, metrics: QFontMetricsF) -> None:
        lay = LineLayout()
        line = metrics.height()
        top = rect.top()
        named = [s for s in self.series if s.name]
        if len(self.series) > 1 or named:
            lay.legend = self.legend_row(rect.left(), top, metrics, 14, 4)  # strokes
            top += line + 8
        bottom = rect.bottom() - line - 6
        values = [v for s in self.series for v in s.values]
        ticks = max(2, int((bottom - top) // TICK_ROOM))
        lay.axis = Axis(min(values), max(values), ticks, integers=self.integers)
        left = rect.left() + self.tick_width(metrics, lay.axis) + 8
        half_label = max(metrics.horizontalAdvance(label) for label in self.labels) / 2
        left = max(left, rect.left() + half_label)
        right = rect.right() - min(half_label, rect.width() / 4)
        lay.plot = QRectF(left, top + line / 2, max(1.0, right - left),
                          max(1.0, bottom - top - line / 2))
        count = len(self.labels)
        room = lay.plot.width() / (count - 1) if count > 1 else lay.plot.width()
        lay.xs = [lay.plot.center().x()] if count == 1 else [
            lay.plot.left() + room * i for i in range(count)]
        lay.label_every = label_step([metrics.horizontalAdvance(t) for t in self.labels], room)
        for item in self.series:
            lay.points.append([
                QPointF(x, lay.axis.position(v, lay.plot.bottom(), lay.plot.top()))
                for x, v in zip(lay.xs, item.values, strict=True)])
        self.layout_ = lay

    def point_position(self, index: int, series: int = 0) -> QPointF:
        """Where a point is drawn (tests click there)."""
        self.ensure_layout()
        return self.layout_.points[series][index]

    # -- items ---------------------------------------------------------------------------------

    def _hit(self, point: QPointF) -> int | None:
        lay = self.layout_
        if not lay.xs:
            return None
        band = lay.plot.adjusted(-12, -12, 12, 12)
        if not band.contains(point):
            return None
        return min(range(len(lay.xs)), key=lambda i: abs(lay.xs[i] - point.x()))

    def _tooltip(self, item: int) -> str:
        lines = [self.tip_label(item, self.labels[item])]
        for series in self.series:
            value = self.value_format(series.values[item])
            lines.append(f"{series.name}: {value}" if series.name else value)
        return "\n".join(lines)

    def _first_item(self) -> int:
        return len(self.labels) - 1  # the latest month first: that is what is asked about

    def _step(self, dx: int, dy: int) -> None:
        self.current = clamp(int(self.current) + dx, 0, len(self.labels) - 1)

    def _activate(self, item: int) -> None:
        self.clicked.emit(item)

    # -- painting ------------------------------------------------------------------------------

    def _paint(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        lay = self.layout_
        if lay.axis is None:
            return
        plot = lay.plot
        line = metrics.height()
        for swatch, name, position in lay.legend:
            painter.fillRect(swatch, series_colour(self.series[position], position))
            painter.setPen(TEXT)
            painter.drawText(QPointF(swatch.right() + 6, swatch.center().y() + metrics.ascent()
                                     / 2 - 1), name)
        self._paint_ticks(painter, metrics, lay.axis, plot)
        room = plot.width() / max(1, len(lay.xs) - 1) * lay.label_every
        for index, x in enumerate(lay.xs):
            chosen = self.highlight(index)
            if chosen:
                painter.fillRect(QRectF(x - 10, plot.top(), 20, plot.height()),
                                 QBrush(GRID))
            if index % lay.label_every and not chosen:
                continue
            text = elide(metrics, self.labels[index], room)
            painter.setPen(TEXT if chosen else MUTED)
            painter.drawText(QRectF(x - room / 2, plot.bottom() + 6, room, line),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        for position, points in enumerate(lay.points):
            colour = series_colour(self.series[position], position)
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(colour, 2.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            for index, point in enumerate(points):
                radius = 5.0 if self.highlight(index) else 3.0
                painter.drawEllipse(point, radius, radius)
