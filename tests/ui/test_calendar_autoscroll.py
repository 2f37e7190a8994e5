"""Dragging at the edge of the calendar's visible hours scrolls it: a booking goes from the
morning to the evening in one drag, with the live check following, and Esc stops it all.

The view is kept small so that the day does not fit (06:00–22:00 in about eight visible
hours).  Ticks of the scroll timer are run by hand (``scroller.tick()``) so each step can be
looked at; one test lets the real timer run, waiting on the scroll bar, not on the clock.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QScrollBar

from desktop.booking.service import get_booking
from desktop.booking.spaces import SpaceInput, create_space
from desktop.ui.calendar.autoscroll import ZONE, EdgeScroller
from desktop.ui.calendar.view import WEEK_ALL, CalendarView
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import every_day
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

SUNDAY = dt.date(2026, 11, 29)


@pytest.fixture
def make_view(qtbot, inline: TaskRunner) -> MakeView:
    # About eight of the day's sixteen hours show at once.
    return view_maker(qtbot, inline, 1000, 420)


def scroller(view: CalendarView) -> EdgeScroller:
    found = view.grid.scroller
    assert found is not None
    return found


def vbar(view: CalendarView) -> QScrollBar:
    return view.scroll_area.verticalScrollBar()


def from_viewport(view: CalendarView, x: int, y: int) -> QPoint:
    """Where a point of the scroll area's viewport is on the grid (what qtbot moves to)."""
    return view.grid.mapFrom(view.scroll_area.viewport(), QPoint(x, y))


def in_view(view: CalendarView, point: QPoint) -> QPoint:
    return view.grid.mapTo(view.scroll_area.viewport(), point)


def test_a_drag_held_at_the_bottom_scrolls_and_the_live_check_follows(
        qtbot, make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "09:00"), 60)
    book(desk_ctx, small, people["zhang"], at(FRIDAY, "14:00"), 120, guest="Mr Wang")
    view = make_view(desk_ctx)
    grid = view.grid
    bar = vbar(view)
    bar.setValue(0)
    index = column_of(view, small)
    viewport = view.scroll_area.viewport()
    y_18_30 = grid.point_of(index, minute("18:30")).y()
    assert bar.maximum() > 0 and y_18_30 > viewport.height()  # 18:00 is out of sight
    checks: list[tuple[dt.datetime, dt.datetime]] = []
    real_checker = grid.checker
    assert real_checker is not None

    def counting(booking_id: int, space_id: int, starts: dt.datetime,
                 ends: dt.datetime) -> tuple[bool, str]:
        checks.append((starts, ends))
        return real_checker(booking_id, space_id, starts, ends)

    grid.checker = counting
    x = grid.point_of(index, 0).x()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(index, minute("09:30")))
    qtbot.mouseMove(grid, grid.point_of(index, minute("11:30")))  # mid-view: no scrolling
    assert not scroller(view).active and bar.value() == 0
    qtbot.mouseMove(grid, from_viewport(view, x, viewport.height() - 9))  # into the edge zone
    assert scroller(view).active
    seen: list[tuple[int, int, bool | None, str]] = []
    for _ in range(60):
        if y_18_30 - bar.value() < viewport.height() - ZONE - 10:
            break  # 18:30 is in sight above the edge zone
        before = bar.value()
        scroller(view).tick()
        assert bar.value() > before
        drag = grid.drag
        assert drag is not None and drag.target is not None
        seen.append((drag.target[1], drag.target[2], drag.ok, drag.reason))
        note = grid.reason_note()
        if drag.ok is False:  # the reason is painted where it can be read, not below the view
            sight = grid.visibleRegion().boundingRect()
            assert note is not None
            assert sight.top() + grid.layout_.top <= note.top() < note.bottom() <= sight.bottom()
    else:
        pytest.fail("the grid never scrolled 18:30 into view")
    starts = [start for start, _end, _ok, _reason in seen]
    assert starts == sorted(starts) and starts[-1] > starts[0]
    for start, end, ok, reason in seen:  # red over Mr Wang's 14:00–16:00, green elsewhere
        clash = start < minute("16:00") and end > minute("14:00")
        assert ok is (not clash), (start, end, ok)
        assert ("Mr Wang" in reason) is clash
    assert any(ok for *_rest, ok, _reason in seen) and any(not ok for *_r, ok, _x in seen)
    # every target the scrolling reached was checked live, once
    targets = [(at(FRIDAY, "00:00") + dt.timedelta(minutes=s),
                at(FRIDAY, "00:00") + dt.timedelta(minutes=e)) for s, e, _o, _r in seen]
    assert checks[-len(set(targets)):] == list(dict.fromkeys(targets))
    target = grid.point_of(index, minute("18:30"))
    qtbot.mouseMove(grid, target)  # out of the zone: scrolling stops
    assert not scroller(view).active
    resting = bar.value()
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    assert bar.value() == resting
    moved = get_booking(desk_ctx, tea.id)
    assert (moved.starts, moved.ends) == (at(FRIDAY, "18:00"), at(FRIDAY, "19:00"))
    assert "Moved" in child(view, QLabel, "calendarMessage").text()


def test_the_step_grows_with_the_depth_into_the_zone(qtbot, make_view, desk_ctx,
                                                     venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    book(desk_ctx, small, people["zhang"], at(FRIDAY, "09:00"), 60)
    view = make_view(desk_ctx)
    grid, bar = view.grid, vbar(view)
    bar.setValue(0)
    index = column_of(view, small)
    x = grid.point_of(index, 0).x()
    height = view.scroll_area.viewport().height()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(index, minute("09:30")))
    steps = []
    for y in (height - ZONE + 4, height - 4, height + 40):  # shallow, deep, below the view
        qtbot.mouseMove(grid, from_viewport(view, x, y))
        before = bar.value()
        scroller(view).tick()
        steps.append(bar.value() - before)
    assert 0 < steps[0] < steps[1] < steps[2]
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=from_viewport(view, x, height + 40))
    assert not scroller(view).active


def test_the_timer_scrolls_a_new_booking_drag_and_the_drop_asks_the_longer_time(
        qtbot, make_view, desk_ctx, venue) -> None:
    spaces, _people = venue
    large = spaces["Large tea room"]
    view = make_view(desk_ctx)
    calls: list[tuple[int | None, dt.datetime | None, int | None]] = []
    view.open_quick_booking = lambda space_id=None, starts=None, minutes=None: calls.append(
        (space_id, starts, minutes))
    grid, bar = view.grid, vbar(view)
    bar.setValue(0)
    index = column_of(view, large)
    x = grid.point_of(index, 0).x()
    height = view.scroll_area.viewport().height()
    y_17 = grid.point_of(index, minute("17:00")).y()
    assert y_17 > height  # 17:00 is out of sight when the drag starts
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(index, minute("09:05")))
    qtbot.mouseMove(grid, from_viewport(view, x, height - 3))
    qtbot.waitUntil(lambda: y_17 - bar.value() < height - ZONE - 10, timeout=5000)
    end = grid.point_of(index, minute("17:00"))
    qtbot.mouseMove(grid, end)
    assert not scroller(view).active
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)
    assert calls == [(large.id, at(FRIDAY, "09:00"), 8 * 60)]


def test_resizing_at_the_bottom_edge_scrolls(qtbot, make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "12:00"), 60)
    view = make_view(desk_ctx)
    grid, bar = view.grid, vbar(view)
    bar.setValue(0)
    box = grid.box_of(tea.id)
    assert box is not None
    height = view.scroll_area.viewport().height()
    edge = QPoint(int(box.rect.x + box.rect.w / 2), int(box.rect.bottom - 2))
    assert in_view(view, edge).y() < height - ZONE  # the grip is not itself in the zone
    y_15_30 = grid.point_of(box.column, minute("15:30")).y()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(grid, from_viewport(view, edge.x(), height - 6))
    assert grid.drag is not None and grid.drag.kind == "resize"
    for _ in range(40):
        if y_15_30 - bar.value() < height - ZONE - 10:
            break
        scroller(view).tick()
    end = QPoint(edge.x(), y_15_30)
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)
    resized = get_booking(desk_ctx, tea.id)
    assert (resized.starts, resized.ends) == (at(FRIDAY, "12:00"), at(FRIDAY, "15:30"))


def test_a_drag_held_under_the_header_scrolls_up(qtbot, make_view, desk_ctx, venue) -> None:
    """The header stays at the top of the view, so the top edge is the header's bottom."""
    spaces, people = venue
    small = spaces["Small tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "16:00"), 60)
    view = make_view(desk_ctx)
    grid, bar = view.grid, vbar(view)
    bar.setValue(bar.maximum())
    index = column_of(view, small)
    x = grid.point_of(index, 0).x()
    header = int(grid.layout_.top)
    y_10_30 = grid.point_of(index, minute("10:30")).y()
    assert y_10_30 - bar.value() < header  # 10:30 is out of sight above
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(index, minute("16:30")))
    qtbot.mouseMove(grid, from_viewport(view, x, header + ZONE + 20))  # under it: nothing
    assert not scroller(view).active
    qtbot.mouseMove(grid, from_viewport(view, x, header + 6))
    assert scroller(view).active
    for _ in range(40):
        if y_10_30 - bar.value() > header + ZONE + 10:
            break
        before = bar.value()
        scroller(view).tick()
        assert bar.value() < before
    end = grid.point_of(index, minute("10:30"))
    qtbot.mouseMove(grid, end)
    assert not scroller(view).active
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)
    assert get_booking(desk_ctx, tea.id).starts == at(FRIDAY, "10:00")


def test_escape_stops_scrolling_and_snaps_back(qtbot, make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "09:00"), 60)
    view = make_view(desk_ctx)
    moves: list[int] = []
    view.move_to = lambda booking, space, starts, ends: moves.append(booking)
    grid, bar = view.grid, vbar(view)
    bar.setValue(0)
    index = column_of(view, small)
    x = grid.point_of(index, 0).x()
    height = view.scroll_area.viewport().height()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(index, minute("09:30")))
    qtbot.mouseMove(grid, from_viewport(view, x, height - 4))
    scroller(view).tick()
    scroller(view).tick()
    assert bar.value() > 0
    drag = grid.drag
    assert drag is not None and drag.target is not None
    assert drag.target[1] > minute("13:00")  # the outline went down with the scrolling
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    assert grid.drag is None and not scroller(view).active
    stopped = bar.value()
    scroller(view).tick()  # a tick already queued does nothing
    qtbot.mouseMove(grid, from_viewport(view, x, height - 2))  # still at the edge: nothing
    assert not scroller(view).active and bar.value() == stopped
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=from_viewport(view, x, height - 2))
    assert moves == []
    assert get_booking(desk_ctx, tea.id).starts == at(FRIDAY, "09:00")
    box = grid.box_of(tea.id)
    assert box is not None and abs(box.rect.y - grid.layout_.y_of(minute("09:00"))) <= 1


def test_many_spaces_scroll_sideways_at_the_right_edge(qtbot, make_view, owner_ctx, desk_ctx,
                                                       venue) -> None:
    spaces, people = venue
    for number in range(6):  # ten spaces × seven days: wider than the view
        create_space(owner_ctx, SpaceInput(f"Room {number}", "tea_room", 6, True,
                                           slot_minutes=30, min_minutes=60, max_minutes=240,
                                           advance_days=30, sort_order=10 + number,
                                           hours=every_day("09:00", "22:00")))
    small = spaces["Small tea room"]
    tea = book(desk_ctx, small, people["zhang"], at(FRIDAY, "10:00"), 60)
    view = make_view(desk_ctx, FRIDAY, WEEK_ALL)
    view.resize(view.minimumSizeHint().width(), 420)
    grid = view.grid
    across = view.scroll_area.horizontalScrollBar()
    qtbot.waitUntil(lambda: across.maximum() > 0)
    across.setValue(0)
    vbar(view).setValue(0)
    width = view.scroll_area.viewport().width()
    friday, sunday = column_of(view, small), column_of(view, small, SUNDAY)
    y = grid.point_of(friday, minute("10:30")).y()
    sunday_x = grid.point_of(sunday, minute("10:30")).x()
    assert sunday_x > width  # Sunday is out of sight at the right
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(friday, minute("10:30")))
    qtbot.mouseMove(grid, from_viewport(view, width - 5, in_view(view, QPoint(0, y)).y()))
    assert scroller(view).active
    columns: list[int] = []
    for _ in range(60):
        if sunday_x - across.value() < width - ZONE - 10:
            break
        before = across.value()
        scroller(view).tick()
        assert across.value() > before and vbar(view).value() == 0
        assert grid.drag is not None and grid.drag.target is not None
        columns.append(grid.drag.target[0])
    assert columns == sorted(columns) and columns[-1] > columns[0]
    end = QPoint(sunday_x, y)
    qtbot.mouseMove(grid, end)
    assert not scroller(view).active
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)
    moved = get_booking(desk_ctx, tea.id)
    assert (moved.starts, moved.space_id) == (at(SUNDAY, "10:00"), small.id)


def test_no_scrolling_when_the_whole_day_fits(qtbot, make_view, desk_ctx, venue) -> None:
    spaces, people = venue
    small = spaces["Small tea room"]
    book(desk_ctx, small, people["zhang"], at(FRIDAY, "09:00"), 60)
    view = make_view(desk_ctx)
    view.resize(1300, 1100)
    qtbot.waitUntil(lambda: vbar(view).maximum() == 0)
    grid = view.grid
    index = column_of(view, small)
    height = view.scroll_area.viewport().height()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.point_of(index, minute("09:30")))
    qtbot.mouseMove(grid, from_viewport(view, grid.point_of(index, 0).x(), height - 3))
    assert grid.drag is not None and grid.drag.moved
    assert not scroller(view).active
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=from_viewport(
        view, grid.point_of(index, 0).x(), height - 3))


def test_the_step_arithmetic() -> None:
    """The arithmetic of the step, apart from any widget."""
    from desktop.ui.calendar.autoscroll import MAX_STEP, axis_step, step_for

    assert step_for(0) == 0 and step_for(-5) == 0
    assert step_for(1) < step_for(12) < step_for(24) < step_for(200) == MAX_STEP
    assert axis_step(150, 0, 300) == 0
    assert axis_step(5, 0, 300) < 0 < axis_step(295, 0, 300)
    assert axis_step(-50, 0, 300) < axis_step(5, 0, 300)  # above the view: faster up
    assert axis_step(5, 0, 40) == 0  # no room for two zones: no scrolling

