"""Check-in at the door: one scan (or a few typed keys) to one of a closed set of outcomes.

A USB scanner types the member number from the card's QR code and Enter; the desk may also
type a name, pinyin, number or phone.  ``scan`` resolves the person, decides the outcome and,
for a registered person, checks them in (their companions with them) — all in one write
transaction under the event's lock.  The database keeps at most one active check-in per
registration (a unique partial index), so two desks scanning the same card count it once: the
second sees "already checked in, at …, by …".  Every attempt, failed ones with their outcome,
is appended to the attempt log (its rows cannot be changed or deleted).  Undo annuls a
check-in (kept, with who undid it), it never deletes.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError

from desktop.errors import DomainError, NotFound
from desktop.events.registrations import (
    EventFull,
    RegistrationInput,
    RegistrationView,
    _view_registration,
    register,
)
from desktop.events.service import _event_row, _registered_people
from desktop.events.visits import _add_visit
from desktop.i18n import Message, msg
from desktop.members.keys import canonical_phone, normalise_text
from desktop.members.service import MemberQuery, MemberRow, search_members
from desktop.models.accounts import StaffAccount
from desktop.models.booking import Booking
from desktop.models.event import CheckIn, CheckInAttempt, Event, Registration
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.registry import SettingDef, define, non_negative
from desktop.settings.store import get_setting

DOORS_OPEN_MINUTES = define(SettingDef(
    "events.doors_open_minutes", int, 60, msg("Doors open before an event (minutes)"),
    msg("Checking in earlier than this before an event's start, or later than this after its "
        "end, is allowed with a warning at the door."),
    non_negative("events.doors_open_minutes"),
))

MAX_CODE = 120
CANDIDATES = 6


class Outcome(enum.StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    NOT_REGISTERED = "not_registered"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WRONG_EVENT = "wrong_event"
    UNKNOWN = "unknown"
    CHOOSE = "choose"  # a typed name matched several members: the desk picks one
    UNDONE = "undone"


@dataclass(frozen=True)
class Counters:
    expected: int  # people holding a place
    checked_in: int  # people checked in (companions included)
    walk_ins: int  # people who registered at the door
    to_come: int

    @property
    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.expected, self.checked_in, self.walk_ins, self.to_come)


@dataclass(frozen=True)
class ScanResult:
    outcome: Outcome
    message: Message
    counters: Counters
    registration: RegistrationView | None = None
    member_id: int | None = None
    member_name: str | None = None
    candidates: tuple[MemberRow, ...] = ()
    other_event_title: str | None = None
    room_for_walk_in: bool = False
    warning: Message | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.CHECKED_IN, Outcome.UNDONE)


@dataclass(frozen=True)
class AttemptView:
    id: int
    at: dt.datetime
    code: str
    outcome: str
    by: str
    registration_id: int | None


# -- counters --------------------------------------------------------------------------------


def _counters(tx: Tx, event_id: int) -> Counters:
    expected = _registered_people(tx, event_id)
    came = tx.session.execute(
        select(func.coalesce(func.sum(1 + Registration.companions), 0),
               func.coalesce(func.sum(case((Registration.walk_in.is_(True),
                                            1 + Registration.companions), else_=0)), 0))
        .join(CheckIn, CheckIn.registration_id == Registration.id)
        .where(Registration.event_id == event_id, CheckIn.annulled_at.is_(None))).one()
    checked_in, walk_ins = int(came[0]), int(came[1])
    return Counters(expected, checked_in, walk_ins, max(expected - checked_in, 0))


@service(Permission.RUN_EVENTS, write=False)
def counters(tx: Tx, event_id: int) -> Counters:
    _event_row(tx, event_id)
    return _counters(tx, event_id)


# -- resolving who was scanned ---------------------------------------------------------------


def _by_number(tx: Tx, code: str) -> Member | None:
    """Numbers are stored upper-case and half-width (members.keys): compare the normalised
    code with the column itself, so the unique index answers (upper() on the column would
    read every member)."""
    return tx.session.scalar(select(Member).where(
        Member.number == normalise_text(code).upper(), Member.erased_at.is_(None)))


def _guest_registration(tx: Tx, event_id: int, code: str) -> Registration | None:
    """A guest is found by the phone they registered with."""
    try:
        phone = canonical_phone(code)
    except DomainError:
        return None
    if phone is None:
        return None
    return tx.session.scalar(select(Registration).where(
        Registration.event_id == event_id, Registration.guest_key == f"tel:{phone}")
        .order_by(Registration.id.desc()).limit(1))


def _registration_of(tx: Tx, event_id: int, member_id: int) -> Registration | None:
    """The member's registration for the event: an active one first, else the latest."""
    rows = tx.session.scalars(select(Registration).where(
        Registration.event_id == event_id, Registration.member_id == member_id)
        .order_by(Registration.id.desc())).all()
    active = [r for r in rows if r.status != "cancelled"]
    if active:
        return active[0]
    return rows[0] if rows else None


def _other_event_today(tx: Tx, event: Event, member_id: int, day: dt.date) -> str | None:
    start = dt.datetime.combine(day, dt.time())
    title = tx.session.scalar(
        select(Event.title).join(Registration, Registration.event_id == Event.id)
        .join(Booking, Booking.event_id == Event.id)
        .where(Registration.member_id == member_id, Registration.status != "cancelled",
               Event.id != event.id, Booking.starts >= start,
               Booking.starts < start + dt.timedelta(days=1))
        .order_by(Booking.starts).limit(1))
    return title


def _window_warning(tx: Tx, event_id: int) -> Message | None:
    booking = tx.session.scalar(select(Booking).where(Booking.event_id == event_id)
                                .order_by(Booking.id.desc()).limit(1))
    if booking is None:
        return None
    margin = dt.timedelta(minutes=int(get_setting(tx, DOORS_OPEN_MINUTES.name)))
    now = tx.clock.now()
    if now < booking.starts - margin:
        return msg("Early: the event starts at {time}.", time=f"{booking.starts:%Y-%m-%d %H:%M}")
    if now > booking.ends + margin:
        return msg("Late: the event ended at {time}.", time=f"{booking.ends:%Y-%m-%d %H:%M}")
    return None


# -- writing ---------------------------------------------------------------------------------


def _log(tx: Tx, event_id: int | None, code: str, outcome: Outcome,
         registration_id: int | None = None) -> None:
    tx.session.add(CheckInAttempt(event_id=event_id, code=code[:MAX_CODE] or "—",
                                  outcome=outcome.value, registration_id=registration_id,
                                  at=tx.clock.now(), by=tx.actor.username))
    tx.session.flush()


def _active_check_in(tx: Tx, registration_id: int) -> CheckIn | None:
    return tx.session.scalar(select(CheckIn).where(CheckIn.registration_id == registration_id,
                                                   CheckIn.annulled_at.is_(None)))


def _staff_name(tx: Tx, username: str) -> str:
    """The desk as people know it (its display name), for "already checked in … by …"."""
    name = tx.session.scalar(select(StaffAccount.display_name)
                             .where(StaffAccount.username == username))
    return name or username


def _already(tx: Tx, event_id: int, code: str, registration: Registration,
             existing: CheckIn, warning: Message | None) -> ScanResult:
    _log(tx, event_id, code, Outcome.ALREADY, registration.id)
    view = _view_registration(tx, registration.id)
    return ScanResult(Outcome.ALREADY, msg(
        "{who} is already checked in (at {time}, by {by}).", who=view.who,
        time=f"{existing.at:%H:%M}", by=_staff_name(tx, existing.by)), _counters(tx, event_id),
        view,
        registration.member_id, view.member_name, warning=warning)


def _check_in(tx: Tx, event_id: int, code: str, registration: Registration,
              warning: Message | None) -> ScanResult:
    """Check a registered person in, once: a second desk racing us meets the unique index."""
    existing = _active_check_in(tx, registration.id)
    if existing is not None:
        return _already(tx, event_id, code, registration, existing, warning)
    try:
        with tx.session.begin_nested():
            tx.session.add(CheckIn(registration_id=registration.id, at=tx.clock.now(),
                                   by=tx.actor.username))
            tx.session.flush()
    except IntegrityError:
        existing = _active_check_in(tx, registration.id)
        assert existing is not None
        return _already(tx, event_id, code, registration, existing, warning)
    if registration.member_id is not None:  # the member came in: "last seen" counts it
        _add_visit(tx, registration.member_id, "event", event_id=event_id)
    _log(tx, event_id, code, Outcome.CHECKED_IN, registration.id)
    view = _view_registration(tx, registration.id)
    text = (msg("{who} checked in with {count} more.", who=view.who, count=view.companions)
            if view.companions else msg("{who} checked in.", who=view.who))
    return ScanResult(Outcome.CHECKED_IN, text, _counters(tx, event_id), view,
                      registration.member_id, view.member_name, warning=warning)


def _event_cancelled(tx: Tx, event: Event, code: str) -> ScanResult:
    _log(tx, event.id, code, Outcome.CANCELLED)
    return ScanResult(Outcome.CANCELLED, msg("{title} is cancelled; nobody is checked in.",
                                             title=event.title), _counters(tx, event.id))


def _by_status(tx: Tx, event: Event, code: str, registration: Registration,
               warning: Message | None) -> ScanResult:
    if event.status != "scheduled":
        return _event_cancelled(tx, event, code)
    if registration.status == "registered":
        return _check_in(tx, event.id, code, registration, warning)
    view = _view_registration(tx, registration.id)
    if registration.status == "waitlisted":
        _log(tx, event.id, code, Outcome.WAITLISTED, registration.id)
        return ScanResult(Outcome.WAITLISTED, msg(
            "{who} is on the waitlist, not yet given a place.", who=view.who),
            _counters(tx, event.id), view, registration.member_id, view.member_name,
            warning=warning)
    _log(tx, event.id, code, Outcome.CANCELLED, registration.id)
    return ScanResult(Outcome.CANCELLED, msg("{who} cancelled their registration.", who=view.who),
                      _counters(tx, event.id), view, registration.member_id, view.member_name,
                      room_for_walk_in=_room(tx, event, 0), warning=warning)


def _room(tx: Tx, event: Event, companions: int) -> bool:
    return _registered_people(tx, event.id) + 1 + companions <= event.capacity


def _for_member(tx: Tx, event: Event, code: str, member_id: int, name: str,
                warning: Message | None) -> ScanResult:
    registration = _registration_of(tx, event.id, member_id)
    if registration is not None:
        return _by_status(tx, event, code, registration, warning)
    other = _other_event_today(tx, event, member_id, tx.clock.now().date())
    counts = _counters(tx, event.id)
    if other is not None:
        _log(tx, event.id, code, Outcome.WRONG_EVENT)
        return ScanResult(Outcome.WRONG_EVENT, msg(
            "{name} is registered for another event today: {title}.", name=name, title=other),
            counts, None, member_id, name, other_event_title=other,
            room_for_walk_in=_room(tx, event, 0), warning=warning)
    _log(tx, event.id, code, Outcome.NOT_REGISTERED)
    room = _room(tx, event, 0)
    text = (msg("{name} is not registered; there is room for a walk-in.", name=name) if room
            else msg("{name} is not registered, and the event is full.", name=name))
    return ScanResult(Outcome.NOT_REGISTERED, text, counts, None, member_id, name,
                      room_for_walk_in=room, warning=warning)


@service(Permission.RUN_EVENTS)
def scan(tx: Tx, event_id: int, code: str) -> ScanResult:
    """One scan or typed search at the door, to its outcome (checked in when registered)."""
    event = _event_row(tx, event_id, lock=True)
    text = " ".join((code or "").split())[:MAX_CODE]
    warning = _window_warning(tx, event_id)
    if event.status != "scheduled":
        return _event_cancelled(tx, event, text or "—")
    if not text:
        _log(tx, event_id, text, Outcome.UNKNOWN)
        return ScanResult(Outcome.UNKNOWN, msg("Scan a card or type a name, number or phone."),
                          _counters(tx, event_id))
    member = _by_number(tx, text)
    if member is not None:
        return _for_member(tx, event, text, member.id, member.name, warning)
    guest = _guest_registration(tx, event_id, text)
    if guest is not None:
        return _by_status(tx, event, text, guest, warning)
    found = search_members(tx, MemberQuery(text=text), limit=CANDIDATES) if len(text) >= 2 else []
    if len(found) == 1:
        return _for_member(tx, event, text, found[0].id, found[0].name, warning)
    if found:
        _log(tx, event_id, text, Outcome.CHOOSE)
        return ScanResult(Outcome.CHOOSE, msg("Several members match {code}; choose one.",
                                              code=text),
                          _counters(tx, event_id), candidates=tuple(found), warning=warning)
    _log(tx, event_id, text, Outcome.UNKNOWN)
    return ScanResult(Outcome.UNKNOWN, msg("No member or registration matches {code}.",
                                           code=text), _counters(tx, event_id), warning=warning)


@service(Permission.RUN_EVENTS)
def check_in_registration(tx: Tx, registration_id: int) -> ScanResult:
    """Check in from the list (the desk picked the person rather than scanning)."""
    registration = tx.session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(msg("That registration does not exist."), field="registration_id")
    event = _event_row(tx, registration.event_id, lock=True)
    tx.session.refresh(registration)
    code = f"#{registration_id}"
    return _by_status(tx, event, code, registration, _window_warning(tx, event.id))


@service(Permission.RUN_EVENTS)
def walk_in(tx: Tx, event_id: int, member_id: int, companions: int = 0) -> ScanResult:
    """Register a member at the door and check them in, when there is room."""
    code = f"walk-in #{member_id}"
    try:
        with tx.session.begin_nested():
            result = register(tx, event_id, RegistrationInput(member_id=member_id,
                                                              companions=companions),
                              waitlist=False, confirm_warnings=True, walk_in=True)
    except EventFull as full:  # answered, not raised: the attempt stays in the log
        _log(tx, event_id, code, Outcome.NOT_REGISTERED)
        return ScanResult(Outcome.NOT_REGISTERED, full.message, _counters(tx, event_id),
                          member_id=member_id, room_for_walk_in=False)
    registration = tx.session.get(Registration, result.registration.id)
    assert registration is not None
    event = _event_row(tx, event_id)
    return _check_in(tx, event.id, code, registration,
                     _window_warning(tx, event_id))


@service(Permission.RUN_EVENTS)
def undo_check_in(tx: Tx, registration_id: int) -> ScanResult:
    """Annul a check-in (kept, with who undid it and when); refused when there is none."""
    registration = tx.session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(msg("That registration does not exist."), field="registration_id")
    _event_row(tx, registration.event_id, lock=True)
    existing = _active_check_in(tx, registration_id)
    if existing is None:
        raise DomainError(msg("This person is not checked in; there is nothing to undo."),
                          field="registration_id")
    existing.annulled_at = tx.clock.now()
    existing.annulled_by = tx.actor.username
    tx.session.flush()
    _log(tx, registration.event_id, f"undo #{registration_id}", Outcome.UNDONE, registration_id)
    view = _view_registration(tx, registration_id)
    return ScanResult(Outcome.UNDONE, msg("Check-in of {who} undone.", who=view.who),
                      _counters(tx, registration.event_id), view, registration.member_id,
                      view.member_name)


@service(Permission.RUN_EVENTS, write=False)
def list_attempts(tx: Tx, event_id: int, *, limit: int = 200) -> list[AttemptView]:
    rows = tx.session.scalars(select(CheckInAttempt).where(CheckInAttempt.event_id == event_id)
                              .order_by(CheckInAttempt.at.desc(), CheckInAttempt.id.desc())
                              .limit(limit))
    return [AttemptView(a.id, a.at, a.code, a.outcome, a.by, a.registration_id) for a in rows]
