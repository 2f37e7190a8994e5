"""Review benchmark (issue 7): opening the owner's review on the generated venue.

The generated world has 50,000 members and 200,000 bookings but only a handful of events and
no money or visits; this filler adds what the review reads, inserted directly (making it one
by one through the services is not what is measured): 5,000 events over the past year in a
hall of their own, each with registrations (some waitlisted, most checked in, fees paid or
owed), a payment for every membership period, 60,000 visits, some no-show bookings, partners
with benefit uses and introductions.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import func, insert, select, update

from bench.framework import Operation, World, benchmark, fill
from desktop.booking.rules import OpeningRange
from desktop.booking.spaces import SpaceInput, create_space
from desktop.models import Booking, Member
from desktop.models.circle import BenefitUse, Introduction, Partner
from desktop.models.event import CheckIn, Event, Registration, Visit
from desktop.models.members import MembershipPeriod, Payment
from desktop.review.overview import review_snapshot

EVENTS = 5_000
PER_EVENT = 12
VISITS = 60_000
KINDS = ("reading_club", "tea_tasting", "fishing", "talk", "workshop", "networking")


@fill(order=70)
def review_world(world: World) -> None:
    rng = random.Random(7)
    owner = world.ctx("owner")
    now = world.clock.now()
    hours = [OpeningRange(day, dt.time(8), dt.time(22)) for day in range(7)]
    hall = create_space(owner, SpaceInput("Bench review hall", "meeting_room", 200, False,
                                          min_minutes=30, max_minutes=600, advance_days=800,
                                          hours=hours))
    with world.database.transaction() as session:
        present = int(session.scalar(select(func.count(Event.id))) or 0)
        members = list(session.scalars(select(Member.id).where(Member.archived.is_(False))
                                       .order_by(Member.id)))
        first_day = now.date() - dt.timedelta(days=365)
        events = []
        for n in range(max(0, EVENTS - present)):
            events.append({"title": f"Bench event {n}", "kind": KINDS[n % len(KINDS)],
                           "capacity": 10, "fee": Decimal(50) if n % 3 == 0 else Decimal(0),
                           "status": "scheduled", "created_by": "bench", "created_at": now})
        session.execute(insert(Event), events)
        event_ids = list(session.scalars(select(Event.id).where(Event.created_by == "bench",
                                                                  Event.title.like("Bench event %"))
                                         .order_by(Event.id)))
        bookings, registrations = [], []
        for n, event_id in enumerate(event_ids):
            day = first_day + dt.timedelta(days=n * 365 // len(event_ids))
            starts = dt.datetime.combine(day, dt.time(10 + (n % 4) * 3))
            bookings.append({"space_id": hall.id, "exclusive": False, "event_id": event_id,
                             "starts": starts, "ends": starts + dt.timedelta(hours=2),
                             "party_size": 10, "status": "confirmed", "created_by": "bench",
                             "created_at": now})
            for i, member_id in enumerate(rng.sample(members, PER_EVENT)):
                registrations.append({
                    "event_id": event_id, "member_id": member_id, "companions": i % 6 == 0,
                    "status": "registered" if i < 10 else "waitlisted", "paid": i % 4 != 0,
                    "walk_in": False, "created_by": "bench",
                    "created_at": starts - dt.timedelta(days=3, minutes=i)})
        session.execute(insert(Booking), bookings)
        session.execute(insert(Registration), registrations)
        regs = session.execute(
            select(Registration.id, Booking.starts)
            .join(Booking, Booking.event_id == Registration.event_id)
            .join(Event, Event.id == Registration.event_id)
            .where(Registration.status == "registered", Event.title.like("Bench event %"),
                   Booking.starts < now)).all()
        session.execute(insert(CheckIn), [{"registration_id": rid, "at": starts, "by": "bench"}
                                          for n, (rid, starts) in enumerate(regs) if n % 5 < 3])
        periods = session.execute(select(MembershipPeriod.id, MembershipPeriod.starts_on)).all()
        session.execute(insert(Payment), [{
            "period_id": pid, "amount": Decimal(1980), "paid_on": starts_on, "method": "wechat",
            "voided": False, "recorded_by": "bench", "created_at": now}
            for pid, starts_on in periods])
        session.execute(insert(Visit), [{
            "member_id": rng.choice(members),
            "at": now - dt.timedelta(minutes=rng.randrange(365 * 24 * 60)), "source": "desk",
            "recorded_by": "bench"} for _ in range(VISITS)])
        session.execute(update(Booking).where(Booking.id % 20 == 0, Booking.starts < now,
                                              Booking.event_id.is_(None))
                        .values(status="no_show"))
        partner_ids = []
        for n in range(20):
            partner_ids.append(session.scalar(insert(Partner).returning(Partner.id), {
                "name": f"Bench partner {n}", "category": "tea", "active": True,
                "created_by": "bench", "created_at": now, "sort_name": f"bench partner {n:02d}",
                "search_text": f"bench partner {n}"}))
        session.execute(insert(BenefitUse), [{
            "partner_id": rng.choice(partner_ids), "member_id": rng.choice(members),
            "used_on": (now - dt.timedelta(days=rng.randrange(365))).date(),
            "value": Decimal(rng.randrange(50, 500)), "recorded_by": "bench",
            "recorded_at": now} for _ in range(5_000)])
        intros = []
        for n in range(3_000):
            a, b = rng.sample(members, 2)
            intros.append({"member_a_id": a, "member_b_id": b if n % 5 else None,
                           "partner_id": None if n % 5 else rng.choice(partner_ids),
                           "means": "in_person", "outcome": ("not_yet", "met", "no_fit",
                                                             "working_together")[n % 4],
                           "introduced_on": (now - dt.timedelta(days=rng.randrange(365))).date(),
                           "created_by": "bench", "created_at": now})
        session.execute(insert(Introduction), intros)
        world.counts["events"] = present + len(event_ids)
        world.counts["visits"] = VISITS


@benchmark("review: snapshot (50,000 members, 200,000 bookings, 5,000 events)", target_ms=500,
           repeats=10)
def snapshot(world: World) -> Operation:
    owner = world.ctx("owner")
    return lambda: review_snapshot(owner)


@benchmark("review view: open (50,000 members, 200,000 bookings, 5,000 events)", target_ms=500,
           repeats=10)
def open_view(world: World) -> Operation:
    """What the owner waits for: the Review view built, shown at the main window's content
    size (in a shown window, as the main window holds it) and its first page (Membership)
    painted.  The runner is inline, so the snapshot's queries, building the page shown from
    it and the first paint are all in the time (in the app the queries run on a worker
    thread while "Loading…" shows; the other pages are built when their tabs are opened)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.ui.bootstrap import ensure_application
    from desktop.ui.review.view import ReviewView
    from desktop.ui.tasks import TaskRunner

    ensure_application()
    owner = world.ctx("owner")
    runner = TaskRunner(inline=True)
    window = QWidget()  # stands for the main window, shown once
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(1060, 700)
    window.show()
    QApplication.processEvents()
    world.keep_review_window = window  # type: ignore[attr-defined]  # alive while timed

    class Painted(QObject):
        """Notes the first paint of the page shown."""

        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def operation() -> None:
        view = ReviewView(owner, runner, window)
        view.resize(1060, 700)
        view.show()  # showEvent loads the snapshot (inline) and builds the pages
        page = view.pages["membership"]
        painted = Painted()
        page.installEventFilter(painted)
        for _ in range(1000):
            if painted.seen:
                break
            QApplication.processEvents()
        assert painted.seen, "the first page was never painted"
        view.close()
        view.deleteLater()
        QApplication.processEvents()

    return operation
