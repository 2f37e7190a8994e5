"""Review → Circle: what the circle produced — open needs and offers, introductions and their
outcomes, and members' uses of partners' benefits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select

from desktop.i18n import Message, msg
from desktop.models.circle import OUTCOMES, BenefitUse, CircleItem, Introduction, Partner
from desktop.permissions import Permission
from desktop.review.common import (
    Bucket,
    Count,
    Drill,
    MonthCount,
    bucket_of,
    month_end,
    twelve_months,
)
from desktop.services import Tx, service

OUTCOME_LABELS: dict[str, Message] = {
    "not_yet": msg("no outcome yet"), "met": msg("met"),
    "working_together": msg("working together"), "deal_done": msg("deal done"),
    "no_fit": msg("no fit"),
}


@dataclass(frozen=True)
class PartnerUses:
    partner_id: int
    name: str
    uses: Count  # benefit uses in the window (drill: the members who used it)
    members: int  # distinct members
    value: Decimal  # sum of the recorded values (uses without a value count 0)


@dataclass(frozen=True)
class CircleReview:
    first: dt.date
    last: dt.date
    open_needs: Count  # needs open now (drill: member + title)
    open_offers: Count  # offers open now
    new_needs: Count  # needs opened in the window
    new_offers: Count  # offers opened in the window
    matched: Count  # items marked matched with closed_on in the window
    introductions: Count  # introductions made in the window
    introductions_per_month: tuple[MonthCount, ...]  # 12 months ending with last's month
    outcomes: tuple[Bucket, ...]  # introductions made in the window by outcome (key = OUTCOMES)
    outcome_value: Decimal  # sum of outcome values of the window's introductions
    benefit_uses_per_month: tuple[MonthCount, ...]  # the same 12 months
    partners: tuple[PartnerUses, ...]  # partners with uses in the window, most uses first


def _months(tx: Tx, column: Any, base: Select[Any], months: tuple[dt.date, ...],
            kind: str) -> tuple[MonthCount, ...]:
    index = bucket_of(column, tuple((m, month_end(m)) for m in months)).label("i")
    stmt = (base.add_columns(index).where(column >= months[0], column <= month_end(months[-1]))
            .group_by(index))
    found = {int(i): int(n) for n, i in tx.session.execute(stmt) if i is not None}
    return tuple(MonthCount(m, Count(found.get(i, 0), Drill.of(kind, first=m,
                                                                last=month_end(m))))
                 for i, m in enumerate(months))


def _items(tx: Tx, *conditions: Any) -> int:
    return int(tx.session.scalar(select(func.count(CircleItem.id)).where(*conditions)) or 0)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def circle_review(tx: Tx, first: dt.date, last: dt.date) -> CircleReview:
    """Open needs and offers now; items opened and matched, introductions and their outcomes,
    benefit uses in [first, last]; introductions and benefit uses per month over the 12 months
    ending with ``last``'s month."""
    months = twelve_months(last)
    counts = dict(tx.session.execute(
        select(CircleItem.side, func.count(CircleItem.id))
        .where(CircleItem.status == "open").group_by(CircleItem.side)).all())
    opened = dict(tx.session.execute(
        select(CircleItem.side, func.count(CircleItem.id))
        .where(CircleItem.opened_on >= first, CircleItem.opened_on <= last)
        .group_by(CircleItem.side)).all())
    matched = _items(tx, CircleItem.status == "matched", CircleItem.closed_on >= first,
                     CircleItem.closed_on <= last)
    by_outcome = dict(tx.session.execute(
        select(Introduction.outcome, func.count(Introduction.id))
        .where(Introduction.introduced_on >= first, Introduction.introduced_on <= last)
        .group_by(Introduction.outcome)).all())
    value = tx.session.scalar(
        select(func.coalesce(func.sum(Introduction.outcome_value), 0))
        .where(Introduction.introduced_on >= first, Introduction.introduced_on <= last))
    uses = func.count(BenefitUse.id)
    partners = tuple(
        PartnerUses(pid, name, Count(int(n), Drill.of("benefit_uses", first=first, last=last,
                                                      partner_id=pid)),
                    int(people), Decimal(total or 0))
        for pid, name, n, people, total in tx.session.execute(
            select(Partner.id, Partner.name, uses, func.count(func.distinct(BenefitUse.member_id)),
                   func.sum(BenefitUse.value))
            .join(BenefitUse, BenefitUse.partner_id == Partner.id)
            .where(BenefitUse.used_on >= first, BenefitUse.used_on <= last)
            .group_by(Partner.id, Partner.name, Partner.sort_name)
            .order_by(uses.desc(), Partner.sort_name)))

    def item_drill(side: str, which: str) -> Drill:
        if which == "open":
            return Drill.of("items", side=side, which=which)
        return Drill.of("items", side=side, which=which, first=first, last=last)

    window = Drill.of("introductions", first=first, last=last)
    return CircleReview(
        first=first, last=last,
        open_needs=Count(int(counts.get("need", 0)), item_drill("need", "open")),
        open_offers=Count(int(counts.get("offer", 0)), item_drill("offer", "open")),
        new_needs=Count(int(opened.get("need", 0)), item_drill("need", "new")),
        new_offers=Count(int(opened.get("offer", 0)), item_drill("offer", "new")),
        matched=Count(matched, Drill.of("items", which="matched", first=first, last=last)),
        introductions=Count(sum(int(n) for n in by_outcome.values()), window),
        introductions_per_month=_months(
            tx, Introduction.introduced_on, select(func.count(Introduction.id)), months,
            "introductions"),
        outcomes=tuple(Bucket(o, OUTCOME_LABELS[o], Count(
            int(by_outcome.get(o, 0)),
            Drill.of("introductions", first=first, last=last, outcome=o))) for o in OUTCOMES),
        outcome_value=Decimal(value or 0),
        benefit_uses_per_month=_months(tx, BenefitUse.used_on, select(func.count(BenefitUse.id)),
                                       months, "benefit_uses"),
        partners=partners,
    )
