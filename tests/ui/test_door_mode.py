"""Door mode as the desk uses it: a simulated scanner typing member numbers and Enter, typed
names and pinyin, every outcome in its colour, walk-ins, the live counters, undo, the attempt
log, an early check-in's warning, leaving, and Chinese."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.booking.rules import SpaceView
from desktop.events.checkin import list_attempts
from desktop.events.registrations import (
    RegistrationInput,
    cancel_registration,
    list_registrations,
    register,
)
from desktop.events.service import EventInput, EventView, create_event
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.door import DoorModeWindow
from tests.helpers.booking_race import make_members, make_spaces
from tests.ui.helpers import child

TODAY = dt.date(2026, 11, 26)  # the test clock's Thursday, 09:00


def at(time: str, day: dt.date = TODAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time))


@dataclasses.dataclass
class Venue:
    spaces: dict[str, SpaceView]
    people: dict[str, int]
    numbers: dict[str, str]


@pytest.fixture
def venue(owner_ctx: Context) -> Venue:
    spaces = make_spaces(owner_ctx)
    people = make_members(owner_ctx)
    plan = ms.list_plans(owner_ctx)[0].id
    for key, name, phone in (("lilei", "李雷", "13800001111"), ("hanmei", "韩梅梅", "13800002222"),
                             ("wangfang", "王芳", "13800003333"),
                             ("wangwei", "王伟", "13800004444")):
        people[key] = mm.join_member(owner_ctx, ms.MemberInput(name, phone=phone), plan,
                                     mm.PaymentInput(method="cash")).id
    numbers = {key: ms.get_member(owner_ctx, member_id).row.number
               for key, member_id in people.items()}
    return Venue(spaces, people, numbers)


def event(ctx: Context, venue: Venue, title: str = "Morning tea", *, starts: str = "09:30",
          space: str = "Large tea room", capacity: int = 8, fee: str = "0") -> EventView:
    begin = at(starts)
    (made,) = create_event(ctx, EventInput(title, "tea_tasting", venue.spaces[space].id, begin,
                                           begin + dt.timedelta(hours=2), capacity, fee))
    return made


def enrol(ctx: Context, venue: Venue, event_id: int, who: str, companions: int = 0) -> int:
    return register(ctx, event_id, RegistrationInput(member_id=venue.people[who],
                                                     companions=companions)).registration.id


@pytest.fixture
def make_door(qtbot):
    def make(ctx: Context, event_id: int) -> DoorModeWindow:
        window = DoorModeWindow(ctx, event_id)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        with qtbot.waitActive(window):  # the window's keys work in the active window
            window.show()
            window.activateWindow()
        return window

    return make


def scan(qtbot, door: DoorModeWindow, code: str) -> None:
    """What a USB scanner does: type the code (ASCII only) and press Enter."""
    qtbot.keyClicks(door.input, code)
    qtbot.keyClick(door.input, Qt.Key.Key_Return)


def type_and_enter(qtbot, door: DoorModeWindow, text: str) -> None:
    """Typed Chinese arrives whole (as from an input method): set it, then Enter."""
    door.input.setText(text)
    qtbot.keyClick(door.input, Qt.Key.Key_Return)


def outcome(door: DoorModeWindow) -> tuple[str, str, str]:
    """(outcome, tone, headline) as the window shows them."""
    label = door.outcome
    return (str(label.property("outcome")), str(label.property("tone")),
            door.headline.text())


def log_outcomes(door: DoorModeWindow) -> list[str]:
    model = door.attempts
    return [str(model.index(row, model.OUTCOME).data()) for row in range(model.rowCount())]


# -- the scanner ------------------------------------------------------------------------------


def test_scanner_checks_in_a_registered_member(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang")
    enrol(desk_ctx, venue, tea.id, "lilei")
    door = make_door(desk_ctx, tea.id)
    assert door.title.text() == "Morning tea"
    assert "09:30" in door.when.text() and "Large tea room" in door.when.text()
    assert door.counter_panel.values() == (2, 0, 0, 2)
    assert door.input.hasFocus()

    scan(qtbot, door, venue.numbers["zhang"])

    assert outcome(door) == ("checked_in", "ok", "Checked in")
    assert door.outcome.text() == "张建华 checked in."
    assert door.outcome_box.property("tone") == "ok"
    assert venue.numbers["zhang"] in door.detail.text()
    assert door.counter_panel.values() == (2, 1, 0, 1)
    assert door.input.text() == "" and door.input.hasFocus()
    assert not door.warning.isVisible() and not door.walk_in_row.isVisible()
    (zhang,) = [r for r in list_registrations(desk_ctx, tea.id) if r.member_name == "张建华"]
    assert zhang.checked_in_at == at("09:00") and zhang.checked_in_by == "desk"


def test_the_same_card_again_says_already_with_time_and_desk(qtbot, make_door, desk_ctx,
                                                             venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["zhang"])
    scan(qtbot, door, venue.numbers["zhang"])
    assert outcome(door) == ("already", "warn", "Already checked in")
    assert door.outcome.text() == "张建华 is already checked in (at 09:00, by Xiao Li)."
    assert door.counter_panel.values() == (1, 1, 0, 0)  # counted once
    assert log_outcomes(door) == ["already in", "checked in"]


def test_unknown_and_malformed_codes_are_red_and_logged(qtbot, make_door, desk_ctx,
                                                        venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, "M-999999")
    assert outcome(door) == ("unknown", "bad", "Unknown code")
    assert "M-999999" in door.outcome.text()
    scan(qtbot, door, "#$%^&*!?;'[]")
    assert outcome(door) == ("unknown", "bad", "Unknown code")
    assert door.counter_panel.values() == (1, 0, 0, 1)
    assert door.input.text() == "" and door.input.hasFocus()
    codes = [a.code for a in list_attempts(desk_ctx, tea.id)]
    assert codes == ["#$%^&*!?;'[]", "M-999999"]
    assert log_outcomes(door) == ["unknown", "unknown"]


def test_a_member_of_another_event_is_told_which(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    go = event(desk_ctx, venue, "Go afternoon", starts="14:00", space="Small tea room",
               capacity=6)
    enrol(desk_ctx, venue, go.id, "lilei")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["lilei"])
    assert outcome(door) == ("wrong_event", "bad", "Wrong event")
    assert "Go afternoon" in door.outcome.text()
    assert door.counter_panel.values() == (0, 0, 0, 0)


def test_not_registered_with_room_registers_a_walk_in(qtbot, make_door, desk_ctx,
                                                      venue) -> None:
    tea = event(desk_ctx, venue, capacity=3)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["hanmei"])
    assert outcome(door) == ("not_registered", "warn", "Not registered")
    assert "room for a walk-in" in door.outcome.text()
    button = child(door, QPushButton, "doorWalkInButton")
    assert button.isVisible()
    door.companions.setValue(1)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert outcome(door) == ("checked_in", "ok", "Checked in")
    assert door.outcome.text() == "韩梅梅 checked in with 1 more."
    assert "walk-in" in door.detail.text()
    assert door.counter_panel.values() == (3, 2, 2, 1)
    assert not button.isVisible() and door.input.hasFocus()


def test_walk_in_by_keyboard_and_a_full_event_offers_none(qtbot, make_door, desk_ctx,
                                                          venue) -> None:
    tea = event(desk_ctx, venue, capacity=2)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["hanmei"])
    qtbot.keyClick(door.input, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert outcome(door)[0] == "checked_in"
    assert door.counter_panel.values() == (2, 1, 1, 1)
    scan(qtbot, door, venue.numbers["lilei"])  # the event is now full
    assert outcome(door) == ("not_registered", "warn", "Not registered")
    assert "full" in door.outcome.text()
    assert not door.walk_in_row.isVisible()


def test_waitlisted_and_cancelled(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue, capacity=1)
    placed = enrol(desk_ctx, venue, tea.id, "zhang")
    enrol(desk_ctx, venue, tea.id, "lilei")  # the waitlist
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["lilei"])
    assert outcome(door) == ("waitlisted", "warn", "On the waitlist")
    assert "李雷 is on the waitlist" in door.outcome.text()
    assert not door.walk_in_row.isVisible()

    cancel_registration(desk_ctx, placed, "ill")  # 李雷 is promoted to the place
    scan(qtbot, door, venue.numbers["zhang"])
    assert outcome(door) == ("cancelled", "bad", "Registration cancelled")
    assert door.outcome.text() == "张建华 cancelled their registration."
    assert door.counter_panel.values() == (1, 0, 0, 1)


# -- typed search -----------------------------------------------------------------------------


def test_pinyin_matching_several_lists_them_and_down_enter_picks(qtbot, make_door, desk_ctx,
                                                                 venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "wangwei")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, "wang")
    assert outcome(door) == ("choose", "info", "Several matches")
    listed = [door.candidates.item(row).text() for row in range(door.candidates.count())]
    assert len(listed) == 2 and door.candidates.isVisible()
    assert door.candidates.currentRow() == -1
    qtbot.keyClick(door.input, Qt.Key.Key_Return)  # nothing picked: a stray Enter does nothing
    assert outcome(door)[0] == "choose"
    wei = next(row for row, text in enumerate(listed) if text.startswith("王伟"))
    for _ in range(wei + 1):
        qtbot.keyClick(door.input, Qt.Key.Key_Down)
    assert door.candidates.currentRow() == wei
    qtbot.keyClick(door.input, Qt.Key.Key_Return)
    assert outcome(door) == ("checked_in", "ok", "Checked in")
    assert door.outcome.text() == "王伟 checked in."
    assert not door.candidates.isVisible()
    assert [a.code for a in list_attempts(desk_ctx, tea.id)] == [venue.numbers["wangwei"],
                                                                 "wang"]


def test_chinese_name_and_phone_find_the_member(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "hanmei")
    enrol(desk_ctx, venue, tea.id, "lilei")
    door = make_door(desk_ctx, tea.id)
    type_and_enter(qtbot, door, "韩梅梅")
    assert outcome(door)[0] == "checked_in" and door.outcome.text() == "韩梅梅 checked in."
    scan(qtbot, door, "13800001111")
    assert outcome(door)[0] == "checked_in" and door.outcome.text() == "李雷 checked in."
    assert door.counter_panel.values() == (2, 2, 0, 0)


# -- companions, undo, warning, the log -------------------------------------------------------


def test_companions_are_counted_with_their_member(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang", companions=2)
    enrol(desk_ctx, venue, tea.id, "lilei")
    door = make_door(desk_ctx, tea.id)
    assert door.counter_panel.values() == (4, 0, 0, 4)
    scan(qtbot, door, venue.numbers["zhang"])
    assert door.outcome.text() == "张建华 checked in with 2 more."
    assert "+2 with them" in door.detail.text()
    assert door.counter_panel.values() == (4, 3, 0, 1)


def test_ctrl_z_undoes_the_last_check_in_and_the_log_keeps_it(qtbot, make_door, desk_ctx,
                                                              venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang", companions=1)
    enrol(desk_ctx, venue, tea.id, "lilei")
    door = make_door(desk_ctx, tea.id)
    assert not door.undo_button.isEnabled()
    scan(qtbot, door, venue.numbers["zhang"])
    scan(qtbot, door, venue.numbers["lilei"])
    assert door.counter_panel.values() == (3, 3, 0, 0)

    qtbot.keyClick(door.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert outcome(door) == ("undone", "info", "Check-in undone")
    assert door.outcome.text() == "Check-in of 李雷 undone."
    assert door.counter_panel.values() == (3, 2, 0, 1)
    qtbot.mouseClick(door.undo_button, Qt.MouseButton.LeftButton)  # one further back
    assert door.outcome.text() == "Check-in of 张建华 undone."
    assert door.counter_panel.values() == (3, 0, 0, 3)
    assert not door.undo_button.isEnabled()
    qtbot.keyClick(door.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert door.headline.text() == "Nothing to undo"
    assert log_outcomes(door) == ["undone", "undone", "checked in", "checked in"]
    assert all(r.checked_in_at is None for r in list_registrations(desk_ctx, tea.id))
    assert door.input.hasFocus()


def test_undo_of_a_check_in_another_desk_undid_says_so(qtbot, make_door, desk_ctx,
                                                       venue) -> None:
    from desktop.events.checkin import undo_check_in

    tea = event(desk_ctx, venue)
    registration = enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["zhang"])
    undo_check_in(desk_ctx, registration)  # the other desk
    qtbot.keyClick(door.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert door.outcome.property("tone") == "bad"
    assert "nothing to undo" in door.outcome.text()


def test_a_check_in_before_the_doors_open_warns_but_checks_in(qtbot, make_door, desk_ctx,
                                                              venue) -> None:
    later = event(desk_ctx, venue, "Evening talk", starts="18:00", fee="80")
    enrol(desk_ctx, venue, later.id, "zhang")
    door = make_door(desk_ctx, later.id)
    scan(qtbot, door, venue.numbers["zhang"])
    assert outcome(door) == ("checked_in", "ok", "Checked in")
    assert door.warning.isVisible()
    assert door.warning.text() == "Early: the event starts at 2026-11-26 18:00."
    assert "NOT PAID (" in door.detail.text()  # the fee is still to settle at the door
    assert door.counter_panel.values() == (1, 1, 0, 0)


def test_every_attempt_is_in_the_log(qtbot, qtmodeltester, make_door, desk_ctx,
                                     venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    for code in (venue.numbers["zhang"], venue.numbers["zhang"], "nobody-here",
                 venue.numbers["lilei"], "wang"):
        scan(qtbot, door, code)
    assert log_outcomes(door) == ["several matches", "not registered", "unknown",
                                  "already in", "checked in"]
    model = door.attempts
    qtmodeltester.check(model)
    assert model.index(2, model.CODE).data() == "nobody-here"
    assert model.index(0, model.TIME).data() == "09:00:00"


def test_another_desks_check_ins_show_on_refresh(qtbot, make_door, desk_ctx, owner_ctx,
                                                 venue) -> None:
    from desktop.events.checkin import scan as service_scan

    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    assert door.timer.isActive()
    other_desk = owner_ctx
    service_scan(other_desk, tea.id, venue.numbers["zhang"])
    door.timer.timeout.emit()
    assert door.counter_panel.values() == (1, 1, 0, 0)
    assert log_outcomes(door) == ["checked in"]
    for n in range(12):  # more than one short read of the log reaches: it is read again whole
        service_scan(other_desk, tea.id, f"nobody-{n}")
    door.timer.timeout.emit()
    assert len(log_outcomes(door)) == 13
    assert door.attempts.index(0, door.attempts.CODE).data() == "nobody-11"
    scan(qtbot, door, venue.numbers["zhang"])
    assert log_outcomes(door)[:2] == ["already in", "unknown"] and len(log_outcomes(door)) == 14


# -- leaving, Chinese ---------------------------------------------------------------------------


def test_escape_asks_then_escape_again_leaves(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang")
    door = make_door(desk_ctx, tea.id)
    qtbot.keyClick(door.input, Qt.Key.Key_Escape)
    assert door.leave_bar.isVisible() and door.isVisible()
    scan(qtbot, door, venue.numbers["zhang"])  # a scan carries on and hides the question
    assert not door.leave_bar.isVisible() and outcome(door)[0] == "checked_in"
    qtbot.keyClick(door.input, Qt.Key.Key_Escape)
    qtbot.mouseClick(child(door, QPushButton, "doorStayButton"), Qt.MouseButton.LeftButton)
    assert door.isVisible() and not door.leave_bar.isVisible() and door.input.hasFocus()
    qtbot.keyClick(door.input, Qt.Key.Key_Escape)
    with qtbot.waitSignal(door.left):
        qtbot.keyClick(door.input, Qt.Key.Key_Escape)
    assert not door.isVisible()


def test_exit_button_leaves(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    door = make_door(desk_ctx, tea.id)
    with qtbot.waitSignal(door.left):
        qtbot.mouseClick(child(door, QPushButton, "doorExitButton"), Qt.MouseButton.LeftButton)
    assert not door.isVisible() and not door.timer.isActive()


def test_outcomes_in_chinese(qtbot, make_door, desk_ctx, venue) -> None:
    tea = event(desk_ctx, venue)
    enrol(desk_ctx, venue, tea.id, "zhang", companions=1)
    set_ui_language("zh_CN")
    door = make_door(desk_ctx, tea.id)
    scan(qtbot, door, venue.numbers["zhang"])
    assert door.outcome.text() == "张建华 已签到，同行 1 人。"
    scan(qtbot, door, venue.numbers["zhang"])
    assert door.outcome.text() == "张建华 已签到（09:00，由 Xiao Li 办理）。"
