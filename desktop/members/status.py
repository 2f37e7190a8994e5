"""A member's status, derived from dates by an ordered rule set (never stored as the truth).

The rules, first match wins:
1. suspended  - a suspension covers today (an open-ended one until lifted);
2. new        - a membership covers today and the first one began within ``members.new_days``,
                or none covers today but one starts later (joined, not begun);
3. expiring   - a membership covers today and the last end date is within
                ``members.expiring_days`` (a renewal paid ahead pushes it out);
4. active     - a membership covers today;
5. grace      - the last membership ended at most ``members.grace_days`` ago;
6. lapsed     - anything else (ended longer ago, or never paid).
Voided periods do not count.
The thresholds are settings so the owner can tune them; the SQL filter in the search uses the
same rules through ``status_condition``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select

from desktop.i18n import Message, msg
from desktop.models.members import Member, MembershipPeriod
from desktop.settings.registry import SettingDef, define, non_negative


class Status(enum.StrEnum):
    NEW = "new"
    ACTIVE = "active"
    EXPIRING = "expiring"
    GRACE = "grace"
    LAPSED = "lapsed"
    SUSPENDED = "suspended"

    @property
    def label(self) -> Message:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.NEW: msg("new"),
    Status.ACTIVE: msg("active"),
    Status.EXPIRING: msg("expiring soon"),
    Status.GRACE: msg("in grace"),
    Status.LAPSED: msg("lapsed"),
    Status.SUSPENDED: msg("suspended"),
}

# Statuses whose members may book and register (DESIGN.md: who a booking is for).
MAY_BOOK = frozenset({Status.NEW, Status.ACTIVE, Status.EXPIRING, Status.GRACE})


def _days(name: str, default: int, label: Message, help_text: Message) -> SettingDef:
    return define(SettingDef(name, int, default, label, help_text, non_negative(name)))


NEW_DAYS = _days("members.new_days", 30, msg("New member for (days)"),
                 msg("A first membership counts as new for this many days."))
EXPIRING_DAYS = _days("members.expiring_days", 30, msg("Expiring soon within (days)"),
                      msg("A membership ending within this many days is expiring soon."))
GRACE_DAYS = _days("members.grace_days", 30, msg("Grace period (days)"),
                   msg("After the end date a member is in grace for this many days, then lapsed."))


@dataclass(frozen=True)
class StatusRules:
    new_days: int = 30
    expiring_days: int = 30
    grace_days: int = 30


@dataclass(frozen=True)
class PeriodSpan:
    starts_on: dt.date
    ends_on: dt.date


def member_status(
    periods: Sequence[PeriodSpan],
    today: dt.date,
    rules: StatusRules,
    *,
    suspended_from: dt.date | None = None,
    suspended_until: dt.date | None = None,
) -> Status:
    if suspended_from is not None and suspended_from <= today and (
        suspended_until is None or today <= suspended_until
    ):
        return Status.SUSPENDED
    if not periods:
        return Status.LAPSED
    covering = any(p.starts_on <= today <= p.ends_on for p in periods)
    future = any(p.starts_on > today for p in periods)
    first_start = min(p.starts_on for p in periods)
    latest_end = max(p.ends_on for p in periods)
    if (covering and (today - first_start).days < rules.new_days) or (not covering and future):
        return Status.NEW
    if covering:
        return Status.EXPIRING if (latest_end - today).days < rules.expiring_days else Status.ACTIVE
    return Status.GRACE if (today - latest_end).days <= rules.grace_days else Status.LAPSED


def _live() -> ColumnElement[bool]:
    return MembershipPeriod.voided.is_(False)


def status_condition(status: Status, today: dt.date, rules: StatusRules) -> ColumnElement[bool]:
    """The same rules as ``member_status`` as a SQL condition on Member (for filtering)."""
    suspended = and_(
        Member.suspended_from.is_not(None),
        Member.suspended_from <= today,
        or_(Member.suspended_until.is_(None), Member.suspended_until >= today),
    )
    if status is Status.SUSPENDED:
        return suspended
    latest_end = (
        select(func.max(MembershipPeriod.ends_on))
        .where(MembershipPeriod.member_id == Member.id, _live())
        .scalar_subquery()
    )
    first_start = (
        select(func.min(MembershipPeriod.starts_on))
        .where(MembershipPeriod.member_id == Member.id, _live())
        .scalar_subquery()
    )
    covering = exists().where(
        MembershipPeriod.member_id == Member.id, _live(),
        MembershipPeriod.starts_on <= today, MembershipPeriod.ends_on >= today,
    )
    future = exists().where(
        MembershipPeriod.member_id == Member.id, _live(), MembershipPeriod.starts_on > today
    )
    new_cutoff = today - dt.timedelta(days=rules.new_days)
    expiring_cutoff = today + dt.timedelta(days=rules.expiring_days)
    grace_cutoff = today - dt.timedelta(days=rules.grace_days)
    is_new = or_(
        and_(covering, first_start > new_cutoff),
        and_(not_(covering), future),
    )
    # A chain of renewals is contiguous, so "the latest end" is the end of the current chain.
    is_expiring = and_(covering, not_(is_new), latest_end < expiring_cutoff)
    is_active = and_(covering, not_(is_new), latest_end >= expiring_cutoff)
    is_grace = and_(not_(covering), not_(future), latest_end >= grace_cutoff)
    is_lapsed = and_(not_(covering), not_(future),
                     or_(latest_end.is_(None), latest_end < grace_cutoff))
    chosen = {
        Status.NEW: is_new,
        Status.EXPIRING: is_expiring,
        Status.ACTIVE: is_active,
        Status.GRACE: is_grace,
        Status.LAPSED: is_lapsed,
    }[status]
    return and_(not_(suspended), chosen)
