"""Fit a table's columns to its width, so it never scrolls sideways.

The partners table has more columns than a 1280-pixel window leaves beside the detail panel.
Rather than a sideways scrollbar (the last columns off-screen, headers cut mid-word), each
column takes the width its header and content need (a cap for long free text, elided with the
full text in the tooltip), one column stretches over what is left, and the columns that do
not fit are hidden, the least useful first.  Everything a hidden column says is also in the
detail panel beside the table, and a wider window or a dragged splitter brings it back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from desktop.ui.widgets import EnterTable

PADDING = 12  # a cell's text margins, both sides, plus room for the elision dots


@dataclass(frozen=True)
class ColumnFit:
    """How a table's columns share its width.

    ``priority``: the columns in the order they give way (first kept longest); a column not
    listed is never shown.  ``stretch``: the column that takes what is left (at least
    ``stretch_min``).  ``caps``: the most a column may take, its text elided beyond."""

    priority: Sequence[int]
    stretch: int
    stretch_min: int = 90
    caps: Mapping[int, int] = field(default_factory=dict)


class FittedTable(EnterTable):
    """A table that keeps its columns fitted (``fit_columns``) as it resizes and as its rows
    change.  The viewport's resize arrives through ``viewportEvent``, a virtual that a
    half-destroyed table no longer calls into Python (an event filter would)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit: ColumnFit | None = None

    def fit_columns(self, fit: ColumnFit) -> None:
        """Fit from now on; call after ``setModel``."""
        self._fit = fit
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(fit.stretch, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        model = self.model()
        model.modelReset.connect(self.refit)
        model.layoutChanged.connect(self.refit)
        model.dataChanged.connect(self._changed)
        self.refit()

    def _changed(self, *_args: object) -> None:
        self.refit()

    def wanted(self, column: int) -> int:
        """The width ``column`` needs for its title and the rows it has now (capped)."""
        assert self._fit is not None
        needs = max(self.horizontalHeader().sectionSizeHint(column),
                    self.sizeHintForColumn(column) + PADDING)
        cap = self._fit.caps.get(column)
        return min(needs, cap) if cap is not None else needs

    def refit(self) -> None:
        fit = self._fit
        if fit is None:
            return
        header = self.horizontalHeader()
        room = self.viewport().width()
        used = max(fit.stretch_min, header.sectionSizeHint(fit.stretch))
        shown: set[int] = {fit.stretch}
        widths: dict[int, int] = {}
        giving_up = False
        for column in fit.priority:
            if column == fit.stretch:
                continue
            width = self.wanted(column)
            if not giving_up and used + width <= room:
                used += width
                shown.add(column)
                widths[column] = width
            else:
                giving_up = True  # a lower column never takes the place of a higher one
        for column in range(self.model().columnCount()):
            self.setColumnHidden(column, column not in shown)
            if column in widths:
                header.resizeSection(column, widths[column])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return super().viewportEvent(event)
