"""Injectable time, so that rules about time are tested without sleeping or depending on today."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The venue's wall-clock time, naive (DESIGN.md: times are stored without a zone)."""
        ...


class SystemClock:
    """The real clock, reading the venue's wall-clock time (DESIGN.md: times are the venue's,
    with its zone in the settings) once ``use_zone`` has been told the zone — a desk computer
    set to UTC would otherwise put "now" hours away from the bookings.  Until then, and for a
    zone it cannot find, it reads this computer's local time."""

    def __init__(self, zone: str | None = None) -> None:
        self.zone: zoneinfo.ZoneInfo | None = None
        if zone:
            self.use_zone(zone)

    def use_zone(self, name: str) -> None:
        try:
            self.zone = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.zone = None

    def now(self) -> dt.datetime:
        if self.zone is None:
            return dt.datetime.now().replace(microsecond=0)
        return dt.datetime.now(self.zone).replace(tzinfo=None, microsecond=0)


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
