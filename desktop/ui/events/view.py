"""The Events view: upcoming, past or all events with their counts (registered, waitlisted,
checked in), the selected event's registrations below, and the desk's actions.

Keyboard: Ctrl+F search titles, Down or Enter from the search into the table, Enter or F2
edit, Ctrl+E new event (Ctrl+N is a new booking everywhere), Ctrl+P print the roster,
Ctrl+D door mode for the selected event, Delete (in the table) cancel it.  Door mode itself
is another view: this one only asks for it (``doorModeRequested``) with the event's id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.events.service import EventView, cancel_event, list_events
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.bootstrap import current_language
from desktop.ui.events.common import ReasonDialog
from desktop.ui.events.event_dialog import EventDialog
from desktop.ui.events.models import EventsModel, SortProxy
from desktop.ui.events.registrations_panel import RegistrationsPanel
from desktop.ui.list_view import list_splitter, list_table, open_dialog, select_row, view_toolbar
from desktop.ui.partners.event_partners_dialog import EventPartnersDialog
from desktop.ui.pdf_preview import print_to_preview
from desktop.ui.search_keys import SearchKeys
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import EnterTable, MessageBar, label, view_action, view_column

UPCOMING, PAST, ALL = "upcoming", "past", "all"
SEARCH_DELAY_MS = 150
# When, Title (takes what is left), Kind, Host, Space, Capacity, Registered, Waitlist,
# Checked in, Fee
COLUMN_WIDTHS = (178, 0, 96, 76, 96, 66, 78, 62, 76, 72)


class EventsView(QWidget):
    doorModeRequested = Signal(int)  # the event's id

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsView")
        self._ctx = ctx
        self._runner = runner
        self.dialog: QDialog | None = None
        column = view_column(self, self.tr("Events"),
                             self.tr("Reading clubs, tastings, outings and talks: who is "
                                     "coming, who waits, and the roster for the door."))
        self._build_actions()
        column.addWidget(self._toolbar())
        column.addLayout(self._filters())
        self.bar = MessageBar("eventsMessage")
        column.addWidget(self.bar)

        self.model = EventsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = list_table(EnterTable(), "eventsTable", self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(48)
        for section, width in enumerate(COLUMN_WIDTHS):
            if width:
                header.resizeSection(section, width)
        header.setSectionResizeMode(EventsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EventsModel.WHEN, Qt.SortOrder.AscendingOrder)
        self.table.entered.connect(self.edit_event)
        self.table.addAction(self.cancel_action)
        self.table.doubleClicked.connect(lambda _index: self.edit_event())

        self.panel = RegistrationsPanel(ctx)
        self.panel.changed.connect(self.refresh)

        self.splitter = list_splitter("eventsSplitter", Qt.Orientation.Vertical, self.table,
                                      self.panel, sizes=(330, 260))
        column.addWidget(self.splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object],
                shortcut: QKeySequence | None = None) -> QAction:
        return view_action(self, text, name, slot, shortcut)

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action(self.tr("New event"), "newEventAction", self.new_event,
                                       key("Ctrl+E"))
        self.edit_action = self._action(self.tr("Edit"), "editEventAction", self.edit_event,
                                        key(Qt.Key.Key_F2))
        self.cancel_action = self._action(self.tr("Cancel event…"), "cancelEventAction",
                                          self.cancel_event, key(Qt.Key.Key_Delete))
        # Delete only in the table: in the search box it deletes a character
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.roster_action = self._action(self.tr("Print roster…"), "printRosterAction",
                                          lambda: self.print_roster(), key("Ctrl+P"))
        self.roster_walk_in_action = self._action(
            self.tr("Roster with a page for walk-ins…"), "printRosterWalkInAction",
            lambda: self.print_roster(walk_in_page=True))
        self.badges_action = self._action(
            self.tr("Name badges…"), "printBadgesAction", lambda: self.print_badges())
        self.door_action = self._action(self.tr("Door mode"), "doorModeAction",
                                        self.request_door_mode, key("Ctrl+D"))
        self.find_action = self._action(self.tr("Find"), "findEventAction", self.focus_search,
                                        key("Ctrl+F"))
        self.partners_action = self._action(self.tr("Partners…"), "eventPartnersAction",
                                            self.edit_partners, key("Ctrl+Shift+P"))

    def _toolbar(self) -> QToolBar:
        bar = view_toolbar("eventsToolbar")
        for action in (self.new_action, self.edit_action, self.cancel_action,
                       self.partners_action):
            bar.addAction(action)
        bar.addSeparator()
        menu = QMenu(self)
        menu.setObjectName("rosterMenu")
        menu.addAction(self.roster_action)
        menu.addAction(self.roster_walk_in_action)
        menu.addAction(self.badges_action)
        self.roster_button = QToolButton()
        self.roster_button.setObjectName("printRosterButton")
        self.roster_button.setDefaultAction(self.roster_action)
        self.roster_button.setMenu(menu)
        self.roster_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.roster_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addWidget(self.roster_button).setVisible(self._ctx.may(Permission.PRINT))
        self.door_button = QToolButton()
        self.door_button.setObjectName("doorModeButton")
        self.door_button.setDefaultAction(self.door_action)
        self.door_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.door_button.setStyleSheet("QToolButton { font-weight: 600; }")
        bar.addWidget(self.door_button)
        return bar

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.range_filter = QComboBox()
        self.range_filter.setObjectName("eventsRangeFilter")
        self.range_filter.addItem(self.tr("Upcoming"), UPCOMING)
        self.range_filter.addItem(self.tr("Past"), PAST)
        self.range_filter.addItem(self.tr("All"), ALL)
        self.range_filter.currentIndexChanged.connect(lambda _i: self._range_changed())
        row.addWidget(self.range_filter)
        self._search_keys = SearchKeys(
            self, "eventsSearch", self.tr("Title  (Ctrl+F)"), min_width=260,
            table=lambda: self.table, refresh=self.refresh,
            delay_ms=SEARCH_DELAY_MS,
            has_rows=lambda: self.proxy.rowCount() > 0,
            has_selection=lambda: self.selected_event() is not None,
            select_first=lambda: self.select_row(0))
        self.search = self._search_keys.edit
        row.addWidget(self.search, 1)
        self.count_label = label("", "hint", object_name="eventsCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.count_label)
        return row

    # -- listing -------------------------------------------------------------------------------

    @property
    def current_range(self) -> str:
        return str(self.range_filter.currentData())

    def set_range(self, which: str) -> None:
        self.range_filter.setCurrentIndex(max(self.range_filter.findData(which), 0))

    def _range_changed(self) -> None:
        # the past reads best newest first; what is coming, soonest first
        order = (Qt.SortOrder.DescendingOrder if self.current_range == PAST
                 else Qt.SortOrder.AscendingOrder)
        self.table.sortByColumn(EventsModel.WHEN, order)
        self.refresh()

    def _events(self) -> list[EventView]:
        today = self._ctx.clock.now().date()
        search = self.search.text().strip() or None
        if self.current_range == UPCOMING:
            return list_events(self._ctx, first_day=today, search=search)
        if self.current_range == PAST:
            return list_events(self._ctx, last_day=today - dt.timedelta(days=1), search=search)
        return list_events(self._ctx, search=search)

    def refresh(self) -> None:
        """The events again from the database (F5, after a change here or at another desk);
        the selected event stays selected."""
        self._search_keys.timer.stop()
        keep = self.selected_event()
        try:
            events = self._events()
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.model.set_rows(events)
        self.count_label.setText(self.tr("1 event") if len(events) == 1 else
                                 self.tr("%1 events").replace("%1", str(len(events))))
        if not (keep is not None and self.select_event(keep.id)) and events:
            self.select_row(0)
        self._selected()

    def selected_event(self) -> EventView | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.row_at(source.row()) if source.isValid() else None

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def select_event(self, event_id: int) -> bool:
        row = self.model.row_of(event_id)
        if row is None:
            return False
        self.select_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def _selected(self) -> None:
        event = self.selected_event()
        self.panel.show_event(event)
        chosen = event is not None
        scheduled = chosen and event is not None and event.status == "scheduled"
        self.edit_action.setEnabled(scheduled)
        self.cancel_action.setEnabled(scheduled)
        self.partners_action.setEnabled(chosen)
        printing = chosen and self._ctx.may(Permission.PRINT)
        self.roster_action.setEnabled(printing)
        self.roster_walk_in_action.setEnabled(printing)
        self.badges_action.setEnabled(printing)
        self.door_action.setEnabled(scheduled)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the view shows the counts as they are now (the door, other desks)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # -- keyboard ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self._search_keys.focus()

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> QDialog:
        self.bar.clear()
        self.dialog = dialog
        return open_dialog(dialog, on_accept)

    def new_event(self) -> EventDialog:
        dialog = EventDialog(self._ctx, parent=self)

        def accepted() -> None:
            made = dialog.saved
            if not made:
                return
            if self.current_range == PAST:
                self.set_range(UPCOMING)
            self.refresh()
            self.select_event(made[0].id)
            if len(made) == 1:
                self.bar.show_success(self.tr("%1 is created; %2 is booked.")
                                      .replace("%1", made[0].title)
                                      .replace("%2", made[0].space_name))
            else:
                self.bar.show_success(self.tr("%1 is created on %2 dates.")
                                      .replace("%1", made[0].title)
                                      .replace("%2", str(len(made))))

        self._open(dialog, accepted)
        return dialog

    def edit_event(self) -> EventDialog | None:
        event = self.selected_event()
        if event is None or not self.edit_action.isEnabled():
            return None
        dialog = EventDialog(self._ctx, event, parent=self)

        def accepted() -> None:
            self.refresh()
            if dialog.saved:
                self.select_event(dialog.saved[0].id)
                lines = [self.tr("%1 is saved.").replace("%1", dialog.saved[0].title)]
                lines += [self.tr("%1 moved up from the waitlist").replace("%1", who)
                          for who in dialog.promoted]
                self.bar.show_success("\n".join(lines))

        self._open(dialog, accepted)
        return dialog

    def cancel_event(self) -> ReasonDialog[EventView] | None:
        event = self.selected_event()
        if event is None or not self.cancel_action.isEnabled():
            return None
        ctx = self._ctx
        people = event.registered + event.waitlisted
        text = self.tr("Cancel %1? Its space booking is freed; the registrations stay on "
                       "record.").replace("%1", event.title)
        if people:
            text += " " + self.tr("Tell the %1 people registered or waiting.").replace(
                "%1", str(people))
        dialog: ReasonDialog[EventView] = ReasonDialog(
            self.tr("Cancel event"), text, self.tr("Cancel the event"),
            lambda reason: cancel_event(ctx, event.id, reason), self,
            object_name="cancelEventDialog")
        self._open(dialog, lambda: self._cancelled(event))
        return dialog

    def edit_partners(self) -> EventPartnersDialog | None:
        """The event's sponsors and co-hosts (a partner whose agreement ended is kept with a
        warning shown here)."""
        event = self.selected_event()
        if event is None or not self.partners_action.isEnabled():
            return None
        dialog = EventPartnersDialog(self._ctx, event, parent=self)

        def accepted() -> None:
            self.refresh()
            result = dialog.result_value
            if result is not None and result.warnings:
                self.bar.show_error("\n".join(w.render() for w in result.warnings))
            else:
                self.bar.show_success(self.tr("The partners of %1 are saved.")
                                      .replace("%1", event.title))

        self._open(dialog, accepted)
        return dialog

    def _cancelled(self, event: EventView) -> None:
        self.refresh()
        self.bar.show_success(self.tr("%1 is cancelled.").replace("%1", event.title))

    def request_door_mode(self) -> None:
        event = self.selected_event()
        if event is not None and self.door_action.isEnabled():
            self.doorModeRequested.emit(event.id)

    def print_roster(self, *, walk_in_page: bool = False) -> None:
        """The roster (optionally with a page for walk-ins), previewed before printing."""
        from desktop.reports.roster import print_roster

        self._print(self.tr("Roster: %1"), "roster",
                    lambda ctx, event_id, path, lang: print_roster(
                        ctx, event_id, path, lang, walk_in_page=walk_in_page))

    def print_badges(self) -> None:
        """Name badges for everyone holding a place, previewed before printing."""
        from desktop.reports.badges import print_badges

        self._print(self.tr("Name badges: %1"), "badges", print_badges)

    def _print(self, title_text: str, stem: str,
               make: Callable[[Context, int, Path, str], object]) -> None:
        """Make the PDF off the UI thread in the UI's language, then preview it (save or print
        there)."""
        event = self.selected_event()
        if event is None:
            return
        ctx, event_id, lang = self._ctx, event.id, current_language()
        print_to_preview(self, self._runner, self.bar, title_text.replace("%1", event.title),
                         f"{stem}-{event.starts:%Y-%m-%d}-{event.id}.pdf",
                         lambda path: make(ctx, event_id, path, lang), self._open)

