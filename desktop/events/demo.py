"""Demo events around today, made through the event, registration and check-in services.

Past events have their registrations and check-ins (a no-show or two, a walk-in at the door);
upcoming ones have registrations: a tea tasting with a fee, a fishing outing at the pond, a
talk in a meeting room that is nearly full with a waitlist, and the weekly reading club in the
library (a recurring event: every Thursday evening, each date with its own registrations, so
tonight's is in the Today view and door mode).  A few members dropped in outside any event
(visits).  As the demo bookings do, what happened in the past is made with the clock set to
when the desk did it, so every rule holds.  The demo bookings already fill the calendar, so
each event tries a few times in turn and takes the first its space has free.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace

from desktop.booking.lifecycle import check_in
from desktop.booking.rules import BookingRefused
from desktop.booking.spaces import list_spaces
from desktop.clock import FixedClock
from desktop.errors import DomainError
from desktop.events.checkin import check_in_registration, walk_in
from desktop.events.registrations import EventFull, RegistrationInput, register
from desktop.events.service import EventInput, EventView, create_event
from desktop.events.visits import record_visit
from desktop.i18n import Message, msg
from desktop.members import service as ms
from desktop.members.status import MAY_BOOK
from desktop.permissions import Permission
from desktop.services import Tx, service

STORY = ("张建华", "王芳", "陈明", "钱伟", "林静")
VISIT_NOTES = ("和客人喝茶", "来图书馆看书", None, "取预订的茶叶", None, "带朋友参观")


def _as_of(tx: Tx, moment: dt.datetime) -> Tx:
    """The same transaction with the clock at ``moment``: what the desk did back then."""
    return Tx(replace(tx.ctx, clock=FixedClock(moment)), tx.session)


def _at(day: dt.date, hour: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=round(hour * 60))


class _Events:
    """Creates events at the first free candidate time and fills them with people."""

    def __init__(self, tx: Tx, members: list[int], story: dict[str, int]) -> None:
        self.tx = tx
        self.now = tx.clock.now()
        self.members = members
        self.story = story
        self.spaces = {s.name: s.id for s in list_spaces(tx)}
        self.rng = random.Random(5)
        self.registrations = 0
        self.check_ins = 0

    def create(self, title: str, kind: str, space: str, candidates: Sequence[dt.datetime],
               hours: float, capacity: int, *, fee: str = "0", host: str | None = None,
               description: str | None = None, rrule: str | None = None) -> list[EventView]:
        """The event at the first candidate start its space has free (made a week before
        it, when that is in the past); none when every candidate is taken."""
        for starts in candidates:
            made_at = min(self.now, starts) - dt.timedelta(days=10)
            data = EventInput(title, kind, self.spaces[space], starts,
                              starts + dt.timedelta(minutes=round(hours * 60)), capacity,
                              fee=fee, description=description,
                              host_member_id=self.story[host] if host else None)
            try:
                with self.tx.session.begin_nested():
                    return create_event(_as_of(self.tx, made_at), data, rrule=rrule,
                                        skip_conflicts=rrule is not None)
            except BookingRefused:
                continue
        return []

    def fill(self, event: EventView, people: int, *, companions: Sequence[int] = (0,),
             came: float = 0.0, guest: tuple[str, str] | None = None,
             start: int = 0) -> list[int]:
        """Register ``people`` members (in turn from ``start``), some with companions and
        most of them paid; with ``came``, that share of the registered is checked in at the
        door.  Returns the registration ids."""
        opened = min(self.now, event.starts) - dt.timedelta(days=6)
        ids: list[int] = []
        for index in range(people):
            member_id = self.members[(start + index) % len(self.members)]
            moment = opened + dt.timedelta(hours=3 * index + 1)
            if moment >= min(self.now, event.starts):
                moment = min(self.now, event.starts) - dt.timedelta(minutes=people - index)
            result = register(_as_of(self.tx, moment), event.id, RegistrationInput(
                member_id=member_id, companions=self.rng.choice(companions),
                paid=event.has_fee and self.rng.random() < 0.8))
            ids.append(result.registration.id)
        if guest is not None:
            name, host = guest
            result = register(_as_of(self.tx, opened), event.id, RegistrationInput(
                guest_name=name, host_member_id=self.story[host], paid=event.has_fee))
            ids.append(result.registration.id)
        self.registrations += len(ids)
        if came:  # the event took place: its space booking was used, as a party's is
            check_in(_as_of(self.tx, event.starts - dt.timedelta(minutes=20)), event.booking_id)
            for registration_id in ids:
                if self.rng.random() < came:
                    late = dt.timedelta(minutes=self.rng.randint(-15, 20))
                    check_in_registration(_as_of(self.tx, event.starts + late),
                                          registration_id)
                    self.check_ins += 1
        return ids


def _people(tx: Tx) -> tuple[dict[str, int], list[int]]:
    """The stories' members by name, and the other members who may come (in good standing,
    so no lapsed-member warning stops the demo)."""
    rows = [row for row in ms.search_members(tx, ms.MemberQuery(), limit=300)
            if row.status in MAY_BOOK]
    if len(rows) < 40:
        raise DomainError(msg("The demo events need the demo members first."))
    story: dict[str, int] = {}
    for index, name in enumerate(STORY):
        found = [row.id for row in rows if row.name == name]
        story[name] = found[0] if found else rows[-1 - index].id
    others = [row.id for row in rows if row.id not in story.values()]
    random.Random(9).shuffle(others)
    return story, others


def _starts(today: dt.date, offsets: Sequence[int], hours: Sequence[float]) -> list[dt.datetime]:
    return [_at(today + dt.timedelta(days=d), h) for d in offsets for h in hours]


@service(Permission.ADMINISTER)  # the demo owner fills the demo venue
def add_demo_events(tx: Tx) -> list[Message]:
    """Past and upcoming events, the weekly reading club, registrations, check-ins and a few
    visits, in the caller's one transaction; returns what it made."""
    story, others = _people(tx)
    events = _Events(tx, others, story)
    today = events.now.date()
    made: list[EventView] = []

    # Past: a tea tasting and a fishing outing, with who came.
    past_tea = events.create("秋茶品鉴会", "tea_tasting", "大茶室",
                             _starts(today, (-6, -5, -8, -9), (16.5, 13, 9)), 2, 12, fee="80",
                             host="林静", description="林静庄主带来自家有机秋茶")
    for event in past_tea:
        events.fill(event, 7, companions=(0, 0, 0, 1), came=0.85, guest=("Mr Brown", "钱伟"))
        try:  # one member came without registering, and there was room
            walk_in(_as_of(tx, event.starts + dt.timedelta(minutes=10)), event.id,
                    others[60 % len(others)])
        except EventFull:
            continue
        events.registrations += 1
        events.check_ins += 1
    past_fish = events.create("湖畔垂钓日", "fishing", "钓台",
                              _starts(today, (-3, -4, -2), (12, 10, 15)), 3, 6, host="张建华")
    for event in past_fish:
        events.fill(event, 5, companions=(0, 1), came=0.8, start=12)
    made += past_tea + past_fish

    # The weekly reading club: every Thursday evening in the library, from three weeks ago.
    first = today - dt.timedelta(days=(today.weekday() - 3) % 7 + 21)
    club = events.create("周四读书会", "reading_club", "图书馆", [_at(first, 19)], 2, 12,
                         host="王芳", description="每周四晚，本月共读《额尔古纳河右岸》",
                         rrule="FREQ=WEEKLY;BYDAY=TH;COUNT=12")
    for index, event in enumerate(club):
        if event.starts.date() > today + dt.timedelta(days=14):
            break
        past = event.ends <= events.now
        events.fill(event, 8 - index % 3, came=0.75 if past else 0.0, start=20 + index * 3)
    made += club

    # Upcoming: a tea tasting with a fee, a fishing outing, a talk nearly full with a waitlist.
    tea = events.create("冬茶品鉴：武夷岩茶", "tea_tasting", "大茶室",
                        _starts(today, (2, 3, 4, 5), (16.5, 13, 9)), 2, 12, fee="120",
                        host="林静", description="品鉴五款岩茶，含茶点")
    for event in tea:
        events.fill(event, 7, companions=(0, 0, 1), start=40, guest=("Ms Keller", "张建华"))
    fish = events.create("冬钓体验", "fishing", "钓台", _starts(today, (4, 5, 6, 3), (10, 12, 15)),
                         3, 8, host="张建华", description="教练现场指导，提供钓具")
    for event in fish:
        events.fill(event, 4, companions=(0, 1), start=55)
    talk = events.create("讲座：茶园的有机认证", "talk", "会议室 A",
                         _starts(today, (5, 6, 7, 8), (16, 10.5, 13)), 1.5, 10,
                         host="钱伟", description="有机认证的流程与成本")
    for event in talk:
        events.fill(event, 9, start=65)  # 9 of 10 places
        events.fill(event, 2, companions=(2,), start=80)  # parties of 3: the waitlist
    made += tea + fish + talk

    visits = 0
    for index, note in enumerate(VISIT_NOTES):
        moment = _at(today - dt.timedelta(days=index + 1), 10 + index)
        record_visit(_as_of(tx, moment), others[index * 7 % len(others)], note)
        visits += 1
    return [msg("{events} events ({club} reading club dates), {registrations} registrations, "
                "{check_ins} check-ins, {visits} visits", events=len(made), club=len(club),
                registrations=events.registrations, check_ins=events.check_ins,
                visits=visits)]
