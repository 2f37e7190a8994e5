"""What every page of the Review view is made of: tiles on top, a two-column grid of charts,
then tables, every number leading to the list behind it.

A page is rebuilt whenever the review is loaded (the data are small: a few dozen numbers and
short lists).  Pages ask the view to open lists through ``Links``; they never call a service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from desktop.review.common import Bucket, Count, Drill, DrillRow, MonthCount
from desktop.review.overview import Review
from desktop.ui.charts import BarChart, LineChart, Series
from desktop.ui.charts.base import ChartBase
from desktop.ui.review.parts import (
    ChartBox,
    Tile,
    month_label,
    number,
    table,
)
from desktop.ui.table_model import RowsModel
from desktop.ui.widgets import EnterTable, label

TILE_COLUMNS = 5
CHART_HEIGHT = 250


@dataclass(frozen=True)
class Links:
    """How a page opens what a person clicked: a drill through the service, rows the view
    already holds, a member, an event."""

    drill: Callable[[str, Drill], object]
    rows: Callable[[str, Sequence[DrillRow]], object]
    member: Callable[[int], object]
    event: Callable[[int], object]


class SectionPage(QWidget):
    """A page: tiles on top, a grid of charts, then tables."""

    def __init__(self, review: Review, links: Links, key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}Page")
        self.review = review
        self.links = links
        self.tiles: dict[str, Tile] = {}
        self.charts: dict[str, ChartBase] = {}
        self.tables: dict[str, EnterTable] = {}
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(16, 14, 16, 16)
        self.column.setSpacing(12)
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(10)
        self.column.addLayout(self._tile_grid)
        self._chart_grid = QGridLayout()
        self._chart_grid.setSpacing(12)
        self.column.addLayout(self._chart_grid)
        self._cursor = (0, 0)
        self.build()
        self.column.addStretch(1)

    def build(self) -> None:
        raise NotImplementedError

    # -- building blocks -----------------------------------------------------------------------

    def tile(self, name: str, value: str, caption: str, drill: Drill | None = None,
             hint: str = "", title: str = "",
             action: Callable[[], object] | None = None) -> Tile:
        """A number; with a drill it opens the list (titled ``title`` or the caption), or
        ``action`` does what it says."""
        opener = action
        if drill is not None:
            chosen = drill

            def opener() -> object:
                return self.links.drill(title or caption, chosen)
        tile = Tile(value, caption, name, opener, hint)
        index = len(self.tiles)
        self.tiles[name] = tile
        self._tile_grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
        return tile

    def count_tile(self, name: str, count: Count, caption: str, hint: str = "") -> Tile:
        # nothing to list: the zero is not a link
        return self.tile(name, number(count.value), caption,
                         count.drill if count.value else None, hint)

    def chart(self, name: str, title: str, chart: ChartBase, note: str = "",
              span: int = 1, height: int = CHART_HEIGHT) -> None:
        chart.setObjectName(name)
        box = ChartBox(title, chart, note)
        chart.setMinimumHeight(height)
        self.charts[name] = chart
        row, column = self._next_cell(span)
        self._chart_grid.addWidget(box, row, column, 1, span)

    def _next_cell(self, span: int) -> tuple[int, int]:
        """The next free cell of the two-column chart grid (a wide chart starts a row)."""
        row, column = self._cursor
        if span == 2 and column:
            row, column = row + 1, 0
        self._cursor = (row, column + span) if column + span < 2 else (row + 1, 0)
        return row, column

    def heading(self, text: str) -> None:
        self.column.addWidget(label(text, "section", wrap=True))

    def list_table(self, name: str, model: RowsModel[Any], stretch: int,
                   empty_text: str, rows_shown: int = 8, *,
                   on_open: Callable[[QModelIndex], object] | None = None
                   ) -> EnterTable | None:
        """A table of ``model``'s rows, or ``empty_text`` when it has none; a double-click
        or Enter on a cell hands that cell to ``on_open``."""
        if not model.rowCount():
            self.column.addWidget(label(empty_text, "hint", wrap=True,
                                        object_name=name + "Empty"))
            return None
        view = table(name, model, stretch, rows_shown)
        self.tables[name] = view
        self.column.addWidget(view)
        if on_open is not None:
            view.doubleClicked.connect(on_open)
            view.entered.connect(lambda: on_open(view.currentIndex()))
        return view

    def bucket_bars(self, name: str, title: str, buckets: Sequence[Bucket], *,
                    horizontal: bool = False, note: str = "", span: int = 1) -> BarChart:
        """Bars of buckets (a status, a plan, a tag, an outcome) that open their lists."""
        chart = BarChart(horizontal)
        chart.integers = True
        labels = [bucket.label.render() for bucket in buckets]
        chart.set_data(labels, [float(b.count.value) for b in buckets])

        def open_bucket(index: int) -> None:
            drill = buckets[index].count.drill
            if drill is not None:
                self.links.drill(f"{title}: {labels[index]}", drill)

        chart.clicked.connect(open_bucket)
        self.chart(name, title, chart, note, span,
                   height=chart.sizeHint().height() if horizontal else CHART_HEIGHT)
        return chart

    def month_line(self, name: str, title: str, months: Sequence[MonthCount],
                   series_name: str = "", note: str = "") -> LineChart:
        chart = LineChart()
        chart.integers = True
        labels = [month_label(m.month) for m in months]
        chart.set_data(labels, [Series(series_name, tuple(float(m.count.value)
                                                          for m in months))])
        chart.tip_labels = [f"{m.month:%Y-%m}" for m in months]

        def open_month(index: int) -> None:
            drill = months[index].count.drill
            if drill is not None:
                self.links.drill(f"{title}: {months[index].month:%Y-%m}", drill)

        chart.clicked.connect(open_month)
        self.chart(name, title, chart, note)
        return chart

    def open_count(self, title: str, count: Count) -> None:
        if count.drill is not None:
            self.links.drill(title, count.drill)

    def member_opener(self, model: RowsModel[Any],
                      attribute: str = "member_id") -> Callable[[QModelIndex], None]:
        """What opens the member of a row of ``model`` (``on_open`` of a list table)."""
        return lambda index: self.open_member_row(model, attribute, index)

    def open_member_row(self, model: RowsModel[Any], attribute: str,
                        index: QModelIndex) -> None:
        if index.isValid():
            member_id = getattr(model.row_at(index.row()), attribute, None)
            if member_id is not None:
                self.links.member(int(member_id))


def click_hint() -> str:
    return QCoreApplication.translate("SectionPage", "Click a bar for the list.")
