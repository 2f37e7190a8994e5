"""Events: each occurrence is an Event row with its own space booking.

Creating an event books its space through the booking service (``book_for_event``: the same
space rules and conflict messages as any booking, no member rules, no advance window); a
recurring event (the weekly reading club) is a booking series whose every booked occurrence
gets its own Event, so registrations, rosters and ``print roster --event ID`` are per date.
Moving an event moves its booking (``move_booking``); cancelling it cancels the booking.

Counts on a view are people: a registration with two companions is three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select

from desktop.booking.lifecycle import cancel_booking
from desktop.booking.series import (
    Occurrence,
    SeriesRequest,
    create_series,
    preview_series,
)
from desktop.booking.service import book_for_event, booking_row, move_booking
from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, msg
from desktop.models.booking import Booking, Space
from desktop.models.event import CheckIn, Event, Registration
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service

EVENT_KINDS = ("reading_club", "tea_tasting", "fishing", "talk", "workshop", "networking",
               "dinner", "games", "orchard", "other")


def kind_label(kind: str) -> Message:
    labels = {
        "reading_club": msg("Reading club"), "tea_tasting": msg("Tea tasting"),
        "fishing": msg("Fishing outing"), "talk": msg("Talk"), "workshop": msg("Workshop"),
        "networking": msg("Networking"), "dinner": msg("Dinner"), "games": msg("Game night"),
        "orchard": msg("Orchard day"), "other": msg("Other"),
    }
    return labels.get(kind, msg("Other"))


@dataclass(frozen=True)
class EventInput:
    title: str
    kind: str
    space_id: int
    starts: dt.datetime
    ends: dt.datetime
    capacity: int
    fee: Decimal | str | int = Decimal("0")
    description: str | None = None
    host_member_id: int | None = None


@dataclass(frozen=True)
class EventView:
    id: int
    title: str
    kind: str
    description: str | None
    host_member_id: int | None
    host_name: str | None
    space_id: int
    space_name: str
    booking_id: int
    starts: dt.datetime
    ends: dt.datetime
    capacity: int
    fee: Decimal
    status: str
    series_id: int | None
    registered: int  # people (registrations and their companions)
    waitlisted: int
    checked_in: int

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.registered, 0)

    @property
    def has_fee(self) -> bool:
        return self.fee > 0


@dataclass(frozen=True)
class _Clean:
    title: str
    kind: str
    capacity: int
    fee: Decimal
    description: str | None


def _check(tx: Tx, data: EventInput) -> _Clean:
    """Field-level checks the booking rules do not make (those come from book_for_event)."""
    title = " ".join((data.title or "").split())
    if not title:
        raise DomainError(msg("Give the event a title."), field="title")
    if len(title) > 120:
        raise DomainError(msg("A title has at most 120 characters."), field="title")
    if data.kind not in EVENT_KINDS:
        raise DomainError(msg("Choose the kind of event."), field="kind")
    if data.capacity < 1:
        raise DomainError(msg("An event needs room for at least one person."),
                          field="capacity")
    try:
        fee = Decimal(str(data.fee)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise DomainError(msg("The fee must be an amount such as 80 or 80.50."),
                          field="fee") from None
    if fee < 0:
        raise DomainError(msg("The fee cannot be negative."), field="fee")
    if data.ends <= data.starts:
        raise DomainError(msg("The end must be after the start."), field="ends")
    if data.host_member_id is not None and tx.session.get(Member, data.host_member_id) is None:
        raise NotFound(msg("That member does not exist."), field="host_member_id")
    description = (data.description or "").strip() or None
    return _Clean(title, data.kind, data.capacity, fee, description)


def _new_event(tx: Tx, clean: _Clean, data: EventInput, series_id: int | None) -> Event:
    event = Event(title=clean.title, kind=clean.kind, description=clean.description,
                  host_member_id=data.host_member_id, capacity=clean.capacity, fee=clean.fee,
                  status="scheduled", series_id=series_id, created_by=tx.actor.username,
                  created_at=tx.clock.now())
    tx.session.add(event)
    tx.session.flush()
    return event


def _series_request(data: EventInput, clean: _Clean, rrule: str) -> SeriesRequest:
    minutes = int((data.ends - data.starts).total_seconds() // 60)
    return SeriesRequest(space_id=data.space_id, first_start=data.starts,
                         duration_minutes=minutes, rrule=rrule, party_size=clean.capacity,
                         purpose=clean.title, for_event=True)


@service(Permission.RUN_EVENTS, write=False)
def preview_event_series(tx: Tx, data: EventInput, rrule: str) -> list[Occurrence]:
    """Every date of a recurring event with the space rules each one breaks, before writing."""
    clean = _check(tx, data)
    return preview_series(tx, _series_request(data, clean, rrule))


@service(Permission.RUN_EVENTS)
def create_event(tx: Tx, data: EventInput, *, rrule: str | None = None,
                 skip_conflicts: bool = False) -> list[EventView]:
    """Create an event and book its space; with ``rrule``, one event per free occurrence
    (conflicting dates refused by date unless ``skip_conflicts``).  Earliest first."""
    clean = _check(tx, data)
    if rrule is None:
        event = _new_event(tx, clean, data, None)
        book_for_event(tx, event.id, data.space_id, data.starts, data.ends, clean.capacity,
                       clean.title)
        return [_view_of(tx, event.id)]
    result = create_series(tx, _series_request(data, clean, rrule),
                           skip_conflicts=skip_conflicts)
    made: list[int] = []
    for booking_id in result.booked:
        event = _new_event(tx, clean, data, result.series_id)
        booking_row(tx.session, booking_id).event_id = event.id
        made.append(event.id)
    tx.session.flush()
    return [_view_of(tx, event_id) for event_id in made]


def _event_row(tx: Tx, event_id: int, *, lock: bool = False) -> Event:
    """The event, locked against other desks when ``lock`` (FOR UPDATE on PostgreSQL; SQLite's
    write transaction already holds the database)."""
    stmt = select(Event).where(Event.id == event_id)
    if lock:
        stmt = stmt.with_for_update()
    event = tx.session.scalar(stmt)
    if event is None:
        raise NotFound(msg("That event does not exist."), field="event_id")
    return event


def _booking_of(tx: Tx, event_id: int) -> Booking:
    booking = tx.session.scalar(select(Booking).where(Booking.event_id == event_id)
                                .order_by(Booking.id.desc()).limit(1))
    if booking is None:
        raise NotFound(msg("That event has no booking."), field="event_id")
    return booking


def _registered_people(tx: Tx, event_id: int) -> int:
    """People holding a place (registrations and companions), for the capacity rule."""
    return int(tx.session.scalar(
        select(func.coalesce(func.sum(1 + Registration.companions), 0))
        .where(Registration.event_id == event_id, Registration.status == "registered")) or 0)


@service(Permission.RUN_EVENTS)
def update_event(tx: Tx, event_id: int, data: EventInput) -> EventView:
    """Change an event; a new space or time moves its booking under every space rule, and
    the capacity cannot drop below the people already registered."""
    clean = _check(tx, data)
    event = _event_row(tx, event_id, lock=True)
    if event.status != "scheduled":
        raise DomainError(msg("This event is cancelled; it cannot be changed."))
    taken = _registered_people(tx, event_id)
    if clean.capacity < taken:
        raise DomainError(msg("{count} people are registered; the capacity cannot be lower.",
                              count=taken), field="capacity")
    booking = _booking_of(tx, event_id)
    if (booking.space_id, booking.starts, booking.ends, booking.party_size) != (
            data.space_id, data.starts, data.ends, clean.capacity):
        move_booking(tx, booking.id, data.starts, data.ends, space_id=data.space_id,
                     party_size=clean.capacity)
    booking.purpose = clean.title
    event.title, event.kind, event.description = clean.title, clean.kind, clean.description
    event.host_member_id, event.fee = data.host_member_id, clean.fee
    grew = clean.capacity > event.capacity
    event.capacity = clean.capacity
    tx.session.flush()
    if grew:
        from desktop.events.registrations import promote_waitlist

        promote_waitlist(tx, event_id)
    return _view_of(tx, event_id)


@service(Permission.RUN_EVENTS)
def cancel_event(tx: Tx, event_id: int, reason: str) -> EventView:
    """Cancel an event and free its space; its registrations stay for the record."""
    clean = " ".join((reason or "").split())
    if not clean:
        raise DomainError(msg("Give a reason for cancelling."), field="reason")
    event = _event_row(tx, event_id, lock=True)
    if event.status == "cancelled":
        raise DomainError(msg("This event is already cancelled."))
    booking = _booking_of(tx, event_id)
    # Only a confirmed booking can be cancelled (lifecycle); one already marked arrived keeps
    # its record of the space having been used.
    if booking.status == "confirmed":
        cancel_booking(tx, booking.id, clean, with_event=True)
    event.status = "cancelled"
    tx.session.flush()
    return _view_of(tx, event_id)


def _people(status: str) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((Registration.status == status,
                                        1 + Registration.companions), else_=0)), 0)


def _events_query() -> Select[Event, Booking, str, str, int, int, int]:
    counts = (select(Registration.event_id.label("event_id"),
                     _people("registered").label("registered"),
                     _people("waitlisted").label("waitlisted"))
              .group_by(Registration.event_id).subquery())
    came = (select(Registration.event_id.label("event_id"),
                   func.sum(1 + Registration.companions).label("checked_in"))
            .join(CheckIn, and_(CheckIn.registration_id == Registration.id,
                                CheckIn.annulled_at.is_(None)))
            .group_by(Registration.event_id).subquery())
    return (select(Event, Booking, Space.name, Member.name,
                   func.coalesce(counts.c.registered, 0), func.coalesce(counts.c.waitlisted, 0),
                   func.coalesce(came.c.checked_in, 0))
            .join(Booking, Booking.event_id == Event.id)
            .join(Space, Space.id == Booking.space_id)
            .outerjoin(Member, Member.id == Event.host_member_id)
            .outerjoin(counts, counts.c.event_id == Event.id)
            .outerjoin(came, came.c.event_id == Event.id))


def _view(row: Sequence[Any]) -> EventView:
    event, booking, space_name, host_name, registered, waitlisted, checked_in = row
    return EventView(
        id=event.id, title=event.title, kind=event.kind, description=event.description,
        host_member_id=event.host_member_id, host_name=host_name, space_id=booking.space_id,
        space_name=space_name, booking_id=booking.id, starts=booking.starts, ends=booking.ends,
        capacity=event.capacity, fee=event.fee, status=event.status, series_id=event.series_id,
        registered=int(registered), waitlisted=int(waitlisted), checked_in=int(checked_in))


def _view_of(tx: Tx, event_id: int) -> EventView:
    row = tx.session.execute(_events_query().where(Event.id == event_id)
                             .order_by(Booking.id.desc()).limit(1)).first()
    if row is None:
        raise NotFound(msg("That event does not exist."), field="event_id")
    return _view(row)


@service(Permission.RUN_EVENTS, write=False)
def get_event(tx: Tx, event_id: int) -> EventView:
    return _view_of(tx, event_id)


@service(Permission.RUN_EVENTS, write=False)
def list_events(tx: Tx, first_day: dt.date | None = None, last_day: dt.date | None = None, *,
                include_cancelled: bool = True, search: str | None = None,
                limit: int = 2000) -> list[EventView]:
    """Events whose date lies in [first_day, last_day] (open ends allowed), by start time."""
    stmt = _events_query()
    if first_day is not None:
        stmt = stmt.where(Booking.starts >= dt.datetime.combine(first_day, dt.time()))
    if last_day is not None:
        stmt = stmt.where(Booking.starts < dt.datetime.combine(
            last_day + dt.timedelta(days=1), dt.time()))
    if not include_cancelled:
        stmt = stmt.where(Event.status == "scheduled")
    if search and search.strip():
        needle = f"%{search.strip().casefold()}%"
        stmt = stmt.where(func.lower(Event.title).like(needle))
    stmt = stmt.order_by(Booking.starts, Event.id).limit(limit)
    return [_view(row) for row in tx.session.execute(stmt)]
