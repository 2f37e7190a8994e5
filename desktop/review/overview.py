"""The whole review in one call: what the Review view shows (``review_snapshot``) and what the
monthly report prints (``month_report_data``).

Windows.  The snapshot looks at "now": statuses on today, renewal, events, spaces, circle and
money over the 90 days ending today (``first``..``last``), trend lines over the 12 months
ending with today's month, utilisation over the weeks of those 90 days.  The month report
looks at one calendar month: the same sections with the window = that month and statuses as
of its last day (or today, for the current month), the trend lines over the 12 months ending
with it.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select

from desktop.db import READONLY_OPTION
from desktop.models.booking import Booking
from desktop.models.circle import BenefitUse, CircleItem, Introduction
from desktop.models.event import Visit
from desktop.models.members import Member, Payment
from desktop.permissions import Permission
from desktop.review import facts
from desktop.review.circle import CircleReview, circle_review
from desktop.review.common import day_range, month_end, twelve_months
from desktop.review.engagement import EngagementReview, engagement_review
from desktop.review.events import EventsReview, events_review
from desktop.review.membership import MembershipReview, membership_review
from desktop.review.money import MoneyReview, money_review
from desktop.review.settings import NOT_SEEN_DAYS
from desktop.review.spaces import SpacesReview, spaces_review
from desktop.services import Tx, service
from desktop.settings.registry import CURRENCY, VENUE_NAME
from desktop.settings.store import get_setting

WINDOW_DAYS = 90


@dataclass(frozen=True)
class Review:
    """Every section for one window; ``empty`` when the window has no activity at all."""

    as_of: dt.date  # statuses counted on this day
    first: dt.date  # the window
    last: dt.date
    months: tuple[dt.date, ...]  # the 12 trend months (first days), oldest first
    venue: str  # setting venue.name
    currency: str  # setting venue.currency
    generated_at: dt.datetime  # the clock's now
    empty: bool  # no joins, payments, visits, bookings (events' too), offers or needs
    #              opened, introductions or benefit uses in the window
    membership: MembershipReview
    engagement: EngagementReview
    spaces: SpacesReview
    events: EventsReview
    circle: CircleReview
    money: MoneyReview


@dataclass(frozen=True)
class MonthReport(Review):
    year: int = 0  # the report's month
    month: int = 0


def _empty(tx: Tx, first: dt.date, last: dt.date) -> bool:
    """Nothing happened in the window: one query of EXISTS tests."""
    start, end = day_range(first, last)
    found = tx.session.execute(select(
        exists().where(Member.joined_on >= first, Member.joined_on <= last),
        exists().where(Payment.paid_on >= first, Payment.paid_on <= last),
        exists().where(Visit.at >= start, Visit.at < end),
        exists().where(Booking.starts >= start, Booking.starts < end),
        exists().where(Introduction.introduced_on >= first, Introduction.introduced_on <= last),
        exists().where(BenefitUse.used_on >= first, BenefitUse.used_on <= last),
        exists().where(CircleItem.opened_on >= first, CircleItem.opened_on <= last),
    )).one()
    return not any(found)


def _second_connection_sees_it_all(tx: Tx) -> bool:
    """The member pass may run on a connection of its own when this transaction is a
    read-only one (it has written nothing another connection could not see) on a database a
    second connection reaches (not an in-memory SQLite one, which is per connection)."""
    bind = tx.session.get_bind()
    if not bind.get_execution_options().get(READONLY_OPTION, False):
        return False
    url = bind.engine.url
    return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")


def _review(tx: Tx, as_of: dt.date, first: dt.date, last: dt.date) -> dict[str, Any]:
    """The fields of a Review (membership and engagement share one member pass).

    The member pass (every member's status: a third of the time on 50,000 members) and then
    the spaces run on a second connection in a worker thread while this one reads the
    events, circle, money, membership and engagement: SQLite and PostgreSQL answer both at
    once (the sqlite3 module lets go of the GIL while a statement runs), so the owner waits
    for the longer of the two halves, not their sum.  Both are read transactions begun
    together; every number is read from the database on each call, nothing is kept.
    """
    months = twelve_months(last)
    args = (as_of, first, last, months, int(get_setting(tx, NOT_SEEN_DAYS.name)))
    pending_counts: Future[facts.MemberPass] | None = None
    pending_spaces: Future[SpacesReview] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="review") as pool:
        if _second_connection_sees_it_all(tx):
            # A context of the same actor without this transaction: it opens its own.
            side = tx.ctx.as_actor(tx.actor)
            pending_counts = pool.submit(facts.member_pass, side, *args)
            pending_spaces = pool.submit(spaces_review, side, first, last)
        fields: dict[str, Any] = dict(
            as_of=as_of, first=first, last=last, months=months,
            venue=str(get_setting(tx, VENUE_NAME.name)),
            currency=str(get_setting(tx, CURRENCY.name)),
            generated_at=tx.clock.now(),
            empty=_empty(tx, first, last),
            events=events_review(tx, first, last),
            circle=circle_review(tx, first, last),
            money=money_review(tx, first, last),
        )
        counts = (pending_counts.result() if pending_counts
                  else facts.member_pass(tx, *args))
        fields["membership"] = membership_review(tx, as_of, first, last, counts=counts)
        fields["engagement"] = engagement_review(tx, first, last, as_of, counts=counts)
        fields["spaces"] = (pending_spaces.result() if pending_spaces
                            else spaces_review(tx, first, last))
    return fields


@service(Permission.REVIEW_AND_AUDIT, write=False)
def review_snapshot(tx: Tx, today: dt.date | None = None) -> Review:
    """The Review view's data: a bounded number of aggregate queries (the member pass on a
    second read transaction alongside, see ``_review``)."""
    day = today or tx.clock.now().date()
    return Review(**_review(tx, day, day - dt.timedelta(days=WINDOW_DAYS - 1), day))


@service(Permission.REVIEW_AND_AUDIT, write=False)
def month_report_data(tx: Tx, year: int, month: int) -> MonthReport:
    """The monthly report's data for ``year``-``month``; a month with nothing in it comes
    back with ``empty`` True and every section present (zeros and empty lists)."""
    first = dt.date(year, month, 1)
    last = month_end(first)
    as_of = min(last, tx.clock.now().date())
    return MonthReport(**_review(tx, as_of, first, last), year=year, month=month)
