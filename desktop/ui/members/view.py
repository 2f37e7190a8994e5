"""The Members view: search-as-you-type over the whole directory, filters, a table that loads
more on scroll, the selected member's details beside it, and the desk's and owner's actions.

Keyboard: Ctrl+F search, Esc clear it, Down or Enter from the search into the table, arrows
move (the details follow), Enter or F2 edit, Ctrl+Shift+N new member (Ctrl+N is a new
booking everywhere), Ctrl+R record a membership.
The search waits 150 ms after the last key, then asks the database (``search_members``) for
the first page; the count under the table comes a moment later from a background task, since
it has to read every match rather than one page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.members.export import export_members
from desktop.members.privacy import write_member_data, write_member_data_pdf
from desktop.members.service import (
    MemberDetail,
    MemberQuery,
    MemberRow,
    PaymentView,
    count_members,
    get_member,
    lift_suspension,
    list_plans,
    list_tags,
    set_archived,
)
from desktop.members.status import Status
from desktop.permissions import Permission
from desktop.reports.cards import print_cards
from desktop.reports.directory import print_directory
from desktop.services import Context
from desktop.ui import dialogs
from desktop.ui.list_view import list_splitter, list_table, open_dialog, select_row, view_toolbar
from desktop.ui.members.action_dialogs import EraseDialog, SuspendDialog
from desktop.ui.members.common import StatusDelegate, status_text
from desktop.ui.members.detail import MemberDetailPanel
from desktop.ui.members.import_dialog import ImportDialog
from desktop.ui.members.member_dialog import MemberDialog
from desktop.ui.members.membership_dialog import MembershipDialog, PaymentDialog, VoidPaymentDialog
from desktop.ui.members.plans_dialog import PlansDialog
from desktop.ui.members.table_model import FIRST_PAGE, PAGE_SIZE, MembersTableModel
from desktop.ui.pdf_preview import print_to_preview
from desktop.ui.search_keys import SearchKeys
from desktop.ui.tasks import TaskRunner, file_errors
from desktop.ui.widgets import MessageBar, label, view_action, view_column

SEARCH_DELAY_MS = 150
COLUMN_WIDTHS = (70, 104, 100, 88, 114, 150, 110, 60)


class MembersView(QWidget):
    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None, *,
                 first_page: int = FIRST_PAGE, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.setObjectName("membersView")
        self._ctx = ctx
        self._runner = runner
        self.dialog: QDialog | None = None
        self._count_generation = 0
        self._keep_id: int | None = None
        self.total: int | None = None
        column = view_column(self, self.tr("Members"),
                             self.tr("Find anyone by name, pinyin or its initials, member "
                                     "number, phone digits, company or tag."))
        self._build_actions()
        column.addWidget(self._toolbar())
        column.addLayout(self._filters())
        self.bar = MessageBar("membersMessage")
        column.addWidget(self.bar)

        self.model = MembersTableModel(ctx, self, first_page=first_page, page_size=page_size)
        self.table = list_table(
            QTableView(), "membersTable", self.model,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setItemDelegateForColumn(MembersTableModel.STATUS, StatusDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for section, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(section, width)
        header.setSortIndicator(MembersTableModel.NAME, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort_requested)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(lambda _index: self.edit_member())
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)

        self.detail = MemberDetailPanel(ctx)
        self.detail.openMember.connect(self.show_member)
        self.detail.editPayment.connect(self.edit_payment)
        self.detail.voidPayment.connect(self.void_payment)

        self.splitter = list_splitter("membersSplitter", Qt.Orientation.Horizontal, self.table,
                                      self.detail, sizes=(660, 360))
        column.addWidget(self.splitter, 1)

        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(0)
        self._detail_timer.timeout.connect(self.show_detail_now)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._detail_timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self._fill_filter_choices()
        self.apply_search()
        self.show_detail_now()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object],
                permission: Permission, shortcut: QKeySequence | None = None) -> QAction:
        return view_action(self, text, name, slot, shortcut, within=False,
                           allowed=self._ctx.may(permission))

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action(self.tr("New member"), "newMemberAction",
                                       self.new_member, Permission.EDIT_MEMBERS,
                                       key("Ctrl+Shift+N"))
        self.edit_action = self._action(self.tr("Edit"), "editMemberAction", self.edit_member,
                                        Permission.EDIT_MEMBERS, key(Qt.Key.Key_F2))
        self.membership_action = self._action(self.tr("Record membership"), "membershipAction",
                                              self.record_membership,
                                              Permission.RECORD_MEMBERSHIP, key("Ctrl+R"))
        self.archive_action = self._action(self.tr("Archive"), "archiveAction",
                                           self.toggle_archived, Permission.EDIT_MEMBERS)
        self.suspend_action = self._action(self.tr("Suspend…"), "suspendAction",
                                           self.toggle_suspension, Permission.EDIT_MEMBERS)
        self.print_directory_action = self._action(
            self.tr("Directory of the members shown…"), "printDirectoryAction",
            self.print_directory, Permission.PRINT)
        self.print_cards_action = self._action(
            self.tr("Cards for the selected members…"), "printCardsAction",
            lambda: self.print_cards(all_shown=False), Permission.PRINT)
        self.print_all_cards_action = self._action(
            self.tr("Cards for all members shown…"), "printAllCardsAction",
            lambda: self.print_cards(all_shown=True), Permission.PRINT)
        self.import_action = self._action(self.tr("Import members…"), "importAction",
                                          self.import_members,
                                          Permission.IMPORT_EXPORT_ERASE_MEMBERS)
        self.export_action = self._action(self.tr("Export members…"), "exportAction",
                                          self.export_members,
                                          Permission.IMPORT_EXPORT_ERASE_MEMBERS)
        self.plans_action = self._action(self.tr("Membership plans…"), "plansAction",
                                         self.edit_plans, Permission.MANAGE_PAYMENTS_AND_PLANS)
        self.export_data_action = self._action(self.tr("Export this member's data…"),
                                               "exportDataAction", self.export_member_data,
                                               Permission.IMPORT_EXPORT_ERASE_MEMBERS)
        self.erase_action = self._action(self.tr("Erase this member…"), "eraseAction",
                                         self.erase_member,
                                         Permission.IMPORT_EXPORT_ERASE_MEMBERS)
        self.find_action = self._action(self.tr("Find"), "findAction", self.focus_search,
                                        Permission.VIEW_MEMBERS, key("Ctrl+F"))
        self.clear_action = self._action(self.tr("Clear the search"), "clearSearchAction",
                                         self.clear_search, Permission.VIEW_MEMBERS,
                                         key(Qt.Key.Key_Escape))
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _menu_button(self, text: str, name: str, actions: list[QAction | None]) -> QToolButton:
        menu = QMenu(self)
        menu.setObjectName(name + "Menu")
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _toolbar(self) -> QToolBar:
        bar = view_toolbar("membersToolbar")
        for action in (self.new_action, self.edit_action, self.membership_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.archive_action, self.suspend_action):
            bar.addAction(action)
        bar.addSeparator()
        self.print_button = self._menu_button(
            self.tr("Print"), "printMenuButton",
            [self.print_directory_action, self.print_cards_action, self.print_all_cards_action])
        self.print_menu_action = bar.addWidget(self.print_button)
        self.print_menu_action.setVisible(self._ctx.may(Permission.PRINT))
        self.more_button = self._menu_button(
            self.tr("More"), "moreMenuButton",
            [self.import_action, self.export_action, self.plans_action, None,
             self.export_data_action, self.erase_action])
        self.more_menu_action = bar.addWidget(self.more_button)
        self.more_menu_action.setVisible(self.import_action.isVisible()
                                         or self.plans_action.isVisible())
        return bar

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self._search_keys = SearchKeys(
            self, "memberSearch",
            self.tr("Name, pinyin (zs), number, phone, company or tag  (Ctrl+F)"),
            min_width=300, clear_when_empty=True,
            table=lambda: self.table, refresh=self.apply_search,
            delay_ms=SEARCH_DELAY_MS,
            has_rows=lambda: self.model.rowCount() > 0,
            has_selection=lambda: self.selected_row() is not None,
            select_first=lambda: self.select_row(0))
        self.search = self._search_keys.edit
        row.addWidget(self.search, 3)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(status_text(status), status.value)
        row.addWidget(self.status_filter, 1)
        self.plan_filter = QComboBox()
        self.plan_filter.setObjectName("planFilter")
        row.addWidget(self.plan_filter, 1)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        row.addWidget(self.tag_filter, 1)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setObjectName("showArchived")
        row.addWidget(self.show_archived)
        self.count_label = label("", "hint", object_name="membersCount")
        self.count_label.setMinimumWidth(90)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.count_label)
        for combo in (self.status_filter, self.plan_filter, self.tag_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.show_archived.toggled.connect(lambda _on: self.apply_search())
        return row

    def _fill_filter_choices(self) -> None:
        plans = [(plan.id, plan.name) for plan in list_plans(self._ctx, include_inactive=True)]
        tags = [(tag_id, f"{name} ({count})") for tag_id, name, count in list_tags(self._ctx)]
        for combo, everything, choices in ((self.plan_filter, self.tr("All plans"), plans),
                                           (self.tag_filter, self.tr("All tags"), tags)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, text in choices:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    # -- searching -----------------------------------------------------------------------------

    def current_query(self) -> MemberQuery:
        status = self.status_filter.currentData()
        return MemberQuery(
            text=self.search.text(),
            status=Status(status) if status else None,
            plan_id=self.plan_filter.currentData(),
            tag_id=self.tag_filter.currentData(),
            include_archived=self.show_archived.isChecked(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    def apply_search(self) -> None:
        """Ask the database for the first page of what the search and filters say (what the
        debounce timer calls; the benchmark calls it directly)."""
        self._search_keys.timer.stop()
        try:
            self.model.set_query(self.current_query())
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self._count()

    def _count(self) -> None:
        """The number of matches, from a background task; an older answer is dropped."""
        self._count_generation += 1
        generation = self._count_generation
        ctx = self._ctx
        query = self.model.query

        def done(total: object) -> None:
            if generation == self._count_generation and isinstance(total, int):
                self.total = total
                self.count_label.setText(self.tr("1 member") if total == 1 else
                                         self.tr("%1 members").replace("%1", f"{total:,}"))

        def failed(error: ClubhouseError) -> None:
            if generation == self._count_generation:
                self.count_label.setText("")
                self.bar.show_error(error.render())

        self._runner.run(lambda: count_members(ctx, query), done, failed)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if column in MembersTableModel.SORT_KEYS:
            return  # the table view hands it to the model
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        current = Qt.SortOrder.DescendingOrder if self.model.query.descending \
            else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(self.model.sort_column(), current)
        header.blockSignals(False)
        self.bar.show_message(self.tr("This column cannot be sorted; the order stays."))

    def focus_search(self) -> None:
        self._search_keys.focus()

    def clear_search(self) -> None:
        self._search_keys.clear()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        viewport = self.table.viewport()
        height = viewport.height() if viewport is not None else 0
        self.model.fit_first_page(height // self.table.verticalHeader().defaultSectionSize() + 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.model.rowCount() and self.selected_row() is None:
            self.select_row(0)

    # -- selection and details -----------------------------------------------------------------

    def selected_row(self) -> MemberRow | None:
        index = self.table.currentIndex()
        selection = self.table.selectionModel()
        if not index.isValid() or not selection.isRowSelected(index.row()):
            rows = selection.selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.row_at(index.row())

    def selected_rows(self) -> list[MemberRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _remember_selection(self) -> None:
        selected = self.selected_row()
        self._keep_id = selected.id if selected else None

    def _restore_selection(self) -> None:
        kept = self._keep_id is not None and self.select_member(self._keep_id)
        if not kept and self.model.rowCount():
            self.select_row(0)
        self._detail_timer.start()
        self._update_actions()

    def show_detail_now(self) -> None:
        """Load the current member's details into the panel (the timer calls this)."""
        self._detail_timer.stop()
        selected = self.selected_row()
        if selected is None:
            self.detail.show_member(None)
            self._update_actions()
            return
        if self.detail.detail is not None and self.detail.detail.row == selected:
            self._update_actions()
            return
        try:
            self.detail.show_member(get_member(self._ctx, selected.id))
        except ClubhouseError as error:
            self.detail.show_member(None)
            self.bar.show_error(error.render())
        self._update_actions()

    def _reload_detail(self) -> None:
        self.detail.detail = None
        self.show_detail_now()

    def current_detail(self) -> MemberDetail | None:
        selected = self.selected_row()
        if selected is None:
            return None
        if self.detail.detail is None or self.detail.detail.row.id != selected.id:
            self.show_detail_now()
        return self.detail.detail

    def show_member(self, member_id: int) -> None:
        """Select a member (a referral link, "Open that record"), searching for them by number
        when the current search or filters hide them."""
        if self.select_member(member_id):
            self.show_detail_now()
            return
        try:
            detail = get_member(self._ctx, member_id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        for combo in (self.status_filter, self.plan_filter, self.tag_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.show_archived.blockSignals(True)
        self.show_archived.setChecked(self.show_archived.isChecked() or detail.row.archived)
        self.show_archived.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(detail.row.number)
        self.search.blockSignals(False)
        self.apply_search()
        self.select_member(member_id)
        self.show_detail_now()

    def _update_actions(self) -> None:
        member = self.selected_row()
        chosen = member is not None
        erased = bool(self.detail.detail and self.detail.detail.erased
                      and member is not None and self.detail.detail.row.id == member.id)
        for action in (self.edit_action, self.archive_action, self.suspend_action,
                       self.export_data_action):
            action.setEnabled(chosen and not erased)
        self.membership_action.setEnabled(chosen and not erased
                                          and member is not None and not member.archived)
        self.erase_action.setEnabled(chosen and not erased)
        self.print_cards_action.setEnabled(bool(self.selected_rows()))
        self.archive_action.setText(self.tr("Reactivate") if member is not None and member.archived
                                    else self.tr("Archive"))
        suspended = member is not None and member.status is Status.SUSPENDED
        self.suspend_action.setText(self.tr("Lift suspension") if suspended
                                    else self.tr("Suspend…"))
        for action in (self.edit_action, self.archive_action, self.suspend_action,
                       self.membership_action, self.export_data_action, self.erase_action):
            if not self._ctx.may(_PERMISSIONS[action.objectName()]):
                action.setEnabled(False)

    # -- after a change ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Everything again from the database (F5; after an import or another desk's work)."""
        self._fill_filter_choices()
        try:
            self.model.refresh()
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self._count()
        self._reload_detail()

    def _changed(self, member_id: int | None = None, message: str | None = None) -> None:
        self.refresh()
        if member_id is not None and not self.select_member(member_id):
            self.show_member(member_id)
        self._reload_detail()
        if message:
            self.bar.show_success(message)

    def _open(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> QDialog:
        self.bar.clear()
        self.dialog = dialog
        return open_dialog(dialog, on_accept)

    # -- the actions ---------------------------------------------------------------------------

    def new_member(self) -> MemberDialog | None:
        if not self._ctx.may(Permission.EDIT_MEMBERS):
            return None
        dialog = MemberDialog(self._ctx, parent=self)
        dialog.openRequested.connect(self.show_member)
        dialog.saved.connect(lambda member_id: self._changed(member_id))

        def accepted() -> None:
            row = dialog.saved_row
            if row is not None:
                self.bar.show_success(self.tr("%1 is saved as member %2.")
                                      .replace("%1", row.name).replace("%2", row.number))

        self._open(dialog, accepted)
        return dialog

    def edit_member(self) -> MemberDialog | None:
        detail = self.current_detail()
        if detail is None or not self.edit_action.isEnabled():
            return None
        dialog = MemberDialog(self._ctx, detail, parent=self)
        dialog.openRequested.connect(self.show_member)
        dialog.saved.connect(lambda member_id: self._changed(member_id))
        self._open(dialog, lambda: self.bar.show_success(
            self.tr("%1 is saved.").replace("%1", dialog.name.text().strip())))
        return dialog

    def record_membership(self) -> MembershipDialog | None:
        detail = self.current_detail()
        if detail is None or not self.membership_action.isEnabled():
            return None
        dialog = MembershipDialog(self._ctx, detail, parent=self)
        member_id = detail.row.id
        self._open(dialog, lambda: self._changed(member_id, self.tr(
            "The membership is recorded.")))
        return dialog

    def toggle_archived(self) -> None:
        member = self.selected_row()
        if member is None or not self.archive_action.isEnabled():
            return
        try:
            set_archived(self._ctx, member.id, not member.archived)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        if member.archived:
            self._changed(member.id, self.tr("%1 is reactivated.").replace("%1", member.name))
        else:
            self._changed(None, self.tr("%1 is archived; tick \"Show archived\" to find them "
                                        "again.").replace("%1", member.name))

    def toggle_suspension(self) -> SuspendDialog | None:
        member = self.selected_row()
        if member is None or not self.suspend_action.isEnabled():
            return None
        if member.status is Status.SUSPENDED:
            try:
                lift_suspension(self._ctx, member.id)
            except ClubhouseError as error:
                self.bar.show_error(error.render())
                return None
            self._changed(member.id, self.tr("The suspension of %1 is lifted.")
                          .replace("%1", member.name))
            return None
        dialog = SuspendDialog(self._ctx, member, parent=self)
        self._open(dialog, lambda: self._changed(member.id, self.tr("%1 is suspended.")
                                                 .replace("%1", member.name)))
        return dialog

    def edit_plans(self) -> PlansDialog:
        dialog = PlansDialog(self._ctx, parent=self)
        self._open(dialog, self.refresh)
        return dialog

    def _payment(self, payment_id: int) -> PaymentView | None:
        detail = self.detail.detail
        if detail is None:
            return None
        for period in detail.periods:
            for payment in period.payments:
                if payment.id == payment_id:
                    return payment
        return None

    def edit_payment(self, payment_id: int) -> PaymentDialog | None:
        payment = self._payment(payment_id)
        if payment is None or not self._ctx.may(Permission.MANAGE_PAYMENTS_AND_PLANS):
            return None
        dialog = PaymentDialog(self._ctx, payment, parent=self)
        self._open(dialog, lambda: self._changed(None, self.tr("The payment is corrected.")))
        return dialog

    def void_payment(self, payment_id: int) -> VoidPaymentDialog | None:
        payment = self._payment(payment_id)
        if payment is None or not self._ctx.may(Permission.MANAGE_PAYMENTS_AND_PLANS):
            return None
        dialog = VoidPaymentDialog(self._ctx, payment, parent=self)
        self._open(dialog, lambda: self._changed(None, self.tr("The payment is voided.")))
        return dialog

    def import_members(self) -> ImportDialog | None:
        if not self._ctx.may(Permission.IMPORT_EXPORT_ERASE_MEMBERS):
            return None
        dialog = ImportDialog(self._ctx, self._runner, parent=self)
        dialog.imported.connect(lambda _result: self.refresh())
        self._open(dialog)
        return dialog

    def export_members(self) -> None:
        if not self._ctx.may(Permission.IMPORT_EXPORT_ERASE_MEMBERS):
            return
        suggested = str(Path.home() / f"members-{self._today()}.xlsx")
        path = dialogs.choose_save_file(self, self.tr("Export members"), suggested,
                                        self.tr("Excel (*.xlsx);;CSV, UTF-8 for Excel (*.csv)"))
        if path is None:
            return
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        ctx = self._ctx
        self.bar.show_message(self.tr("Exporting…"))
        self._runner.run(
            lambda: file_errors(export_members, ctx, path),
            lambda count: self.bar.show_success(
                self.tr("%1 members exported to %2.").replace("%1", f"{count:,}")
                .replace("%2", str(path))),
            lambda error: self.bar.show_error(error.render()))

    def _today(self) -> str:
        return self._ctx.clock.now().date().isoformat()

    def _print(self, title: str, file_name: str,
               make: Callable[[Path], object]) -> None:
        """Make a PDF off the UI thread, then preview it."""
        print_to_preview(self, self._runner, self.bar, title, file_name, make, self._open)

    def print_directory(self) -> None:
        ctx = self._ctx
        query = self.model.query
        self._print(self.tr("Member directory"), f"member-directory-{self._today()}.pdf",
                    lambda path: print_directory(ctx, query, path))

    def print_cards(self, *, all_shown: bool) -> None:
        ctx = self._ctx
        if all_shown:
            query = self.model.query

            def make(path: Path) -> object:
                from desktop.members.service import search_members

                ids: list[int] = []
                while True:
                    page = search_members(ctx, query, offset=len(ids), limit=1000)
                    ids.extend(row.id for row in page)
                    if len(page) < 1000:
                        break
                return print_cards(ctx, ids, path)
        else:
            ids = [row.id for row in self.selected_rows()]
            if not ids:
                return

            def make(path: Path) -> object:
                return print_cards(ctx, ids, path)

        self._print(self.tr("Member cards"), f"member-cards-{self._today()}.pdf", make)

    def export_member_data(self) -> None:
        member = self.selected_row()
        if member is None or not self.export_data_action.isEnabled():
            return
        suggested = str(Path.home() / f"{member.number}-data.json")
        path = dialogs.choose_save_file(
            self, self.tr("Export %1's data").replace("%1", member.name), suggested,
            self.tr("JSON (*.json);;PDF (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() not in (".json", ".pdf"):
            path = path.with_suffix(".json")
        ctx = self._ctx
        member_id = member.id

        def write() -> object:
            if path.suffix.lower() == ".pdf":
                return write_member_data_pdf(ctx, member_id, path)
            return write_member_data(ctx, member_id, path)

        self._runner.run(
            lambda: file_errors(write),
            lambda _p: self.bar.show_success(self.tr("Everything held about %1 is in %2.")
                                              .replace("%1", member.name)
                                              .replace("%2", str(path))),
            lambda error: self.bar.show_error(error.render()))

    def erase_member(self) -> EraseDialog | None:
        member = self.selected_row()
        if member is None or not self.erase_action.isEnabled():
            return None
        dialog = EraseDialog(self._ctx, member, parent=self)
        self._open(dialog, lambda: self._changed(None, self.tr(
            "%1 is erased; the history stays without the person.").replace("%1", member.number)))
        return dialog


_PERMISSIONS = {
    "editMemberAction": Permission.EDIT_MEMBERS,
    "archiveAction": Permission.EDIT_MEMBERS,
    "suspendAction": Permission.EDIT_MEMBERS,
    "membershipAction": Permission.RECORD_MEMBERSHIP,
    "exportDataAction": Permission.IMPORT_EXPORT_ERASE_MEMBERS,
    "eraseAction": Permission.IMPORT_EXPORT_ERASE_MEMBERS,
}

