"""Benchmarks of the Members view on 50,000 members (issue 3): search-as-you-type from the key
to the updated table, and opening the view; each beside the raw SQL that finds the same rows.

The members are written with direct inserts in one transaction, their search and sort keys
computed by desktop.members.keys (the functions the services use), with one to three periods
each so that every status occurs.  ``make bench`` runs these with the others (``@fill`` and
``@benchmark``); run alone it prints the ratio to the raw SQL too::

    python -m bench.bench_members_ui [--members N] [--keep DIR]

"Key to updated table" is the time from setting the search text to the table model being
reset with the new rows: the view's debounce timer is bypassed by calling the method it
calls (``MembersView.apply_search``).  The count under the table is filled in just after
(it has to read every match, not one page) and is not part of the frame.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from bench.framework import Operation, World, benchmark, fill
from desktop.db import Database
from desktop.members import keys
from desktop.members.demo import GIVEN, SURNAMES  # the demo's names, one list
from desktop.models.members import Member, MembershipPeriod, Plan, Tag, member_tag

MEMBERS = 50_000
ENGLISH = ["Alice", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack"]
FAMILY = ["Wong", "Smith", "Chan", "Lee", "Taylor", "Ng", "Brown", "Lam", "Miller", "Cheung"]
COMPANIES = ["西湖龙井茶业", "山水文化传播", "Acme Trading", "浦江资本", "清风律师事务所",
             "Green Orchard Ltd.", "云端科技", "", "个体经营", "翠谷农场"]
CITIES = ["杭州", "上海", "北京", "深圳", "苏州", "Hong Kong", ""]
TAGS = ["茶艺", "钓鱼", "读书会", "企业家", "专家", "投资", "法律", "Board games", "围棋", "果园"]
# What the desk types, one keystroke after another: pinyin initials and syllables, Chinese,
# phone digits, member numbers, company words, and queries that find nothing.
QUERIES = ["z", "zh", "zha", "zhan", "zhang", "zs", "zw", "w", "wa", "wan", "wang", "li",
           "chen", "138", "1380", "13800", "张", "张伟", "王", "茶", "m0", "m01", "m012",
           "acme", "lee", "grace", "xq", "qqq", "杭州", "律师"]


@cache
def _name_keys(name: str) -> tuple[str, str, str, str]:
    """(sort key, full pinyin, initials, surname readings) once per distinct name."""
    full, initials = keys.pinyin_keys(name)
    return keys.sort_key(name), full, initials, "|".join(keys.surname_readings(name))


def _name(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"{rng.choice(ENGLISH)} {rng.choice(FAMILY)}"
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def generate_members(database: Database, count: int, today: dt.date, *, seed: int = 3) -> int:
    """``count`` members (4 % archived, a few suspended) with tags and one to three periods
    ending anywhere from two years ago to a year ahead; returns how many were made."""
    rng = random.Random(seed)
    created = dt.datetime.combine(today, dt.time(9))
    with database.transaction() as session:
        first = int(session.scalar(select(func.max(Member.id))) or 0) + 1
        plan_ids: list[int] = []
        for name, fee, months in (("年卡 Annual", 1980, 12), ("季卡 Quarterly", 600, 3),
                                  ("金卡 Gold", 8800, 12)):
            plan_id = session.scalar(select(Plan.id).where(Plan.name == name))
            if plan_id is None:
                plan_id = session.scalar(insert(Plan).returning(Plan.id), {
                    "name": name, "fee": fee, "duration_months": months, "active": True,
                    "is_default": not plan_ids})
            assert plan_id is not None
            plan_ids.append(int(plan_id))
        tag_ids = {}
        for tag in TAGS:
            key = keys.tag_key(tag)
            tag_id = session.scalar(select(Tag.id).where(Tag.key == key))
            if tag_id is None:
                tag_id = session.scalar(insert(Tag).returning(Tag.id), {"name": tag, "key": key})
            assert tag_id is not None
            tag_ids[tag] = int(tag_id)
        members, periods, links = [], [], []
        for member_id in range(first, first + count):
            name = _name(rng)
            sort_name, full, initials, readings = _name_keys(name)
            number = f"M{member_id:05d}"
            phone = f"+861{rng.choice('3589')}{rng.randrange(10**9):09d}"
            company = rng.choice(COMPANIES) or None
            city = rng.choice(CITIES) or None
            tags = rng.sample(TAGS, rng.randrange(4))
            folded = keys.normalise_text(name).casefold()
            parts = [folded, folded.replace(" ", ""), full, initials, readings,
                     number.casefold(), *keys.phone_digits(phone),
                     *(keys.normalise_text(v).casefold() for v in (company, city) if v),
                     *(keys.tag_key(t) for t in tags)]
            suspended = rng.random() < 0.01
            members.append({
                "id": member_id, "number": number, "name": name, "phone": phone,
                "company": company, "city": city,
                "joined_on": today - dt.timedelta(days=rng.randrange(30, 1500)),
                "archived": rng.random() < 0.04, "created_at": created,
                "suspended_from": today - dt.timedelta(days=5) if suspended else None,
                "suspension_reason": "bench" if suspended else None,
                "sort_name": sort_name, "search_text": "|".join(p for p in parts if p),
            })
            links += [{"member_id": member_id, "tag_id": tag_ids[t]} for t in tags]
            end = today + dt.timedelta(days=rng.randrange(-700, 365))
            for back in range(rng.choice((1, 1, 2, 3))):
                ends = end - dt.timedelta(days=365 * back + (40 if back else 0))
                periods.append({"member_id": member_id, "plan_id": rng.choice(plan_ids),
                                "starts_on": ends - dt.timedelta(days=364), "ends_on": ends,
                                "voided": False, "created_at": created})
        for start in range(0, len(members), 5000):
            session.execute(insert(Member), members[start:start + 5000])
        session.execute(insert(MembershipPeriod), periods)
        session.execute(insert(member_tag), links)
    return count


@fill(order=20)
def members_for_the_view(world: World) -> None:
    """50,000 members, unless another filler already made them."""
    with world.database.transaction(write=False) as session:
        present = int(session.scalar(select(func.count(Member.id))) or 0)
    if present < MEMBERS:
        generate_members(world.database, MEMBERS - present, world.clock.now().date())
    world.counts["members"] = max(present, MEMBERS)


# ---------------------------------------------------------------- the raw SQL floor

RAW_SEARCH = text(
    "SELECT id, number, name, phone, company, city FROM member "
    "WHERE archived IS NOT 1 AND search_text LIKE :pattern ESCAPE '\\' "
    "ORDER BY sort_name || '', id LIMIT :limit")
RAW_FIRST_PAGE = text(
    "SELECT id, number, name, phone, company, city FROM member "
    "WHERE archived IS 0 ORDER BY sort_name, id LIMIT :limit")


def raw_search(database: Database, query: str, limit: int) -> list[object]:
    """The same LIKE with LIMIT the view's first page asks for (the same plan: one pass over
    the table, see search_members), through the engine directly; no text: the first page."""
    pattern = keys.search_pattern(query)
    with database.engine.connect() as connection:
        if pattern is None:
            return list(connection.execute(RAW_FIRST_PAGE, {"limit": limit}))
        return list(connection.execute(RAW_SEARCH, {"pattern": pattern, "limit": limit}))


# ---------------------------------------------------------------- the view


def _application() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.bootstrap import ensure_application

    ensure_application()


def _cycle() -> Iterator[str]:
    return itertools.cycle(QUERIES)


def _shown_view(world: World) -> Any:
    """The Members view at the main window's default content size, shown offscreen (so that
    its table is laid out and sizes its first page as in the app)."""
    _application()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.members.view import MembersView

    view = MembersView(world.ctx("desk"), _background())
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(1060, 700)
    view.show()
    QApplication.processEvents()
    return view


def _background() -> Any:
    """A TaskRunner that keeps the view's background work (the count of matches) out of the
    timing: in the app it runs on a worker thread after the table has been updated.  The
    count is timed on its own below."""
    from desktop.ui.tasks import TaskRunner

    class Background(TaskRunner):
        def run(self, fn: Callable[[], object], on_done: Callable[[object], None],
                on_error: Callable[..., None]) -> None:
            self.pending = fn

    return Background()


@benchmark("members view: key to updated table (50,000)", target_ms=16, repeats=30)
def search_as_you_type(world: World) -> Operation:
    view = _shown_view(world)
    queries = _cycle()

    def operation() -> None:
        view.search.setText(next(queries))
        view.apply_search()

    world.keep = view  # type: ignore[attr-defined]  # alive while it is timed
    return operation


@benchmark("members view:   raw SQL, the same LIKE ... LIMIT", target_ms=16, repeats=30)
def search_raw_sql(world: World) -> Operation:
    queries = _cycle()
    limit = _first_page(world)
    return lambda: raw_search(world.database, next(queries), limit)


def _first_page(world: World) -> int:
    """The first page the shown view asks for."""
    view: Any = getattr(world, "keep", None) or _shown_view(world)
    world.keep = view  # type: ignore[attr-defined]
    return int(view.model.first_page)


@benchmark("members view:   the count under it (background)", target_ms=250, repeats=30)
def count_in_background(world: World) -> Operation:
    from desktop.members.service import MemberQuery, count_members

    queries = _cycle()
    ctx = world.ctx("desk")
    return lambda: count_members(ctx, MemberQuery(text=next(queries)))


@benchmark("members view: open, first page (50,000)", target_ms=500, repeats=10)
def open_view(world: World) -> Operation:
    _application()
    from desktop.ui.members.view import MembersView

    runner = _background()

    def operation() -> None:
        view = MembersView(world.ctx("desk"), runner)
        view.resize(1060, 700)
        view.deleteLater()

    return operation


@benchmark("members view:   raw SQL, the first page", target_ms=500, repeats=10)
def open_raw_sql(world: World) -> Operation:
    limit = _first_page(world)
    return lambda: raw_search(world.database, "", limit)


# ---------------------------------------------------------------- run alone, with ratios


def _median_ms(fn: Callable[[], object], repeats: int) -> float:
    fn()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    from bench.foundation import staff_accounts
    from desktop.clock import FixedClock
    from desktop.db import open_database
    from desktop.security import cheap_hasher

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=MEMBERS)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clubhouse-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["CLUBHOUSE_DATA_DIR"] = str(folder / "data")
        path = folder / "members-ui.sqlite"
        fresh = not path.exists()
        world = World(folder=folder, path=path,
                      database=open_database(str(path), create=True),
                      clock=FixedClock(dt.datetime(2026, 11, 26, 9, 0)), hasher=cheap_hasher())
        try:
            if fresh:
                staff_accounts(world)
                started = time.perf_counter()
                generate_members(world.database, args.members, world.clock.now().date())
                print(f"generated {args.members:,} members in "
                      f"{time.perf_counter() - started:.1f} s")
            else:
                _sign_in(world)
            rows = [
                ("search as you type: key to updated table",
                 search_as_you_type(world), search_raw_sql(world), len(QUERIES) * 2, 16),
                ("open the view: construct and first page",
                 open_view(world), open_raw_sql(world), 10, 500),
            ]
            print(f"{'operation':<44} {'median ms':>10} {'raw SQL ms':>11} {'ratio':>7} "
                  f"{'target ms':>10}")
            for name, operation, floor, repeats, target in rows:
                median = _median_ms(operation, repeats)
                raw = _median_ms(floor, repeats)
                print(f"{name:<44} {median:>10.2f} {raw:>11.2f} {median / raw:>6.1f}x "
                      f"{target:>10}")
        finally:
            world.database.close()
    return 0


def _sign_in(world: World) -> None:
    from desktop.accounts import service as accounts
    from desktop.services import Actor, Context

    system = Context(world.database, Actor.system("bench"), clock=world.clock,
                     hasher=world.hasher)
    for role, password in (("owner", "owner-pass"), ("desk", "desk-pass")):
        actor = accounts.sign_in(world.database, role, password, clock=world.clock,
                                 hasher=world.hasher)
        setattr(world, role, system.as_actor(actor))


if __name__ == "__main__":
    raise SystemExit(main())
