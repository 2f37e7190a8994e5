"""The database itself refuses a double booking of an exclusive space, even for code that
skips the booking service: PostgreSQL's exclusion constraint, SQLite's triggers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.db import Database
from desktop.models import Booking, Space

DAY = dt.datetime(2026, 12, 2)


def _space(database: Database, *, exclusive: bool) -> int:
    with database.transaction() as session:
        space = Space(name=f"room {exclusive}", kind="tea_room", colour="#557755", capacity=12,
                      exclusive=exclusive, slot_minutes=30, min_minutes=30, max_minutes=240,
                      buffer_minutes=0, advance_days=60, active=True, sort_order=0)
        session.add(space)
        session.flush()
        return space.id


def _book(database: Database, space_id: int, start: int, end: int, *, exclusive: bool = True,
          status: str = "confirmed") -> int:
    with database.transaction() as session:
        booking = Booking(space_id=space_id, exclusive=exclusive, starts=DAY.replace(hour=start),
                          ends=DAY.replace(hour=end), party_size=2, status=status,
                          created_by="test", created_at=DAY)
        session.add(booking)
        session.flush()
        return booking.id


def test_an_overlapping_insert_is_refused_by_the_database(database: Database) -> None:
    room = _space(database, exclusive=True)
    _book(database, room, 15, 17)
    for start, end in [(16, 18), (14, 16), (15, 17), (14, 18), (15, 16)]:
        with pytest.raises(DBAPIError):
            _book(database, room, start, end)
    with database.transaction(write=False) as session:
        assert session.scalar(text("SELECT count(*) FROM booking")) == 1


def test_back_to_back_cancelled_and_shared_bookings_pass(database: Database) -> None:
    room = _space(database, exclusive=True)
    pond = _space(database, exclusive=False)
    _book(database, room, 15, 17)
    _book(database, room, 17, 19)  # half-open: ending at 17 and starting at 17 do not clash
    _book(database, room, 13, 15)
    _book(database, room, 15, 17, status="cancelled")
    _book(database, pond, 7, 11, exclusive=False)
    _book(database, pond, 8, 10, exclusive=False)  # seats: the service counts them, not this guard


def test_moving_a_booking_onto_another_is_refused(database: Database) -> None:
    room = _space(database, exclusive=True)
    _book(database, room, 15, 17)
    other = _book(database, room, 18, 19)
    with pytest.raises(DBAPIError), database.transaction() as session:
        session.execute(text("UPDATE booking SET starts = :s WHERE id = :id"),
                        {"s": DAY.replace(hour=16), "id": other})
    cancelled = _book(database, room, 15, 16, status="cancelled")
    with pytest.raises(DBAPIError), database.transaction() as session:
        session.execute(text("UPDATE booking SET status = 'confirmed' WHERE id = :id"),
                        {"id": cancelled})


def test_the_sqlite_guards_exist_at_head(sqlite_database: Database) -> None:
    with sqlite_database.transaction(write=False) as session:
        rows = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        triggers = {str(name): str(sql) for name, sql in rows}
    assert {"booking_no_overlap_insert", "booking_no_overlap_update"} <= set(triggers)
    # Bounded to the bookings that end after the new one starts, not the space's history.
    assert all("INDEXED BY ix_booking_space_ends" in triggers[name]
               for name in ("booking_no_overlap_insert", "booking_no_overlap_update"))
