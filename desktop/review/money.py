"""Review → Money: membership payments and event fees by month and by plan, and the event
fees still owed.

A membership payment counts when neither it nor its period is voided, in the month it was
paid.  An event fee counts per registration marked paid on a fee event that was not
cancelled, in the month the event took place, as the fee times the people on the
registration (the member and their companions).  Outstanding: registrations holding a place
(registered, checked in or not) on fee events that have started, not marked paid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, select
from sqlalchemy.orm import Session

from desktop.models.booking import Booking
from desktop.models.event import CheckIn, Event, Registration
from desktop.models.members import Member, MembershipPeriod, Payment, Plan
from desktop.permissions import Permission
from desktop.review.common import (
    Count,
    Drill,
    MonthAmount,
    day_range,
    month_end,
    month_text,
    twelve_months,
    unindexed,
)
from desktop.services import Tx, service
from desktop.settings.registry import CURRENCY
from desktop.settings.store import get_setting

OUTSTANDING_LIMIT = 200


@dataclass(frozen=True)
class PlanAmount:
    plan_id: int
    name: str
    amount: Decimal  # paid in the window
    payments: Count  # payments in the window (drill: who paid)


@dataclass(frozen=True)
class OutstandingFee:
    registration_id: int
    event_id: int
    title: str
    starts: dt.datetime
    member_id: int | None  # None for a guest (then the name is the guest's)
    name: str
    phone: str | None
    people: int  # 1 + companions
    amount: Decimal  # fee × people
    checked_in: bool


@dataclass(frozen=True)
class MoneyReview:
    first: dt.date
    last: dt.date
    currency: str  # setting venue.currency
    payments_per_month: tuple[MonthAmount, ...]  # 12 months ending with last's month
    payments_by_plan: tuple[PlanAmount, ...]  # the window, most first
    payments_total: Decimal  # the window
    event_fees_per_month: tuple[MonthAmount, ...]  # the same 12 months
    event_fees_total: Decimal  # the window
    outstanding: Count  # registrations owing (events started up to the window's end)
    outstanding_amount: Decimal
    outstanding_list: tuple[OutstandingFee, ...]  # oldest event first, at most 200


def live_payment() -> ColumnElement[bool]:
    return and_(Payment.voided.is_(False), MembershipPeriod.voided.is_(False))


def live_payment_alone() -> ColumnElement[bool]:
    """``live_payment`` without joining the period (the few voided periods are looked up once)."""
    return and_(Payment.voided.is_(False), Payment.period_id.not_in(
        select(MembershipPeriod.id).where(MembershipPeriod.voided.is_(True))))


def fee_registration() -> ColumnElement[bool]:
    """A registration holding a place on a scheduled fee event."""
    return and_(Registration.status == "registered", Event.status == "scheduled", Event.fee > 0)


def event_booking() -> Any:
    """The event's booking that is not cancelled (its start is the event's date)."""
    return and_(Booking.event_id == Event.id, Booking.status != "cancelled")


def outstanding_condition(session: Session, until: dt.datetime) -> ColumnElement[bool]:
    return and_(fee_registration(), Registration.paid.is_(False),
                unindexed(session, Booking.starts) < until)


def _money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _per_month(tx: Tx, column: Any, value: Any, base: Any, months: tuple[dt.date, ...],
               kind: str, window: tuple[Any, Any]) -> tuple[tuple[MonthAmount, ...], Decimal]:
    """Totals per trend month, grouped in SQL by the "YYYY-MM" of ``column``, and the total
    of the window [window[0], window[1]) in the same pass (the window lies in the months)."""
    low, _ = day_range(months[0], months[0])
    _, high = day_range(month_end(months[-1]), month_end(months[-1]))
    key = month_text(tx.session, column).label("k")
    bounds = (column >= low, column < high) if kind == "event_fees" else (
        column >= months[0], column <= month_end(months[-1]))
    in_window = and_(column >= window[0], column < window[1])
    stmt = (base.add_columns(key, func.sum(value), func.count(),
                             func.sum(case((in_window, value), else_=0)))
            .where(*bounds).group_by(key))
    found: dict[str, tuple[Any, Any]] = {}
    window_total = Decimal(0)
    for k, total, n, in_total in tx.session.execute(stmt):
        found[str(k)] = (total, n)
        window_total += Decimal(in_total or 0)
    return tuple(MonthAmount(m, _money(found.get(f"{m:%Y-%m}", (0, 0))[0]), Count(
        int(found.get(f"{m:%Y-%m}", (0, 0))[1]), Drill.of(kind, first=m, last=month_end(m))))
        for m in months), _money(window_total)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def money_review(tx: Tx, first: dt.date, last: dt.date) -> MoneyReview:
    """Payments and event fees in [first, last] and per month over the 12 months ending with
    ``last``'s month; fees outstanding on events that started by the window's end and by
    now (see the module docstring for what counts)."""
    months = twelve_months(last)
    payments_base = select().select_from(Payment).where(live_payment_alone())
    payments, _total = _per_month(tx, Payment.paid_on, Payment.amount, payments_base, months,
                                  "payments", (first, last + dt.timedelta(days=1)))
    total = func.sum(Payment.amount)
    by_plan = tuple(
        PlanAmount(plan_id, name, _money(amount), Count(int(n), Drill.of(
            "payments", first=first, last=last, plan_id=plan_id)))
        for plan_id, name, amount, n in tx.session.execute(
            select(Plan.id, Plan.name, total, func.count(Payment.id))
            .select_from(Payment)
            .join(MembershipPeriod, MembershipPeriod.id == Payment.period_id)
            .join(Plan, Plan.id == MembershipPeriod.plan_id)
            .where(live_payment(), Payment.paid_on >= first, Payment.paid_on <= last)
            .group_by(Plan.id, Plan.name).order_by(total.desc(), Plan.name)))
    payments_total = sum((p.amount for p in by_plan), Decimal("0.00"))

    fee = Event.fee * (1 + Registration.companions)
    fees_base = (select().select_from(Registration)
                 .join(Event, Event.id == Registration.event_id)
                 .join(Booking, event_booking())
                 .where(fee_registration(), Registration.paid.is_(True)))
    starts = unindexed(tx.session, Booking.starts)
    start, end = day_range(first, last)
    fees, fees_total = _per_month(tx, starts, fee, fees_base, months, "event_fees",
                                  (start, end))

    until = min(end, tx.clock.now())
    owing = (select().select_from(Registration)
             .join(Event, Event.id == Registration.event_id)
             .join(Booking, event_booking())
             .where(outstanding_condition(tx.session, until)))
    came = exists().where(CheckIn.registration_id == Registration.id,
                          CheckIn.annulled_at.is_(None))
    person = func.coalesce(Member.name, Registration.guest_name)
    phone = func.coalesce(Member.phone, Registration.guest_phone)
    # The count and the sum of all that is owed come with the first rows (window functions
    # are computed before the LIMIT), so the list and its totals are one query.
    rows = tx.session.execute(
        owing.add_columns(Registration.id, Event.id, Event.title, Booking.starts,
                          Registration.member_id, person, phone, Registration.companions,
                          fee, came, func.count().over(), func.sum(fee).over())
        .outerjoin(Member, Member.id == Registration.member_id)
        .order_by(Booking.starts, Event.id, Registration.id).limit(OUTSTANDING_LIMIT)).all()
    owed = tuple(
        OutstandingFee(rid, eid, title, starts, mid, name, ph, 1 + int(companions),
                       _money(amount), bool(checked))
        for rid, eid, title, starts, mid, name, ph, companions, amount, checked, _n, _s
        in rows)
    owed_count, owed_amount = (rows[0][-2], rows[0][-1]) if rows else (0, 0)
    return MoneyReview(
        first=first, last=last, currency=str(get_setting(tx, CURRENCY.name)),
        payments_per_month=payments, payments_by_plan=by_plan, payments_total=payments_total,
        event_fees_per_month=fees, event_fees_total=fees_total,
        outstanding=Count(int(owed_count or 0), Drill.of("outstanding", last=last)),
        outstanding_amount=_money(owed_amount), outstanding_list=owed)
