"""The Today view, the desk's home screen: today's bookings with Arrived and No-show, today's
events with one key into door mode, who is expected next, members booked today whose
membership ends soon, one search box for members, bookings and events, and "Member came in".

Keyboard (shown on the buttons): Ctrl+F search (Down or Enter into the results, Enter opens
one, Escape back); in the bookings Enter (or Ctrl+Enter) = arrived, Ctrl+Backspace = no-show
(keys of the table only: in the search box they edit the text); in the events
Enter or Ctrl+D = door mode; Ctrl+I member came in; F5 refresh (the window's).

Another desk's change shows by itself: a timer asks ``change_stamp`` (one cheap query) every
``poll_ms`` and reloads when it moved, so the screen is at most that late (the issue asks for
3 seconds).  Opening a member, a booking or an event is the window's business: this view only
says which (``openMember`` / ``openBooking`` / ``openEvent`` / ``doorModeRequested``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.lifecycle import check_in, mark_no_show
from desktop.booking.service import BookingView
from desktop.errors import ClubhouseError
from desktop.events.service import EventView
from desktop.services import Context
from desktop.today.service import (
    SearchResults,
    TodayOverview,
    change_stamp,
    search_everything,
    today_overview,
)
from desktop.ui.booking.common import weekday_names
from desktop.ui.list_view import list_table
from desktop.ui.table_model import ROW_ROLE, RowsModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.today.models import (
    ExpectedModel,
    RenewalsModel,
    TodayBookingsModel,
    TodayEventsModel,
    span,
)
from desktop.ui.today.visit_dialog import VisitDialog
from desktop.ui.widgets import EnterTable, MessageBar, label, view_action, view_column

POLL_MS = 1500
SEARCH_DELAY_MS = 150
KIND_ROLE = Qt.ItemDataRole.UserRole + 5  # "member", "booking" or "event" on a result line
ID_ROLE = Qt.ItemDataRole.UserRole + 6
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ResultsList(QListView):
    """The grouped search results; Enter opens the current one, Escape goes back."""

    entered = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and self.currentIndex().isValid():
            self.entered.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _table(name: str, model: RowsModel[Any], widths: tuple[int, ...]) -> EnterTable:
    """A list table whose columns start at ``widths``; a width of 0 stretches that column
    over what is left."""
    table = list_table(EnterTable(), name, model)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for section, width in enumerate(widths):
        if width:
            header.resizeSection(section, width)
        else:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
    return table


def _section(title: str, object_name: str) -> QLabel:
    heading = label(title, object_name=object_name)
    heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
    return heading


class TodayView(QWidget):
    doorModeRequested = Signal(int)  # an event's id
    openMember = Signal(int)
    openBooking = Signal(int)
    openEvent = Signal(int)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None, *,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self._ctx = ctx
        self._runner = runner
        self._stamp: tuple[int, int] | None = None
        self.overview: TodayOverview | None = None
        self.results = SearchResults((), (), ())
        self.dialog: VisitDialog | None = None
        column = view_column(self, self.tr("Today"), "")
        self.header_subtitle = self.findChild(QLabel, "viewSubtitle")
        self._build_actions()
        column.addLayout(self._top_row())
        self.bar = MessageBar("todayMessage")
        column.addWidget(self.bar)
        self.pages = QStackedWidget()
        self.pages.setObjectName("todayPages")
        self.pages.addWidget(self._day_page())
        self.pages.addWidget(self._results_page())
        column.addWidget(self.pages, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._search_edited)

        self.poll_timer = QTimer(self)
        self.poll_timer.setObjectName("todayPollTimer")
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object],
                shortcut: QKeySequence) -> QAction:
        return view_action(self, text, name, slot, shortcut)

    def _build_actions(self) -> None:
        key = QKeySequence
        self.find_action = self._action(self.tr("Find"), "todayFindAction", self.focus_search,
                                        key("Ctrl+F"))
        self.arrived_action = self._action(self.tr("Arrived"), "arrivedAction", self.arrived,
                                           key("Ctrl+Return"))
        self.no_show_action = self._action(self.tr("No-show"), "noShowAction", self.no_show,
                                           key("Ctrl+Backspace"))
        self.door_action = self._action(self.tr("Door mode"), "todayDoorModeAction",
                                        self.request_door_mode, key("Ctrl+D"))
        self.came_in_action = self._action(self.tr("Member came in…"), "cameInAction",
                                           self.member_came_in, key("Ctrl+I"))

    def _button(self, text: str, name: str, action: QAction, *, primary: bool = False
                ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.setAutoDefault(False)
        if primary:
            button.setProperty("primary", True)
        button.clicked.connect(action.trigger)
        return button

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("todaySearch")
        self.search.setPlaceholderText(
            self.tr("Find a member, booking or event: name, pinyin, number, phone, space, "
                    "title  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        row.addWidget(self.search, 1)
        self.came_in_button = self._button(self.tr("Member came in…  Ctrl+I"), "cameInButton",
                                           self.came_in_action)
        row.addWidget(self.came_in_button)
        return row

    def _day_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("todayDayPage")
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setObjectName("todaySplitter")
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 6, 0)
        heading = QHBoxLayout()
        heading.addWidget(_section(self.tr("Bookings today"), "todayBookingsTitle"))
        heading.addStretch(1)
        self.bookings_count = label("", "hint", object_name="todayBookingsCount")
        heading.addWidget(self.bookings_count)
        left_column.addLayout(heading)
        self.bookings_model = TodayBookingsModel(self)
        self.bookings = _table("todayBookings", self.bookings_model, (86, 92, 0, 46, 86))
        self.bookings.entered.connect(self.arrived)
        for action in (self.arrived_action, self.no_show_action):  # keys of the table only
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.removeAction(action)
            self.bookings.addAction(action)
        self.bookings.doubleClicked.connect(lambda _i: self._open_booking())
        left_column.addWidget(self.bookings, 1)
        buttons = QHBoxLayout()
        self.arrived_button = self._button(self.tr("Arrived  Enter"), "arrivedButton",
                                           self.arrived_action, primary=True)
        self.no_show_button = self._button(self.tr("No-show  Ctrl+Backspace"), "noShowButton",
                                           self.no_show_action)
        buttons.addWidget(self.arrived_button)
        buttons.addWidget(self.no_show_button)
        buttons.addStretch(1)
        left_column.addLayout(buttons)
        splitter.addWidget(left)

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(6, 0, 0, 0)
        events_heading = QHBoxLayout()
        events_heading.addWidget(_section(self.tr("Events today"), "todayEventsTitle"))
        events_heading.addStretch(1)
        self.door_button = self._button(self.tr("Door mode  Ctrl+D"), "todayDoorModeButton",
                                        self.door_action)
        events_heading.addWidget(self.door_button)
        right_column.addLayout(events_heading)
        self.events_model = TodayEventsModel(self)
        self.events = _table("todayEvents", self.events_model, (96, 0, 86, 80))
        self.events.entered.connect(self.request_door_mode)
        self.events.doubleClicked.connect(lambda _i: self._open_event())
        self.events.setMinimumHeight(90)
        self.events.setMaximumHeight(122)  # a venue has a few events a day
        right_column.addWidget(self.events)
        right_column.addWidget(_section(self.tr("Expected next"), "todayExpectedTitle"))
        self.expected_model = ExpectedModel(self)
        self.expected = _table("todayExpected", self.expected_model, (56, 0, 120, 70))
        self.expected.entered.connect(self._expected_entered)
        right_column.addWidget(self.expected, 3)
        right_column.addWidget(_section(self.tr("Membership ending: a chance to renew"),
                                        "todayRenewalsTitle"))
        self.renewals_model = RenewalsModel(self)
        self.renewals = _table("todayRenewals", self.renewals_model, (0, 104, 96, 166, 72))
        self.renewals.entered.connect(self._renewal_entered)
        self.renewals.doubleClicked.connect(lambda _i: self._renewal_entered())
        right_column.addWidget(self.renewals, 2)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([490, 510])
        self.bookings.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.events.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        return page

    def _results_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.results_hint = label(self.tr("Enter opens the chosen line; Escape goes back to "
                                          "today."), "hint", object_name="todaySearchHint")
        column.addWidget(self.results_hint)
        self.results_model = QStandardItemModel(self)
        self.results_list = ResultsList()
        self.results_list.setObjectName("todaySearchResults")
        self.results_list.setModel(self.results_model)
        self.results_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_list.setUniformItemSizes(False)
        self.results_list.setStyleSheet(
            "QListView { background: #ffffff; border: 1px solid #d5dcd9; font-size: 11pt; }"
            "QListView::item { padding: 5px 8px; }"
            "QListView::item:disabled { color: #1f2a27; }"
            "QListView::item:selected { background: #cfe3db; color: #1f2a27; }")
        self.results_list.entered.connect(self.open_result)
        self.results_list.doubleClicked.connect(lambda _i: self.open_result())
        self.results_list.escaped.connect(self.focus_search)
        column.addWidget(self.results_list, 1)
        return page

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the day again (another desk's change, F5, after an action here); the selected
        booking and event stay selected."""
        keep_booking = self.selected_booking()
        keep_event = self.selected_event()
        try:
            self._stamp = change_stamp(self._ctx)  # first: a write after it shows next poll
            overview = today_overview(self._ctx)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.overview = overview
        self._subtitle(overview)
        self.bookings_model.set_rows(overview.bookings)
        self.events_model.set_rows(overview.events)
        self.expected_model.now = overview.now
        self.expected_model.set_rows(overview.expected)
        self.renewals_model.set_rows(overview.renewals)
        count = len(overview.bookings)
        self.bookings_count.setText(self.tr("1 booking") if count == 1 else
                                    self.tr("%1 bookings").replace("%1", str(count)))
        self._reselect(self.bookings, self.bookings_model.row_of(keep_booking.id)
                       if keep_booking else None, self._first_expected_row())
        self._reselect(self.events, self.events_model.row_of(keep_event.id)
                       if keep_event else None, 0)
        if self.search.text().strip():
            self.run_search()
        self._enable()

    def _subtitle(self, overview: TodayOverview) -> None:
        day = overview.day
        events = len(overview.events)
        text = " · ".join((
            f"{day:%Y-%m-%d} {weekday_names()[day.weekday()]}",
            self.tr("no events today") if events == 0 else self.tr("1 event today")
            if events == 1 else self.tr("%1 events today").replace("%1", str(events))))
        if self.header_subtitle is not None:
            self.header_subtitle.setText(text)
            self.header_subtitle.setVisible(True)

    def _first_expected_row(self) -> int:
        """The first booking still to arrive, else the first row: where the desk starts."""
        for number, booking in enumerate(self.bookings_model.rows):
            if booking.status == "confirmed":
                return number
        return 0

    @staticmethod
    def _reselect(table: QTableView, row: int | None, fallback: int) -> None:
        model = table.model()
        if model.rowCount() == 0:
            return
        target = row if row is not None else min(fallback, model.rowCount() - 1)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        index = model.index(target, 0)
        table.selectionModel().setCurrentIndex(index, flags)
        table.scrollTo(index)

    def poll(self) -> bool:
        """Reload when another desk wrote something; True when it did.  Skipped while the view
        is hidden (showing it polls at once)."""
        if not self.isVisible():
            return False
        try:
            stamp = change_stamp(self._ctx)
        except ClubhouseError:
            return False  # the database is away for a moment; the next tick tries again
        if stamp == self._stamp:
            return False
        self.refresh()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.poll()
            self.poll_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self.poll_timer.stop()

    # -- the day's actions ---------------------------------------------------------------------

    def selected_booking(self) -> BookingView | None:
        index = self.bookings.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected_event(self) -> EventView | None:
        index = self.events.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _enable(self) -> None:
        booking = self.selected_booking()
        waiting = booking is not None and booking.status == "confirmed"
        self.arrived_action.setEnabled(waiting)
        self.arrived_button.setEnabled(waiting)
        self.no_show_action.setEnabled(waiting)
        self.no_show_button.setEnabled(waiting)
        event = self.selected_event()
        self.door_action.setEnabled(event is not None)
        self.door_button.setEnabled(event is not None)

    def _booking_action(self, act: Callable[[Context, int], BookingView],
                        done: Callable[[BookingView], str]) -> BookingView | None:
        booking = self.selected_booking()
        if booking is None or booking.status != "confirmed":
            return None
        try:
            changed = act(self._ctx, booking.id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return None
        self.refresh()
        self.bar.show_success(done(changed))
        return changed

    def arrived(self) -> BookingView | None:
        """The selected party is here: checked in (which records the member's visit)."""
        return self._booking_action(check_in, lambda b: self.tr("%1 arrived at %2 (%3).")
                                    .replace("%1", b.who).replace("%2", b.space_name)
                                    .replace("%3", f"{b.checked_in_at:%H:%M}"
                                             if b.checked_in_at else ""))

    def no_show(self) -> BookingView | None:
        return self._booking_action(mark_no_show, lambda b: self.tr(
            "%1 is marked as a no-show (%2, %3).").replace("%1", b.who)
            .replace("%2", b.space_name).replace("%3", span(b.starts, b.ends)))

    def request_door_mode(self) -> None:
        event = self.selected_event()
        if event is not None:
            self.doorModeRequested.emit(event.id)

    def _open_booking(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            self.openBooking.emit(booking.id)

    def _open_event(self) -> None:
        event = self.selected_event()
        if event is not None:
            self.openEvent.emit(event.id)

    def _expected_entered(self) -> None:
        """Enter on who is expected: that booking or event is selected beside it."""
        index = self.expected.currentIndex()
        item = index.data(ROW_ROLE) if index.isValid() else None
        if item is None:
            return
        if item.kind == "booking":
            row = self.bookings_model.row_of(item.id)
            if row is not None:
                self._reselect(self.bookings, row, 0)
                self.bookings.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            row = self.events_model.row_of(item.id)
            if row is not None:
                self._reselect(self.events, row, 0)
                self.events.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renewal_entered(self) -> None:
        index = self.renewals.currentIndex()
        chance = index.data(ROW_ROLE) if index.isValid() else None
        if chance is not None:
            self.openMember.emit(chance.member_id)

    def member_came_in(self) -> VisitDialog:
        self.bar.clear()
        dialog = VisitDialog(self._ctx, self)
        self.dialog = dialog

        def accepted() -> None:
            visit = dialog.visit
            if visit is not None:
                text = self.tr("%1 came in at %2.").replace("%1", visit.member_name) \
                    .replace("%2", f"{visit.at:%H:%M}")
                if visit.note:
                    text += f" ({visit.note})"
                self.bar.show_success(text)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    # -- searching -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_edited(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.results = SearchResults((), (), ())
            self.results_model.clear()
            self.pages.setCurrentIndex(0)

    def run_search(self) -> SearchResults:
        """Search members, bookings and events for the box's text and list them by kind."""
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.pages.setCurrentIndex(0)
            return self.results
        try:
            self.results = search_everything(self._ctx, text)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return self.results
        keep = self.results_list.currentIndex().row()  # a reload keeps the line chosen
        self._fill_results(self.results)
        if 0 <= keep < self.results_model.rowCount() and \
                self.results_model.item(keep).data(KIND_ROLE) != "heading":
            self.results_list.setCurrentIndex(self.results_model.index(keep, 0))
        self.pages.setCurrentIndex(1)
        return self.results

    def _fill_results(self, results: SearchResults) -> None:
        model = self.results_model
        model.clear()
        if results.empty:
            model.appendRow(self._heading(self.tr("Nothing found.")))
            return
        if results.members:
            model.appendRow(self._heading(self.tr("Members")))
            for member in results.members:
                parts = [member.name, member.number, member.phone, member.status.label.render()]
                if member.ends_on is not None:
                    parts.append(self.tr("until %1").replace("%1", f"{member.ends_on:%Y-%m-%d}"))
                model.appendRow(self._line(" · ".join(p for p in parts if p), "member",
                                           member.id))
        if results.bookings:
            model.appendRow(self._heading(self.tr("Bookings")))
            for booking in results.bookings:
                day = weekday_names()[booking.starts.weekday()]
                text = (f"{booking.starts:%m-%d} {day} {span(booking.starts, booking.ends)} · "
                        f"{booking.space_name} · {booking.who} · {booking.party_size}")
                model.appendRow(self._line(text, "booking", booking.id))
        if results.events:
            model.appendRow(self._heading(self.tr("Events")))
            for event in results.events:
                day = weekday_names()[event.starts.weekday()]
                text = (f"{event.starts:%m-%d} {day} {span(event.starts, event.ends)} · "
                        f"{event.title} · {event.space_name} · "
                        + self.tr("%1 registered").replace("%1", str(event.registered)))
                model.appendRow(self._line(text, "event", event.id))

    @staticmethod
    def _heading(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # the arrow keys step over it
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        item.setData("heading", KIND_ROLE)
        return item

    @staticmethod
    def _line(text: str, kind: str, ident: int) -> QStandardItem:
        item = QStandardItem("    " + text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(kind, KIND_ROLE)
        item.setData(ident, ID_ROLE)
        return item

    def result_lines(self) -> list[tuple[str, str]]:
        """(kind, text) of every line of the results, headings included (for tests, support)."""
        return [(str(self.results_model.item(r).data(KIND_ROLE)),
                 self.results_model.item(r).text().strip())
                for r in range(self.results_model.rowCount())]

    def _first_result(self) -> QModelIndex:
        for row in range(self.results_model.rowCount()):
            if self.results_model.item(row).data(KIND_ROLE) != "heading":
                return self.results_model.index(row, 0)
        return QModelIndex()

    def open_result(self) -> None:
        index = self.results_list.currentIndex()
        if not index.isValid():
            return
        kind, ident = index.data(KIND_ROLE), index.data(ID_ROLE)
        signal = {"member": self.openMember, "booking": self.openBooking,
                  "event": self.openEvent}.get(kind)
        if signal is not None:
            signal.emit(int(ident))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, *_ENTER) and self.search.text().strip():
                if self._search_timer.isActive() or self.pages.currentIndex() == 0:
                    self.run_search()
                first = self._first_result()
                if first.isValid():
                    self.results_list.setCurrentIndex(first)
                    self.results_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
