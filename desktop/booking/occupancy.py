"""How bookings share a space on a page or a screen: side-by-side lanes for overlapping ones,
and the peak of seats taken.  The calendar grid and the printed schedules both draw with these,
so the screen and the paper agree; the seat rule itself is ``rules.peak_seats``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Timed(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def starts(self) -> dt.datetime: ...
    @property
    def ends(self) -> dt.datetime: ...
    @property
    def party_size(self) -> int: ...


T = TypeVar("T", bound=Timed)


def lanes(bookings: Sequence[T]) -> list[tuple[T, int, int]]:
    """Each booking with its lane and the lane count of its group of overlapping bookings, so
    that bookings sharing a seat-based space stand side by side (half-open times: one ending at
    10:00 and one starting at 10:00 share a lane)."""
    placed: list[tuple[T, int, int]] = []
    group: list[tuple[T, int]] = []
    lane_ends: list[dt.datetime] = []
    group_end: dt.datetime | None = None

    def close() -> None:
        count = len(lane_ends)
        placed.extend((booking, lane, count) for booking, lane in group)

    for booking in sorted(bookings, key=lambda b: (b.starts, b.ends, b.id)):
        if group_end is not None and booking.starts >= group_end:
            close()
            group, lane_ends, group_end = [], [], None
        for lane, ends in enumerate(lane_ends):
            if ends <= booking.starts:
                lane_ends[lane] = booking.ends
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(booking.ends)
        group.append((booking, lane))
        group_end = booking.ends if group_end is None else max(group_end, booking.ends)
    close()
    return placed


def peak_in(bookings: Sequence[Timed], starts: dt.datetime | None = None,
            ends: dt.datetime | None = None) -> int:
    """The most seats taken at any moment of [starts, ends) (the whole day when no window is
    given), by the same sweep the booking rule uses."""
    from desktop.booking.rules import peak_seats

    intervals = [(b.starts if starts is None else max(b.starts, starts),
                  b.ends if ends is None else min(b.ends, ends), b.party_size)
                 for b in bookings]
    return peak_seats(intervals)[0]
