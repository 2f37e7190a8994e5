"""Per-member facts in SQL, shared by the sections and the drill-down: each member's live
membership span as of a day and the status the rules of desktop/members/status.py give it,
as one grouped subquery (no correlated subquery per member, so 50,000 members cost one scan
of the periods)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Subquery, and_, case, exists, func, literal, or_, select

from desktop.members.service import status_rules
from desktop.members.status import Status, StatusRules
from desktop.models.event import Visit
from desktop.models.members import Member, MembershipPeriod
from desktop.permissions import Permission
from desktop.review.common import month_end, month_text
from desktop.services import Tx, service

CURRENT = (Status.NEW, Status.ACTIVE, Status.EXPIRING, Status.GRACE)
CURRENT_VALUES = frozenset(s.value for s in CURRENT)
NOT_YET = "not_yet"  # member_pass: joined after the day counted on, so not counted


def joined_by(as_of: dt.date) -> ColumnElement[bool]:
    """The member had joined by ``as_of``: a member who joins later is not counted on that
    day at all (not "new": the member was not there yet)."""
    return Member.joined_on <= as_of


def live() -> ColumnElement[bool]:
    return MembershipPeriod.voided.is_(False)


def spans(as_of: dt.date) -> Subquery:
    """member_id, first_start, latest_end, covering (0/1), future (0/1) over live periods."""
    covering = case((and_(MembershipPeriod.starts_on <= as_of,
                          MembershipPeriod.ends_on >= as_of), 1), else_=0)
    future = case((MembershipPeriod.starts_on > as_of, 1), else_=0)
    return (select(MembershipPeriod.member_id.label("member_id"),
                   func.min(MembershipPeriod.starts_on).label("first_start"),
                   func.max(MembershipPeriod.ends_on).label("latest_end"),
                   func.max(covering).label("covering"),
                   func.max(future).label("future"),
                   func.count(MembershipPeriod.id).label("periods"))
            .where(live()).group_by(MembershipPeriod.member_id).subquery("spans"))


def present() -> ColumnElement[bool]:
    """Members the review counts: not archived (an erased member is archived too)."""
    return present_fast()


def status_case(span: Subquery, as_of: dt.date, rule: StatusRules) -> ColumnElement[Any]:
    """The member's status value, the first matching rule of member_status."""
    suspended = and_(Member.suspended_from.is_not(None), Member.suspended_from <= as_of,
                     or_(Member.suspended_until.is_(None), Member.suspended_until >= as_of))
    covering = func.coalesce(span.c.covering, 0) == 1
    future = func.coalesce(span.c.future, 0) == 1
    return case(
        (suspended, literal(Status.SUSPENDED.value)),
        (and_(covering, span.c.first_start > as_of - dt.timedelta(days=rule.new_days)),
         literal(Status.NEW.value)),
        (and_(~covering, future), literal(Status.NEW.value)),
        (and_(covering, span.c.latest_end < as_of + dt.timedelta(days=rule.expiring_days)),
         literal(Status.EXPIRING.value)),
        (covering, literal(Status.ACTIVE.value)),
        (span.c.latest_end >= as_of - dt.timedelta(days=rule.grace_days),
         literal(Status.GRACE.value)),
        else_=literal(Status.LAPSED.value),
    )


def not_suspended(as_of: dt.date) -> ColumnElement[bool]:
    return ~and_(Member.suspended_from.is_not(None), Member.suspended_from <= as_of,
                 or_(Member.suspended_until.is_(None), Member.suspended_until >= as_of))


def lapse_edges(first: dt.date, last: dt.date, grace_days: int,
                as_of: dt.date) -> tuple[dt.date, dt.date] | None:
    """The range of latest end dates that make a member lapse (end + grace + 1) between
    ``first`` and ``last`` — and no later than ``as_of``; None when that is empty."""
    shift = dt.timedelta(days=grace_days + 1)
    high = min(last, as_of)
    if high < first:
        return None
    return first - shift, high - shift



@dataclass(frozen=True)
class MemberPass:
    """Counts over every present member from one pass over the recent membership periods.

    ``by_plan_status[(plan_id or None, status)]`` = members; the other fields are totals.
    """

    total: int
    by_plan_status: dict[tuple[int | None, str], int]
    expiring_30: int
    expiring_60: int
    lapsed_90: int
    in_window: int
    not_seen: int
    joined: tuple[int, ...]  # per trend month
    lapsed: tuple[int, ...]  # per trend month

    def status(self, status: str) -> int:
        return sum(n for (_plan, s), n in self.by_plan_status.items() if s == status)

    def plan(self, plan_id: int) -> int:
        return sum(n for (p, _s), n in self.by_plan_status.items() if p == plan_id)


def _sum(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def member_pass(tx: Tx, as_of: dt.date, first: dt.date, last: dt.date,
                months: tuple[dt.date, ...], not_seen_days: int) -> MemberPass:
    """Every member-level count of the membership and engagement sections in two queries.

    Only periods ending on or after ``cutoff`` (the earliest day any count needs: the trend's
    first lapse, the window, 90 days and the grace back) are grouped; a member whose latest
    membership ended before it is lapsed, or suspended, whatever else.  The status rules are
    the ones of ``status_case`` exactly: "new" checks the member's first start over all
    periods (a correlated test, made only for members the recent periods show as possibly
    new).
    """
    rule = status_rules(tx)
    grace = rule.grace_days
    ranges = [lapse_edges(m, month_end(m), grace, as_of) for m in months]
    valid = [(i, r) for i, r in enumerate(ranges) if r is not None]
    cutoff = min([first, as_of - dt.timedelta(days=90 + grace + 1),
                  as_of - dt.timedelta(days=grace)] + [r[0] for _i, r in valid])
    p = MembershipPeriod
    covering_row = and_(p.starts_on <= as_of, p.ends_on >= as_of)
    span = (select(p.member_id.label("member_id"),
                   func.min(p.starts_on).label("first_start"),
                   func.max(p.ends_on).label("latest_end"),
                   func.max(case((covering_row, 1), else_=0)).label("covering"),
                   func.max(case((p.starts_on > as_of, 1), else_=0)).label("future"),
                   func.max(case((covering_row, p.plan_id), else_=None)).label("plan_id"),
                   func.max(case((and_(p.starts_on <= last, p.ends_on >= first), 1),
                                 else_=0)).label("overlaps"))
            .where(live(), p.ends_on >= cutoff).group_by(p.member_id).subquery("recent"))
    older = MembershipPeriod.__table__.alias("older")
    new_cut = as_of - dt.timedelta(days=rule.new_days)
    first_started_long_ago = exists().where(
        older.c.member_id == span.c.member_id, older.c.voided.is_(False),
        older.c.starts_on <= new_cut)
    suspended = and_(Member.suspended_from.is_not(None), Member.suspended_from <= as_of,
                     or_(Member.suspended_until.is_(None), Member.suspended_until >= as_of))
    covering = span.c.covering == 1
    status = case(
        (~joined_by(as_of), literal(NOT_YET)),
        (suspended, literal(Status.SUSPENDED.value)),
        (and_(covering, span.c.first_start > new_cut, ~first_started_long_ago),
         literal(Status.NEW.value)),
        (and_(~covering, span.c.future == 1), literal(Status.NEW.value)),
        (and_(covering, span.c.latest_end < as_of + dt.timedelta(days=rule.expiring_days)),
         literal(Status.EXPIRING.value)),
        (covering, literal(Status.ACTIVE.value)),
        (span.c.latest_end >= as_of - dt.timedelta(days=grace), literal(Status.GRACE.value)),
        else_=literal(Status.LAPSED.value),
    ).label("status")
    # Members seen since the cutoff, once (a correlated "last visit" per member costs four
    # times as much on 20,000 current members).
    seen_cutoff = dt.datetime.combine(as_of - dt.timedelta(days=not_seen_days), dt.time())
    seen = (select(Visit.member_id.label("member_id")).where(Visit.at >= seen_cutoff)
            .distinct().subquery("seen"))
    lapse90 = lapse_edges(as_of - dt.timedelta(days=89), as_of, grace, as_of)
    not_suspended_covering = and_(~suspended, covering)

    def ends_before(days: int) -> ColumnElement[bool]:
        return and_(not_suspended_covering,
                    span.c.latest_end < as_of + dt.timedelta(days=days))

    stmt = (select(span.c.plan_id, status, func.count(),
                   _sum(ends_before(30)), _sum(ends_before(60)),
                   _sum(and_(span.c.latest_end >= lapse90[0], span.c.latest_end <= lapse90[1]))
                   if lapse90 else literal(0),
                   _sum(span.c.overlaps == 1),
                   _sum(seen.c.member_id.is_(None)),  # kept for current statuses below
                   *[_sum(and_(span.c.latest_end >= r[0], span.c.latest_end <= r[1]))
                     for _i, r in valid])
            .select_from(span).join(Member, Member.id == span.c.member_id)
            .outerjoin(seen, seen.c.member_id == span.c.member_id)
            .where(present_fast()).group_by(span.c.plan_id, status))
    by_plan_status: dict[tuple[int | None, str], int] = {}
    sums = [0] * (5 + len(valid))
    grouped = 0
    for plan_id, value, count, *extra in tx.session.execute(stmt):
        if value == NOT_YET:  # not a member yet on as_of: only the window's base may count
            sums[3] += int(extra[3] or 0)
            continue
        key = (plan_id, str(value))
        by_plan_status[key] = by_plan_status.get(key, 0) + int(count)
        grouped += int(count)
        if str(value) not in CURRENT_VALUES:
            extra[4] = 0  # "not seen" counts current members only
        sums = [a + int(b or 0) for a, b in zip(sums, extra, strict=True)]

    # Members with no period ending after the cutoff: lapsed unless suspended; and the
    # joined-month counts, in one scan of the members grouped by the month they joined.
    # Members who joined after as_of are not counted (the joined months count them).
    recent = exists().where(p.member_id == Member.id, live(), p.ends_on >= cutoff)
    joined_month = month_text(tx.session, Member.joined_on).label("k")
    has_joined = joined_by(as_of)
    per_month: dict[str, int] = {}
    total = old_suspended = 0
    for key, count, members, suspended_count in tx.session.execute(
            select(joined_month, func.count(), _sum(has_joined),
                   _sum(and_(has_joined, suspended, ~recent)))
            .where(present_fast()).group_by(joined_month)):
        per_month[str(key)] = int(count)
        total += int(members or 0)
        old_suspended += int(suspended_count or 0)
    joined = [per_month.get(f"{m:%Y-%m}", 0) for m in months]
    outside = int(total) - grouped
    if old_suspended:
        key = (None, Status.SUSPENDED.value)
        by_plan_status[key] = by_plan_status.get(key, 0) + old_suspended
    if outside - old_suspended:
        key = (None, Status.LAPSED.value)
        by_plan_status[key] = by_plan_status.get(key, 0) + outside - old_suspended

    # Lapsed per trend month: members whose latest end + grace + 1 falls in the month.
    lapsed = [0] * len(months)
    for (i, _r), n in zip(valid, sums[5:], strict=True):
        lapsed[i] = n
    return MemberPass(
        total=int(total), by_plan_status=by_plan_status,
        expiring_30=sums[0], expiring_60=sums[1], lapsed_90=sums[2], in_window=sums[3],
        not_seen=sums[4], joined=tuple(joined), lapsed=tuple(lapsed))


def present_fast() -> ColumnElement[bool]:
    """``present`` written so that SQLite drives from the other table (IS NOT cannot use the
    archived index, which would make it visit all 50,000 members first)."""
    return and_(Member.archived.is_not(True), Member.erased_at.is_(None))
