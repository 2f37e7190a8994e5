"""Settings → Spaces (owner only): the spaces with their hours, and the closures.

The spaces table opens the editor on Enter or a double-click; a space is deactivated, not
deleted (its bookings keep their history).  The closures table lists the closures still
current or to come; adding one shows the bookings it would cover before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.rules import SpaceView
from desktop.booking.spaces import ClosureView, list_closures, list_spaces, update_space
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui.list_view import list_table
from desktop.ui.spaces.closure_dialog import ClosureDialog, DeleteClosureDialog
from desktop.ui.spaces.models import ClosuresTableModel, SortProxy, SpacesTableModel
from desktop.ui.spaces.space_dialog import SpaceDialog, input_of
from desktop.ui.table_model import ROW_ROLE, RowsModel
from desktop.ui.widgets import MessageBar, label

# Closures are listed from today up to this many days ahead (a venue plans a year or two).
CLOSURES_AHEAD_DAYS = 3 * 366


def _table(name: str, model: RowsModel[object] | SortProxy,
           widths: tuple[int, ...]) -> QTableView:
    """A list table whose columns start at ``widths`` (people may drag them), the last one
    taking the rest."""
    table = list_table(QTableView(), name, model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for section, width in enumerate(widths):
        header.resizeSection(section, width)
    return table


def _button(text: str, name: str, slot: Callable[[], object], row: QHBoxLayout,
            *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    if primary:
        button.setProperty("primary", True)
    button.clicked.connect(lambda: slot())
    row.addWidget(button)
    return button


class SpacesTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spacesTab")
        self._ctx = ctx
        self.dialog: QDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(8)
        self.bar = MessageBar("spacesMessage")
        column.addWidget(self.bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("spacesSplitter")
        splitter.setChildrenCollapsible(False)
        column.addWidget(splitter, 1)

        # -- spaces ------------------------------------------------------------------------
        spaces_box = QWidget()
        spaces_column = QVBoxLayout(spaces_box)
        spaces_column.setContentsMargins(0, 0, 0, 6)
        spaces_column.setSpacing(6)
        buttons = QHBoxLayout()
        buttons.addWidget(label(self.tr("Spaces"), object_name="spacesHeading"))
        buttons.addStretch(1)
        self.new_button = _button(self.tr("New space…"), "newSpaceButton", self.open_new,
                                  buttons, primary=True)
        self.edit_button = _button(self.tr("Edit…"), "editSpaceButton", self.open_edit,
                                   buttons)
        self.toggle_button = _button(self.tr("Deactivate"), "toggleSpaceButton",
                                     self.toggle_active, buttons)
        spaces_column.addLayout(buttons)
        self.spaces = SpacesTableModel(self)
        self.spaces_proxy = SortProxy(self)
        self.spaces_proxy.setSourceModel(self.spaces)
        self.table = _table("spacesTable", self.spaces_proxy, (170, 120, 80, 150, 340))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SpacesTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.open_edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        spaces_column.addWidget(self.table, 1)
        splitter.addWidget(spaces_box)

        # -- closures ----------------------------------------------------------------------
        closures_box = QWidget()
        closures_column = QVBoxLayout(closures_box)
        closures_column.setContentsMargins(0, 6, 0, 0)
        closures_column.setSpacing(6)
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Closures, current and coming"),
                            object_name="closuresHeading"))
        row.addStretch(1)
        self.add_closure_button = _button(self.tr("Add closure…"), "addClosureButton",
                                          self.open_add_closure, row)
        self.delete_closure_button = _button(self.tr("Delete closure…"), "deleteClosureButton",
                                             self.open_delete_closure, row)
        closures_column.addLayout(row)
        self.closures = ClosuresTableModel(self)
        self.closures_proxy = SortProxy(self)
        self.closures_proxy.setSourceModel(self.closures)
        self.closures_table = _table("closuresTable", self.closures_proxy, (180, 150, 150))
        self.closures_table.setSortingEnabled(True)
        self.closures_table.sortByColumn(ClosuresTableModel.STARTS, Qt.SortOrder.AscendingOrder)
        self.closures_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        self.closures_table.installEventFilter(self)  # the Delete key deletes (after asking)
        closures_column.addWidget(self.closures_table, 1)
        closures_column.addWidget(label(self.tr("A space or the whole venue cannot be booked "
                                                "during a closure. Past closures are not "
                                                "listed."), "hint", wrap=True))
        splitter.addWidget(closures_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        for heading in (spaces_box.findChild(QWidget, "spacesHeading"),
                        closures_box.findChild(QWidget, "closuresHeading")):
            if heading is not None:
                heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.refresh()

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected_space()
        closure = self.selected_closure()
        self.spaces.set_rows(list_spaces(self._ctx, include_inactive=True))
        today = self._ctx.clock.now().date()
        self.closures.set_rows(list_closures(
            self._ctx, today, today + dt.timedelta(days=CLOSURES_AHEAD_DAYS)))
        if chosen is not None:
            self.select_space(chosen.id)
        if closure is not None:
            self.select_closure(closure.id)
        self._update_buttons()

    def selected_space(self) -> SpaceView | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_closure(self) -> ClosureView | None:
        rows = self.closures_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_space(self, space_id: int) -> bool:
        for row in range(self.spaces_proxy.rowCount()):
            if self.spaces_proxy.index(row, 0).data(ROW_ROLE).id == space_id:
                self.table.selectRow(row)
                return True
        return False

    def select_closure(self, closure_id: int) -> bool:
        for row in range(self.closures_proxy.rowCount()):
            if self.closures_proxy.index(row, 0).data(ROW_ROLE).id == closure_id:
                self.closures_table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        space = self.selected_space()
        self.edit_button.setEnabled(space is not None)
        self.toggle_button.setEnabled(space is not None)
        self.toggle_button.setText(self.tr("Activate") if space is not None and not space.active
                                   else self.tr("Deactivate"))
        self.delete_closure_button.setEnabled(self.selected_closure() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.closures_table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete):
            self.open_delete_closure()
            return True
        return super().eventFilter(watched, event)

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        """Open without blocking; when accepted, refresh and say what happened."""
        self.bar.clear()
        self.dialog = dialog

        def done() -> None:
            accepted()
            self.changed.emit()

        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def open_new(self) -> SpaceDialog:
        dialog = SpaceDialog(self._ctx, parent=self)
        self._open(dialog, lambda: self._space_saved(dialog, self.tr("%1 is created.")))
        return dialog

    def open_edit(self) -> SpaceDialog | None:
        space = self.selected_space()
        if space is None:
            return None
        dialog = SpaceDialog(self._ctx, space, parent=self)
        self._open(dialog, lambda: self._space_saved(dialog, self.tr("%1 is saved.")))
        return dialog

    def _space_saved(self, dialog: SpaceDialog, text: str) -> None:
        self.refresh()
        if dialog.saved is not None:
            self.select_space(dialog.saved.id)
            self.bar.show_success(text.replace("%1", dialog.saved.name))

    def toggle_active(self) -> None:
        space = self.selected_space()
        if space is None:
            return
        self.bar.clear()
        try:
            update_space(self._ctx, space.id, input_of(space, active=not space.active))
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.refresh()
        self.bar.show_success(
            (self.tr("%1 is active again and open for booking.") if not space.active
             else self.tr("%1 is inactive: no new bookings; its bookings stay."))
            .replace("%1", space.name))
        self.changed.emit()

    def open_add_closure(self) -> ClosureDialog:
        dialog = ClosureDialog(self._ctx, list_spaces(self._ctx, include_inactive=True),
                               parent=self)
        self._open(dialog, lambda: self._closure_added(dialog))
        return dialog

    def _closure_added(self, dialog: ClosureDialog) -> None:
        self.refresh()
        outcome = dialog.outcome
        if outcome is None:
            return
        self.select_closure(outcome.closure.id)
        count = len(outcome.affected)
        if not count:
            text = self.tr("The closure is added.")
        elif count == 1:
            text = (self.tr("The closure is added; the booking inside it is cancelled.")
                    if outcome.cancelled
                    else self.tr("The closure is added; the booking inside it is kept."))
        elif outcome.cancelled:
            text = self.tr("The closure is added; %1 bookings inside it are cancelled.")
        else:
            text = self.tr("The closure is added; %1 bookings inside it are kept.")
        self.bar.show_success(text.replace("%1", str(count)))

    def open_delete_closure(self) -> DeleteClosureDialog | None:
        closure = self.selected_closure()
        if closure is None:
            return None
        place = closure.space_name if closure.space_id is not None and closure.space_name \
            else self.tr("the whole venue")
        dialog = DeleteClosureDialog(self._ctx, closure, place, parent=self)
        self._open(dialog, lambda: self._closure_deleted())
        return dialog

    def _closure_deleted(self) -> None:
        self.refresh()
        self.bar.show_success(self.tr("The closure is deleted."))
