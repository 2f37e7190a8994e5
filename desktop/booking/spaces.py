"""Spaces, their weekly opening hours, and closures (the owner's settings for booking).

Everything is checked before anything is written, and each error names its field, so the
Settings dialog can show it beside the right box.  A closure over existing bookings lists
them (with a call list: who to phone) and, if asked, cancels them in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from desktop.booking.rules import OpeningRange, SpaceView, when
from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, msg
from desktop.members.keys import display_phone
from desktop.models.booking import ACTIVE_STATUSES, SPACE_KINDS, Booking, Closure, Space, SpaceHours
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
# An hours error names its day: the editor shows seven rows.
WEEKDAYS: tuple[Message, ...] = (msg("Monday"), msg("Tuesday"), msg("Wednesday"),
                                 msg("Thursday"), msg("Friday"), msg("Saturday"), msg("Sunday"))


@dataclass(frozen=True)
class SpaceInput:
    """What the space dialog edits."""

    name: str
    kind: str
    capacity: int
    exclusive: bool
    colour: str = "#6A8A6A"
    slot_minutes: int = 30
    min_minutes: int = 30
    max_minutes: int = 240
    buffer_minutes: int = 0
    advance_days: int = 60
    active: bool = True
    sort_order: int = 0
    hours: Sequence[OpeningRange] = field(default_factory=tuple)


@dataclass(frozen=True)
class ClosureView:
    id: int
    space_id: int | None  # None: the whole venue
    space_name: str | None
    starts: dt.datetime
    ends: dt.datetime
    reason: str


@dataclass(frozen=True)
class AffectedBooking:
    """A booking inside a closure, and who to call about it."""

    id: int
    space_name: str
    starts: dt.datetime
    ends: dt.datetime
    who: str
    phone: str
    party_size: int


@dataclass(frozen=True)
class ClosureResult:
    closure: ClosureView
    affected: tuple[AffectedBooking, ...]
    cancelled: bool  # the affected bookings were cancelled with the closure's reason

    @property
    def call_list(self) -> list[str]:
        """One line per booking to phone about: name, phone, space and time."""
        return [f"{a.who}\t{a.phone}\t{a.space_name}\t{when(a.starts, a.ends)}"
                for a in self.affected]


def view_of(space: Space) -> SpaceView:
    return SpaceView(
        id=space.id, name=space.name, kind=space.kind, colour=space.colour,
        capacity=space.capacity, exclusive=space.exclusive, slot_minutes=space.slot_minutes,
        min_minutes=space.min_minutes, max_minutes=space.max_minutes,
        buffer_minutes=space.buffer_minutes, advance_days=space.advance_days,
        active=space.active, sort_order=space.sort_order,
        hours=tuple(OpeningRange(h.weekday, h.opens, h.closes) for h in space.hours),
    )


# ---------------------------------------------------------------- reading


@service(Permission.BOOK, write=False)
def list_spaces(tx: Tx, *, include_inactive: bool = False) -> list[SpaceView]:
    """The spaces in the order the calendar shows them."""
    stmt = select(Space).order_by(Space.sort_order, Space.name)
    if not include_inactive:
        stmt = stmt.where(Space.active.is_(True))
    return [view_of(space) for space in tx.session.scalars(stmt)]


@service(Permission.BOOK, write=False)
def get_space(tx: Tx, space_id: int) -> SpaceView:
    return view_of(space_row(tx.session, space_id))


def space_row(session: Session, space_id: int, *, lock: bool = False) -> Space:
    """The space, row-locked for this transaction when ``lock`` (PostgreSQL; SQLite's write
    transaction holds the whole database already)."""
    space = session.get(Space, space_id, with_for_update=lock or None)
    if space is None:
        raise NotFound(msg("That space does not exist."), field="space_id")
    return space


@service(Permission.BOOK, write=False)
def list_closures(tx: Tx, first_day: dt.date, last_day: dt.date) -> list[ClosureView]:
    """Closures touching the days first_day..last_day (inclusive), for shading the calendar."""
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    stmt = (select(Closure, Space.name).outerjoin(Space, Space.id == Closure.space_id)
            .where(Closure.starts < end, Closure.ends > start).order_by(Closure.starts))
    return [_closure_view(c, name) for c, name in tx.session.execute(stmt)]


def _closure_view(closure: Closure, space_name: str | None) -> ClosureView:
    return ClosureView(closure.id, closure.space_id, space_name, closure.starts, closure.ends,
                       closure.reason)


# ---------------------------------------------------------------- spaces


def _check(tx: Tx, data: SpaceInput, space_id: int | None) -> str:
    name = " ".join(data.name.split())
    if not name:
        raise DomainError(msg("A space needs a name."), field="name")
    if len(name) > 80:
        raise DomainError(msg("A space's name has at most 80 characters."), field="name")
    same = select(Space.id).where(func.lower(Space.name) == name.lower())
    if space_id is not None:
        same = same.where(Space.id != space_id)
    if tx.session.scalar(same) is not None:
        raise DomainError(msg("There is already a space called {name}.", name=name),
                          field="name")
    if data.kind not in SPACE_KINDS:
        raise DomainError(msg("Choose a kind of space from the list."), field="kind")
    if not COLOUR.match(data.colour):
        raise DomainError(msg("A colour is written #RRGGBB."), field="colour")
    if data.capacity < 1:
        raise DomainError(msg("The capacity must be at least 1."), field="capacity")
    if data.slot_minutes < 1:
        raise DomainError(msg("The slot must be at least 1 minute."), field="slot_minutes")
    for name_, value in (("min_minutes", data.min_minutes), ("max_minutes", data.max_minutes)):
        if value < 1 or value % data.slot_minutes:
            raise DomainError(msg("Durations must be whole multiples of the slot ({minutes} "
                                  "minutes).", minutes=data.slot_minutes), field=name_)
    if data.min_minutes > data.max_minutes:
        raise DomainError(msg("The minimum duration cannot be longer than the maximum."),
                          field="min_minutes")
    if data.buffer_minutes < 0:
        raise DomainError(msg("The buffer cannot be negative."), field="buffer_minutes")
    if data.advance_days < 0:
        raise DomainError(msg("How far ahead members may book cannot be negative."),
                          field="advance_days")
    _check_hours(data.hours)
    return name


def _check_hours(hours: Sequence[OpeningRange]) -> None:
    by_day: dict[int, list[OpeningRange]] = {}
    for entry in hours:
        if not 0 <= entry.weekday <= 6:
            raise DomainError(msg("A weekday is 0 (Monday) to 6 (Sunday)."), field="hours")
        if entry.closes <= entry.opens:
            raise DomainError(msg("On {day}, closing time must be after opening time "
                                  "({opens}–{closes}).", day=WEEKDAYS[entry.weekday],
                                  opens=f"{entry.opens:%H:%M}", closes=f"{entry.closes:%H:%M}"),
                              field="hours")
        by_day.setdefault(entry.weekday, []).append(entry)
    for weekday, ranges in sorted(by_day.items()):
        ranges.sort(key=lambda r: r.opens)
        for first, second in itertools.pairwise(ranges):
            if second.opens < first.closes:
                raise DomainError(msg(
                    "On {day}, opening hours {first} and {second} overlap.",
                    day=WEEKDAYS[weekday], first=f"{first.opens:%H:%M}–{first.closes:%H:%M}",
                    second=f"{second.opens:%H:%M}–{second.closes:%H:%M}"), field="hours")


def _apply(space: Space, name: str, data: SpaceInput) -> None:
    space.name = name
    space.kind = data.kind
    space.colour = data.colour
    space.capacity = data.capacity
    space.exclusive = data.exclusive
    space.slot_minutes = data.slot_minutes
    space.min_minutes = data.min_minutes
    space.max_minutes = data.max_minutes
    space.buffer_minutes = data.buffer_minutes
    space.advance_days = data.advance_days
    space.active = data.active
    space.sort_order = data.sort_order
    wanted = {(h.weekday, h.opens): h.closes for h in data.hours}
    for row in list(space.hours):
        key = (row.weekday, row.opens)
        if key not in wanted:
            space.hours.remove(row)
        else:
            row.closes = wanted.pop(key)
    for (weekday, opens), closes in sorted(wanted.items()):
        space.hours.append(SpaceHours(weekday=weekday, opens=opens, closes=closes))


@service(Permission.MANAGE_SPACES)
def create_space(tx: Tx, data: SpaceInput) -> SpaceView:
    name = _check(tx, data, None)
    space = Space(hours=[])
    _apply(space, name, data)
    tx.session.add(space)
    tx.session.flush()
    return view_of(space)


@service(Permission.MANAGE_SPACES)
def update_space(tx: Tx, space_id: int, data: SpaceInput) -> SpaceView:
    """Change a space; turning it exclusive is refused while its active bookings overlap, and
    the bookings' copy of the flag (which the database's guard reads) changes with it."""
    space = space_row(tx.session, space_id, lock=True)
    name = _check(tx, data, space_id)
    if data.exclusive != space.exclusive:
        if data.exclusive:
            _refuse_overlaps(tx, space)
        bookings = tx.session.scalars(select(Booking).where(Booking.space_id == space.id))
        for booking in bookings:
            booking.exclusive = data.exclusive
    _apply(space, name, data)
    tx.session.flush()
    return view_of(space)


def _refuse_overlaps(tx: Tx, space: Space) -> None:
    rows = tx.session.execute(
        select(Booking.id, Booking.starts, Booking.ends)
        .where(Booking.space_id == space.id, Booking.status.in_(ACTIVE_STATUSES))
        .order_by(Booking.starts, Booking.id)
    ).all()
    latest: tuple[int, dt.datetime, dt.datetime] | None = None
    for booking_id, starts, ends in rows:
        if latest is not None and starts < latest[2]:
            raise DomainError(msg(
                "{space} cannot become exclusive: bookings {first} and {second} overlap. "
                "Move or cancel one of them first.", space=space.name,
                first=when(latest[1], latest[2]), second=when(starts, ends)),
                field="exclusive")
        if latest is None or ends > latest[2]:
            latest = (booking_id, starts, ends)


# ---------------------------------------------------------------- closures


def _affected(tx: Tx, space_id: int | None, starts: dt.datetime,
              ends: dt.datetime) -> list[tuple[Booking, Member | None]]:
    stmt = (
        select(Booking, Member).outerjoin(Member, Member.id == Booking.member_id)
        .where(Booking.status.in_(ACTIVE_STATUSES), Booking.starts < ends,
               Booking.ends > starts)
        .order_by(Booking.starts, Booking.id)
    )
    if space_id is not None:
        stmt = stmt.where(Booking.space_id == space_id)
    return [(b, m) for b, m in tx.session.execute(stmt)]


def _affected_view(booking: Booking, member: Member | None) -> AffectedBooking:
    who = member.name if member else (booking.guest_name or "")
    if member and booking.guest_name:
        who = f"{booking.guest_name} ({member.name})"
    return AffectedBooking(booking.id, booking.space.name, booking.starts, booking.ends, who,
                           display_phone(member.phone) if member else "", booking.party_size)


def _check_closure(starts: dt.datetime, ends: dt.datetime, reason: str) -> str:
    if ends <= starts:
        raise DomainError(msg("The end must be after the start."), field="ends")
    clean = " ".join(reason.split())
    if not clean:
        raise DomainError(msg("Give a reason for the closure."), field="reason")
    if len(clean) > 200:
        raise DomainError(msg("A reason has at most 200 characters."), field="reason")
    return clean


@service(Permission.MANAGE_SPACES, write=False)
def preview_closure(tx: Tx, space_id: int | None, starts: dt.datetime,
                    ends: dt.datetime, reason: str | None = None) -> list[AffectedBooking]:
    """The active bookings a closure would cover, so the owner decides before closing.

    Given the ``reason`` too, it checks everything ``create_closure`` checks, so a dialog
    hears about a missing reason before it shows the call list, not after."""
    if space_id is not None:
        space_row(tx.session, space_id)
    if reason is not None:
        _check_closure(starts, ends, reason)
    if ends <= starts:
        raise DomainError(msg("The end must be after the start."), field="ends")
    return [_affected_view(b, m) for b, m in _affected(tx, space_id, starts, ends)]


@service(Permission.MANAGE_SPACES)
def create_closure(tx: Tx, space_id: int | None, starts: dt.datetime, ends: dt.datetime,
                   reason: str, *, cancel_bookings: bool = False) -> ClosureResult:
    """Close a space (or, with no space, the venue); the bookings inside are returned and,
    when ``cancel_bookings``, cancelled with the closure's reason in the same transaction."""
    clean = _check_closure(starts, ends, reason)
    # Lock what a booking checks against, so no booking slips in while we close.
    if space_id is not None:
        space = space_row(tx.session, space_id, lock=True)
        space_name: str | None = space.name
    else:
        tx.session.scalars(select(Space).order_by(Space.id).with_for_update()).all()
        space_name = None
    now = tx.clock.now()
    closure = Closure(space_id=space_id, starts=starts, ends=ends, reason=clean,
                      created_by=tx.actor.username, created_at=now)
    tx.session.add(closure)
    affected = _affected(tx, space_id, starts, ends)
    if cancel_bookings:
        for booking, _member in affected:
            booking.status = "cancelled"
            booking.cancel_reason = clean[:200]
    tx.session.flush()
    return ClosureResult(_closure_view(closure, space_name),
                         tuple(_affected_view(b, m) for b, m in affected), cancel_bookings)


@service(Permission.MANAGE_SPACES)
def delete_closure(tx: Tx, closure_id: int) -> None:
    closure = tx.session.get(Closure, closure_id)
    if closure is None:
        raise NotFound(msg("That closure does not exist."))
    tx.session.delete(closure)
    tx.session.flush()


# Built once: every booking check asks (building the select cost more than running it).
_CLOSURES_NEAR = (
    select(Closure)
    .where(or_(Closure.space_id == bindparam("space_id"), Closure.space_id.is_(None)),
           Closure.starts < bindparam("ends"), Closure.ends > bindparam("starts"))
    .order_by(Closure.starts)
)


def closures_near(session: Session, space_id: int, starts: dt.datetime,
                  ends: dt.datetime) -> list[Closure]:
    """The space's and the venue's closures touching [starts, ends)."""
    return list(session.scalars(_CLOSURES_NEAR,
                                {"space_id": space_id, "starts": starts, "ends": ends}))
