"""Settings → Spaces: the owner sets up spaces, their hours and closures; a closure over
bookings shows the call list and cancels or keeps them as the desk chooses."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.modeltest import ModelTester

from desktop.booking.rules import OpeningRange
from desktop.booking.service import BookingRequest, BookingView, create_booking, get_booking
from desktop.booking.spaces import (
    create_closure,
    get_space,
    list_closures,
    list_spaces,
    preview_closure,
)
from desktop.services import Context
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.spaces import space_dialog
from desktop.ui.spaces.closure_dialog import (
    CALL_LIST_PAGE,
    ClosureDialog,
    DeleteClosureDialog,
)
from desktop.ui.spaces.models import (
    AffectedTableModel,
    ClosuresTableModel,
    SpacesTableModel,
    hours_summary,
)
from desktop.ui.spaces.space_dialog import SpaceDialog
from desktop.ui.spaces_tab import SpacesTab
from tests.helpers.booking_race import DAY, make_members, make_spaces
from tests.ui.helpers import child

T = dt.time.fromisoformat


@pytest.fixture
def tab(qtbot, owner_ctx: Context) -> SpacesTab:
    make_spaces(owner_ctx)
    widget = SpacesTab(owner_ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def _column(tab: SpacesTab, column: int) -> list[str]:
    proxy = tab.spaces_proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def _row_of(tab: SpacesTab, name: str) -> list[str]:
    proxy = tab.spaces_proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == name:
            return [proxy.index(row, column).data() for column in range(proxy.columnCount())]
    raise AssertionError(f"{name} is not in the table")


def _select(tab: SpacesTab, name: str) -> None:
    space = next(s for s in list_spaces(tab._ctx, include_inactive=True) if s.name == name)
    assert tab.select_space(space.id)


def _space_dialog(tab: SpacesTab) -> SpaceDialog:
    dialog = tab.dialog
    assert isinstance(dialog, SpaceDialog) and dialog.isVisible()
    assert dialog.objectName() == "spaceDialog"
    return dialog


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, owner_ctx: Context) -> None:
    make_spaces(owner_ctx)
    spaces = SpacesTableModel()
    spaces.set_rows(list_spaces(owner_ctx))
    qtmodeltester.check(spaces)
    start = dt.datetime.combine(DAY, T("09:00"))
    create_closure(owner_ctx, None, start, start + dt.timedelta(hours=3), "staff training")
    closures = ClosuresTableModel()
    closures.set_rows(list_closures(owner_ctx, DAY, DAY))
    qtmodeltester.check(closures)
    affected = AffectedTableModel()
    affected.set_rows(preview_closure(owner_ctx, None, start, start + dt.timedelta(hours=3)))
    qtmodeltester.check(affected)


def test_the_table_lists_every_space_with_hours_and_sorts(tab: SpacesTab) -> None:
    assert tab.table.objectName() == "spacesTable"
    assert _row_of(tab, "Meeting room") == [
        "Meeting room", "Meeting room", "8", "One party at a time",
        "Mon–Sun 09:00–12:00, 13:00–18:00", "Active"]
    assert _row_of(tab, "Fishing pond")[3] == "Shared seats"
    tab.table.sortByColumn(SpacesTableModel.CAPACITY, Qt.SortOrder.DescendingOrder)
    assert _column(tab, SpacesTableModel.CAPACITY) == ["12", "10", "8", "6"]  # as numbers


def test_hours_summary_groups_days_with_the_same_hours() -> None:
    hours = (*(OpeningRange(d, T("08:30"), T("18:00")) for d in range(5)),
             OpeningRange(5, T("09:00"), T("17:00")))
    assert hours_summary(hours) == "Mon–Fri 08:30–18:00; Sat 09:00–17:00"
    assert hours_summary(()) == "Closed every day"


def test_create_a_space_through_the_dialog(qtbot, tab: SpacesTab, owner_ctx: Context,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    tab.new_button.click()
    dialog = _space_dialog(tab)
    qtbot.keyClicks(dialog.name, "Reading nook")
    dialog.kind.setCurrentIndex(dialog.kind.findData("library"))
    dialog.capacity.setValue(8)
    qtbot.mouseClick(dialog.seats, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(space_dialog, "choose_colour", lambda *_args: "#A8743A")
    dialog.colour.click()
    assert dialog.colour.text() == "#A8743A"
    dialog.advance.setValue(14)
    child(dialog, QPushButton, "spaceOkButton").click()

    assert not dialog.isVisible()
    assert _row_of(tab, "Reading nook")[:4] == ["Reading nook", "Library", "8", "Shared seats"]
    assert tab.bar.text() == "Reading nook is created."
    made = next(s for s in list_spaces(owner_ctx) if s.name == "Reading nook")
    assert (made.kind, made.capacity, made.exclusive, made.colour, made.advance_days) == (
        "library", 8, False, "#A8743A", 14)
    assert len(made.hours) == 7 and made.hours[0] == OpeningRange(0, T("09:00"), T("21:00"))


def test_edit_hours_from_the_keyboard(qtbot, tab: SpacesTab, owner_ctx: Context) -> None:
    _select(tab, "Small tea room")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = _space_dialog(tab)
    monday = dialog.hours.days[0]
    monday.opens.setTime(QTime(10, 0))
    monday.closes.setTime(QTime(20, 0))
    dialog.hours.copy_button.click()
    dialog.hours.days[6].open.setChecked(False)  # closed on Sundays
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves

    assert not dialog.isVisible()
    space = next(s for s in list_spaces(owner_ctx) if s.name == "Small tea room")
    assert space.hours == tuple(OpeningRange(d, T("10:00"), T("20:00")) for d in range(6))
    assert _row_of(tab, "Small tea room")[4] == "Mon–Sat 10:00–20:00"


def test_further_ranges_of_a_day_are_kept(qtbot, tab: SpacesTab, owner_ctx: Context) -> None:
    _select(tab, "Meeting room")
    dialog = tab.open_edit()
    assert dialog is not None
    tuesday = dialog.hours.days[1]
    assert tuesday.extra_label.text() == "+ 13:00–18:00"
    tuesday.closes.setTime(QTime(11, 30))
    dialog.hours.days[2].open.setChecked(False)  # closing Wednesday drops both ranges
    dialog.submit()

    space = get_space(owner_ctx, dialog.saved.id if dialog.saved else 0)
    assert [r for r in space.hours if r.weekday in (1, 2)] == [
        OpeningRange(1, T("09:00"), T("11:30")), OpeningRange(1, T("13:00"), T("18:00"))]
    assert len(space.hours) == 12


def test_bad_values_show_beside_their_field_and_save_nothing(
    qtbot, tab: SpacesTab, owner_ctx: Context
) -> None:
    before = list_spaces(owner_ctx, include_inactive=True)
    _select(tab, "Small tea room")
    dialog = tab.open_edit()
    assert dialog is not None
    dialog.min_minutes.setValue(180)
    dialog.max_minutes.setValue(120)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.errors.text("min_minutes") == \
        "The minimum duration cannot be longer than the maximum."
    assert child(dialog, QLabel, "minMinutesSpinError").isVisible()
    assert dialog.min_minutes.property("invalid") is True

    dialog.min_minutes.setValue(60)
    dialog.name.clear()
    dialog.ok_button.click()
    assert dialog.errors.text("min_minutes") == ""
    assert dialog.errors.text("name") == "A space needs a name."

    qtbot.keyClicks(dialog.name, "Small tea room")
    dialog.hours.days[3].closes.setTime(QTime(8, 0))  # Thursday closes before it opens
    dialog.ok_button.click()
    assert dialog.errors.text("hours") == \
        "On Thursday, closing time must be after opening time (09:00–08:00)."
    assert list_spaces(owner_ctx, include_inactive=True) == before
    dialog.reject()


def test_turning_exclusive_over_overlapping_bookings_says_so_at_the_choice(
    qtbot, tab: SpacesTab, owner_ctx: Context
) -> None:
    zhang = make_members(owner_ctx)["zhang"]
    pond = next(s for s in list_spaces(owner_ctx) if s.name == "Fishing pond")
    start = dt.datetime.combine(DAY, T("08:00"))
    for guest in (None, "Old Wang"):
        create_booking(owner_ctx, BookingRequest(pond.id, start, start + dt.timedelta(hours=2),
                                                 2, member_id=zhang, guest_name=guest))
    _select(tab, "Fishing pond")
    dialog = tab.open_edit()
    assert dialog is not None
    dialog.exclusive.setChecked(True)
    dialog.submit()
    assert "cannot become exclusive" in dialog.errors.text("exclusive")
    assert get_space(owner_ctx, pond.id).exclusive is False
    dialog.reject()


def test_deactivate_and_activate_a_space(tab: SpacesTab, owner_ctx: Context,
                                         desk_ctx: Context) -> None:
    _select(tab, "Large tea room")
    assert tab.toggle_button.text() == "Deactivate"
    tab.toggle_button.click()
    assert _row_of(tab, "Large tea room")[5] == "Inactive"
    assert tab.bar.text() == "Large tea room is inactive: no new bookings; its bookings stay."
    assert "Large tea room" not in [s.name for s in list_spaces(desk_ctx)]
    assert tab.toggle_button.text() == "Activate"
    tab.toggle_button.click()
    assert "Large tea room" in [s.name for s in list_spaces(desk_ctx)]


def _bookings(owner_ctx: Context) -> list[BookingView]:
    zhang = make_members(owner_ctx)["zhang"]
    spaces = {s.name: s for s in list_spaces(owner_ctx)}
    at = dt.datetime.combine(DAY, T("10:00"))
    return [
        create_booking(owner_ctx, BookingRequest(spaces["Small tea room"].id, at,
                                                 at + dt.timedelta(hours=2), 3,
                                                 member_id=zhang)),
        create_booking(owner_ctx, BookingRequest(spaces["Fishing pond"].id, at,
                                                 at + dt.timedelta(hours=1), 2,
                                                 member_id=zhang, guest_name="Old Wang")),
    ]


def _fill_closure(qtbot, tab: SpacesTab, reason: str) -> ClosureDialog:
    tab.add_closure_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ClosureDialog) and dialog.objectName() == "closureDialog"
    assert dialog.space.currentData() is None  # the whole venue
    dialog.starts.setDateTime(QDateTime(QDate(2026, 11, 27), QTime(0, 0)))
    dialog.ends.setDateTime(QDateTime(QDate(2026, 11, 28), QTime(0, 0)))
    qtbot.keyClicks(dialog.reason, reason)
    child(dialog, QPushButton, "closureOkButton").click()
    return dialog


def _call_list(dialog: ClosureDialog) -> list[list[str]]:
    model = dialog.affected_model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_a_closure_over_bookings_lists_them_and_cancels_them(
    qtbot, tab: SpacesTab, owner_ctx: Context
) -> None:
    made = _bookings(owner_ctx)
    dialog = _fill_closure(qtbot, tab, "power cut")

    assert dialog.page() == CALL_LIST_PAGE
    assert dialog.affected_title.text() == "2 bookings fall inside this closure."
    assert _call_list(dialog) == [
        ["张建华", "139 1234 5678", "Small tea room", "2026-11-27 10:00–12:00", "3"],
        ["Old Wang (张建华)", "139 1234 5678", "Fishing pond", "2026-11-27 10:00–11:00", "2"]]
    assert list_closures(owner_ctx, DAY, DAY) == []  # nothing written before the choice
    child(dialog, QPushButton, "cancelBookingsButton").click()

    assert not dialog.isVisible()
    for booking in made:
        after = get_booking(owner_ctx, booking.id)
        assert (after.status, after.cancel_reason) == ("cancelled", "power cut")
    assert tab.bar.text() == "The closure is added; 2 bookings inside it are cancelled."
    closures = tab.closures
    assert [closures.index(0, c).data() for c in range(4)] == [
        "Whole venue", "2026-11-27 00:00", "2026-11-28 00:00", "power cut"]


def test_a_closure_over_bookings_can_keep_them(qtbot, tab: SpacesTab,
                                               owner_ctx: Context) -> None:
    made = _bookings(owner_ctx)
    dialog = _fill_closure(qtbot, tab, "wedding")
    child(dialog, QPushButton, "keepBookingsButton").click()

    assert not dialog.isVisible()
    assert [get_booking(owner_ctx, b.id).status for b in made] == ["confirmed", "confirmed"]
    assert [c.reason for c in list_closures(owner_ctx, DAY, DAY)] == ["wedding"]
    assert tab.bar.text() == "The closure is added; 2 bookings inside it are kept."


def test_a_closure_without_a_reason_is_refused_before_the_call_list(
    qtbot, tab: SpacesTab, owner_ctx: Context
) -> None:
    _bookings(owner_ctx)
    dialog = _fill_closure(qtbot, tab, "")
    assert dialog.page() != CALL_LIST_PAGE
    assert dialog.errors.text("reason") == "Give a reason for the closure."
    dialog.ends.setDateTime(QDateTime(QDate(2026, 11, 26), QTime(0, 0)))
    qtbot.keyClicks(dialog.reason, "repairs")
    dialog.next_button.click()
    assert dialog.errors.text("ends") == "The end must be after the start."
    assert list_closures(owner_ctx, DAY, DAY) == []
    dialog.reject()


def test_a_closure_of_one_space_with_no_bookings_is_saved_at_once(
    qtbot, tab: SpacesTab, owner_ctx: Context
) -> None:
    tab.add_closure_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ClosureDialog)
    dialog.space.setCurrentIndex(dialog.space.findText("Fishing pond"))
    qtbot.keyClicks(dialog.reason, "pump repair")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [closure] = list_closures(owner_ctx, DAY, DAY)
    assert (closure.space_name, closure.starts, closure.reason) == (
        "Fishing pond", dt.datetime(2026, 11, 27), "pump repair")
    assert tab.bar.text() == "The closure is added."


def test_delete_a_closure_after_confirming(qtbot, tab: SpacesTab, owner_ctx: Context) -> None:
    start = dt.datetime.combine(DAY, T("09:00"))
    result = create_closure(owner_ctx, None, start, start + dt.timedelta(hours=3), "training")
    tab.refresh()
    assert not tab.delete_closure_button.isEnabled()
    assert tab.select_closure(result.closure.id)
    tab.delete_closure_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, DeleteClosureDialog) and dialog.isVisible()
    child(dialog, QPushButton, "cancelButton").click()
    assert len(list_closures(owner_ctx, DAY, DAY)) == 1

    qtbot.keyClick(tab.closures_table, Qt.Key.Key_Delete)  # the Delete key asks too
    dialog = tab.dialog
    assert isinstance(dialog, DeleteClosureDialog) and dialog.isVisible()
    child(dialog, QPushButton, "deleteClosureOkButton").click()
    assert list_closures(owner_ctx, DAY, DAY) == []
    assert tab.closures.rowCount() == 0
    assert tab.bar.text() == "The closure is deleted."


def test_past_closures_are_not_listed(tab: SpacesTab, owner_ctx: Context) -> None:
    today = owner_ctx.clock.now()
    create_closure(owner_ctx, None, today - dt.timedelta(days=3), today - dt.timedelta(days=2),
                   "last week")
    create_closure(owner_ctx, None, today - dt.timedelta(hours=1), today + dt.timedelta(hours=1),
                   "now")
    tab.refresh()
    assert [tab.closures.index(r, 3).data() for r in range(tab.closures.rowCount())] == ["now"]


def test_the_settings_view_has_the_spaces_tab(make_window, owner_ctx: Context) -> None:
    window = make_window(owner_ctx)
    view = window.show_view("settings")
    view.show_tab("spaces")
    assert view.tabs.currentWidget().objectName() == "spacesTab"
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Spaces"


def test_labels_in_chinese(qtbot, owner_ctx: Context) -> None:
    make_spaces(owner_ctx)
    set_ui_language("zh_CN")
    tab = SpacesTab(owner_ctx)
    qtbot.addWidget(tab)
    assert tab.new_button.text() == "新建场地…"
    assert tab.add_closure_button.text() == "添加关闭时段…"
    assert tab.spaces.headerData(SpacesTableModel.HOURS, Qt.Orientation.Horizontal) == "开放时间"
    assert _row_of(tab, "Small tea room")[1:5] == ["茶室", "6", "一次一组", "周一–周日 09:00–22:00"]
    _select(tab, "Small tea room")
    dialog = tab.open_edit()
    assert dialog is not None
    assert dialog.windowTitle() == "编辑场地"
    assert dialog.hours.copy_button.text() == "将周一复制到每天"
    dialog.reject()
