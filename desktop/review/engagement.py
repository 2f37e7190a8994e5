"""Review → Engagement: who comes, who comes to events, who has not been seen for a while.

A visit is any row of the visit table (a scan or name at the desk, a booking's arrival, an
event check-in).  Event attendance is event check-ins that were not undone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from desktop.i18n import msg
from desktop.members.status import StatusRules
from desktop.models.event import CheckIn, Registration, Visit
from desktop.models.members import Member, MembershipPeriod
from desktop.permissions import Permission
from desktop.review import facts
from desktop.review.common import Bucket, Count, Drill, day_range, twelve_months
from desktop.review.settings import NOT_SEEN_DAYS
from desktop.services import Tx, service
from desktop.settings.store import get_setting

# Visits (or events) per member in the window, as the distribution's buckets: (key, low, high).
DISTRIBUTION: tuple[tuple[str, int, int | None], ...] = (
    ("0", 0, 0), ("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8+", 8, None))
DISTRIBUTION_LABELS = {"0": msg("none"), "1": msg("1"), "2-3": msg("2–3"), "4-7": msg("4–7"),
                       "8+": msg("8 or more")}


@dataclass(frozen=True)
class MemberEngagement:
    member_id: int
    name: str
    visits: int  # visits of any kind in the window
    events: int  # events checked in at in the window

    @property
    def score(self) -> int:
        """Visits plus events: an event check-in also leaves a visit, so it weighs double."""
        return self.visits + self.events


@dataclass(frozen=True)
class EngagementReview:
    first: dt.date
    last: dt.date
    as_of: dt.date
    members: Count  # members counted in the distributions: not archived, with a live
    #                 membership overlapping the window
    visits: Count  # visits in the window (drill lists members with their visit counts)
    visitors: Count  # distinct members who visited
    attendances: Count  # event check-ins of members in the window
    attendees: Count  # distinct members who checked in at an event
    visit_distribution: tuple[Bucket, ...]  # keys of DISTRIBUTION: members by visits
    event_distribution: tuple[Bucket, ...]  # keys of DISTRIBUTION: members by events attended
    most_engaged: tuple[MemberEngagement, ...]  # top N by score, then visits, then name
    not_seen_days: int  # the setting review.not_seen_days
    not_seen: Count  # current members (status new/active/expiring/grace, not archived) whose
    #                  last visit is more than not_seen_days before as_of, or never



def in_window(first: dt.date, last: dt.date) -> ColumnElement[bool]:
    """Members counted in the distributions: a live membership overlapping the window."""
    return and_(facts.present(), exists().where(
        MembershipPeriod.member_id == Member.id, facts.live(),
        MembershipPeriod.starts_on <= last, MembershipPeriod.ends_on >= first))


def visit_counts(first: dt.date, last: dt.date) -> Subquery:
    start, end = day_range(first, last)
    return (select(Visit.member_id.label("member_id"), func.count(Visit.id).label("n"))
            .where(Visit.at >= start, Visit.at < end).group_by(Visit.member_id)
            .subquery("visit_counts"))


def event_counts(first: dt.date, last: dt.date) -> Subquery:
    """Event check-ins (not undone) of members, by the time of the check-in.

    Grouped by ``member_id + 0``, which no index answers: grouped by the bare column, SQLite
    walks every registration in member order (the member index) and looks up its check-in,
    where the window's few thousand check-ins are what there is to read."""
    start, end = day_range(first, last)
    member = (Registration.member_id + 0).label("member_id")
    return (select(member, func.count(CheckIn.id).label("n"))
            .join(CheckIn, CheckIn.registration_id == Registration.id)
            .where(CheckIn.annulled_at.is_(None), CheckIn.at >= start, CheckIn.at < end,
                   Registration.member_id.is_not(None))
            .group_by(member).subquery("event_counts"))


def _bucket(n: Any) -> ColumnElement[int]:
    """The DISTRIBUTION index of a count (0 for none)."""
    return case(*[((n >= low) if high is None else and_(n >= low, n <= high), literal(i))
                  for i, (_key, low, high) in enumerate(DISTRIBUTION)], else_=literal(0))


def per_member_select(first: dt.date, last: dt.date) -> Select[Any]:
    """member_id, v (visits), e (event check-ins) in the window and o (1 when a live
    membership overlaps the window, else 0: tested once a member here), for members with
    any visit or check-in."""
    visits = visit_counts(first, last)
    events = event_counts(first, last)
    both = union_all(select(visits.c.member_id, visits.c.n.label("v"), literal(0).label("e")),
                     select(events.c.member_id, literal(0).label("v"), events.c.n.label("e"))
                     ).subquery("both")
    overlapping = case((exists().where(
        MembershipPeriod.member_id == both.c.member_id, facts.live(),
        MembershipPeriod.ends_on >= first, MembershipPeriod.starts_on <= last), 1),
        else_=0)
    return (select(both.c.member_id.label("member_id"), func.sum(both.c.v).label("v"),
                   func.sum(both.c.e).label("e"), overlapping.label("o"))
            .group_by(both.c.member_id))


@dataclass(frozen=True)
class _Activity:
    visits: int
    visitors: int
    attendances: int
    attendees: int
    visit_buckets: dict[int, int]  # DISTRIBUTION index -> members of the window (1 and up)
    event_buckets: dict[int, int]
    most_engaged: tuple[MemberEngagement, ...]


def _activity(tx: Tx, first: dt.date, last: dt.date, top: int) -> _Activity:
    """Totals, distributions and the most engaged in one statement: the per-member counts
    are made once (a CTE) and read twice — grouped by (visit bucket, event bucket, whether
    the member's membership overlaps the window: at most 50 rows), and the top ``top``."""
    per = per_member_select(first, last).cte("per_member")
    overlapping = per.c.o
    vb, eb = _bucket(per.c.v), _bucket(per.c.e)
    grouped = (select(literal(0).label("kind"), vb.label("vb"), eb.label("eb"),
                      overlapping.label("o"), func.count().label("n"),
                      func.sum(per.c.v).label("v"), func.sum(per.c.e).label("e"),
                      cast(null(), Integer).label("member_id"),
                      cast(null(), String).label("name"), cast(null(), String).label("sort_name"))
               .select_from(per).join(Member, Member.id == per.c.member_id)
               .where(facts.present()).group_by(vb, eb, overlapping))
    best = (select(per.c.member_id, per.c.v, per.c.e, Member.name, Member.sort_name)
            .select_from(per).join(Member, Member.id == per.c.member_id)
            .where(facts.present())
            .order_by((per.c.v + per.c.e).desc(), per.c.v.desc(), Member.sort_name, Member.id)
            .limit(top).subquery("best"))
    leaders = select(literal(1), literal(0), literal(0), literal(0), literal(0), best.c.v,
                     best.c.e, best.c.member_id, best.c.name, best.c.sort_name)
    visits = visitors = attendances = attendees = 0
    visit_buckets: dict[int, int] = {}
    event_buckets: dict[int, int] = {}
    engaged: list[tuple[int, int, str, int, str, int]] = []
    for kind, v_index, e_index, overlaps, count, v_sum, e_sum, member_id, name, sort_name \
            in tx.session.execute(union_all(grouped, leaders)):
        if kind:
            v, e = int(v_sum or 0), int(e_sum or 0)
            engaged.append((-(v + e), -v, str(sort_name), int(member_id), str(name), e))
            continue
        v_index, e_index, count = int(v_index), int(e_index), int(count)
        visits += int(v_sum or 0)
        attendances += int(e_sum or 0)
        visitors += count if v_index else 0
        attendees += count if e_index else 0
        if overlaps:
            if v_index:
                visit_buckets[v_index] = visit_buckets.get(v_index, 0) + count
            if e_index:
                event_buckets[e_index] = event_buckets.get(e_index, 0) + count
    engaged.sort()
    return _Activity(visits, visitors, attendances, attendees, visit_buckets, event_buckets,
                     tuple(MemberEngagement(mid, name, -minus_v, e)
                           for _s, minus_v, _n, mid, name, e in engaged))


def _distribution(found: dict[int, int], first: dt.date, last: dt.date, source: str,
                  members: int) -> tuple[Bucket, ...]:
    """Members of the window by how many visits (or events) they had; "none" is the rest of
    the window's members."""
    counts = {**found, 0: members - sum(found.values())}
    return tuple(Bucket(key, DISTRIBUTION_LABELS[key], Count(counts.get(i, 0), Drill.of(
        "visit_bucket", first=first, last=last, source=source, low=low,
        high=-1 if high is None else high)))
        for i, (key, low, high) in enumerate(DISTRIBUTION))


def last_seen_subquery() -> Subquery:
    return (select(Visit.member_id.label("member_id"), func.max(Visit.at).label("seen"))
            .group_by(Visit.member_id).subquery("seen"))


def not_seen_select(rule: StatusRules, as_of: dt.date, days: int) -> Select[Any]:
    """Current members (new, active, expiring, grace; not archived) with no visit since
    ``as_of`` - ``days`` (or never): id, name, phone, last visit."""
    span = facts.spans(as_of)
    seen = last_seen_subquery()
    status = facts.status_case(span, as_of, rule)
    cutoff = dt.datetime.combine(as_of - dt.timedelta(days=days), dt.time())
    return (select(Member.id, Member.name, Member.phone, seen.c.seen).select_from(Member)
            .outerjoin(span, span.c.member_id == Member.id)
            .outerjoin(seen, seen.c.member_id == Member.id)
            .where(facts.present(), facts.joined_by(as_of),
                   status.in_([s.value for s in facts.CURRENT]),
                   or_(seen.c.seen.is_(None), seen.c.seen < cutoff)))


@service(Permission.REVIEW_AND_AUDIT, write=False)
def engagement_review(tx: Tx, first: dt.date, last: dt.date, as_of: dt.date, *,
                      top: int = 10, counts: facts.MemberPass | None = None) -> EngagementReview:
    """The engagement section: visits and event check-ins in [first, last] per member, the
    most engaged, and who has not been seen for ``review.not_seen_days`` by ``as_of``.
    ``counts`` is the member pass when the caller (the snapshot) already made it."""
    days = int(get_setting(tx, NOT_SEEN_DAYS.name))
    if counts is None:
        counts = facts.member_pass(tx, as_of, first, last, twelve_months(last), days)
    activity = _activity(tx, first, last, top)
    return EngagementReview(
        first=first, last=last, as_of=as_of,
        members=Count(counts.in_window, Drill.of("engaged_members", first=first, last=last)),
        visits=Count(activity.visits, Drill.of("visits", first=first, last=last)),
        visitors=Count(activity.visitors, Drill.of("visits", first=first, last=last)),
        attendances=Count(activity.attendances, Drill.of("attendance", first=first,
                                                         last=last)),
        attendees=Count(activity.attendees, Drill.of("attendance", first=first, last=last)),
        visit_distribution=_distribution(activity.visit_buckets, first, last, "visits",
                                         counts.in_window),
        event_distribution=_distribution(activity.event_buckets, first, last, "events",
                                         counts.in_window),
        most_engaged=activity.most_engaged,
        not_seen_days=days,
        not_seen=Count(counts.not_seen, Drill.of("not_seen", as_of=as_of, days=days)),
    )
