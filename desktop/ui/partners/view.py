"""The Partners view: the lodge's partner businesses with their benefits and agreements, search
as you type, filters, the selected partner's details, benefit uses and events beside the table.

The owner creates and edits partners; the desk (and the owner) log a member's use of a
benefit.  Keyboard: Ctrl+F search, Esc clear it, Down or Enter from the search into the table,
Enter or F2 edit (owner), Ctrl+Shift+N new partner (owner), Ctrl+U log a benefit use.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QToolBar,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.models.circle import PARTNER_CATEGORIES
from desktop.partners.service import PartnerView, get_partner, search_partners
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.list_view import list_splitter, list_table, open_dialog, select_row, view_toolbar
from desktop.ui.partners.benefit_dialog import BenefitUseDialog
from desktop.ui.partners.detail import PartnerDetailPanel
from desktop.ui.partners.fit import ColumnFit, FittedTable
from desktop.ui.partners.models import PartnersModel, category_text
from desktop.ui.partners.partner_dialog import PartnerDialog
from desktop.ui.search_keys import SearchKeys
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
        self.table = list_table(FittedTable(), "partnersTable", self.model)
        self.table.fit_columns(TABLE_FIT)
        self.table.entered.connect(self.edit_partner)
        self.table.doubleClicked.connect(lambda _index: self.edit_partner())

        self.detail = PartnerDetailPanel(ctx)
        self.detail.openMember.connect(self.openMember)
        self.detail.openEvent.connect(self.openEvent)

        # the table takes what the window gives beyond the panel; the person may drag
        self.splitter = list_splitter("partnersSplitter", Qt.Orientation.Horizontal,
                                      self.table, self.detail, stretch=(1, 0),
                                      sizes=(1000, DETAIL_WIDTH))
        column.addWidget(self.splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object],
                permission: Permission, shortcut: QKeySequence | None = None) -> QAction:
        return view_action(self, text, name, slot, shortcut, allowed=self._ctx.may(permission))

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
        bar = view_toolbar("partnersToolbar")
        for action in (self.new_action, self.edit_action, self.use_action):
            bar.addAction(action)
        return bar

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self._search_keys = SearchKeys(
            self, "partnerSearch",
            self.tr("Name, pinyin, contact, city or phone  (Ctrl+F)"), min_width=280,
            table=lambda: self.table, refresh=self.refresh,
            delay_ms=SEARCH_DELAY_MS,
            has_rows=lambda: self.model.rowCount() > 0,
            has_selection=lambda: self.selected_partner() is not None,
            select_first=lambda: self.select_row(0))
        self.search = self._search_keys.edit
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
        return search_partners(self._ctx, self.search.text().strip(),
                               category=self.category_filter.currentData(),
                               active_only=which == ACTIVE, inactive_only=which == INACTIVE,
                               expiring_only=self.expiring_filter.isChecked())

    def refresh(self) -> None:
        """The partners again from the database, as searched and filtered; the selected
        partner stays selected."""
        self._search_keys.timer.stop()
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
        select_row(self.table, row)

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
        self._search_keys.focus()

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        self.bar.clear()
        self.dialog = dialog
        return open_dialog(dialog, on_accept)

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
