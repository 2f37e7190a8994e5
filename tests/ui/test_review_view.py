"""The Review view as the owner uses it: the tiles show the database's numbers, a tile, a bar
or a heat-map cell opens the list behind it, a member in a list opens the member, the desk
never gets the view, an empty database shows its empty states, and the monthly report is
previewed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.booking.service import BookingRequest, create_booking
from desktop.errors import ClubhouseError, PermissionDenied
from desktop.events.visits import record_visit
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.charts import BarChart, HeatMap, LineChart
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.review.drill_dialog import DrillDialog
from desktop.ui.review.month_dialog import MonthDialog
from desktop.ui.review.parts import Tile
from desktop.ui.review.view import ReviewView
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import make_spaces
from tests.ui.helpers import child

TODAY = dt.date(2026, 11, 26)  # the FixedClock's day, a Thursday


def small_club(ctx: Context) -> dict[str, int]:
    """Three members: Wang's month ends in 13 days, Qian's year in 44, Zhao just joined;
    Zhao came in today and booked the small tea room 10:00-12:00."""
    annual = mm.create_plan(ctx, mm.PlanInput("Annual", "1980", 12, is_default=True))
    monthly = mm.create_plan(ctx, mm.PlanInput("Monthly", "200", 1))
    wang = mm.join_member(ctx, ms.MemberInput("Wang Expiring", phone="13900000001",
                                              joined_on=dt.date(2026, 11, 10)), monthly)
    qian = mm.join_member(ctx, ms.MemberInput("Qian Sixty", phone="13900000002",
                                              joined_on=dt.date(2026, 1, 10)), annual)
    zhao = mm.join_member(ctx, ms.MemberInput("Zhao Annual", phone="13900000003"), annual)
    record_visit(ctx, zhao.id)
    space = make_spaces(ctx)["Small tea room"]
    create_booking(ctx, BookingRequest(space.id, dt.datetime(2026, 11, 26, 10),
                                       dt.datetime(2026, 11, 26, 12), member_id=zhao.id))
    return {"wang": wang.id, "qian": qian.id, "zhao": zhao.id, "annual": annual,
            "monthly": monthly}


@pytest.fixture
def make_view(qtbot, inline: TaskRunner) -> Callable[..., ReviewView]:
    def make(ctx: Context, runner: TaskRunner | None = None) -> ReviewView:
        view = ReviewView(ctx, runner or inline)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def tile(view: ReviewView, page: str, name: str) -> Tile:
    found = view.pages[page].tiles.get(name)
    assert found is not None, f"no tile {name} on {page}"
    return found


def open_tile(qtbot, view: ReviewView, page: str, name: str) -> DrillDialog:
    view.show_page(page)
    target = tile(view, page, name)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog)
    qtbot.waitExposed(dialog)
    return dialog


# -- the owner's numbers and their lists -------------------------------------------------------

def test_tiles_show_the_numbers_of_the_database(make_view, owner_ctx):
    small_club(owner_ctx)
    view = make_view(owner_ctx)
    assert not view.is_loading
    assert tile(view, "membership", "membersTile").value() == "3"
    assert tile(view, "membership", "expiring30Tile").value() == "1"
    assert tile(view, "membership", "expiring60Tile").value() == "2"
    assert tile(view, "engagement", "visitsTile").value() == "1"
    assert tile(view, "spaces", "bookingsTile").value() == "1"
    assert "2026-08-29 to 2026-11-26" in child(view, QLabel, "reviewWindow").text()


def test_a_tile_opens_its_list_and_a_member_row_opens_the_member(qtbot, make_view, owner_ctx):
    people = small_club(owner_ctx)
    view = make_view(owner_ctx)
    opened: list[int] = []
    view.openMember.connect(opened.append)
    dialog = open_tile(qtbot, view, "membership", "expiring60Tile")
    assert sorted(dialog.names()) == ["Qian Sixty", "Wang Expiring"]
    assert child(dialog, QLabel, "drillCount").text() == "2 lines"
    table = dialog.table
    row = dialog.names().index("Wang Expiring")
    spot = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened == [people["wang"]]
    assert not dialog.isVisible()
    dialog = open_tile(qtbot, view, "membership", "expiring30Tile")
    assert dialog.names() == ["Wang Expiring"]


def test_the_keyboard_opens_a_tile_and_a_row(qtbot, make_view, owner_ctx):
    people = small_club(owner_ctx)
    view = make_view(owner_ctx)
    opened: list[int] = []
    view.openMember.connect(opened.append)
    target = tile(view, "membership", "expiring30Tile")
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Return)
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog) and dialog.names() == ["Wang Expiring"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the first row is selected
    assert opened == [people["wang"]]


def test_a_number_without_a_list_is_not_clickable(qtbot, make_view, owner_ctx):
    small_club(owner_ctx)
    view = make_view(owner_ctx)
    growth = tile(view, "membership", "netGrowthTile")
    assert not growth.clickable and growth.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(growth, Qt.MouseButton.LeftButton)
    assert view.dialog is None


def test_a_plan_bar_opens_the_members_on_that_plan(qtbot, make_view, owner_ctx):
    small_club(owner_ctx)
    view = make_view(owner_ctx)
    view.show_page("membership")
    chart = view.pages["membership"].charts["planChart"]
    assert isinstance(chart, BarChart)
    annual = chart.labels.index("Annual")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                     pos=chart.bar_rect(annual).center().toPoint())
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog)
    assert sorted(dialog.names()) == ["Qian Sixty", "Zhao Annual"]
    assert "Annual" in dialog.windowTitle()


def test_a_chart_opens_its_list_from_the_keyboard(qtbot, make_view, owner_ctx):
    small_club(owner_ctx)
    view = make_view(owner_ctx)
    view.show_page("membership")
    chart = view.pages["membership"].charts["planChart"]
    assert isinstance(chart, BarChart)
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)  # the first bar
    monthly = chart.labels.index("Monthly")
    while chart.current[0] != monthly:
        qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog) and dialog.names() == ["Wang Expiring"]


def test_a_month_point_opens_the_members_who_joined_then(qtbot, make_view, owner_ctx):
    small_club(owner_ctx)
    view = make_view(owner_ctx)
    view.show_page("membership")
    chart = view.pages["membership"].charts["joinedChart"]
    assert isinstance(chart, LineChart)
    november = len(chart.labels) - 1
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                     pos=chart.point_position(november).toPoint())
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog)
    assert sorted(dialog.names()) == ["Wang Expiring", "Zhao Annual"]
    assert "2026-11" in dialog.windowTitle()


def test_a_heat_map_cell_asks_for_the_bookings_of_that_hour(qtbot, make_view, owner_ctx):
    small_club(owner_ctx)
    view = make_view(owner_ctx)
    view.show_page("spaces")
    chart = view.pages["spaces"].charts["peakHoursChart"]
    assert isinstance(chart, HeatMap)
    thursday, ten = 3, chart.column_labels.index("10")
    assert chart.values[thursday][ten] == pytest.approx(1.0)  # 10:00-11:00 booked
    assert not chart.is_empty()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                     pos=chart.cell_rect(thursday, ten).center().toPoint())
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog) and dialog.drill is not None
    assert dialog.drill.kind == "peak_hour"
    assert dialog.drill.number("weekday") == 3 and dialog.drill.number("hour") == 10
    assert dialog.drill.arg("first") == "2026-08-29" and dialog.drill.arg("last") == "2026-11-26"
    assert dialog.windowTitle() == "Thu 10:00"
    assert dialog.names() == ["Zhao Annual"]
    assert "Small tea room" in dialog.rows[0].detail


def test_the_call_list_shows_whom_to_call_and_filters_to_30_days(qtbot, make_view, owner_ctx):
    people = small_club(owner_ctx)
    view = make_view(owner_ctx)
    page = view.show_page("membership")
    table = page.tables["callListTable"]
    model = table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert cells[0][:5] == ["Wang Expiring", "+8613900000001", "Monthly", "2026-12-09", "13"]
    assert cells[1][0] == "Qian Sixty" and cells[1][3] == "2027-01-09"
    assert cells[0][5] == "never"
    window = page.call_window
    window.setCurrentIndex(window.findData(30))
    assert model.rowCount() == 1
    assert child(page, QLabel, "callListCount").text() == "1 to call"
    opened: list[int] = []
    view.openMember.connect(opened.append)
    spot = table.visualRect(model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened == [people["wang"]]


def held_tasting(ctx: Context, people: dict[str, int]) -> int:
    """A tea tasting last Friday evening that Zhao came to (made on the day, then back)."""
    from desktop.clock import FixedClock
    from desktop.events.checkin import check_in_registration
    from desktop.events.registrations import RegistrationInput, register
    from desktop.events.service import EventInput, create_event

    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    now = clock.now()
    clock.set(dt.datetime(2026, 11, 20, 8))
    space = large_tea_room(ctx)
    (tasting,) = create_event(ctx, EventInput("Autumn tasting", "tea_tasting", space,
                                              dt.datetime(2026, 11, 20, 19),
                                              dt.datetime(2026, 11, 20, 21), 8))
    result = register(ctx, tasting.id, RegistrationInput(member_id=people["zhao"]))
    clock.set(dt.datetime(2026, 11, 20, 19, 5))
    check_in_registration(ctx, result.registration.id)
    clock.set(now)
    return tasting.id


def large_tea_room(ctx: Context) -> int:
    from desktop.booking.spaces import list_spaces

    return next(space.id for space in list_spaces(ctx) if space.name == "Large tea room")


def test_a_kind_bar_lists_its_events_and_a_count_lists_the_people(qtbot, make_view, owner_ctx):
    people = small_club(owner_ctx)
    tasting = held_tasting(owner_ctx, people)
    view = make_view(owner_ctx)
    page = view.show_page("events")
    assert tile(view, "events", "eventsTile").value() == "1"
    chart = page.charts["byKindChart"]
    assert isinstance(chart, BarChart) and chart.labels == ["Tea tasting"]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                     pos=chart.bar_rect(0, 1).center().toPoint())
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog) and dialog.names() == ["Autumn tasting"]
    assert "1 registered · 1 came · 0 waiting" in dialog.rows[0].detail
    with qtbot.waitSignal(view.openEvent) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.args == [tasting]
    table = page.tables["eventsTable"]
    spot = table.visualRect(table.model().index(0, 5)).center()  # "Came"
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog) and dialog.names() == ["Zhao Annual"]
    assert dialog.windowTitle() == "Autumn tasting: Came"
    # The section's "Came" total lists the same person, with the event they came to.
    qtbot.mouseClick(tile(view, "events", "checkedInTile"), Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, DrillDialog) and dialog.names() == ["Zhao Annual"]
    assert dialog.rows[0].detail.startswith("Autumn tasting · ")


# -- who may, loading, nothing yet -------------------------------------------------------------

def test_the_desk_cannot_build_the_review(qtbot, desk_ctx, inline):
    with pytest.raises(PermissionDenied):
        ReviewView(desk_ctx, inline)


def test_an_empty_database_shows_the_empty_states(make_view, owner_ctx):
    view = make_view(owner_ctx)
    assert "Nothing happened in the last 90 days" in view.bar.text()
    assert tile(view, "membership", "membersTile").value() == "0"
    assert tile(view, "membership", "renewalTile").value() == "—"
    assert not any(t.clickable for page in view.pages.values() for t in page.tiles.values())
    for page in view.pages.values():
        for chart in page.charts.values():
            assert chart.is_empty(), chart.objectName()
            assert chart.empty_text() == "No data yet"
    membership = view.pages["membership"]
    assert membership.findChild(QLabel, "callListTableEmpty").text() == \
        "No membership ends in the next 60 days."
    assert "callListTable" not in membership.tables
    assert view.pages["money"].findChild(QLabel, "outstandingTableEmpty") is not None


class HeldRunner(TaskRunner):
    """Keeps the task until the test lets it finish: what a slow database looks like."""

    def __init__(self) -> None:
        super().__init__(inline=True)
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[ClubhouseError], None]) -> None:
        self.held.append((fn, on_done))

    def finish(self) -> None:
        fn, on_done = self.held.pop(0)
        on_done(fn())


def test_loading_shows_loading_and_refresh_keeps_the_pages(qtbot, make_view, owner_ctx):
    people = small_club(owner_ctx)
    runner = HeldRunner()
    hidden = ReviewView(owner_ctx, runner)
    qtbot.addWidget(hidden)
    assert runner.held == []  # nothing is asked of the database until the view is shown
    view = make_view(owner_ctx, runner)
    assert len(runner.held) == 1
    assert view.is_loading
    assert child(view, QLabel, "reviewLoading").text() == "Loading…"
    refresh = child(view, QPushButton, "reviewRefreshButton")
    assert not refresh.isEnabled()
    runner.finish()
    assert not view.is_loading and refresh.isEnabled()
    assert tile(view, "membership", "membersTile").value() == "3"
    assert view.refresh_action.shortcut().toString() == "F5"
    view.refresh_action.trigger()
    assert len(runner.held) == 1 and not view.is_loading  # the old numbers stay meanwhile
    assert child(view, QLabel, "reviewWindow").text() == "Loading…"
    mm.join_member(owner_ctx, ms.MemberInput("Sun New"), people["annual"])
    runner.finish()
    assert tile(view, "membership", "membersTile").value() == "4"


def test_a_page_is_built_when_its_tab_opens_and_never_shows_old_numbers(qtbot, make_view,
                                                                        owner_ctx):
    """Only the page on show is built when the numbers arrive (six pages at once were most
    of the time the view took to open); another is built from the same numbers when its
    tab is opened, and after a refresh no tab keeps a page of the old numbers."""
    people = small_club(owner_ctx)
    view = make_view(owner_ctx)
    assert view.pages.built("membership") and not view.pages.built("engagement")
    assert view.scrolls["engagement"].widget() is None
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert view.tabs.currentWidget() is view.scrolls["engagement"]
    assert view.pages.built("engagement")
    assert view.scrolls["engagement"].widget() is view.pages["engagement"]
    assert tile(view, "engagement", "visitsTile").value() == "1"
    record_visit(owner_ctx, people["wang"])
    view.refresh()
    assert tile(view, "engagement", "visitsTile").value() == "2"  # the page on show
    assert not view.pages.built("membership")
    assert view.scrolls["membership"].widget() is None
    view.show_page("membership")
    assert tile(view, "membership", "membersTile").value() == "3"
    assert list(view.pages) == ["membership", "engagement", "spaces", "events", "circle",
                                "money"]


# -- the monthly report ------------------------------------------------------------------------

def test_monthly_report_asks_for_last_month_and_previews_it(qtbot, make_view, owner_ctx,
                                                            monkeypatch):
    from desktop.reports import monthly

    small_club(owner_ctx)
    calls: list[tuple[Any, ...]] = []
    real = monthly.print_month_report

    def spy(ctx: Context, year: int, month: int, path: Any, lang: Any = None) -> int:
        calls.append((year, month, lang))
        return real(ctx, year, month, path, lang)

    monkeypatch.setattr(monthly, "print_month_report", spy)
    set_ui_language("zh_CN")
    view = make_view(owner_ctx)
    qtbot.mouseClick(child(view, QPushButton, "monthReportButton"), Qt.MouseButton.LeftButton)
    asking = view.dialog
    assert isinstance(asking, MonthDialog)
    assert asking.chosen() == dt.date(2026, 10, 1)
    qtbot.mouseClick(child(asking, QPushButton, "makeReportButton"), Qt.MouseButton.LeftButton)
    preview = view.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.path.name == "monthly-report-2026-10.pdf"
    assert preview.path.stat().st_size > 1000
    assert calls == [(2026, 10, "zh_CN")]
    preview.reject()


def test_chinese_labels_come_from_the_language(make_view, owner_ctx):
    small_club(owner_ctx)
    set_ui_language("zh_CN")
    view = make_view(owner_ctx)
    heat = view.pages["spaces"].charts["peakHoursChart"]
    assert isinstance(heat, HeatMap)
    assert heat.row_labels[0] == "周一"
    joined = view.pages["membership"].charts["joinedChart"]
    assert isinstance(joined, LineChart) and joined.labels[-1] == "11月"
