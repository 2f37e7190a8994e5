"""A booking's statuses: confirmed -> checked in | cancelled (with a reason) | no-show.

Only a confirmed booking changes status; every refused transition says why.  Bookings nobody
checked in ``booking.no_show_minutes`` after their start become no-shows: ``mark_no_shows``
processes everything overdue, so running it on start-up catches up after the app was closed
and an in-process timer keeps it current.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.booking import rules
from desktop.booking.rules import BookingRefused, Conflict, status_label
from desktop.booking.service import BookingView, booking_row, view_booking
from desktop.booking.spaces import space_row
from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.models.booking import Booking
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.registry import SettingDef, define, non_negative
from desktop.settings.store import get_setting

NO_SHOW_MINUTES = define(SettingDef(
    "booking.no_show_minutes", int, 30, msg("No-show after (minutes)"),
    msg("A booking not checked in this many minutes after its start becomes a no-show; "
        "0 turns this off."),
    non_negative("booking.no_show_minutes"),
))



def _confirmed(tx: Tx, booking_id: int, action: Message) -> Booking:
    """The booking, locked with its space, if it is still confirmed; otherwise refused."""
    booking = booking_row(tx.session, booking_id)
    space_row(tx.session, booking.space_id, lock=True)
    tx.session.refresh(booking, with_for_update={"of": Booking})
    if booking.status != "confirmed":
        extra = ""
        if booking.status == "checked_in" and booking.checked_in_at is not None:
            extra = f" ({booking.checked_in_at:%H:%M})"
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "Cannot {action}: this booking is already {status}{extra}.", action=action,
            status=status_label(booking.status), extra=extra))])
    return booking


@service(Permission.BOOK)
def check_in(tx: Tx, booking_id: int) -> BookingView:
    """Mark the party arrived (now, by the venue's clock); the member's visit is recorded."""
    booking = _confirmed(tx, booking_id, msg("check in"))
    now = tx.clock.now()
    if now.date() != booking.starts.date():
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "Check-in is on the day of the booking ({day}).", day=f"{booking.starts:%Y-%m-%d}"))])
    booking.status = "checked_in"
    booking.checked_in_at = now
    if booking.member_id is not None:  # the member came in: "last seen" counts it
        from desktop.events.visits import _add_visit

        _add_visit(tx, booking.member_id, "booking", booking_id=booking.id)
    tx.session.flush()
    return view_booking(tx.session, booking)


@service(Permission.BOOK)
def cancel_booking(tx: Tx, booking_id: int, reason: str, *,
                   with_event: bool = False) -> BookingView:
    """Cancel a confirmed booking; the reason is required and kept.  An event's booking is
    cancelled with its event (``cancel_event`` passes ``with_event``), never on its own: the
    event would stay scheduled in a space that is no longer held for it."""
    clean = " ".join((reason or "").split())
    if not clean:
        raise DomainError(msg("Give a reason for cancelling."), field="reason")
    booking = _confirmed(tx, booking_id, msg("cancel"))
    if booking.event_id is not None and not with_event:
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "This booking holds the space for the event {title}: cancel the event instead.",
            title=booking.purpose or "—"))])
    booking.status = "cancelled"
    booking.cancel_reason = clean[:200]
    tx.session.flush()
    return view_booking(tx.session, booking)


@service(Permission.BOOK)
def mark_no_show(tx: Tx, booking_id: int) -> BookingView:
    """The party did not come: only once the booking has started."""
    booking = _confirmed(tx, booking_id, msg("mark as no-show"))
    if booking.starts > tx.clock.now():
        raise BookingRefused([Conflict(rules.STATUS, msg(
            "Cannot mark a no-show before the booking starts ({time}).",
            time=f"{booking.starts:%Y-%m-%d %H:%M}"))])
    booking.status = "no_show"
    tx.session.flush()
    return view_booking(tx.session, booking)


@service(Permission.BOOK)
def mark_no_shows(tx: Tx) -> list[int]:
    """Mark every confirmed booking not checked in ``booking.no_show_minutes`` after its start
    as a no-show (all overdue ones, however old: this catches up after the app was closed).
    Returns the ids marked; with the setting at 0 nothing happens."""
    minutes = int(get_setting(tx, NO_SHOW_MINUTES.name))
    if minutes <= 0:
        return []
    cutoff = tx.clock.now() - dt.timedelta(minutes=minutes)
    overdue = list(tx.session.scalars(
        # An event's booking is not a party arriving: it keeps the space for the whole event.
        select(Booking).where(Booking.status == "confirmed", Booking.starts <= cutoff,
                              Booking.event_id.is_(None))
        .order_by(Booking.starts, Booking.id)
        # PostgreSQL: lock the rows, and skip one a desk checked in meanwhile (the condition
        # is checked again on the locked row), so an arrival is never overwritten.
        .with_for_update(of=Booking)))
    for booking in overdue:
        booking.status = "no_show"
    tx.session.flush()
    return [b.id for b in overdue]
