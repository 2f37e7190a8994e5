"""What the Circle view shows at a glance, read in one call: the open needs and offers, the
introductions of the last 30 days, the ones waiting for a follow-up, and what came of
introductions this month.

The view opens often and the lists grow with the circle, so every part is read with a fixed
number of set-based queries (no query per row): the items with their tags in two, each list
of introductions in one.  The labels of sides, statuses, means and outcomes live here too, so
the view, the member's page and the printed board say them the same way in both languages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop.circle.service import (
    _INTRODUCTIONS,
    IntroductionView,
    ItemView,
    _introduction_views,
    follow_ups,
    list_items,
)
from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.models.circle import OUTCOMES, Introduction
from desktop.permissions import Permission
from desktop.services import Tx, service

RECENT_DAYS = 30


def side_label(side: str) -> Message:
    return {"offer": msg("Offer"), "need": msg("Need")}.get(side, msg("Other"))


def status_label(status: str) -> Message:
    labels = {"open": msg("Open"), "matched": msg("Matched"), "closed": msg("Closed")}
    return labels.get(status, msg("Other"))


def means_label(means: str) -> Message:
    labels = {"in_person": msg("In person"), "phone": msg("Phone"), "wechat": msg("WeChat"),
              "email": msg("Email"), "event": msg("At an event"), "other": msg("Other")}
    return labels.get(means, msg("Other"))


def outcome_label(outcome: str) -> Message:
    labels = {"not_yet": msg("Not yet"), "met": msg("Met"),
              "working_together": msg("Working together"), "deal_done": msg("Deal done"),
              "no_fit": msg("No fit")}
    return labels.get(outcome, msg("Other"))


@dataclass(frozen=True)
class OutcomeCount:
    outcome: str
    label: Message
    count: int
    value: Decimal


@dataclass(frozen=True)
class MonthOutcomes:
    """The outcomes recorded in one month: a count per outcome (every outcome, zeros too),
    the value they brought, and the introductions behind the numbers."""

    year: int
    month: int
    counts: tuple[OutcomeCount, ...]
    total_value: Decimal
    introductions: tuple[IntroductionView, ...]

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


@dataclass(frozen=True)
class CircleOverview:
    needs: tuple[ItemView, ...]
    offers: tuple[ItemView, ...]
    recent: tuple[IntroductionView, ...]
    follow_ups: tuple[IntroductionView, ...]
    outcomes: MonthOutcomes


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12 or not 1 <= year <= 9998:
        raise DomainError(msg("Choose a month between January and December."), field="month")
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following


@service(Permission.USE_CIRCLE, write=False)
def outcomes_in_month(tx: Tx, year: int, month: int) -> MonthOutcomes:
    """Introductions whose outcome (other than "not yet") was recorded in the month."""
    first, following = _month(year, month)
    found = _introduction_views(tx, _INTRODUCTIONS.where(
        Introduction.outcome != "not_yet", Introduction.outcome_on >= first,
        Introduction.outcome_on < following)
        .order_by(Introduction.outcome_on.desc(), Introduction.id.desc()))
    counts = []
    for outcome in OUTCOMES:
        if outcome == "not_yet":
            continue
        these = [i for i in found if i.outcome == outcome]
        counts.append(OutcomeCount(outcome, outcome_label(outcome), len(these),
                                   sum((i.outcome_value or Decimal(0) for i in these),
                                       Decimal("0.00"))))
    total = sum((c.value for c in counts), Decimal("0.00"))
    return MonthOutcomes(year, month, tuple(counts), total, tuple(found))


@service(Permission.USE_CIRCLE, write=False)
def recent_introductions(tx: Tx, days: int = RECENT_DAYS) -> list[IntroductionView]:
    """Introductions made in the last ``days`` days (today included), newest first."""
    since = tx.clock.now().date() - dt.timedelta(days=days)
    return _introduction_views(tx, _INTRODUCTIONS.where(Introduction.introduced_on >= since)
                               .order_by(Introduction.introduced_on.desc(),
                                         Introduction.id.desc()))


@service(Permission.USE_CIRCLE, write=False)
def circle_overview(tx: Tx) -> CircleOverview:
    """Everything the Circle view shows, in one transaction and a fixed number of queries."""
    today = tx.clock.now().date()
    return CircleOverview(
        needs=tuple(list_items(tx, side="need", status="open")),
        offers=tuple(list_items(tx, side="offer", status="open")),
        recent=tuple(recent_introductions(tx)),
        follow_ups=tuple(follow_ups(tx)),
        outcomes=outcomes_in_month(tx, today.year, today.month))
