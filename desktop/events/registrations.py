"""Registrations: who holds a place at an event, who waits, and the moves between them.

Every change runs under a lock on the event (SQLite: the write transaction, BEGIN IMMEDIATE;
PostgreSQL: the event row FOR UPDATE), so two desks registering for the last place, or one
cancelling while another registers, leave the event within capacity and promote the waitlist
exactly once per freed place.  The database adds its own guard: at most one active
registration per person per event (unique partial indexes).

Allowed moves (anything else is refused with the reason):
    registered -> cancelled;  waitlisted -> registered (promotion) | cancelled.
A cancelled registration stays cancelled: registering again makes a new one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from desktop.booking.service import _standing
from desktop.errors import DomainError, NotFound
from desktop.events.service import _event_row, _registered_people
from desktop.i18n import Message, keep_messages, msg
from desktop.members.keys import canonical_phone, display_phone, sort_key
from desktop.members.status import MAY_BOOK
from desktop.models.event import CheckIn, Registration
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service

TRANSITIONS: frozenset[tuple[str, str]] = frozenset({
    ("registered", "cancelled"),
    ("waitlisted", "registered"),
    ("waitlisted", "cancelled"),
})
MAX_COMPANIONS = 20


class NeedsConfirmation(DomainError):
    """A warning the desk may accept (a lapsed member registering): call again with
    ``confirm_warnings=True`` and the warning is recorded on the registration."""

    def __init__(self, warnings: list[Message]) -> None:
        super().__init__(warnings[0])
        self.warnings = warnings


class EventFull(DomainError):
    """No place and no waitlist wanted (a walk-in at the door, say)."""


@dataclass(frozen=True)
class RegistrationInput:
    member_id: int | None = None
    guest_name: str | None = None
    guest_phone: str | None = None
    host_member_id: int | None = None  # the member who brings the guest
    companions: int = 0
    paid: bool = False


@dataclass(frozen=True)
class RegistrationView:
    id: int
    event_id: int
    member_id: int | None
    member_name: str | None
    member_number: str | None
    member_phone: str
    sort_name: str  # pinyin order for Chinese names
    guest_name: str | None
    guest_phone: str
    host_member_id: int | None
    host_name: str | None
    companions: int
    status: str
    paid: bool
    walk_in: bool
    warning_note: str | None
    created_at: dt.datetime
    created_by: str
    promoted_at: dt.datetime | None
    checked_in_at: dt.datetime | None
    checked_in_by: str | None

    @property
    def people(self) -> int:
        return 1 + self.companions

    @property
    def who(self) -> str:
        if self.guest_name:
            host = f" ({self.host_name})" if self.host_name else ""
            return f"{self.guest_name}{host}"
        return self.member_name or "—"


@dataclass(frozen=True)
class RegistrationResult:
    registration: RegistrationView
    warnings: tuple[Message, ...]

    @property
    def waitlisted(self) -> bool:
        return self.registration.status == "waitlisted"


@dataclass(frozen=True)
class CancelResult:
    registration: RegistrationView
    promoted: tuple[RegistrationView, ...]


def status_label(status: str) -> Message:
    return {"registered": msg("registered"), "waitlisted": msg("waitlisted"),
            "cancelled": msg("cancelled")}.get(status, msg("cancelled"))


def guest_key(name: str, phone: str | None) -> str:
    """Who a guest is, for "registered once": the phone (E.164), else the folded name."""
    if phone:
        return f"tel:{phone}"
    return "name:" + unicodedata.normalize("NFKC", " ".join(name.split())).casefold()


def _check_transition(registration: Registration, target: str) -> None:
    if (registration.status, target) not in TRANSITIONS:
        raise DomainError(msg("A registration that is {status} cannot become {target}.",
                              status=status_label(registration.status),
                              target=status_label(target)), field="status")


# -- reading ---------------------------------------------------------------------------------

_HOST = aliased(Member)


def _query() -> Select[Registration, str, str, str | None, str, str, dt.datetime, str]:
    return (select(Registration, Member.name, Member.number, Member.phone, Member.sort_name,
                   _HOST.name, CheckIn.at, CheckIn.by)
            .outerjoin(Member, Member.id == Registration.member_id)
            .outerjoin(_HOST, _HOST.id == Registration.host_member_id)
            .outerjoin(CheckIn, (CheckIn.registration_id == Registration.id)
                       & CheckIn.annulled_at.is_(None)))


def _view(row: Sequence[Any]) -> RegistrationView:
    registration, name, number, phone, sort_name, host_name, at, by = row
    return RegistrationView(
        id=registration.id, event_id=registration.event_id, member_id=registration.member_id,
        member_name=name, member_number=number,
        member_phone=display_phone(phone) if phone else "",
        sort_name=sort_name or sort_key(registration.guest_name or ""),
        guest_name=registration.guest_name,
        guest_phone=display_phone(registration.guest_phone) if registration.guest_phone else "",
        host_member_id=registration.host_member_id, host_name=host_name,
        companions=registration.companions, status=registration.status, paid=registration.paid,
        walk_in=registration.walk_in, warning_note=registration.warning_note,
        created_at=registration.created_at, created_by=registration.created_by,
        promoted_at=registration.promoted_at, checked_in_at=at, checked_in_by=by)


def _view_registration(tx: Tx, registration_id: int) -> RegistrationView:
    row = tx.session.execute(_query().where(Registration.id == registration_id)).first()
    if row is None:
        raise NotFound(msg("That registration does not exist."), field="registration_id")
    return _view(row)


@service(Permission.RUN_EVENTS, write=False)
def get_registration(tx: Tx, registration_id: int) -> RegistrationView:
    return _view_registration(tx, registration_id)


@service(Permission.RUN_EVENTS, write=False)
def list_registrations(tx: Tx, event_id: int, *,
                       include_cancelled: bool = False) -> list[RegistrationView]:
    """The event's people: registered by name (pinyin order), then the waitlist in order."""
    _event_row(tx, event_id)
    stmt = _query().where(Registration.event_id == event_id)
    if not include_cancelled:
        stmt = stmt.where(Registration.status != "cancelled")
    views = [_view(row) for row in tx.session.execute(stmt)]
    order = {"registered": 0, "waitlisted": 1, "cancelled": 2}
    return sorted(views, key=lambda v: (
        order.get(v.status, 3),
        ("", v.id) if v.status == "waitlisted" else (v.sort_name, v.id)))


# -- writing ---------------------------------------------------------------------------------


def _clean_input(tx: Tx, data: RegistrationInput) -> tuple[str | None, str | None, str | None]:
    if data.companions < 0 or data.companions > MAX_COMPANIONS:
        raise DomainError(msg("Companions must be between 0 and {most}.", most=MAX_COMPANIONS),
                          field="companions")
    guest = " ".join((data.guest_name or "").split())[:120] or None
    phone = canonical_phone(data.guest_phone, field="guest_phone")
    if data.member_id is None:
        if guest is None:
            raise DomainError(msg("Choose a member, or give the guest's name."),
                              field="member_id")
        if data.host_member_id is None:
            raise DomainError(msg("A guest needs a host: choose the member who brings them."),
                              field="host_member_id")
        return guest, phone, guest_key(guest, phone)
    if guest is not None:
        raise DomainError(msg("Register either a member or a guest, not both."),
                          field="guest_name")
    return None, None, None


def _warnings(tx: Tx, data: RegistrationInput) -> list[Message]:
    """Who may come but with a warning: a member (or host) whose membership has lapsed or is
    suspended.  An erased record cannot register at all."""
    found: list[Message] = []
    for member_id in (data.member_id, data.host_member_id):
        if member_id is None:
            continue
        status, person = _standing(tx, member_id)
        if status is None:
            raise DomainError(msg("This member's record was erased; they cannot register."),
                              field="member_id")
        if status not in MAY_BOOK:
            found.append(msg("{name} is {status}.", name=person[0], status=status.label))
    return found


def _refuse_twice(tx: Tx, event_id: int, data: RegistrationInput, key: str | None) -> None:
    stmt = select(Registration).where(Registration.event_id == event_id,
                                      Registration.status != "cancelled")
    if data.member_id is not None:
        stmt = stmt.where(Registration.member_id == data.member_id)
    else:
        stmt = stmt.where(Registration.guest_key == key)
    same = tx.session.scalar(stmt.limit(1))
    if same is not None:
        raise DomainError(msg("Already {status} for this event (since {when}).",
                              status=status_label(same.status),
                              when=f"{same.created_at:%Y-%m-%d %H:%M}"), field="member_id")


@service(Permission.RUN_EVENTS)
def register(tx: Tx, event_id: int, data: RegistrationInput, *, waitlist: bool = True,
             confirm_warnings: bool = False, walk_in: bool = False) -> RegistrationResult:
    """Register a member or a hosted guest (with companions) for an event.

    A place when the people fit within capacity and nobody is waiting (a newcomer does not
    overtake the waitlist, as a promotion does not); otherwise the waitlist (or EventFull
    when ``waitlist`` is False: a walk-in at the door takes a free place there and then).
    A lapsed member raises NeedsConfirmation unless the desk confirmed, and the warning is
    then kept on the registration.
    """
    event = _event_row(tx, event_id, lock=True)
    if event.status != "scheduled":
        raise DomainError(msg("This event is cancelled."), field="event_id")
    guest, phone, key = _clean_input(tx, data)
    warnings = _warnings(tx, data)
    if warnings and not confirm_warnings:
        raise NeedsConfirmation(warnings)
    _refuse_twice(tx, event_id, data, key)
    people = 1 + data.companions
    fits = _registered_people(tx, event_id) + people <= event.capacity
    if fits and waitlist and _someone_waits(tx, event_id):
        fits = False  # first come, first served: a newcomer queues behind those waiting
    if not fits and not waitlist:
        raise EventFull(msg("{title} is full: {left} places left for {people} people.",
                            title=event.title,
                            left=max(event.capacity - _registered_people(tx, event_id), 0),
                            people=people), field="companions")
    registration = Registration(
        event_id=event_id, member_id=data.member_id, guest_name=guest, guest_phone=phone,
        guest_key=key, host_member_id=data.host_member_id if guest else None,
        companions=data.companions, status="registered" if fits else "waitlisted",
        paid=bool(data.paid), walk_in=walk_in,
        warning_note=keep_messages(warnings, 200),
        created_by=tx.actor.username, created_at=tx.clock.now())
    tx.session.add(registration)
    try:
        with tx.session.begin_nested():
            tx.session.flush()
    except IntegrityError:
        raise DomainError(msg("Already registered for this event (another desk was faster)."),
                          field="member_id") from None
    return RegistrationResult(_view_registration(tx, registration.id), tuple(warnings))


def _someone_waits(tx: Tx, event_id: int) -> bool:
    return tx.session.scalar(select(Registration.id).where(
        Registration.event_id == event_id, Registration.status == "waitlisted").limit(1)) \
        is not None


def _promote(tx: Tx, event_id: int, capacity: int) -> list[int]:
    """Move the head of the waitlist up while its party fits (first come, first served: a
    big party at the head is not overtaken by smaller ones behind it)."""
    promoted: list[int] = []
    taken = _registered_people(tx, event_id)
    waiting = tx.session.scalars(
        select(Registration).where(Registration.event_id == event_id,
                                   Registration.status == "waitlisted")
        # Arrival order is the id (made under the event's lock), not created_at: each desk
        # stamps that with its own computer's clock, and two desks' clocks disagree.
        .order_by(Registration.id))
    for registration in waiting:
        if taken + 1 + registration.companions > capacity:
            break
        _check_transition(registration, "registered")
        registration.status = "registered"
        registration.promoted_at = tx.clock.now()
        taken += 1 + registration.companions
        promoted.append(registration.id)
    tx.session.flush()
    return promoted


@service(Permission.RUN_EVENTS)
def promote_waitlist(tx: Tx, event_id: int) -> list[RegistrationView]:
    """Fill freed places from the waitlist (after a cancellation or a larger capacity)."""
    event = _event_row(tx, event_id, lock=True)
    if event.status != "scheduled":
        return []
    return [_view_registration(tx, rid) for rid in _promote(tx, event_id, event.capacity)]


@service(Permission.RUN_EVENTS)
def cancel_registration(tx: Tx, registration_id: int, reason: str = "") -> CancelResult:
    """Cancel a place (or a wait); a freed place promotes the waitlist, and the desk is told
    who moved up."""
    registration = tx.session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(msg("That registration does not exist."), field="registration_id")
    event = _event_row(tx, registration.event_id, lock=True)
    tx.session.refresh(registration)
    _check_transition(registration, "cancelled")
    active = tx.session.scalar(select(CheckIn.id).where(
        CheckIn.registration_id == registration_id, CheckIn.annulled_at.is_(None)))
    if active is not None:
        raise DomainError(msg("This person is checked in; undo the check-in first."),
                          field="status")
    freed = registration.status == "registered"
    registration.status = "cancelled"
    registration.cancelled_at = tx.clock.now()
    registration.cancel_reason = " ".join(reason.split())[:200] or None
    tx.session.flush()
    promoted: list[int] = []
    if freed and event.status == "scheduled":
        promoted = _promote(tx, event.id, event.capacity)
    return CancelResult(_view_registration(tx, registration_id),
                        tuple(_view_registration(tx, rid) for rid in promoted))


@service(Permission.RUN_EVENTS)
def set_paid(tx: Tx, registration_id: int, paid: bool) -> RegistrationView:
    registration = tx.session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(msg("That registration does not exist."), field="registration_id")
    event = _event_row(tx, registration.event_id)
    if paid and event.fee <= 0:
        raise DomainError(msg("This event has no fee."), field="paid")
    registration.paid = paid
    tx.session.flush()
    return _view_registration(tx, registration_id)
