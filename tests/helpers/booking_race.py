"""A desk booking as fast as it can, for the two-desk race; and the venue the booking tests use.

``python -m tests.helpers.booking_race URL SEED ATTEMPTS ROOM POND MEMBER`` opens the database
at URL and makes ATTEMPTS random bookings through the service, alternating between the
exclusive room ROOM and the seat-based pond POND, on the DAYS days after the fixed test date, for
member MEMBER.  It waits for "go" on stdin (so both desks start together) and prints one JSON
line with how many bookings it made, how many the rules refused (BookingRefused) and any
other error, by kind.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections import Counter

from desktop.booking.rules import OpeningRange, SpaceView
from desktop.booking.service import BookingRequest, create_booking
from desktop.booking.spaces import SpaceInput, create_space
from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.errors import ClubhouseError
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.security import cheap_hasher
from desktop.services import Actor, Context

NOW = dt.datetime(2026, 11, 26, 9, 0)  # a Thursday, as in tests/conftest.py
DAY = dt.date(2026, 11, 27)  # the Friday after
DAYS = 5  # the race books on DAY and the days after it


def every_day(opens: str, closes: str) -> tuple[OpeningRange, ...]:
    return tuple(OpeningRange(d, dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))
                 for d in range(7))


def make_spaces(ctx: Context) -> dict[str, SpaceView]:
    """Two tea rooms (exclusive), the pond (12 seats), a meeting room with a buffer."""
    spaces = [
        SpaceInput("Small tea room", "tea_room", 6, True, slot_minutes=30, min_minutes=60,
                   max_minutes=240, advance_days=30, hours=every_day("09:00", "22:00")),
        SpaceInput("Large tea room", "tea_room", 10, True, slot_minutes=30, min_minutes=60,
                   max_minutes=240, advance_days=30, sort_order=1,
                   hours=every_day("09:00", "22:00")),
        SpaceInput("Fishing pond", "fishing_pond", 12, False, slot_minutes=60, min_minutes=60,
                   max_minutes=480, advance_days=30, sort_order=2,
                   hours=every_day("06:00", "18:00")),
        SpaceInput("Meeting room", "meeting_room", 8, True, slot_minutes=30, min_minutes=30,
                   max_minutes=240, buffer_minutes=30, advance_days=30, sort_order=3,
                   hours=every_day("09:00", "12:00") + every_day("13:00", "18:00")),
    ]
    return {data.name: create_space(ctx, data) for data in spaces}


def make_members(ctx: Context) -> dict[str, int]:
    """Zhang (active), Lapsed (never paid) and Suspended, by name -> id."""
    plan = mm.create_plan(ctx, mm.PlanInput("Annual", "1980", 12, is_default=True))
    zhang = mm.join_member(ctx, ms.MemberInput("张建华", phone="13912345678"), plan,
                           mm.PaymentInput(method="wechat"))
    lapsed = ms.create_member(ctx, ms.MemberInput("Li Lapsed"))
    suspended = mm.join_member(ctx, ms.MemberInput("Sun Suspended"), plan)
    ms.suspend_member(ctx, suspended.id, "unpaid bar bill")
    return {"zhang": zhang.id, "lapsed": lapsed.id, "suspended": suspended.id}


def main(argv: list[str]) -> int:
    url, seed, attempts = argv[0], int(argv[1]), int(argv[2])
    room, pond, member = int(argv[3]), int(argv[4]), int(argv[5])
    database = open_database(url, migrate=False)
    ctx = Context(database, Actor.system(f"desk-{seed}"), clock=FixedClock(NOW),
                  hasher=cheap_hasher())
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    print("ready", flush=True)
    sys.stdin.readline()  # "go"
    for index in range(attempts):
        exclusive = index % 2 == 0
        hour = rng.randrange(9, 16) if exclusive else rng.randrange(6, 14)
        length = rng.choice((1, 2)) if exclusive else rng.choice((1, 2, 3))
        starts = dt.datetime.combine(DAY + dt.timedelta(days=rng.randrange(DAYS)), dt.time(hour))
        request = BookingRequest(room if exclusive else pond, starts,
                                 starts + dt.timedelta(hours=length),
                                 party_size=2 if exclusive else rng.randint(1, 6),
                                 member_id=member)
        kind = "room" if exclusive else "pond"
        try:
            create_booking(ctx, request)
        except ClubhouseError as error:
            name = type(error).__name__
            counts[f"{kind}_refused" if name == "BookingRefused" else f"{kind}_{name}"] += 1
            if name == "BookingRefused" and "just taken" in error.message.text:
                counts[f"{kind}_guard"] += 1
        except Exception as error:  # anything else is a bug the test reports
            counts[f"{kind}_crash_{type(error).__name__}"] += 1
        else:
            counts[f"{kind}_booked"] += 1
    database.close()
    print(json.dumps(dict(counts)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
