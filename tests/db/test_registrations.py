"""Registrations as the desk meets them: places up to capacity (companions count), then the
waitlist in order; a freed place promotes the first whose party fits and the desk is told who;
one person once per event; a lapsed member is a warning the desk may accept; every refused
move says why."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from desktop.booking.rules import SpaceView
from desktop.clock import FixedClock
from desktop.errors import DomainError, NotFound
from desktop.events.registrations import (
    TRANSITIONS,
    EventFull,
    NeedsConfirmation,
    RegistrationInput,
    RegistrationView,
    cancel_registration,
    get_registration,
    list_registrations,
    promote_waitlist,
    register,
    set_paid,
)
from desktop.events.service import (
    EventInput,
    EventView,
    cancel_event,
    create_event,
    get_event,
    update_event,
)
from desktop.models.event import Registration
from desktop.services import Context
from tests.helpers.booking_race import DAY, NOW, make_members, make_spaces
from tests.helpers.event_race import make_people

NAMES = ("王芳", "李娜", "张伟", "陈静", "Anna Schmidt", "赵磊", "刘洋")


@dataclasses.dataclass(frozen=True)
class Venue:
    spaces: dict[str, SpaceView]
    members: dict[str, int]  # zhang, lapsed, suspended and NAMES

    def event(self, ctx: Context, capacity: int, fee: str = "0") -> EventView:
        room = self.spaces["Large tea room"]
        [view] = create_event(ctx, self.input(capacity, fee))
        assert view.space_id == room.id
        return view

    def input(self, capacity: int, fee: str = "0") -> EventInput:
        starts = dt.datetime.combine(DAY, dt.time(14))
        return EventInput("Tea tasting", "tea_tasting", self.spaces["Large tea room"].id,
                          starts, starts + dt.timedelta(hours=2), capacity, fee=fee)


@pytest.fixture
def venue(owner_ctx: Context) -> Venue:
    members = make_members(owner_ctx)
    members.update(make_people(owner_ctx, NAMES))
    return Venue(make_spaces(owner_ctx), members)


def member(venue: Venue, name: str, companions: int = 0, **extra: object) -> RegistrationInput:
    return RegistrationInput(member_id=venue.members[name], companions=companions,
                             **extra)  # type: ignore[arg-type]


def guest(venue: Venue, name: str, phone: str | None = None,
          companions: int = 0) -> RegistrationInput:
    return RegistrationInput(guest_name=name, guest_phone=phone,
                             host_member_id=venue.members["zhang"], companions=companions)


def who(views: list[RegistrationView]) -> list[tuple[str, str]]:
    return [(v.who, v.status) for v in views]


def test_places_up_to_capacity_with_companions_then_the_waitlist(desk_ctx: Context,
                                                                 venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=6)
    first = register(desk_ctx, event.id, member(venue, "王芳", companions=2))
    assert first.registration.status == "registered" and not first.waitlisted
    assert first.registration.people == 3 and first.registration.created_by == "desk"
    assert first.warnings == ()
    register(desk_ctx, event.id, guest(venue, "Mary Guest", "13800000001", companions=1))
    last = register(desk_ctx, event.id, member(venue, "张伟"))
    assert last.registration.status == "registered"
    # Full: the next ones wait, with their companions.
    pair = register(desk_ctx, event.id, member(venue, "李娜", companions=1))
    late = register(desk_ctx, event.id, member(venue, "陈静"))
    assert pair.waitlisted and late.waitlisted
    view = get_event(desk_ctx, event.id)
    assert (view.registered, view.waitlisted, view.places_left) == (6, 3, 0)
    with pytest.raises(EventFull) as full:
        register(desk_ctx, event.id, member(venue, "赵磊"), waitlist=False)
    assert full.value.field == "companions"
    assert "0 places left for 1 people" in full.value.message.render("en")
    assert get_event(desk_ctx, event.id).waitlisted == 3  # the refused one wrote nothing


def test_a_newcomer_does_not_overtake_the_waitlist(desk_ctx: Context, venue: Venue) -> None:
    """One place left and a party of two waiting for it: a single newcomer queues behind
    them (as a promotion would not pass them either); a walk-in at the door, who asks for
    a place there and then, may take it."""
    event = venue.event(desk_ctx, capacity=3)
    register(desk_ctx, event.id, member(venue, "王芳", companions=1))
    pair = register(desk_ctx, event.id, member(venue, "李娜", companions=1)).registration
    single = register(desk_ctx, event.id, member(venue, "张伟"))
    assert pair.status == "waitlisted" and single.waitlisted
    assert get_event(desk_ctx, event.id).places_left == 1
    door = register(desk_ctx, event.id, member(venue, "陈静"), waitlist=False, walk_in=True)
    assert door.registration.status == "registered" and door.registration.walk_in
    assert get_event(desk_ctx, event.id).places_left == 0
    assert [r.member_id for r in list_registrations(desk_ctx, event.id)
            ].count(venue.members["赵磊"]) == 0


def test_with_room_left_no_waitlist_is_needed(desk_ctx: Context, venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=3)
    done = register(desk_ctx, event.id, member(venue, "王芳", companions=2), waitlist=False)
    assert done.registration.status == "registered"
    assert get_event(desk_ctx, event.id).places_left == 0


def test_a_freed_place_promotes_the_first_whose_party_fits_in_order(desk_ctx: Context,
                                                                   venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=4)
    a = register(desk_ctx, event.id, member(venue, "王芳", companions=1)).registration
    b = register(desk_ctx, event.id, member(venue, "李娜", companions=1)).registration
    big = register(desk_ctx, event.id, member(venue, "张伟", companions=2)).registration
    small = register(desk_ctx, event.id, member(venue, "陈静")).registration
    tail = register(desk_ctx, event.id, member(venue, "赵磊")).registration
    assert [big.status, small.status, tail.status] == ["waitlisted"] * 3
    # Two places free: the party of three at the head does not fit, and nobody overtakes it.
    freed = cancel_registration(desk_ctx, a.id, "  ill  ")
    assert freed.registration.status == "cancelled" and freed.promoted == ()
    stored = get_registration(desk_ctx, a.id)
    assert stored.status == "cancelled" and stored.promoted_at is None
    assert get_event(desk_ctx, event.id).registered == 2
    # Four free: the party of three, then the single behind it; the last one still waits.
    again = cancel_registration(desk_ctx, b.id, "travel")
    assert [(p.id, p.who, p.status) for p in again.promoted] == [
        (big.id, "张伟", "registered"), (small.id, "陈静", "registered")]
    assert all(p.promoted_at == NOW for p in again.promoted)
    assert get_registration(desk_ctx, tail.id).status == "waitlisted"
    view = get_event(desk_ctx, event.id)
    assert (view.registered, view.waitlisted) == (4, 1)
    # Cancelling a wait frees no place and promotes nobody.
    assert cancel_registration(desk_ctx, tail.id).promoted == ()
    assert promote_waitlist(desk_ctx, event.id) == []


def test_raising_the_capacity_promotes_the_waitlist(desk_ctx: Context, venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=2)
    register(desk_ctx, event.id, member(venue, "王芳", companions=1))
    pair = register(desk_ctx, event.id, member(venue, "李娜", companions=1)).registration
    single = register(desk_ctx, event.id, member(venue, "陈静")).registration
    grown = update_event(desk_ctx, event.id, venue.input(capacity=3))
    # One more place: the pair at the head does not fit, so nobody moves.
    assert (grown.registered, grown.waitlisted) == (2, 3)
    grown = update_event(desk_ctx, event.id, venue.input(capacity=5))
    assert (grown.registered, grown.waitlisted) == (5, 0)
    assert get_registration(desk_ctx, pair.id).promoted_at == NOW
    assert get_registration(desk_ctx, single.id).status == "registered"


def test_one_person_at_most_once_per_event(desk_ctx: Context, venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=2)
    first = register(desk_ctx, event.id, member(venue, "王芳")).registration
    with pytest.raises(DomainError) as twice:
        register(desk_ctx, event.id, member(venue, "王芳", companions=1))
    assert "Already registered" in twice.value.message.render("en")
    register(desk_ctx, event.id, member(venue, "李娜"))
    waiting = register(desk_ctx, event.id, member(venue, "陈静")).registration
    with pytest.raises(DomainError) as waits:
        register(desk_ctx, event.id, member(venue, "陈静"))
    assert "Already waitlisted" in waits.value.message.render("en")
    # A guest is the same guest by phone (however written), else by the folded name.
    register(desk_ctx, event.id, guest(venue, "Mary Guest", "138-0000-0001"))
    with pytest.raises(DomainError):
        register(desk_ctx, event.id, guest(venue, "Mary G.", "+86 138 0000 0001"))
    register(desk_ctx, event.id, guest(venue, "Tom  Lee"))
    for spelling in ("tom lee", " TOM LEE ", "Ｔｏｍ Ｌｅｅ"):
        with pytest.raises(DomainError):
            register(desk_ctx, event.id, guest(venue, spelling))
    register(desk_ctx, event.id, guest(venue, "Tom Leeds"))
    # After cancelling, the same person registers again: a new registration.
    cancel_registration(desk_ctx, first.id, "changed plans")
    again = register(desk_ctx, event.id, member(venue, "王芳")).registration
    assert again.id != first.id and again.status == "waitlisted"
    cancel_registration(desk_ctx, waiting.id)
    assert register(desk_ctx, event.id, member(venue, "陈静")).registration.id != waiting.id
    # Another event is another matter.
    other = create_event(desk_ctx, dataclasses.replace(
        venue.input(4), starts=venue.input(4).starts + dt.timedelta(days=1),
        ends=venue.input(4).ends + dt.timedelta(days=1)))[0]
    register(desk_ctx, other.id, member(venue, "王芳"))


def test_the_database_refuses_a_second_active_registration(desk_ctx: Context,
                                                           venue: Venue) -> None:
    """The guard holds even for code that skips the service (the race's last line)."""
    event = venue.event(desk_ctx, capacity=4)
    register(desk_ctx, event.id, member(venue, "王芳"))
    with pytest.raises(IntegrityError), desk_ctx.database.transaction() as session:
        session.add(Registration(event_id=event.id, member_id=venue.members["王芳"],
                                 companions=0, status="waitlisted", created_by="x",
                                 created_at=NOW))
    register(desk_ctx, event.id, guest(venue, "Mary", "13800000001"))
    with pytest.raises(IntegrityError), desk_ctx.database.transaction() as session:
        session.add(Registration(event_id=event.id, guest_name="Mary",
                                 guest_key="tel:+8613800000001",
                                 host_member_id=venue.members["zhang"], companions=0,
                                 status="registered", created_by="x", created_at=NOW))


@pytest.mark.parametrize("name", ["lapsed", "suspended"])
def test_a_lapsed_member_needs_the_desk_to_confirm_and_the_warning_is_kept(
    desk_ctx: Context, venue: Venue, name: str
) -> None:
    event = venue.event(desk_ctx, capacity=4)
    with pytest.raises(NeedsConfirmation) as caught:
        register(desk_ctx, event.id, member(venue, name))
    [warning] = caught.value.warnings
    assert name in warning.render("en")
    assert list_registrations(desk_ctx, event.id) == []
    done = register(desk_ctx, event.id, member(venue, name), confirm_warnings=True)
    assert done.warnings == (warning,) and done.registration.status == "registered"
    assert done.registration.warning_note is not None
    assert name in done.registration.warning_note
    # A guest of a lapsed host warns too.
    hosted = RegistrationInput(guest_name="Friend", host_member_id=venue.members[name])
    with pytest.raises(NeedsConfirmation):
        register(desk_ctx, event.id, hosted)
    assert register(desk_ctx, event.id, hosted, confirm_warnings=True).registration.host_name


@pytest.mark.parametrize(("data", "field"), [
    (RegistrationInput(guest_name="Lone guest"), "host_member_id"),
    (RegistrationInput(), "member_id"),
    (RegistrationInput(guest_name="   ", host_member_id=1), "member_id"),
    (RegistrationInput(member_id=1, guest_name="Both"), "guest_name"),
    (RegistrationInput(member_id=1, companions=-1), "companions"),
    (RegistrationInput(member_id=1, companions=21), "companions"),
    (RegistrationInput(guest_name="G", guest_phone="12", host_member_id=1), "guest_phone"),
])
def test_bad_registrations_are_refused_by_field(desk_ctx: Context, venue: Venue,
                                                data: RegistrationInput, field: str) -> None:
    event = venue.event(desk_ctx, capacity=10)
    with pytest.raises(DomainError) as caught:
        register(desk_ctx, event.id, data)
    assert caught.value.field == field
    assert list_registrations(desk_ctx, event.id, include_cancelled=True) == []
    # Twenty companions is the most, and allowed (on the waitlist of a room of ten).
    assert register(desk_ctx, event.id, member(venue, "zhang", companions=20)).waitlisted


def test_unknown_event_member_or_registration_is_not_found(desk_ctx: Context,
                                                           venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=4)
    with pytest.raises(NotFound):
        register(desk_ctx, 9999, member(venue, "王芳"))
    with pytest.raises(NotFound):
        register(desk_ctx, event.id, RegistrationInput(member_id=9999))
    with pytest.raises(NotFound):
        register(desk_ctx, event.id, RegistrationInput(guest_name="G", host_member_id=9999))
    for call in (lambda: cancel_registration(desk_ctx, 9999),
                 lambda: set_paid(desk_ctx, 9999, True),
                 lambda: get_registration(desk_ctx, 9999),
                 lambda: list_registrations(desk_ctx, 9999)):
        with pytest.raises(NotFound):
            call()


def test_moves_outside_the_transitions_are_refused_with_the_reason(desk_ctx: Context,
                                                                   venue: Venue) -> None:
    allowed = {("registered", "cancelled"), ("waitlisted", "registered"),
               ("waitlisted", "cancelled")}
    assert allowed == TRANSITIONS
    event = venue.event(desk_ctx, capacity=4)
    place = register(desk_ctx, event.id, member(venue, "王芳")).registration
    cancel_registration(desk_ctx, place.id, "ill")
    with pytest.raises(DomainError) as caught:
        cancel_registration(desk_ctx, place.id, "again")
    assert caught.value.field == "status"
    assert caught.value.message.render("en") == (
        "A registration that is cancelled cannot become cancelled.")
    stored = get_registration(desk_ctx, place.id)
    assert stored.status == "cancelled"


def test_cancelling_in_a_cancelled_event_promotes_nobody(desk_ctx: Context,
                                                        venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=1)
    place = register(desk_ctx, event.id, member(venue, "王芳")).registration
    waiting = register(desk_ctx, event.id, member(venue, "李娜")).registration
    cancel_event(desk_ctx, event.id, "rain")
    assert cancel_registration(desk_ctx, place.id, "event off").promoted == ()
    assert get_registration(desk_ctx, waiting.id).status == "waitlisted"
    assert promote_waitlist(desk_ctx, event.id) == []


def test_paid_only_where_the_event_has_a_fee(desk_ctx: Context, venue: Venue) -> None:
    free = venue.event(desk_ctx, capacity=4)
    place = register(desk_ctx, free.id, member(venue, "王芳")).registration
    with pytest.raises(DomainError) as caught:
        set_paid(desk_ctx, place.id, True)
    assert caught.value.field == "paid"
    assert get_registration(desk_ctx, place.id).paid is False
    paying = update_event(desk_ctx, free.id, venue.input(capacity=4, fee="80"))
    assert paying.has_fee
    assert set_paid(desk_ctx, place.id, True).paid is True
    assert set_paid(desk_ctx, place.id, False).paid is False
    paid_up = register(desk_ctx, free.id, member(venue, "李娜", paid=True)).registration
    assert paid_up.paid is True


def test_the_list_is_registered_by_pinyin_then_the_waitlist_in_order(desk_ctx: Context,
                                                                     venue: Venue) -> None:
    event = venue.event(desk_ctx, capacity=5)
    for name in ("王芳", "张伟", "Anna Schmidt", "李娜"):
        register(desk_ctx, event.id, member(venue, name))
    register(desk_ctx, event.id, guest(venue, "Bob Guest"))
    for name in ("赵磊", "陈静", "刘洋"):
        register(desk_ctx, event.id, member(venue, name))
    gone = register(desk_ctx, event.id, guest(venue, "Zed"))
    cancel_registration(desk_ctx, gone.registration.id)
    # Anna, Bob, li na, wang fang, zhang wei; then the waitlist as it came.
    assert who(list_registrations(desk_ctx, event.id)) == [
        ("Anna Schmidt", "registered"), ("Bob Guest (张建华)", "registered"),
        ("李娜", "registered"), ("王芳", "registered"), ("张伟", "registered"),
        ("赵磊", "waitlisted"), ("陈静", "waitlisted"), ("刘洋", "waitlisted")]
    everyone = list_registrations(desk_ctx, event.id, include_cancelled=True)
    assert who(everyone)[-1] == ("Zed (张建华)", "cancelled")


def test_the_waitlist_goes_by_arrival_not_by_each_desks_clock(desk_ctx: Context,
                                                              venue: Venue) -> None:
    """Two desks are two computers whose clocks disagree: the one running ahead must not
    lose its place in the queue to a later registration from the one running behind."""
    event = venue.event(desk_ctx, capacity=1)
    place = register(desk_ctx, event.id, member(venue, "王芳")).registration
    ahead = dataclasses.replace(desk_ctx, clock=FixedClock(NOW + dt.timedelta(minutes=10)))
    first = register(ahead, event.id, member(venue, "李娜")).registration
    second = register(desk_ctx, event.id, member(venue, "陈静")).registration
    assert [r.id for r in list_registrations(desk_ctx, event.id)] == [
        place.id, first.id, second.id]
    assert [p.id for p in cancel_registration(desk_ctx, place.id).promoted] == [first.id]
