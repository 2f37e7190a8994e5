"""The real clock reads the venue's wall-clock time once it knows the venue's zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from desktop.clock import SystemClock


def _close(a: dt.datetime, b: dt.datetime) -> bool:
    return abs((a - b).total_seconds()) < 5


def test_the_clock_reads_the_venues_zone_not_the_computers() -> None:
    for name in ("Asia/Shanghai", "America/Los_Angeles", "UTC"):
        clock = SystemClock(name)
        wanted = dt.datetime.now(zoneinfo.ZoneInfo(name)).replace(tzinfo=None)
        assert clock.now().tzinfo is None and _close(clock.now(), wanted)
    shanghai, angeles = SystemClock("Asia/Shanghai").now(), SystemClock("America/Los_Angeles").now()
    assert (shanghai - angeles) >= dt.timedelta(hours=15)  # 15 or 16 hours apart, by DST


def test_an_unknown_zone_falls_back_to_the_computers_local_time() -> None:
    clock = SystemClock("Mars/Olympus_Mons")
    assert clock.zone is None and _close(clock.now(), dt.datetime.now())
    clock.use_zone("Asia/Shanghai")
    assert clock.zone == zoneinfo.ZoneInfo("Asia/Shanghai")
