"""Event statistics for the owner's review: how many who registered came, who registers and
does not come, and which kinds of event draw people.

Only events that are over count (an event under way has not had its no-shows yet), and
cancelled events do not count at all.  People are counted as the events view counts them: a
registration with two companions is three people; a walk-in is registered and came.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from desktop.events.service import EventView, list_events
from desktop.models.booking import Booking
from desktop.models.event import CheckIn, Event, Registration
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when there was nobody to count (not a 0 % or a 100 %)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class EventAttendance:
    event_id: int
    title: str
    kind: str
    starts: dt.datetime
    registered: int  # people holding a place when the event ran
    checked_in: int  # people who came

    @property
    def rate(self) -> float | None:
        return rate(self.checked_in, self.registered)


@dataclass(frozen=True)
class MemberNoShows:
    member_id: int
    number: str
    name: str
    registered: int  # registrations for events that are over
    no_shows: int  # of those, not checked in

    @property
    def rate(self) -> float | None:
        return rate(self.no_shows, self.registered)


@dataclass(frozen=True)
class KindAttendance:
    kind: str
    events: int
    registered: int
    checked_in: int

    @property
    def rate(self) -> float | None:
        return rate(self.checked_in, self.registered)


def _over(tx: Tx, first_day: dt.date | None, last_day: dt.date | None) -> list[EventView]:
    now = tx.clock.now()
    return [e for e in list_events(tx, first_day, last_day, include_cancelled=False)
            if e.ends <= now]


@service(Permission.REVIEW_AND_AUDIT, write=False)
def attendance_by_event(tx: Tx, first_day: dt.date | None = None,
                        last_day: dt.date | None = None) -> list[EventAttendance]:
    """Registered against checked-in people for each event that is over, earliest first."""
    return [EventAttendance(e.id, e.title, e.kind, e.starts, e.registered, e.checked_in)
            for e in _over(tx, first_day, last_day)]


@service(Permission.REVIEW_AND_AUDIT, write=False)
def attendance_by_kind(tx: Tx, first_day: dt.date | None = None,
                       last_day: dt.date | None = None) -> list[KindAttendance]:
    """The per-event counts summed by kind of event, the best attended first."""
    totals: dict[str, list[int]] = {}
    for event in attendance_by_event(tx, first_day, last_day):
        counts = totals.setdefault(event.kind, [0, 0, 0])
        counts[0] += 1
        counts[1] += event.registered
        counts[2] += event.checked_in
    kinds = [KindAttendance(kind, *counts) for kind, counts in totals.items()]
    kinds.sort(key=lambda k: (-(k.rate or 0.0), k.kind))
    return kinds


@service(Permission.REVIEW_AND_AUDIT, write=False)
def no_shows_by_member(tx: Tx, first_day: dt.date | None = None,
                       last_day: dt.date | None = None, *,
                       limit: int = 200) -> list[MemberNoShows]:
    """Members who registered for events that are over and did not check in: the most
    no-shows first.  A registration cancelled in time is not a no-show; members with none
    are left out."""
    came = func.count(CheckIn.id) > 0
    per_registration = (
        select(Registration.id.label("registration_id"), Registration.member_id,
               case((came, 1), else_=0).label("came"))
        .join(Event, Event.id == Registration.event_id)
        .join(Booking, and_(Booking.event_id == Event.id, Booking.status != "cancelled"))
        .outerjoin(CheckIn, and_(CheckIn.registration_id == Registration.id,
                                 CheckIn.annulled_at.is_(None)))
        .where(Registration.member_id.is_not(None), Registration.status == "registered",
               Event.status == "scheduled", Booking.ends <= tx.clock.now())
        .group_by(Registration.id, Registration.member_id))
    if first_day is not None:
        per_registration = per_registration.where(
            Booking.starts >= dt.datetime.combine(first_day, dt.time()))
    if last_day is not None:
        per_registration = per_registration.where(
            Booking.starts < dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time()))
    rows = per_registration.subquery()
    missed = func.sum(1 - rows.c.came)
    stmt = (select(Member.id, Member.number, Member.name, func.count(rows.c.registration_id),
                   missed)
            .join(rows, rows.c.member_id == Member.id)
            .group_by(Member.id, Member.number, Member.name, Member.sort_name)
            .having(missed > 0)
            .order_by(missed.desc(), Member.sort_name, Member.id)
            .limit(limit))
    return [MemberNoShows(mid, number, name, int(total), int(missed_count))
            for mid, number, name, total, missed_count in tx.session.execute(stmt)]
