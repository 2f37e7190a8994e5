"""Booking benchmarks (issue 4): on 20 spaces and 200,000 bookings over two years.

- one booking's check-and-write through the service, beside a bare INSERT + COMMIT of the
  same row on the same database (the floor);
- previewing a 52-week series whose dates are all taken (every conflict reported);
- printing the week PDF of all spaces for the busiest week of the generated bookings.

Spaces are made through the spaces service; the 200,000 bookings are inserted directly (in
half-hour-free patterns that respect every rule), because making them one by one through the
service is the thing being measured, not the set-up.
"""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import func, insert, select, text

from bench.framework import Operation, World, benchmark, fill
from desktop.booking.rules import OpeningRange
from desktop.booking.series import SeriesRequest, preview_series
from desktop.booking.service import BookingRequest, create_booking
from desktop.booking.spaces import SpaceInput, create_space
from desktop.members.service import MemberQuery, search_members
from desktop.members.status import Status
from desktop.models import Booking, Member, Space
from desktop.reports.base import register_fonts
from desktop.reports.schedule import print_week, week_of

SPACES = 20
SEAT_SPACES = 6
BOOKINGS = 200_000
HOURS = [OpeningRange(day, dt.time(6), dt.time(22)) for day in range(7)]
# Each space-day holds 14 one-hour bookings from 07:00, leaving 06:00-07:00 free: that is
# where the timed bookings go, one new day per repeat.
FIRST_HOUR = 7


@fill(order=40)
def spaces_and_bookings(world: World) -> None:
    owner = world.ctx("owner")
    with world.database.transaction(write=False) as session:
        if session.scalar(select(func.count(Space.id))):
            return
    for index in range(SPACES):
        seats = index < SEAT_SPACES
        create_space(owner, SpaceInput(
            name=f"Bench space {index:02d}", kind="fishing_pond" if seats else "meeting_room",
            capacity=12 if seats else 8, exclusive=not seats, slot_minutes=30, min_minutes=30,
            max_minutes=240, advance_days=800, hours=HOURS))
    today = world.clock.now().date()
    with world.database.transaction() as session:
        space_rows = session.execute(select(Space.id, Space.exclusive)).all()
        members = list(session.scalars(select(Member.id).limit(5_000)))
        first_day = today - dt.timedelta(days=365)
        rows = []
        member_cycle = itertools.cycle(members)
        for n in range(BOOKINGS):
            space_id, exclusive = space_rows[n % SPACES]
            slot = n // SPACES
            day = first_day + dt.timedelta(days=slot // 14)
            hour = FIRST_HOUR + slot % 14
            starts = dt.datetime.combine(day, dt.time(hour))
            rows.append({
                "space_id": space_id, "exclusive": exclusive, "member_id": next(member_cycle),
                "starts": starts, "ends": starts + dt.timedelta(hours=1), "party_size": 2,
                "status": "confirmed", "created_by": "bench", "created_at": world.clock.now(),
            })
        session.execute(insert(Booking), rows)
    world.counts["spaces"] = SPACES
    world.counts["bookings"] = BOOKINGS


def _bookable_member(world: World) -> int:
    rows = search_members(world.ctx("desk"), MemberQuery(status=Status.ACTIVE), limit=1)
    return rows[0].id


def _exclusive_space(world: World) -> int:
    with world.database.transaction(write=False) as session:
        return int(session.scalar(
            select(Space.id).where(Space.exclusive.is_(True)).order_by(Space.id)) or 0)


FLOOR = "booking:   bare INSERT + COMMIT of one row (floor)"


@benchmark("booking: one check-and-write (200,000 bookings)", target_ms=5, repeats=20,
           compare_to=FLOOR)
def one_booking(world: World) -> Operation:
    desk = world.ctx("desk")
    member = _bookable_member(world)
    space = _exclusive_space(world)
    days = itertools.count(1)
    today = world.clock.now().date()

    def run() -> object:
        day = today + dt.timedelta(days=next(days))
        starts = dt.datetime.combine(day, dt.time(6))
        return create_booking(desk, BookingRequest(space, starts, starts + dt.timedelta(
            minutes=30), party_size=2, member_id=member))

    return run


@benchmark(FLOOR, target_ms=5, repeats=20)
def bare_insert(world: World) -> Operation:
    space = _exclusive_space(world)
    days = itertools.count(400)
    today = world.clock.now().date()
    statement = text(
        "INSERT INTO booking (space_id, exclusive, starts, ends, party_size, status, "
        "created_by, created_at) VALUES (:space, 1, :starts, :ends, 2, 'confirmed', 'bench', "
        ":starts)")

    def run() -> object:
        starts = dt.datetime.combine(today + dt.timedelta(days=next(days)), dt.time(6, 30))
        with world.database.engine.begin() as connection:
            connection.execute(statement, {"space": space, "starts": starts,
                                           "ends": starts + dt.timedelta(minutes=30)})
        return None

    return run


@benchmark("booking: preview a 52-week series, every date taken", target_ms=500, repeats=5)
def series_preview(world: World) -> Operation:
    desk = world.ctx("desk")
    member = _bookable_member(world)
    space = _exclusive_space(world)
    first = dt.datetime.combine(world.clock.now().date() + dt.timedelta(days=1), dt.time(10))
    request = SeriesRequest(space, first, 120, "FREQ=WEEKLY;COUNT=52", party_size=2,
                            member_id=member)

    def run() -> object:
        occurrences = preview_series(desk, request)
        assert sum(1 for o in occurrences if o.conflicts) >= 48  # the fill ends ~50 weeks ahead
        return occurrences

    return run


def _busiest_week(world: World) -> dt.date:
    """The Monday of the week with the most active bookings."""
    with world.database.transaction(write=False) as session:
        per_day = session.execute(
            select(func.date(Booking.starts), func.count(Booking.id))
            .where(Booking.status.in_(("confirmed", "checked_in")))
            .group_by(func.date(Booking.starts))).all()
    weeks: dict[dt.date, int] = {}
    for day, count in per_day:
        monday = week_of(dt.date.fromisoformat(str(day)))[0]
        weeks[monday] = weeks.get(monday, 0) + int(count)
    return max(sorted(weeks), key=lambda monday: weeks[monday])


@benchmark("booking: week PDF of all spaces (busiest week)", target_ms=3000, repeats=5)
def week_pdf(world: World) -> Operation:
    desk = world.ctx("desk")
    monday = _busiest_week(world)
    register_fonts()  # once per process, as in the app
    output = world.folder / "week.pdf"

    def run() -> object:
        shown = print_week(desk, monday, output, None, lang="zh_CN")
        assert shown >= SPACES * 7 * 10  # every space, every day of a full week
        return shown

    return run
