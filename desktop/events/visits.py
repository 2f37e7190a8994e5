"""Visits: a member came in.  A scan or a name at the desk, a booking's arrival and an event
check-in each leave one; the owner's "last seen" and engagement count them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.errors import DomainError, NotFound
from desktop.i18n import msg
from desktop.models.event import Visit
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service

SOURCES = ("desk", "booking", "event")


@dataclass(frozen=True)
class VisitView:
    id: int
    member_id: int
    member_name: str
    at: dt.datetime
    source: str
    note: str | None
    recorded_by: str


def _add_visit(tx: Tx, member_id: int, source: str, *, note: str | None = None,
              booking_id: int | None = None, event_id: int | None = None) -> Visit:
    """Write a visit inside the caller's transaction (booking check-in, event check-in)."""
    if source not in SOURCES:
        raise ValueError(source)
    visit = Visit(member_id=member_id, at=tx.clock.now(), source=source,
                  note=" ".join((note or "").split())[:200] or None, booking_id=booking_id,
                  event_id=event_id, recorded_by=tx.actor.username)
    tx.session.add(visit)
    return visit


@service(Permission.RUN_EVENTS)
def record_visit(tx: Tx, member_id: int, note: str | None = None) -> VisitView:
    """The desk records that a member came in, outside any event (a scan or a name)."""
    member = tx.session.get(Member, member_id)
    if member is None:
        raise NotFound(msg("That member does not exist."), field="member_id")
    if member.erased_at is not None:
        raise DomainError(msg("This member's record was erased."), field="member_id")
    visit = _add_visit(tx, member_id, "desk", note=note)
    tx.session.flush()
    return VisitView(visit.id, member_id, member.name, visit.at, visit.source, visit.note,
                     visit.recorded_by)


@service(Permission.VIEW_MEMBERS, write=False)
def last_seen(tx: Tx, member_id: int) -> dt.datetime | None:
    """When the member was last in, by any visit."""
    return tx.session.scalar(select(func.max(Visit.at)).where(Visit.member_id == member_id))


@service(Permission.VIEW_MEMBERS, write=False)
def list_visits(tx: Tx, first_day: dt.date, last_day: dt.date, *,
                member_id: int | None = None) -> list[VisitView]:
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    stmt = (select(Visit, Member.name).join(Member, Member.id == Visit.member_id)
            .where(Visit.at >= start, Visit.at < end).order_by(Visit.at.desc(), Visit.id))
    if member_id is not None:
        stmt = stmt.where(Visit.member_id == member_id)
    return [VisitView(v.id, v.member_id, name, v.at, v.source, v.note, v.recorded_by)
            for v, name in tx.session.execute(stmt)]
