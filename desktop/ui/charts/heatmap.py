"""A heat map: a grid of rows by columns (weekday × hour) whose colour says how much, with a
legend of the colour scale from zero to the largest value.

A click or Enter on a cell emits ``cellClicked(row, column)``; the arrow keys move the
highlighted cell; the tooltip gives the row, the column and the exact value.  Values are
written in cells wide enough to hold them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.ui.charts.base import AXIS, MUTED, TEXT, ChartBase, clamp, elide
from desktop.ui.charts.scale import label_step, mix

LOW = (243, 246, 244)  # an empty cell: nearly white
HIGH = (36, 87, 74)  # the busiest: the app's dark accent
LEGEND_WIDTH = 160.0
MAX_CELL_HEIGHT = 30.0

Cell = tuple[int, int]


def cell_colour(value: float, top: float) -> QColor:
    """The colour of ``value`` on a scale whose darkest is ``top``."""
    share = 0.0 if top <= 0 else value / top
    # a little of the accent even for the smallest non-zero value: 1 is not 0
    amount = 0.0 if value <= 0 else 0.12 + 0.88 * share
    return QColor(*mix(LOW, HIGH, amount))


def text_colour(value: float, top: float) -> QColor:
    share = 0.0 if top <= 0 else value / top
    return QColor("#ffffff") if share > 0.5 else QColor(TEXT)


@dataclass
class HeatLayout:
    grid: QRectF = field(default_factory=QRectF)
    cell_width: float = 0.0
    cell_height: float = 0.0
    row_label_width: float = 0.0
    column_every: int = 1
    legend: QRectF = field(default_factory=QRectF)
    show_values: bool = False


class HeatMap(ChartBase):
    cellClicked = Signal(int, int)  # row, column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.row_labels: list[str] = []
        self.column_labels: list[str] = []
        self.values: list[list[float]] = []
        self.top = 0.0
        self.layout_ = HeatLayout()
        self.setMinimumSize(280, 180)

    def set_data(self, row_labels: Sequence[str], column_labels: Sequence[str],
                 values: Sequence[Sequence[float]]) -> None:
        """``values[row][column]``, one row per row label and one value per column label."""
        self.row_labels = list(row_labels)
        self.column_labels = list(column_labels)
        self.values = [[float(v) for v in row] for row in values]
        if len(self.values) != len(self.row_labels) or any(
                len(row) != len(self.column_labels) for row in self.values):
            raise ValueError("values must be one row per row label, one value per column")
        self.top = max((v for row in self.values for v in row), default=0.0)
        if self.current is not None and (self.current[0] >= len(self.row_labels)
                                         or self.current[1] >= len(self.column_labels)):
            self.current = None
        self._data_changed()

    def is_empty(self) -> bool:
        return not self.row_labels or not self.column_labels or self.top <= 0

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(620, int(max(180, 26 * max(1, len(self.row_labels)) + 3 * line + 40)))

    # -- layout --------------------------------------------------------------------------------

    def _compute_layout(self, rect: QRectF, metrics: QFontMetricsF) -> None:
        lay = HeatLayout()
        line = metrics.height()
        lay.row_label_width = min(max(metrics.horizontalAdvance(t) for t in self.row_labels),
                                  rect.width() * 0.3)
        left = rect.left() + lay.row_label_width + 8
        top = rect.top() + line + 4  # the column labels above the grid
        legend_height = line + 14
        bottom = rect.bottom() - legend_height - 8
        rows, columns = len(self.row_labels), len(self.column_labels)
        lay.cell_width = max(1.0, (rect.right() - left) / columns)
        lay.cell_height = max(1.0, min(MAX_CELL_HEIGHT, (bottom - top) / rows))
        lay.grid = QRectF(left, top, lay.cell_width * columns, lay.cell_height * rows)
        lay.column_every = label_step(
            [metrics.horizontalAdvance(t) for t in self.column_labels], lay.cell_width, 4)
        widest = max(metrics.horizontalAdvance(self.value_format(v))
                     for row in self.values for v in row)
        lay.show_values = widest + 4 <= lay.cell_width and line <= lay.cell_height
        lay.legend = QRectF(left, lay.grid.bottom() + 10, min(LEGEND_WIDTH, lay.grid.width()),
                            10)
        self.layout_ = lay

    def cell_rect(self, row: int, column: int) -> QRectF:
        """Where a cell is drawn (tests click there)."""
        self.ensure_layout()
        lay = self.layout_
        return QRectF(lay.grid.left() + lay.cell_width * column,
                      lay.grid.top() + lay.cell_height * row, lay.cell_width, lay.cell_height)

    # -- items ---------------------------------------------------------------------------------

    def _hit(self, point: QPointF) -> Cell | None:
        lay = self.layout_
        if not lay.grid.contains(point):
            return None
        column = int((point.x() - lay.grid.left()) // lay.cell_width)
        row = int((point.y() - lay.grid.top()) // lay.cell_height)
        return (clamp(row, 0, len(self.row_labels) - 1),
                clamp(column, 0, len(self.column_labels) - 1))

    def _tooltip(self, item: Cell) -> str:
        row, column = item
        return (f"{self.row_labels[row]} {self.column_labels[column]}\n"
                f"{self.value_format(self.values[row][column])}")

    def _first_item(self) -> Cell:
        """The busiest cell: where a person's eye goes first."""
        best = max(((r, c) for r in range(len(self.row_labels))
                    for c in range(len(self.column_labels))),
                   key=lambda cell: self.values[cell[0]][cell[1]])
        return best

    def _step(self, dx: int, dy: int) -> None:
        row, column = self.current
        self.current = (clamp(row + dy, 0, len(self.row_labels) - 1),
                        clamp(column + dx, 0, len(self.column_labels) - 1))

    def _activate(self, item: Cell) -> None:
        self.cellClicked.emit(item[0], item[1])

    # -- painting ------------------------------------------------------------------------------

    def _paint(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        lay = self.layout_
        line = metrics.height()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for row, label in enumerate(self.row_labels):
            rect = self.cell_rect(row, 0)
            painter.setPen(MUTED)
            painter.drawText(QRectF(lay.grid.left() - 8 - lay.row_label_width, rect.top(),
                                    lay.row_label_width, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             elide(metrics, label, lay.row_label_width))
            for column, value in enumerate(self.values[row]):
                cell = self.cell_rect(row, column)
                painter.fillRect(cell.adjusted(0.5, 0.5, -0.5, -0.5),
                                 cell_colour(value, self.top))
                if lay.show_values and value:
                    painter.setPen(text_colour(value, self.top))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter,
                                     self.value_format(value))
        room = lay.cell_width * lay.column_every
        for column, label in enumerate(self.column_labels):
            if column % lay.column_every:
                continue
            cell = self.cell_rect(0, column)
            painter.setPen(MUTED)
            painter.drawText(QRectF(cell.left(), lay.grid.top() - line - 4, room, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             elide(metrics, label, room))
        for cell in {self.hovered, self.current if self.hasFocus() else None} - {None}:
            painter.setPen(QPen(QColor("#d9a441"), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*cell).adjusted(1, 1, -1, -1))
        self._paint_legend(painter, metrics)

    def _paint_legend(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        legend = self.layout_.legend
        gradient = QLinearGradient(legend.topLeft(), legend.topRight())
        gradient.setColorAt(0.0, QColor(*LOW))
        gradient.setColorAt(0.001, cell_colour(self.top * 0.0001 or 1, self.top or 1))
        gradient.setColorAt(1.0, QColor(*HIGH))
        painter.fillRect(legend, gradient)
        painter.setPen(QPen(AXIS, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(legend)
        painter.setPen(MUTED)
        baseline = legend.bottom() + metrics.ascent() + 2
        painter.drawText(QPointF(legend.left(), baseline), self.value_format(0))
        high = self.value_format(self.top)
        painter.drawText(QPointF(legend.right() - metrics.horizontalAdvance(high), baseline),
                         high)
