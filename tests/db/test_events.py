"""Events as the desk meets them: an event books its space under the booking rules (same
conflict messages), a weekly event is one Event per date, moving or cancelling an event moves
or frees its booking, and the counts are people."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from desktop.booking import rules
from desktop.booking.lifecycle import check_in, mark_no_shows
from desktop.booking.rules import BookingRefused, SpaceView
from desktop.booking.service import (
    BookingRequest,
    create_booking,
    get_booking,
    list_bookings,
)
from desktop.booking.spaces import create_closure
from desktop.clock import FixedClock
from desktop.errors import DomainError, NotFound
from desktop.events.registrations import (
    RegistrationInput,
    list_registrations,
    register,
)
from desktop.events.service import (
    EventInput,
    EventView,
    cancel_event,
    create_event,
    get_event,
    list_events,
    preview_event_series,
    update_event,
)
from desktop.services import Context
from tests.helpers.booking_race import DAY, NOW, make_members, make_spaces

Venue = tuple[dict[str, SpaceView], dict[str, int]]


@pytest.fixture
def venue(owner_ctx: Context) -> Venue:
    return make_spaces(owner_ctx), make_members(owner_ctx)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def event_input(space: SpaceView, starts: dt.datetime, hours: float = 2, *,
                capacity: int = 6, title: str = "Tea tasting", **extra: object) -> EventInput:
    return EventInput(title=title, kind=str(extra.pop("kind", "tea_tasting")),
                      space_id=space.id, starts=starts,
                      ends=starts + dt.timedelta(hours=hours), capacity=capacity,
                      **extra)  # type: ignore[arg-type]


def one(ctx: Context, data: EventInput) -> EventView:
    [view] = create_event(ctx, data)
    return view


def refused(ctx: Context, data: EventInput, **kwargs: object) -> BookingRefused:
    with pytest.raises(BookingRefused) as caught:
        create_event(ctx, data, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_creating_an_event_books_its_space_in_the_calendar(desk_ctx: Context,
                                                           venue: Venue) -> None:
    spaces, _members = venue
    room = spaces["Large tea room"]
    event = one(desk_ctx, event_input(room, at(14), capacity=8, fee="80",
                                      title="  Autumn   oolong  "))
    assert (event.title, event.kind, event.space_id, event.space_name) == (
        "Autumn oolong", "tea_tasting", room.id, "Large tea room")
    assert (event.starts, event.ends, event.capacity, event.status) == (
        at(14), at(16), 8, "scheduled")
    assert event.fee == Decimal("80.00") and event.has_fee and event.series_id is None
    assert (event.registered, event.waitlisted, event.checked_in, event.places_left) == (
        0, 0, 0, 8)
    booking = get_booking(desk_ctx, event.booking_id)
    assert booking.event_id == event.id and booking.member_id is None
    assert (booking.space_id, booking.starts, booking.ends, booking.status) == (
        room.id, at(14), at(16), "confirmed")
    [shown] = list_bookings(desk_ctx, DAY, DAY)
    assert shown.id == event.booking_id and shown.who == "Autumn oolong"
    assert get_event(desk_ctx, event.id) == event


def test_an_event_in_the_way_is_refused_with_the_booking_conflict_message(
    desk_ctx: Context, venue: Venue
) -> None:
    spaces, members = venue
    small = spaces["Small tea room"]
    mine = create_booking(desk_ctx, BookingRequest(small.id, at(16), at(18), 2,
                                                   member_id=members["zhang"]))
    wanted = event_input(small, at(15), 2)
    error = refused(desk_ctx, wanted)
    assert error.rules == [rules.OVERLAP] and error.booking_ids == [mine.id]
    with pytest.raises(BookingRefused) as as_booking:
        create_booking(desk_ctx, BookingRequest(small.id, at(15), at(17), 2,
                                                member_id=members["zhang"]))
    for lang in ("en", "zh_CN"):
        assert error.render(lang) == as_booking.value.render(lang)
    assert "张建华" in error.render("en") and "16:00–18:00" in error.render("en")
    assert list_events(desk_ctx) == []  # nothing half made
    # And the other way round: a booking over an event names the event.
    event = one(desk_ctx, event_input(small, at(10), 2, title="Pu'er talk"))
    with pytest.raises(BookingRefused) as blocked:
        create_booking(desk_ctx, BookingRequest(small.id, at(11), at(12), 2,
                                                member_id=members["zhang"]))
    assert blocked.value.booking_ids == [event.booking_id]
    assert "Pu'er talk" in blocked.value.render("en")


def test_an_event_skips_member_rules_and_advance_window_but_keeps_the_space_rules(
    owner_ctx: Context, desk_ctx: Context, venue: Venue
) -> None:
    spaces, members = venue
    small, pond = spaces["Small tea room"], spaces["Fishing pond"]
    far = DAY + dt.timedelta(days=45)  # the tea room's advance window is 30 days
    hosted = one(desk_ctx, event_input(small, at(10, day=far), host_member_id=members["lapsed"]))
    assert hosted.host_name == "Li Lapsed" and hosted.starts == at(10, day=far)

    def rules_of(data: EventInput) -> list[str]:
        return refused(desk_ctx, data).rules

    assert rules_of(event_input(small, at(7), 2)) == [rules.HOURS]
    assert rules_of(event_input(small, at(10), 5)) == [rules.DURATION]
    assert rules_of(event_input(small, at(10, 15), 1)) == [rules.GRID]
    assert rules_of(event_input(small, at(10), 2, capacity=7)) == [rules.PARTY]
    assert rules_of(event_input(small, at(10) - dt.timedelta(days=2), 2)) == [rules.PAST]
    create_closure(owner_ctx, small.id, at(9), at(12), "floor polishing")
    error = refused(desk_ctx, event_input(small, at(10), 2))
    assert error.rules == [rules.CLOSURE] and "floor polishing" in error.render("en")
    # Seats: an event of 10 on the 12-seat pond beside a party of 4 is over.
    create_booking(desk_ctx, BookingRequest(pond.id, at(8), at(11), 4,
                                            member_id=members["zhang"]))
    assert rules_of(event_input(pond, at(9), 2, capacity=10, kind="fishing")) == [
        rules.CAPACITY]
    one(desk_ctx, event_input(pond, at(9), 2, capacity=8, kind="fishing"))
    assert [e.starts for e in list_events(desk_ctx)] == [at(9), at(10, day=far)]


@pytest.mark.parametrize(("change", "field"), [
    ({"title": "   "}, "title"),
    ({"title": "x" * 121}, "title"),
    ({"kind": "rave"}, "kind"),
    ({"capacity": 0}, "capacity"),
    ({"fee": "-1"}, "fee"),
    ({"fee": "eighty"}, "fee"),
    ({"hours": -1}, "ends"),
])
def test_bad_event_fields_are_refused_by_field(desk_ctx: Context, venue: Venue,
                                               change: dict[str, object], field: str) -> None:
    spaces, _members = venue
    fields = dict(change)  # the parameter is shared by both databases' runs
    hours = float(fields.pop("hours", 2))  # type: ignore[arg-type]
    data = event_input(spaces["Small tea room"], at(10), hours, **fields)  # type: ignore[arg-type]
    with pytest.raises(DomainError) as caught:
        create_event(desk_ctx, data)
    assert caught.value.field == field
    assert list_bookings(desk_ctx, DAY, DAY) == []


def test_unknown_host_or_space_is_not_found(desk_ctx: Context, venue: Venue) -> None:
    spaces, _members = venue
    with pytest.raises(NotFound):
        create_event(desk_ctx, event_input(spaces["Small tea room"], at(10),
                                           host_member_id=9999))
    with pytest.raises(NotFound):
        create_event(desk_ctx, EventInput("Talk", "talk", 9999, at(10), at(11), 5))
    with pytest.raises(NotFound):
        get_event(desk_ctx, 9999)
    assert list_events(desk_ctx) == []


WEEKLY = "FREQ=WEEKLY;COUNT=6"


def test_a_weekly_event_is_one_event_per_date_sharing_a_series(desk_ctx: Context,
                                                                venue: Venue) -> None:
    spaces, members = venue
    room = spaces["Large tea room"]
    data = event_input(room, at(19), 2, capacity=10, title="Reading club", kind="reading_club")
    made = create_event(desk_ctx, data, rrule=WEEKLY)
    dates = [DAY + dt.timedelta(weeks=n) for n in range(6)]
    assert [e.starts for e in made] == [at(19, day=d) for d in dates]
    assert len({e.id for e in made}) == 6 and len({e.booking_id for e in made}) == 6
    assert made[0].series_id is not None and {e.series_id for e in made} == {made[0].series_id}
    for event in made:
        assert get_booking(desk_ctx, event.booking_id).event_id == event.id
    assert [e.id for e in list_events(desk_ctx)] == [e.id for e in made]
    # Registrations are per date.
    register(desk_ctx, made[1].id, RegistrationInput(guest_name="Wang Guest",
                                                     host_member_id=members["zhang"]))
    assert [get_event(desk_ctx, e.id).registered for e in made] == [0, 1, 0, 0, 0, 0]


def test_a_weekly_event_with_a_taken_date_is_refused_by_date_unless_skipped(
    desk_ctx: Context, venue: Venue
) -> None:
    spaces, members = venue
    room = spaces["Large tea room"]
    third = DAY + dt.timedelta(weeks=2)
    taken = create_booking(desk_ctx, BookingRequest(room.id, at(20, day=third),
                                                    at(21, day=third), 2,
                                                    member_id=members["zhang"]))
    data = event_input(room, at(19), 2, capacity=10, title="Reading club", kind="reading_club")
    preview = preview_event_series(desk_ctx, data, WEEKLY)
    assert [o.free for o in preview] == [True, True, False, True, True, True]
    assert preview[2].conflicts[0].booking_ids == (taken.id,)
    error = refused(desk_ctx, data, rrule=WEEKLY)
    assert error.rules == [rules.OVERLAP] and error.booking_ids == [taken.id]
    assert "2026-12-11" in error.render("en") and "张建华" in error.render("en")
    assert list_events(desk_ctx) == []
    assert [b.id for b in list_bookings(desk_ctx, DAY, DAY + dt.timedelta(weeks=6))] == [
        taken.id]
    made = create_event(desk_ctx, data, rrule=WEEKLY, skip_conflicts=True)
    assert [e.starts.date() for e in made] == [
        DAY + dt.timedelta(weeks=n) for n in (0, 1, 3, 4, 5)]
    assert len({e.series_id for e in made}) == 1


def test_moving_an_event_moves_its_booking_and_a_conflict_changes_nothing(
    desk_ctx: Context, venue: Venue
) -> None:
    spaces, members = venue
    small, large = spaces["Small tea room"], spaces["Large tea room"]
    event = one(desk_ctx, event_input(small, at(10), capacity=6, fee="50"))
    moved = update_event(desk_ctx, event.id, event_input(large, at(14), 3, capacity=9,
                                                         fee="60", title="Tea and talk"))
    assert (moved.space_id, moved.starts, moved.ends, moved.capacity) == (
        large.id, at(14), at(17), 9)
    assert moved.booking_id == event.booking_id and moved.title == "Tea and talk"
    booking = get_booking(desk_ctx, event.booking_id)
    assert (booking.space_id, booking.starts, booking.ends, booking.party_size) == (
        large.id, at(14), at(17), 9)
    assert booking.who == "Tea and talk"
    # The old slot is free again.
    create_booking(desk_ctx, BookingRequest(small.id, at(10), at(12), 2,
                                            member_id=members["zhang"]))
    # A move onto another booking is refused and leaves the event where it was.
    other = create_booking(desk_ctx, BookingRequest(large.id, at(18), at(20), 2,
                                                    member_id=members["zhang"]))
    with pytest.raises(BookingRefused) as caught:
        update_event(desk_ctx, event.id, event_input(large, at(17), 2, capacity=9,
                                                     fee="99", title="Late tea"))
    assert caught.value.rules == [rules.OVERLAP] and caught.value.booking_ids == [other.id]
    assert get_event(desk_ctx, event.id) == moved
    assert get_booking(desk_ctx, event.booking_id) == booking
    with pytest.raises(BookingRefused) as too_big:
        update_event(desk_ctx, event.id, event_input(small, at(10), 2, capacity=6))
    assert too_big.value.rules == [rules.OVERLAP]  # the member's booking is there now
    assert get_event(desk_ctx, event.id) == moved


def test_capacity_cannot_drop_below_the_people_registered(desk_ctx: Context,
                                                          venue: Venue) -> None:
    spaces, members = venue
    small = spaces["Small tea room"]
    event = one(desk_ctx, event_input(small, at(10), capacity=6))
    register(desk_ctx, event.id, RegistrationInput(member_id=members["zhang"], companions=2))
    register(desk_ctx, event.id, RegistrationInput(guest_name="Wang", guest_phone="13800000001",
                                                   host_member_id=members["zhang"]))
    with pytest.raises(DomainError) as caught:
        update_event(desk_ctx, event.id, event_input(small, at(10), capacity=3))
    assert caught.value.field == "capacity" and "4 people" in caught.value.message.render("en")
    assert get_event(desk_ctx, event.id).capacity == 6
    with pytest.raises(BookingRefused) as too_big:
        update_event(desk_ctx, event.id, event_input(small, at(10), capacity=7))
    assert too_big.value.rules == [rules.PARTY]  # the tea room holds six
    assert update_event(desk_ctx, event.id, event_input(small, at(10), capacity=4)).capacity == 4
    assert get_booking(desk_ctx, event.booking_id).party_size == 4


def test_cancelling_an_event_frees_its_space_and_keeps_its_registrations(
    desk_ctx: Context, venue: Venue
) -> None:
    spaces, members = venue
    small = spaces["Small tea room"]
    event = one(desk_ctx, event_input(small, at(10)))
    place = register(desk_ctx, event.id, RegistrationInput(member_id=members["zhang"]))
    with pytest.raises(DomainError) as no_reason:
        cancel_event(desk_ctx, event.id, "  ")
    assert no_reason.value.field == "reason"
    done = cancel_event(desk_ctx, event.id, "speaker ill")
    assert done.status == "cancelled" and done.registered == 1
    booking = get_booking(desk_ctx, event.booking_id)
    assert booking.status == "cancelled" and booking.cancel_reason == "speaker ill"
    create_booking(desk_ctx, BookingRequest(small.id, at(10), at(12), 2,
                                            member_id=members["zhang"]))
    assert [r.id for r in list_registrations(desk_ctx, event.id)] == [place.registration.id]
    with pytest.raises(DomainError):
        cancel_event(desk_ctx, event.id, "again")
    with pytest.raises(DomainError):
        update_event(desk_ctx, event.id, event_input(small, at(14)))
    with pytest.raises(DomainError):
        register(desk_ctx, event.id, RegistrationInput(guest_name="Late", guest_phone=None,
                                                       host_member_id=members["zhang"]))
    assert list_events(desk_ctx, include_cancelled=False) == []
    assert [e.id for e in list_events(desk_ctx)] == [event.id]


def test_list_events_counts_people_and_filters(desk_ctx: Context, venue: Venue) -> None:
    spaces, members = venue
    small, large = spaces["Small tea room"], spaces["Large tea room"]
    tea = one(desk_ctx, event_input(small, at(10), capacity=4, title="Green tea"))
    later = one(desk_ctx, event_input(large, at(10, day=DAY + dt.timedelta(days=3)),
                                      capacity=10, title="Black tea"))
    zhang = members["zhang"]
    register(desk_ctx, tea.id, RegistrationInput(member_id=zhang, companions=2))
    register(desk_ctx, tea.id, RegistrationInput(guest_name="Wang", guest_phone="13800000001",
                                                 host_member_id=zhang))
    register(desk_ctx, tea.id, RegistrationInput(guest_name="Zhao", host_member_id=zhang,
                                                 companions=1))
    [first, second] = list_events(desk_ctx)
    assert (first.id, first.registered, first.waitlisted, first.places_left) == (
        tea.id, 4, 2, 0)
    assert (second.id, second.registered, second.waitlisted) == (later.id, 0, 0)
    assert [e.id for e in list_events(desk_ctx, DAY, DAY)] == [tea.id]
    assert [e.id for e in list_events(desk_ctx, DAY + dt.timedelta(days=1))] == [later.id]
    assert [e.id for e in list_events(desk_ctx, last_day=DAY - dt.timedelta(days=1))] == []
    assert [e.id for e in list_events(desk_ctx, search="BLACK")] == [later.id]


def test_an_event_nobody_marked_arrived_keeps_its_space_past_the_no_show_time(
    desk_ctx: Context, venue: Venue
) -> None:
    """The no-show sweep is for parties that did not come, not for an event's booking: an
    event in full swing must not free its room to the next booking."""
    spaces, members = venue
    small = spaces["Small tea room"]
    today = NOW.date()
    event = one(desk_ctx, event_input(small, at(10, day=today), 2))
    party = create_booking(desk_ctx, BookingRequest(spaces["Large tea room"].id,
                                                    at(10, day=today), at(11, day=today), 2,
                                                    member_id=members["zhang"]))
    later = dataclasses.replace(desk_ctx, clock=FixedClock(at(11, day=today)))
    assert mark_no_shows(later) == [party.id]
    assert get_booking(later, event.booking_id).status == "confirmed"
    with pytest.raises(BookingRefused) as caught:
        create_booking(later, BookingRequest(small.id, at(11, 30, day=today),
                                             at(12, 30, day=today), 2,
                                             member_id=members["zhang"]))
    assert caught.value.booking_ids == [event.booking_id]


def test_an_event_whose_booking_was_marked_arrived_can_still_be_cancelled(
    desk_ctx: Context, venue: Venue
) -> None:
    spaces, _members = venue
    event = one(desk_ctx, event_input(spaces["Small tea room"], at(10, day=NOW.date())))
    assert check_in(desk_ctx, event.booking_id).status == "checked_in"
    assert cancel_event(desk_ctx, event.id, "storm").status == "cancelled"
    assert get_booking(desk_ctx, event.booking_id).status == "checked_in"  # it was used


def test_an_events_booking_is_cancelled_with_its_event_not_alone(desk_ctx: Context,
                                                                 venue: Venue) -> None:
    """Cancelling the booking from the calendar would leave the event scheduled in a space no
    longer held for it: refused, naming the event; cancelling the event cancels both."""
    from desktop.booking.lifecycle import cancel_booking

    spaces, _ = venue
    event = one(desk_ctx, event_input(spaces["Small tea room"], at(10), title="品茶会"))
    with pytest.raises(BookingRefused) as caught:
        cancel_booking(desk_ctx, event.booking_id, "room needed")
    assert "品茶会" in caught.value.render("en") and "cancel the event" in caught.value.render("en")
    assert get_booking(desk_ctx, event.booking_id).status == "confirmed"
    cancel_event(desk_ctx, event.id, "speaker ill")
    assert get_booking(desk_ctx, event.booking_id).status == "cancelled"
