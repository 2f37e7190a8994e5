"""Spaces, opening hours and closures as the owner sets them up in Settings."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.booking import rules
from desktop.booking.lifecycle import cancel_booking
from desktop.booking.rules import BookingRefused, OpeningRange
from desktop.booking.service import BookingRequest, create_booking, get_booking, list_bookings
from desktop.booking.spaces import (
    SpaceInput,
    create_closure,
    create_space,
    delete_closure,
    get_space,
    list_closures,
    list_spaces,
    preview_closure,
    update_space,
)
from desktop.errors import DomainError, PermissionDenied
from desktop.services import Context
from tests.helpers.booking_race import DAY, every_day, make_members, make_spaces

T = dt.time.fromisoformat


def pond_input(**changes: object) -> SpaceInput:
    base = SpaceInput("Pond", "fishing_pond", 12, False, slot_minutes=60, min_minutes=60,
                      max_minutes=480, hours=every_day("06:00", "18:00"))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_create_and_list_spaces_with_hours(owner_ctx: Context, desk_ctx: Context) -> None:
    made = create_space(owner_ctx, pond_input(
        hours=(OpeningRange(5, T("06:00"), T("12:00")), OpeningRange(5, T("13:00"), T("18:00")))))
    assert made.hours == (OpeningRange(5, T("06:00"), T("12:00")),
                          OpeningRange(5, T("13:00"), T("18:00")))
    assert [s.name for s in list_spaces(desk_ctx)] == ["Pond"]
    changed = update_space(owner_ctx, made.id, pond_input(
        active=False, hours=(OpeningRange(6, T("07:00"), T("17:00")),)))
    assert changed.hours == (OpeningRange(6, T("07:00"), T("17:00")),)
    assert list_spaces(desk_ctx) == []
    assert get_space(desk_ctx, made.id).active is False
    with pytest.raises(PermissionDenied):
        create_space(desk_ctx, pond_input(name="Desk's pond"))


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": "  "}, "name"),
    ({"kind": "spa"}, "kind"),
    ({"colour": "green"}, "colour"),
    ({"capacity": 0}, "capacity"),
    ({"slot_minutes": 0}, "slot_minutes"),
    ({"min_minutes": 90}, "min_minutes"),  # not a multiple of the 60-minute slot
    ({"min_minutes": 240, "max_minutes": 120}, "min_minutes"),
    ({"buffer_minutes": -5}, "buffer_minutes"),
    ({"advance_days": -1}, "advance_days"),
    ({"hours": (OpeningRange(1, T("12:00"), T("09:00")),)}, "hours"),
    ({"hours": (OpeningRange(1, T("09:00"), T("13:00")),
                OpeningRange(1, T("12:00"), T("18:00")))}, "hours"),
    ({"hours": (OpeningRange(7, T("09:00"), T("13:00")),)}, "hours"),
])
def test_bad_space_settings_name_their_field(owner_ctx: Context, changes: dict[str, object],
                                             field: str) -> None:
    with pytest.raises(DomainError) as caught:
        create_space(owner_ctx, pond_input(**changes))
    assert caught.value.field == field
    assert list_spaces(owner_ctx, include_inactive=True) == []


def test_names_are_unique_ignoring_case(owner_ctx: Context) -> None:
    create_space(owner_ctx, pond_input())
    with pytest.raises(DomainError) as caught:
        create_space(owner_ctx, pond_input(name="pond"))
    assert caught.value.field == "name"


def test_turning_a_space_exclusive_is_refused_while_bookings_overlap(
    owner_ctx: Context, desk_ctx: Context
) -> None:
    pond = create_space(owner_ctx, pond_input())
    zhang = make_members(owner_ctx)["zhang"]
    start = dt.datetime.combine(DAY, T("08:00"))
    first = create_booking(desk_ctx, BookingRequest(pond.id, start, start + dt.timedelta(hours=2),
                                                    2, member_id=zhang))
    second = create_booking(desk_ctx, BookingRequest(
        pond.id, start + dt.timedelta(hours=1), start + dt.timedelta(hours=3), 2,
        member_id=zhang))
    with pytest.raises(DomainError) as caught:
        update_space(owner_ctx, pond.id, pond_input(exclusive=True))
    assert caught.value.field == "exclusive" and "08:00–10:00" in caught.value.render("en")
    assert get_space(owner_ctx, pond.id).exclusive is False
    cancel_booking(desk_ctx, second.id, "moved to the tea room")
    update_space(owner_ctx, pond.id, pond_input(exclusive=True))
    assert get_booking(desk_ctx, first.id).exclusive is True  # the guard's copy follows
    with pytest.raises(BookingRefused) as refused:
        create_booking(desk_ctx, BookingRequest(pond.id, start, start + dt.timedelta(hours=1),
                                                1, member_id=zhang))
    assert refused.value.rules == [rules.OVERLAP]


def test_story_9_closing_the_pond_lists_and_cancels_its_bookings(
    owner_ctx: Context, desk_ctx: Context
) -> None:
    spaces = make_spaces(owner_ctx)
    members = make_members(owner_ctx)
    pond, room = spaces["Fishing pond"], spaces["Small tea room"]
    made = []
    for day in range(3):
        start = dt.datetime.combine(DAY + dt.timedelta(days=day), T("07:00"))
        made.append(create_booking(desk_ctx, BookingRequest(
            pond.id, start, start + dt.timedelta(hours=2), 3, member_id=members["zhang"])))
    start = dt.datetime.combine(DAY, T("10:00"))
    other = create_booking(desk_ctx, BookingRequest(room.id, start, start + dt.timedelta(hours=1),
                                                    2, member_id=members["zhang"]))
    closing = (dt.datetime.combine(DAY, T("00:00")),
               dt.datetime.combine(DAY + dt.timedelta(days=2), T("00:00")))
    with pytest.raises(PermissionDenied):
        create_closure(desk_ctx, pond.id, *closing, "pump broken")
    preview = preview_closure(owner_ctx, pond.id, *closing)
    assert [a.id for a in preview] == [made[0].id, made[1].id]
    result = create_closure(owner_ctx, pond.id, *closing, "pump broken",
                            cancel_bookings=True)
    assert result.cancelled and [a.id for a in result.affected] == [made[0].id, made[1].id]
    assert result.call_list[0] == "张建华\t139 1234 5678\tFishing pond\t2026-11-27 07:00–09:00"
    for booking in made[:2]:
        after = get_booking(desk_ctx, booking.id)
        assert (after.status, after.cancel_reason) == ("cancelled", "pump broken")
    assert get_booking(desk_ctx, made[2].id).status == "confirmed"
    assert get_booking(desk_ctx, other.id).status == "confirmed"
    assert [c.reason for c in list_closures(desk_ctx, DAY, DAY)] == ["pump broken"]
    # keeping the bookings: the venue closes for an evening, the tea-room booking stays
    evening = create_closure(owner_ctx, None, start, start + dt.timedelta(hours=12), "wedding")
    assert [a.id for a in evening.affected] == [other.id] and not evening.cancelled
    assert get_booking(desk_ctx, other.id).status == "confirmed"
    delete_closure(owner_ctx, evening.closure.id)
    assert len(list_bookings(desk_ctx, DAY, DAY)) == 1


def test_a_closure_needs_a_reason_and_a_positive_span(owner_ctx: Context) -> None:
    pond = create_space(owner_ctx, pond_input())
    start = dt.datetime.combine(DAY, T("06:00"))
    with pytest.raises(DomainError) as caught:
        create_closure(owner_ctx, pond.id, start, start + dt.timedelta(hours=1), "  ")
    assert caught.value.field == "reason"
    with pytest.raises(DomainError) as caught:
        create_closure(owner_ctx, pond.id, start, start, "repairs")
    assert caught.value.field == "ends"
    assert list_closures(owner_ctx, DAY, DAY) == []


def test_a_closure_preview_given_the_reason_checks_it_before_listing(owner_ctx: Context) -> None:
    pond = create_space(owner_ctx, pond_input())
    start = dt.datetime.combine(DAY, T("06:00"))
    with pytest.raises(DomainError) as caught:
        preview_closure(owner_ctx, pond.id, start, start + dt.timedelta(hours=1), " ")
    assert caught.value.field == "reason"
    assert preview_closure(owner_ctx, None, start, start + dt.timedelta(hours=1), "repairs") == []


def test_an_hours_error_names_its_weekday(owner_ctx: Context) -> None:
    with pytest.raises(DomainError) as caught:
        create_space(owner_ctx, pond_input(hours=(OpeningRange(3, T("12:00"), T("09:00")),)))
    assert caught.value.render("en") == \
        "On Thursday, closing time must be after opening time (12:00–09:00)."
    assert caught.value.render("zh_CN") == "星期四的关门时间必须晚于开门时间（12:00–09:00）。"
    with pytest.raises(DomainError) as caught:
        create_space(owner_ctx, pond_input(hours=(OpeningRange(6, T("09:00"), T("13:00")),
                                                  OpeningRange(6, T("12:00"), T("18:00")))))
    assert caught.value.render("en") == \
        "On Sunday, opening hours 09:00–13:00 and 12:00–18:00 overlap."
