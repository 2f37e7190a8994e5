"""Recurring bookings from an RFC 5545 RRULE (python-dateutil's rrule).

Each occurrence is its own Booking row (with ``series_id`` and ``occurrence_start``), so one
date can be cancelled or moved without touching the rest.  Before anything is written the desk
sees every occurrence and the rules each one breaks (``preview_series``); ``create_series``
then books the free ones and, only when asked (``skip_conflicts``), skips the others.

Decision: the advance window limits how far ahead a member books one visit; a series is
arranged with the venue (the weekly tea club for a year, SCENARIOS 11), so its occurrences
are not held to it.  Every other rule applies to every occurrence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from sqlalchemy import select

from desktop.booking import rules
from desktop.booking.rules import BookingRefused, Conflict
from desktop.booking.service import (
    _check_proposal,
    _clean,
    _member_problem,
    booking_row,
)
from desktop.booking.spaces import space_row, view_of
from desktop.errors import DomainError
from desktop.i18n import msg
from desktop.models.booking import Booking, BookingSeries
from desktop.permissions import Permission
from desktop.services import Tx, service

MAX_OCCURRENCES = 400
SCOPES = ("one", "following", "all")


@dataclass(frozen=True)
class SeriesRequest:
    """A recurring booking: the rule (e.g. ``FREQ=WEEKLY;BYDAY=WE;COUNT=52``) from the first
    start, each occurrence lasting ``duration_minutes``."""

    space_id: int
    first_start: dt.datetime
    duration_minutes: int
    rrule: str
    party_size: int = 1
    member_id: int | None = None
    guest_name: str | None = None
    purpose: str | None = None
    # A recurring event's bookings (the events service links each to its occurrence): no
    # member rules, as for any event booking; every space rule still applies.
    for_event: bool = False


@dataclass(frozen=True)
class Occurrence:
    starts: dt.datetime
    ends: dt.datetime
    conflicts: tuple[Conflict, ...]

    @property
    def free(self) -> bool:
        return not self.conflicts


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    booked: tuple[int, ...]
    skipped: tuple[Occurrence, ...]


def occurrence_starts(rule: str, first_start: dt.datetime) -> list[dt.datetime]:
    """The starts the rule gives from ``first_start``: bounded (COUNT or UNTIL required)."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    upper = text.upper()
    if "COUNT=" not in upper and "UNTIL=" not in upper:
        raise DomainError(msg("A series needs an end: a number of times or a last date."),
                          field="rrule")
    try:
        parsed = rrulestr(text, dtstart=first_start)
        starts: list[dt.datetime] = []
        for moment in parsed:
            starts.append(moment)
            if len(starts) > MAX_OCCURRENCES:
                raise DomainError(msg("A series has at most {count} occurrences.",
                                      count=MAX_OCCURRENCES), field="rrule")
    except (ValueError, TypeError):
        raise DomainError(msg("This repeat rule cannot be read."), field="rrule") from None
    if not starts:
        raise DomainError(msg("This repeat rule gives no date at all."), field="rrule")
    return starts


def _previews(tx: Tx, request: SeriesRequest) -> list[Occurrence]:
    if request.duration_minutes <= 0:
        raise DomainError(msg("The end must be after the start."), field="duration_minutes")
    space = view_of(space_row(tx.session, request.space_id, lock=True))
    problem = None if request.for_event else _member_problem(
        tx, request.member_id, _clean(request.guest_name, 120))
    length = dt.timedelta(minutes=request.duration_minutes)
    found: list[Occurrence] = []
    for starts in occurrence_starts(request.rrule, request.first_start):
        conflicts = _check_proposal(tx, space, starts, starts + length, request.party_size,
                                    member_problem=problem, override=False, for_member=False)
        found.append(Occurrence(starts, starts + length, tuple(conflicts)))
    return found


@service(Permission.BOOK, write=False)
def preview_series(tx: Tx, request: SeriesRequest) -> list[Occurrence]:
    """Every occurrence with the rules it breaks, before anything is written."""
    return _previews(tx, request)


@service(Permission.BOOK)
def create_series(tx: Tx, request: SeriesRequest, *,
                  skip_conflicts: bool = False) -> SeriesResult:
    """Book every occurrence; with conflicts, refuse (listing each by date) unless the desk
    chose to skip them.  A series with no free occurrence is refused and writes nothing."""
    previews = _previews(tx, request)
    blocked = [o for o in previews if not o.free]
    if blocked and (not skip_conflicts or len(blocked) == len(previews)):
        raise BookingRefused([
            Conflict(c.rule, msg("{day}: {reason}", day=f"{o.starts:%Y-%m-%d}",
                                 reason=c.message), c.booking_ids)
            for o in blocked for c in o.conflicts
        ], field="rrule")
    space = view_of(space_row(tx.session, request.space_id))
    now = tx.clock.now()
    series = BookingSeries(
        space_id=space.id, rrule=request.rrule.strip(), first_start=request.first_start,
        duration_minutes=request.duration_minutes, member_id=request.member_id,
        guest_name=_clean(request.guest_name, 120), party_size=request.party_size,
        purpose=_clean(request.purpose, 200), created_by=tx.actor.username, created_at=now)
    tx.session.add(series)
    tx.session.flush()
    booked: list[int] = []
    skipped = list(blocked)
    for occurrence in previews:
        if not occurrence.free:
            continue
        # Check again: an earlier occurrence of this series may now be in the way.
        again = _check_proposal(tx, space, occurrence.starts, occurrence.ends,
                                request.party_size, member_problem=None, override=False,
                                for_member=False)
        if again:
            skipped.append(Occurrence(occurrence.starts, occurrence.ends, tuple(again)))
            continue
        booking = Booking(
            space_id=space.id, exclusive=space.exclusive, member_id=request.member_id,
            guest_name=series.guest_name, starts=occurrence.starts, ends=occurrence.ends,
            party_size=request.party_size, purpose=series.purpose, status="confirmed",
            series_id=series.id, occurrence_start=occurrence.starts,
            created_by=tx.actor.username, created_at=now)
        tx.session.add(booking)
        tx.session.flush()
        booked.append(booking.id)
    if not booked:
        raise BookingRefused([Conflict(rules.OVERLAP, msg(
            "No date of this series can be booked."))], field="rrule")
    skipped.sort(key=lambda o: o.starts)
    return SeriesResult(series.id, tuple(booked), tuple(skipped))


@service(Permission.BOOK)
def cancel_occurrences(tx: Tx, booking_id: int, scope: str, reason: str) -> list[int]:
    """Cancel one occurrence, this one and the following, or all of its series; dates already
    cancelled, checked in or no-show, and (for more than one) dates already begun, stay as
    they are.  Returns the ids cancelled."""
    if scope not in SCOPES:
        raise DomainError(msg("Choose one date, this and following, or all."), field="scope")
    clean = " ".join((reason or "").split())
    if not clean:
        raise DomainError(msg("Give a reason for cancelling."), field="reason")
    booking = booking_row(tx.session, booking_id)
    space_row(tx.session, booking.space_id, lock=True)
    tx.session.refresh(booking)
    chosen = [booking] if scope == "one" else _chosen(tx, booking, scope)
    cancelled = []
    for row in chosen:
        if row.status == "confirmed":
            row.status = "cancelled"
            row.cancel_reason = clean[:200]
            cancelled.append(row.id)
    if scope == "one" and not cancelled:
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "This booking is {status}; only a confirmed booking can be cancelled.",
            status=rules.status_label(booking.status)))])
    tx.session.flush()
    return cancelled


@dataclass(frozen=True)
class OccurrenceChange:
    """One occurrence an edit would move: from where, to where, and what stands in the way."""

    booking_id: int
    old_starts: dt.datetime
    starts: dt.datetime
    ends: dt.datetime
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True)
class SeriesEdit:
    changed: tuple[OccurrenceChange, ...]
    skipped: tuple[OccurrenceChange, ...]  # left at their old time: a conflict, and skipping


def _chosen(tx: Tx, booking: Booking, scope: str) -> list[Booking]:
    """The confirmed, not yet begun occurrences an edit of ``scope`` from ``booking`` covers;
    cancelled dates stay cancelled and the past stays as it happened."""
    if scope not in SCOPES:
        raise DomainError(msg("Choose one date, this and following, or all."), field="scope")
    if booking.series_id is None or scope == "one":
        rows = [booking]
    else:
        stmt = select(Booking).where(Booking.series_id == booking.series_id)
        if scope == "following":
            stmt = stmt.where(Booking.occurrence_start
                              >= (booking.occurrence_start or booking.starts))
        rows = list(tx.session.scalars(stmt.order_by(Booking.starts, Booking.id)))
    now = tx.clock.now()
    return [b for b in rows if b.status == "confirmed" and b.starts >= now]


def _edits(tx: Tx, booking_id: int, scope: str, new_start: dt.time,
           duration_minutes: int) -> tuple[list[Booking], list[OccurrenceChange]]:
    if duration_minutes <= 0:
        raise DomainError(msg("The end must be after the start."), field="duration_minutes")
    booking = booking_row(tx.session, booking_id)
    space = view_of(space_row(tx.session, booking.space_id, lock=True))
    tx.session.refresh(booking)
    rows = _chosen(tx, booking, scope)
    length = dt.timedelta(minutes=duration_minutes)
    changes = []
    for row in rows:
        starts = dt.datetime.combine(row.starts.date(), new_start)
        conflicts = _check_proposal(tx, space, starts, starts + length, row.party_size,
                                    member_problem=None, override=False, exclude_id=row.id,
                                    for_member=False)
        changes.append(OccurrenceChange(row.id, row.starts, starts, starts + length,
                                        tuple(conflicts)))
    return rows, changes


@service(Permission.BOOK, write=False)
def preview_series_edit(tx: Tx, booking_id: int, scope: str, new_start: dt.time,
                        duration_minutes: int) -> list[OccurrenceChange]:
    """What moving one date, this and following, or all to a new time would do: each
    occurrence with its conflicts ("N change, M skipped" before committing)."""
    return _edits(tx, booking_id, scope, new_start, duration_minutes)[1]


@service(Permission.BOOK)
def edit_series(tx: Tx, booking_id: int, scope: str, new_start: dt.time,
                duration_minutes: int, *, skip_conflicts: bool = False) -> SeriesEdit:
    """Move the chosen occurrences to a new time of day (and length) on their own dates.
    With conflicts it is refused unless the desk chose to skip them (they keep their time)."""
    rows, changes = _edits(tx, booking_id, scope, new_start, duration_minutes)
    blocked = [c for c in changes if c.conflicts]
    if not changes:
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "No date of this series is left to change."))], field="scope")
    if blocked and (not skip_conflicts or len(blocked) == len(changes)):
        raise BookingRefused([
            Conflict(c.rule, msg("{day}: {reason}", day=f"{o.starts:%Y-%m-%d}",
                                 reason=c.message), c.booking_ids)
            for o in blocked for c in o.conflicts
        ])
    by_id = {row.id: row for row in rows}
    changed = []
    for change in changes:
        if change.conflicts:
            continue
        row = by_id[change.booking_id]
        row.starts, row.ends = change.starts, change.ends
        tx.session.flush()
        changed.append(change)
    first = by_id[changes[0].booking_id]
    if scope == "all" and first.series_id is not None and not blocked:
        series = tx.session.get(BookingSeries, first.series_id)
        if series is not None:
            series.first_start = dt.datetime.combine(series.first_start.date(), new_start)
            series.duration_minutes = duration_minutes
    tx.session.flush()
    return SeriesEdit(tuple(changed), tuple(blocked))
