"""The booking rules as the desk meets them: each refusal names its rule and who is in the way."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.booking import rules
from desktop.booking import service as booking_service
from desktop.booking.lifecycle import cancel_booking
from desktop.booking.rules import BookingRefused, SpaceView
from desktop.booking.service import (
    BookingRequest,
    create_booking,
    find_free_slots,
    get_booking,
    list_bookings,
    move_booking,
    suggest_alternatives,
)
from desktop.booking.spaces import SpaceInput, create_closure, create_space
from desktop.clock import FixedClock
from desktop.errors import NotFound, PermissionDenied
from desktop.services import Context
from desktop.settings.store import update_settings
from tests.helpers.booking_race import DAY, every_day, make_members, make_spaces


@pytest.fixture
def venue(owner_ctx: Context) -> tuple[dict[str, SpaceView], dict[str, int]]:
    return make_spaces(owner_ctx), make_members(owner_ctx)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def req(space: SpaceView, start: dt.datetime, hours: float, member: int, party: int = 2,
        **extra: object) -> BookingRequest:
    return BookingRequest(space.id, start, start + dt.timedelta(hours=hours), party_size=party,
                          member_id=member, **extra)  # type: ignore[arg-type]


def refused(ctx: Context, request: BookingRequest, **kwargs: object) -> BookingRefused:
    with pytest.raises(BookingRefused) as caught:
        create_booking(ctx, request, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_story_2_the_tea_room_is_taken_and_the_desk_is_told_by_whom_with_alternatives(
    desk_ctx: Context, venue
) -> None:
    spaces, members = venue
    small, large = spaces["Small tea room"], spaces["Large tea room"]
    mine = create_booking(desk_ctx, req(small, at(16), 2, members["zhang"], purpose="tea"))
    assert mine.who == "张建华" and mine.status == "confirmed" and mine.created_by == "desk"
    wanted = req(small, at(15), 2, members["zhang"], party=4)
    error = refused(desk_ctx, wanted)
    assert error.rules == [rules.OVERLAP]
    assert error.booking_ids == [mine.id]
    assert "张建华" in error.render("en") and "16:00–18:00" in error.render("en")
    assert "张建华" in error.render("zh_CN") and "已被张建华预约" in error.render("zh_CN")
    offer = suggest_alternatives(desk_ctx, wanted)
    assert [s.space_name for s in offer.other_spaces] == ["Large tea room"]
    assert offer.same_space[0].starts == at(14)  # 14:00-16:00 is the nearest free 2 h
    taken = create_booking(desk_ctx, req(large, at(15), 2, members["zhang"], party=4))
    assert [b.id for b in list_bookings(desk_ctx, DAY, DAY)] == [taken.id, mine.id]


def test_half_open_back_to_back_bookings_do_not_clash(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    room = spaces["Small tea room"]
    create_booking(desk_ctx, req(room, at(10), 1, members["zhang"]))
    create_booking(desk_ctx, req(room, at(11), 1, members["zhang"]))
    create_booking(desk_ctx, req(room, at(9), 1, members["zhang"]))
    assert len(list_bookings(desk_ctx, DAY, DAY, [room.id])) == 3


@pytest.mark.parametrize(("start", "end", "rule"), [
    (at(15), at(14), rules.TIME),  # end before start
    (at(15), at(15), rules.TIME),  # zero duration
    (at(7), at(9), rules.HOURS),  # before opening
    (at(21), at(23), rules.HOURS),  # after closing
    (at(21), at(9, day=DAY + dt.timedelta(days=1)), rules.MIDNIGHT),  # across midnight
    (at(15, 15), at(16, 15), rules.GRID),  # off the 30-minute grid
    (at(15), at(15, 30), rules.DURATION),  # shorter than the hour minimum
    (at(10), at(15), rules.DURATION),  # longer than four hours
    (at(10), at(11), rules.ADVANCE),  # replaced below: more than 30 days ahead
])
def test_each_time_rule_refuses_with_its_name(
    desk_ctx: Context, venue, start: dt.datetime, end: dt.datetime, rule: str
) -> None:
    spaces, members = venue
    if rule == rules.ADVANCE:
        start, end = start + dt.timedelta(days=31), end + dt.timedelta(days=31)
    request = BookingRequest(spaces["Small tea room"].id, start, end, 2,
                             member_id=members["zhang"])
    assert rule in refused(desk_ctx, request).rules
    assert list_bookings(desk_ctx, DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=40)) == []


def test_party_size_must_fit(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    room = spaces["Small tea room"]
    assert refused(desk_ctx, req(room, at(10), 1, members["zhang"], party=0)).rules == [
        rules.PARTY]
    error = refused(desk_ctx, req(room, at(10), 1, members["zhang"], party=7))
    assert error.rules == [rules.PARTY] and "6" in error.render("en")


def test_unknown_space_or_member_is_not_found(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    with pytest.raises(NotFound):
        create_booking(desk_ctx, BookingRequest(9999, at(10), at(11), 2,
                                                member_id=members["zhang"]))
    with pytest.raises(NotFound):
        create_booking(desk_ctx, req(spaces["Small tea room"], at(10), 1, 9999))


def test_who_may_book(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    room = spaces["Small tea room"]
    for who, word in (("lapsed", "lapsed"), ("suspended", "suspended")):
        error = refused(desk_ctx, req(room, at(10), 1, members[who]))
        assert error.rules == [rules.MEMBER] and word in error.render("en")
    no_host = BookingRequest(room.id, at(10), at(11), 2, guest_name="Mr Guest")
    assert refused(desk_ctx, no_host).rules == [rules.MEMBER]
    guest = create_booking(desk_ctx, req(room, at(10), 1, members["zhang"],
                                         guest_name="Mr Guest"))
    assert guest.who == "Mr Guest (张建华)"


def test_seats_sweep_counts_the_peak_not_the_pairs(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    pond = spaces["Fishing pond"]
    zhang = members["zhang"]
    # 5 seats 06-09 and 5 seats 09-12 never meet: a third party of 7 fits 08-10 only if
    # the pairwise sum were used wrongly; the peak at 08:00 is 5 + 7 = 12 (full, allowed).
    first = create_booking(desk_ctx, req(pond, at(6), 3, zhang, party=5))
    create_booking(desk_ctx, req(pond, at(9), 3, zhang, party=5))
    create_booking(desk_ctx, req(pond, at(8), 2, zhang, party=7))
    error = refused(desk_ctx, req(pond, at(8), 1, zhang, party=1))
    assert error.rules == [rules.CAPACITY]
    assert first.id in error.booking_ids and "13 of 12" in error.render("en")
    create_booking(desk_ctx, req(pond, at(12), 1, zhang, party=12))  # half-open again


def test_closures_of_the_space_and_the_venue_refuse(owner_ctx: Context, desk_ctx: Context,
                                                     venue) -> None:
    spaces, members = venue
    room, pond = spaces["Small tea room"], spaces["Fishing pond"]
    create_closure(owner_ctx, pond.id, at(6), at(12), "pump repair")
    create_closure(owner_ctx, None, at(20), at(22), "staff dinner")
    error = refused(desk_ctx, req(pond, at(10), 1, members["zhang"]))
    assert error.rules == [rules.CLOSURE] and "pump repair" in error.render("en")
    assert refused(desk_ctx, req(room, at(19), 2, members["zhang"])).rules == [rules.CLOSURE]
    create_booking(desk_ctx, req(room, at(19), 1, members["zhang"]))


def test_buffer_keeps_room_between_bookings(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    room = spaces["Meeting room"]
    first = create_booking(desk_ctx, req(room, at(9), 1, members["zhang"]))
    error = refused(desk_ctx, req(room, at(10), 1, members["zhang"]))
    assert error.rules == [rules.BUFFER] and error.booking_ids == [first.id]
    create_booking(desk_ctx, req(room, at(10, 30), 1, members["zhang"]))


def test_the_past_is_refused_unless_the_owner_overrides_with_a_reason(
    desk_ctx: Context, owner_ctx: Context, venue, clock: FixedClock
) -> None:
    spaces, members = venue
    room = spaces["Small tea room"]
    yesterday = req(room, at(10, day=DAY - dt.timedelta(days=2)), 1, members["zhang"])
    assert refused(desk_ctx, yesterday).rules == [rules.PAST]
    with pytest.raises(PermissionDenied):
        create_booking(desk_ctx, yesterday, override_reason="walked in, forgot to book")
    made = create_booking(owner_ctx, yesterday, override_reason="walked in, forgot to book")
    assert made.override_reason == "walked in, forgot to book"
    # an override never lifts the overlap
    error = refused(owner_ctx, yesterday, override_reason="again")
    assert error.rules == [rules.OVERLAP]


def test_a_time_the_clocks_skip_or_repeat_is_refused(owner_ctx: Context, desk_ctx: Context,
                                                     venue, clock: FixedClock) -> None:
    _spaces, members = venue
    update_settings(owner_ctx, {"venue.time_zone": "Europe/Berlin"})
    clock.set(dt.datetime(2027, 3, 20, 9, 0))
    night_room = create_space(owner_ctx, SpaceInput("Night room", "other", 4, True,
                                                    hours=every_day("00:00", "06:00")))
    gap = BookingRequest(night_room.id, dt.datetime(2027, 3, 28, 2, 0),
                         dt.datetime(2027, 3, 28, 3, 0), 1, member_id=members["zhang"])
    error = refused(desk_ctx, gap)
    assert error.rules == [rules.DST] and "does not exist" in error.render("en")
    clock.set(dt.datetime(2027, 10, 25, 9, 0) - dt.timedelta(days=5))
    twice = BookingRequest(night_room.id, dt.datetime(2027, 10, 31, 1, 0),
                           dt.datetime(2027, 10, 31, 2, 30), 1, member_id=members["zhang"])
    error = refused(desk_ctx, twice)
    assert error.rules == [rules.DST] and "twice" in error.render("en")
    fine = BookingRequest(night_room.id, dt.datetime(2027, 10, 31, 3, 0),
                          dt.datetime(2027, 10, 31, 4, 0), 1, member_id=members["zhang"])
    create_booking(desk_ctx, fine)


def test_moving_onto_a_conflict_changes_nothing(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    small, large = spaces["Small tea room"], spaces["Large tea room"]
    first = create_booking(desk_ctx, req(small, at(10), 2, members["zhang"]))
    second = create_booking(desk_ctx, req(small, at(14), 1, members["zhang"]))
    with pytest.raises(BookingRefused) as caught:
        move_booking(desk_ctx, second.id, at(11), at(12))
    assert caught.value.rules == [rules.OVERLAP] and caught.value.booking_ids == [first.id]
    assert get_booking(desk_ctx, second.id).starts == at(14)
    moved = move_booking(desk_ctx, second.id, at(11), at(12), space_id=large.id)
    assert (moved.space_name, moved.starts) == ("Large tea room", at(11))
    resized = move_booking(desk_ctx, first.id, at(10), at(13))  # the old slot is free now
    assert resized.ends == at(13)
    cancel_booking(desk_ctx, first.id, "plans changed")
    with pytest.raises(BookingRefused) as caught:
        move_booking(desk_ctx, first.id, at(15), at(16))
    assert caught.value.rules == [rules.STATUS]


def test_find_free_slots_for_a_kind(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    create_booking(desk_ctx, req(spaces["Small tea room"], at(9), 4, members["zhang"]))
    slots = find_free_slots(desk_ctx, DAY, DAY, 120, 4, kind="tea_room")
    first_small = next(s for s in slots if s.space_name == "Small tea room")
    first_large = next(s for s in slots if s.space_name == "Large tea room")
    assert first_small.starts == at(13) and first_large.starts == at(9)
    assert all(s.ends - s.starts == dt.timedelta(hours=2) for s in slots)
    assert not find_free_slots(desk_ctx, DAY, DAY, 120, 11, kind="tea_room")


def test_when_the_database_guard_fires_the_desk_hears_just_taken(
    desk_ctx: Context, venue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the service's own check ever miss a booking (another desk's commit landing in
    between), the database's guard refuses it and the desk gets a plain message."""
    spaces, members = venue
    room = spaces["Small tea room"]
    first = create_booking(desk_ctx, req(room, at(10), 2, members["zhang"]))
    monkeypatch.setattr(booking_service, "taken_near", lambda *args, **kwargs: [])
    error = refused(desk_ctx, req(room, at(11), 2, members["zhang"]))
    assert error.rules == [rules.TAKEN] and "just taken" in error.render("en")
    assert [b.id for b in list_bookings(desk_ctx, DAY, DAY)] == [first.id]


def test_a_double_clicked_save_makes_one_booking(desk_ctx: Context, venue) -> None:
    spaces, members = venue
    pond = spaces["Fishing pond"]  # seats: overlap alone would not stop the second
    request = req(pond, at(8), 2, members["zhang"], party=2)
    first = create_booking(desk_ctx, request)
    error = refused(desk_ctx, request)
    assert error.rules == [rules.DUPLICATE] and error.booking_ids == [first.id]
    create_booking(desk_ctx, req(pond, at(8), 2, members["zhang"], party=2, guest_name="Wu"))
    assert len(list_bookings(desk_ctx, DAY, DAY)) == 2


def test_checks_without_writing_give_the_same_answer_as_the_writes(desk_ctx: Context,
                                                                    venue) -> None:
    """The calendar's live drag check and the dialog's pre-check are the rules themselves."""
    spaces, members = venue
    small = spaces["Small tea room"]
    first = create_booking(desk_ctx, req(small, at(10), 2, members["zhang"]))
    second = create_booking(desk_ctx, req(small, at(14), 1, members["zhang"]))
    onto = booking_service.check_move(desk_ctx, second.id, at(11), at(12))
    assert [c.rule for c in onto] == [rules.OVERLAP] and first.id in onto[0].booking_ids
    assert booking_service.check_move(desk_ctx, second.id, at(12), at(13)) == []
    with pytest.raises(BookingRefused):
        move_booking(desk_ctx, second.id, at(11), at(12))
    taken = booking_service.check_request(desk_ctx, req(small, at(11), 1, members["zhang"]))
    assert [c.rule for c in taken] == [rules.OVERLAP]
    assert booking_service.check_request(desk_ctx, req(small, at(16), 1, members["zhang"])) == []
    assert len(list_bookings(desk_ctx, DAY, DAY)) == 2
    assert get_booking(desk_ctx, second.id).starts == at(14)
