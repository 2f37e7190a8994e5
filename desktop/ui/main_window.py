"""The main window: a sidebar of the views the signed-in role may use, the views, the status
bar, keyboard shortcuts, remembered geometry, and the idle lock.

Only views that exist are listed, and only those the role allows (DESIGN.md: who may do what).
The window does not open or close databases: it asks its owner (desktop/app.py) to sign out
or to reopen after a restore, through signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.permissions import Permission
from desktop.services import Context
from desktop.settings.store import all_settings, follow_venue_zone
from desktop.ui import prefs
from desktop.ui.account_view import AccountView
from desktop.ui.audit_view import AuditView
from desktop.ui.bootstrap import app_icon, icon
from desktop.ui.calendar.view import CalendarView
from desktop.ui.circle.view import CircleView
from desktop.ui.events.view import EventsView
from desktop.ui.lock import IdleWatcher, LockScreen
from desktop.ui.members.view import MembersView
from desktop.ui.partners.view import PartnersView
from desktop.ui.review.view import ReviewView
from desktop.ui.settings_view import SettingsView
from desktop.ui.tasks import TaskRunner
from desktop.ui.today.view import TodayView
from desktop.ui.widgets import label, role_name

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ViewSpec:
    name: str
    permission: Permission
    icon: str


# In the sidebar's order.  Later capabilities add theirs (Today, Members, Bookings, …).
VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("today", Permission.BOOK, "today"),  # the desk's home screen
    ViewSpec("calendar", Permission.BOOK, "calendar"),
    ViewSpec("events", Permission.RUN_EVENTS, "events"),
    ViewSpec("members", Permission.VIEW_MEMBERS, "members"),
    ViewSpec("partners", Permission.USE_CIRCLE, "partners"),
    ViewSpec("circle", Permission.USE_CIRCLE, "circle"),
    ViewSpec("review", Permission.REVIEW_AND_AUDIT, "review"),  # the owner's dashboards
    ViewSpec("settings", Permission.ADMINISTER, "settings"),
    ViewSpec("audit", Permission.REVIEW_AND_AUDIT, "audit"),
    ViewSpec("account", Permission.USE_APP, "account"),
)


class MainWindow(QMainWindow):
    signOutRequested = Signal()
    reopenRequested = Signal(str)
    closed = Signal()

    def __init__(self, ctx: Context, *, demo: bool = False, runner: TaskRunner | None = None,
                 remember_geometry: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.ctx = ctx
        self.demo = demo
        self.runner = runner or TaskRunner(self)
        self._remember = remember_geometry
        self._hidden_dialogs: list[QDialog] = []
        self.booking_dialog: QDialog | None = None
        self.door: QWidget | None = None
        self.views: dict[str, QWidget] = {}
        self._settings = all_settings(ctx)

        self.root = QStackedWidget()
        self.root.setObjectName("rootStack")
        self.setCentralWidget(self.root)
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._sidebar())
        self.stack = QStackedWidget()
        self.stack.setObjectName("viewStack")
        row.addWidget(self.stack, 1)
        self.root.addWidget(content)
        self.lock_screen = LockScreen(ctx)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.signOutRequested.connect(self.sign_out)
        self.root.addWidget(self.lock_screen)

        self._build_views()
        self._build_actions()
        self._build_status_bar()
        self._update_title()

        self.idle = IdleWatcher(int(self._settings["app.idle_lock_minutes"]), self)
        self.idle.idle.connect(self.lock_now)

        self.resize(1200, 760)
        self.setMinimumSize(QSize(900, 600))
        if remember_geometry:
            self._restore_geometry()
        else:
            self.show_view(self.view_names[0])

    # -- building ------------------------------------------------------------------------------

    def _sidebar(self) -> QWidget:
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(220)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(12, 16, 12, 12)
        column.setSpacing(10)
        top = QHBoxLayout()
        top.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(36, 36))
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(0)
        self.venue_label = label("", wrap=True, object_name="sidebarVenue")
        names.addWidget(self.venue_label)
        names.addWidget(label(self.tr("Clubhouse"), object_name="sidebarApp"))
        top.addLayout(names, 1)
        column.addLayout(top)
        if self.demo:
            badge = label(self.tr("DEMO · sample data"), "badge", object_name="demoBadge")
            column.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigation.currentRowChanged.connect(self._navigated)
        column.addWidget(self.navigation, 1)
        self.lock_hint = label(self.tr("Ctrl+L locks the screen"), "hint",
                               object_name="lockHint")
        column.addWidget(self.lock_hint)
        return sidebar

    def _title_of(self, name: str) -> str:
        return {
            "today": self.tr("Today"),
            "calendar": self.tr("Calendar"),
            "events": self.tr("Events"),
            "members": self.tr("Members"),
            "partners": self.tr("Partners"),
            "circle": self.tr("Circle"),
            "review": self.tr("Review"),
            "settings": self.tr("Settings"),
            "audit": self.tr("Audit log"),
            "account": self.tr("Account"),
        }[name]

    def _build_views(self) -> None:
        builders: dict[str, Callable[[], QWidget]] = {
            "today": self._today_view,
            "calendar": lambda: CalendarView(self.ctx, self.runner),
            "events": self._events_view,
            "members": lambda: MembersView(self.ctx, self.runner),
            "partners": self._partners_view,
            "circle": self._circle_view,
            "review": self._review_view,
            "settings": self._settings_view,
            "audit": lambda: AuditView(self.ctx, self.runner),
            "account": self._account_view,
        }
        for spec in VIEWS:
            if not self.ctx.may(spec.permission):
                continue
            view = builders[spec.name]()
            self.views[spec.name] = view
            self.stack.addWidget(view)
            item = QListWidgetItem(icon(spec.icon), self._title_of(spec.name))
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setSizeHint(QSize(0, 40))
            self.navigation.addItem(item)

    def _today_view(self) -> TodayView:
        view = TodayView(self.ctx, self.runner)
        view.doorModeRequested.connect(self.open_door_mode)
        view.openMember.connect(self.open_member)
        view.openBooking.connect(self.open_booking)
        view.openEvent.connect(self.open_event)
        return view

    def _partners_view(self) -> PartnersView:
        view = PartnersView(self.ctx, self.runner)
        view.openMember.connect(self.open_member)
        view.openEvent.connect(self.open_event)
        return view

    def _circle_view(self) -> CircleView:
        view = CircleView(self.ctx, self.runner)
        view.openMember.connect(self.open_member)
        return view

    def _review_view(self) -> ReviewView:
        view = ReviewView(self.ctx, self.runner)
        view.openMember.connect(self.open_member)
        view.openEvent.connect(self.open_event)
        return view

    def _events_view(self) -> EventsView:
        view = EventsView(self.ctx, self.runner)
        view.doorModeRequested.connect(self.open_door_mode)
        return view

    # -- going from one view to a record in another (Today's search, door mode) ----------------

    def open_member(self, member_id: int) -> None:
        members = self.views.get("members")
        if isinstance(members, MembersView):
            self.show_view("members")
            members.show_member(member_id)

    def open_booking(self, booking_id: int) -> None:
        """The calendar on the booking's day, with the booking selected."""
        from desktop.booking.service import get_booking

        try:
            booking = get_booking(self.ctx, booking_id)
        except ClubhouseError as error:
            self.statusBar().showMessage(error.render(), 8000)
            return
        calendar = self.show_view("calendar")
        if isinstance(calendar, CalendarView):
            calendar.show_day(booking.starts.date(), "day")
            calendar.grid.selected_id = booking_id
            calendar.grid.update()

    def open_event(self, event_id: int) -> None:
        events = self.show_view("events")
        if isinstance(events, EventsView):
            events.set_range("all")
            events.select_event(event_id)

    def open_door_mode(self, event_id: int) -> None:
        """Door mode for one event, full screen over the window (Escape leaves it)."""
        from desktop.ui.door.window import DoorModeWindow

        try:
            door = DoorModeWindow(self.ctx, event_id, self)
        except ClubhouseError as error:
            self.statusBar().showMessage(error.render(), 8000)
            return
        door.setWindowFlag(Qt.WindowType.Window, True)  # its own full-screen window
        door.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        door.destroyed.connect(lambda *_: self.refresh_current())
        self.door = door
        door.showFullScreen()

    def _settings_view(self) -> SettingsView:
        view = SettingsView(self.ctx, self.runner)
        view.settingsSaved.connect(self._settings_saved)
        view.restored.connect(self._restored)
        return view

    def _account_view(self) -> AccountView:
        view = AccountView(self.ctx)
        view.lockRequested.connect(self.lock_now)
        return view

    def _build_actions(self) -> None:
        menu = self.menuBar()
        app_menu = menu.addMenu(self.tr("&Clubhouse"))
        self.lock_action = self._action(self.tr("Lock the screen"), "lockAction",
                                        QKeySequence("Ctrl+L"), self.lock_now)
        app_menu.addAction(self.lock_action)
        self.sign_out_action = self._action(self.tr("Sign out"), "signOutAction", None,
                                            self.sign_out)
        app_menu.addAction(self.sign_out_action)
        app_menu.addSeparator()
        self.quit_action = self._action(self.tr("Quit"), "quitAction", QKeySequence("Ctrl+Q"),
                                        self.close)
        app_menu.addAction(self.quit_action)
        if self.ctx.may(Permission.BOOK):
            booking_menu = menu.addMenu(self.tr("&Bookings"))
            self.new_booking_action = self._action(self.tr("New booking…"), "newBookingAction",
                                                   QKeySequence("Ctrl+N"), self.new_booking)
            booking_menu.addAction(self.new_booking_action)
        view_menu = menu.addMenu(self.tr("&View"))
        self.view_actions: list[QAction] = []
        for number, name in enumerate(self.view_names, start=1):
            action = self._action(self._title_of(name), f"viewAction{number}",
                                  QKeySequence(f"Ctrl+{number}") if number <= 9 else None,
                                  lambda _checked=False, view=name: self.show_view(view))
            view_menu.addAction(action)
            self.view_actions.append(action)
        view_menu.addSeparator()
        self.refresh_action = self._action(self.tr("Refresh"), "refreshAction",
                                           QKeySequence(Qt.Key.Key_F5), self.refresh_current)
        view_menu.addAction(self.refresh_action)

    def _action(self, text: str, name: str, shortcut: QKeySequence | None,
                slot: Callable[..., object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        actor = self.ctx.actor
        self.account_label = label(
            self.tr("Signed in: %1 (%2)").replace("%1", actor.display_name)
            .replace("%2", role_name(actor.role)), object_name="accountStatus")
        status.addWidget(self.account_label)
        self.database_label = label(
            self.tr("Database: %1").replace("%1", self.ctx.database.description),
            object_name="databaseStatus")
        self.database_label.setToolTip(self.ctx.database.description)
        status.addPermanentWidget(self.database_label)

    def _update_title(self) -> None:
        venue = str(self._settings.get("venue.name") or "")
        self.venue_label.setText(venue)
        title = self.tr("%1 — Clubhouse").replace("%1", venue) if venue else self.tr("Clubhouse")
        if self.demo:
            title = self.tr("%1 — DEMO").replace("%1", title)
        self.setWindowTitle(title)

    # -- navigation ----------------------------------------------------------------------------

    @property
    def view_names(self) -> list[str]:
        return [self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.navigation.count())]

    @property
    def current_view(self) -> str:
        item = self.navigation.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_view(self, name: str) -> QWidget:
        """Switch to a view by name; KeyError when this role has no such view."""
        view = self.views[name]
        self.navigation.setCurrentRow(self.view_names.index(name))
        return view

    def _navigated(self, row: int) -> None:
        if row < 0:
            return
        name = self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self.views[name])

    def refresh_current(self) -> None:
        view = self.stack.currentWidget()
        refresh = getattr(view, "refresh", None)
        if not callable(refresh):
            return
        try:
            refresh()
        except ClubhouseError as error:
            self.statusBar().showMessage(error.render(), 8000)

    def new_booking(self) -> None:
        """Ctrl+N from anywhere: the current view books at its cursor when it has one (the
        calendar), otherwise the quick booking dialog opens on its own."""
        view = self.stack.currentWidget()
        at_cursor = getattr(view, "new_booking", None)
        if callable(at_cursor):
            at_cursor()
            return
        from desktop.ui.booking.quick import QuickBookingDialog

        dialog = QuickBookingDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.booking_dialog = dialog
        dialog.accepted.connect(self._booked)
        dialog.open()

    def _booked(self) -> None:
        booked = getattr(self.booking_dialog, "booked", None)
        if booked is not None:
            self.statusBar().showMessage(
                self.tr("Booked: %1, %2").replace("%1", booked.space_name)
                .replace("%2", f"{booked.starts:%Y-%m-%d %H:%M}–{booked.ends:%H:%M}"), 8000)
        calendar = self.views.get("calendar")
        refresh = getattr(calendar, "refresh", None)
        if callable(refresh):
            refresh()

    def _settings_saved(self, _stored: dict[str, object]) -> None:
        self._settings = all_settings(self.ctx)
        follow_venue_zone(self.ctx)
        self._update_title()
        self.idle.set_minutes(int(self._settings["app.idle_lock_minutes"]))

    def _restored(self, _pre_restore: str) -> None:
        self.reopenRequested.emit(self.tr("The backup is restored. Sign in with an account of "
                                          "the restored data."))

    # -- idle lock -----------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.root.currentWidget() is self.lock_screen

    def lock_now(self) -> None:
        """Cover the window (and hide its dialogs) until the password is given again."""
        if self.locked:
            return
        self.idle.pause()
        self._hidden_dialogs = [dialog for dialog in self.findChildren(QDialog)
                                if dialog.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.root.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()

    def unlock(self) -> None:
        self.root.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []
        self.idle.resume()

    def sign_out(self) -> None:
        self.signOutRequested.emit()

    # -- geometry ------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = prefs.ui_settings()
        geometry = settings.value(prefs.WINDOW_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = settings.value(prefs.WINDOW_STATE)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        last = str(settings.value(prefs.LAST_VIEW, "") or "")
        self.show_view(last if last in self.views else self.view_names[0])

    def save_geometry(self) -> None:
        if not self._remember:
            return
        settings = prefs.ui_settings()
        settings.setValue(prefs.WINDOW_GEOMETRY, self.saveGeometry())
        settings.setValue(prefs.WINDOW_STATE, self.saveState())
        settings.setValue(prefs.LAST_VIEW, self.current_view)
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.locked:
            self.idle.resume()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.idle.pause()
        self.runner.wait()
        super().closeEvent(event)
        self.closed.emit()
