"""Property-based: any sequence of create / move / resize / cancel / series create and edit
leaves no overlap on an exclusive space, no moment over capacity on a seat-based one, every
buffer kept, and every refused operation changes nothing (hypothesis' stateful testing, the
CI profile of conftest)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import delete, select

from desktop.booking.lifecycle import cancel_booking
from desktop.booking.rules import SpaceView, peak_seats
from desktop.booking.series import SeriesRequest, create_series, edit_series
from desktop.booking.service import BookingRequest, create_booking, move_booking
from desktop.errors import DomainError
from desktop.models.booking import Booking
from desktop.services import Context
from tests.helpers.booking_race import DAY, make_members, make_spaces

SPACES = ("Small tea room", "Fishing pond", "Meeting room")
CHOICES = ("Small tea room", "Fishing pond", "Fishing pond", "Meeting room", "Meeting room")
# Mostly valid whole hours between 09:00 and 17:00 on one day, so that bookings collide
# often; now and then a half hour (off the pond's grid), an early hour, or the next day.
starts = st.builds(
    lambda day, hours, half: dt.datetime.combine(DAY + dt.timedelta(days=day), dt.time(9))
    + dt.timedelta(hours=hours, minutes=30 * half),
    st.sampled_from((0, 0, 0, 1)), st.integers(-3, 8), st.sampled_from((0, 0, 0, 1)))
durations = st.sampled_from([dt.timedelta(minutes=m)
                             for m in (60, 60, 120, 120, 180, 30, 90, 0, -60, 300)])
parties = st.sampled_from((1, 2, 4, 5, 6, 6, 0, 13))


Row = tuple[int, int, dt.datetime, dt.datetime, int, str]


def snapshot(ctx: Context) -> list[Row]:
    with ctx.database.transaction(write=False) as session:
        return [tuple(r) for r in session.execute(  # type: ignore[misc]
            select(Booking.id, Booking.space_id, Booking.starts, Booking.ends,
                   Booking.party_size, Booking.status).order_by(Booking.id))]


class Desk(RuleBasedStateMachine):
    """One desk at work; the database is emptied of bookings at the start of each run."""

    bookings = Bundle("bookings")

    def __init__(self, ctx: Context, spaces: dict[str, SpaceView], member: int) -> None:
        super().__init__()
        self.ctx, self.spaces, self.member = ctx, spaces, member
        with ctx.database.transaction() as session:
            session.execute(delete(Booking))
        self.by_id = {s.id: s for s in spaces.values()}

    def _attempt(self, action: Any) -> Any:
        before = snapshot(self.ctx)
        try:
            return action()
        except DomainError:  # BookingRefused and bad input alike
            assert snapshot(self.ctx) == before, "a refused operation changed something"
            return None

    @rule(target=bookings, space=st.sampled_from(CHOICES), start=starts, length=durations,
          party=parties)
    def create_any(self, space: str, start: dt.datetime, length: dt.timedelta,
                   party: int) -> int:
        return self.create(space, start, length, party)

    def create(self, space: str, start: dt.datetime, length: dt.timedelta, party: int) -> int:
        made = self._attempt(lambda: create_booking(self.ctx, BookingRequest(
            self.spaces[space].id, start, start + length, party, member_id=self.member)))
        return made.id if made else -1

    @rule(target=bookings, space=st.sampled_from(("Fishing pond", "Meeting room")),
          hour=st.integers(9, 15), hours=st.integers(1, 3), party=st.integers(3, 6))
    def crowd(self, space: str, hour: int, hours: int, party: int) -> int:
        """Valid times only, in the spaces where seats and buffers can go wrong."""
        start = dt.datetime.combine(DAY, dt.time(hour))
        return self.create(space, start, dt.timedelta(hours=hours), party)

    @rule(target=bookings, space=st.sampled_from(SPACES), hour=st.integers(8, 16),
          hours=st.integers(1, 3), party=st.integers(1, 6))
    def series(self, space: str, hour: int, hours: int, party: int) -> Any:
        """Two days running at the same time, skipping the dates in conflict."""
        start = dt.datetime.combine(DAY, dt.time(hour))
        made = self._attempt(lambda: create_series(self.ctx, SeriesRequest(
            self.spaces[space].id, start, 60 * hours, "FREQ=DAILY;COUNT=2", party,
            member_id=self.member), skip_conflicts=True))
        return multiple(*made.booked) if made else multiple()

    @rule(booking=bookings, hour=st.integers(8, 16), hours=st.integers(0, 3),
          scope=st.sampled_from(("one", "following", "all")), skip=st.booleans())
    def edit(self, booking: int, hour: int, hours: int, scope: str, skip: bool) -> None:
        if booking != -1:
            self._attempt(lambda: edit_series(self.ctx, booking, scope, dt.time(hour),
                                              60 * hours, skip_conflicts=skip))

    @rule(booking=bookings, start=starts, space=st.sampled_from((None, *SPACES)))
    def move(self, booking: int, start: dt.datetime, space: str | None) -> None:
        rows = {r[0]: r for r in snapshot(self.ctx)}
        if booking not in rows:
            return
        length = rows[booking][3] - rows[booking][2]
        target = None if space is None else self.spaces[space].id
        self._attempt(lambda: move_booking(self.ctx, booking, start, start + length,
                                           space_id=target))

    @rule(booking=bookings, length=durations)
    def resize(self, booking: int, length: dt.timedelta) -> None:
        rows = {r[0]: r for r in snapshot(self.ctx)}
        if booking not in rows:
            return
        self._attempt(lambda: move_booking(self.ctx, booking, rows[booking][2],
                                           rows[booking][2] + length))

    @rule(booking=bookings)
    def cancel(self, booking: int) -> None:
        if booking != -1:
            self._attempt(lambda: cancel_booking(self.ctx, booking, "property test"))

    @invariant()
    def never_double_booked_nor_over_capacity(self) -> None:
        active = [r for r in snapshot(self.ctx) if r[5] in ("confirmed", "checked_in")]
        for space in self.spaces.values():
            mine = sorted((r for r in active if r[1] == space.id), key=lambda r: r[2])
            if space.exclusive:
                gap = dt.timedelta(minutes=space.buffer_minutes)
                for first, second in itertools.pairwise(mine):
                    assert second[2] >= first[3] + gap, (space.name, first, second)
            else:
                peak, _at = peak_seats((r[2], r[3], r[4]) for r in mine)
                assert peak <= space.capacity, (space.name, peak)


@pytest.mark.slow
def test_any_sequence_keeps_the_spaces_consistent(owner_ctx: Context, desk_ctx: Context) -> None:
    spaces = make_spaces(owner_ctx)
    member = make_members(owner_ctx)["zhang"]
    run_state_machine_as_test(lambda: Desk(desk_ctx, spaces, member),  # type: ignore[arg-type]
                              settings=settings(stateful_step_count=40))
