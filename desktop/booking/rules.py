"""Every rule a booking must pass, in one pure function (no database, no clock of its own).

The service loads what the rules need (the space, the active bookings near the proposed time,
the closures, the member's standing) inside a locking transaction and hands it to
``check_booking``; "find a free slot" runs the same function over many candidate times.  So a
rule lives in exactly one place and the calendar, the quick booking and the free-slot search
can never disagree.

Decisions (DESIGN.md leaves them open):
- The slot grid starts at the opening time of the range the booking lies in: a room open
  09:15-21:15 with 30-minute slots takes bookings at 09:15, 09:45, ...; the duration is a
  whole number of slots too.
- A booking never runs past midnight (opening hours never do: closes > opens on one day).
- The buffer keeps other bookings of an *exclusive* space at least ``buffer_minutes`` away
  (cleaning the tea room); a seat-based space has no buffer, since its bookings may overlap.
- The advance window counts calendar days: a member may book up to ``advance_days`` days after
  today.
- An owner's override (with a reason) lifts the rules about time: the past, the advance
  window, opening hours, the slot grid, the minimum/maximum duration and the buffer.  It never
  lifts overlap, capacity, party size, closures, midnight, DST, or who the booking is for.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.errors import DomainError
from desktop.i18n import Message, msg

# Rule names carried by each Conflict (stable: the UI and tests key on them).
TIME = "time"  # the end is not after the start
DST = "dst"
MIDNIGHT = "midnight"
HOURS = "hours"
CLOSURE = "closure"
GRID = "grid"
DURATION = "duration"
BUFFER = "buffer"
ADVANCE = "advance"
PARTY = "party"
OVERLAP = "overlap"
CAPACITY = "capacity"
MEMBER = "member"
PAST = "past"
INACTIVE = "inactive"
TAKEN = "taken"  # the database's guard refused it: another desk was faster
STATUS = "status"
DUPLICATE = "duplicate"  # the same booking again (a double-clicked Save)

STATUS_LABELS: dict[str, Message] = {
    "confirmed": msg("confirmed"),
    "checked_in": msg("checked in"),
    "cancelled": msg("cancelled"),
    "no_show": msg("a no-show"),
}


def status_label(status: str) -> Message:
    """A booking's status as a person reads it ("already {status}")."""
    return STATUS_LABELS.get(status, msg("changed"))


OVERRIDABLE = frozenset({PAST, ADVANCE, HOURS, GRID, DURATION, BUFFER})


@dataclass(frozen=True)
class Conflict:
    """One reason a booking is refused: the rule, a message fit to show, the bookings in the way."""

    rule: str
    message: Message
    booking_ids: tuple[int, ...] = ()


class BookingRefused(DomainError):
    """The booking breaks one or more rules; ``conflicts`` lists every one of them."""

    def __init__(self, conflicts: Sequence[Conflict], field: str | None = None) -> None:
        if not conflicts:
            raise ValueError("BookingRefused needs at least one conflict")
        super().__init__(conflicts[0].message, field=field)
        self.conflicts = list(conflicts)

    @property
    def rules(self) -> list[str]:
        return [c.rule for c in self.conflicts]

    @property
    def booking_ids(self) -> list[int]:
        return sorted({i for c in self.conflicts for i in c.booking_ids})


@dataclass(frozen=True)
class OpeningRange:
    weekday: int  # 0 = Monday
    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class SpaceView:
    """A space as plain data: what the rules check against (they never touch the ORM) and
    what the screens show."""

    id: int
    name: str
    kind: str
    colour: str
    capacity: int
    exclusive: bool
    slot_minutes: int
    min_minutes: int
    max_minutes: int
    buffer_minutes: int
    advance_days: int
    active: bool
    sort_order: int
    hours: tuple[OpeningRange, ...]


@dataclass(frozen=True)
class Taken:
    """An active booking near the proposed one: when, how many seats, and who has it."""

    id: int
    starts: dt.datetime
    ends: dt.datetime
    party_size: int
    who: str


@dataclass(frozen=True)
class ClosureSpan:
    id: int
    starts: dt.datetime
    ends: dt.datetime
    reason: str
    venue_wide: bool


@dataclass(frozen=True)
class Proposal:
    space: SpaceView
    starts: dt.datetime
    ends: dt.datetime
    party_size: int


def when(starts: dt.datetime, ends: dt.datetime) -> str:
    """A booking's time as people read it: 2026-11-27 15:00–17:00."""
    if starts.date() == ends.date():
        return f"{starts:%Y-%m-%d %H:%M}–{ends:%H:%M}"
    return f"{starts:%Y-%m-%d %H:%M}–{ends:%Y-%m-%d %H:%M}"


def _minutes(delta: dt.timedelta) -> float:
    return delta.total_seconds() / 60


def peak_seats(
    intervals: Iterable[tuple[dt.datetime, dt.datetime, int]],
) -> tuple[int, dt.datetime | None]:
    """The most seats taken at any moment, and the first moment it happens.

    A sweep over start and end points: sorted by time with ends before starts at the same
    moment (half-open intervals: one party leaving at 10:00 frees the seats of one arriving
    at 10:00).  O(n log n) instead of comparing every pair.
    """
    points: list[tuple[dt.datetime, int, int]] = []
    for starts, ends, seats in intervals:
        if ends > starts:
            points.append((starts, 1, seats))
            points.append((ends, 0, -seats))
    points.sort(key=lambda p: (p[0], p[1]))
    running = peak = 0
    at: dt.datetime | None = None
    for moment, _kind, change in points:
        running += change
        if running > peak:
            peak, at = running, moment
    return peak, at


def time_problem(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> Message | None:
    """Why ``moment`` (venue wall clock) cannot be booked in ``zone``, or None when it can.

    A wall-clock time that the clocks skip (spring forward) does not survive a round trip
    through UTC; one they pass twice (fall back) has two different UTC offsets for fold 0
    and fold 1.
    """
    early = moment.replace(tzinfo=zone, fold=0)
    late = moment.replace(tzinfo=zone, fold=1)
    if early.utcoffset() == late.utcoffset():
        return None
    back = early.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    shown = f"{moment:%Y-%m-%d %H:%M}"
    if back != moment:
        return msg("{time} does not exist in {zone}: the clocks skip it that night.",
                   time=shown, zone=zone.key)
    return msg("{time} happens twice in {zone}: the clocks go back that night. "
               "Choose another time.", time=shown, zone=zone.key)


def opening_range(space: SpaceView, starts: dt.datetime,
                  ends: dt.datetime) -> OpeningRange | None:
    """The opening range of that weekday that holds the whole booking, if any."""
    if starts.date() != ends.date():
        return None
    for hours in space.hours:
        if (hours.weekday == starts.weekday() and hours.opens <= starts.time()
                and ends.time() <= hours.closes):
            return hours
    return None


def _day_hours(space: SpaceView, day: dt.date) -> str:
    ranges = [h for h in space.hours if h.weekday == day.weekday()]
    return ", ".join(f"{h.opens:%H:%M}–{h.closes:%H:%M}" for h in ranges)


def check_booking(
    proposal: Proposal,
    *,
    now: dt.datetime,
    taken: Sequence[Taken],
    closures: Sequence[ClosureSpan],
    zone: zoneinfo.ZoneInfo | None,
    member_problem: Message | None = None,
    for_member: bool = True,
    override: bool = False,
    check_past: bool = True,
) -> list[Conflict]:
    """Every rule the proposal breaks (empty when it may be booked).

    ``taken`` are the space's other active bookings around the proposal (at least those
    within the buffer of it); ``closures`` those of the space and the venue that touch it.
    ``member_problem`` is the reason the person may not book, found by the caller.
    ``for_member`` is False for an event's booking (no advance window).  ``override`` lifts
    the rules in OVERRIDABLE.
    """
    space, starts, ends = proposal.space, proposal.starts, proposal.ends
    conflicts: list[Conflict] = []
    if ends <= starts:
        return [Conflict(TIME, msg("The end must be after the start."))]
    if zone is not None:
        for moment in (starts, ends):
            problem = time_problem(moment, zone)
            if problem is not None:
                conflicts.append(Conflict(DST, problem))
    if not space.active:
        conflicts.append(Conflict(INACTIVE, msg("{space} is not open for booking.",
                                                space=space.name)))
    if member_problem is not None:
        conflicts.append(Conflict(MEMBER, member_problem))
    if proposal.party_size < 1:
        conflicts.append(Conflict(PARTY, msg("The party size must be at least 1.")))
    elif proposal.party_size > space.capacity:
        conflicts.append(Conflict(PARTY, msg("{space} holds at most {capacity} people.",
                                             space=space.name, capacity=space.capacity)))
    if starts.date() != ends.date():
        conflicts.append(Conflict(MIDNIGHT, msg("A booking cannot run past midnight.")))
    if check_past and starts < now:
        conflicts.append(Conflict(PAST, msg("{time} has already passed.",
                                            time=f"{starts:%Y-%m-%d %H:%M}")))
    if for_member and (starts.date() - now.date()).days > space.advance_days:
        conflicts.append(Conflict(ADVANCE, msg(
            "Members may book {space} at most {days} days ahead.",
            space=space.name, days=space.advance_days)))
    duration = _minutes(ends - starts)
    hours = opening_range(space, starts, ends)
    if hours is None and starts.date() == ends.date():
        day_hours = _day_hours(space, starts.date())
        conflicts.append(Conflict(HOURS, msg(
            "{space} is not open for all of {when}; that day it is open {hours}.",
            space=space.name, when=when(starts, ends), hours=day_hours,
        ) if day_hours else msg("{space} is closed all day on {day}.", space=space.name,
                                 day=f"{starts:%Y-%m-%d}")))
    if duration < space.min_minutes:
        conflicts.append(Conflict(DURATION, msg(
            "{space} is booked for at least {minutes} minutes.",
            space=space.name, minutes=space.min_minutes)))
    elif duration > space.max_minutes:
        conflicts.append(Conflict(DURATION, msg(
            "{space} is booked for at most {minutes} minutes.",
            space=space.name, minutes=space.max_minutes)))
    origin = dt.datetime.combine(starts.date(), hours.opens if hours else dt.time())
    if _minutes(starts - origin) % space.slot_minutes or duration % space.slot_minutes:
        conflicts.append(Conflict(GRID, msg(
            "{space} is booked in steps of {minutes} minutes from its opening time.",
            space=space.name, minutes=space.slot_minutes)))
    for closure in closures:
        if closure.starts < ends and starts < closure.ends:
            conflicts.append(Conflict(CLOSURE, msg(
                "{space} is closed {when}: {reason}", space=space.name,
                when=when(closure.starts, closure.ends), reason=closure.reason)))
    conflicts.extend(_occupancy(proposal, taken))
    if override:
        conflicts = [c for c in conflicts if c.rule not in OVERRIDABLE]
    return conflicts


def _occupancy(proposal: Proposal, taken: Sequence[Taken]) -> list[Conflict]:
    """Overlap and buffer (exclusive spaces) or the seats' peak (seat-based spaces)."""
    space, starts, ends = proposal.space, proposal.starts, proposal.ends
    conflicts: list[Conflict] = []
    if space.exclusive:
        buffer = dt.timedelta(minutes=space.buffer_minutes)
        for other in sorted(taken, key=lambda t: (t.starts, t.id)):
            if other.starts < ends and starts < other.ends:
                conflicts.append(Conflict(OVERLAP, msg(
                    "{space} is taken {when} by {who}.", space=space.name,
                    when=when(other.starts, other.ends), who=other.who), (other.id,)))
            elif buffer and other.starts < ends + buffer and starts - buffer < other.ends:
                conflicts.append(Conflict(BUFFER, msg(
                    "{space} needs {minutes} minutes between bookings; {who} has it {when}.",
                    space=space.name, minutes=space.buffer_minutes, who=other.who,
                    when=when(other.starts, other.ends)), (other.id,)))
        return conflicts
    inside = [t for t in taken if t.starts < ends and starts < t.ends]
    intervals = [(max(t.starts, starts), min(t.ends, ends), t.party_size) for t in inside]
    intervals.append((starts, ends, proposal.party_size))
    peak, at = peak_seats(intervals)
    if peak > space.capacity and at is not None:
        present = [t for t in inside if t.starts <= at < t.ends]
        names = ", ".join(f"{t.who} ({t.party_size})" for t in present)
        conflicts.append(Conflict(CAPACITY, msg(
            "{space} would have {seats} of {capacity} seats taken at {time} "
            "(already booked: {names}).", space=space.name, seats=peak,
            capacity=space.capacity, time=f"{at:%Y-%m-%d %H:%M}", names=names),
            tuple(t.id for t in present)))
    return conflicts
