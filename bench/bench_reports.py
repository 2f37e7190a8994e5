"""Benchmark: printing the member directory of 5,000 members (issue 3, point 5).

Registered with the runner (``make bench`` / ``python -m bench.run --only directory``) as two
rows: the printout, and the raw SQL that fetches the same rows (members, their latest plan
and end date, their tags), which is the floor any printout stands on; ``python -m
bench.bench_reports`` prints the two and their ratio on their own.

The 5,000 members live in a database of their own beside the runner's (so the size of the
printed directory does not depend on how many members other fillers make).  They are written
with direct inserts whose search and sort keys come from desktop.members.keys (the functions
the services use), so generating them takes a second rather than the minutes 5,000 service
calls with duplicate checks would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, text

from bench.framework import Operation, World, benchmark
from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.members import keys
from desktop.members.demo import GIVEN, SURNAMES  # the demo's names, one list
from desktop.models.members import Member, MembershipPeriod, Plan, Tag, member_tag
from desktop.reports.base import register_fonts
from desktop.reports.directory import print_directory
from desktop.security import cheap_hasher
from desktop.services import Actor, Context

NOW = dt.datetime(2026, 11, 26, 9, 0)
ENGLISH = ["Alice", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack"]
FAMILY = ["Wong", "Smith", "Chan", "Lee", "Taylor", "Ng", "Brown", "Lam", "Miller", "Cheung"]
COMPANIES = ["杭州西湖龙井茶叶有限公司", "浙江山水文化传播有限责任公司上海分公司", "Acme Trading",
             "上海浦江资本管理合伙企业（有限合伙）", "北京清风律师事务所", "Green Orchard Ltd.",
             "深圳前海云端科技有限公司", "", "个体经营"]
TITLES = ["总经理", "合伙人", "董事长", "Director", "律师", "工程师", "", "创始人兼首席执行官"]
CITIES = ["杭州", "上海", "北京", "深圳", "苏州", "Hong Kong", ""]
TAGS = ["茶", "钓鱼", "读书会", "企业家", "专家", "投资", "法律", "Board games", "围棋", "果园"]


def _name(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"{rng.choice(ENGLISH)} {rng.choice(FAMILY)}"
    surname = rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return surname + given


def fill_members(database: Database, count: int, *, seed: int = 7) -> None:
    """``count`` members (5 % archived) with tags, a plan and one or two periods each."""
    rng = random.Random(seed)
    today = NOW.date()
    with database.session(write=True) as session, session.begin():
        plans = [
            {"id": 1, "name": "年卡 Annual", "fee": 3000, "duration_months": 12,
             "active": True, "is_default": True},
            {"id": 2, "name": "金卡 Gold", "fee": 8800, "duration_months": 12,
             "active": True, "is_default": False},
            {"id": 3, "name": "季卡", "fee": 900, "duration_months": 3, "active": True,
             "is_default": False},
        ]
        session.execute(insert(Plan), plans)
        session.execute(insert(Tag), [{"id": i + 1, "name": n, "key": keys.tag_key(n)}
                                      for i, n in enumerate(TAGS)])
        members, periods, links = [], [], []
        for index in range(1, count + 1):
            name = _name(rng)
            number = f"M{index:05d}"
            phone = f"+861{rng.choice('3589')}{rng.randrange(10**9):09d}"
            company = rng.choice(COMPANIES) or None
            city = rng.choice(CITIES) or None
            tags = rng.sample(TAGS, rng.randrange(4))
            members.append({
                "id": index, "number": number, "name": name, "phone": phone, "company": company,
                "title": rng.choice(TITLES) or None, "city": city,
                "joined_on": today - dt.timedelta(days=rng.randrange(1500)),
                "archived": rng.random() < 0.05, "created_at": NOW,
                "sort_name": keys.sort_key(name),
                "search_text": keys.search_text(name=name, number=number, phone=phone,
                                                company=company, email=None, wechat=None,
                                                city=city, tags=tags),
            })
            links += [{"member_id": index, "tag_id": TAGS.index(t) + 1} for t in tags]
            end = today + dt.timedelta(days=rng.randrange(-400, 365))
            for back in range(rng.choice((1, 1, 2))):
                ends = end - dt.timedelta(days=365 * back)
                periods.append({"member_id": index, "plan_id": rng.choice((1, 1, 2, 3)),
                                "starts_on": ends - dt.timedelta(days=364), "ends_on": ends,
                                "voided": False, "created_at": NOW})
        session.execute(insert(Member), members)
        session.execute(insert(MembershipPeriod), periods)
        if links:
            session.execute(insert(member_tag), links)


RAW_SQL = text("""
SELECT m.number, m.name, m.phone, m.company, m.title, m.city,
       (SELECT p.name FROM membership_period mp JOIN plan p ON p.id = mp.plan_id
         WHERE mp.member_id = m.id AND NOT mp.voided
         ORDER BY mp.ends_on DESC, mp.id DESC LIMIT 1) AS plan,
       (SELECT max(mp.ends_on) FROM membership_period mp
         WHERE mp.member_id = m.id AND NOT mp.voided) AS ends_on,
       (SELECT group_concat(t.name, ', ') FROM member_tag mt JOIN tag t ON t.id = mt.tag_id
         WHERE mt.member_id = m.id) AS tags
FROM member m WHERE NOT m.archived ORDER BY m.sort_name, m.id
""")


MEMBERS = 5000
_prepared: dict[Path, Context] = {}


def directory_database(folder: Path, members: int = MEMBERS) -> Context:
    """An owner's context on a database of ``members`` generated members in ``folder``
    (made once per folder and process)."""
    path = folder / f"directory-{members}.sqlite"
    if path not in _prepared:
        database = open_database(str(path), create=True)
        clock = FixedClock(NOW)
        system = Context(database, Actor.system("bench"), clock=clock, hasher=cheap_hasher())
        accounts.create_first_owner(system, "owner", "Owner", "owner-pass")
        actor = accounts.sign_in(database, "owner", "owner-pass", clock=clock,
                                 hasher=system.hasher)
        fill_members(database, members)
        _prepared[path] = system.as_actor(actor)
    return _prepared[path]


def raw_rows(ctx: Context) -> int:
    with ctx.database.session() as session:
        return len(session.execute(RAW_SQL).all())


@benchmark("print directory: 5,000 members to PDF", target_ms=2500, repeats=5)
def print_5000(world: World) -> Operation:
    ctx = directory_database(world.folder)
    register_fonts()  # once per process, as in the app
    output = world.folder / "directory.pdf"
    return lambda: print_directory(ctx, None, output, lang="zh_CN")


@benchmark("print directory: raw SQL for the same rows", target_ms=100)
def raw_5000(world: World) -> Operation:
    ctx = directory_database(world.folder)
    return lambda: raw_rows(ctx)


def _median_ms(operation: Operation, repeat: int) -> float:
    operation()  # warm-up, as the runner does
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        operation()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Print the directory of N generated members.")
    parser.add_argument("--members", type=int, default=MEMBERS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ctx = directory_database(folder, args.members)
        register_fonts()
        output = folder / "directory.pdf"
        printed = print_directory(ctx, None, output, lang="zh_CN")
        floor = _median_ms(lambda: raw_rows(ctx), max(args.repeat, 5))
        median = _median_ms(lambda: print_directory(ctx, None, output, lang="zh_CN"),
                            args.repeat)
        ctx.database.close()
    print(f"print directory of {printed:,} members ({args.members:,} generated, 5 % archived):"
          f" median {median:.0f} ms; raw SQL {floor:.1f} ms; ratio {median / floor:.0f}x")


if __name__ == "__main__":
    main()
