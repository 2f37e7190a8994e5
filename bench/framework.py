"""The benchmark frame: the generated ``World``, ``@benchmark`` and ``@fill`` (see run.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.clock import FixedClock
from desktop.db import Database
from desktop.security import Hasher
from desktop.services import Context

Operation = Callable[[], object]


@dataclass
class World:
    """The generated venue every benchmark runs against."""

    folder: Path
    path: Path
    database: Database
    clock: FixedClock
    hasher: Hasher
    owner: Context | None = None
    desk: Context | None = None
    counts: dict[str, int] = field(default_factory=dict)  # what the fillers made, for the header

    def ctx(self, role: str = "owner") -> Context:
        ctx = self.owner if role == "owner" else self.desk
        assert ctx is not None, "the accounts filler has not run"
        return ctx


@dataclass(frozen=True)
class Benchmark:
    name: str
    target_ms: float
    repeats: int
    prepare: Callable[[World], Operation]
    # The name of another benchmark whose median this one is compared with (a floor such as a
    # bare INSERT measured in the same run), printed as a ratio under the table.
    compare_to: str | None = None


@dataclass(frozen=True)
class Filler:
    order: int
    name: str
    run: Callable[[World], None]


BENCHMARKS: list[Benchmark] = []
FILLERS: list[Filler] = []


def benchmark(
    name: str, *, target_ms: float, repeats: int = 20, compare_to: str | None = None
) -> Callable[[Callable[[World], Operation]], Callable[[World], Operation]]:
    """Register ``prepare(world) -> operation``; the operation is what gets timed."""

    def register(prepare: Callable[[World], Operation]) -> Callable[[World], Operation]:
        BENCHMARKS.append(Benchmark(name, target_ms, repeats, prepare, compare_to))
        return prepare

    return register


def fill(order: int) -> Callable[[Callable[[World], None]], Callable[[World], None]]:
    """Register a function that adds data to the generated database (lowest order first)."""

    def register(run: Callable[[World], None]) -> Callable[[World], None]:
        FILLERS.append(Filler(order, run.__name__, run))
        return run

    return register
