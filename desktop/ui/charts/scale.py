"""The arithmetic of a chart's value axis and colours, kept apart from Qt so it is tested alone.

An axis reads well when its ticks fall on round numbers (0, 5, 10 … or 0, 0.25, 0.5 …) and its
top is the first tick at or above the largest value, so the tallest bar never leaves the frame.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

STEP_BASES = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_step(span: float, max_ticks: int) -> float:
    """The smallest round step (1, 2, 2.5 or 5 times a power of ten) that covers ``span`` in
    at most ``max_ticks`` intervals."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    intervals = max(1, max_ticks)
    raw = span / intervals
    power = 10.0 ** math.floor(math.log10(raw))
    for base in STEP_BASES:
        step = base * power
        if step >= raw * (1 - 1e-9):
            return step
    return 10.0 * power  # pragma: no cover - the loop ends on 10 × power


def nice_ticks(low: float, high: float, max_ticks: int = 5, *,
               integers: bool = False) -> list[float]:
    """Round tick values from at most ``low`` to at least ``high`` (zero included when the data
    start at zero or above); ``integers`` keeps counts on whole numbers."""
    low = min(0.0, low)
    high = max(high, low)
    if high == low:
        high = low + 1.0
    step = nice_step(high - low, max_ticks)
    if integers:
        step = max(1.0, math.ceil(step))
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    count = round((last - first) / step)
    return [_clean(first + i * step) for i in range(count + 1)]


def _clean(value: float) -> float:
    """Round away float dust (0.30000000000000004 → 0.3)."""
    return float(f"{value:.10g}")


def format_number(value: float) -> str:
    """A value as a person reads it: whole numbers without decimals, others to two places
    at most, thousands grouped."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def format_percent(value: float) -> str:
    """A ratio (0.42) as a percentage ("42%"); under 10 % with one decimal ("1.4%"), so
    small rates still tell apart."""
    share = value * 100
    if abs(share) < 10 and round(share, 1) != round(share):
        return f"{share:.1f}%"
    return f"{share:.0f}%"


def format_percent_tick(value: float) -> str:
    """An axis tick as a percentage with the decimals its round step needs ("0.25%")."""
    text = f"{value * 100:.4f}".rstrip("0").rstrip(".")
    return f"{text}%"


def label_step(widths: Sequence[float], room: float, gap: float = 8.0) -> int:
    """Show every n-th category label so that the widest fits in ``room`` per category:
    12 month names fit in a wide chart, every second or third in a narrow one."""
    if not widths or room <= 0:
        return 1
    need = max(widths) + gap
    return max(1, math.ceil(need / room))


def mix(start: tuple[int, int, int], end: tuple[int, int, int],
        amount: float) -> tuple[int, int, int]:
    """The colour ``amount`` (0..1) of the way from ``start`` to ``end``."""
    amount = min(1.0, max(0.0, amount))
    return (round(start[0] + (end[0] - start[0]) * amount),
            round(start[1] + (end[1] - start[1]) * amount),
            round(start[2] + (end[2] - start[2]) * amount))


class Axis:
    """A value axis: its round ticks and where a value falls between two pixel positions
    (``start`` is where the lowest tick is drawn: the bottom of a vertical axis)."""

    def __init__(self, low: float, high: float, max_ticks: int = 5, *,
                 integers: bool = False) -> None:
        self.ticks = nice_ticks(low, high, max_ticks, integers=integers)
        self.low = self.ticks[0]
        self.high = self.ticks[-1]

    def position(self, value: float, start: float, end: float) -> float:
        span = self.high - self.low
        share = 0.0 if span == 0 else (value - self.low) / span
        return start + (end - start) * share
