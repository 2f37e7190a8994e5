"""The parts every list view (Members, Events, Partners, Circle) builds alike: its toolbar,
its read-only tables, the splitter between a list and its details, making a row the selected
one, and opening a dialog beside the list.
A view calls these and keeps what is its own (columns, sorting, what a row opens); the
other read-only tables (Today, Settings → Spaces, the Review's lists) start from
``list_table`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QSplitter, QTableView, QToolBar, QWidget

TableT = TypeVar("TableT", bound=QTableView)
DialogT = TypeVar("DialogT", bound=QDialog)


def list_table(table: TableT, name: str, model: QAbstractItemModel, *, row_height: int = 28,
               selection: QAbstractItemView.SelectionMode =
               QAbstractItemView.SelectionMode.SingleSelection) -> TableT:
    """``table`` made a read-only list of rows, as every view's lists look and behave: whole
    rows selected, nothing edited in place, quiet alternating rows without a grid or wrapping,
    no row numbers, left-aligned headings, and Tab leaving the table rather than walking its
    cells (the arrows do that).  Column widths and sorting stay with the view."""
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    return table


def list_splitter(name: str, orientation: Qt.Orientation, first: QWidget, second: QWidget, *,
                  stretch: tuple[int, int] = (3, 2),
                  sizes: tuple[int, int] | None = None) -> QSplitter:
    """A list beside (or above) what belongs to its selection: the two share what the window
    gives by ``stretch``, start at ``sizes`` when given, and neither can be dragged shut."""
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    if sizes is not None:
        splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    return splitter


def select_row(table: QTableView, row: int) -> None:
    """Make ``row`` of ``table`` (of the model it shows) the current, only selected row, and
    scroll to it."""
    index = table.model().index(row, 0)
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    table.selectionModel().setCurrentIndex(index, flags)
    table.scrollTo(index)


VIEW_TOOLBAR_STYLE = ("QToolBar { background: transparent; border: none; spacing: 4px; }"
                      "QToolButton { padding: 5px 10px; border: 1px solid #d5dcd9; "
                      "border-radius: 4px; background: #ffffff; }"
                      "QToolButton:hover { background: #e8f0ec; }"
                      "QToolButton:disabled { color: #9aa5a1; }")


def view_toolbar(name: str) -> QToolBar:
    """The row of a view's actions under its header: text buttons with a light frame, fixed
    in place (add the actions yourself)."""
    bar = QToolBar()
    bar.setObjectName(name)
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setStyleSheet(VIEW_TOOLBAR_STYLE)
    return bar


def open_dialog(dialog: DialogT, on_accept: Callable[[], None] | None = None) -> DialogT:
    """Open ``dialog`` without blocking the window's event loop (tests drive it as it
    stands), call ``on_accept`` when it is accepted, and free it once it closes."""
    if on_accept is not None:
        dialog.accepted.connect(on_accept)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog
