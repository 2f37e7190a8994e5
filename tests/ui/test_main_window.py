"""The main window: views by role, shortcuts, status bar, geometry, and the idle lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget

from desktop.models.accounts import Role
from desktop.permissions import allows
from desktop.services import Context
from desktop.settings.store import update_settings
from desktop.ui.main_window import VIEWS, MainWindow


def test_owner_sees_every_view_in_sidebar_order(make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    assert window.view_names == [spec.name for spec in VIEWS]
    assert {"settings", "audit", "account"} <= set(window.view_names)
    texts = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    for name, text in (("settings", "Settings"), ("audit", "Audit log"),
                       ("account", "Account")):
        assert texts[window.view_names.index(name)] == text


def test_desk_sees_no_owner_views(make_window, desk_ctx: Context) -> None:
    window = make_window(desk_ctx)
    assert window.view_names == [spec.name for spec in VIEWS
                                 if allows(Role.DESK, spec.permission)]
    assert "account" in window.view_names
    assert "settings" not in window.view_names and "audit" not in window.view_names
    assert window.findChild(QWidget, "settingsView") is None
    assert window.findChild(QWidget, "auditView") is None
    assert window.findChild(QWidget, "staffTab") is None
    assert window.show_view("account").objectName() == "accountView"
    with pytest.raises(KeyError):
        window.show_view("settings")


def test_status_bar_shows_account_and_database(make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    assert window.account_label.text() == "Signed in: Owner (Owner)"
    assert window.database_label.text() == f"Database: {owner_ctx.database.description}"
    assert window.windowTitle() == "Clubhouse — Clubhouse"


def _activate(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    handle.requestActivate()
    assert QTest.qWaitForWindowActive(handle, 2000)


def test_ctrl_number_switches_views_and_f5_refreshes(qtbot, make_window,
                                                     owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    _activate(qtbot, window)

    def ctrl(name: str) -> None:
        key = Qt.Key(Qt.Key.Key_1.value + window.view_names.index(name))
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)

    # Ctrl+1 … Ctrl+9 reach the first nine views (the owner has ten; Account is in the menu).
    assert window.view_names.index("audit") < 9 <= window.view_names.index("account")
    for name in ("audit", "review", "settings", window.view_names[0]):
        ctrl(name)
        assert window.current_view == name
        assert window.stack.currentWidget() is window.views[name]

    audit = window.show_view("audit")
    before = audit.model.total
    update_settings(owner_ctx, {"venue.name": "Renamed Lodge"})
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert audit.model.total == before + 1


def test_saving_the_venue_updates_title_and_idle_time(make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    settings = window.show_view("settings")
    venue = settings.venue
    venue.venue_name.setText("Pine Hill Lodge")
    venue.idle_lock.setValue(3)
    venue.save_button.click()
    assert window.windowTitle() == "Pine Hill Lodge — Clubhouse"
    assert window.venue_label.text() == "Pine Hill Lodge"
    assert window.idle.interval_ms == 3 * 60_000


def test_geometry_and_last_view_are_remembered(qtbot, make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx, remember=True)
    window.resize(1000, 640)
    window.show_view("audit")
    window.close()

    again = make_window(owner_ctx, remember=True)
    assert again.current_view == "audit"
    # The offscreen screen is 800 px wide, so restoring may narrow the window; not its height.
    assert again.height() == 640


# -- idle lock ----------------------------------------------------------------------------------


def _lock_screen(window: MainWindow) -> QWidget:
    screen = window.findChild(QWidget, "lockScreen")
    assert screen is not None
    return screen


def test_idle_time_locks_and_the_password_unlocks(qtbot, make_window,
                                                  owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    window.show()
    assert window.idle.running
    assert window.idle.interval_ms == 10 * 60_000  # the default setting

    window.idle.trigger()  # what the timer does after ten quiet minutes
    assert window.locked
    assert window.root.currentWidget() is _lock_screen(window)
    assert not window.idle.running

    screen = window.lock_screen
    qtbot.keyClicks(screen.password, "wrong-password")
    screen.unlock_button.click()
    assert window.locked
    assert screen.error.text() == "Wrong user name or password."

    qtbot.keyClicks(screen.password, "owner-pass")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.idle.running


def test_a_short_interval_locks_by_the_timer(qtbot, make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    window.show()
    window.idle.interval_ms = 20
    qtbot.waitUntil(lambda: window.locked, timeout=2000)


def test_input_restarts_the_idle_timer(qtbot, make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    window.show()
    qtbot.waitExposed(window)
    window.idle.interval_ms = 60_000
    timer = window.idle._timer
    timer.stop()
    timer.start()
    remaining = timer.remainingTime()
    timer.setInterval(120_000)  # an input now restarts with the longer interval
    QTest.mouseMove(window.navigation, QPoint(5, 5))
    QTest.keyClick(window.navigation, Qt.Key.Key_Down)
    assert timer.remainingTime() > remaining


def test_zero_minutes_never_locks(make_window, owner_ctx: Context) -> None:
    update_settings(owner_ctx, {"app.idle_lock_minutes": 0})
    window = make_window(owner_ctx)
    window.show()
    assert not window.idle.enabled
    assert not window.idle.running


def test_ctrl_l_locks(qtbot, make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    _activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert not window.quit_action.isEnabled()


def test_locking_hides_open_dialogs_until_unlocked(qtbot, make_window,
                                                   owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    window.show()
    staff = window.show_view("settings").staff
    dialog = staff.open_add(staff.model.row_at(0).role)
    assert dialog.isVisible()

    window.idle.trigger()
    assert window.locked
    assert not dialog.isVisible()
    assert not window.quit_action.isEnabled()

    qtbot.keyClicks(window.lock_screen.password, "owner-pass")
    window.lock_screen.unlock_button.click()
    assert not window.locked
    assert dialog.isVisible()
    dialog.reject()


def test_lock_screen_offers_to_sign_in_as_someone_else(qtbot, make_window,
                                                       owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    window.lock_now()
    with qtbot.waitSignal(window.signOutRequested, timeout=1000):
        window.lock_screen.sign_out_button.click()


def test_account_view_lock_button(make_window, desk_ctx: Context) -> None:
    window = make_window(desk_ctx)
    window.views["account"].lock_button.click()
    assert window.locked
    assert "Xiao Li (desk) is signed in" in window.lock_screen.findChild(
        QWidget, "lockWho").text()


def test_dialogs_are_children_of_the_window(make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    staff = window.views["settings"].staff
    staff.select_username("owner")
    dialog = staff.open_reset()
    assert isinstance(dialog, QDialog) and dialog.window() is not window
    assert dialog in window.findChildren(QDialog)
    dialog.reject()


def test_ctrl_n_books_from_any_view(qtbot, make_window, desk_ctx: Context) -> None:
    """Ctrl+N is a new booking everywhere (issue 4): on its own from the members view, at the
    grid's cursor from the calendar; the members' "new member" moved to Ctrl+Shift+N."""
    from desktop.ui.booking.quick import QuickBookingDialog
    from desktop.ui.calendar.view import CalendarView

    window = make_window(desk_ctx)
    _activate(qtbot, window)
    window.show_view("members")
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.booking_dialog, QuickBookingDialog)
    assert window.booking_dialog.isVisible()
    window.booking_dialog.reject()

    calendar = window.show_view("calendar")
    assert isinstance(calendar, CalendarView)
    opened: list[object] = []
    calendar.new_booking = lambda: opened.append("cursor")  # type: ignore[method-assign]
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["cursor"]


def test_today_and_events_lead_to_records_and_door_mode(qtbot, make_window, owner_ctx: Context,
                                                        desk_ctx: Context) -> None:
    """Today's search results and the door-mode key go where the desk expects: the event in
    the Events view, the booking on its day in the calendar, door mode full screen."""
    import datetime as dt

    from desktop.booking.service import BookingRequest, create_booking
    from desktop.events.service import EventInput, create_event
    from desktop.ui.door.window import DoorModeWindow
    from tests.helpers.booking_race import make_members, make_spaces

    spaces, members = make_spaces(owner_ctx), make_members(owner_ctx)
    day = dt.date(2026, 11, 27)
    room = spaces["Small tea room"]
    [event] = create_event(desk_ctx, EventInput(
        "Tea evening", "tea_tasting", room.id, dt.datetime.combine(day, dt.time(14)),
        dt.datetime.combine(day, dt.time(16)), capacity=4))
    booking = create_booking(desk_ctx, BookingRequest(
        spaces["Large tea room"].id, dt.datetime.combine(day, dt.time(10)),
        dt.datetime.combine(day, dt.time(12)), 2, member_id=members["zhang"]))
    window = make_window(desk_ctx)
    _activate(qtbot, window)

    window.views["today"].openEvent.emit(event.id)
    assert window.current_view == "events"
    assert window.views["events"].selected_event().id == event.id

    window.views["today"].openBooking.emit(booking.id)
    assert window.current_view == "calendar"
    calendar = window.views["calendar"]
    assert calendar.day == day and calendar.grid.selected_id == booking.id

    window.views["today"].openMember.emit(members["zhang"])
    assert window.current_view == "members"
    qtbot.waitUntil(lambda: window.views["members"].selected_row() is not None)
    assert window.views["members"].selected_row().id == members["zhang"]

    window.views["events"].doorModeRequested.emit(event.id)
    assert isinstance(window.door, DoorModeWindow) and window.door.isVisible()
    window.door.close()
