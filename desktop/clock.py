"""Injectable time, so that rules about time are tested without sleeping or depending on today."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The venue's wall-clock time, naive (DESIGN.md: times are stored without a zone)."""
        ...


class SystemClock:
    """The real clock: local wall-clock time of this computer."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock for tests and the demo: stands still until moved."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += dt.timedelta(**delta)

    def set(self, moment: dt.datetime) -> None:
        self._now = moment
