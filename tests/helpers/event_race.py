"""A desk at a busy event, for the two-desk race; and the members the event tests use.

``python -m tests.helpers.event_race URL SEED RACE_EVENT MEMBER_IDS DOOR_EVENT DOOR_CODES`` opens
the database at URL and runs two phases, each started by a "go" line on stdin (so both desks
start together) and ended by one JSON line of counts:

1. registering: each member of the comma-separated MEMBER_IDS (in a shuffled order) for
   RACE_EVENT, alone; from its sixth success on, after every third, it cancels one of its own
   active registrations (one holding a place when it has any), counting the places that freed
   (the cancelled one held a place) and the promotions the service reported;
2. the door: each of DOOR_CODES (``registration_id:member_number``) once, in a shuffled order,
   by a scan of the card's number or a pick from the list (check_in_registration), by coin.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable

from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.errors import ClubhouseError
from desktop.events.checkin import check_in_registration, scan
from desktop.events.registrations import (
    RegistrationInput,
    cancel_registration,
    list_registrations,
    register,
)
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.security import cheap_hasher
from desktop.services import Actor, Context
from tests.helpers.booking_race import NOW


def make_people(ctx: Context, names: Iterable[str]) -> dict[str, int]:
    """Active members (joined today on a one-year plan), by name -> id."""
    plan = mm.create_plan(ctx, mm.PlanInput("Event year", "1000", 12))
    return {name: mm.join_member(ctx, ms.MemberInput(name), plan).id for name in names}


def _think(rng: random.Random) -> None:
    """A few milliseconds between two people at the desk.  Without it, on SQLite the desk
    that holds the write lock takes it again at once while the other sleeps in its busy
    handler, and the "race" runs one desk after the other (90 check-ins to 0 measured)."""
    time.sleep(rng.uniform(0.0, 0.008))


def _register(ctx: Context, rng: random.Random, event: int, members: list[int]) -> Counter[str]:
    counts: Counter[str] = Counter()
    mine: list[int] = []
    placed: set[int] = set()  # registrations of mine that got a place when made
    rng.shuffle(members)
    for member in members:
        _think(rng)
        try:
            result = register(ctx, event, RegistrationInput(member_id=member))
        except ClubhouseError as error:
            counts[f"register_{type(error).__name__}"] += 1
            continue
        except Exception as error:  # anything else is a bug the test reports
            counts[f"crash_{type(error).__name__}"] += 1
            continue
        counts["waitlisted" if result.waitlisted else "registered"] += 1
        mine.append(result.registration.id)
        if not result.waitlisted:
            placed.add(result.registration.id)
        made = counts["registered"] + counts["waitlisted"]
        if made < 6 or made % 3:  # from the sixth on: by then someone always waits
            continue
        # Prefer giving up a place (a freed place is what promotes the waitlist); the other
        # desk may change who holds one before we cancel, which the counts allow for.
        holding = {r.id for r in list_registrations(ctx, event) if r.status == "registered"}
        choices = [i for i, r in enumerate(mine) if r in holding] or range(len(mine))
        victim = mine.pop(rng.choice(list(choices)))
        try:
            cancelled = cancel_registration(ctx, victim, "race")
        except ClubhouseError as error:
            counts[f"cancel_{type(error).__name__}"] += 1
        except Exception as error:
            counts[f"crash_{type(error).__name__}"] += 1
        else:
            counts["cancelled"] += 1
            held = victim in placed or cancelled.registration.promoted_at is not None
            counts["freed_places"] += held
            counts["promoted_seen"] += len(cancelled.promoted)
            if len(cancelled.promoted) != held:  # someone waits, so a place is one promotion
                counts["promotion_mismatch"] += 1
    return counts


def _door(ctx: Context, rng: random.Random, event: int,
          codes: list[tuple[int, str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    rng.shuffle(codes)
    for registration, number in codes:
        _think(rng)
        try:
            if rng.random() < 0.5:
                result = scan(ctx, event, number)
            else:
                result = check_in_registration(ctx, registration)
        except ClubhouseError as error:
            counts[f"door_{type(error).__name__}"] += 1
        except Exception as error:
            counts[f"crash_{type(error).__name__}"] += 1
        else:
            counts[f"door_{result.outcome.value}"] += 1
    return counts


def main(argv: list[str]) -> int:
    url, seed, race_event = argv[0], int(argv[1]), int(argv[2])
    members = [int(x) for x in argv[3].split(",") if x]
    door_event = int(argv[4])
    codes = [(int(r), n) for r, n in (pair.split(":") for pair in argv[5].split(",") if pair)]
    database = open_database(url, migrate=False)
    ctx = Context(database, Actor.system(f"desk-{seed}"), clock=FixedClock(NOW),
                  hasher=cheap_hasher())
    rng = random.Random(seed)
    try:
        print("ready", flush=True)
        sys.stdin.readline()  # "go"
        print(json.dumps(dict(_register(ctx, rng, race_event, members))), flush=True)
        sys.stdin.readline()  # "go" again: the door opens
        print(json.dumps(dict(_door(ctx, rng, door_event, codes))), flush=True)
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
