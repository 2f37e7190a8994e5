"""Review → Events: registration against attendance and waitlist pressure, per event and by
kind.  Counts are people as the events view counts them (desktop/events/stats.py: a
registration with two companions is three people; only events that are over, cancelled
events left out).  The counting is stats.py's; the query reads only the window's events,
where list_events groups every registration of every event (too slow on 5,000 events)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select

from desktop.events.service import kind_label
from desktop.i18n import Message
from desktop.models.booking import Booking
from desktop.models.event import CheckIn, Event, Registration
from desktop.permissions import Permission
from desktop.review.common import Count, Drill, day_range
from desktop.services import Tx, service


@dataclass(frozen=True)
class EventRow:
    event_id: int
    title: str
    kind: str
    kind_label: Message
    starts: dt.datetime
    capacity: int
    registered: Count  # people holding a place (drill: the registrations)
    checked_in: Count  # people who came
    waitlisted: Count  # people still on the waitlist when it ran

    @property
    def attendance_rate(self) -> float | None:
        return self.checked_in.value / self.registered.value if self.registered.value else None

    @property
    def pressure(self) -> float:
        """Waitlisted people per place: 0.5 = half as many again wanted in."""
        return self.waitlisted.value / self.capacity if self.capacity else 0.0


@dataclass(frozen=True)
class KindRow:
    kind: str
    label: Message
    events: Count  # drill: no people list; None
    capacity: int
    registered: int
    checked_in: int
    waitlisted: int

    @property
    def attendance_rate(self) -> float | None:
        return self.checked_in / self.registered if self.registered else None

    @property
    def pressure(self) -> float:
        return self.waitlisted / self.capacity if self.capacity else 0.0

    @property
    def fill_rate(self) -> float | None:
        return self.registered / self.capacity if self.capacity else None


@dataclass(frozen=True)
class EventsReview:
    first: dt.date
    last: dt.date
    events: tuple[EventRow, ...]  # events over in the window, earliest first
    by_kind: tuple[KindRow, ...]  # most attended (rate) first
    registered: int
    checked_in: int
    waitlisted: int
    capacity: int

    @property
    def attendance_rate(self) -> float | None:
        return self.checked_in / self.registered if self.registered else None

    @property
    def pressure(self) -> float:
        return self.waitlisted / self.capacity if self.capacity else 0.0


def _people(event_id: int, which: str, value: int) -> Count:
    return Count(value, Drill("event_people", (("event_id", event_id), ("which", which))))


def _over(tx: Tx, first: dt.date, last: dt.date) -> list[tuple[Any, ...]]:
    """(id, title, kind, starts, capacity, registered, waitlisted, checked_in) of the
    scheduled events that started in the window and are over, counted as list_events counts
    (people: a registration and its companions) but only over the window's registrations:
    one pass over the window's events and their registrations."""
    start, end = day_range(first, last)
    now = tx.clock.now()
    people = 1 + Registration.companions
    came = exists().where(CheckIn.registration_id == Registration.id,
                          CheckIn.annulled_at.is_(None))

    def total(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((condition, people), else_=0)), 0)

    stmt = (select(Event.id, Event.title, Event.kind, Booking.starts, Event.capacity,
                   total(Registration.status == "registered"),
                   total(Registration.status == "waitlisted"), total(came))
            .select_from(Event).join(Booking, Booking.event_id == Event.id)
            .outerjoin(Registration, Registration.event_id == Event.id)
            .where(Event.status == "scheduled", Booking.starts >= start, Booking.starts < end,
                   Booking.ends <= now)
            .group_by(Event.id, Booking.id, Booking.starts, Event.title, Event.kind,
                      Event.capacity)
            .order_by(Booking.starts, Event.id))
    return [tuple(row) for row in tx.session.execute(stmt)]


@service(Permission.REVIEW_AND_AUDIT, write=False)
def events_review(tx: Tx, first: dt.date, last: dt.date) -> EventsReview:
    """Events that started in [first, last] and are over by now, with the counts of the
    events view and desktop/events/stats.py (only the window's registrations are read)."""
    over = _over(tx, first, last)
    labels: dict[str, Message] = {}
    rows = tuple(EventRow(eid, title, kind, labels.setdefault(kind, kind_label(kind)), starts,
                          capacity,
                          _people(eid, "registered", int(registered)),
                          _people(eid, "checked_in", int(checked_in)),
                          _people(eid, "waitlisted", int(waitlisted)))
                 for eid, title, kind, starts, capacity, registered, waitlisted, checked_in
                 in over)
    totals: dict[str, list[int]] = {}
    for row in rows:
        counts = totals.setdefault(row.kind, [0, 0, 0, 0, 0])
        for index, value in enumerate((1, row.capacity, row.registered.value,
                                       row.checked_in.value, row.waitlisted.value)):
            counts[index] += value
    kinds = [KindRow(kind, kind_label(kind), Count(c[0]), c[1], c[2], c[3], c[4])
             for kind, c in totals.items()]
    kinds.sort(key=lambda k: (-(k.attendance_rate or 0.0), k.kind))
    return EventsReview(
        first=first, last=last, events=rows, by_kind=tuple(kinds),
        registered=sum(r.registered.value for r in rows),
        checked_in=sum(r.checked_in.value for r in rows),
        waitlisted=sum(r.waitlisted.value for r in rows),
        capacity=sum(r.capacity for r in rows))
