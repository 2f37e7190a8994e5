"""A booking's life: confirmed -> checked in | cancelled (with a reason) | no-show."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.booking import rules
from desktop.booking.lifecycle import (
    cancel_booking,
    check_in,
    mark_no_show,
    mark_no_shows,
)
from desktop.booking.rules import BookingRefused
from desktop.booking.service import BookingRequest, create_booking, get_booking
from desktop.clock import FixedClock
from desktop.errors import DomainError
from desktop.services import Context
from desktop.settings.store import get_setting, update_settings
from tests.helpers.booking_race import DAY, make_members, make_spaces


@pytest.fixture
def booked(owner_ctx: Context, desk_ctx: Context) -> list[int]:
    """Three tea-room bookings tomorrow at 10, 12 and 14 (the clock says today 09:00)."""
    spaces = make_spaces(owner_ctx)
    zhang = make_members(owner_ctx)["zhang"]
    made = []
    for hour in (10, 12, 14):
        start = dt.datetime.combine(DAY, dt.time(hour))
        made.append(create_booking(desk_ctx, BookingRequest(
            spaces["Small tea room"].id, start, start + dt.timedelta(hours=1), 2,
            member_id=zhang)).id)
    return made


def test_check_in_on_the_day_and_only_once(desk_ctx: Context, booked: list[int],
                                           clock: FixedClock) -> None:
    with pytest.raises(BookingRefused) as caught:
        check_in(desk_ctx, booked[0])  # today is the day before
    assert caught.value.rules == [rules.STATUS]
    clock.set(dt.datetime.combine(DAY, dt.time(9, 55)))
    arrived = check_in(desk_ctx, booked[0])
    assert (arrived.status, arrived.checked_in_at) == ("checked_in", clock.now())
    with pytest.raises(BookingRefused) as caught:
        check_in(desk_ctx, booked[0])
    assert "already checked in (09:55)" in caught.value.render("en")
    with pytest.raises(BookingRefused):
        cancel_booking(desk_ctx, booked[0], "changed mind")


def test_cancel_needs_a_reason_and_happens_once(desk_ctx: Context, booked: list[int]) -> None:
    with pytest.raises(DomainError) as caught:
        cancel_booking(desk_ctx, booked[1], "   ")
    assert caught.value.field == "reason"
    assert get_booking(desk_ctx, booked[1]).status == "confirmed"
    done = cancel_booking(desk_ctx, booked[1], "ill")
    assert (done.status, done.cancel_reason) == ("cancelled", "ill")
    with pytest.raises(BookingRefused) as refused:
        cancel_booking(desk_ctx, booked[1], "again")
    assert "already cancelled" in refused.value.render("en")
    assert "已取消" in refused.value.render("zh_CN")


def test_no_show_only_after_the_start(desk_ctx: Context, booked: list[int],
                                      clock: FixedClock) -> None:
    with pytest.raises(BookingRefused):
        mark_no_show(desk_ctx, booked[0])
    clock.set(dt.datetime.combine(DAY, dt.time(10, 5)))
    assert mark_no_show(desk_ctx, booked[0]).status == "no_show"
    with pytest.raises(BookingRefused):
        check_in(desk_ctx, booked[0])


def test_mark_no_shows_catches_up_on_everything_overdue(
    owner_ctx: Context, desk_ctx: Context, booked: list[int], clock: FixedClock
) -> None:
    assert get_setting(desk_ctx, "booking.no_show_minutes") == 30
    clock.set(dt.datetime.combine(DAY, dt.time(12, 29)))
    check_in(desk_ctx, booked[1])
    assert mark_no_shows(desk_ctx) == [booked[0]]  # 12:00 is not yet 30 minutes late
    # the app was closed all afternoon; on start it catches up
    clock.set(dt.datetime.combine(DAY, dt.time(20, 0)))
    assert mark_no_shows(desk_ctx) == [booked[2]]
    assert [get_booking(desk_ctx, i).status for i in booked] == [
        "no_show", "checked_in", "no_show"]
    assert mark_no_shows(desk_ctx) == []


def test_no_show_marking_can_be_turned_off(owner_ctx: Context, desk_ctx: Context,
                                           booked: list[int], clock: FixedClock) -> None:
    update_settings(owner_ctx, {"booking.no_show_minutes": 0})
    clock.set(dt.datetime.combine(DAY, dt.time(23, 0)))
    assert mark_no_shows(desk_ctx) == []
    with pytest.raises(DomainError):
        update_settings(owner_ctx, {"booking.no_show_minutes": -1})
