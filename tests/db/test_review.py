"""The owner's review (issue 7) on a small venue made by hand, where every number below was
counted by hand from the data in ``venue`` (not computed again with the same SQL): statuses,
plans, joins and lapses per month, renewal, referrals, tags, engagement, spaces' utilisation
and heat map, events, the circle and money; the list behind each number; an empty database;
a month with nothing in it; the front desk refused; a time-zone change that moves nothing.

The fixed clock is Thursday 2026-11-26 09:00; status rules are the defaults (new 30 days,
expiring 30, grace 30); the snapshot's window is the 90 days 2026-08-29 .. 2026-11-26.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from desktop.errors import DomainError, PermissionDenied
from desktop.models.booking import Booking, Closure, Space, SpaceHours
from desktop.models.circle import BenefitUse, CircleItem, Introduction, Partner
from desktop.models.event import CheckIn, Event, Registration, Visit
from desktop.models.members import Member, MembershipPeriod, Payment, Plan, Tag
from desktop.review.circle import circle_review
from desktop.review.common import Drill
from desktop.review.drill import drill_down
from desktop.review.engagement import engagement_review
from desktop.review.events import events_review
from desktop.review.facts import member_pass
from desktop.review.membership import call_list, membership_review
from desktop.review.money import money_review
from desktop.review.overview import month_report_data, review_snapshot
from desktop.review.spaces import heat_drill, spaces_review
from desktop.services import Context
from desktop.settings.store import get_setting, update_settings

TODAY = dt.date(2026, 11, 26)
FIRST = dt.date(2026, 8, 29)
NOW = dt.datetime(2026, 11, 26, 9, 0)
D = dt.date


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@dataclass
class Venue:
    ids: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


def _member(session: Session, name: str, joined: dt.date, **extra: object) -> Member:
    member = Member(number=f"T{len(name):02d}{name}", name=name, joined_on=joined,
                    created_at=NOW, sort_name=name.lower(), search_text=name.lower(), **extra)
    session.add(member)
    session.flush()
    return member


def _period(session: Session, member: Member, plan: Plan, starts: dt.date, ends: dt.date,
            *, paid: Decimal | None = None, paid_on: dt.date | None = None,
            voided_payment: Decimal | None = None) -> None:
    period = MembershipPeriod(member_id=member.id, plan_id=plan.id, starts_on=starts,
                              ends_on=ends, voided=False, created_at=NOW)
    session.add(period)
    session.flush()
    if paid is not None:
        session.add(Payment(period_id=period.id, amount=paid, paid_on=paid_on or starts,
                            method="cash", recorded_by="t", created_at=NOW))
    if voided_payment is not None:
        session.add(Payment(period_id=period.id, amount=voided_payment,
                            paid_on=paid_on or starts, method="cash", voided=True,
                            void_reason="typo", recorded_by="t", created_at=NOW))


def _space(session: Session, name: str, *, exclusive: bool, capacity: int, opens: int,
           closes: int) -> Space:
    space = Space(name=name, kind="tea_room", colour="#336699", capacity=capacity,
                  exclusive=exclusive, slot_minutes=30, min_minutes=30, max_minutes=480,
                  buffer_minutes=0, advance_days=60, active=True, sort_order=len(name))
    session.add(space)
    session.flush()
    for weekday in range(7):
        session.add(SpaceHours(space_id=space.id, weekday=weekday, opens=dt.time(opens),
                               closes=dt.time(closes)))
    return space


def _booking(session: Session, space: Space, member: Member | None, starts: dt.datetime,
             ends: dt.datetime, *, status: str = "confirmed", party: int = 1,
             event: Event | None = None) -> None:
    session.add(Booking(space_id=space.id, exclusive=space.exclusive,
                        member_id=member.id if member else None, starts=starts, ends=ends,
                        party_size=party, status=status, created_by="t", created_at=NOW,
                        event_id=event.id if event else None))


@pytest.fixture
def venue(owner_ctx: Context) -> Venue:
    """Nine members (see the module docstring for the day and the rules):

    Ann    Gold 2026-01-01..2026-12-31, paid 1980 on 01-01  -> active, ends in 35 days
    Bob    Silver 2025-12-10..2026-12-09, paid 600          -> expiring (13 days); by Ann
    Cat    Gold 2026-11-10..2027-11-09, paid 1980           -> new; referred by Ann
    Dan    Silver 2025-10-01..2026-09-30                    -> lapsed on 2026-10-31
    Eve    Gold 2025-11-01..2026-10-31                      -> in grace (26 days ago)
    Fay    Gold 2026-06-01..2027-05-31, suspended 11-01     -> suspended
    Gus    Gold, covering, archived                         -> left out everywhere
    Hal    joined 2026-11-20, never paid                    -> lapsed
    Ivy    Gold 2025-09-01..2026-08-31 and 2026-09-01..2027-08-31 (paid 1980 on 09-01,
           and a voided 999)                                -> active, renewed
    """
    v = Venue()
    with owner_ctx.database.transaction() as s:
        gold = Plan(name="Gold", fee=Decimal(1980), duration_months=12, active=True)
        silver = Plan(name="Silver", fee=Decimal(600), duration_months=12, active=True)
        s.add_all([gold, silver])
        s.flush()
        tea = Tag(name="tea", key="tea")
        golf = Tag(name="golf", key="golf")
        s.add_all([tea, golf])
        s.flush()
        ann = _member(s, "Ann", D(2026, 1, 1), phone="+8613800000001", tags=[tea])
        bob = _member(s, "Bob", D(2025, 12, 10), phone="+8613800000002",
                      referred_by_id=ann.id, tags=[tea])
        cat = _member(s, "Cat", D(2026, 11, 10), referred_by_id=ann.id, tags=[golf])
        dan = _member(s, "Dan", D(2025, 10, 1))
        eve = _member(s, "Eve", D(2025, 11, 1))
        fay = _member(s, "Fay", D(2024, 6, 1), suspended_from=D(2026, 11, 1))
        gus = _member(s, "Gus", D(2026, 11, 2), archived=True, tags=[tea])
        hal = _member(s, "Hal", D(2026, 11, 20))
        ivy = _member(s, "Ivy", D(2025, 9, 1))
        _period(s, ann, gold, D(2026, 1, 1), D(2026, 12, 31), paid=Decimal(1980))
        _period(s, bob, silver, D(2025, 12, 10), D(2026, 12, 9), paid=Decimal(600))
        _period(s, cat, gold, D(2026, 11, 10), D(2027, 11, 9), paid=Decimal(1980))
        _period(s, dan, silver, D(2025, 10, 1), D(2026, 9, 30))
        _period(s, eve, gold, D(2025, 11, 1), D(2026, 10, 31))
        _period(s, fay, gold, D(2026, 6, 1), D(2027, 5, 31))
        _period(s, gus, gold, D(2026, 11, 2), D(2027, 11, 1))
        _period(s, ivy, gold, D(2025, 9, 1), D(2026, 8, 31))
        _period(s, ivy, gold, D(2026, 9, 1), D(2027, 8, 31), paid=Decimal(1980),
                voided_payment=Decimal(999))
        for who, when in ((ann, at(D(2026, 11, 2), 10)), (ann, at(D(2026, 11, 9), 10)),
                          (ann, at(D(2026, 11, 25), 18)), (bob, at(D(2026, 11, 1), 11)),
                          (bob, at(D(2026, 6, 1), 11)), (gus, at(D(2026, 11, 3), 9)),
                          (gus, at(D(2026, 11, 4), 9))):
            s.add(Visit(member_id=who.id, at=when, source="desk", recorded_by="t"))

        # Spaces: the week of Monday 2026-11-16, the venue closed all Wednesday 11-18.
        tea_room = _space(s, "Tea room", exclusive=True, capacity=6, opens=9, closes=21)
        library = _space(s, "Library", exclusive=False, capacity=10, opens=10, closes=18)
        hall = _space(s, "Hall", exclusive=True, capacity=20, opens=18, closes=22)
        s.add(Closure(space_id=None, starts=at(D(2026, 11, 18), 0),
                      ends=at(D(2026, 11, 19), 0), reason="staff day", created_by="t",
                      created_at=NOW))
        _booking(s, tea_room, ann, at(D(2026, 11, 16), 10), at(D(2026, 11, 16), 12))
        _booking(s, tea_room, bob, at(D(2026, 11, 17), 19), at(D(2026, 11, 17), 21),
                 status="checked_in")
        _booking(s, tea_room, cat, at(D(2026, 11, 19), 14), at(D(2026, 11, 19), 15, 30),
                 status="no_show")
        _booking(s, tea_room, ivy, at(D(2026, 11, 20), 9), at(D(2026, 11, 20), 10),
                 status="cancelled")
        _booking(s, library, ann, at(D(2026, 11, 21), 10), at(D(2026, 11, 21), 12), party=4)
        _booking(s, library, None, at(D(2026, 11, 22), 14), at(D(2026, 11, 22), 15), party=2)

        # Events: a tasting on Friday 11-20 (fee 50, room for 4), one next month, one
        # cancelled.
        tasting = Event(title="Tasting", kind="tea_tasting", capacity=4, fee=Decimal(50),
                        status="scheduled", created_by="t", created_at=NOW)
        later = Event(title="Later", kind="talk", capacity=10, fee=Decimal(0),
                      status="scheduled", created_by="t", created_at=NOW)
        dropped = Event(title="Dropped", kind="talk", capacity=10, fee=Decimal(30),
                        status="cancelled", created_by="t", created_at=NOW)
        s.add_all([tasting, later, dropped])
        s.flush()
        _booking(s, hall, None, at(D(2026, 11, 20), 19), at(D(2026, 11, 20), 21), party=4,
                 event=tasting)
        _booking(s, hall, None, at(D(2026, 12, 5), 19), at(D(2026, 12, 5), 21), party=10,
                 event=later)
        _booking(s, hall, None, at(D(2026, 11, 12), 19), at(D(2026, 11, 12), 21),
                 status="cancelled", party=10, event=dropped)

        def register(event: Event, member: Member, status: str = "registered", *,
                     companions: int = 0, paid: bool = False, came: bool = False) -> None:
            registration = Registration(event_id=event.id, member_id=member.id,
                                        companions=companions, status=status, paid=paid,
                                        created_by="t", created_at=NOW)
            s.add(registration)
            s.flush()
            if came:
                s.add(CheckIn(registration_id=registration.id,
                              at=at(D(2026, 11, 20), 19, 5), by="t"))

        register(tasting, ann, companions=1, paid=True, came=True)
        register(tasting, bob)
        register(tasting, ivy, came=True)
        register(tasting, cat, "waitlisted")
        register(dropped, eve, paid=False)
        register(later, dan)

        # The circle.
        s.add_all([
            CircleItem(side="need", member_id=ann.id, title="Tea packaging", status="open",
                       opened_on=D(2026, 10, 1), created_by="t", created_at=NOW),
            CircleItem(side="offer", member_id=bob.id, title="Legal advice", status="open",
                       opened_on=D(2026, 5, 1), created_by="t", created_at=NOW),
            CircleItem(side="need", member_id=cat.id, title="A photographer",
                       status="matched", opened_on=D(2026, 10, 15), closed_on=D(2026, 11, 2),
                       created_by="t", created_at=NOW),
        ])
        partner = Partner(name="Hill Tea House", category="tea", active=True, created_by="t",
                          created_at=NOW, sort_name="hill tea house",
                          search_text="hill tea house")
        s.add(partner)
        s.flush()
        s.add_all([
            Introduction(member_a_id=ann.id, member_b_id=bob.id, means="in_person",
                         introduced_on=D(2026, 11, 5), outcome="met",
                         outcome_value=Decimal(1000), created_by="t", created_at=NOW),
            Introduction(member_a_id=cat.id, partner_id=partner.id, means="phone",
                         introduced_on=D(2026, 9, 10), created_by="t", created_at=NOW),
            Introduction(member_a_id=dan.id, member_b_id=eve.id, means="event",
                         introduced_on=D(2026, 3, 1), outcome="no_fit", created_by="t",
                         created_at=NOW),
            BenefitUse(partner_id=partner.id, member_id=ann.id, used_on=D(2026, 11, 3),
                       value=Decimal(88), recorded_by="t", recorded_at=NOW),
            BenefitUse(partner_id=partner.id, member_id=bob.id, used_on=D(2026, 9, 15),
                       recorded_by="t", recorded_at=NOW),
            BenefitUse(partner_id=partner.id, member_id=ann.id, used_on=D(2026, 2, 1),
                       recorded_by="t", recorded_at=NOW),
        ])
        s.flush()
        v.ids = {m.name: m.id for m in (ann, bob, cat, dan, eve, fay, gus, hal, ivy)}
        v.ids.update({"Gold": gold.id, "Silver": silver.id, "tea": tea.id, "golf": golf.id,
                      "Tea room": tea_room.id, "Library": library.id, "Hall": hall.id,
                      "Tasting": tasting.id, "partner": partner.id})
    return v


def drill(key: Drill | None) -> Drill:
    assert key is not None, "this number has no list behind it"
    return key


def names(ctx: Context, key: Drill | None) -> list[str]:
    return [row.name for row in drill_down(ctx, drill(key))]


def test_membership_counts_match_the_hand_count(owner_ctx: Context, venue: Venue) -> None:
    review = membership_review(owner_ctx, TODAY, FIRST, TODAY)
    assert review.total.value == 8  # Gus is archived
    assert {b.key: b.count.value for b in review.by_status} == {
        "new": 1, "active": 2, "expiring": 1, "grace": 1, "lapsed": 2, "suspended": 1}
    assert [(b.label.render("en"), b.count.value) for b in review.by_plan] == [
        ("Gold", 4), ("Silver", 1)]  # Ann, Cat, Fay, Ivy; Bob
    assert review.expiring_30.value == 1  # Bob (Fay is suspended)
    assert review.expiring_60.value == 2  # Bob, Ann
    assert [(r.name, r.days_left, r.plan) for r in review.call_list] == [
        ("Bob", 13, "Silver"), ("Ann", 35, "Gold")]
    assert review.call_list[1].last_visit == at(D(2026, 11, 25), 18)
    assert review.lapsed_90.value == 1  # Dan, lapsed on 10-31
    new = {n.month: n.count.value for n in review.new_per_month}
    assert list(new) == [D(2025, 12, 1)] + [D(2026, m, 1) for m in range(1, 12)]
    assert new[D(2025, 12, 1)] == 1 and new[D(2026, 1, 1)] == 1  # Bob; Ann
    assert new[D(2026, 11, 1)] == 2  # Cat, Hal (Gus is archived)
    assert sum(new.values()) == 4
    growth = {g.month: (g.new.value, g.lapsed.value, g.net) for g in review.net_growth}
    assert growth[D(2026, 10, 1)] == (0, 1, -1)  # Dan
    assert growth[D(2026, 11, 1)] == (2, 0, 2)
    assert sum(g.lapsed.value for g in review.net_growth) == 1
    renewal = review.renewal  # periods ending 08-29..11-26: Ivy's first, Dan's, Eve's
    assert (renewal.ended.value, renewal.renewed.value, renewal.lost.value,
            renewal.pending.value) == (3, 1, 1, 1)
    assert renewal.rate == 0.5
    assert (review.referral.referred.value, review.referral.paying.value,
            review.referral.renewed.value) == (2, 2, 0)
    [top] = review.top_referrers
    assert (top.name, top.referred.value, top.paying.value) == ("Ann", 2, 2)
    assert [(b.label.render(), b.count.value) for b in review.tag_mix] == [
        ("tea", 2), ("golf", 1)]


def test_every_membership_number_opens_its_list(owner_ctx: Context, venue: Venue) -> None:
    review = membership_review(owner_ctx, TODAY, FIRST, TODAY)
    statuses = {b.key: b.count.drill for b in review.by_status}
    assert names(owner_ctx, statuses["new"]) == ["Cat"]
    assert names(owner_ctx, statuses["lapsed"]) == ["Dan", "Hal"]
    assert names(owner_ctx, statuses["suspended"]) == ["Fay"]
    assert names(owner_ctx, review.by_plan[0].count.drill) == ["Ann", "Cat", "Fay", "Ivy"]
    assert names(owner_ctx, review.expiring_60.drill) == ["Bob", "Ann"]
    rows = drill_down(owner_ctx, drill(review.expiring_30.drill))
    assert [(r.member_id, r.phone) for r in rows] == [(venue["Bob"], "+8613800000002")]
    assert "2026-12-09" in rows[0].detail
    assert names(owner_ctx, review.lapsed_90.drill) == ["Dan"]
    assert names(owner_ctx, review.renewal.lost.drill) == ["Dan"]
    assert names(owner_ctx, review.renewal.pending.drill) == ["Eve"]
    assert names(owner_ctx, review.renewal.renewed.drill) == ["Ivy"]
    assert names(owner_ctx, review.top_referrers[0].paying.drill) == ["Bob", "Cat"]
    assert names(owner_ctx, review.new_per_month[-1].count.drill) == ["Cat", "Hal"]
    assert names(owner_ctx, review.net_growth[-2].lapsed.drill) == ["Dan"]
    assert names(owner_ctx, review.tag_mix[0].count.drill) == ["Ann", "Bob"]
    assert len(drill_down(owner_ctx, drill(review.total.drill))) == 8


def test_engagement_counts_visits_events_and_who_was_not_seen(owner_ctx: Context,
                                                              venue: Venue) -> None:
    review = engagement_review(owner_ctx, FIRST, TODAY, TODAY)
    assert review.members.value == 7  # a membership overlapping the window: not Hal, Gus
    assert (review.visits.value, review.visitors.value) == (4, 2)  # Ann 3, Bob 1; Gus out
    assert (review.attendances.value, review.attendees.value) == (2, 2)  # Ann, Ivy
    assert {b.key: b.count.value for b in review.visit_distribution} == {
        "0": 5, "1": 1, "2-3": 1, "4-7": 0, "8+": 0}
    assert {b.key: b.count.value for b in review.event_distribution} == {
        "0": 5, "1": 2, "2-3": 0, "4-7": 0, "8+": 0}
    assert [(m.name, m.visits, m.events) for m in review.most_engaged] == [
        ("Ann", 3, 1), ("Bob", 1, 0), ("Ivy", 0, 1)]
    assert review.not_seen_days == 60
    assert review.not_seen.value == 3  # current members with no visit since 09-27
    assert names(owner_ctx, review.not_seen.drill) == ["Cat", "Eve", "Ivy"]
    assert [r.detail for r in drill_down(owner_ctx, drill(review.visits.drill))] == [
        "3 visits", "1 visits"]
    assert names(owner_ctx, review.visit_distribution[0].count.drill) == [
        "Cat", "Dan", "Eve", "Fay", "Ivy"]
    update_settings(owner_ctx, {"review.not_seen_days": 30})
    assert engagement_review(owner_ctx, FIRST, TODAY, TODAY).not_seen.value == 3
    update_settings(owner_ctx, {"review.not_seen_days": 20})  # Bob's 11-01 is now too old
    assert names(owner_ctx, engagement_review(owner_ctx, FIRST, TODAY, TODAY).not_seen.drill
                 ) == ["Bob", "Cat", "Eve", "Ivy"]


WEEK = (D(2026, 11, 16), D(2026, 11, 22))


def test_utilisation_heat_map_and_no_shows(owner_ctx: Context, venue: Venue) -> None:
    review = spaces_review(owner_ctx, *WEEK)
    assert review.weeks == (D(2026, 11, 16),)
    assert review.hours == (8 * 60, 22 * 60)
    uses = {u.name: u for u in review.spaces}
    tea = uses["Tea room"]
    # Open 09-21 = 12 h a day, 7 days, less Wednesday's closure: 72 h; booked 2 + 2 + 1.5
    # (the cancelled one does not count, the no-show held the room).
    assert (tea.open_hours, tea.booked_hours) == (72, 5.5)
    assert tea.weeks[0].rate == pytest.approx(5.5 / 72)
    library = uses["Library"]  # seats: 10 × 8 h × 6 days; 4 × 2 h + 2 × 1 h booked
    assert library.seat_based
    assert (library.open_hours, library.booked_hours) == (480, 10)
    hall = uses["Hall"]  # 18-22 = 4 h × 6 days; the tasting's 2 h
    assert (hall.open_hours, hall.booked_hours) == (24, 2)
    assert (tea.no_shows.value, tea.settled, tea.no_show_rate) == (1, 3, pytest.approx(1 / 3))
    assert (review.no_shows.value, review.settled) == (1, 6)
    expected = [[0.0] * 24 for _ in range(7)]
    expected[0][10] = expected[0][11] = 1  # Monday 10-12, tea room
    expected[1][19] = expected[1][20] = 1  # Tuesday 19-21
    expected[3][14], expected[3][15] = 1, 0.5  # Thursday 14:00-15:30
    expected[4][19] = expected[4][20] = 1  # Friday's tasting in the hall
    expected[5][10] = expected[5][11] = 1  # Saturday, library
    expected[6][14] = 1  # Sunday, library
    assert [list(row) for row in review.heat] == expected
    assert names(owner_ctx, tea.no_shows.drill) == ["Cat"]
    assert names(owner_ctx, tea.bookings.drill) == ["Cat", "Bob", "Ann"]
    # A heat-map cell opens the bookings it counts.
    assert names(owner_ctx, heat_drill(*WEEK, weekday=3, hour=15)) == ["Cat"]
    [tasting] = drill_down(owner_ctx, heat_drill(*WEEK, weekday=4, hour=20))
    assert (tasting.name, tasting.event_id) == ("Tasting", venue["Tasting"])
    assert "Hall" in tasting.detail
    assert drill_down(owner_ctx, heat_drill(*WEEK, weekday=2, hour=10)) == []


def test_utilisation_hours_setting_clips_the_day(owner_ctx: Context, venue: Venue) -> None:
    update_settings(owner_ctx, {"review.utilisation_hours": "10:00-20:00"})
    tea = {u.name: u for u in spaces_review(owner_ctx, *WEEK).spaces}["Tea room"]
    # Open 10-20 = 10 h × 6 days; booked 2 + 1 (19-20 of 19-21) + 1.5
    assert (tea.open_hours, tea.booked_hours) == (60, 4.5)
    with pytest.raises(DomainError) as refused:
        update_settings(owner_ctx, {"review.utilisation_hours": "20:00-10:00"})
    assert refused.value.field == "review.utilisation_hours"
    assert get_setting(owner_ctx, "review.utilisation_hours") == "10:00-20:00"


def test_a_time_zone_change_moves_no_booking_hour(owner_ctx: Context, venue: Venue) -> None:
    before = (spaces_review(owner_ctx, *WEEK), review_snapshot(owner_ctx).spaces)
    update_settings(owner_ctx, {"venue.time_zone": "America/New_York"})
    assert get_setting(owner_ctx, "venue.time_zone") == "America/New_York"
    after = (spaces_review(owner_ctx, *WEEK), review_snapshot(owner_ctx).spaces)
    assert after == before
    assert after[0].heat[0][10] == 1  # still Monday 10:00, wall-clock


def test_events_registration_attendance_and_waitlist(owner_ctx: Context,
                                                     venue: Venue) -> None:
    review = events_review(owner_ctx, FIRST, TODAY)
    [tasting] = review.events  # the cancelled one and next month's are left out
    assert (tasting.registered.value, tasting.checked_in.value, tasting.waitlisted.value,
            tasting.capacity) == (4, 3, 1, 4)  # Ann +1, Bob, Ivy; Ann +1 and Ivy came
    assert tasting.pressure == 0.25 and tasting.attendance_rate == 0.75
    [kind] = review.by_kind
    assert (kind.kind, kind.events.value, kind.registered, kind.checked_in,
            kind.waitlisted) == ("tea_tasting", 1, 4, 3, 1)
    assert names(owner_ctx, tasting.checked_in.drill) == ["Ann", "Ivy"]
    assert names(owner_ctx, tasting.waitlisted.drill) == ["Cat"]
    rows = drill_down(owner_ctx, drill(tasting.registered.drill))
    assert [(r.name, r.event_id) for r in rows] == [
        ("Ann", venue["Tasting"]), ("Bob", venue["Tasting"]), ("Ivy", venue["Tasting"])]
    assert "+1" in rows[0].detail
    # The section's totals open the people behind them, across the window's events.
    every = {which: Drill.of("window_people", first=FIRST, last=TODAY, which=which)
             for which in ("registered", "checked_in", "waitlisted")}
    assert names(owner_ctx, every["checked_in"]) == ["Ann", "Ivy"]
    assert names(owner_ctx, every["waitlisted"]) == ["Cat"]
    everyone = drill_down(owner_ctx, every["registered"])
    assert [r.name for r in everyone] == ["Ann", "Bob", "Ivy"]
    assert everyone[0].detail.startswith("Tasting · ")
    assert everyone[0].detail.endswith("+1 companions")
    assert drill_down(owner_ctx, Drill.of("window_people", first=dt.date(2020, 1, 1),
                                          last=dt.date(2020, 1, 31), which="registered")) == []


def test_circle_needs_offers_introductions_and_benefits(owner_ctx: Context,
                                                        venue: Venue) -> None:
    review = circle_review(owner_ctx, FIRST, TODAY)
    assert (review.open_needs.value, review.open_offers.value) == (1, 1)
    assert (review.new_needs.value, review.new_offers.value, review.matched.value) == (2, 0, 1)
    assert review.introductions.value == 2
    assert {b.key: b.count.value for b in review.outcomes} == {
        "not_yet": 1, "met": 1, "working_together": 0, "deal_done": 0, "no_fit": 0}
    assert review.outcome_value == Decimal(1000)
    per_month = {m.month: m.count.value for m in review.introductions_per_month}
    assert (per_month[D(2026, 3, 1)], per_month[D(2026, 9, 1)],
            per_month[D(2026, 11, 1)]) == (1, 1, 1)
    uses = {m.month: m.count.value for m in review.benefit_uses_per_month}
    assert (uses[D(2026, 2, 1)], uses[D(2026, 9, 1)], uses[D(2026, 11, 1)]) == (1, 1, 1)
    [partner] = review.partners
    assert (partner.name, partner.uses.value, partner.members, partner.value) == (
        "Hill Tea House", 2, 2, Decimal(88))
    assert names(owner_ctx, review.open_needs.drill) == ["Ann"]
    assert names(owner_ctx, review.matched.drill) == ["Cat"]
    assert names(owner_ctx, review.introductions.drill) == ["Ann", "Cat"]
    assert names(owner_ctx, partner.uses.drill) == ["Ann", "Bob"]


def test_money_payments_fees_and_what_is_owed(owner_ctx: Context, venue: Venue) -> None:
    review = money_review(owner_ctx, FIRST, TODAY)
    months = {m.month: (m.amount, m.count.value) for m in review.payments_per_month}
    assert months[D(2025, 12, 1)] == (Decimal(600), 1)
    assert months[D(2026, 1, 1)] == (Decimal(1980), 1)
    assert months[D(2026, 9, 1)] == (Decimal(1980), 1)  # Ivy's voided 999 is left out
    assert months[D(2026, 11, 1)] == (Decimal(1980), 1)
    assert sum(a for a, _n in months.values()) == Decimal(6540)
    assert review.payments_total == Decimal(3960)  # Ivy 09-01, Cat 11-10
    assert [(p.name, p.amount, p.payments.value) for p in review.payments_by_plan] == [
        ("Gold", Decimal(3960), 2)]
    fees = {m.month: (m.amount, m.count.value) for m in review.event_fees_per_month}
    assert fees[D(2026, 11, 1)] == (Decimal(100), 1)  # Ann and her companion
    assert review.event_fees_total == Decimal(100)
    assert (review.outstanding.value, review.outstanding_amount) == (2, Decimal(100))
    assert [(o.name, o.checked_in) for o in review.outstanding_list] == [
        ("Bob", False), ("Ivy", True)]
    assert names(owner_ctx, review.outstanding.drill) == ["Bob", "Ivy"]
    assert names(owner_ctx, review.payments_by_plan[0].payments.drill) == ["Cat", "Ivy"]
    assert names(owner_ctx, review.event_fees_per_month[-1].count.drill) == ["Ann"]


def test_snapshot_and_month_report_hold_every_section(owner_ctx: Context,
                                                      venue: Venue) -> None:
    snapshot = review_snapshot(owner_ctx)
    assert (snapshot.as_of, snapshot.first, snapshot.last) == (TODAY, FIRST, TODAY)
    assert not snapshot.empty
    assert snapshot.membership.total.value == 8
    assert snapshot.engagement.not_seen.value == 3
    assert snapshot.months[-1] == D(2026, 11, 1) and len(snapshot.months) == 12
    assert snapshot.currency == "CNY"
    october = month_report_data(owner_ctx, 2026, 10)
    assert (october.year, october.month, october.first, october.last, october.as_of) == (
        2026, 10, D(2026, 10, 1), D(2026, 10, 31), D(2026, 10, 31))
    assert not october.empty  # Ann's and Cat's needs were opened in October
    assert october.membership.renewal.ended.value == 1  # Eve's period ended 10-31
    # On 10-31: Eve's last day (expiring), Dan 31 days after his end (lapsed), Fay not
    # suspended yet; Cat (joined 11-10) and Hal (11-20) were not members yet.
    assert {b.key: b.count.value for b in october.membership.by_status} == {
        "new": 0, "active": 4, "expiring": 1, "grace": 0, "lapsed": 1, "suspended": 0}


def test_members_who_joined_after_the_day_are_not_counted(owner_ctx: Context,
                                                          venue: Venue) -> None:
    """A month long before any data counts nobody (Cat's membership starting in the future
    once made her "new" in January 2020); October leaves out Cat and Hal, who joined in
    November, and every list behind the numbers agrees."""
    old = month_report_data(owner_ctx, 2020, 1).membership
    assert old.total.value == 0
    assert all(b.count.value == 0 for b in old.by_status)
    assert old.by_plan == ()
    assert (old.expiring_30.value, old.expiring_60.value, old.lapsed_90.value) == (0, 0, 0)
    assert names(owner_ctx, {b.key: b.count.drill for b in old.by_status}["new"]) == []
    assert names(owner_ctx, old.total.drill) == []
    october = month_report_data(owner_ctx, 2026, 10)
    review = october.membership
    statuses = {b.key: b.count for b in review.by_status}
    assert review.total.value == 6 == sum(c.value for c in statuses.values())
    assert names(owner_ctx, review.total.drill) == ["Ann", "Bob", "Dan", "Eve", "Fay", "Ivy"]
    assert names(owner_ctx, statuses["new"].drill) == []
    assert names(owner_ctx, statuses["lapsed"].drill) == ["Dan"]  # not Hal
    assert [(b.label.render("en"), b.count.value) for b in review.by_plan] == [
        ("Gold", 4), ("Silver", 1)]  # Ann, Eve, Fay, Ivy; Bob (Cat's has not begun)
    assert names(owner_ctx, review.by_plan[0].count.drill) == ["Ann", "Eve", "Fay", "Ivy"]
    assert october.engagement.not_seen.value == len(names(
        owner_ctx, october.engagement.not_seen.drill))
    # The joins themselves still show in November's bar.
    assert review.new_per_month[-1].month == D(2026, 10, 1)
    assert month_report_data(owner_ctx, 2026, 11).membership.new_per_month[-1].count.value == 2


def test_the_month_report_owes_only_fees_of_events_started_by_its_end(
        owner_ctx: Context, venue: Venue) -> None:
    """October's unpaid fees are those of events that started in or before October: not
    the tasting of 11-20 (Bob and Ivy owe it) nor an event after the day counted on."""
    with owner_ctx.database.transaction() as s:
        hall = s.get(Space, venue["Hall"])
        dan, eve, ann = (s.get(Member, venue[n]) for n in ("Dan", "Eve", "Ann"))
        assert hall is not None and dan is not None and eve is not None and ann is not None
        talk = Event(title="Autumn talk", kind="talk", capacity=10, fee=Decimal(40),
                     status="scheduled", created_by="t", created_at=NOW)
        tomorrow = Event(title="Tomorrow", kind="talk", capacity=10, fee=Decimal(20),
                         status="scheduled", created_by="t", created_at=NOW)
        s.add_all([talk, tomorrow])
        s.flush()
        _booking(s, hall, None, at(D(2026, 10, 15), 19), at(D(2026, 10, 15), 21), party=2,
                 event=talk)
        _booking(s, hall, None, at(D(2026, 11, 27), 19), at(D(2026, 11, 27), 21), party=1,
                 event=tomorrow)
        for event_, member, paid in ((talk, dan, False), (talk, eve, True),
                                     (tomorrow, ann, False)):
            s.add(Registration(event_id=event_.id, member_id=member.id, companions=0,
                               status="registered", paid=paid, created_by="t",
                               created_at=NOW))
    october = month_report_data(owner_ctx, 2026, 10).money
    assert [(o.name, o.title, o.amount) for o in october.outstanding_list] == [
        ("Dan", "Autumn talk", Decimal(40))]
    assert (october.outstanding.value, october.outstanding_amount) == (1, Decimal(40))
    assert all(o.starts < at(D(2026, 11, 1), 0) for o in october.outstanding_list)
    assert names(owner_ctx, october.outstanding.drill) == ["Dan"]
    november = month_report_data(owner_ctx, 2026, 11).money  # as of today, 11-26
    assert [o.name for o in november.outstanding_list] == ["Dan", "Bob", "Ivy"]
    assert names(owner_ctx, november.outstanding.drill) == ["Dan", "Bob", "Ivy"]
    assert month_report_data(owner_ctx, 2026, 9).money.outstanding.value == 0


def test_a_month_with_no_data_says_so(owner_ctx: Context, venue: Venue) -> None:
    report = month_report_data(owner_ctx, 2020, 1)
    assert report.empty
    assert report.events.events == () and report.money.payments_total == 0
    assert report.circle.introductions.value == 0
    assert all(w.booked_hours == 0 for s in report.spaces.spaces for w in s.weeks)


def test_the_empty_database(owner_ctx: Context) -> None:
    snapshot = review_snapshot(owner_ctx)
    assert snapshot.empty
    assert snapshot.membership.total.value == 0
    assert all(b.count.value == 0 for b in snapshot.membership.by_status)
    assert snapshot.membership.renewal.rate is None
    assert snapshot.engagement.most_engaged == ()
    assert snapshot.spaces.no_show_rate is None
    assert snapshot.events.attendance_rate is None
    assert snapshot.money.outstanding.value == 0
    assert month_report_data(owner_ctx, 2026, 11).empty
    assert drill_down(owner_ctx, drill(snapshot.membership.expiring_30.drill)) == []
    assert call_list(owner_ctx, TODAY, 60) == []


def test_the_front_desk_is_refused_everything(desk_ctx: Context) -> None:
    calls = [
        lambda: review_snapshot(desk_ctx),
        lambda: month_report_data(desk_ctx, 2026, 11),
        lambda: drill_down(desk_ctx, Drill.of("members")),
        lambda: membership_review(desk_ctx, TODAY, FIRST, TODAY),
        lambda: call_list(desk_ctx, TODAY, 30),
        lambda: engagement_review(desk_ctx, FIRST, TODAY, TODAY),
        lambda: spaces_review(desk_ctx, FIRST, TODAY),
        lambda: events_review(desk_ctx, FIRST, TODAY),
        lambda: circle_review(desk_ctx, FIRST, TODAY),
        lambda: money_review(desk_ctx, FIRST, TODAY),
        lambda: member_pass(desk_ctx, TODAY, FIRST, TODAY, (D(2026, 11, 1),), 60),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()


def test_an_unknown_list_is_refused(owner_ctx: Context) -> None:
    with pytest.raises(DomainError):
        drill_down(owner_ctx, Drill.of("no-such-list"))


def test_the_snapshot_asks_the_same_number_of_queries_however_big(owner_ctx: Context,
                                                                  venue: Venue) -> None:
    """Aggregate SQL, not a query per member, event or space: 40 more members with visits
    and 40 more events cost no extra statement."""
    from sqlalchemy import event

    statements: list[str] = []

    def count(*_args: object) -> None:
        statements.append("x")

    engine = owner_ctx.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        review_snapshot(owner_ctx)
        before = len(statements)
        with owner_ctx.database.transaction() as s:
            hall = s.get(Space, venue["Hall"])
            assert hall is not None
            for n in range(40):
                member = _member(s, f"Extra{n}", D(2026, 11, 1))
                s.add(Visit(member_id=member.id, at=at(D(2026, 11, 3), 10), source="desk",
                            recorded_by="t"))
                extra = Event(title=f"Extra {n}", kind="talk", capacity=5, fee=Decimal(0),
                              status="scheduled", created_by="t", created_at=NOW)
                s.add(extra)
                s.flush()
                day = D(2026, 10, 1) + dt.timedelta(days=n)
                _booking(s, hall, None, at(day, 18), at(day, 19), event=extra)
        statements.clear()
        review_snapshot(owner_ctx)
        assert len(statements) == before
        assert before < 60
    finally:
        event.remove(engine, "before_cursor_execute", count)
