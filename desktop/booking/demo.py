"""Demo spaces and two weeks of bookings around today, made through the booking services.

Today is crowded on purpose (SCENARIOS 1: the pond booked from 07:00 with 9 of 12 seats, two
tea-room bookings, a meeting at 14:00, the library busy), so the calendar and the printed day
schedule have something to show.  A booking in the past is made the way the desk would have
made it: through the same services with the clock set to a moment before it began, then
checked in (or marked a no-show) with the clock at its start.  So every rule holds in the
demo and no booking carries an override it never needed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace

from desktop.booking.lifecycle import cancel_booking, check_in, mark_no_show
from desktop.booking.rules import BookingRefused, OpeningRange, SpaceView
from desktop.booking.series import SeriesRequest, create_series
from desktop.booking.service import BookingRequest, BookingView, create_booking, list_bookings
from desktop.booking.spaces import SpaceInput, create_closure, create_space
from desktop.clock import FixedClock
from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.members import service as ms
from desktop.members.status import MAY_BOOK
from desktop.permissions import Permission
from desktop.services import Tx, service

WEEK = range(7)
WEEKDAYS = range(5)
WEEKEND = range(5, 7)


def _hours(days: range | Sequence[int], opens: str, closes: str) -> tuple[OpeningRange, ...]:
    return tuple(OpeningRange(d, dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))
                 for d in days)


SPACES: tuple[SpaceInput, ...] = (
    SpaceInput("小茶室", "tea_room", 6, True, colour="#6E9E5A", slot_minutes=30,
               min_minutes=60, max_minutes=240, buffer_minutes=30, advance_days=30,
               sort_order=0, hours=_hours(WEEK, "09:00", "22:00")),
    SpaceInput("大茶室", "tea_room", 12, True, colour="#3F7F4F", slot_minutes=30,
               min_minutes=60, max_minutes=240, buffer_minutes=30, advance_days=30,
               sort_order=1, hours=_hours(WEEK, "09:00", "22:00")),
    SpaceInput("钓台", "fishing_pond", 12, False, colour="#3A7FB5", slot_minutes=60,
               min_minutes=60, max_minutes=600, advance_days=14, sort_order=2,
               hours=_hours(WEEK, "06:00", "18:00")),
    SpaceInput("图书馆", "library", 20, False, colour="#A8743A", slot_minutes=30,
               min_minutes=30, max_minutes=600, advance_days=14, sort_order=3,
               hours=_hours([0], "13:00", "21:00") + _hours(range(1, 7), "09:00", "21:00")),
    SpaceInput("会议室 A", "meeting_room", 10, True, colour="#6C5FA8", slot_minutes=30,
               min_minutes=30, max_minutes=480, advance_days=60, sort_order=4,
               hours=_hours(WEEKDAYS, "08:30", "18:00") + _hours(WEEKEND, "09:00", "17:00")),
    SpaceInput("会议室 B", "meeting_room", 6, True, colour="#8E6CB8", slot_minutes=30,
               min_minutes=30, max_minutes=480, advance_days=60, sort_order=5,
               hours=_hours(WEEKDAYS, "08:30", "18:00") + _hours(WEEKEND, "09:00", "17:00")),
    SpaceInput("果园", "orchard", 30, False, colour="#C9772F", slot_minutes=60,
               min_minutes=60, max_minutes=480, advance_days=30, sort_order=6,
               hours=_hours(WEEK, "08:00", "17:00")),
    SpaceInput("桌游室", "board_games", 10, True, colour="#B8475E", slot_minutes=60,
               min_minutes=60, max_minutes=300, buffer_minutes=0, advance_days=30,
               sort_order=7,
               hours=_hours(WEEKDAYS, "14:00", "23:00") + _hours(WEEKEND, "10:00", "23:00")),
)

# Filler bookings by space: (start hour, hours, smallest and largest party), each tried on
# some days (more at weekends); the rules refuse what does not fit, and the demo skips those.
FILLER: dict[str, tuple[tuple[float, float, int, int], ...]] = {
    "小茶室": ((10, 2, 2, 6), (14, 2, 2, 5), (19, 2, 2, 6)),
    "大茶室": ((10, 2, 4, 12), (14, 3, 4, 10), (19, 2, 6, 12)),
    "钓台": ((6, 4, 1, 3), (7, 4, 1, 3), (8, 3, 1, 2), (13, 3, 1, 3), (14, 3, 1, 2)),
    "图书馆": ((9, 3, 1, 2), (10, 2, 1, 3), (13, 4, 1, 2), (15, 2, 1, 3), (19, 2, 1, 2)),
    "会议室 A": ((9, 2, 3, 10), (14, 2, 4, 8), (16, 1, 2, 6)),
    "会议室 B": ((10, 1, 2, 6), (15, 1.5, 2, 4)),
    "果园": ((9, 3, 2, 10), (14, 2, 2, 8)),
    "桌游室": ((14, 3, 3, 8), (19, 3, 4, 8)),
}
PURPOSES: dict[str, tuple[str, ...]] = {
    "tea_room": ("品茶", "商务洽谈", "朋友小聚", "茶艺课"),
    "fishing_pond": ("钓鱼", "垂钓", "亲子钓鱼"),
    "library": ("阅读", "写作", "自习"),
    "meeting_room": ("项目评审", "客户会议", "董事会", "培训"),
    "orchard": ("采摘", "亲子活动", "果园参观"),
    "board_games": ("桌游之夜", "狼人杀", "围棋"),
}
STORY = ("张建华", "王芳", "陈明", "钱伟", "林静")
GUESTS = ("李先生", "Mr Brown", "赵女士", "孙总", "Ms Keller")
DAYS_AROUND = 7  # bookings from a week before today to a week after


def _at(day: dt.date, hour: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=round(hour * 60))


def _as_of(tx: Tx, moment: dt.datetime) -> Tx:
    """The same transaction with the clock at ``moment``: what the desk did back then."""
    return Tx(replace(tx.ctx, clock=FixedClock(moment)), tx.session)


class _Booker:
    """Books through the services as of the right moment, and settles what is past."""

    def __init__(self, tx: Tx, rng: random.Random) -> None:
        self.tx = tx
        self.rng = rng
        self.now = tx.clock.now()
        self.made: list[BookingView] = []

    def book(self, space: SpaceView, starts: dt.datetime, hours: float, member_id: int,
             party: int, purpose: str | None = None, guest: str | None = None,
             *, settle: str | None = None) -> BookingView | None:
        """Book, as of two days before when it is in the past; None when the rules refuse.
        ``settle`` ("in", "no_show", "cancel") says what became of a past booking; by default
        most past bookings were checked in, a few were no-shows."""
        ends = starts + dt.timedelta(minutes=round(hours * 60))
        when = self.tx if starts > self.now else _as_of(
            self.tx, starts.replace(hour=0, minute=0) - dt.timedelta(hours=30))
        try:
            view = create_booking(when, BookingRequest(
                space.id, starts, ends, party_size=party, member_id=member_id,
                guest_name=guest, purpose=purpose))
        except BookingRefused:
            return None
        self.made.append(view)
        if starts <= self.now:
            # Today's parties that have begun are here; earlier days had their no-shows.
            self.settle(view, settle or ("in" if starts.date() == self.now.date() else None))
        return view

    def settle(self, view: BookingView, how: str | None) -> None:
        if how is None:
            roll = self.rng.random()
            how = "in" if roll < 0.84 else "no_show" if roll < 0.94 else "cancel"
        if how == "in":
            check_in(_as_of(self.tx, view.starts - dt.timedelta(minutes=5)), view.id)
        elif how == "no_show":
            mark_no_show(_as_of(self.tx, view.starts + dt.timedelta(minutes=30)), view.id)
        elif how == "cancel":
            cancel_booking(_as_of(self.tx, view.starts - dt.timedelta(hours=20)), view.id,
                           "会员临时有事")


def _members(tx: Tx) -> tuple[dict[str, int], list[int]]:
    """The people of the stories by name (another member stands in for one who is missing),
    and other members who may book."""
    rows = [row for row in ms.search_members(tx, ms.MemberQuery(), limit=200)
            if row.status in MAY_BOOK]
    if len(rows) < 12:
        raise DomainError(msg("The demo bookings need the demo members first."))
    story: dict[str, int] = {}
    for index, name in enumerate(STORY):
        found = [row.id for row in ms.search_members(tx, ms.MemberQuery(text=name), limit=5)
                 if row.name == name]
        story[name] = found[0] if found else rows[-1 - index].id
    others = [row.id for row in rows if row.id not in story.values()]
    return story, others


def _crowded_today(booker: _Booker, spaces: dict[str, SpaceView], story: dict[str, int],
                   others: list[int], today: dt.date) -> None:
    """SCENARIOS 1: the day the desk prints and pins up."""
    book = booker.book
    pond, library = spaces["钓台"], spaces["图书馆"]
    book(pond, _at(today, 7), 4, story["张建华"], 3, "钓鱼", settle="in")
    book(pond, _at(today, 7), 5, others[0], 4, "亲子钓鱼", settle="in")
    book(pond, _at(today, 8), 3, others[1], 2, "垂钓", settle="in")
    book(pond, _at(today, 14), 3, others[2], 2, "垂钓")
    book(spaces["小茶室"], _at(today, 10), 2, story["王芳"], 4, "品茶")
    book(spaces["大茶室"], _at(today, 15), 2, story["钱伟"], 3, "有机茶供应商洽谈",
         guest="李先生")
    book(spaces["会议室 A"], _at(today, 14), 2, story["陈明"], 6, "项目评审")
    book(spaces["会议室 A"], _at(today, 9), 1.5, others[3], 4, "客户会议")
    book(spaces["会议室 B"], _at(today, 15), 1, others[4], 3, "面试")
    book(library, _at(today, 10), 2, story["王芳"], 12, "读书会")
    book(library, _at(today, 9), 4, others[5], 2, "自习")
    book(library, _at(today, 10), 3, others[6], 3, "阅读")
    book(library, _at(today, 13), 4, others[7], 2, "写作")
    book(library, _at(today, 15), 3, others[8], 4, "阅读")
    book(library, _at(today, 19), 2, others[9], 2, "阅读")
    book(spaces["果园"], _at(today, 9), 3, story["林静"], 8, "采摘")
    book(spaces["桌游室"], _at(today, 19), 3, others[10], 6, "桌游之夜")


def _tea_club(tx: Tx, space: SpaceView, member_id: int, today: dt.date) -> int:
    """SCENARIOS 11: every Wednesday 19:00-21:00 in the large tea room, for a year, begun
    the Wednesday before last week's was booked."""
    first = today - dt.timedelta(days=(today.weekday() - 2) % 7 or 7)
    starts = _at(first, 19)
    made_as_of = starts - dt.timedelta(days=2)
    result = create_series(_as_of(tx, made_as_of), SeriesRequest(
        space.id, starts, 120, "FREQ=WEEKLY;BYDAY=WE;COUNT=52", party_size=10,
        member_id=member_id, purpose="周三茶会"), skip_conflicts=True)
    return len(result.booked)


def _filler(booker: _Booker, spaces: dict[str, SpaceView], members: list[int],
            today: dt.date) -> None:
    rng = booker.rng
    for offset in range(-DAYS_AROUND, DAYS_AROUND + 1):
        day = today + dt.timedelta(days=offset)
        if offset == 0:
            continue
        chance = 0.75 if day.weekday() >= 5 else 0.45
        for name, options in FILLER.items():
            space = spaces[name]
            for hour, hours, least, most in options:
                if rng.random() > chance:
                    continue
                purpose = rng.choice(PURPOSES[space.kind])
                guest = rng.choice(GUESTS) if rng.random() < 0.08 else None
                booker.book(space, _at(day, hour), hours, rng.choice(members),
                            rng.randint(least, most), purpose, guest)


@service(Permission.ADMINISTER)  # the demo owner fills the demo venue
def add_demo_bookings(tx: Tx, seed: int = 11) -> list[Message]:
    """The spaces, two closures, the weekly tea club and two weeks of bookings around today,
    in the caller's one transaction; returns what it made, for ``clubhouse demo`` to say."""
    rng = random.Random(seed)
    now = tx.clock.now()
    today = now.date()
    spaces = {data.name: create_space(tx, data) for data in SPACES}
    story, others = _members(tx)
    booker = _Booker(tx, rng)
    _crowded_today(booker, spaces, story, others, today)
    series = _tea_club(tx, spaces["大茶室"], story["林静"], today)
    # Last week's tea club came; this week's is still ahead (or tonight).
    for view in list(_series_past(tx, spaces["大茶室"], today)):
        booker.settle(view, "in")
    _filler(booker, spaces, others[11:] or others, today)
    # A couple of future bookings were called off.
    future = [v for v in booker.made if v.starts > now and v.series_id is None
              and v.starts.date() > today]
    for view in future[3:5]:
        cancel_booking(tx, view.id, "行程有变")
    create_closure(tx, spaces["会议室 B"].id, _at(today, 8.5), _at(today, 12), "空调维修")
    later = today + dt.timedelta(days=3)
    create_closure(tx, spaces["果园"].id, _at(later, 8), _at(later, 17), "果树修剪",
                   cancel_bookings=True)
    return [msg("{spaces} spaces, {bookings} bookings and a weekly tea club of {series} dates",
                spaces=len(spaces), bookings=len(booker.made), series=series)]


def _series_past(tx: Tx, space: SpaceView, today: dt.date) -> list[BookingView]:
    now = tx.clock.now()
    return [v for v in list_bookings(tx, today - dt.timedelta(days=14), today, [space.id])
            if v.series_id is not None and v.starts <= now and v.status == "confirmed"]
