"""The door as the desk meets it: one scan or a few typed keys to one of a closed set of
outcomes, nobody counted twice, every attempt in an append-only log, and undo as an annulment."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.booking.rules import SpaceView
from desktop.clock import FixedClock
from desktop.errors import DomainError, NotFound
from desktop.events.checkin import (
    Outcome,
    check_in_registration,
    counters,
    list_attempts,
    scan,
    undo_check_in,
    walk_in,
)
from desktop.events.registrations import (
    RegistrationInput,
    RegistrationView,
    cancel_registration,
    get_registration,
    register,
)
from desktop.events.service import EventInput, EventView, cancel_event, create_event, get_event
from desktop.events.visits import last_seen
from desktop.models.event import CheckIn, CheckInAttempt
from desktop.services import Context
from desktop.settings.store import update_settings
from tests.helpers.booking_race import NOW, make_members, make_spaces
from tests.helpers.event_race import make_people

TODAY = NOW.date()
NAMES = ("王芳", "李娜", "张伟", "Anna Schmidt", "王芳芳")


@dataclasses.dataclass(frozen=True)
class Door:
    spaces: dict[str, SpaceView]
    members: dict[str, int]

    def event(self, ctx: Context, capacity: int = 6, hour: int = 10, title: str = "Tea",
              space: str = "Large tea room") -> EventView:
        starts = dt.datetime.combine(TODAY, dt.time(hour))
        [view] = create_event(ctx, EventInput(title, "tea_tasting", self.spaces[space].id,
                                              starts, starts + dt.timedelta(hours=2), capacity))
        return view

    def place(self, ctx: Context, event: EventView, name: str,
              companions: int = 0) -> RegistrationView:
        return register(ctx, event.id, RegistrationInput(member_id=self.members[name],
                                                         companions=companions)).registration


@pytest.fixture
def door(owner_ctx: Context) -> Door:
    members = make_members(owner_ctx)
    members.update(make_people(owner_ctx, NAMES))
    return Door(make_spaces(owner_ctx), members)


def outcomes(ctx: Context, event: EventView) -> list[tuple[str, str]]:
    return [(a.code, a.outcome) for a in reversed(list_attempts(ctx, event.id))]


def test_a_scan_checks_in_once_with_companions_and_the_second_is_already(
    desk_ctx: Context, owner_ctx: Context, door: Door
) -> None:
    event = door.event(desk_ctx)
    wang = door.place(desk_ctx, event, "王芳", companions=2)
    door.place(desk_ctx, event, "李娜")
    assert counters(desk_ctx, event.id).as_tuple == (4, 0, 0, 4)
    first = scan(desk_ctx, event.id, str(wang.member_number))
    assert first.outcome == Outcome.CHECKED_IN and first.ok
    assert first.registration is not None and first.registration.checked_in_at == NOW
    assert first.message.render("en") == "王芳 checked in with 2 more."
    assert first.counters.as_tuple == (4, 3, 0, 1) and first.warning is None
    assert last_seen(desk_ctx, door.members["王芳"]) == NOW  # the visit counts
    later = dataclasses.replace(owner_ctx, clock=FixedClock(NOW + dt.timedelta(minutes=7)))
    again = scan(later, event.id, f"  {str(wang.member_number).lower()}  ")
    assert again.outcome == Outcome.ALREADY and not again.ok
    assert again.message.render("en") == "王芳 is already checked in (at 09:00, by Xiao Li)."
    assert again.counters.as_tuple == (4, 3, 0, 1)
    assert get_event(desk_ctx, event.id).checked_in == 3
    number = str(wang.member_number)
    assert outcomes(desk_ctx, event) == [(number, "checked_in"), (number.lower(), "already")]


def test_typed_name_pinyin_or_phone_finds_the_member(desk_ctx: Context, door: Door) -> None:
    event = door.event(desk_ctx)
    door.place(desk_ctx, event, "李娜")
    door.place(desk_ctx, event, "Anna Schmidt")
    assert scan(desk_ctx, event.id, "lina").outcome == Outcome.CHECKED_IN
    assert scan(desk_ctx, event.id, "李娜").outcome == Outcome.ALREADY
    assert scan(desk_ctx, event.id, "anna").outcome == Outcome.CHECKED_IN
    zhang = door.members["zhang"]
    register(desk_ctx, event.id, RegistrationInput(member_id=zhang))
    by_phone = scan(desk_ctx, event.id, "139 1234 5678")  # 张建华's phone
    assert by_phone.outcome == Outcome.CHECKED_IN and by_phone.member_id == zhang
    # 王芳 and 王芳芳 both match: the desk chooses, nothing is checked in.
    choose = scan(desk_ctx, event.id, "王芳")
    assert choose.outcome == Outcome.CHOOSE
    assert sorted(c.name for c in choose.candidates) == ["王芳", "王芳芳"]
    assert choose.counters.checked_in == 3


def test_a_guest_is_found_by_the_phone_they_registered_with(desk_ctx: Context,
                                                           door: Door) -> None:
    event = door.event(desk_ctx)
    guest = register(desk_ctx, event.id, RegistrationInput(
        guest_name="Mary Guest", guest_phone="13800000001", host_member_id=door.members["zhang"],
        companions=1)).registration
    done = scan(desk_ctx, event.id, "+86 138-0000-0001")
    assert done.outcome == Outcome.CHECKED_IN and done.registration is not None
    assert done.registration.id == guest.id and done.counters.checked_in == 2


def test_not_registered_offers_a_walk_in_while_there_is_room(desk_ctx: Context,
                                                            door: Door) -> None:
    event = door.event(desk_ctx, capacity=2)
    number = _number(desk_ctx, door, "张伟")
    result = scan(desk_ctx, event.id, number)
    assert result.outcome == Outcome.NOT_REGISTERED and result.room_for_walk_in
    assert result.member_name == "张伟" and "room for a walk-in" in result.message.render("en")
    came = walk_in(desk_ctx, event.id, door.members["张伟"], companions=1)
    assert came.outcome == Outcome.CHECKED_IN and came.registration is not None
    assert came.registration.walk_in and came.counters.as_tuple == (2, 2, 2, 0)
    full = scan(desk_ctx, event.id, "lina")
    assert full.outcome == Outcome.NOT_REGISTERED and not full.room_for_walk_in
    assert "full" in full.message.render("en")
    refused = walk_in(desk_ctx, event.id, door.members["李娜"])
    assert refused.outcome == Outcome.NOT_REGISTERED and not refused.room_for_walk_in
    assert "full" in refused.message.render("en")
    assert counters(desk_ctx, event.id).as_tuple == (2, 2, 2, 0)


def test_a_refused_walk_in_is_kept_in_the_log(desk_ctx: Context, door: Door) -> None:
    """Every attempt at the door is logged, failed ones too: a walk-in refused for want of
    room is one: the door is answered, not raised at, so the entry is committed."""
    event = door.event(desk_ctx, capacity=1)
    door.place(desk_ctx, event, "王芳")
    refused = walk_in(desk_ctx, event.id, door.members["李娜"])
    assert refused.outcome == Outcome.NOT_REGISTERED and refused.registration is None
    assert outcomes(desk_ctx, event) == [(f"walk-in #{door.members['李娜']}", "not_registered")]


def _number(ctx: Context, door: Door, name: str) -> str:
    """A member's card number, through a throwaway registration of another event."""
    other = door.event(ctx, capacity=1, hour=19, title="Numbers", space="Small tea room")
    view = door.place(ctx, other, name)
    cancel_registration(ctx, view.id, "only the number")
    return str(view.member_number)


def test_a_lapsed_member_walks_in_and_the_warning_is_kept(desk_ctx: Context,
                                                         door: Door) -> None:
    event = door.event(desk_ctx)
    came = walk_in(desk_ctx, event.id, door.members["lapsed"])
    assert came.outcome == Outcome.CHECKED_IN and came.registration is not None
    assert came.registration.warning_note and "lapsed" in came.registration.warning_note


def test_waitlisted_cancelled_and_wrong_event_are_told_apart(desk_ctx: Context,
                                                            door: Door) -> None:
    event = door.event(desk_ctx, capacity=1)
    other = door.event(desk_ctx, capacity=5, hour=14, title="Calligraphy")
    door.place(desk_ctx, event, "王芳")
    waiting = door.place(desk_ctx, event, "李娜")
    gone = door.place(desk_ctx, other, "Anna Schmidt")
    cancel_registration(desk_ctx, gone.id, "ill")
    assert waiting.status == "waitlisted"
    waits = scan(desk_ctx, event.id, "lina")
    assert waits.outcome == Outcome.WAITLISTED and not waits.room_for_walk_in
    assert scan(desk_ctx, other.id, "anna").outcome == Outcome.CANCELLED
    door.place(desk_ctx, other, "张伟")
    wrong = scan(desk_ctx, event.id, "张伟")
    assert wrong.outcome == Outcome.WRONG_EVENT and wrong.other_event_title == "Calligraphy"
    assert "Calligraphy" in wrong.message.render("en")
    assert check_in_registration(desk_ctx, waiting.id).outcome == Outcome.WAITLISTED
    assert counters(desk_ctx, event.id).checked_in == 0
    assert [o for _c, o in outcomes(desk_ctx, event)] == [
        "waitlisted", "wrong_event", "waitlisted"]


@pytest.mark.parametrize("code", ["", "   ", "zz-no-such-person", "%%%", "'; DROP TABLE x; --",
                                  "8" * 300, "x"])
def test_an_unknown_or_malformed_code_is_unknown_and_logged(desk_ctx: Context, door: Door,
                                                            code: str) -> None:
    event = door.event(desk_ctx)
    door.place(desk_ctx, event, "王芳")
    result = scan(desk_ctx, event.id, code)
    assert result.outcome == Outcome.UNKNOWN and result.registration is None
    assert result.counters.checked_in == 0
    [(logged, outcome)] = outcomes(desk_ctx, event)
    assert outcome == "unknown" and len(logged) <= 120


def test_a_scan_for_an_event_that_does_not_exist_is_not_found(desk_ctx: Context,
                                                              door: Door) -> None:
    with pytest.raises(NotFound):
        scan(desk_ctx, 9999, "M00001")
    with pytest.raises(NotFound):
        check_in_registration(desk_ctx, 9999)


def test_early_and_late_check_ins_are_allowed_with_a_warning(owner_ctx: Context,
                                                             desk_ctx: Context,
                                                             door: Door) -> None:
    event = door.event(desk_ctx, hour=14)  # doors open 60 minutes before: 13:00
    early = scan(desk_ctx, event.id, _number(desk_ctx, door, "李娜"))
    assert early.outcome == Outcome.NOT_REGISTERED and early.warning is not None
    wang = door.place(desk_ctx, event, "王芳")
    done = check_in_registration(desk_ctx, wang.id)
    assert done.outcome == Outcome.CHECKED_IN and done.warning is not None
    assert "14:00" in done.warning.render("en")
    zhang = door.place(desk_ctx, event, "张伟")
    late = dataclasses.replace(desk_ctx, clock=FixedClock(NOW.replace(hour=17, minute=30)))
    after = check_in_registration(late, zhang.id)
    assert after.outcome == Outcome.CHECKED_IN and after.warning is not None
    assert "16:00" in after.warning.render("en")
    update_settings(owner_ctx, {"events.doors_open_minutes": 600})
    anna = door.place(desk_ctx, event, "Anna Schmidt")
    assert check_in_registration(desk_ctx, anna.id).warning is None


def test_undo_annuls_the_check_in_and_keeps_it(desk_ctx: Context, owner_ctx: Context,
                                               door: Door) -> None:
    event = door.event(desk_ctx)
    wang = door.place(desk_ctx, event, "王芳", companions=1)
    check_in_registration(desk_ctx, wang.id)
    with pytest.raises(DomainError):
        cancel_registration(desk_ctx, wang.id, "checked in")
    undone = undo_check_in(owner_ctx, wang.id)
    assert undone.outcome == Outcome.UNDONE and undone.counters.checked_in == 0
    assert get_registration(desk_ctx, wang.id).checked_in_at is None
    with pytest.raises(DomainError) as nothing:
        undo_check_in(desk_ctx, wang.id)
    assert "nothing to undo" in nothing.value.message.render("en")
    with pytest.raises(NotFound):
        undo_check_in(desk_ctx, 9999)
    assert check_in_registration(desk_ctx, wang.id).outcome == Outcome.CHECKED_IN
    with desk_ctx.database.transaction(write=False) as session:
        rows = session.execute(select(CheckIn.by, CheckIn.annulled_by)
                               .order_by(CheckIn.id)).all()
    assert [tuple(r) for r in rows] == [("desk", "owner"), ("desk", None)]
    assert [o for _c, o in outcomes(desk_ctx, event)] == ["checked_in", "undone", "checked_in"]


def test_the_database_refuses_a_second_active_check_in_and_changes_to_the_log(
    desk_ctx: Context, door: Door
) -> None:
    event = door.event(desk_ctx)
    wang = door.place(desk_ctx, event, "王芳")
    check_in_registration(desk_ctx, wang.id)
    with pytest.raises(IntegrityError), desk_ctx.database.transaction() as session:
        session.add(CheckIn(registration_id=wang.id, at=NOW, by="sneaky"))
    for change in (update(CheckInAttempt).values(outcome="unknown"), delete(CheckInAttempt)):
        with pytest.raises(DBAPIError), desk_ctx.database.transaction() as session:
            session.execute(change)
    assert outcomes(desk_ctx, event) == [(f"#{wang.id}", "checked_in")]


def test_a_cancelled_event_checks_nobody_in_and_logs_the_attempt(desk_ctx: Context,
                                                                door: Door) -> None:
    event = door.event(desk_ctx, capacity=3)
    placed = door.place(desk_ctx, event, "王芳")
    cancel_event(desk_ctx, event.id, "the speaker is ill")
    result = scan(desk_ctx, event.id, str(placed.member_number))
    assert result.outcome == Outcome.CANCELLED and "cancelled" in result.message.render("en")
    listed = check_in_registration(desk_ctx, placed.id)
    assert listed.outcome == Outcome.CANCELLED
    assert counters(desk_ctx, event.id).checked_in == 0
    assert [o for _, o in outcomes(desk_ctx, event)] == ["cancelled", "cancelled"]
