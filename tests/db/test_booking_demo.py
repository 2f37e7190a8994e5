"""The demo's spaces and bookings: made through the services, today crowded as in SCENARIOS 1,
and the database itself shows no double booking and no seat overflow."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from desktop.booking.service import list_bookings
from desktop.booking.spaces import list_closures, list_spaces
from desktop.clock import FixedClock
from desktop.db import Database
from desktop.demo import fill_demo
from desktop.models.accounts import Role
from desktop.security import Hasher
from desktop.services import Actor, Context

EXCLUSIVE_OVERLAPS = """
SELECT count(*) FROM booking a JOIN booking b
  ON a.space_id = b.space_id AND a.id < b.id AND a.starts < b.ends AND b.starts < a.ends
JOIN space s ON s.id = a.space_id
WHERE s.exclusive AND a.status IN ('confirmed', 'checked_in')
  AND b.status IN ('confirmed', 'checked_in')
"""
# The seats taken peak at some booking's start: at every start, the active bookings covering it.
SEAT_OVERFLOWS = """
SELECT count(*) FROM (
  SELECT a.id FROM booking a
  JOIN space s ON s.id = a.space_id
  JOIN booking b ON b.space_id = a.space_id AND b.starts <= a.starts AND b.ends > a.starts
  WHERE NOT s.exclusive AND a.status IN ('confirmed', 'checked_in')
    AND b.status IN ('confirmed', 'checked_in')
  GROUP BY a.id, s.capacity
  HAVING sum(b.party_size) > s.capacity
) AS over
"""


def _owner(database: Database, clock: FixedClock, hasher: Hasher) -> Context:
    with database.transaction(write=False) as session:
        owner_id = session.execute(
            text("SELECT id FROM staff_account WHERE username = 'owner'")).scalar_one()
    return Context(database, Actor(owner_id, "owner", "陈晓梅", Role.OWNER), clock=clock,
                   hasher=hasher)


def test_the_demo_has_the_spaces_two_weeks_of_bookings_and_a_crowded_today(
        database: Database, clock: FixedClock, hasher: Hasher) -> None:
    made = fill_demo(database, clock=clock, hasher=hasher)
    assert any("weekly tea club" in line.render("en") for line in made)
    ctx = _owner(database, clock, hasher)
    today = clock.now().date()

    spaces = {s.name: s for s in list_spaces(ctx)}
    assert set(spaces) == {"小茶室", "大茶室", "钓台", "图书馆", "会议室 A", "会议室 B", "果园",
                           "桌游室"}
    assert (spaces["钓台"].capacity, spaces["钓台"].exclusive) == (12, False)
    assert (spaces["图书馆"].capacity, spaces["图书馆"].exclusive) == (20, False)
    assert spaces["小茶室"].exclusive and spaces["大茶室"].exclusive
    assert min(h.opens for h in spaces["钓台"].hours) == dt.time(6)

    # Two weeks around today, every day with bookings; the past ones settled.
    fortnight = list_bookings(ctx, today - dt.timedelta(days=7), today + dt.timedelta(days=7),
                              include_cancelled=True)
    days = {b.starts.date() for b in fortnight}
    assert len(days) == 15
    past = [b for b in fortnight if b.starts.date() < today]
    statuses = {b.status for b in past}
    assert {"checked_in", "no_show", "cancelled"} <= statuses
    assert "confirmed" not in statuses
    assert any(b.status == "cancelled" for b in fortnight if b.starts.date() > today)

    # SCENARIOS 1: the pond from 07:00 with 9 of 12 seats, two tea rooms, a meeting at 14:00.
    todays = list_bookings(ctx, today, today)
    by_space: dict[str, list] = {}
    for b in todays:
        by_space.setdefault(b.space_name, []).append(b)
    pond = by_space["钓台"]
    assert min(b.starts for b in pond).time() == dt.time(7)
    at_nine = dt.datetime.combine(today, dt.time(9))
    assert sum(b.party_size for b in pond if b.starts <= at_nine < b.ends) == 9
    assert len(by_space["小茶室"]) + len(by_space["大茶室"]) >= 2
    assert any(b.starts.time() == dt.time(14) for b in by_space["会议室 A"])
    assert len(by_space["图书馆"]) >= 5
    assert any(b.who == "张建华" for b in pond)
    # The pond's early parties have checked in; the afternoon is still to come.
    assert {b.status for b in pond if b.starts < clock.now()} == {"checked_in"}
    # Tonight's or next Wednesday's tea club is a series.
    club = list_bookings(ctx, today, today + dt.timedelta(days=7), [spaces["大茶室"].id])
    assert any(b.series_id is not None and b.starts.time() == dt.time(19) for b in club)
    assert list_closures(ctx, today, today)


def test_the_demo_never_double_books_nor_overfills(
        database: Database, clock: FixedClock, hasher: Hasher) -> None:
    fill_demo(database, clock=clock, hasher=hasher)
    with database.transaction(write=False) as session:
        total = session.execute(text("SELECT count(*) FROM booking")).scalar_one()
        overlaps = session.execute(text(EXCLUSIVE_OVERLAPS)).scalar_one()
        overflows = session.execute(text(SEAT_OVERFLOWS)).scalar_one()
    assert total > 150
    assert (overlaps, overflows) == (0, 0)


def test_the_seat_check_sql_sees_an_overflow(database: Database) -> None:
    """The check above can fail: a pond overfilled behind the service's back is counted."""
    with database.transaction() as session:
        session.execute(text(
            "INSERT INTO space (id, name, kind, colour, capacity, exclusive, slot_minutes, "
            "min_minutes, max_minutes, buffer_minutes, advance_days, active, sort_order) "
            "VALUES (1, 'pond', 'fishing_pond', '#000000', 3, false, 60, 60, 600, 0, 9, true, 0)"))
        for start, party in (("07:00", 2), ("08:00", 2)):
            session.execute(text(
                "INSERT INTO booking (space_id, exclusive, guest_name, starts, ends, party_size, "
                "status, created_by, created_at) VALUES (1, false, 'x', :s, :e, :p, "
                "'confirmed', 't', :s)"),
                {"s": dt.datetime.fromisoformat(f"2026-11-26 {start}"),
                 "e": dt.datetime(2026, 11, 26, 11), "p": party})
    with database.transaction(write=False) as session:
        assert session.execute(text(SEAT_OVERFLOWS)).scalar_one() == 1
