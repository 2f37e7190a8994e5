"""Time the operations people wait for, on a generated database: ``make bench``.

    python -m bench.run [--repeats N] [--only TEXT] [--keep DIR] [--strict]

The runner builds one SQLite database in a temporary folder (every ``@fill`` function adds
its data, in order), then times every ``@benchmark`` with ``time.perf_counter`` over several
repeats after a warm-up, and prints a table: operation, repeats, median ms, p95 ms, target ms.

Adding a benchmark is one small function in any ``bench/*.py`` module (decorators from
``bench.framework``): it receives the
``World`` and returns the operation to time (a function with no arguments)::

    @benchmark("search members (50,000)", target_ms=50)
    def search(world: World) -> Callable[[], object]:
        query = MemberQuery(text="zhang")
        return lambda: search_members(world.desk, query, limit=200)

and, when it needs data, a ``@fill(order=...)`` function that puts it into ``world``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import math
import os
import pkgutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.framework import BENCHMARKS, FILLERS, Operation, World
from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.security import cheap_hasher


def load_modules() -> None:
    """Import every bench/*.py module so that its @fill and @benchmark functions register."""
    package = Path(__file__).parent
    for info in pkgutil.iter_modules([str(package)]):
        if info.name not in ("run", "framework", "__init__"):
            importlib.import_module(f"bench.{info.name}")


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: with few samples, p95 is simply the slowest but one or two."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def measure(operation: Operation, repeats: int) -> list[float]:
    operation()  # warm-up: caches, the first connection, lazy imports
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def build_world(folder: Path) -> World:
    path = folder / "bench.sqlite"
    world = World(folder=folder, path=path, database=open_database(str(path), create=True),
                  clock=FixedClock(dt.datetime(2026, 11, 26, 9, 0)), hasher=cheap_hasher())
    for filler in sorted(FILLERS, key=lambda f: f.order):
        started = time.perf_counter()
        filler.run(world)
        print(f"  fill {filler.name}: {time.perf_counter() - started:.1f} s", flush=True)
    return world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time Clubhouse's main operations.")
    parser.add_argument("--repeats", type=int, help="repeats for every benchmark")
    parser.add_argument("--only", help="run only benchmarks whose name contains this")
    parser.add_argument("--keep", type=Path, help="build the database in this folder, keep it")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a median is over")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load_modules()
    chosen = [b for b in BENCHMARKS if not args.only or args.only in b.name]
    with tempfile.TemporaryDirectory(prefix="clubhouse-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["CLUBHOUSE_DATA_DIR"] = str(folder / "data")
        print(f"Building the benchmark database in {folder} ...", flush=True)
        world = build_world(folder)
        size = world.path.stat().st_size / 1e6
        made = ", ".join(f"{n:,} {what}" for what, n in world.counts.items())
        print(f"Database: {size:.1f} MB ({made}); Python {sys.version.split()[0]}\n")

        header = f"{'operation':<52} {'n':>4} {'median ms':>10} {'p95 ms':>9} {'target ms':>10}"
        print(header)
        print("-" * len(header))
        over = []
        medians: dict[str, float] = {}
        try:
            for case in chosen:
                samples = measure(case.prepare(world), args.repeats or case.repeats)
                median = statistics.median(samples)
                medians[case.name] = median
                mark = "" if median <= case.target_ms else "  over"
                if mark:
                    over.append(case.name)
                print(f"{case.name:<52} {len(samples):>4} {median:>10.2f} "
                      f"{percentile(samples, 0.95):>9.2f} {case.target_ms:>10g}{mark}",
                      flush=True)
        finally:
            world.database.close()
    for case in chosen:
        floor = medians.get(case.compare_to or "", 0.0)
        if case.compare_to and case.name in medians and floor > 0:
            print(f"\n{case.name.strip()}: {medians[case.name] / floor:.1f} x "
                  f"{case.compare_to.strip()}")
    if over:
        print(f"\nover target: {', '.join(over)}")
    return 1 if over and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
