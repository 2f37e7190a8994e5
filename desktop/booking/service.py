"""Booking, moving and finding free time: the rules of ``rules.py`` applied in one transaction.

Every write path locks what it checks before it reads it: on SQLite the write transaction
begins with BEGIN IMMEDIATE (desktop/db.py), so a second desk waits; on PostgreSQL the space's
row is locked (SELECT ... FOR UPDATE), which serialises every booking of that space and so
also covers seats, buffers and closures (a closure locks the spaces it closes).  The
database's own guard (exclusion constraint / trigger) stays as the last line: when it fires
the desk is told the slot was just taken, never shown a traceback.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.booking import rules
from desktop.booking.rules import (
    BookingRefused,
    ClosureSpan,
    Conflict,
    OpeningRange,
    Proposal,
    SpaceView,
    Taken,
    check_booking,
)
from desktop.booking.spaces import closures_near, space_row, view_of
from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, msg
from desktop.members.keys import display_phone
from desktop.members.service import status_rules
from desktop.members.status import MAY_BOOK, PeriodSpan, Status, member_status
from desktop.models.booking import ACTIVE_STATUSES, Booking, Space, SpaceHours
from desktop.models.members import Member, MembershipPeriod
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.registry import TIME_ZONE
from desktop.settings.store import get_setting


@dataclass(frozen=True)
class BookingRequest:
    """What the quick-booking dialog asks for.  A guest is hosted by ``member_id``."""

    space_id: int
    starts: dt.datetime
    ends: dt.datetime
    party_size: int = 1
    member_id: int | None = None
    guest_name: str | None = None
    purpose: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class BookingView:
    id: int
    space_id: int
    space_name: str
    space_kind: str
    exclusive: bool
    member_id: int | None
    member_name: str | None
    member_number: str | None
    member_phone: str
    guest_name: str | None
    starts: dt.datetime
    ends: dt.datetime
    party_size: int
    purpose: str | None
    status: str
    cancel_reason: str | None
    override_reason: str | None
    checked_in_at: dt.datetime | None
    series_id: int | None
    notes: str | None
    created_by: str
    event_id: int | None = None

    @property
    def who(self) -> str:
        """The member (or their guest); for an event's booking, the event's title."""
        if self.event_id is not None and not (self.member_name or self.guest_name):
            return self.purpose or "—"
        return who_of(self.member_name, self.guest_name)


@dataclass(frozen=True)
class FreeSlot:
    space_id: int
    space_name: str
    starts: dt.datetime
    ends: dt.datetime


@dataclass(frozen=True)
class Alternatives:
    """What to offer when a slot is taken: nearby times here, the same time elsewhere."""

    same_space: tuple[FreeSlot, ...]
    other_spaces: tuple[FreeSlot, ...]


def who_of(member_name: str | None, guest_name: str | None, event_title: str | None = None) -> str:
    if guest_name and member_name:
        return f"{guest_name} ({member_name})"
    return member_name or guest_name or event_title or "—"


# The queries of one booking, built once (with bind parameters): building a select costs
# more than SQLite takes to run it, and a booking runs several.
_TAKEN = (
    select(Booking.id, Booking.starts, Booking.ends, Booking.party_size, Member.name,
           Booking.guest_name, Booking.purpose, Booking.event_id)
    .outerjoin(Member, Member.id == Booking.member_id)
    .where(Booking.space_id == bindparam("space_id"), Booking.status.in_(ACTIVE_STATUSES),
           Booking.starts >= bindparam("earliest"), Booking.starts < bindparam("high"),
           Booking.ends > bindparam("low"))
)
_TAKEN_BUT = _TAKEN.where(Booking.id != bindparam("exclude_id"))


def taken_near(session: Session, space: SpaceView, starts: dt.datetime, ends: dt.datetime,
               exclude_id: int | None = None) -> list[Taken]:
    """The space's active bookings touching [starts - buffer, ends + buffer).

    No booking crosses midnight, so none starting a day before the window can reach into it:
    the lower bound lets the (space_id, starts) index do the work on a big table.
    """
    buffer = dt.timedelta(minutes=space.buffer_minutes if space.exclusive else 0)
    low, high = starts - buffer, ends + buffer
    params = {"space_id": space.id, "earliest": low - dt.timedelta(days=1), "high": high,
              "low": low}
    if exclude_id is None:
        rows = session.execute(_TAKEN, params)
    else:
        rows = session.execute(_TAKEN_BUT, {**params, "exclude_id": exclude_id})
    return [Taken(i, s, e, p, who_of(m, g, purpose if event else None))
            for i, s, e, p, m, g, purpose, event in rows]


def closure_spans(session: Session, space_id: int, starts: dt.datetime,
                  ends: dt.datetime) -> list[ClosureSpan]:
    return [ClosureSpan(c.id, c.starts, c.ends, c.reason, c.space_id is None)
            for c in closures_near(session, space_id, starts, ends)]


def _venue_zone(tx: Tx) -> zoneinfo.ZoneInfo | None:
    try:
        return zoneinfo.ZoneInfo(str(get_setting(tx, TIME_ZONE.name)))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


# The member's name, number and phone as a view needs them: columns, not the Member object,
# whose tags, periods and payments would be loaded with it.
PERSON = (Member.name, Member.number, Member.phone)
Person = tuple[str | None, str | None, str | None]
NOBODY: Person = (None, None, None)


_MEMBER = (
    select(*PERSON, Member.erased_at, Member.suspended_from, Member.suspended_until,
           MembershipPeriod.starts_on, MembershipPeriod.ends_on)
    .outerjoin(MembershipPeriod, and_(MembershipPeriod.member_id == Member.id,
                                      MembershipPeriod.voided.is_(False)))
    .where(Member.id == bindparam("member_id"))
)


def _member_problem(tx: Tx, member_id: int | None, guest_name: str | None) -> Message | None:
    """Why this person may not book (None when they may); unknown members are NotFound."""
    return _member_check(tx, member_id, guest_name)[0]


def _member_check(tx: Tx, member_id: int | None,
                  guest_name: str | None) -> tuple[Message | None, Person]:
    """Why this person may not book (None when they may), and the member's name, number and
    phone for the booking's view; unknown members are NotFound.

    One narrow query: the member's columns beside each live period (an outer join, so a
    member without periods is one row of NULL dates), not the Member object and its
    relationships.
    """
    if member_id is None:
        if guest_name:
            return msg("A guest needs a host: choose the member who brings them."), NOBODY
        return msg("Choose the member the booking is for."), NOBODY
    status, person = _standing(tx, member_id)
    if status is None:
        return msg("This member's record was erased; they cannot book."), person
    if status not in MAY_BOOK:
        return msg("{name} is {status} and may not book.", name=person[0],
                   status=status.label), person
    return None, person


def _standing(tx: Tx, member_id: int) -> tuple[Status | None, Person]:
    """The member's status today (None for an erased record) and name, number and phone, in
    one narrow query; NotFound for an unknown member.  Events use it too (a lapsed member
    registering is a warning there, not a refusal)."""
    rows = tx.session.execute(_MEMBER, {"member_id": member_id}).all()
    if not rows:
        raise NotFound(msg("That member does not exist."), field="member_id")
    name, number, phone, erased_at, suspended_from, suspended_until = rows[0][:6]
    person: Person = (name, number, phone)
    if erased_at is not None:
        return None, person
    spans = [PeriodSpan(row.starts_on, row.ends_on) for row in rows if row.starts_on is not None]
    return member_status(spans, tx.clock.now().date(), status_rules(tx),
                         suspended_from=suspended_from, suspended_until=suspended_until), person


def _override(tx: Tx, override_reason: str | None) -> str | None:
    """The cleaned override reason; only an account that may override gives one."""
    if override_reason is None:
        return None
    tx.ctx.require(Permission.BOOK_OVERRIDE)
    clean = " ".join(override_reason.split())
    if not clean:
        raise DomainError(msg("Give a reason for overriding the rules."), field="override_reason")
    return clean[:200]


def _guarded_flush(tx: Tx, space: SpaceView) -> None:
    """Flush; the database's double-booking guard firing means another desk was faster."""
    try:
        tx.session.flush()
    except DBAPIError as error:
        orig = error.orig
        if getattr(orig, "sqlstate", None) == "23P01" or "overlaps another booking" in str(orig):
            raise BookingRefused([Conflict(rules.TAKEN, msg(
                "{space} was just taken at that time by another desk; choose another time.",
                space=space.name))]) from None
        raise


def _view(booking: Booking, name: str | None, number: str | None,
          phone: str | None, space: SpaceView | None = None) -> BookingView:
    """The booking as the calendar shows it; ``space`` (its view, when in hand) saves loading
    the Space row again."""
    if space is None or space.id != booking.space_id:
        space_name, space_kind = booking.space.name, booking.space.kind
    else:
        space_name, space_kind = space.name, space.kind
    return BookingView(
        id=booking.id, space_id=booking.space_id, space_name=space_name,
        space_kind=space_kind, exclusive=booking.exclusive,
        member_id=booking.member_id, member_name=name, member_number=number,
        member_phone=display_phone(phone) if phone else "",
        guest_name=booking.guest_name, starts=booking.starts, ends=booking.ends,
        party_size=booking.party_size, purpose=booking.purpose, status=booking.status,
        cancel_reason=booking.cancel_reason, override_reason=booking.override_reason,
        checked_in_at=booking.checked_in_at, series_id=booking.series_id, notes=booking.notes,
        created_by=booking.created_by, event_id=booking.event_id,
    )


def view_booking(session: Session, booking: Booking) -> BookingView:
    person = None
    if booking.member_id is not None:
        person = session.execute(select(*PERSON).where(Member.id == booking.member_id)).first()
    return _view(booking, *(person or (None, None, None)))


def _clean(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    clean = " ".join(text.split())
    return clean[:limit] or None


def _check_proposal(tx: Tx, space: SpaceView, starts: dt.datetime, ends: dt.datetime,
                   party_size: int, *, member_problem: Message | None,
                   override: bool, exclude_id: int | None = None,
                   check_past: bool = True, for_member: bool = True) -> list[Conflict]:
    """Load what the rules need around [starts, ends) and run them (no permission: a helper
    of the services below, which hold the lock)."""
    if ends <= starts:
        return [Conflict(rules.TIME, msg("The end must be after the start."))]
    return check_booking(
        Proposal(space, starts, ends, party_size), now=tx.clock.now(),
        taken=taken_near(tx.session, space, starts, ends, exclude_id),
        closures=closure_spans(tx.session, space.id, starts, ends),
        zone=_venue_zone(tx), member_problem=member_problem, override=override,
        check_past=check_past, for_member=for_member,
    )


_SPACE = select(Space.id, Space.name, Space.kind, Space.colour, Space.capacity, Space.exclusive,
                Space.slot_minutes, Space.min_minutes, Space.max_minutes, Space.buffer_minutes,
                Space.advance_days, Space.active, Space.sort_order
                ).where(Space.id == bindparam("space_id"))
_SPACE_LOCKED = _SPACE.with_for_update()
_HOURS = (select(SpaceHours.weekday, SpaceHours.opens, SpaceHours.closes)
          .where(SpaceHours.space_id == bindparam("space_id"))
          .order_by(SpaceHours.weekday, SpaceHours.opens))


def _space_view(tx: Tx, space_id: int, *, lock: bool) -> SpaceView:
    """view_of(space_row(...)) in two narrow queries, without the ORM objects: the space's
    row (locked FOR UPDATE on PostgreSQL when ``lock``, as space_row locks it) and its hours."""
    params = {"space_id": space_id}
    row = tx.session.execute(_SPACE_LOCKED if lock else _SPACE, params).first()
    if row is None:
        raise NotFound(msg("That space does not exist."), field="space_id")
    hours = tuple(OpeningRange(*h) for h in tx.session.execute(_HOURS, params))
    return SpaceView(**row._asdict(), hours=hours)


# ---------------------------------------------------------------- writing


@service(Permission.BOOK)
def create_booking(tx: Tx, request: BookingRequest, *,
                   override_reason: str | None = None) -> BookingView:
    """Book a space for a member (or a guest they host) after checking every rule.

    ``override_reason`` (owner only) lifts the rules about time (rules.OVERRIDABLE) and is
    recorded on the booking.
    """
    reason = _override(tx, override_reason)
    space = _space_view(tx, request.space_id, lock=True)
    guest = _clean(request.guest_name, 120)
    problem, person = _member_check(tx, request.member_id, guest)
    conflicts = _check_proposal(tx, space, request.starts, request.ends, request.party_size,
                                member_problem=problem, override=reason is not None)
    if conflicts:
        raise BookingRefused(conflicts)
    _refuse_duplicate(tx, request, guest)
    booking = Booking(
        space_id=space.id, exclusive=space.exclusive, member_id=request.member_id,
        guest_name=guest, starts=request.starts, ends=request.ends,
        party_size=request.party_size, purpose=_clean(request.purpose, 200),
        status="confirmed", override_reason=reason, notes=request.notes or None,
        created_by=tx.actor.username, created_at=tx.clock.now(),
    )
    tx.session.add(booking)
    _guarded_flush(tx, space)
    return _view(booking, *person, space=space)  # all in hand: no query after the write


@service(Permission.RUN_EVENTS)
def book_for_event(tx: Tx, event_id: int, space_id: int, starts: dt.datetime,
                   ends: dt.datetime, seats: int, title: str) -> BookingView:
    """Book a space for an event (DESIGN: who a booking is for): no member rules and no
    advance window, every space rule, under the same lock and guards as any booking.  The
    event service calls it inside its own transaction."""
    space = _space_view(tx, space_id, lock=True)
    conflicts = _check_proposal(tx, space, starts, ends, seats, member_problem=None,
                                override=False, for_member=False)
    if conflicts:
        raise BookingRefused(conflicts)
    booking = Booking(
        space_id=space.id, exclusive=space.exclusive, member_id=None, guest_name=None,
        starts=starts, ends=ends, party_size=seats, purpose=_clean(title, 200),
        status="confirmed", event_id=event_id, created_by=tx.actor.username,
        created_at=tx.clock.now(),
    )
    tx.session.add(booking)
    _guarded_flush(tx, space)
    return _view(booking, None, None, None, space=space)


_SAME = select(Booking.id).where(
    Booking.space_id == bindparam("space_id"), Booking.member_id == bindparam("member_id"),
    Booking.starts == bindparam("starts"), Booking.ends == bindparam("ends"),
    Booking.status.in_(ACTIVE_STATUSES))
_SAME_NO_GUEST = _SAME.where(Booking.guest_name.is_(None))
_SAME_GUEST = _SAME.where(Booking.guest_name == bindparam("guest"))


def _refuse_duplicate(tx: Tx, request: BookingRequest, guest: str | None) -> None:
    """A double-clicked Save (or a desk booking twice what is already there) makes one booking:
    the same person in the same space at the same time is refused, seats or not."""
    params = {"space_id": request.space_id, "member_id": request.member_id,
              "starts": request.starts, "ends": request.ends}
    if guest is None:
        same = tx.session.scalar(_SAME_NO_GUEST, params)
    else:
        same = tx.session.scalar(_SAME_GUEST, {**params, "guest": guest})
    if same is not None:
        raise BookingRefused([Conflict(rules.DUPLICATE, msg(
            "This booking already exists ({when}); it was not made twice.",
            when=rules.when(request.starts, request.ends)), (same,))])


def booking_row(session: Session, booking_id: int) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound(msg("That booking does not exist."), field="booking_id")
    return booking


@service(Permission.BOOK)
def move_booking(tx: Tx, booking_id: int, starts: dt.datetime, ends: dt.datetime, *,
                 space_id: int | None = None, party_size: int | None = None,
                 override_reason: str | None = None) -> BookingView:
    """Move or resize a booking (optionally to another space); every rule is checked again,
    except who it is for (the member was checked when it was made)."""
    reason = _override(tx, override_reason)
    booking = booking_row(tx.session, booking_id)
    target_id = booking.space_id if space_id is None else space_id
    # Lock both spaces in id order, so two desks moving in opposite directions cannot deadlock.
    locked = {sid: space_row(tx.session, sid, lock=True)
              for sid in sorted({booking.space_id, target_id})}
    tx.session.refresh(booking)
    if booking.status not in ACTIVE_STATUSES:
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "This booking is {status}; only a confirmed booking can be moved.",
            status=rules.status_label(booking.status)))])
    space = view_of(locked[target_id])
    seats = booking.party_size if party_size is None else party_size
    # Extending a booking that has begun is fine; moving its start into the past is not.
    check_past = starts != booking.starts or target_id != booking.space_id
    conflicts = _check_proposal(tx, space, starts, ends, seats, member_problem=None,
                               override=reason is not None, exclude_id=booking.id,
                               check_past=check_past, for_member=booking.event_id is None)
    if not check_past and ends <= tx.clock.now() and reason is None:
        conflicts.append(Conflict(rules.PAST, msg("{time} has already passed.",
                                                  time=f"{ends:%Y-%m-%d %H:%M}")))
    if conflicts:
        raise BookingRefused(conflicts)
    booking.space_id = target_id
    booking.exclusive = space.exclusive
    booking.starts, booking.ends, booking.party_size = starts, ends, seats
    if reason is not None:
        booking.override_reason = reason
    _guarded_flush(tx, space)
    tx.session.refresh(booking)
    return view_booking(tx.session, booking)


# ---------------------------------------------------------------- reading


@service(Permission.BOOK, write=False)
def check_move(tx: Tx, booking_id: int, starts: dt.datetime, ends: dt.datetime, *,
               space_id: int | None = None) -> list[Conflict]:
    """What would refuse moving or resizing a booking there, without writing anything: the
    calendar checks a drag live with the very rules move_booking applies."""
    booking = booking_row(tx.session, booking_id)
    target_id = booking.space_id if space_id is None else space_id
    if booking.status not in ACTIVE_STATUSES:
        return [Conflict(rules.STATUS, msg(
            "This booking is {status}; only a confirmed booking can be moved.",
            status=rules.status_label(booking.status)))]
    space = view_of(space_row(tx.session, target_id))
    check_past = starts != booking.starts or target_id != booking.space_id
    conflicts = _check_proposal(tx, space, starts, ends, booking.party_size,
                                member_problem=None, override=False, exclude_id=booking.id,
                                check_past=check_past, for_member=booking.event_id is None)
    if not check_past and ends <= tx.clock.now():
        conflicts.append(Conflict(rules.PAST, msg("{time} has already passed.",
                                                  time=f"{ends:%Y-%m-%d %H:%M}")))
    return conflicts


@service(Permission.BOOK, write=False)
def check_request(tx: Tx, request: BookingRequest) -> list[Conflict]:
    """What would refuse this new booking, without writing: the quick-booking dialog and a drag
    on empty cells show it before Save."""
    space = view_of(space_row(tx.session, request.space_id))
    problem = _member_problem(tx, request.member_id, _clean(request.guest_name, 120)) \
        if request.member_id is not None or request.guest_name else None
    return _check_proposal(tx, space, request.starts, request.ends, request.party_size,
                           member_problem=problem, override=False)


@service(Permission.BOOK, write=False)
def get_booking(tx: Tx, booking_id: int) -> BookingView:
    return view_booking(tx.session, booking_row(tx.session, booking_id))


@service(Permission.BOOK, write=False)
def list_bookings(tx: Tx, first_day: dt.date, last_day: dt.date,
                  space_ids: Sequence[int] | None = None, *,
                  include_cancelled: bool = False) -> list[BookingView]:
    """The bookings on days first_day..last_day (inclusive), for the calendar."""
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    stmt = (select(Booking, *PERSON).outerjoin(Member, Member.id == Booking.member_id)
            .where(Booking.starts < end, Booking.ends > start)
            .order_by(Booking.starts, Booking.space_id, Booking.id))
    if space_ids is not None:
        stmt = stmt.where(Booking.space_id.in_(list(space_ids)))
    if not include_cancelled:
        stmt = stmt.where(Booking.status.in_(ACTIVE_STATUSES))
    return [_view(b, name, number, phone) for b, name, number, phone in tx.session.execute(stmt)]


def _candidate_spaces(tx: Tx, space_ids: Sequence[int] | None, kind: str | None) -> list[Space]:
    stmt = select(Space).where(Space.active.is_(True)).order_by(Space.sort_order, Space.name)
    if space_ids is not None:
        stmt = stmt.where(Space.id.in_(list(space_ids)))
    if kind is not None:
        stmt = stmt.where(Space.kind == kind)
    return list(tx.session.scalars(stmt))


def _free_in(tx: Tx, space: SpaceView, first_day: dt.date, last_day: dt.date,
             duration: int, party_size: int) -> list[FreeSlot]:
    """Every grid start in the space's opening hours over the days where the rules pass."""
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    taken = taken_near(tx.session, space, start, end)
    closures = closure_spans(tx.session, space.id, start, end)
    zone, now = _venue_zone(tx), tx.clock.now()
    step = dt.timedelta(minutes=space.slot_minutes)
    length = dt.timedelta(minutes=duration)
    found: list[FreeSlot] = []
    day = first_day
    while day <= last_day:
        day_start = dt.datetime.combine(day, dt.time())
        near = [t for t in taken if t.ends > day_start - dt.timedelta(days=1)
                and t.starts < day_start + dt.timedelta(days=2)]
        for hours in space.hours:
            if hours.weekday != day.weekday():
                continue
            moment = dt.datetime.combine(day, hours.opens)
            closes = dt.datetime.combine(day, hours.closes)
            while moment + length <= closes:
                conflicts = check_booking(Proposal(space, moment, moment + length, party_size),
                                          now=now, taken=near, closures=closures, zone=zone)
                if not conflicts:
                    found.append(FreeSlot(space.id, space.name, moment, moment + length))
                moment += step
        day += dt.timedelta(days=1)
    return found


@service(Permission.BOOK, write=False)
def find_free_slots(tx: Tx, first_day: dt.date, last_day: dt.date, duration_minutes: int,
                    party_size: int = 1, *, space_ids: Sequence[int] | None = None,
                    kind: str | None = None, limit: int = 200) -> list[FreeSlot]:
    """Free times of the given duration for a party, in chosen spaces or spaces of a kind,
    earliest first ("find a free slot")."""
    if last_day < first_day:
        raise DomainError(msg("The last day must not be before the first."), field="last_day")
    if (last_day - first_day).days > 62:
        raise DomainError(msg("Search at most two months at a time."), field="last_day")
    found: list[FreeSlot] = []
    for space in _candidate_spaces(tx, space_ids, kind):
        found.extend(_free_in(tx, view_of(space), first_day, last_day, duration_minutes,
                              party_size))
    found.sort(key=lambda s: (s.starts, s.space_name))
    return found[:limit]


@service(Permission.BOOK, write=False)
def suggest_alternatives(tx: Tx, request: BookingRequest, *, limit: int = 4) -> Alternatives:
    """When a slot is taken: the nearest free times of the same length in the same space
    (that day and the next), and the same time in other spaces of the same kind."""
    space = space_row(tx.session, request.space_id)
    duration = int((request.ends - request.starts).total_seconds() // 60)
    if duration <= 0:
        return Alternatives((), ())
    day = request.starts.date()
    nearby = _free_in(tx, view_of(space), day, day + dt.timedelta(days=1), duration,
                      request.party_size)
    nearby.sort(key=lambda s: (abs((s.starts - request.starts).total_seconds()), s.starts))
    others: list[FreeSlot] = []
    for other in _candidate_spaces(tx, None, space.kind):
        if other.id == space.id:
            continue
        plan = view_of(other)
        if not _check_proposal(tx, plan, request.starts, request.ends, request.party_size,
                              member_problem=None, override=False):
            others.append(FreeSlot(other.id, other.name, request.starts, request.ends))
    return Alternatives(tuple(nearby[:limit]), tuple(others[:limit]))
