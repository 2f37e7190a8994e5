"""Plans, membership periods and payments: joining, renewing, correcting a payment.

Renewal follows one rule: a member whose membership has not lapsed (active, expiring, in
grace, or paid ahead) continues from the old end date, so no day is lost or paid twice; a
lapsed member starts afresh on the renewal date and the gap stays visible in the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, msg
from desktop.members.keys import normalise_text
from desktop.members.service import (
    MemberInput,
    MemberRow,
    PeriodView,
    _member,
    create_member,
    get_member,
    period_views,
    status_rules,
    update_member,
)
from desktop.models.members import Member, MembershipPeriod, Payment, Plan
from desktop.permissions import Permission
from desktop.services import Tx, service

PAYMENT_METHODS: dict[str, Message] = {
    "cash": msg("cash"),
    "wechat": msg("WeChat Pay"),
    "alipay": msg("Alipay"),
    "card": msg("bank card"),
    "transfer": msg("bank transfer"),
    "other": msg("other"),
}


@dataclass
class PlanInput:
    name: str
    fee: str | Decimal
    duration_months: int
    benefits: str | None = None
    active: bool = True
    is_default: bool = False


@dataclass
class PaymentInput:
    amount: str | Decimal | None = None  # None: the plan's fee
    method: str = "cash"
    paid_on: dt.date | None = None  # None: today
    receipt_no: str | None = None


def parse_amount(value: str | Decimal | None, field: str = "amount") -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", "").replace("¥", "").replace("￥", ""))
    except (InvalidOperation, AttributeError):
        raise DomainError(msg("{value} is not an amount of money.", value=value),
                          field=field) from None
    if not amount.is_finite() or amount < 0:
        raise DomainError(msg("An amount cannot be negative."), field=field)
    return amount.quantize(Decimal("0.01"))


def _plan(tx: Tx, plan_id: int) -> Plan:
    plan = tx.session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(msg("That plan no longer exists."))
    return plan


def _apply_plan(tx: Tx, plan: Plan, data: PlanInput) -> None:
    name = normalise_text(data.name)
    if not name:
        raise DomainError(msg("A plan needs a name."), field="name")
    taken = tx.session.scalar(select(Plan.id).where(func.lower(Plan.name) == name.lower()))
    if taken is not None and taken != plan.id:
        raise DomainError(msg("There is already a plan called {name}.", name=name), field="name")
    if not 1 <= int(data.duration_months) <= 120:
        raise DomainError(msg("A plan lasts from 1 to 120 months."), field="duration_months")
    plan.name = name
    plan.fee = parse_amount(data.fee, "fee")
    plan.duration_months = int(data.duration_months)
    plan.benefits = (data.benefits or "").strip() or None
    plan.active = data.active
    if data.is_default:
        for other in tx.session.scalars(select(Plan).where(Plan.is_default.is_(True))):
            other.is_default = False
    plan.is_default = data.is_default


@service(Permission.MANAGE_PAYMENTS_AND_PLANS)
def create_plan(tx: Tx, data: PlanInput) -> int:
    plan = Plan(active=True, is_default=False)
    _apply_plan(tx, plan, data)
    tx.session.add(plan)
    tx.session.flush()
    return plan.id


@service(Permission.MANAGE_PAYMENTS_AND_PLANS)
def update_plan(tx: Tx, plan_id: int, data: PlanInput) -> None:
    _apply_plan(tx, _plan(tx, plan_id), data)


@service(Permission.VIEW_MEMBERS, write=False)
def default_plan(tx: Tx) -> Plan | None:
    return tx.session.scalar(
        select(Plan).where(Plan.active.is_(True)).order_by(Plan.is_default.desc(), Plan.id)
    )


@service(Permission.RECORD_MEMBERSHIP)
def record_membership(tx: Tx, member_id: int, plan_id: int, payment: PaymentInput | None = None,
                      *, starts_on: dt.date | None = None) -> PeriodView:
    """Join or renew: a new period on the plan, with its payment, in one transaction.

    ``starts_on`` is only used when the member has no current membership (a join on a given
    date, or a lapsed member's restart); a continuing member always extends from the end.
    """
    member = _member(tx, member_id)
    if member.erased_at is not None or member.archived:
        raise DomainError(msg("Reactivate this member before recording a membership."))
    plan = _plan(tx, plan_id)
    if not plan.active:
        raise DomainError(msg("The plan {name} is no longer offered.", name=plan.name),
                          field="plan")
    start, end = _next_span(tx, member, plan, starts_on)
    period = MembershipPeriod(plan_id=plan.id, starts_on=start, ends_on=end, voided=False,
                              created_at=tx.clock.now())
    period.plan = plan
    member.periods.append(period)
    paid = payment or PaymentInput()
    period.payments.append(_new_payment(tx, paid, plan.fee))
    tx.session.flush()
    return next(v for v in period_views(member.periods, with_payments=True) if v.id == period.id)


def _next_span(tx: Tx, member: Member, plan: Plan,
               starts_on: dt.date | None) -> tuple[dt.date, dt.date]:
    """The first and last day of the period a join or renewal on ``plan`` creates (the rule
    in the module docstring); record_membership and preview_renewal share it."""
    today = tx.clock.now().date()
    rules = status_rules(tx)
    live = [p for p in member.periods if not p.voided]
    latest_end = max((p.ends_on for p in live), default=None)
    if latest_end is not None and (today - latest_end).days <= rules.grace_days:
        start = latest_end + dt.timedelta(days=1)
    else:
        start = starts_on or today
    return start, start + relativedelta(months=plan.duration_months) - dt.timedelta(days=1)


@service(Permission.RECORD_MEMBERSHIP, write=False)
def preview_renewal(tx: Tx, member_id: int, plan_id: int, *,
                    starts_on: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The period ``record_membership`` would create now, for the dialog to show first."""
    return _next_span(tx, _member(tx, member_id), _plan(tx, plan_id), starts_on)


@service(Permission.RECORD_MEMBERSHIP)
def update_and_record(tx: Tx, member_id: int, data: MemberInput, plan_id: int,
                      payment: PaymentInput | None = None, *,
                      allow_duplicates: bool = False) -> MemberRow:
    """Save a member's fields and record their membership as one action, one transaction:
    the add dialog reactivating an archived record it found for the person at the desk."""
    update_member(tx, member_id, data, allow_duplicates=allow_duplicates)
    record_membership(tx, member_id, plan_id, payment)
    return get_member(tx, member_id).row


def _new_payment(tx: Tx, data: PaymentInput, default_amount: Decimal) -> Payment:
    payment = Payment(voided=False, recorded_by=tx.actor.username, created_at=tx.clock.now())
    _apply_payment(tx, payment, data, default_amount)
    return payment


def _apply_payment(tx: Tx, payment: Payment, data: PaymentInput, default_amount: Decimal) -> None:
    if data.method not in PAYMENT_METHODS:
        raise DomainError(msg("Choose how it was paid."), field="method")
    paid_on = data.paid_on or tx.clock.now().date()
    if paid_on > tx.clock.now().date():
        raise DomainError(msg("A payment cannot be dated in the future."), field="paid_on")
    payment.amount = default_amount if data.amount in (None, "") else parse_amount(data.amount)
    payment.method = data.method
    payment.paid_on = paid_on
    payment.receipt_no = normalise_text(data.receipt_no or "") or None


def _payment(tx: Tx, payment_id: int) -> Payment:
    payment = tx.session.get(Payment, payment_id)
    if payment is None:
        raise NotFound(msg("That payment no longer exists."))
    return payment


@service(Permission.MANAGE_PAYMENTS_AND_PLANS)
def edit_payment(tx: Tx, payment_id: int, data: PaymentInput) -> None:
    payment = _payment(tx, payment_id)
    if payment.voided:
        raise DomainError(msg("A voided payment cannot be edited."))
    _apply_payment(tx, payment, data, payment.amount)


@service(Permission.MANAGE_PAYMENTS_AND_PLANS)
def void_payment(tx: Tx, payment_id: int, reason: str, *, void_period: bool = True) -> None:
    """Void a payment (kept, marked, with a reason); by default its period goes with it."""
    if not reason.strip():
        raise DomainError(msg("Give a reason for voiding."), field="reason")
    payment = _payment(tx, payment_id)
    payment.voided = True
    payment.void_reason = reason.strip()[:200]
    if void_period:
        payment.period.voided = True


@service(Permission.RECORD_MEMBERSHIP)
def join_member(tx: Tx, data: MemberInput, plan_id: int, payment: PaymentInput | None = None,
                *, allow_duplicates: bool = False) -> MemberRow:
    """A new member and their first membership with its payment: one action, one transaction."""
    row = create_member(tx, data, allow_duplicates=allow_duplicates)
    record_membership(tx, row.id, plan_id, payment, starts_on=data.joined_on)
    return get_member(tx, row.id).row
