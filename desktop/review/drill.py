"""The list behind any number of the review: ``drill_down(ctx, drill)``.

Each ``Count`` in the review carries a ``Drill`` (kind + parameters); this module turns it
back into rows of people (member id, name, phone, one line of detail), at most ``limit``,
with the same conditions the number was counted with (the sections' SQL pieces are shared).
The kinds are listed in ``KINDS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, and_, exists, func, select

from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.members.service import status_rules
from desktop.members.status import Status
from desktop.models.booking import Booking, Space
from desktop.models.circle import BenefitUse, CircleItem, Introduction, Partner
from desktop.models.event import CheckIn, Event, Registration
from desktop.models.members import Member, MembershipPeriod, Payment, Plan, member_tag
from desktop.permissions import Permission
from desktop.review import facts
from desktop.review.circle import OUTCOME_LABELS
from desktop.review.common import (
    Drill,
    DrillRow,
    day_range,
    days_since,
    month_end,
    parse_month,
)
from desktop.review.engagement import event_counts, in_window, not_seen_select, visit_counts
from desktop.review.membership import (
    call_list,
    paying_condition,
    renewal_flags,
    renewed_condition,
)
from desktop.review.money import event_booking, fee_registration, live_payment
from desktop.review.spaces import HELD, time_columns
from desktop.services import Tx, service

DRILL_LIMIT = 500


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return value.isoformat()


def _text(message: Message) -> str:
    return message.render()


def _rows(tx: Tx, stmt: Any, detail: Callable[[tuple[Any, ...]], str],
          limit: int) -> list[DrillRow]:
    """Rows of (member id, name, phone, *extra): the detail line made from the extras."""
    return [DrillRow(row[0], row[1], row[2], detail(tuple(row[3:])))
            for row in tx.session.execute(stmt.limit(limit))]


def _last_visit() -> Any:
    from desktop.models.event import Visit

    return (select(func.max(Visit.at)).where(Visit.member_id == Member.id)
            .correlate(Member).scalar_subquery())


def _people() -> tuple[Any, Any, Any]:
    return Member.id, Member.name, Member.phone


def _ordered(stmt: Select[Any]) -> Select[Any]:
    return stmt.order_by(Member.sort_name, Member.id)


def _seen(extra: tuple[Any, ...]) -> str:
    return _text(msg("last seen {day}", day=_date(extra[0])))


# -- membership ------------------------------------------------------------------------------


def _members(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    stmt = select(*_people(), Member.number, Member.joined_on).where(facts.present())
    if d.arg("as_of") is not None:  # members on that day: not those who joined later
        stmt = stmt.where(facts.joined_by(d.day("as_of")))
    return _rows(tx, _ordered(stmt),
                 lambda e: _text(msg("{number} · joined {day}", number=e[0],
                                     day=_date(e[1]))), limit)


def _status(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    as_of = d.day("as_of")
    span = facts.spans(as_of)
    status = facts.status_case(span, as_of, status_rules(tx))
    stmt = (select(*_people(), span.c.latest_end, _last_visit()).select_from(Member)
            .outerjoin(span, span.c.member_id == Member.id)
            .where(facts.present(), facts.joined_by(as_of), status == str(d.arg("status"))))
    return _rows(tx, _ordered(stmt), lambda e: _text(msg(
        "{status} · membership ends {end} · last seen {seen}",
        status=Status(str(d.arg("status"))).label, end=_date(e[0]), seen=_date(e[1]))), limit)


def _plan(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    as_of = d.day("as_of")
    stmt = (select(*_people(), func.max(MembershipPeriod.ends_on), func.max(Plan.name))
            .join(MembershipPeriod, MembershipPeriod.member_id == Member.id)
            .join(Plan, Plan.id == MembershipPeriod.plan_id)
            .where(facts.present(), facts.joined_by(as_of), facts.live(),
                   MembershipPeriod.plan_id == d.number("plan_id"),
                   MembershipPeriod.starts_on <= as_of, MembershipPeriod.ends_on >= as_of)
            .group_by(Member.id, Member.name, Member.phone, Member.sort_name))
    return _rows(tx, _ordered(stmt), lambda e: _text(msg("{plan} · ends {end}", plan=e[1],
                                                         end=_date(e[0]))), limit)


def _joined(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    month = parse_month(str(d.arg("month")))
    stmt = (select(*_people(), Member.joined_on, Member.number)
            .where(facts.present(), Member.joined_on >= month,
                   Member.joined_on <= month_end(month))
            .order_by(Member.joined_on, Member.sort_name))
    return _rows(tx, stmt, lambda e: _text(msg("{number} · joined {day}", number=e[1],
                                               day=_date(e[0]))), limit)


def _lapsed(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    first, last = d.day("first"), d.day("last")
    grace = status_rules(tx).grace_days
    edges = facts.lapse_edges(first, last, grace, last)
    if edges is None:
        return []
    span = facts.spans(last)
    stmt = (select(*_people(), span.c.latest_end, _last_visit()).select_from(Member)
            .join(span, span.c.member_id == Member.id)
            .where(facts.present(), facts.joined_by(last), span.c.latest_end >= edges[0],
                   span.c.latest_end <= edges[1])
            .order_by(span.c.latest_end.desc(), Member.sort_name))
    return _rows(tx, stmt, lambda e: _text(msg(
        "membership ended {end} · last seen {seen}", end=_date(e[0]), seen=_date(e[1]))),
        limit)


def _expiring(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    return [DrillRow(r.member_id, r.name, r.phone, _text(msg(
        "{plan} · ends {end} ({days} days) · last seen {seen}", plan=r.plan,
        end=_date(r.ends_on), days=r.days_left, seen=_date(r.last_visit))))
        for r in call_list(tx, d.day("as_of"), d.number("days"), limit=limit)]


def _renewal(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    first, last, as_of = d.day("first"), d.day("last"), d.day("as_of")
    renewed, lost = renewal_flags(tx.session, as_of, status_rules(tx).grace_days)
    outcome = str(d.arg("outcome"))
    chosen = {"ended": None, "renewed": renewed, "lost": lost,
              "pending": and_(~renewed, ~lost)}[outcome]
    stmt = (select(*_people(), MembershipPeriod.ends_on, Plan.name)
            .join(MembershipPeriod, MembershipPeriod.member_id == Member.id)
            .join(Plan, Plan.id == MembershipPeriod.plan_id)
            .where(facts.present(), facts.live(), MembershipPeriod.ends_on >= first,
                   MembershipPeriod.ends_on <= last)
            .order_by(MembershipPeriod.ends_on, Member.sort_name))
    if chosen is not None:
        stmt = stmt.where(chosen)
    return _rows(tx, stmt, lambda e: _text(msg("{plan} · ended {end}", plan=e[1],
                                               end=_date(e[0]))), limit)


def _referred(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    referrer = Member.__table__.alias("referrer")
    stmt = (select(*_people(), referrer.c.name, Member.joined_on)
            .join(referrer, referrer.c.id == Member.referred_by_id)
            .where(facts.present()))
    if d.arg("referrer") is not None:
        stmt = stmt.where(Member.referred_by_id == d.number("referrer"))
    which = d.arg("which", "all")
    if which == "paying":
        stmt = stmt.where(paying_condition())
    elif which == "renewed":
        stmt = stmt.where(renewed_condition())
    return _rows(tx, _ordered(stmt), lambda e: _text(msg(
        "brought by {name} · joined {day}", name=e[0], day=_date(e[1]))), limit)


def _tag(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    stmt = (select(*_people(), Member.company, Member.city)
            .join(member_tag, member_tag.c.member_id == Member.id)
            .where(facts.present(), member_tag.c.tag_id == d.number("tag_id")))
    return _rows(tx, _ordered(stmt),
                 lambda e: " · ".join(str(v) for v in e if v) or "—", limit)


# -- engagement ------------------------------------------------------------------------------


def _engaged_members(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    stmt = select(*_people(), _last_visit()).where(in_window(d.day("first"), d.day("last")))
    return _rows(tx, _ordered(stmt), _seen, limit)


def _counted(tx: Tx, d: Drill, limit: int, source: str) -> list[DrillRow]:
    first, last = d.day("first"), d.day("last")
    counts = (visit_counts if source == "visits" else event_counts)(first, last)
    n = func.coalesce(counts.c.n, 0)
    stmt = (select(*_people(), n).select_from(Member)
            .outerjoin(counts, counts.c.member_id == Member.id))
    if d.arg("low") is None:
        stmt = stmt.where(facts.present(), counts.c.n.is_not(None))
    else:
        stmt = stmt.where(in_window(first, last), n >= d.number("low"))
        if d.number("high") >= 0:
            stmt = stmt.where(n <= d.number("high"))
    stmt = stmt.order_by(n.desc(), Member.sort_name, Member.id)
    template = msg("{count} visits") if source == "visits" else msg("{count} events")
    return _rows(tx, stmt, lambda e: _text(Message(template.text, {"count": e[0]})), limit)


def _not_seen(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    stmt = not_seen_select(status_rules(tx), d.day("as_of"), d.number("days"))
    return _rows(tx, stmt.order_by(Member.sort_name, Member.id), _seen, limit)


# -- spaces ----------------------------------------------------------------------------------


def _bookings(tx: Tx, d: Drill, limit: int, *, no_show: bool) -> list[DrillRow]:
    start, end = day_range(d.day("first"), d.day("last"))
    name = func.coalesce(Member.name, Booking.guest_name)
    stmt = (select(Booking.member_id, name, Member.phone, Booking.starts, Booking.status)
            .select_from(Booking).outerjoin(Member, Member.id == Booking.member_id)
            .where(Booking.starts >= start, Booking.starts < end,
                   Booking.status == "no_show" if no_show else Booking.status.in_(HELD))
            .order_by(Booking.starts.desc(), Booking.id))
    if d.arg("space_id") is not None:
        stmt = stmt.where(Booking.space_id == d.number("space_id"))
    from desktop.booking.rules import status_label

    return _rows(tx, stmt, lambda e: _text(msg("{start} · {status}", start=_date(e[0]),
                                               status=status_label(e[1]))), limit)


def _peak_hour(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    """The bookings one heat-map cell counts: held, in the window, on that weekday (0 =
    Monday), their wall-clock span overlapping hour:00 to hour+1:00."""
    first, last = d.day("first"), d.day("last")
    start, end = day_range(first, last)
    monday = first - dt.timedelta(days=first.weekday())
    weekday = days_since(tx.session, Booking.starts, monday) % 7
    s_col, e_col = time_columns(tx.session)
    hour = d.number("hour")
    name = func.coalesce(Member.name, Booking.guest_name, Event.title)
    stmt = (select(Booking.member_id, name, Member.phone, Booking.starts, Booking.status,
                   Space.name, Booking.event_id)
            .select_from(Booking).join(Space, Space.id == Booking.space_id)
            .outerjoin(Member, Member.id == Booking.member_id)
            .outerjoin(Event, Event.id == Booking.event_id)
            .where(Booking.starts >= start, Booking.starts < end, Booking.status.in_(HELD),
                   weekday == d.number("weekday"), s_col < (hour + 1) * 60, e_col > hour * 60)
            .order_by(Booking.starts.desc(), Booking.id).limit(limit))
    from desktop.booking.rules import status_label

    return [DrillRow(mid, who or "—", phone, _text(msg(
        "{start} · {space} · {status}", start=_date(starts), space=space,
        status=status_label(status))), event_id)
        for mid, who, phone, starts, status, space, event_id in tx.session.execute(stmt)]


# -- events ----------------------------------------------------------------------------------


def _event_people(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    event_id = d.number("event_id")
    which = str(d.arg("which"))
    came = exists().where(CheckIn.registration_id == Registration.id,
                          CheckIn.annulled_at.is_(None))
    name = func.coalesce(Member.name, Registration.guest_name)
    phone = func.coalesce(Member.phone, Registration.guest_phone)
    stmt = (select(Registration.member_id, name, phone, Registration.companions,
                   Registration.paid, Event.fee)
            .select_from(Registration).join(Event, Event.id == Registration.event_id)
            .outerjoin(Member, Member.id == Registration.member_id)
            .where(Registration.event_id == event_id)
            .order_by(Registration.created_at, Registration.id))
    if which == "waitlisted":
        stmt = stmt.where(Registration.status == "waitlisted")
    else:
        stmt = stmt.where(Registration.status == "registered")
        if which == "checked_in":
            stmt = stmt.where(came)

    def detail(extra: tuple[Any, ...]) -> str:
        companions, paid, fee = extra
        parts = [_text(msg("+{count} companions", count=companions))] if companions else []
        if fee and fee > 0:
            parts.append(_text(msg("paid") if paid else msg("not paid")))
        return " · ".join(parts) or "—"

    rows = _rows(tx, stmt, detail, limit)
    return [DrillRow(r.member_id, r.name, r.phone, r.detail, event_id) for r in rows]


# -- circle ----------------------------------------------------------------------------------


def _items(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    which = str(d.arg("which"))
    stmt = (select(*_people(), CircleItem.side, CircleItem.title, CircleItem.opened_on)
            .join(CircleItem, CircleItem.member_id == Member.id)
            .order_by(CircleItem.opened_on.desc(), CircleItem.id))
    if d.arg("side") is not None:
        stmt = stmt.where(CircleItem.side == str(d.arg("side")))
    if which == "open":
        stmt = stmt.where(CircleItem.status == "open")
    elif which == "new":
        stmt = stmt.where(CircleItem.opened_on >= d.day("first"),
                          CircleItem.opened_on <= d.day("last"))
    else:
        stmt = stmt.where(CircleItem.status == "matched", CircleItem.closed_on >= d.day("first"),
                          CircleItem.closed_on <= d.day("last"))
    sides = {"need": msg("need"), "offer": msg("offer")}
    return _rows(tx, stmt, lambda e: _text(msg("{side}: {title} · opened {day}",
                                               side=sides[e[0]], title=e[1],
                                               day=_date(e[2]))), limit)


def _introductions(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    other = Member.__table__.alias("other")
    stmt = (select(*_people(), func.coalesce(other.c.name, Partner.name),
                   Introduction.introduced_on, Introduction.outcome)
            .join(Introduction, Introduction.member_a_id == Member.id)
            .outerjoin(other, other.c.id == Introduction.member_b_id)
            .outerjoin(Partner, Partner.id == Introduction.partner_id)
            .where(Introduction.introduced_on >= d.day("first"),
                   Introduction.introduced_on <= d.day("last"))
            .order_by(Introduction.introduced_on.desc(), Introduction.id))
    if d.arg("outcome") is not None:
        stmt = stmt.where(Introduction.outcome == str(d.arg("outcome")))
    return _rows(tx, stmt, lambda e: _text(msg(
        "introduced to {other} on {day} · {outcome}", other=e[0], day=_date(e[1]),
        outcome=OUTCOME_LABELS.get(e[2], msg("no outcome yet")))), limit)


def _benefit_uses(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    stmt = (select(*_people(), Partner.name, BenefitUse.used_on, BenefitUse.value)
            .join(BenefitUse, BenefitUse.member_id == Member.id)
            .join(Partner, Partner.id == BenefitUse.partner_id)
            .where(BenefitUse.used_on >= d.day("first"), BenefitUse.used_on <= d.day("last"))
            .order_by(BenefitUse.used_on.desc(), BenefitUse.id))
    if d.arg("partner_id") is not None:
        stmt = stmt.where(BenefitUse.partner_id == d.number("partner_id"))
    return _rows(tx, stmt, lambda e: " · ".join(
        [str(e[0]), _date(e[1])] + ([str(e[2])] if e[2] is not None else [])), limit)


# -- money -----------------------------------------------------------------------------------


def _payments(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    stmt = (select(*_people(), Payment.paid_on, Payment.amount, Plan.name)
            .join(MembershipPeriod, MembershipPeriod.member_id == Member.id)
            .join(Payment, Payment.period_id == MembershipPeriod.id)
            .join(Plan, Plan.id == MembershipPeriod.plan_id)
            .where(live_payment(), Payment.paid_on >= d.day("first"),
                   Payment.paid_on <= d.day("last"))
            .order_by(Payment.paid_on.desc(), Payment.id))
    if d.arg("plan_id") is not None:
        stmt = stmt.where(MembershipPeriod.plan_id == d.number("plan_id"))
    return _rows(tx, stmt, lambda e: f"{_date(e[0])} · {e[2]} · {e[1]}", limit)


def _fees(tx: Tx, d: Drill, limit: int, *, outstanding: bool) -> list[DrillRow]:
    name = func.coalesce(Member.name, Registration.guest_name)
    phone = func.coalesce(Member.phone, Registration.guest_phone)
    stmt = (select(Registration.member_id, name, phone, Event.title, Booking.starts,
                   Event.fee * (1 + Registration.companions), Event.id)
            .select_from(Registration).join(Event, Event.id == Registration.event_id)
            .join(Booking, event_booking())
            .outerjoin(Member, Member.id == Registration.member_id)
            .where(fee_registration()))
    if outstanding:
        _, end = day_range(d.day("last"), d.day("last"))
        stmt = stmt.where(Registration.paid.is_(False),
                          Booking.starts < min(end, tx.clock.now()))
    else:
        start, end = day_range(d.day("first"), d.day("last"))
        stmt = stmt.where(Registration.paid.is_(True), Booking.starts >= start,
                          Booking.starts < end)
    stmt = stmt.order_by(Booking.starts, Event.id, Registration.id).limit(limit)
    return [DrillRow(mid, who, ph, f"{title} · {_date(starts)} · {amount}", event_id)
            for mid, who, ph, title, starts, amount, event_id in tx.session.execute(stmt)]


def _window_people(tx: Tx, d: Drill, limit: int) -> list[DrillRow]:
    """The people behind the events section's totals: every registration (registered, came or
    left waiting) of the events held in the window — the same events the totals count."""
    from desktop.review.events import _over

    held = {row[0]: (row[1], row[3]) for row in _over(tx, d.day("first"), d.day("last"))}
    if not held:
        return []
    which = str(d.arg("which"))
    came = exists().where(CheckIn.registration_id == Registration.id,
                          CheckIn.annulled_at.is_(None))
    stmt = (select(Registration.member_id, func.coalesce(Member.name, Registration.guest_name),
                   func.coalesce(Member.phone, Registration.guest_phone),
                   Registration.event_id, Registration.companions)
            .select_from(Registration).outerjoin(Member, Member.id == Registration.member_id)
            .where(Registration.event_id.in_(held),
                   Registration.status == ("waitlisted" if which == "waitlisted"
                                           else "registered")))
    if which == "checked_in":
        stmt = stmt.where(came)
    rows = list(tx.session.execute(stmt))
    rows.sort(key=lambda r: (held[r[3]][1], r[3], r[1] or ""))

    def detail(event_id: int, companions: int) -> str:
        title, starts = held[event_id]
        extra = f" · {_text(msg('+{count} companions', count=companions))}" if companions else ""
        return f"{title} · {_date(starts)}{extra}"

    return [DrillRow(mid, who, phone, detail(eid, companions), eid)
            for mid, who, phone, eid, companions in rows[:limit]]


KINDS: dict[str, Callable[[Tx, Drill, int], list[DrillRow]]] = {
    "members": _members,
    "status": _status,
    "plan": _plan,
    "joined": _joined,
    "lapsed": _lapsed,
    "expiring": _expiring,
    "renewal": _renewal,
    "referred": _referred,
    "tag": _tag,
    "engaged_members": _engaged_members,
    "visits": lambda tx, d, limit: _counted(tx, d, limit, "visits"),
    "attendance": lambda tx, d, limit: _counted(tx, d, limit, "events"),
    "visit_bucket": lambda tx, d, limit: _counted(tx, d, limit, str(d.arg("source"))),
    "not_seen": _not_seen,
    "space_bookings": lambda tx, d, limit: _bookings(tx, d, limit, no_show=False),
    "no_shows": lambda tx, d, limit: _bookings(tx, d, limit, no_show=True),
    "peak_hour": _peak_hour,
    "event_people": _event_people,
    "window_people": _window_people,
    "items": _items,
    "introductions": _introductions,
    "benefit_uses": _benefit_uses,
    "payments": _payments,
    "event_fees": lambda tx, d, limit: _fees(tx, d, limit, outstanding=False),
    "outstanding": lambda tx, d, limit: _fees(tx, d, limit, outstanding=True),
}


@service(Permission.REVIEW_AND_AUDIT, write=False)
def drill_down(tx: Tx, drill: Drill, *, limit: int = DRILL_LIMIT) -> list[DrillRow]:
    """The rows behind a number, in the order the owner would work through them."""
    handler = KINDS.get(drill.kind)
    if handler is None:
        raise DomainError(msg("There is no list called {kind}.", kind=drill.kind))
    return handler(tx, drill, limit)


