"""Benchmark: importing a 10,000-row members spreadsheet into a venue of 50,000 (issue 3).

Two rows for the runner (``make bench`` / ``python -m bench.run --only import``): the import
as the owner runs it (``apply_import``: read the CSV, check every row against the directory,
write members, periods, tags and audit entries in one transaction), and the floor beneath
it, a raw executemany INSERT of the same 10,000 rows in one transaction.  Run on its own it
prints both and their ratio::

    python -m bench.bench_members_import [--members N] [--rows N] [--repeat N]

The import must not change the runner's database (other benchmarks search its 50,000
members), so it works on a copy made with SQLite's online backup before the timing starts.
Every timed call imports a file of its own (different phones), generated beforehand, so
every call creates 10,000 members rather than skipping the previous call's as duplicates;
the copy grows by 10,000 members a call.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from bench.framework import Operation, World, benchmark
from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.members.demo import GIVEN, SURNAMES  # the demo's names, one list
from desktop.members.importer import apply_import
from desktop.models.members import Member
from desktop.security import cheap_hasher
from desktop.services import Actor, Context

ROWS = 10_000
FILES = 8  # the warm-up and up to seven timed calls each import a file of their own
NOW = dt.datetime(2026, 11, 26, 9, 0)
ENGLISH = ["Alice Wong", "Ben Smith", "Chloe Chan", "David Lee", "Emma Taylor", "Frank Ng"]
COMPANIES = ["西湖龙井茶业", "山水文化传播", "Acme Trading", "浦江资本", "", "云端科技"]
TAGS = ["茶艺", "钓鱼", "读书会", "企业家", "投资", "Board games", "围棋", "果园", "新标签"]
HEADER = ["姓名", "手机", "邮箱", "公司", "职位", "城市", "标签", "入会日期", "到期日期", "备注"]


def spreadsheet(path: Path, batch: int, rows: int = ROWS, *, seed: int = 11) -> Path:
    """A CSV as Excel saves it (UTF-8 with BOM, Chinese headers); ``batch`` picks the phones
    (177 + batch digit + 7 digits), so files of different batches never share one."""
    rng = random.Random(seed + batch)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            name = (rng.choice(ENGLISH) if rng.random() < 0.15 else
                    rng.choice(SURNAMES) + "".join(rng.choice(GIVEN)
                                                   for _ in range(rng.choice((1, 2)))))
            joined = NOW.date() - dt.timedelta(days=rng.randrange(30, 1200))
            writer.writerow([
                name, f"177{batch}{index:07d}", f"m{batch}.{index}@example.com",
                rng.choice(COMPANIES), rng.choice(["总经理", "合伙人", "", "Director"]),
                rng.choice(["杭州", "上海", ""]), "、".join(rng.sample(TAGS, rng.randrange(3))),
                joined.isoformat(), (joined + dt.timedelta(days=364)).isoformat(),
                "导入" if index % 10 == 0 else "",
            ])
    return path


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API)."""
    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def raw_rows(path: Path, batch: int) -> list[dict[str, object]]:
    """The file's rows as member rows for a plain INSERT (nothing checked, no keys)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [
            {"number": f"R{batch}{index:06d}", "name": row[0], "phone": row[1],
             "email": row[2], "company": row[3] or None, "title": row[4] or None,
             "city": row[5] or None, "notes": row[9] or None,
             "joined_on": dt.date.fromisoformat(row[7]), "archived": False,
             "created_at": NOW, "sort_name": row[0], "search_text": row[0]}
            for index, row in enumerate(reader)
        ]


@dataclass
class Scratch:
    """A copy of the venue to import into, and the files to import."""

    database: Database
    owner: Context
    files: list[Path]


_scratch: dict[Path, Scratch] = {}


def scratch(folder: Path, source: Path, owner: Context, rows: int = ROWS) -> Scratch:
    """The copy and its files (made once per folder and process)."""
    if folder not in _scratch:
        work = folder / "import-bench"
        work.mkdir(exist_ok=True)
        copy = work / "venue-copy.sqlite"
        copy_database(source, copy)
        database = open_database(str(copy))
        files = [spreadsheet(work / f"members-{batch}.csv", batch, rows)
                 for batch in range(FILES)]
        _scratch[folder] = Scratch(
            database, Context(database, owner.actor, clock=owner.clock, hasher=owner.hasher),
            files)
    return _scratch[folder]


def importer(state: Scratch) -> Operation:
    files = itertools.cycle(state.files)

    def run() -> object:
        result = apply_import(state.owner, next(files))
        assert result.written, "the generated file has problems"
        return result

    return run


def floor(state: Scratch) -> Operation:
    batches = itertools.cycle([raw_rows(path, batch) for batch, path in enumerate(state.files)])
    counter = itertools.count()

    def run() -> object:
        rows = next(batches)
        prefix = f"F{next(counter)}-"
        with state.database.transaction() as session:
            session.execute(insert(Member), [{**row, "number": prefix + str(row["number"])}
                                             for row in rows])
        return len(rows)

    return run


@benchmark("import members: 10,000 rows into 50,000 (CSV)", target_ms=15_000, repeats=3)
def import_10000(world: World) -> Operation:
    return importer(scratch(world.folder, world.path, world.ctx("owner")))


@benchmark("  raw SQL: INSERT the import's rows (floor)", target_ms=2_000,
           repeats=3)
def raw_insert_10000(world: World) -> Operation:
    return floor(scratch(world.folder, world.path, world.ctx("owner")))


# ---------------------------------------------------------------- on its own


def _median_ms(operation: Operation, repeat: int) -> float:
    operation()  # warm-up, as the runner does
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    from bench.bench_members_ui import generate_members
    from desktop.accounts import service as accounts
    from desktop.members.membership import PlanInput, create_plan

    parser = argparse.ArgumentParser(description="Import N generated rows into M members.")
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        path = folder / "venue.sqlite"
        database = open_database(str(path), create=True)
        clock = FixedClock(NOW)
        system = Context(database, Actor.system("bench"), clock=clock, hasher=cheap_hasher())
        accounts.create_first_owner(system, "owner", "Owner", "owner-pass")
        owner = system.as_actor(accounts.sign_in(database, "owner", "owner-pass", clock=clock,
                                                 hasher=system.hasher))
        if args.members:
            generate_members(database, args.members, NOW.date())
        else:
            create_plan(owner, PlanInput("年卡 Annual", "1980", 12, is_default=True))
        state = scratch(folder, path, owner, args.rows)
        imported = _median_ms(importer(state), args.repeat)
        raw = _median_ms(floor(state), args.repeat)
        state.database.close()
        database.close()
    print(f"import {args.rows:,} rows into {args.members:,} members: median {imported:.0f} ms; "
          f"raw executemany INSERT {raw:.0f} ms; ratio {imported / raw:.0f}x")


if __name__ == "__main__":
    main()
