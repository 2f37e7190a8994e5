"""Two desks, one slot (SCENARIOS 3): two processes book the same slots at once through the
service, hundreds of attempts each; afterwards no exclusive space is double booked, no moment
of the pond is over its 12 seats, and every loser got a BookingRefused, not a traceback.

The desks are separate processes (subprocess, never fork: FIELD-NOTES), started together by a
"go" on their stdin; each is bounded in attempts and the whole run in seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.engine import URL

from desktop.booking.rules import peak_seats
from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.models.booking import ACTIVE_STATUSES, Booking
from desktop.security import cheap_hasher
from desktop.services import Actor, Context
from tests.helpers.booking_race import NOW, make_members, make_spaces

ATTEMPTS = 300  # per desk: half on the tea room, half on the pond
TIME_LIMIT = 60.0


def _prepare(url: str) -> tuple[int, int, int]:
    database = open_database(url, create=True)
    try:
        ctx = Context(database, Actor.system("race-setup"), clock=FixedClock(NOW),
                      hasher=cheap_hasher())
        spaces = make_spaces(ctx)
        members = make_members(ctx)
        return spaces["Small tea room"].id, spaces["Fishing pond"].id, members["zhang"]
    finally:
        database.close()


def _race(url: str) -> Counter[str]:
    room, pond, member = _prepare(url)
    root = Path(__file__).resolve().parents[2]
    desks = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.booking_race", url, str(seed), str(ATTEMPTS),
             str(room), str(pond), str(member)],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (1, 2)
    ]
    started = time.monotonic()
    try:
        for desk in desks:
            assert desk.stdout is not None
            assert desk.stdout.readline().strip() == "ready", desk.stderr
        for desk in desks:
            assert desk.stdin is not None
            desk.stdin.write("go\n")
            desk.stdin.flush()
        totals: Counter[str] = Counter()
        for desk in desks:
            out, err = desk.communicate(timeout=TIME_LIMIT)
            assert desk.returncode == 0, err
            totals.update(json.loads(out.strip().splitlines()[-1]))
    finally:
        for desk in desks:
            if desk.poll() is None:
                desk.kill()
                desk.wait()
    elapsed = time.monotonic() - started
    label = "postgresql" if url.startswith("postgresql") else "sqlite"
    print(f"\nrace on {label}: {dict(sorted(totals.items()))} in {elapsed:.1f} s")
    _assert_consistent(url, room, pond)
    return totals


def _assert_consistent(url: str, room: int, pond: int) -> None:
    database = open_database(url)
    try:
        with database.transaction(write=False) as session:
            rows = session.execute(
                select(Booking.space_id, Booking.starts, Booking.ends, Booking.party_size)
                .where(Booking.status.in_(ACTIVE_STATUSES))
                .order_by(Booking.space_id, Booking.starts)
            ).all()
    finally:
        database.close()
    in_room = [(s, e) for space, s, e, _p in rows if space == room]
    overlaps = sum(1 for (s1, e1), (s2, _e2) in itertools.pairwise(in_room)
                   if s2 < e1)
    assert overlaps == 0
    peak, _at = peak_seats((s, e, p) for space, s, e, p in rows if space == pond)
    assert peak <= 12
    assert in_room and peak > 0


def _check_counts(totals: Counter[str]) -> None:
    crashes = {k: v for k, v in totals.items()
               if not k.endswith(("_booked", "_refused", "_guard"))}
    assert crashes == {}, f"a desk got something other than a booking or a clear refusal: {crashes}"
    for kind in ("room", "pond"):
        assert totals[f"{kind}_booked"] + totals[f"{kind}_refused"] == ATTEMPTS
        assert totals[f"{kind}_refused"] > 0  # the slots were contested


@pytest.mark.slow
def test_two_desks_on_sqlite_never_double_book(tmp_path: Path) -> None:
    _check_counts(_race(str(tmp_path / "race.sqlite")))


@pytest.mark.slow
@pytest.mark.postgres
def test_two_desks_on_postgresql_never_double_book(postgres_url: URL) -> None:
    _check_counts(_race(postgres_url.render_as_string(hide_password=False)))


def test_the_consistency_check_can_fail(tmp_path: Path) -> None:
    """The race test's own check sees a double booking written behind the guard's back."""
    url = str(tmp_path / "bad.sqlite")
    room, pond, _member = _prepare(url)
    database = open_database(url)
    try:
        with database.transaction() as session:
            session.execute(delete(Booking))
            day = dt.datetime(2026, 11, 27)
            for hour in (10, 11):  # two seat bookings of the pond, 7 + 7 at 11:00
                session.add(Booking(space_id=pond, exclusive=False, starts=day.replace(hour=hour),
                                    ends=day.replace(hour=hour + 2), party_size=7,
                                    created_by="t", created_at=day))
            session.add(Booking(space_id=room, exclusive=False, starts=day.replace(hour=10),
                                ends=day.replace(hour=11), party_size=1, created_by="t",
                                created_at=day))
    finally:
        database.close()
    with pytest.raises(AssertionError):
        _assert_consistent(url, room, pond)
