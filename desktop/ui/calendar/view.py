"""The Calendar view: the day of every space, the week of one space, or the week of all of them.

The toolbar moves through time (previous / today / next, a date), picks the mode and, for the
week of one space, the space; "Find a free slot…" and "Print…" sit at its end.  The grid
(grid.py) asks, the view does it through the services: a drag on empty cells opens the quick
booking prefilled, a dragged booking is checked live with ``check_move`` and moved with
``move_booking`` (a refusal snaps back and says why), Enter opens the booking's details.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QWidget,
)

from desktop.booking.rules import SpaceView
from desktop.booking.service import BookingView, check_move, list_bookings, move_booking
from desktop.booking.spaces import ClosureView, list_closures, list_spaces
from desktop.errors import ClubhouseError
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.calendar.details import BookingDetailsDialog
from desktop.ui.calendar.grid import CalendarGrid
from desktop.ui.calendar.layout import Column
from desktop.ui.pdf_preview import print_to_preview
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import MessageBar, label, view_column

DAY, WEEK, WEEK_ALL = "day", "week", "week_all"
MODES = (DAY, WEEK, WEEK_ALL)


def week_of(day: dt.date) -> list[dt.date]:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(7)]


class CalendarView(QWidget):
    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self._ctx = ctx
        self._runner = runner
        self.dialog: QDialog | None = None
        self.mode = DAY
        self.day = ctx.clock.now().date()
        self.space_id: int | None = None
        self.spaces: list[SpaceView] = []
        self.bookings: list[BookingView] = []
        self.closures: list[ClosureView] = []

        column = view_column(self, self.tr("Calendar"), "")
        column.addLayout(self._toolbar())
        self.bar = MessageBar("calendarMessage")
        column.addWidget(self.bar)
        self.grid = CalendarGrid()
        self.grid.checker = self.check_target
        # Through lambdas, so that the methods are looked up when called (tests replace them).
        self.grid.createRequested.connect(
            lambda space, starts, minutes: self.open_quick_booking(space, starts, minutes))
        self.grid.moveRequested.connect(
            lambda booking, space, starts, ends: self.move_to(booking, space, starts, ends))
        self.grid.openRequested.connect(lambda booking: self.open_booking(booking))
        self.grid.todayRequested.connect(lambda: self.go_today())
        self.grid.pageRequested.connect(lambda step: self.page(step))
        self.grid.newRequested.connect(lambda: self.new_booking())
        self.grid.cursorMoved.connect(self._keep_in_view)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("calendarScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid)
        self.scroll_area.setFocusProxy(self.grid)
        self.grid.enable_autoscroll(self.scroll_area)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self.grid.set_scroll_top)
        column.addWidget(self.scroll_area, 1)
        self.legend = label("", "hint", wrap=True, object_name="calendarLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.legend)
        self.setFocusProxy(self.grid)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.prev_button = self._button("‹", "calendarPrevButton", lambda: self.page(-1))
        self.prev_button.setToolTip(self.tr("Previous (PageUp)"))
        self.today_button = self._button(self.tr("Today"), "calendarTodayButton", self.go_today)
        self.today_button.setToolTip(self.tr("Today (T)"))
        self.next_button = self._button("›", "calendarNextButton", lambda: self.page(1))
        self.next_button.setToolTip(self.tr("Next (PageDown)"))
        for button in (self.prev_button, self.today_button, self.next_button):
            row.addWidget(button)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("calendarDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd ddd")
        self.date_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.dateChanged.connect(self._date_edited)
        row.addWidget(self.date_edit)
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("calendarModeCombo")
        self.mode_combo.addItem(self.tr("Day"), DAY)
        self.mode_combo.addItem(self.tr("Week — one space"), WEEK)
        self.mode_combo.addItem(self.tr("Week — all spaces"), WEEK_ALL)
        self.mode_combo.currentIndexChanged.connect(self._mode_chosen)
        row.addWidget(self.mode_combo)
        self.space_combo = QComboBox()
        self.space_combo.setObjectName("calendarSpaceCombo")
        self.space_combo.currentIndexChanged.connect(self._space_chosen)
        self.space_combo.setVisible(False)
        row.addWidget(self.space_combo)
        self.range_label = label("", "hint", object_name="calendarRange")
        row.addWidget(self.range_label)
        row.addStretch(1)
        self.find_button = self._button(self.tr("Find a free slot…"), "findFreeSlotButton",
                                        lambda: self.find_free_slot())
        row.addWidget(self.find_button)
        self.print_button = self._button(self.tr("Print…"), "calendarPrintButton",
                                         self.print_shown)
        self.print_button.setVisible(self._ctx.may(Permission.PRINT))
        row.addWidget(self.print_button)
        return row

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- what is shown -------------------------------------------------------------------------

    @property
    def days(self) -> list[dt.date]:
        return [self.day] if self.mode == DAY else week_of(self.day)

    def weekday_name(self, day: dt.date) -> str:
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                 self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))
        return names[day.weekday()]

    def day_title(self, day: dt.date) -> str:
        return f"{self.weekday_name(day)} {day:%m-%d}"

    def shown_spaces(self) -> list[SpaceView]:
        active = [s for s in self.spaces if s.active]
        if self.mode == WEEK:
            chosen = [s for s in active if s.id == self.space_id]
            return chosen or active[:1]
        return active

    def columns(self) -> list[Column]:
        spaces = self.shown_spaces()
        if self.mode == DAY:
            return [Column(self.day, s, s.name) for s in spaces]
        if self.mode == WEEK:
            return [Column(d, s, self.day_title(d)) for s in spaces for d in self.days]
        return [Column(d, s, s.name, group=i, group_title=self.day_title(d))
                for i, d in enumerate(self.days) for s in spaces]

    def refresh(self) -> None:
        """Read the spaces, bookings and closures of the shown days and redraw."""
        days = self.days
        self.spaces = list_spaces(self._ctx)
        self._fill_space_combo()
        shown = self.shown_spaces()
        self.bookings = list_bookings(self._ctx, days[0], days[-1], [s.id for s in shown])
        self.closures = list_closures(self._ctx, days[0], days[-1])
        self.grid.set_data(self.columns(), self.bookings, self.closures,
                           self._ctx.clock.now())
        self._update_labels()

    def _fill_space_combo(self) -> None:
        active = [s for s in self.spaces if s.active]
        if self.space_id is None or all(s.id != self.space_id for s in active):
            self.space_id = active[0].id if active else None
        self.space_combo.blockSignals(True)
        self.space_combo.clear()
        for space in active:
            self.space_combo.addItem(space.name, space.id)
        index = self.space_combo.findData(self.space_id)
        self.space_combo.setCurrentIndex(max(0, index))
        self.space_combo.blockSignals(False)

    def _update_labels(self) -> None:
        days = self.days
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.blockSignals(False)
        self.space_combo.setVisible(self.mode == WEEK)
        count = len(self.bookings)
        people = sum(b.party_size for b in self.bookings)
        text = self.tr("%1 bookings, %2 people").replace("%1", str(count)).replace(
            "%2", str(people))
        if self.mode != DAY:
            text = f"{days[0]:%m-%d} – {days[-1]:%m-%d} · {text}"
        self.range_label.setText(text)
        if self.mode == WEEK_ALL:
            chips = " ".join(
                f"<span style='color:{s.colour}'>■</span> {s.name}&nbsp;&nbsp;"
                for s in self.shown_spaces())
            self.legend.setText(chips)
        self.legend.setVisible(self.mode == WEEK_ALL)

    # -- navigation ----------------------------------------------------------------------------

    def show_day(self, day: dt.date, mode: str | None = None,
                 space_id: int | None = None) -> None:
        """Show ``day`` (and the week holding it) in ``mode``; the space for the week of one."""
        self.day = day
        if mode is not None:
            self.mode = mode
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(MODES.index(mode))
            self.mode_combo.blockSignals(False)
        if space_id is not None:
            self.space_id = space_id
        self.refresh()
        now = self._ctx.clock.now()
        if now.date() in self.days and self.grid.columns:  # today: bring the time line in view
            y = int(self.grid.layout_.y_of(now.hour * 60 + now.minute))
            self.scroll_area.ensureVisible(0, y, 0, self.scroll_area.viewport().height() // 3)

    def go_today(self) -> None:
        self.show_day(self._ctx.clock.now().date())

    def page(self, step: int) -> None:
        self.show_day(self.day + dt.timedelta(days=step * (1 if self.mode == DAY else 7)))

    def _date_edited(self, date: QDate) -> None:
        self.show_day(dt.date(date.year(), date.month(), date.day()))

    def _mode_chosen(self, index: int) -> None:
        self.show_day(self.day, MODES[index])

    def _space_chosen(self, index: int) -> None:
        if index >= 0:
            self.show_day(self.day, space_id=int(self.space_combo.itemData(index)))

    def _keep_in_view(self, rect: QRect) -> None:
        centre = rect.center()
        self.scroll_area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 8,
                                  rect.height() // 2 + 60)

    def busiest_upcoming(self, days: int = 14) -> tuple[dt.date, int | None]:
        """The upcoming day with the most bookings and the space busiest in its week (the
        screenshots show them)."""
        today = self._ctx.clock.now().date()
        bookings = list_bookings(self._ctx, today, today + dt.timedelta(days=days - 1))
        if not bookings:
            return today, None
        by_day = Counter(b.starts.date() for b in bookings)
        day = max(by_day, key=lambda d: (by_day[d], -d.toordinal()))
        week = set(week_of(day))
        by_space = Counter(b.space_id for b in bookings if b.starts.date() in week)
        return day, by_space.most_common(1)[0][0] if by_space else None

    # -- acting --------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_finish: Callable[[QDialog], None] | None = None
              ) -> QDialog:
        self.dialog = dialog
        if on_finish is not None:
            dialog.finished.connect(lambda _result: on_finish(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def _after_booking(self, dialog: QDialog) -> None:
        booked: BookingView | None = getattr(dialog, "booked", None)
        if dialog.result() != QDialog.DialogCode.Accepted or booked is None:
            self.grid.setFocus()
            return
        self.bar.show_success(self.tr("Booked: %1, %2 %3.").replace("%1", booked.who)
                              .replace("%2", booked.space_name)
                              .replace("%3", f"{booked.starts:%Y-%m-%d %H:%M}"))
        if booked.starts.date() not in self.days:
            self.day = booked.starts.date()
        self.refresh()
        self.grid.selected_id = booked.id
        self.grid.setFocus()

    def open_quick_booking(self, space_id: int | None = None, starts: dt.datetime | None = None,
                           minutes: int | None = None) -> QDialog:
        """The quick booking dialog, prefilled with the cell (a drag, Enter, Ctrl+N)."""
        from desktop.ui.booking.quick import QuickBookingDialog

        dialog = QuickBookingDialog(self._ctx, self, space_id=space_id, starts=starts,
                                    minutes=minutes)
        return self._open(dialog, self._after_booking)

    def new_booking(self) -> None:
        """Ctrl+N: book at the cursor's cell, or anywhere when there is none."""
        grid = self.grid
        if grid.cursor_cell is None or not grid.columns:
            self.open_quick_booking()
            return
        grid.selected_id = None
        column, minute = grid.cursor_cell
        space = grid.columns[column].space
        self.open_quick_booking(space.id, grid.layout_.moment(column, minute), space.min_minutes)

    def find_free_slot(self) -> None:
        """The search for free time; what it books shows up here (``self.dialog`` holds it)."""
        from desktop.ui.booking.free_slot import FindFreeSlotDialog

        self._open(FindFreeSlotDialog(self._ctx, self), self._after_booking)

    def open_booking(self, booking_id: int) -> QDialog | None:
        try:
            dialog = BookingDetailsDialog.for_id(self._ctx, booking_id, self)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return None

        def finished(shown: QDialog) -> None:
            if isinstance(shown, BookingDetailsDialog) and shown.changed:
                self.refresh()
            self.grid.setFocus()

        return self._open(dialog, finished)

    def check_target(self, booking_id: int, space_id: int, starts: dt.datetime,
                     ends: dt.datetime) -> tuple[bool, str]:
        """The live check of a drag: the first reason the move would be refused."""
        try:
            conflicts = check_move(self._ctx, booking_id, starts, ends, space_id=space_id)
        except ClubhouseError as error:
            return False, error.render()
        if conflicts:
            return False, conflicts[0].message.render()
        return True, ""

    def move_to(self, booking_id: int, space_id: int, starts: dt.datetime,
             ends: dt.datetime) -> None:
        """A dropped booking: moved, or snapped back with the reason."""
        try:
            moved = move_booking(self._ctx, booking_id, starts, ends, space_id=space_id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            self.refresh()  # back where it was
            return
        self.bar.show_success(self.tr("Moved: %1, %2 %3–%4.").replace("%1", moved.who)
                              .replace("%2", moved.space_name)
                              .replace("%3", f"{moved.starts:%Y-%m-%d %H:%M}")
                              .replace("%4", f"{moved.ends:%H:%M}"))
        self.refresh()
        self.grid.selected_id = moved.id

    # -- printing ------------------------------------------------------------------------------

    def print_shown(self) -> None:
        """The day or week shown, as the printed schedule, in a preview."""
        from desktop.reports.schedule import print_day, print_week
        from desktop.ui.bootstrap import current_language

        ctx, day, lang = self._ctx, self.day, current_language()
        if self.mode == DAY:
            title = self.tr("Day schedule")
            name = f"day-{day:%Y-%m-%d}.pdf"

            def make(path: Path) -> object:
                return print_day(ctx, day, path, lang)
        else:
            space_id = self.space_id if self.mode == WEEK else None
            title = self.tr("Week schedule")
            name = f"week-{week_of(day)[0]:%Y-%m-%d}.pdf"

            def make(path: Path) -> object:
                return print_week(ctx, day, path, space_id, lang)

        print_to_preview(self, self._runner, self.bar, title, name, make, self._open)
