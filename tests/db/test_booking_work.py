"""How much work one booking costs (issue 4's benchmark), kept from creeping back: the number of
SQL statements of a booking, the index its overlap search uses, and the SQLite guard's bounded
window (which must still refuse every overlap)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from desktop.booking.service import BookingRequest, create_booking, get_booking
from desktop.db import Database
from desktop.models import Booking, Space
from desktop.services import Context
from tests.helpers.booking_race import make_members, make_spaces

DAY = dt.date(2026, 11, 30)  # a Monday after the fixed test date


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def test_a_booking_reads_little_and_returns_what_it_wrote(desk_ctx: Context,
                                                          owner_ctx: Context) -> None:
    spaces = make_spaces(owner_ctx)
    members = make_members(owner_ctx)
    room = spaces["Small tea room"]
    request = BookingRequest(room.id, at(DAY, "10:00"), at(DAY, "11:30"), party_size=3,
                             member_id=members["zhang"], purpose="  tea   tasting ")
    with statements(desk_ctx.database) as seen:
        view = create_booking(desk_ctx, request)
    selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    # the space, its hours, the member with their periods, the settings, the bookings and
    # closures near, the same booking already made (it was 11 before issue 4's benchmark)
    assert len(selects) <= 7, selects
    assert sum("FROM setting" in s for s in seen) == 1
    assert view == get_booking(desk_ctx, view.id)  # built from data in hand, yet the same
    assert (view.space_name, view.member_name, view.purpose) == (
        "Small tea room", "张建华", "tea tasting")


def test_the_overlap_search_uses_the_space_and_start_index(sqlite_database: Database) -> None:
    with sqlite_database.transaction(write=False) as session:
        plan = session.execute(text(
            "EXPLAIN QUERY PLAN SELECT booking.id FROM booking LEFT OUTER JOIN member"
            " ON member.id = booking.member_id WHERE booking.space_id = 1"
            " AND booking.status IN ('confirmed', 'checked_in')"
            " AND booking.starts >= '2026-12-01' AND booking.starts < '2026-12-02 12:00'"
            " AND booking.ends > '2026-12-02 10:00'")).all()
    detail = " ".join(str(row[-1]) for row in plan)
    assert "ix_booking_space_starts" in detail and "starts>" in detail, detail


def _insert(database: Database, space_id: int, starts: dt.datetime, ends: dt.datetime) -> None:
    with database.transaction() as session:
        session.add(Booking(space_id=space_id, exclusive=True, starts=starts, ends=ends,
                            party_size=2, status="confirmed", created_by="test",
                            created_at=starts))
        session.flush()


def test_the_guard_refuses_overlaps_however_long_the_future(database: Database,
                                                            owner_ctx: Context) -> None:
    """The SQLite trigger now searches a bounded window: it must still catch every overlap
    (PostgreSQL's exclusion constraint is checked the same way)."""
    room = make_spaces(owner_ctx)["Small tea room"].id
    for days in range(0, 200, 7):  # a long future, which the SQLite guard no longer walks
        _insert(database, room, at(DAY + dt.timedelta(days=days), "20:00"),
                at(DAY + dt.timedelta(days=days), "22:00"))
    _insert(database, room, at(DAY + dt.timedelta(days=1), "00:00"),
            at(DAY + dt.timedelta(days=2), "00:00"))  # a whole day (the longest there is)
    for starts, ends in [(at(DAY + dt.timedelta(days=1), "23:30"),
                          at(DAY + dt.timedelta(days=1), "23:45")),
                         (at(DAY + dt.timedelta(days=70), "21:59"),
                          at(DAY + dt.timedelta(days=70), "23:00")),
                         (at(DAY + dt.timedelta(days=196), "19:00"),
                          at(DAY + dt.timedelta(days=196), "20:01"))]:
        with pytest.raises(DBAPIError):
            _insert(database, room, starts, ends)
    _insert(database, room, at(DAY + dt.timedelta(days=2), "00:00"),
            at(DAY + dt.timedelta(days=2), "09:00"))  # back to back after the whole day


def test_sqlite_refuses_an_exclusive_booking_longer_than_a_day(
        sqlite_database: Database) -> None:
    """What keeps the bounded window exact for code that skips the service."""
    with sqlite_database.transaction() as session:
        space = Space(name="room", kind="tea_room", colour="#557755", capacity=6,
                      exclusive=True, slot_minutes=30, min_minutes=30, max_minutes=240,
                      buffer_minutes=0, advance_days=60, active=True, sort_order=0)
        session.add(space)
        session.flush()
        room = space.id
    with pytest.raises(DBAPIError, match="longer than a day"):
        _insert(sqlite_database, room, at(DAY, "09:00"), at(DAY + dt.timedelta(days=1), "09:01"))
    _insert(sqlite_database, room, at(DAY, "00:00"), at(DAY + dt.timedelta(days=1), "00:00"))
