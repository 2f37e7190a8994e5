"""The desk's Today screen as services: the day's bookings in time order, events with their
counts, who is expected next, renewal chances among today's bookings, one search for members,
bookings and events, and a stamp that changes when another desk writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.booking.lifecycle import cancel_booking, check_in
from desktop.booking.rules import SpaceView
from desktop.booking.service import BookingRequest, BookingView, create_booking
from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.events.registrations import RegistrationInput, register
from desktop.events.service import EventInput, create_event
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.today.service import change_stamp, search_everything, today_overview
from tests.helpers.booking_race import make_members, make_spaces

TODAY = dt.date(2026, 11, 26)  # the fixed clock's day (09:00)


def at(hour: int, minute: int = 0, day: dt.date = TODAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


class Day:
    """A venue with a day of bookings and an evening event, as the Today screen meets it."""

    def __init__(self, ctx: Context) -> None:
        self.spaces: dict[str, SpaceView] = make_spaces(ctx)
        self.members = make_members(ctx)
        plan = ms.list_plans(ctx)[0].id
        # Joined a year ago less a fortnight: the membership ends on 9 December.
        self.renewing = mm.join_member(
            ctx, ms.MemberInput("Wang Renew", phone="13800001111",
                                joined_on=dt.date(2025, 12, 10)), plan).id
        small, large = self.spaces["Small tea room"], self.spaces["Large tea room"]
        pond = self.spaces["Fishing pond"]
        self.late = self.book(ctx, BookingRequest(large.id, at(15), at(17), 4,
                                                  member_id=self.renewing))
        self.early = self.book(ctx, BookingRequest(small.id, at(10), at(12), 2,
                                                   member_id=self.members["zhang"]))
        self.guest = self.book(ctx, BookingRequest(pond.id, at(11), at(13), 3,
                                                   member_id=self.members["zhang"],
                                                   guest_name="Chen Guest"))
        self.gone = self.book(ctx, BookingRequest(small.id, at(13), at(14), 2,
                                                  member_id=self.members["zhang"]))
        cancel_booking(ctx, self.gone.id, "changed plans")
        self.tomorrow = self.book(ctx, BookingRequest(
            small.id, at(10, day=TODAY + dt.timedelta(days=1)),
            at(12, day=TODAY + dt.timedelta(days=1)), 2, member_id=self.renewing))
        [self.event] = create_event(ctx, EventInput(
            "Oolong evening", "tea_tasting", large.id, at(18), at(20), 8))
        register(ctx, self.event.id, RegistrationInput(member_id=self.members["zhang"],
                                                       companions=2))

    @staticmethod
    def book(ctx: Context, request: BookingRequest) -> BookingView:
        return create_booking(ctx, request)


@pytest.fixture
def day(owner_ctx: Context) -> Day:
    return Day(owner_ctx)


def later(ctx: Context, when: dt.datetime) -> Context:
    return replace(ctx, clock=FixedClock(when))


def test_the_overview_lists_the_days_bookings_in_time_order_and_its_events(
    desk_ctx: Context, day: Day
) -> None:
    overview = today_overview(desk_ctx)
    assert overview.day == TODAY and overview.now == at(9)
    # time order; the cancelled one, tomorrow's and the event's own booking are not here
    assert [b.id for b in overview.bookings] == [day.early.id, day.guest.id, day.late.id]
    assert [b.who for b in overview.bookings] == ["张建华", "Chen Guest (张建华)", "Wang Renew"]
    [event] = overview.events
    assert (event.id, event.title, event.registered, event.checked_in) == (
        day.event.id, "Oolong evening", 3, 0)
    # another day on request
    tomorrow = today_overview(desk_ctx, TODAY + dt.timedelta(days=1))
    assert [b.id for b in tomorrow.bookings] == [day.tomorrow.id]
    assert tomorrow.events == () and tomorrow.expected == ()


def test_expected_next_is_who_has_not_arrived_soonest_first(desk_ctx: Context,
                                                            day: Day) -> None:
    overview = today_overview(desk_ctx)
    assert [(e.kind, e.id) for e in overview.expected] == [
        ("booking", day.early.id), ("booking", day.guest.id), ("booking", day.late.id),
        ("event", day.event.id)]
    assert [e.people for e in overview.expected] == [2, 3, 4, 3]
    # At 11:30 the 10:00 party arrived, the pond's guests are late (still expected).
    at_noon = later(desk_ctx, at(10, 5))
    check_in(at_noon, day.early.id)
    overview = today_overview(later(desk_ctx, at(11, 30)))
    assert [(e.kind, e.id) for e in overview.expected] == [
        ("booking", day.guest.id), ("booking", day.late.id), ("event", day.event.id)]
    # After the pond's booking ended it is no longer expected.
    overview = today_overview(later(desk_ctx, at(13, 30)))
    assert [(e.kind, e.id) for e in overview.expected] == [
        ("booking", day.late.id), ("event", day.event.id)]


def test_the_renewal_list_has_todays_members_whose_membership_ends_within_30_days(
    desk_ctx: Context, owner_ctx: Context, day: Day
) -> None:
    [chance] = today_overview(desk_ctx).renewals
    assert (chance.member_id, chance.name, chance.phone, chance.plan) == (
        day.renewing, "Wang Renew", "138 0000 1111", "Annual")
    assert chance.ends_on == dt.date(2026, 12, 9) and chance.days_left == 13
    assert chance.booked_at == at(15)
    # Renewed: no longer a chance.
    plan = ms.list_plans(owner_ctx)[0].id
    mm.record_membership(owner_ctx, day.renewing, plan)
    assert today_overview(desk_ctx).renewals == ()


def test_search_finds_members_bookings_and_events(desk_ctx: Context, day: Day) -> None:
    by_name = search_everything(desk_ctx, "Wang")
    assert [m.id for m in by_name.members] == [day.renewing]
    assert [b.id for b in by_name.bookings] == [day.late.id, day.tomorrow.id]
    assert by_name.events == ()
    by_pinyin = search_everything(desk_ctx, "zhangjianhua")  # 张建华 by pinyin
    assert [m.id for m in by_pinyin.members] == [day.members["zhang"]]
    assert [b.id for b in by_pinyin.bookings] == [day.early.id, day.guest.id]
    by_phone = search_everything(desk_ctx, "13800001111")
    assert [m.id for m in by_phone.members] == [day.renewing]
    assert day.late.id in [b.id for b in by_phone.bookings]
    by_space = search_everything(desk_ctx, "pond")
    assert [b.id for b in by_space.bookings] == [day.guest.id] and by_space.members == ()
    by_guest = search_everything(desk_ctx, "chen guest")
    assert [b.id for b in by_guest.bookings] == [day.guest.id]
    by_title = search_everything(desk_ctx, "oolong")
    assert [e.id for e in by_title.events] == [day.event.id]
    assert by_title.members == () and by_title.bookings == ()
    assert search_everything(desk_ctx, "   ").empty
    assert search_everything(desk_ctx, "nothing like this").empty
    number = ms.get_member(desk_ctx, day.renewing).row.number
    assert [m.id for m in search_everything(desk_ctx, number).members] == [day.renewing]


def test_the_change_stamp_changes_after_another_desks_write(desk_ctx: Context,
                                                            owner_ctx: Context,
                                                            day: Day) -> None:
    before = change_stamp(desk_ctx)
    assert change_stamp(desk_ctx) == before  # reading changes nothing
    # Another desk: its own connection to the same database.
    second = open_database(owner_ctx.database.url, migrate=False)
    other = Context(second, owner_ctx.actor, clock=owner_ctx.clock, hasher=owner_ctx.hasher)
    create_booking(other, BookingRequest(day.spaces["Meeting room"].id, at(14), at(15), 2,
                                         member_id=day.members["zhang"]))
    after = change_stamp(desk_ctx)
    assert after != before
    check_in(later(owner_ctx, at(10, 5)), day.early.id)
    assert change_stamp(desk_ctx) != after
    second.close()
