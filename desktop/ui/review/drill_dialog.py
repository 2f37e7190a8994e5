"""The list behind a number: the people (or events) a tile, a bar, a point or a cell counts.

The rows come from the review service's ``drill_down`` through the task runner (a list of 500
people must not freeze the window), or are handed in when the view already holds them (the
events of one kind).  A double-click or Enter on a member opens the member
(``openMember``); on an event, the event (``openEvent``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.errors import ClubhouseError
from desktop.review.common import Drill, DrillRow
from desktop.review.drill import DRILL_LIMIT, drill_down
from desktop.services import Context
from desktop.ui.review.parts import table
from desktop.ui.table_model import RowsModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import MessageBar, label


class DrillModel(RowsModel[DrillRow]):
    NAME, PHONE, DETAIL = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Phone"), self.tr("Detail"))

    def cell(self, row: DrillRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.phone or "", row.detail)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAIL:
            return row.detail
        return None


class DrillDialog(QDialog):
    openMember = Signal(int)
    openEvent = Signal(int)

    def __init__(self, ctx: Context, runner: TaskRunner, title: str,
                 drill: Drill | None = None, rows: Sequence[DrillRow] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDialog")
        self.setWindowTitle(title)
        self.resize(720, 520)
        self.drill = drill
        column = QVBoxLayout(self)
        column.addWidget(label(title, "title", wrap=True, object_name="drillTitle"))
        self.count_label = label(self.tr("Loading…"), "hint", object_name="drillCount")
        column.addWidget(self.count_label)
        self.bar = MessageBar("drillMessage")
        column.addWidget(self.bar)
        self.model = DrillModel(self)
        self.table = table("drillTable", self.model, stretch=DrillModel.DETAIL, rows_shown=14)
        self.table.setMinimumHeight(200)
        self.table.setMaximumHeight(16_777_215)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.entered.connect(lambda: self.open_row(self.table.currentIndex().row()))
        column.addWidget(self.table, 1)
        self.hint = label(self.tr("Double-click or press Enter on a line to open it."),
                          "hint", object_name="drillHint")
        column.addWidget(self.hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("drillCloseButton")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        column.addLayout(buttons)
        if rows is not None:
            self._show(list(rows))
        elif drill is not None:
            runner.run(lambda: drill_down(ctx, drill), self._show, self._failed)

    @property
    def rows(self) -> Sequence[DrillRow]:
        return self.model.rows

    def names(self) -> list[str]:
        return [row.name for row in self.model.rows]

    def _show(self, rows: list[DrillRow]) -> None:
        self.model.set_rows(rows)
        count = len(rows)
        if count == 0:
            text = self.tr("Nobody in this list.")
        elif count >= DRILL_LIMIT:
            text = self.tr("The first %1.").replace("%1", str(count))
        elif count == 1:
            text = self.tr("1 line")
        else:
            text = self.tr("%1 lines").replace("%1", str(count))
        self.count_label.setText(text)
        self.hint.setVisible(any(row.member_id or row.event_id for row in rows))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: ClubhouseError) -> None:
        self.count_label.setText("")
        self.bar.show_error(error.render())

    def open_row(self, row: int) -> None:
        """A member opens in Members; an event (no member) in Events."""
        if not 0 <= row < len(self.model.rows):
            return
        item = self.model.row_at(row)
        if item.member_id is not None:
            self.openMember.emit(item.member_id)
            self.accept()
        elif item.event_id is not None:
            self.openEvent.emit(item.event_id)
            self.accept()
