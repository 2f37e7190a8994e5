"""The demo's events: made through the services around today, past ones with who came, the
weekly reading club with registrations per date, a talk nearly full with a waitlist, visits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from desktop.clock import FixedClock
from desktop.db import Database
from desktop.demo import fill_demo
from desktop.events.registrations import list_registrations
from desktop.events.service import list_events
from desktop.events.visits import list_visits
from desktop.models.event import CheckIn, Registration
from desktop.security import Hasher
from tests.db.test_booking_demo import _owner


def test_the_demo_has_past_and_upcoming_events_a_reading_club_and_visits(
        database: Database, clock: FixedClock, hasher: Hasher) -> None:
    made = fill_demo(database, clock=clock, hasher=hasher)
    assert any("reading club dates" in line.render("en") for line in made)
    ctx = _owner(database, clock, hasher)
    now = clock.now()
    events = list_events(ctx)
    kinds = {e.kind for e in events}
    assert {"tea_tasting", "fishing", "talk", "reading_club"} <= kinds

    past = [e for e in events if e.ends <= now]
    upcoming = [e for e in events if e.starts > now]
    assert len(past) >= 4 and len(upcoming) >= 6
    assert all(e.checked_in > 0 for e in past)  # every past event has who came
    assert all(e.checked_in == 0 for e in upcoming)
    came = [r for e in past for r in list_registrations(ctx, e.id) if r.checked_in_at]
    assert all(e.starts - dt.timedelta(minutes=30) <= r.checked_in_at <= e.ends
               for e in past for r in list_registrations(ctx, e.id) if r.checked_in_at)
    assert len(came) >= 15

    club = [e for e in events if e.kind == "reading_club"]
    assert len(club) >= 8 and len({e.series_id for e in club}) == 1
    assert len({e.id for e in club}) == len(club)  # each date its own event
    assert {e.starts.weekday() for e in club} == {3} and {e.space_name for e in club} == {
        "图书馆"}
    tonight = [e for e in club if e.starts.date() == now.date()]
    assert tonight and tonight[0].registered > 0  # the door mode has something tonight
    assert sum(1 for e in club if e.registered) >= 5  # registrations per date

    tea = [e for e in upcoming if e.kind == "tea_tasting"]
    assert tea and all(e.has_fee for e in tea)
    assert any(e.kind == "fishing" and e.space_name == "钓台" for e in upcoming)
    [talk] = [e for e in upcoming if e.kind == "talk"]
    assert talk.space_name.startswith("会议室")
    assert talk.capacity - talk.registered <= 2 and talk.waitlisted > 0  # nearly full

    with database.transaction(write=False) as session:
        walk_ins = session.scalar(select(func.count()).select_from(Registration)
                                  .where(Registration.walk_in))
        check_ins = session.scalar(select(func.count()).select_from(CheckIn))
        guests = session.scalar(select(func.count()).select_from(Registration)
                                .where(Registration.guest_name.is_not(None)))
    assert walk_ins and check_ins == len(came) and guests
    visits = list_visits(ctx, now.date() - dt.timedelta(days=30), now.date())
    assert sum(1 for v in visits if v.source == "desk") >= 5
