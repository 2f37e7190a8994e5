"""What the desk's home screen shows, read in one transaction each, and how it notices change.

``today_overview`` gathers the day from the booking, event and member services (no rule of
theirs is repeated here: a member's end date and status come from the members service);
``search_everything`` is the one search box; ``change_stamp`` is what the Today view polls
to learn that another desk wrote something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.booking.service import BookingView, list_bookings
from desktop.events.service import EventView, list_events
from desktop.members import keys
from desktop.members.service import MemberQuery, MemberRow, get_member, search_members
from desktop.members.status import MAY_BOOK
from desktop.models.audit import AuditEntry
from desktop.permissions import Permission
from desktop.services import Tx, service

RENEWAL_DAYS = 30  # a membership ending within this many days is worth a word at the desk
SEARCH_DAYS = 14  # the search finds bookings from today over this many days
EXPECTED_LIMIT = 8
# The stamp counts the newest audit rows too: on PostgreSQL a transaction holding a lower
# id can commit after one with a higher id, which leaves max(id) unchanged.
_STAMP_WINDOW = 1000


@dataclass(frozen=True)
class Expected:
    """Someone the desk should see soon: a booked party or an event's people still to come."""

    kind: str  # "booking" or "event"
    id: int
    starts: dt.datetime
    ends: dt.datetime
    title: str  # who (a booking) or the event's title
    space_name: str
    people: int  # the party, or the event's people not yet checked in


@dataclass(frozen=True)
class RenewalChance:
    """A member booked today whose membership ends soon (or ended, still in grace)."""

    member_id: int
    number: str
    name: str
    phone: str
    plan: str | None
    ends_on: dt.date
    days_left: int  # negative once it has ended
    booked_at: dt.datetime  # their first booking today


@dataclass(frozen=True)
class TodayOverview:
    day: dt.date
    now: dt.datetime
    bookings: tuple[BookingView, ...]  # in time order; events' own bookings are in ``events``
    events: tuple[EventView, ...]
    expected: tuple[Expected, ...]
    renewals: tuple[RenewalChance, ...]


@dataclass(frozen=True)
class SearchResults:
    members: tuple[MemberRow, ...]
    bookings: tuple[BookingView, ...]
    events: tuple[EventView, ...]

    @property
    def empty(self) -> bool:
        return not (self.members or self.bookings or self.events)


def _expected(now: dt.datetime, bookings: list[BookingView],
              events: list[EventView]) -> list[Expected]:
    """Parties not yet arrived whose booking has not ended, and events still to come or under
    way with people still to check in; soonest first."""
    found = [Expected("booking", b.id, b.starts, b.ends, b.who, b.space_name, b.party_size)
             for b in bookings if b.status == "confirmed" and b.ends > now]
    found += [Expected("event", e.id, e.starts, e.ends, e.title, e.space_name,
                       max(e.registered - e.checked_in, 0))
              for e in events if e.status == "scheduled" and e.ends > now
              and (e.starts >= now or e.registered > e.checked_in)]
    found.sort(key=lambda item: (item.starts, item.kind, item.id))
    return found[:EXPECTED_LIMIT]


def _renewals(tx: Tx, day: dt.date, bookings: list[BookingView]) -> list[RenewalChance]:
    first_booked: dict[int, dt.datetime] = {}
    for booking in bookings:
        if booking.member_id is not None and booking.status != "cancelled":
            first_booked.setdefault(booking.member_id, booking.starts)
    chances: list[RenewalChance] = []
    for member_id, booked_at in first_booked.items():
        row = get_member(tx, member_id).row  # the members service's own status and end date
        if row.ends_on is None or row.status not in MAY_BOOK:
            continue
        days_left = (row.ends_on - day).days
        if days_left > RENEWAL_DAYS:
            continue
        chances.append(RenewalChance(row.id, row.number, row.name, row.phone, row.plan,
                                     row.ends_on, days_left, booked_at))
    chances.sort(key=lambda c: (c.ends_on, c.name))
    return chances


@service(Permission.BOOK, write=False)
def today_overview(tx: Tx, day: dt.date | None = None) -> TodayOverview:
    """The desk's day: bookings in time order, events with their counts, who is expected next
    (from the clock's now) and the members booked today whose membership ends within 30 days."""
    now = tx.clock.now()
    day = day or now.date()
    every = list_bookings(tx, day, day, include_cancelled=True)
    bookings = [b for b in every if b.event_id is None and b.status != "cancelled"]
    events = list_events(tx, day, day, include_cancelled=False)
    return TodayOverview(
        day=day, now=now, bookings=tuple(bookings), events=tuple(events),
        expected=tuple(_expected(now, bookings, events) if day == now.date() else ()),
        renewals=tuple(_renewals(tx, day, bookings)))


def _booking_matches(booking: BookingView, needle: str, digits: str,
                     member_ids: set[int]) -> bool:
    if booking.member_id is not None and booking.member_id in member_ids:
        return True
    texts = (booking.member_name, booking.guest_name, booking.space_name, booking.purpose,
             booking.member_number)
    if any(text and needle in keys.normalise_text(text).casefold() for text in texts):
        return True
    phone = "".join(ch for ch in booking.member_phone if ch.isdigit())
    return len(digits) >= 3 and digits in phone


@service(Permission.BOOK, write=False)
def search_everything(tx: Tx, text: str, limit: int = 8) -> SearchResults:
    """One search box: members (name, pinyin, number, phone), bookings over the coming two
    weeks (by the member — the same member search — guest, space or purpose) and events (by
    title: upcoming first, then the last month's)."""
    needle = keys.normalise_text(text or "").casefold()
    if not needle:
        return SearchResults((), (), ())
    members = search_members(tx, MemberQuery(text=needle), limit=200)
    member_ids = {m.id for m in members}
    today = tx.clock.now().date()
    digits = "".join(ch for ch in needle if ch.isdigit())
    upcoming = list_bookings(tx, today, today + dt.timedelta(days=SEARCH_DAYS - 1))
    bookings = [b for b in upcoming if b.event_id is None
                and b.ends > tx.clock.now() and _booking_matches(b, needle, digits, member_ids)]
    events = list_events(tx, today - dt.timedelta(days=30), None, search=needle)
    coming = [e for e in events if e.starts.date() >= today]
    past = sorted((e for e in events if e.starts.date() < today),
                  key=lambda e: e.starts, reverse=True)
    return SearchResults(tuple(members[:limit]), tuple(bookings[:limit]),
                         tuple((coming + past)[:limit]))


@service(Permission.BOOK, write=False)
def change_stamp(tx: Tx) -> tuple[int, int]:
    """A cheap value that changes whenever any desk writes: every flush leaves audit entries
    (desktop/audit/recorder.py), so the newest entry's id and how many entries sit near it
    change with every committed write (two indexed lookups on the primary key)."""
    newest = int(tx.session.scalar(select(func.max(AuditEntry.id))) or 0)
    recent = int(tx.session.scalar(select(func.count(AuditEntry.id))
                                   .where(AuditEntry.id > newest - _STAMP_WINDOW)) or 0)
    return newest, recent
