"""The Circle view: the open needs and offers on the left, the suggested matches for the
selected one on the right with the reasons each scored (readable without hovering), and the
introductions below — the recent ones, the ones to follow up, and this month's outcomes.

Keyboard: Ctrl+F search, Down or Enter from the search into the list; Enter or F2 edits an
item; Tab reaches the suggestions, where Enter (or Ctrl+I) introduces; Enter on an
introduction records its outcome (Ctrl+R); Ctrl+Shift+N new need, Ctrl+Shift+O new offer,
Ctrl+M marks the item matched, Ctrl+Shift+C closes it, Ctrl+Shift+M shows the member.
Everything the view reads comes from ``circle_overview`` in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.circle.matching import Match, suggest_for_need, suggest_for_offer
from desktop.circle.service import IntroductionView, ItemView, set_item_status
from desktop.circle.summary import CircleOverview, circle_overview, status_label
from desktop.errors import ClubhouseError
from desktop.members.service import MemberRow, get_member
from desktop.services import Context
from desktop.ui.circle.intro_dialogs import IntroductionDialog, OutcomeDialog
from desktop.ui.circle.item_dialog import ItemDialog
from desktop.ui.circle.models import IntroductionsModel, ItemsFilter, ItemsModel, MatchesModel
from desktop.ui.list_view import list_splitter, list_table, open_dialog, select_row, view_toolbar
from desktop.ui.members.common import money
from desktop.ui.search_keys import SearchKeys
from desktop.ui.table_model import ROW_ROLE
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import EnterTable, MessageBar, label, view_action, view_column

NEEDS, OFFERS = 0, 1
RECENT, FOLLOW_UPS, OUTCOMES = 0, 1, 2
REASONS_STYLE = ("QLabel#circleMatchReasons { background: #f6f8f7; border: 1px solid #d5dcd9;"
                 " border-radius: 4px; padding: 8px; }")


def _table(name: str, model: QAbstractItemModel, stretch: int) -> EnterTable:
    table = list_table(EnterTable(), name, model, row_height=26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _current_row(table: QTableView) -> object | None:
    index = table.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


def _select(table: QTableView, row: int) -> None:
    if 0 <= row < table.model().rowCount():
        select_row(table, row)


def _select_id(table: QTableView, wanted: int | None) -> bool:
    if wanted is None:
        return False
    model = table.model()
    for row in range(model.rowCount()):
        found = model.index(row, 0).data(ROW_ROLE)
        if getattr(found, "id", None) == wanted:
            _select(table, row)
            return True
    return False


class CircleView(QWidget):
    openMember = Signal(int)  # a member's id

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("circleView")
        self._ctx = ctx
        self._runner = runner
        self.dialog: QDialog | None = None
        self.overview: CircleOverview | None = None
        self.matches_for: ItemView | None = None
        self._loading = False
        column = view_column(self, self.tr("Circle"),
                             self.tr("What members offer and need, who could help whom, and "
                                     "what came of the introductions."))
        self._build_actions()
        column.addWidget(self._toolbar())
        self.bar = MessageBar("circleMessage")
        column.addWidget(self.bar)

        top = list_splitter("circleTopSplitter", Qt.Orientation.Horizontal,
                            self._items_side(), self._matches_side())
        self.splitter = list_splitter("circleSplitter", Qt.Orientation.Vertical, top,
                                      self._introductions_side())
        column.addWidget(self.splitter, 1)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object],
                shortcut: str | Qt.Key | None = None) -> QAction:
        return view_action(self, text, name, slot,
                           QKeySequence(shortcut) if shortcut is not None else None)

    def _build_actions(self) -> None:
        self.new_need_action = self._action(self.tr("New need"), "newNeedAction",
                                            lambda: self.new_item("need"), "Ctrl+Shift+N")
        self.new_offer_action = self._action(self.tr("New offer"), "newOfferAction",
                                             lambda: self.new_item("offer"), "Ctrl+Shift+O")
        self.edit_action = self._action(self.tr("Edit"), "editItemAction", self.edit_item,
                                        Qt.Key.Key_F2)
        self.matched_action = self._action(self.tr("Mark matched"), "markMatchedAction",
                                           lambda: self.set_status("matched"), "Ctrl+M")
        self.closed_action = self._action(self.tr("Mark closed"), "markClosedAction",
                                          lambda: self.set_status("closed"), "Ctrl+Shift+C")
        self.introduce_action = self._action(self.tr("Introduce…"), "introduceAction",
                                             self.introduce, "Ctrl+I")
        self.outcome_action = self._action(self.tr("Record outcome…"), "recordOutcomeAction",
                                           self.record_outcome, "Ctrl+R")
        self.member_action = self._action(self.tr("Show member"), "showMemberAction",
                                          self.show_member, "Ctrl+Shift+M")
        self.find_action = self._action(self.tr("Find"), "findItemAction", self.focus_search,
                                        "Ctrl+F")

    def _toolbar(self) -> QToolBar:
        bar = view_toolbar("circleToolbar")
        for action in (self.new_need_action, self.new_offer_action, self.edit_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.matched_action, self.closed_action, self.member_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.introduce_action, self.outcome_action):
            bar.addAction(action)
        return bar

    def _items_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        # the lists filter as the text changes (no timer, nothing to refresh after Escape)
        self._search_keys = SearchKeys(
            self, "circleSearch", self.tr("Title, member or tag  (Ctrl+F)"),
            table=lambda: self.items_table,
            has_selection=lambda: self.items_table.currentIndex().isValid(),
            select_first=lambda: _select(self.items_table, 0))
        self.search = self._search_keys.edit
        self.search.textChanged.connect(self._filter)
        column.addWidget(self.search)
        self.item_tabs = QTabWidget()
        self.item_tabs.setObjectName("circleItemTabs")
        self.needs_model, self.needs_proxy, self.needs_table = self._items_table(
            "circleNeedsTable")
        self.offers_model, self.offers_proxy, self.offers_table = self._items_table(
            "circleOffersTable")
        self.item_tabs.addTab(self.needs_table, self.tr("Open needs"))
        self.item_tabs.addTab(self.offers_table, self.tr("Open offers"))
        self.item_tabs.currentChanged.connect(lambda _i: self._item_changed())
        column.addWidget(self.item_tabs, 1)
        return side

    def _items_table(self, name: str) -> tuple[ItemsModel, ItemsFilter, EnterTable]:
        model = ItemsModel(self)
        proxy = ItemsFilter(self)
        proxy.setSourceModel(model)
        table = _table(name, proxy, ItemsModel.TITLE)
        table.entered.connect(self.edit_item)
        table.doubleClicked.connect(lambda _index: self.edit_item())
        table.selectionModel().currentRowChanged.connect(lambda *_: self._item_changed())
        return model, proxy, table

    def _matches_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(label(self.tr("Suggested matches"), "subtitle",
                               object_name="circleMatchesTitle"))
        self.matches_for_label = label("", "hint", wrap=True, object_name="circleMatchesFor")
        column.addWidget(self.matches_for_label)
        self.matches_model = MatchesModel(self)
        self.matches_table = _table("circleMatchesTable", self.matches_model, MatchesModel.WHAT)
        self.matches_table.entered.connect(self.introduce)
        self.matches_table.doubleClicked.connect(lambda _index: self.introduce())
        self.matches_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._match_changed())
        column.addWidget(self.matches_table, 1)
        self.reasons = label("", wrap=True, object_name="circleMatchReasons")
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setStyleSheet(REASONS_STYLE)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons.setMinimumHeight(70)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.reasons)
        row = QHBoxLayout()
        row.addStretch(1)
        self.introduce_button = QPushButton(self.tr("Introduce…"))
        self.introduce_button.setObjectName("circleIntroduceButton")
        self.introduce_button.clicked.connect(self.introduce)
        row.addWidget(self.introduce_button)
        column.addLayout(row)
        return side

    def _introductions_side(self) -> QTabWidget:
        self.intro_tabs = QTabWidget()
        self.intro_tabs.setObjectName("circleIntroTabs")
        self.recent_model = IntroductionsModel(self)
        self.recent_table = self._intro_table("circleRecentTable", self.recent_model)
        self.follow_model = IntroductionsModel(self)
        self.follow_table = self._intro_table("circleFollowUpsTable", self.follow_model)
        self.outcomes_model = IntroductionsModel(self)
        self.outcomes_table = self._intro_table("circleOutcomesTable", self.outcomes_model)
        outcomes = QWidget()
        outcomes_column = QVBoxLayout(outcomes)
        outcomes_column.setContentsMargins(6, 6, 6, 6)
        self.outcome_counts = label("", wrap=True, object_name="circleOutcomeCounts")
        self.outcome_counts.setTextFormat(Qt.TextFormat.RichText)
        outcomes_column.addWidget(self.outcome_counts)
        outcomes_column.addWidget(self.outcomes_table, 1)
        self.intro_tabs.addTab(self.recent_table, "")
        self.intro_tabs.addTab(self.follow_table, "")
        self.intro_tabs.addTab(outcomes, "")
        self.intro_tabs.currentChanged.connect(lambda _i: self._enable())
        return self.intro_tabs

    def _intro_table(self, name: str, model: IntroductionsModel) -> EnterTable:
        table = _table(name, model, IntroductionsModel.NOTE)
        table.entered.connect(self.record_outcome)
        table.doubleClicked.connect(lambda _index: self.record_outcome())
        table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        return table

    # -- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Everything again from the database; the selected item, match and introduction stay
        selected when they are still there."""
        keep_item = self.selected_item()
        keep_intro = self.selected_introduction()
        try:
            overview = circle_overview(self._ctx)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.overview = overview
        self._loading = True  # one suggestion query at the end, not one per table reset
        self.needs_model.set_rows(overview.needs)
        self.offers_model.set_rows(overview.offers)
        self.recent_model.set_rows(overview.recent)
        self.follow_model.set_rows(overview.follow_ups)
        self.outcomes_model.set_rows(overview.outcomes.introductions)
        self.item_tabs.setTabText(NEEDS, self.tr("Open needs (%1)").replace(
            "%1", str(len(overview.needs))))
        self.item_tabs.setTabText(OFFERS, self.tr("Open offers (%1)").replace(
            "%1", str(len(overview.offers))))
        self.intro_tabs.setTabText(RECENT, self.tr("Recent introductions (%1)").replace(
            "%1", str(len(overview.recent))))
        self.intro_tabs.setTabText(FOLLOW_UPS, self.tr("Follow up (%1)").replace(
            "%1", str(len(overview.follow_ups))))
        self.intro_tabs.setTabText(OUTCOMES, self.tr("Outcomes this month (%1)").replace(
            "%1", str(overview.outcomes.total)))
        self.outcome_counts.setText(self._counts_html(overview))
        for table in (self.needs_table, self.offers_table):
            if not _select_id(table, keep_item.id if keep_item else None):
                _select(table, 0)
        for table in (self.recent_table, self.follow_table, self.outcomes_table):
            if not _select_id(table, keep_intro.id if keep_intro else None):
                _select(table, 0)
        self._loading = False
        self.matches_for = None
        self._item_changed()

    def _counts_html(self, overview: CircleOverview) -> str:
        month = overview.outcomes
        parts = [f"{escape(c.label.render())} <b>{c.count}</b>" for c in month.counts]
        value = self.tr("value %1").replace("%1", money(month.total_value))
        return " &nbsp;·&nbsp; ".join([*parts, escape(value)])

    def _filter(self, text: str) -> None:
        for proxy, table in ((self.needs_proxy, self.needs_table),
                             (self.offers_proxy, self.offers_table)):
            proxy.set_text(text)
            if not table.currentIndex().isValid():
                _select(table, 0)
        self._item_changed()

    @property
    def items_table(self) -> EnterTable:
        return self.offers_table if self.item_tabs.currentIndex() == OFFERS else self.needs_table

    def selected_item(self) -> ItemView | None:
        found = _current_row(self.items_table)
        return found if isinstance(found, ItemView) else None

    def selected_match(self) -> Match | None:
        found = _current_row(self.matches_table)
        return found if isinstance(found, Match) else None

    @property
    def intro_table(self) -> QTableView:
        return (self.recent_table, self.follow_table,
                self.outcomes_table)[self.intro_tabs.currentIndex()]

    def selected_introduction(self) -> IntroductionView | None:
        found = _current_row(self.intro_table)
        return found if isinstance(found, IntroductionView) else None

    def select_item(self, item: ItemView) -> None:
        self.item_tabs.setCurrentIndex(OFFERS if item.side == "offer" else NEEDS)
        if not _select_id(self.items_table, item.id) and self.search.text():
            self.search.clear()
            _select_id(self.items_table, item.id)

    def _item_changed(self) -> None:
        """Suggestions for the item now selected (only when it changed: they cost a query)."""
        if self._loading:
            return
        item = self.selected_item()
        if item != self.matches_for:
            self.matches_for = item
            matches: list[Match] = []
            if item is not None:
                try:
                    suggest = suggest_for_need if item.side == "need" else suggest_for_offer
                    matches = suggest(self._ctx, item.id)
                except ClubhouseError as error:
                    self.bar.show_error(error.render())
            self.matches_model.set_rows(matches)
            _select(self.matches_table, 0)
            if item is None:
                self.matches_for_label.setText(self.tr("Select a need or an offer."))
            else:
                self.matches_for_label.setText(
                    (self.tr("Offers and partners for the need “%1”") if item.side == "need"
                     else self.tr("Needs the offer “%1” could answer")).replace("%1", item.title))
        self._match_changed()

    def _match_changed(self) -> None:
        match = self.selected_match()
        if match is None:
            text = (self.tr("No suggestions yet: nothing open shares a tag or a word with it.")
                    if self.matches_for is not None else "")
            self.reasons.setText(escape(text))
        else:
            what = match.who if match.title == match.who else f"{match.who} · {match.title}"
            score = self.tr("score %1").replace("%1", f"{match.score:g}")
            lines = "".join(f"<div>• {escape(reason.render())}</div>" for reason in match.reasons)
            self.reasons.setText(f"<div><b>{escape(what)}</b> — {escape(score)}</div>{lines}")
        self._enable()

    def _enable(self) -> None:
        item = self.selected_item()
        self.edit_action.setEnabled(item is not None)
        self.matched_action.setEnabled(item is not None)
        self.closed_action.setEnabled(item is not None)
        self.member_action.setEnabled(item is not None)
        self.introduce_action.setEnabled(item is not None)
        self.introduce_button.setEnabled(item is not None)
        self.outcome_action.setEnabled(self.selected_introduction() is not None)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the view shows the circle as it is now (other desks)."""
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

    def _item_saved(self, dialog: ItemDialog) -> None:
        if dialog.saved is not None:
            self.refresh()
            self.select_item(dialog.saved)
            self.bar.show_success(self.tr("“%1” is saved.").replace("%1", dialog.saved.title))

    def new_item(self, side: str) -> ItemDialog:
        dialog = ItemDialog(self._ctx, side, parent=self)
        self._open(dialog, lambda: self._item_saved(dialog))
        return dialog

    def edit_item(self) -> ItemDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        dialog = ItemDialog(self._ctx, item.side, item=item, parent=self)
        self._open(dialog, lambda: self._item_saved(dialog))
        return dialog

    def set_status(self, status: str) -> None:
        item = self.selected_item()
        if item is None:
            return
        try:
            changed = set_item_status(self._ctx, item.id, status)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.refresh()
        self.bar.show_success(self.tr("“%1” is now %2.").replace("%1", changed.title)
                              .replace("%2", status_label(changed.status).render()))

    def show_member(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.openMember.emit(item.member_id)

    def _member_row(self, member_id: int) -> MemberRow | None:
        try:
            return get_member(self._ctx, member_id).row
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return None

    def _other_item(self, match: Match) -> ItemView | None:
        if self.overview is None:
            return None
        pool = self.overview.offers if match.kind == "offer" else self.overview.needs
        return next((i for i in pool if i.id == match.id), None)

    def introduce(self) -> IntroductionDialog | None:
        """The introduction dialog for the selected item, prefilled from the selected match:
        the member with the need first, then the member with the offer, or the partner."""
        item = self.selected_item()
        if item is None:
            return None
        match = self.selected_match()
        partner: tuple[int, str] | None = None
        need_member: int | None = item.member_id if item.side == "need" else None
        offer_member: int | None = item.member_id if item.side == "offer" else None
        if match is not None and match.kind == "partner":
            partner = (match.id, match.who)
        elif match is not None:
            other = self._other_item(match)
            if other is not None and other.side == "need":
                need_member = other.member_id
            elif other is not None:
                offer_member = other.member_id
        member_a = self._member_row(need_member) if need_member is not None else None
        member_b = self._member_row(offer_member) if offer_member is not None else None
        dialog = IntroductionDialog(self._ctx, member_a=member_a, member_b=member_b,
                                    partner=partner, item=item, parent=self)

        def accepted() -> None:
            made = dialog.result_value
            if made is None:
                return
            self.refresh()
            self.intro_tabs.setCurrentIndex(RECENT)
            _select_id(self.recent_table, made.introduction.id)
            text = self.tr("%1 is introduced to %2.").replace(
                "%1", made.introduction.member_a_name).replace("%2", made.introduction.other)
            if made.warnings:
                warnings = "\n".join(w.render() for w in made.warnings)
                self.bar.show_message(text + "\n" + self.tr("Note: %1").replace("%1", warnings))
            else:
                self.bar.show_success(text)

        self._open(dialog, accepted)
        return dialog

    def record_outcome(self) -> OutcomeDialog | None:
        intro = self.selected_introduction()
        if intro is None:
            return None
        dialog = OutcomeDialog(self._ctx, intro, parent=self)

        def accepted() -> None:
            done = dialog.result_value
            if done is None:
                return
            self.refresh()
            self.bar.show_success(self.tr("Outcome recorded: %1 and %2.")
                                  .replace("%1", done.member_a_name).replace("%2", done.other))

        self._open(dialog, accepted)
        return dialog

