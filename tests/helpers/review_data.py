"""A made-up ``MonthReport`` at the limits: every list as long as the services return it,
every name long, so a test can check that the report's layout stays within its pages whatever
the database holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.i18n import msg
from desktop.review.circle import CircleReview, PartnerUses
from desktop.review.common import Bucket, Count, MonthAmount, MonthCount, twelve_months
from desktop.review.engagement import EngagementReview, MemberEngagement
from desktop.review.events import EventRow, EventsReview, KindRow
from desktop.review.membership import (
    CallRow,
    MembershipReview,
    MonthNet,
    ReferralConversion,
    Referrer,
    RenewalRate,
)
from desktop.review.money import MoneyReview, OutstandingFee, PlanAmount
from desktop.review.overview import MonthReport
from desktop.review.spaces import SpacesReview, SpaceUse, WeekUse

LONG = "杭州西湖龙井茶叶有限公司董事长兼总经理 Very Long Name Indeed"


def c(value: int) -> Count:
    return Count(value)


def bucket(key: str, label: str, value: int) -> Bucket:
    return Bucket(key, msg(label), c(value))


def full_report(year: int = 2026, month: int = 10) -> MonthReport:
    """Everything at its cap: 200 to call, 10 referrers, 60 events, 40 spaces, 200 owing."""
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    months = twelve_months(last)
    mondays = tuple(first - dt.timedelta(days=first.weekday()) + dt.timedelta(weeks=w)
                    for w in range(5))
    statuses = ("new", "active", "expiring", "grace", "lapsed", "suspended")
    membership = MembershipReview(
        as_of=last, first=first, last=last, total=c(50_000),
        by_status=tuple(bucket(s, s, 8000 + i) for i, s in enumerate(statuses)),
        by_plan=tuple(bucket(str(i), f"{LONG} plan {i}", 5000 - i) for i in range(20)),
        new_per_month=tuple(MonthCount(m, c(300 + i * 7)) for i, m in enumerate(months)),
        net_growth=tuple(MonthNet(m, c(300 + i * 7), c(120 + i)) for i, m in enumerate(months)),
        expiring_30=c(1800), expiring_60=c(3600),
        call_list=tuple(CallRow(i, f"M{i:05d}", f"{LONG} {i}", "+86 138 0000 0000",
                                f"{LONG} plan", last + dt.timedelta(days=i % 60), i % 60,
                                None if i % 3 else dt.datetime(2026, 9, 1, 10))
                        for i in range(200)),
        lapsed_90=c(700),
        renewal=RenewalRate(c(400), c(300), c(60), c(40)),
        top_referrers=tuple(Referrer(i, f"{LONG} {i}", c(40 - i), c(30 - i)) for i in range(10)),
        referral=ReferralConversion(c(5000), c(4000), c(2500)),
        tag_mix=tuple(bucket(str(i), f"tag {i}", 900 - i) for i in range(15)),
    )
    buckets = ("0", "1", "2-3", "4-7", "8+")
    engagement = EngagementReview(
        first=first, last=last, as_of=last, members=c(45_000), visits=c(80_000),
        visitors=c(30_000), attendances=c(12_000), attendees=c(6_000),
        visit_distribution=tuple(bucket(k, k, 9000 - i * 1000) for i, k in enumerate(buckets)),
        event_distribution=tuple(bucket(k, k, 30000 - i * 6000) for i, k in enumerate(buckets)),
        most_engaged=tuple(MemberEngagement(i, f"{LONG} {i}", 60 - i, 20 - i)
                           for i in range(10)),
        not_seen_days=60, not_seen=c(9_000),
    )
    spaces = SpacesReview(
        first=first, last=last, hours=(8 * 60, 22 * 60), weeks=mondays,
        spaces=tuple(SpaceUse(i, f"{LONG} room {i}", i % 4 == 0, 12, tuple(
            WeekUse(w, 30.0 + i, 98.0) for w in mondays), 150.0 + i, 490.0, c(400 + i),
            c(12), 380) for i in range(40)),
        heat=tuple(tuple(float((d * 7 + h) % 23) for h in range(24)) for d in range(7)),
        no_shows=c(480), settled=15_000,
    )
    kinds = tuple(KindRow(f"k{i}", msg(f"{LONG} kind {i}"), c(6), 300, 280, 230, 40)
                  for i in range(12))
    events = EventsReview(
        first=first, last=last,
        events=tuple(EventRow(i, f"{LONG} event {i}", "k0", msg("Tea tasting"),
                              dt.datetime(year, month, 1 + i % 28, 14), 50, c(48), c(40), c(9))
                     for i in range(60)),
        by_kind=kinds, registered=2880, checked_in=2400, waitlisted=540, capacity=3000,
    )
    outcomes = ("not_yet", "met", "working_together", "deal_done", "no_fit")
    circle = CircleReview(
        first=first, last=last, open_needs=c(900), open_offers=c(1100), new_needs=c(80),
        new_offers=c(95), matched=c(30), introductions=c(120),
        introductions_per_month=tuple(MonthCount(m, c(100 + i)) for i, m in enumerate(months)),
        outcomes=tuple(bucket(o, o, 20 + i) for i, o in enumerate(outcomes)),
        outcome_value=Decimal("123456.00"),
        benefit_uses_per_month=tuple(MonthCount(m, c(200 + i)) for i, m in enumerate(months)),
        partners=tuple(PartnerUses(i, f"{LONG} partner {i}", c(90 - i), 50, Decimal("800"))
                       for i in range(30)),
    )
    money = MoneyReview(
        first=first, last=last, currency="CNY",
        payments_per_month=tuple(MonthAmount(m, Decimal(900_000 + i * 1000), c(400))
                                 for i, m in enumerate(months)),
        payments_by_plan=tuple(PlanAmount(i, f"{LONG} plan {i}", Decimal(90_000 - i), c(40))
                               for i in range(20)),
        payments_total=Decimal("1234567.00"),
        event_fees_per_month=tuple(MonthAmount(m, Decimal(80_000 + i * 10), c(900))
                                   for i, m in enumerate(months)),
        event_fees_total=Decimal("87654.00"), outstanding=c(2_000),
        outstanding_amount=Decimal("160000.00"),
        outstanding_list=tuple(OutstandingFee(i, i, f"{LONG} event", dt.datetime(2026, 10, 3, 14),
                                              i, f"{LONG} {i}", "+86 138 0000 0000", 3,
                                              Decimal("240.00"), bool(i % 2))
                               for i in range(200)),
    )
    return MonthReport(as_of=last, first=first, last=last, months=months, venue="山庄",
                       currency="CNY", generated_at=dt.datetime(2026, 11, 26, 9), empty=False,
                       membership=membership, engagement=engagement, spaces=spaces,
                       events=events, circle=circle, money=money, year=year, month=month)
