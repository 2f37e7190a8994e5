"""The Calendar view as the desk uses it: the day and week grids, dragging to create, move and
resize (checked by the real booking service), the keyboard, closures, printing, Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel

from desktop.booking.service import get_booking
from desktop.booking.spaces import create_closure
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.calendar.details import BookingDetailsDialog
from desktop.ui.calendar.grid import CalendarGrid
from desktop.ui.calendar.view import WEEK, WEEK_ALL, CalendarView
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.tasks import TaskRunner
from tests.ui.calendar_helpers import (
    FRIDAY,
    MakeView,
    at,
    book,
    column_of,
    minute,
    view_maker,
)
from tests.ui.helpers import child

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def make_view(qtbot, inline: TaskRunner) -> MakeView:
    return view_maker(qtbot, inline, 1300, 1100)  # every hour fits: no scrolling under the mouse


def drag(qtbot, view: CalendarView, start: QPoint, end: QPoint) -> None:
    grid = view.grid
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(grid, middle)
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def test_day_grid_shows_the_days_bookings_in_their_columns(make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small, pond = spaces["Small tea room"], spaces["Fishing pond"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "10:00"), 120)
    book(desk_ctx, small, people["zhang"], at(FRIDAY + dt.timedelta(days=1), "10:00"), 60)
    view = make_view(desk_ctx)
    grid = view.grid
    assert [c.space.name for c in grid.columns] == [
        "Small tea room", "Large tea room", "Fishing pond", "Meeting room"]
    # the pond opens at 06:00, the tea rooms close at 22:00
    assert (grid.layout_.first_minute, grid.layout_.last_minute) == (6 * 60, 22 * 60)
    (box,) = grid.layout_.boxes  # Saturday's booking is not on Friday's grid
    assert box.booking.id == tea.id and box.column == column_of(view, small)
    expected = grid.layout_.rect_of(box.column, minute("10:00"), minute("12:00"))
    assert abs(box.rect.y - expected.y) <= 1 and abs(box.rect.h - expected.h) <= 2
    assert column_of(view, pond) == 2
    assert "1 bookings, 2 people" in view.range_label.text()


def test_seat_column_shows_the_peak(make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    pond = spaces["Fishing pond"]
    book(desk_ctx, pond, people["zhang"], at(FRIDAY, "07:00"), 180, party=3)
    book(desk_ctx, pond, people["zhang"], at(FRIDAY, "08:00"), 60, party=4)
    book(desk_ctx, pond, people["zhang"], at(FRIDAY, "12:00"), 60, party=5)
    view = make_view(desk_ctx)
    index = column_of(view, pond)
    assert view.grid.layout_.peaks == {index: 7}
    lanes = sorted((b.lane, b.lanes) for b in view.grid.layout_.boxes_in(index))
    assert lanes == [(0, 1), (0, 2), (1, 2)]


def test_drag_on_empty_cells_opens_quick_booking_prefilled(qtbot, make_view, desk_ctx,
                                                           venue) -> None:
    spaces, _people = venue
    large = spaces["Large tea room"]
    view = make_view(desk_ctx)
    calls: list[tuple[int | None, dt.datetime | None, int | None]] = []
    view.open_quick_booking = lambda space_id=None, starts=None, minutes=None: calls.append(
        (space_id, starts, minutes))
    grid = view.grid
    index = column_of(view, large)
    drag(qtbot, view, grid.point_of(index, minute("15:05")), grid.point_of(index, minute("16:50")))
    assert calls == [(large.id, at(FRIDAY, "15:00"), 120)]
    # a short drag still asks for the space's minimum duration (an hour)
    calls.clear()
    drag(qtbot, view, grid.point_of(index, minute("18:05")), grid.point_of(index, minute("18:20")))
    assert calls == [(large.id, at(FRIDAY, "18:00"), 60)]


def test_drag_a_booking_to_a_free_slot_and_another_space(qtbot, make_view, desk_ctx,
                                                         venue) -> None:
    spaces, people = venue
    small, large = spaces["Small tea room"], spaces["Large tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "10:00"), 60)
    view = make_view(desk_ctx)
    grid = view.grid
    index = column_of(view, small)
    drag(qtbot, view, grid.point_of(index, minute("10:30")), grid.point_of(index, minute("14:30")))
    moved = get_booking(desk_ctx, tea.id)
    assert (moved.starts, moved.ends, moved.space_id) == (at(FRIDAY, "14:00"),
                                                         at(FRIDAY, "15:00"), small.id)
    assert "Moved" in child(view, QLabel, "calendarMessage").text()
    box = grid.box_of(tea.id)
    assert box is not None and abs(box.rect.y - grid.layout_.y_of(minute("14:00"))) <= 1
    drag(qtbot, view, grid.point_of(index, minute("14:30")),
         grid.point_of(column_of(view, large), minute("16:30")))
    moved = get_booking(desk_ctx, tea.id)
    assert (moved.starts, moved.space_id) == (at(FRIDAY, "16:00"), large.id)


def test_drag_onto_a_conflict_is_red_live_and_snaps_back_with_the_reason(
        qtbot, make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    mine = book(desk_ctx, small, people["zhang"], at(FRIDAY, "10:00"), 60)
    book(desk_ctx, small, people["zhang"], at(FRIDAY, "13:00"), 120, guest="Mr Wang")
    view = make_view(desk_ctx)
    grid = view.grid
    index = column_of(view, small)
    checks: list[tuple[dt.datetime, dt.datetime]] = []
    real_checker = grid.checker
    assert real_checker is not None

    def counting(booking_id: int, space_id: int, starts: dt.datetime,
                 ends: dt.datetime) -> tuple[bool, str]:
        checks.append((starts, ends))
        return real_checker(booking_id, space_id, starts, ends)

    grid.checker = counting
    start = grid.point_of(index, minute("10:30"))
    target = grid.point_of(index, minute("13:30"))
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, target)
    qtbot.mouseMove(grid, target + QPoint(0, 2))  # same snapped slot: not checked again
    assert grid.drag is not None and grid.drag.ok is False
    assert "Mr Wang" in grid.drag.reason
    assert checks == [(at(FRIDAY, "13:00"), at(FRIDAY, "14:00"))]
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    unchanged = get_booking(desk_ctx, mine.id)
    assert unchanged.starts == at(FRIDAY, "10:00")
    message = child(view, QLabel, "calendarMessage")
    assert "Mr Wang" in message.text() and view.bar.property("kind") == "error"
    assert view.bar.isVisible()
    box = grid.box_of(mine.id)
    assert box is not None and abs(box.rect.y - grid.layout_.y_of(minute("10:00"))) <= 1


def test_drag_the_bottom_edge_resizes(qtbot, make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "10:00"), 60)
    view = make_view(desk_ctx)
    grid = view.grid
    box = grid.box_of(tea.id)
    assert box is not None
    edge = QPoint(int(box.rect.x + box.rect.w / 2), int(box.rect.bottom - 2))
    drag(qtbot, view, edge, edge + QPoint(0, int(grid.layout_.per_minute * 90)))
    resized = get_booking(desk_ctx, tea.id)
    assert (resized.starts, resized.ends) == (at(FRIDAY, "10:00"), at(FRIDAY, "12:30"))


def test_keyboard_arrows_and_enter_open_the_booking(qtbot, make_view, desk_ctx,
                                                    venue) -> None:
    spaces, people = venue
    large = spaces["Large tea room"]
    tea = book(desk_ctx, large, people["zhang"], at(TODAY, "10:00"), 60, party=4)
    view = make_view(desk_ctx, TODAY)
    grid = view.grid
    grid.setFocus()
    assert grid.cursor_cell == (0, 6 * 60)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.cursor_cell == (1, 6 * 60)
    for _ in range(8):  # 06:00 → 10:00 by the room's 30-minute slots
        qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.cursor_cell == (1, 10 * 60) and grid.selected_id == tea.id
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    dialog = view.dialog
    assert isinstance(dialog, BookingDetailsDialog)
    assert dialog.objectName() == "bookingDetailsDialog"
    assert dialog.who_label.text().startswith("张建华")
    assert dialog.party_label.text() == "4"
    assert dialog.time_label.text() == "2026-11-26 10:00–11:00"
    qtbot.mouseClick(dialog.check_in_button, Qt.MouseButton.LeftButton)
    assert get_booking(desk_ctx, tea.id).status == "checked_in"
    assert not dialog.cancel_button.isEnabled()
    dialog.accept()
    # Enter on an empty cell books it
    calls: list[tuple[int | None, dt.datetime | None, int | None]] = []
    view.open_quick_booking = lambda space_id=None, starts=None, minutes=None: calls.append(
        (space_id, starts, minutes))
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert calls == [(large.id, at(TODAY, "11:00"), 60)]
    qtbot.keyClick(grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert calls[-1] == (large.id, at(TODAY, "11:00"), 60)


def test_cancel_from_the_details_asks_a_reason_and_hides_the_booking(qtbot, make_view, desk_ctx,
                                                                     venue) -> None:
    spaces, people = venue
    tea = book(desk_ctx, spaces["Small tea room"], people["zhang"], at(FRIDAY, "10:00"), 60)
    view = make_view(desk_ctx)
    dialog = view.open_booking(tea.id)
    assert isinstance(dialog, BookingDetailsDialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_edit.isVisible()
    qtbot.mouseClick(dialog.confirm_cancel, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.bar.text()  # no reason given: refused, still confirmed
    assert get_booking(desk_ctx, tea.id).status == "confirmed"
    dialog.reason_edit.setText("rain")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert get_booking(desk_ctx, tea.id).status == "cancelled"
    dialog.accept()
    assert view.grid.box_of(tea.id) is None  # cancelled bookings are not shown


def test_t_goes_to_today_and_pages_move_by_day_or_week(qtbot, make_view, desk_ctx,
                                                       venue) -> None:
    view = make_view(desk_ctx, dt.date(2026, 12, 10))
    grid = view.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_T)
    assert view.day == TODAY and view.date_edit.date().toPython() == TODAY
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert view.day == FRIDAY
    view.mode_combo.setCurrentIndex(1)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert view.day == FRIDAY - dt.timedelta(days=7)
    qtbot.mouseClick(child(view, type(view.today_button), "calendarTodayButton"),
                     Qt.MouseButton.LeftButton)
    assert view.day == TODAY


def test_week_modes_show_seven_days(make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    pond = spaces["Fishing pond"]
    book(desk_ctx, pond, people["zhang"], at(FRIDAY, "07:00"), 60)
    view = make_view(desk_ctx, FRIDAY, WEEK)
    view.space_combo.setCurrentIndex(view.space_combo.findData(pond.id))
    assert view.space_combo.isVisible()
    columns = view.grid.columns
    assert [c.day for c in columns] == [dt.date(2026, 11, 23) + dt.timedelta(days=i)
                                        for i in range(7)]
    assert {c.space.id for c in columns} == {pond.id}
    assert columns[4].title == "Fri 11-27"
    (box,) = view.grid.layout_.boxes
    assert box.column == 4
    view.mode_combo.setCurrentIndex(2)
    assert view.mode == WEEK_ALL and not view.space_combo.isVisible()
    assert len(view.grid.columns) == 7 * 4 and len(view.grid.layout_.groups) == 7
    assert view.grid.layout_.groups[4][0] == "Fri 11-27"
    assert view.legend.isVisible() and "Fishing pond" in view.legend.text()


def test_closures_are_shaded_with_their_reason(make_view, owner_ctx, desk_ctx, venue) -> None:
    spaces, _people = venue
    room = spaces["Meeting room"]
    create_closure(owner_ctx, room.id, at(FRIDAY, "14:00"), at(FRIDAY, "16:00"), "Painting")
    create_closure(owner_ctx, None, at(FRIDAY, "20:00"), at(FRIDAY, "22:00"), "Staff party")
    view = make_view(desk_ctx)
    grid = view.grid
    shades = {(grid.columns[s.column].space.name, s.reason) for s in grid.layout_.closures}
    assert ("Meeting room", "Painting") in shades
    assert {name for name, reason in shades if reason == "Staff party"} == {
        "Small tea room", "Large tea room", "Fishing pond", "Meeting room"}  # the whole venue
    index = column_of(view, room)
    tip = grid.tip_at(grid.point_of(index, minute("15:00")).toPointF())
    assert tip == "Closed: Painting"


def test_current_time_line_and_painting_into_an_image(make_view, desk_ctx, venue) -> None:
    view = make_view(desk_ctx, TODAY)
    grid = view.grid
    image = QImage(grid.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    grid.paint(painter)
    painter.end()
    y = int(grid.layout_.y_of(9 * 60))  # the FixedClock says 09:00
    x = int(grid.layout_.column_x[0][0] + 20)
    colour = image.pixelColor(x, y)
    assert colour.red() > 180 and colour.green() < 120  # the red now-line


def test_print_shows_a_pdf_preview(qtbot, make_view, desk_ctx, venue, monkeypatch) -> None:
    spaces, people = venue
    book(desk_ctx, spaces["Small tea room"], people["zhang"], at(FRIDAY, "10:00"), 60)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: 0)
    view = make_view(desk_ctx)
    qtbot.mouseClick(child(view, type(view.print_button), "calendarPrintButton"),
                     Qt.MouseButton.LeftButton)
    preview = view.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.path.name == "day-2026-11-27.pdf"
    assert preview.path.read_bytes().startswith(b"%PDF") and preview.path.stat().st_size > 1000
    preview.accept()
    view.mode_combo.setCurrentIndex(2)
    view.print_shown()
    assert isinstance(view.dialog, PdfPreviewDialog)
    assert view.dialog.path.name == "week-2026-11-23.pdf"


def test_chinese_renders(qtbot, make_view, desk_ctx, venue) -> None:
    set_ui_language("zh_CN")
    spaces, people = venue
    book(desk_ctx, spaces["Small tea room"], people["zhang"], at(FRIDAY, "10:00"), 60,
         guest="王先生")
    view = make_view(desk_ctx)
    assert "周五" in view.date_edit.text()
    box = view.grid.box_of(view.bookings[0].id)
    assert box is not None
    image = view.grid.grab().toImage()
    assert not image.isNull()
    painted = view.grid._painted[0].texts
    assert painted[0].startswith("王先生")


def test_calendar_is_first_in_the_sidebar(make_window, desk_ctx) -> None:
    """Right after Today, the desk's home screen."""
    window = make_window(desk_ctx)
    assert window.view_names[:2] == ["today", "calendar"]
    assert window.navigation.item(1).text() == "Calendar"
    assert not window.navigation.item(1).icon().isNull()
    assert isinstance(window.views["calendar"], CalendarView)
    assert window.views["calendar"].objectName() == "calendarView"


def test_a_booking_made_in_the_quick_dialog_shows_on_the_grid(qtbot, make_view, desk_ctx,
                                                             venue) -> None:
    from desktop.ui.booking.quick import QuickBookingDialog

    spaces, people = venue
    small = spaces["Small tea room"]
    view = make_view(desk_ctx)
    dialog = view.open_quick_booking(small.id, at(FRIDAY, "15:00"), 60)
    assert isinstance(dialog, QuickBookingDialog) and dialog.isVisible()
    # the dialog saves through the service; here the booking is made the same way
    dialog.booked = book(desk_ctx, small, people["zhang"], at(FRIDAY, "15:00"), 60)
    dialog.accept()
    assert view.grid.box_of(dialog.booked.id) is not None
    assert view.grid.selected_id == dialog.booked.id
    assert "Booked" in child(view, QLabel, "calendarMessage").text()


def test_find_a_free_slot_opens_the_search(qtbot, make_view, desk_ctx, venue) -> None:
    from desktop.ui.booking.free_slot import FindFreeSlotDialog

    view = make_view(desk_ctx)
    qtbot.mouseClick(child(view, type(view.find_button), "findFreeSlotButton"),
                     Qt.MouseButton.LeftButton)
    assert isinstance(view.dialog, FindFreeSlotDialog)
    view.dialog.reject()


def test_week_of_all_spaces_boxes_show_what_fits(qtbot, make_view, desk_ctx, venue) -> None:
    """Split per space, a day's boxes are narrow: the booker's short name and start time when
    they fit, the surname stacked or an initial in a sliver, and never text wider than the
    box."""
    spaces, people = venue
    made = book(desk_ctx, spaces["Small tea room"], people["zhang"], at(FRIDAY, "10:00"), 120)
    view = make_view(desk_ctx, FRIDAY, WEEK_ALL)

    def shown(grid: CalendarGrid) -> list[str]:
        (painted,) = [p for p in grid._painted if p.booking_id == made.id]
        metrics = grid._measure
        assert all(at.x() + metrics.width(s.text(), bold) <= painted.rect.right() + 0.5
                   for at, s, bold in painted.lines)
        return painted.texts

    texts = shown(view.grid)
    assert texts[0].startswith("张") and texts[1] == "10:00"  # as much of the name as fits
    narrow = CalendarGrid()  # about what a laptop's week of eight spaces leaves a space
    qtbot.addWidget(narrow)
    narrow.resize(520, 1000)
    narrow.set_data(view.grid.columns, view.bookings, [], None)
    narrow.relayout()
    assert narrow.layout_.width == 520
    assert shown(narrow)[0] == "张" and "10:00" not in shown(narrow)
