"""Partners sponsoring or co-hosting events: shown on the event and on the partner (issue 6).

An event's partners are set as one list (the events dialog picks them all at once), so
``set_event_partners`` replaces what was there.  A partner no longer active, or whose
agreement ended before the event, is still accepted — the tea house did pour the tea — but
the caller gets warnings to show, as with a benefit use.  Lists read every event's partners
in one query (``partners_for_events``), never one query per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, msg
from desktop.models.booking import Booking
from desktop.models.circle import EventPartner, Partner
from desktop.models.event import Event
from desktop.permissions import Permission
from desktop.services import Tx, service

ROLES = ("sponsor", "co_host")


def role_label(role: str) -> Message:
    """A partner's part in an event, as people read it."""
    return {"sponsor": msg("Sponsor"), "co_host": msg("Co-host")}.get(role, msg("Sponsor"))


@dataclass(frozen=True)
class EventPartnerView:
    """One partner of one event."""

    event_id: int
    partner_id: int
    name: str
    role: str
    active: bool

    @property
    def role_label(self) -> Message:
        return role_label(self.role)


@dataclass(frozen=True)
class PartnerEventView:
    """One event a partner sponsored or co-hosted."""

    event_id: int
    title: str
    starts: dt.datetime
    status: str
    role: str

    @property
    def role_label(self) -> Message:
        return role_label(self.role)


@dataclass(frozen=True)
class EventPartnersResult:
    partners: tuple[EventPartnerView, ...]
    warnings: tuple[Message, ...]


def _event_start(tx: Tx, event_id: int) -> dt.datetime:
    """When the event starts (its latest booking, as the events service reads it)."""
    if tx.session.get(Event, event_id) is None:
        raise NotFound(msg("That event does not exist."), field="event_id")
    starts = tx.session.scalar(select(Booking.starts).where(Booking.event_id == event_id)
                               .order_by(Booking.id.desc()).limit(1))
    if starts is None:
        raise NotFound(msg("That event has no booking."), field="event_id")
    return starts


def _rows(tx: Tx, event_ids: Sequence[int]) -> list[EventPartnerView]:
    stmt = (select(EventPartner.event_id, EventPartner.partner_id, Partner.name,
                   EventPartner.role, Partner.active)
            .join(Partner, Partner.id == EventPartner.partner_id)
            .where(EventPartner.event_id.in_(event_ids))
            # sponsors first, then co-hosts; by name within each
            .order_by(EventPartner.event_id, EventPartner.role.desc(), Partner.sort_name,
                      Partner.id))
    return [EventPartnerView(event_id, partner_id, name, role, bool(active))
            for event_id, partner_id, name, role, active in tx.session.execute(stmt)]


@service(Permission.RUN_EVENTS)
def set_event_partners(tx: Tx, event_id: int,
                       partners: Iterable[tuple[int, str]]) -> EventPartnersResult:
    """Replace the event's sponsors and co-hosts with ``partners`` ((partner id, role) pairs);
    an inactive partner or one whose agreement ended before the event comes with a warning."""
    day = _event_start(tx, event_id).date()
    wanted: list[tuple[int, str]] = []
    for partner_id, role in partners:
        if role not in ROLES:
            raise DomainError(msg("Choose sponsor or co-host."), field="role")
        if (partner_id, role) not in wanted:
            wanted.append((partner_id, role))
    warnings: list[Message] = []
    found = {p.id: p for p in tx.session.scalars(
        select(Partner).where(Partner.id.in_([pid for pid, _ in wanted])))} if wanted else {}
    warned: set[int] = set()
    for partner_id, _role in wanted:
        partner = found.get(partner_id)
        if partner is None:
            raise NotFound(msg("That partner does not exist."), field="partner_id")
        if partner_id in warned:
            continue
        warned.add(partner_id)
        if partner.agreement_ends is not None and partner.agreement_ends < day:
            warnings.append(msg("{partner}'s agreement ended on {day}, before this event.",
                                partner=partner.name, day=f"{partner.agreement_ends:%Y-%m-%d}"))
        if not partner.active:
            warnings.append(msg("{partner} is no longer an active partner.",
                                partner=partner.name))
    tx.session.execute(delete(EventPartner).where(EventPartner.event_id == event_id))
    tx.session.add_all(EventPartner(event_id=event_id, partner_id=partner_id, role=role)
                       for partner_id, role in wanted)
    tx.session.flush()
    return EventPartnersResult(tuple(_rows(tx, [event_id])), tuple(warnings))


@service(Permission.RUN_EVENTS, write=False)
def list_event_partners(tx: Tx, event_id: int) -> list[EventPartnerView]:
    """The event's sponsors, then its co-hosts."""
    _event_start(tx, event_id)
    return _rows(tx, [event_id])


@service(Permission.RUN_EVENTS, write=False)
def partners_for_events(tx: Tx, event_ids: Iterable[int]) -> dict[int, list[EventPartnerView]]:
    """Every listed event's partners in one query (events without partners are left out)."""
    ids = sorted(set(event_ids))
    found: dict[int, list[EventPartnerView]] = {}
    # a few hundred ids per statement keeps PostgreSQL and SQLite well under their limits
    for start in range(0, len(ids), 500):
        for row in _rows(tx, ids[start:start + 500]):
            found.setdefault(row.event_id, []).append(row)
    return found


@service(Permission.USE_CIRCLE, write=False)
def partner_events(tx: Tx, partner_id: int) -> list[PartnerEventView]:
    """The events the partner sponsored or co-hosted, newest first."""
    if tx.session.get(Partner, partner_id) is None:
        raise NotFound(msg("That partner does not exist."), field="partner_id")
    latest = (select(Booking.event_id.label("event_id"), func.max(Booking.id).label("id"))
              .where(Booking.event_id.is_not(None)).group_by(Booking.event_id).subquery())
    stmt = (select(Event.id, Event.title, Booking.starts, Event.status, EventPartner.role)
            .join(EventPartner, EventPartner.event_id == Event.id)
            .join(latest, latest.c.event_id == Event.id)
            .join(Booking, Booking.id == latest.c.id)
            .where(EventPartner.partner_id == partner_id)
            .order_by(Booking.starts.desc(), Event.id.desc(), EventPartner.role.desc()))
    return [PartnerEventView(event_id, title, starts, status, role)
            for event_id, title, starts, status, role in tx.session.execute(stmt)]
