"""Review → Membership: who the members are now, who joins and who leaves, whom to call.

Archived (and erased) members are not counted anywhere here: they left the circle.  Status
counts use the same rules as desktop/members/status.py, evaluated in SQL for every member at
once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import Message
from desktop.members.service import status_rules
from desktop.members.status import Status
from desktop.models.event import Visit
from desktop.models.members import Member, MembershipPeriod, Payment, Plan, Tag, member_tag
from desktop.permissions import Permission
from desktop.review import facts
from desktop.review.common import (
    Bucket,
    Count,
    Drill,
    MonthCount,
    month_end,
    month_key,
    plus_days,
    twelve_months,
)
from desktop.services import Tx, service

CALL_LIST_LIMIT = 200


@dataclass(frozen=True)
class CallRow:
    """One line of the renewal call list."""

    member_id: int
    number: str
    name: str
    phone: str | None
    plan: str  # the plan of the membership that ends
    ends_on: dt.date  # the last day of the member's current membership
    days_left: int  # ends_on - today (0 = ends today)
    last_visit: dt.datetime | None  # last visit of any kind, None = never seen


@dataclass(frozen=True)
class RenewalRate:
    """Renewal over a window; see ``membership_review`` for the exact definition."""

    ended: Count  # memberships (live periods) whose last day fell in the window
    renewed: Count  # of those, followed by a new membership within the grace days
    lost: Count  # of those, not renewed and the grace days are over
    pending: Count  # of those, not renewed yet and still within the grace days

    @property
    def rate(self) -> float | None:
        """renewed / (renewed + lost): pending ones are not decided yet."""
        decided = self.renewed.value + self.lost.value
        return self.renewed.value / decided if decided else None


@dataclass(frozen=True)
class MonthNet:
    month: dt.date  # first day of the month
    new: Count  # members who joined in the month (joined_on)
    lapsed: Count  # members whose membership lapsed in the month and who have not come back

    @property
    def net(self) -> int:
        return self.new.value - self.lapsed.value


@dataclass(frozen=True)
class Referrer:
    member_id: int
    name: str
    referred: Count  # members this member brought (all time)
    paying: Count  # of those, members who paid for at least one membership


@dataclass(frozen=True)
class ReferralConversion:
    """Members who came through a referral (referred_by set), all time."""

    referred: Count
    paying: Count  # paid at least one membership (a live period with a payment above zero)
    renewed: Count  # have two or more live membership periods

    @property
    def paying_rate(self) -> float | None:
        return self.paying.value / self.referred.value if self.referred.value else None

    @property
    def renewed_rate(self) -> float | None:
        return self.renewed.value / self.referred.value if self.referred.value else None


@dataclass(frozen=True)
class MembershipReview:
    as_of: dt.date  # the day statuses, plans, expiring and "lapsed in 90 days" are counted on
    first: dt.date  # the window renewal is measured over
    last: dt.date
    total: Count  # members not archived who had joined by as_of
    by_status: tuple[Bucket, ...]  # key = Status value, in Status order, zeros included;
    #                                members who joined after as_of are not counted
    by_plan: tuple[Bucket, ...]  # key = plan id; members whose membership covering as_of is
    #                              on that plan; most members first
    new_per_month: tuple[MonthCount, ...]  # 12 months ending with last's month
    net_growth: tuple[MonthNet, ...]  # the same 12 months
    expiring_30: Count  # current members whose membership ends within 30 days of as_of
    expiring_60: Count  # … within 60 days
    call_list: tuple[CallRow, ...]  # the expiring_60 members, soonest end first (at most 200)
    lapsed_90: Count  # members who became lapsed in the 90 days ending as_of
    renewal: RenewalRate
    top_referrers: tuple[Referrer, ...]  # at most 10, most referred first
    referral: ReferralConversion
    tag_mix: tuple[Bucket, ...]  # key = tag id; members carrying the tag, most first (<= 15)


def status_label(status: str) -> Message:
    return Status(status).label

















@service(Permission.REVIEW_AND_AUDIT, write=False)
def call_list(tx: Tx, as_of: dt.date, days: int, *,
              limit: int = CALL_LIST_LIMIT) -> list[CallRow]:
    """Current members whose membership ends within ``days`` of ``as_of`` (ends_on - as_of
    from 0 to days - 1), not suspended: whom to call about renewing, soonest end first.

    Driven by the periods ending in that span that have no live period after them (the
    member's latest), so it reads a few thousand periods, not every member."""
    p = MembershipPeriod
    later = MembershipPeriod.__table__.alias("later")
    covering = MembershipPeriod.__table__.alias("covering")
    is_latest = ~exists().where(later.c.member_id == p.member_id, later.c.voided.is_(False),
                                later.c.ends_on > p.ends_on)
    covered = or_(p.starts_on <= as_of, exists().where(
        covering.c.member_id == p.member_id, covering.c.voided.is_(False),
        covering.c.starts_on <= as_of, covering.c.ends_on >= as_of))
    last_visit = (select(func.max(Visit.at)).where(Visit.member_id == Member.id)
                  .correlate(Member).scalar_subquery())
    stmt = (select(Member.id, Member.number, Member.name, Member.phone, Plan.name, p.ends_on,
                   last_visit)
            .select_from(p).join(Member, Member.id == p.member_id)
            .join(Plan, Plan.id == p.plan_id)
            .where(facts.live(), p.ends_on >= as_of,
                   p.ends_on < as_of + dt.timedelta(days=days), facts.present(),
                   facts.joined_by(as_of),
                   facts.not_suspended(as_of), is_latest, covered)
            .order_by(p.ends_on, Member.sort_name, Member.id).limit(limit))
    return [CallRow(mid, number, name, phone, plan, ends, (ends - as_of).days, seen)
            for mid, number, name, phone, plan, ends, seen in tx.session.execute(stmt)]


def renewal_flags(session: Session, as_of: dt.date,
                  grace: int) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """(renewed, lost) conditions on MembershipPeriod rows, as the docstring of
    ``membership_review`` defines them."""
    later = MembershipPeriod.__table__.alias("later")
    renewed = exists().where(
        later.c.member_id == MembershipPeriod.member_id, later.c.voided.is_(False),
        later.c.id != MembershipPeriod.id, later.c.starts_on > MembershipPeriod.starts_on,
        later.c.starts_on <= plus_days(session, MembershipPeriod.ends_on, grace + 1))
    lost = and_(~renewed, MembershipPeriod.ends_on <= as_of - dt.timedelta(days=grace + 1))
    return renewed, lost


def _renewal(tx: Tx, first: dt.date, last: dt.date, as_of: dt.date,
             grace: int) -> RenewalRate:
    renewed, lost = renewal_flags(tx.session, as_of, grace)
    stmt = (select(func.count(MembershipPeriod.id),
                   func.sum(case((renewed, 1), else_=0)),
                   func.sum(case((lost, 1), else_=0)))
            .join(Member, Member.id == MembershipPeriod.member_id)
            .where(facts.live(), facts.present(), MembershipPeriod.ends_on >= first,
                   MembershipPeriod.ends_on <= last))
    ended, renewed_count, lost_count = tx.session.execute(stmt).one()
    ended, renewed_count, lost_count = int(ended or 0), int(renewed_count or 0), int(
        lost_count or 0)

    def drill(outcome: str) -> Drill:
        return Drill.of("renewal", first=first, last=last, as_of=as_of, outcome=outcome)

    return RenewalRate(Count(ended, drill("ended")), Count(renewed_count, drill("renewed")),
                       Count(lost_count, drill("lost")),
                       Count(ended - renewed_count - lost_count, drill("pending")))


def paying_condition() -> ColumnElement[bool]:
    """The member paid for at least one membership: a live period with a live payment > 0."""
    return exists().where(MembershipPeriod.member_id == Member.id, facts.live(),
                          Payment.period_id == MembershipPeriod.id, Payment.voided.is_(False),
                          Payment.amount > 0)


def renewed_condition() -> ColumnElement[bool]:
    """The member has two or more live membership periods."""
    return (select(func.count(MembershipPeriod.id))
            .where(MembershipPeriod.member_id == Member.id, facts.live())
            .correlate(Member).scalar_subquery() >= 2)


def _referrals(tx: Tx) -> tuple[ReferralConversion, tuple[Referrer, ...]]:
    paying = case((paying_condition(), 1), else_=0)
    renewed = case((renewed_condition(), 1), else_=0)
    base = (select(Member.referred_by_id.label("referrer"), paying.label("paying"),
                   renewed.label("renewed"))
            .where(facts.present(), Member.referred_by_id.is_not(None)).subquery())
    total, paying_total, renewed_total = tx.session.execute(
        select(func.count(), func.sum(base.c.paying), func.sum(base.c.renewed))).one()
    conversion = ReferralConversion(
        Count(int(total or 0), Drill.of("referred", which="all")),
        Count(int(paying_total or 0), Drill.of("referred", which="paying")),
        Count(int(renewed_total or 0), Drill.of("referred", which="renewed")))
    brought = func.count()
    stmt = (select(Member.id, Member.name, brought, func.sum(base.c.paying))
            .join(base, base.c.referrer == Member.id)
            .group_by(Member.id, Member.name, Member.sort_name)
            .order_by(brought.desc(), Member.sort_name, Member.id).limit(10))
    top = tuple(Referrer(mid, name,
                         Count(int(count), Drill.of("referred", referrer=mid, which="all")),
                         Count(int(pay or 0), Drill.of("referred", referrer=mid,
                                                       which="paying")))
                for mid, name, count, pay in tx.session.execute(stmt))
    return conversion, top




def _tag_mix_fast(tx: Tx) -> tuple[Bucket, ...]:
    """Members per tag: all links by tag (the tag index covers it) less archived members'
    links (few), so 50,000 members are not read one by one."""
    links: dict[int, int] = dict(tx.session.execute(
        select(member_tag.c.tag_id, func.count()).group_by(member_tag.c.tag_id)).all())
    gone: dict[int, int] = dict(tx.session.execute(  # an erased member is archived too
        select(member_tag.c.tag_id, func.count()).select_from(Member)
        .join(member_tag, member_tag.c.member_id == Member.id)
        .where(Member.archived.is_(True)).group_by(member_tag.c.tag_id)).all())
    counts = {tag_id: int(n) - int(gone.get(tag_id, 0)) for tag_id, n in links.items()}
    names = dict(tx.session.execute(select(Tag.id, Tag.name).where(
        Tag.id.in_(list(counts) or [-1]))).all())
    keys = dict(tx.session.execute(select(Tag.id, Tag.key).where(
        Tag.id.in_(list(counts) or [-1]))).all())
    ranked = sorted((tag_id for tag_id, n in counts.items() if n > 0),
                    key=lambda t: (-counts[t], keys.get(t, "")))[:15]
    return tuple(Bucket(str(tag_id), Message(names[tag_id]),
                        Count(counts[tag_id], Drill.of("tag", tag_id=tag_id)))
                 for tag_id in ranked)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def membership_review(tx: Tx, as_of: dt.date, first: dt.date, last: dt.date, *,
                      counts: facts.MemberPass | None = None) -> MembershipReview:
    """The membership section.  Archived members are left out of every count.

    Renewal rate, precisely: take every live (not voided) membership period whose last day
    falls in [first, last].  It was *renewed* when another live period of the same member
    starts after it began and no later than its end + ``members.grace_days`` + 1 (a renewal
    paid ahead, on time or within the grace).  It is *lost* when it was not renewed and its
    grace is over by ``as_of``; otherwise it is *pending*.  The rate is renewed / (renewed +
    lost): undecided ones do not count either way.

    Lapsed: a member becomes lapsed the day after their latest membership's end + grace days;
    "lapsed in a month" counts members whose that day falls in the month (and who have not
    renewed since — a member who came back is not lapsed).

    ``counts`` is the member pass when the caller (the snapshot) already made it.
    """
    from desktop.review.settings import NOT_SEEN_DAYS
    from desktop.settings.store import get_setting

    rule = status_rules(tx)
    months = twelve_months(last)
    if counts is None:
        counts = facts.member_pass(tx, as_of, first, last, months,
                                   int(get_setting(tx, NOT_SEEN_DAYS.name)))
    by_status = tuple(Bucket(s.value, s.label, Count(counts.status(s.value), Drill.of(
        "status", status=s.value, as_of=as_of))) for s in Status)
    plans = dict(tx.session.execute(select(Plan.id, Plan.name)).all())
    by_plan = sorted(((plan_id, counts.plan(plan_id)) for plan_id in plans
                      if counts.plan(plan_id)), key=lambda p: (-p[1], plans[p[0]]))
    new = tuple(MonthCount(m, Count(n, Drill.of("joined", month=month_key(m))))
                for m, n in zip(months, counts.joined, strict=True))
    lapsed = tuple(MonthCount(m, Count(n, Drill.of("lapsed", first=m,
                                                    last=min(month_end(m), as_of))))
                   for m, n in zip(months, counts.lapsed, strict=True))
    conversion, referrers = _referrals(tx)
    return MembershipReview(
        as_of=as_of, first=first, last=last,
        total=Count(counts.total, Drill.of("members", as_of=as_of)),
        by_status=by_status,
        by_plan=tuple(Bucket(str(plan_id), Message(plans[plan_id]),
                             Count(n, Drill.of("plan", plan_id=plan_id, as_of=as_of)))
                      for plan_id, n in by_plan),
        new_per_month=new,
        net_growth=tuple(MonthNet(n.month, n.count, lp.count)
                         for n, lp in zip(new, lapsed, strict=True)),
        expiring_30=Count(counts.expiring_30, Drill.of("expiring", as_of=as_of, days=30)),
        expiring_60=Count(counts.expiring_60, Drill.of("expiring", as_of=as_of, days=60)),
        call_list=tuple(call_list(tx, as_of, 60)),
        lapsed_90=Count(counts.lapsed_90, Drill.of(
            "lapsed", first=as_of - dt.timedelta(days=89), last=as_of)),
        renewal=_renewal(tx, first, last, as_of, rule.grace_days),
        top_referrers=referrers,
        referral=conversion,
        tag_mix=_tag_mix_fast(tx),
    )
