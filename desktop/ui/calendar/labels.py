"""What text a booking box shows, as plain strings and offsets: no Qt, no painting.

The text half of layout.py.  In the day view a box is wide and shows who, the time, the party
and the purpose; in the week of all spaces a day is split per space, so boxes are slivers.
Which lines fit is arithmetic on the box's size and the measured width of the text, so it is
decided here once per layout (not per paint), with the measuring passed in: QFontMetrics in the
grid, a fixed-width fake in the tests.  A narrow box shows its short name (surname or first
characters) and start time when they fit, a Chinese name stacked one character per line when
only one character is wide enough, else a single initial or nothing; the tooltip has the rest.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Protocol

from desktop.booking.service import BookingView

PAD = 6.0  # text starts this far into a box (past its coloured stripe)
FULL_TEXT = 48  # text pixels from which a box shows its full lines (who, time, party…)
NARROW_BOX = 24.0  # a box narrower than this has a thinner stripe and tighter text


class Measure(Protocol):
    """How wide text is in the grid's fonts (bold is the first line's font)."""

    @property
    def line(self) -> float: ...

    def width(self, text: str, bold: bool) -> float: ...

    def elide(self, text: str, width: int, bold: bool) -> str: ...


@dataclass(frozen=True)
class Label:
    """One line of a box's text, placed from the box's top-left corner."""

    text: str
    x: float
    y: float
    bold: bool


def stripe(width: float) -> float:
    """The coloured stripe at a box's left: thinner in a sliver, where text needs the room."""
    return min(2.0, width / 3) if width < NARROW_BOX else min(4.0, width / 3)


def short_name(booking: BookingView) -> str:
    """The booker in a few characters: a guest before their host, a western name's surname
    (its last word: "Ms Keller" is Keller), a Chinese name as it is (it is short, and its
    first character is the surname); an event's booking, its title."""
    name = booking.guest_name or booking.member_name
    if not name:
        return booking.who
    words = name.split()
    return words[-1] if len(words) > 1 else name.strip()


def is_wide(char: str) -> bool:
    """A full-width character (Chinese): it reads stacked one per line."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def fit_name(text: str, width: float, measure: Measure) -> str:
    """``text`` (bold) in ``width`` pixels: whole, elided when two characters stay before the
    ellipsis, else as many first characters as fit (one is an initial), else nothing."""
    if measure.width(text, True) <= width:
        return text
    elided = measure.elide(text, int(width), True)
    if len(elided.rstrip("…").strip()) >= 2:
        return elided
    shown = ""
    for end in range(1, len(text) + 1):
        if measure.width(text[:end], True) > width:
            break
        shown = text[:end]
    return shown.strip()


def box_labels(booking: BookingView, width: float, height: float, measure: Measure,
               party: str = "%1 ppl") -> tuple[Label, ...]:
    """The lines a ``width`` × ``height`` box of ``booking`` shows; ``party`` is the
    translated "%1 ppl"."""
    if width - 8 >= FULL_TEXT:
        return _full(booking, width, height, measure, party)
    return _compact(booking, width, height, measure, party)


def _full(booking: BookingView, width: float, height: float, measure: Measure,
          party: str) -> tuple[Label, ...]:
    """A wide box: who (bold), the time, the party and the purpose, as many as rows allow."""
    line = measure.line
    room = int(width) - 8
    time = f"{booking.starts:%H:%M}–{booking.ends:%H:%M}"
    if measure.elide(time, room, False) != time:
        time = f"{booking.starts:%H:%M}"  # a narrow lane: the start says enough
    who = booking.who
    people = party.replace("%1", str(booking.party_size))
    rows = max(1, int((height - 2) // line))
    if rows == 1:
        texts = [f"{who} · {booking.party_size}"]
    elif rows == 2:
        texts = [who, f"{time} · {people}"]
    else:
        texts = [who, time, people]
        if booking.purpose and rows > 3:
            texts.append(booking.purpose)
    shown = [measure.elide(t, room, n == 0) for n, t in enumerate(texts[:rows])]
    kept = [(text, n == 0) for n, text in enumerate(shown) if text.strip("…")]
    return tuple(Label(text, PAD, 1 + number * line, bold)
                 for number, (text, bold) in enumerate(kept))


def _compact(booking: BookingView, width: float, height: float, measure: Measure,
             party: str) -> tuple[Label, ...]:
    """A narrow box: short name (bold) and start time when they fit (then the party and the
    purpose when there are rows for them), else what does."""
    line = measure.line
    x = 1.0 if width < NARROW_BOX else PAD
    room = width - x - 1
    rows = int((height + 1) // line)
    if rows < 1 or room < 1:
        return ()
    top = 1.0 if height >= rows * line + 1 else 0.0
    short = short_name(booking)
    name = fit_name(short, room, measure)
    time = f"{booking.starts:%H:%M}"
    texts: list[tuple[str, bool]]
    if measure.width(time, False) <= room:
        both = f"{time} {short}"
        if rows >= 2:
            texts = [(name, True), (time, False)] if name else [(time, False)]
            more = [party.replace("%1", str(booking.party_size)), booking.purpose or ""]
            for text in more[:rows - len(texts)]:  # a tall lane of the day view has room
                shown = measure.elide(text, int(room), False)
                if shown.strip("…"):
                    texts.append((shown, False))
        elif measure.width(both, True) <= room:
            texts = [(both, True)]
        else:
            texts = [(name or time, bool(name))]
    else:
        stacked = _stacked(short, rows, room, measure)
        across = len(name.rstrip("…"))  # what one line shows of the name
        texts = [(char, True) for char in stacked] if len(stacked) > across else [(name, True)]
    return tuple(Label(text, x, top + number * line, bold)
                 for number, (text, bold) in enumerate(texts) if text)


def _stacked(name: str, rows: int, room: float, measure: Measure) -> list[str]:
    """A Chinese name's first characters, one per row, while each is full-width and fits."""
    shown: list[str] = []
    for char in name[:rows]:
        if not is_wide(char) or measure.width(char, True) > room:
            break
        shown.append(char)
    return shown
