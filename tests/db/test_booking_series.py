"""Recurring bookings (SCENARIOS 11): preview every date with its conflicts, skip them on
request, cancel one date, this and following, or all."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.booking import rules
from desktop.booking.rules import BookingRefused
from desktop.booking.series import (
    SeriesRequest,
    cancel_occurrences,
    create_series,
    edit_series,
    preview_series,
    preview_series_edit,
)
from desktop.booking.service import BookingRequest, create_booking, get_booking, list_bookings
from desktop.errors import DomainError
from desktop.services import Context
from tests.helpers.booking_race import make_members, make_spaces

FIRST = dt.datetime(2026, 12, 2, 19, 0)  # the first Wednesday after the test's today
WEEKLY_YEAR = "FREQ=WEEKLY;BYDAY=WE;COUNT=52"


@pytest.fixture
def club(owner_ctx: Context, desk_ctx: Context) -> tuple[SeriesRequest, list[int]]:
    """The weekly tea club, and three Wednesdays already taken in the large tea room."""
    spaces = make_spaces(owner_ctx)
    zhang = make_members(owner_ctx)["zhang"]
    room = spaces["Large tea room"].id
    taken = []
    for week in (1, 2, 3):
        start = FIRST + dt.timedelta(weeks=week, hours=-1)
        taken.append(create_booking(desk_ctx, BookingRequest(
            room, start, start + dt.timedelta(hours=2), 4, member_id=zhang)).id)
    request = SeriesRequest(room, FIRST, 120, WEEKLY_YEAR, party_size=8, member_id=zhang,
                            purpose="tea club")
    return request, taken


def _all(ctx: Context) -> list:
    return list_bookings(ctx, dt.date(2026, 11, 1), dt.date(2028, 1, 1), include_cancelled=True)


def test_story_11_the_weekly_tea_club(desk_ctx: Context, club) -> None:
    request, taken = club
    preview = preview_series(desk_ctx, request)
    assert len(preview) == 52 and preview[-1].starts == dt.datetime(2027, 11, 24, 19, 0)
    blocked = [o for o in preview if not o.free]
    assert [o.starts.date() for o in blocked] == [dt.date(2026, 12, 9), dt.date(2026, 12, 16),
                                                 dt.date(2026, 12, 23)]
    assert all(o.conflicts[0].rule == rules.OVERLAP for o in blocked)
    assert [o.conflicts[0].booking_ids for o in blocked] == [(t,) for t in taken]
    before = _all(desk_ctx)
    with pytest.raises(BookingRefused) as caught:
        create_series(desk_ctx, request)
    assert len(caught.value.conflicts) == 3 and "2026-12-09" in caught.value.render("en")
    assert _all(desk_ctx) == before  # nothing written
    made = create_series(desk_ctx, request, skip_conflicts=True)
    assert len(made.booked) == 49 and [o.starts.day for o in made.skipped] == [9, 16, 23]
    # one date cancelled, then "this and following" from July: the cancelled date stays so
    one = [b for b in _all(desk_ctx) if b.series_id == made.series_id]
    march = next(b for b in one if b.starts.date() == dt.date(2027, 3, 3))
    july = next(b for b in one if b.starts.date() == dt.date(2027, 7, 7))
    assert cancel_occurrences(desk_ctx, march.id, "one", "holiday") == [march.id]
    cancelled = cancel_occurrences(desk_ctx, july.id, "following", "moving to 19:30")
    assert len(cancelled) == 21 and cancelled[0] == july.id
    after = {b.id: b for b in _all(desk_ctx)}
    assert after[march.id].cancel_reason == "holiday"
    assert after[july.id].cancel_reason == "moving to 19:30"
    june = next(b for b in one if b.starts.date() == dt.date(2027, 6, 30))
    assert after[june.id].status == "confirmed"
    assert all(get_booking(desk_ctx, t).status == "confirmed" for t in taken)
    rest = cancel_occurrences(desk_ctx, june.id, "all", "club closed")
    assert len(rest) == 49 - 1 - 21
    assert after[march.id].cancel_reason == get_booking(desk_ctx, march.id).cancel_reason


@pytest.mark.parametrize("rule", [
    "FREQ=WEEKLY;BYDAY=WE",  # no end
    "FREQ=SOMETIMES;COUNT=3",  # unreadable
    "FREQ=WEEKLY;BYDAY=WE;UNTIL=20261101T000000",  # ends before it starts: no date
    "FREQ=DAILY;COUNT=500",  # too many
])
def test_a_series_with_no_valid_rule_writes_nothing(desk_ctx: Context, club, rule: str) -> None:
    request, _taken = club
    before = _all(desk_ctx)
    with pytest.raises(DomainError) as caught:
        create_series(desk_ctx, SeriesRequest(request.space_id, FIRST, 120, rule,
                                              member_id=request.member_id))
    assert caught.value.field == "rrule"
    assert _all(desk_ctx) == before


def test_a_series_whose_every_date_conflicts_is_refused_even_when_skipping(
    desk_ctx: Context, club
) -> None:
    request, taken = club
    before = _all(desk_ctx)
    clash = SeriesRequest(request.space_id, FIRST + dt.timedelta(weeks=1), 120,
                          "FREQ=WEEKLY;COUNT=3", member_id=request.member_id)
    with pytest.raises(BookingRefused):
        create_series(desk_ctx, clash, skip_conflicts=True)
    assert _all(desk_ctx) == before
    # cancelling "all" on a booking outside any series touches only that booking
    assert cancel_occurrences(desk_ctx, taken[0], "all", "no club") == [taken[0]]
    assert [get_booking(desk_ctx, t).status for t in taken] == [
        "cancelled", "confirmed", "confirmed"]


def test_story_11_from_july_the_club_meets_at_half_past_seven(
    owner_ctx: Context, desk_ctx: Context, club
) -> None:
    request, _taken = club
    made = create_series(desk_ctx, request, skip_conflicts=True)
    dates = {b.starts.date(): b for b in _all(desk_ctx) if b.series_id == made.series_id}
    july, august = dates[dt.date(2027, 7, 7)], dates[dt.date(2027, 8, 4)]
    cancel_occurrences(desk_ctx, august.id, "one", "summer break")
    # someone holds the room 21:00-22:00 on 2027-09-01 (booked far ahead by the owner)
    late = dt.datetime(2027, 9, 1, 21, 0)
    other = create_booking(owner_ctx, BookingRequest(
        request.space_id, late, late + dt.timedelta(hours=1), 2, member_id=request.member_id),
        override_reason="agreed with the club").id
    preview = preview_series_edit(desk_ctx, july.id, "following", dt.time(19, 30), 120)
    blocked = [c for c in preview if c.conflicts]
    assert len(preview) == 20 and [c.starts.date() for c in blocked] == [dt.date(2027, 9, 1)]
    assert blocked[0].conflicts[0].booking_ids == (other,)
    before = _all(desk_ctx)
    with pytest.raises(BookingRefused):
        edit_series(desk_ctx, july.id, "following", dt.time(19, 30), 120)
    assert _all(desk_ctx) == before
    edit = edit_series(desk_ctx, july.id, "following", dt.time(19, 30), 120,
                       skip_conflicts=True)
    assert (len(edit.changed), len(edit.skipped)) == (19, 1)
    after = {b.starts.date(): b for b in _all(desk_ctx) if b.series_id == made.series_id}
    assert after[dt.date(2027, 7, 7)].starts.time() == dt.time(19, 30)
    assert after[dt.date(2027, 6, 30)].starts.time() == dt.time(19, 0)
    assert after[dt.date(2027, 9, 1)].starts.time() == dt.time(19, 0)  # skipped: kept
    assert after[dt.date(2027, 8, 4)].status == "cancelled"  # the exception stays
    assert after[dt.date(2027, 8, 4)].starts.time() == dt.time(19, 0)
