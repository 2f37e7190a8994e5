"""The Partners view: the lodge's partner businesses with their benefits and agreements, search
as you type, filters, the selected partner's details, benefit uses and events beside the table.

The owner creates and edits partners; the desk (and the owner) log a member's use of a
benefit.  Keyboard: Ctrl+F search, Esc clear it, Down or Enter from the search into the table,
Enter or F2 edit (owner), Ctrl+Shift+N new partner (owner), Ctrl+U log a benefit use.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QToolBar,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.models.circle import PARTNER_CATEGORIES
from desktop.partners.service import PartnerView, get_partner, search_partners
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.partners.benefit_dialog import BenefitUseDialog
from desktop.ui.partners.detail import PartnerDetailPanel
from desktop.ui.partners.fit import ColumnFit, FittedTable
from desktop.ui.partners.models import PartnersModel, category_text
from desktop.ui.partners.partner_dialog import PartnerDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import MessageBar, label, view_action, view_column

SEARCH_DELAY_MS = 150
ACTIVE, INACTIVE, EVERY = "active", "inactive", "all"
_M = PartnersModel
# Columns a narrow table drops first come last: the contact, phone, city and tier are in the
# detail panel beside the table (and the name's tooltip).
TABLE_FIT = ColumnFit(
    priority=(_M.NAME, _M.BENEFIT, _M.AGREEMENT, _M.CATEGORY, _M.USES, _M.SERVED, _M.LAST_USED,
              _M.CONTACT, _M.PHONE, _M.CITY, _M.TIER),
    stretch=_M.BENEFIT, stretch_min=72,
    caps={_M.NAME: 112, _M.CATEGORY: 84, _M.CONTACT: 90, _M.CITY: 90, _M.TIER: 90})
DETAIL_WIDTH = 320
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PartnersView(QWidget):
    openMember = Signal(int)
    openEvent = Signal(int)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnersView")
        self._ctx = ctx
        self._runner = runner
        self.dialog: QDialog | None = None
        column = view_column(self, self.tr("Partners"),
                             self.tr("Local businesses whose benefits members get: find one "
                                     "by name, pinyin, contact, city or phone, and log a "
                                     "member's use."))
        self._build_actions()
        column.addWidget(self._toolbar())
        column.addLayout(self._filters())
        self.bar = MessageBar("partnersMessage")
        column.addWidget(self.bar)

        self.model = PartnersModel(self)
        self.table = FittedTable()
        self.table.setObjectName("partnersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        self.table.fit_columns(TABLE_FIT)
        self.table.entered.connect(self.edit_partner)
        self.table.doubleClicked.connect(lambda _index: self.edit_partner())

        self.detail = PartnerDetailPanel(ctx)
        self.detail.openMember.connect(self.openMember)
        self.detail.openEvent.connect(self.openEvent)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("partnersSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        # the table takes what the window gives beyond the panel; the person may drag
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1000, DETAIL_WIDTH])
        self.splitter.setChildrenCollapsible(False)
        column.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object],
                permission: Permission, shortcut: QKeySequence | None = None) -> QAction:
        action = view_action(self, text, name, slot, shortcut)
        allowed = self._ctx.may(permission)
        action.setVisible(allowed)
        action.setEnabled(allowed)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action(self.tr("New partner"), "newPartnerAction",
                                       self.new_partner, Permission.MANAGE_PARTNERS,
                                       key("Ctrl+Shift+N"))
        self.edit_action = self._action(self.tr("Edit partner"), "editPartnerAction",
                                        self.edit_partner, Permission.MANAGE_PARTNERS,
                                        key(Qt.Key.Key_F2))
        self.use_action = self._action(self.tr("Log benefit use…"), "logBenefitUseAction",
                                       self.log_use, Permission.USE_CIRCLE, key("Ctrl+U"))
        self.find_action = self._action(self.tr("Find"), "findPartnerAction", self.focus_search,
                                        Permission.USE_CIRCLE, key("Ctrl+F"))

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("partnersToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setStyleSheet("QToolBar { background: transparent; border: none; spacing: 4px; }"
                          "QToolButton { padding: 5px 10px; border: 1px solid #d5dcd9; "
                          "border-radius: 4px; background: #ffffff; }"
                          "QToolButton:hover { background: #e8f0ec; }"
                          "QToolButton:disabled { color: #9aa5a1; }")
        for action in (self.new_action, self.edit_action, self.use_action):
            bar.addAction(action)
        return bar

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("partnerSearch")
        self.search.setPlaceholderText(self.tr("Name, pinyin, contact, city or phone  "
                                               "(Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.installEventFilter(self)
        row.addWidget(self.search, 3)
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("partnerCategoryFilter")
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in PARTNER_CATEGORIES:
            self.category_filter.addItem(category_text(category), category)
        row.addWidget(self.category_filter, 1)
        self.active_filter = QComboBox()
        self.active_filter.setObjectName("partnerActiveFilter")
        self.active_filter.addItem(self.tr("Active partners"), ACTIVE)
        self.active_filter.addItem(self.tr("Inactive partners"), INACTIVE)
        self.active_filter.addItem(self.tr("Active and inactive"), EVERY)
        row.addWidget(self.active_filter, 1)
        self.expiring_filter = QCheckBox(self.tr("Agreement expiring"))
        self.expiring_filter.setObjectName("partnerExpiringFilter")
        self.expiring_filter.setToolTip(self.tr("Only agreements ending within 60 days"))
        row.addWidget(self.expiring_filter)
        self.count_label = label("", "hint", object_name="partnersCount")
        self.count_label.setMinimumWidth(80)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.count_label)
        for combo in (self.category_filter, self.active_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.expiring_filter.toggled.connect(lambda _on: self.refresh())
        return row

    # -- listing -------------------------------------------------------------------------------

    def _partners(self) -> list[PartnerView]:
        which = self.active_filter.currentData()
        found = search_partners(self._ctx, self.search.text().strip(),
                                category=self.category_filter.currentData(),
                                active_only=which == ACTIVE,
                                expiring_only=self.expiring_filter.isChecked())
        if which == INACTIVE:
            found = [partner for partner in found if not partner.active]
        return found

    def refresh(self) -> None:
        """The partners again from the database, as searched and filtered; the selected
        partner stays selected."""
        self._search_timer.stop()
        keep = self.selected_partner()
        try:
            partners = self._partners()
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.model.set_rows(partners)
        self.count_label.setText(self.tr("1 partner") if len(partners) == 1 else
                                 self.tr("%1 partners").replace("%1", str(len(partners))))
        if not (keep is not None and self.select_partner(keep.id)) and partners:
            self.select_row(0)
        self._selected()

    apply_search = refresh

    def selected_partner(self) -> PartnerView | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_partner(self, partner_id: int) -> bool:
        row = self.model.row_of(partner_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def show_partner(self, partner_id: int) -> None:
        """Select a partner (from an event, a search elsewhere), clearing the search and
        filters when they hide it."""
        if self.select_partner(partner_id):
            return
        for widget in (self.search, self.category_filter, self.active_filter,
                       self.expiring_filter):
            widget.blockSignals(True)
        self.search.clear()
        self.category_filter.setCurrentIndex(0)
        self.active_filter.setCurrentIndex(self.active_filter.findData(EVERY))
        self.expiring_filter.setChecked(False)
        for widget in (self.search, self.category_filter, self.active_filter,
                       self.expiring_filter):
            widget.blockSignals(False)
        self.refresh()
        self.select_partner(partner_id)

    def _selected(self) -> None:
        partner = self.selected_partner()
        problem = self.detail.show_partner(partner)
        if problem:
            self.bar.show_error(problem)
        chosen = partner is not None
        self.edit_action.setEnabled(chosen and self._ctx.may(Permission.MANAGE_PARTNERS))
        self.use_action.setEnabled(chosen and self._ctx.may(Permission.USE_CIRCLE))

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the view shows the uses as they are now (other desks)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # -- keyboard ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.refresh()
                return True
            if event.key() in (Qt.Key.Key_Down, *_ENTER):
                if self._search_timer.isActive():
                    self.refresh()
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.model.rowCount() and self.selected_partner() is None:
                    self.select_row(0)
                return True
        return super().eventFilter(watched, event)

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        self.bar.clear()
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def _saved(self, dialog: PartnerDialog) -> None:
        made = dialog.saved_view
        if made is None:
            return
        self.refresh()
        self.show_partner(made.id)
        self.bar.show_success(self.tr("%1 is saved.").replace("%1", made.name))

    def new_partner(self) -> PartnerDialog | None:
        if not self._ctx.may(Permission.MANAGE_PARTNERS):
            return None
        dialog = PartnerDialog(self._ctx, parent=self)
        self._open(dialog, lambda: self._saved(dialog))
        return dialog

    def edit_partner(self) -> PartnerDialog | None:
        partner = self.selected_partner()
        if partner is None or not self.edit_action.isEnabled():
            return None
        try:
            partner = get_partner(self._ctx, partner.id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return None
        dialog = PartnerDialog(self._ctx, partner, parent=self)
        self._open(dialog, lambda: self._saved(dialog))
        return dialog

    def log_use(self) -> BenefitUseDialog | None:
        partner = self.selected_partner()
        if partner is None or not self.use_action.isEnabled():
            return None
        dialog = BenefitUseDialog(self._ctx, partner, parent=self)

        def accepted() -> None:
            result = dialog.result_value
            if result is None:
                return
            self.refresh()
            text = (self.tr("%1's use of %2 is logged.")
                    .replace("%1", result.use.member_name).replace("%2", result.use.partner_name))
            if result.warnings:
                lines = [text] + [warning.render() for warning in result.warnings]
                self.bar.show_error("\n".join(lines))
            else:
                self.bar.show_success(text)

        self._open(dialog, accepted)
        return dialog
