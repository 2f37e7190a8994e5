"""Charts for printouts: a line chart, grouped bars and a weekday × hour heat map.

Drawn with ReportLab's graphics shapes (a ``Drawing`` is a flowable, so a chart sits in a
``build_pdf`` story like a paragraph).  The shapes are placed here rather than through
ReportLab's chart classes because the report needs what those do not give together: every
label in the embedded CJK font (a Chinese month or space name prints, and nothing falls back
to a non-embedded Helvetica), axis steps a person reads at a glance (1, 2 or 5 times a power
of ten), category labels thinned when they would overlap, value labels on bars only where they
fit, series told apart by dash and marker as well as colour (the report is often printed in
black and white), and a chart with nothing to show that says so instead of drawing empty axes.

Every text arrives already translated: a chart knows no language.  No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from desktop.reports.base import FONT, INK, MUTED, RULE, fit_text, register_fonts, text_width

PALETTE: tuple[str, ...] = ("#2f6f9f", "#d9822b", "#3f8f5a", "#8a5fb0", "#b8453a", "#6b7580")
DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2), (1.2, 1.8), (6, 2, 1.2, 2))
GRID = colors.HexColor("#e3e7eb")
EMPTY_FILL = colors.HexColor("#f5f7f9")
HEAT_LOW = colors.HexColor("#f1f5f9")
HEAT_HIGH = colors.HexColor("#1f4e79")
LABEL_SIZE = 7.0
LEGEND_SIZE = 7.5
VALUE_SIZE = 6.5

Format = Callable[[float], str]


def plain_number(value: float) -> str:
    """12,345 for a whole number, 12.5 otherwise: what an axis or a bar's label shows."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.1f}"


@dataclass(frozen=True)
class Series:
    """One named row of values, one per category (the legend shows the name)."""

    name: str
    values: tuple[float, ...]


def nice_scale(maximum: float, ticks: int = 5, *, whole: bool = True) -> tuple[float, float]:
    """The top of the value axis and its step: 1, 2 or 5 times a power of ten, at most
    ``ticks`` steps, the top at or above ``maximum``.  ``whole`` keeps counts on whole steps
    (no "0.5 members")."""
    if maximum <= 0 or not math.isfinite(maximum):
        return 1.0, 1.0
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = 10 * magnitude
    for factor in (1, 2, 5, 10):
        if factor * magnitude * ticks >= maximum:
            step = factor * magnitude
            break
    if whole:
        step = max(1.0, float(round(step))) if step >= 1 else 1.0
    top = math.ceil(maximum / step - 1e-9) * step
    return float(top), float(step)


def _text(x: float, y: float, text: str, size: float = LABEL_SIZE, *, anchor: str = "start",
          color: colors.Color = INK) -> String:
    return String(x, y, text, fontName=FONT, fontSize=size, fillColor=color, textAnchor=anchor)


def _drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose graphics state starts in the embedded font: ReportLab's default
    (Helvetica) would otherwise be listed in the PDF without being embedded."""
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=LABEL_SIZE)
    return drawing


def has_data(series: Sequence[Series]) -> bool:
    """Whether there is anything to draw: at least one value that is not zero."""
    return any(value for row in series for value in row.values)


def no_data(width: float, height: float, text: str) -> Drawing:
    """The drawing a chart becomes when it has nothing to show: a quiet box saying so, no
    taller than a few lines (an empty chart-sized box would only push the report on)."""
    register_fonts()
    height = min(height, 36.0)
    drawing = _drawing(width, height)
    drawing.add(Rect(0.5, 0.5, width - 1, height - 1, fillColor=EMPTY_FILL, strokeColor=RULE,
                     strokeWidth=0.6, strokeDashArray=(3, 2)))
    size = 9.0
    drawing.add(_text(width / 2, height / 2 - size / 3, fit_text(text, size, width - 8), size,
                      anchor="middle", color=MUTED))
    return drawing


def _marker(index: int, x: float, y: float, color: colors.Color) -> Group | Circle | Rect:
    """The point marker of series ``index``: circle, square, triangle, diamond (in turn)."""
    r = 1.9
    kind = index % 4
    if kind == 0:
        return Circle(x, y, r, fillColor=color, strokeColor=color, strokeWidth=0.4)
    if kind == 1:
        return Rect(x - r, y - r, 2 * r, 2 * r, fillColor=color, strokeColor=color,
                    strokeWidth=0.4)
    if kind == 2:
        return Polygon([x - r * 1.1, y - r, x + r * 1.1, y - r, x, y + r * 1.2],
                       fillColor=color, strokeColor=color, strokeWidth=0.4)
    return Polygon([x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y],
                   fillColor=color, strokeColor=color, strokeWidth=0.4)


def _legend(drawing: Drawing, series: Sequence[Series], top: float, width: float, *,
            lines: bool) -> float:
    """The series' names with their swatches, in rows from ``top``; returns the height used."""
    x, y = 0.0, top - LEGEND_SIZE - 1
    row_height = LEGEND_SIZE + 4
    used = row_height
    for index, row in enumerate(series):
        color = colors.HexColor(PALETTE[index % len(PALETTE)])
        name = fit_text(row.name, LEGEND_SIZE, width * 0.6)
        item = 16 + text_width(name, LEGEND_SIZE) + 10
        if x > 0 and x + item > width:
            x, y, used = 0.0, y - row_height, used + row_height
        mid = y + LEGEND_SIZE * 0.35
        if lines:
            drawing.add(Line(x, mid, x + 12, mid, strokeColor=color, strokeWidth=1.4,
                             strokeDashArray=DASHES[index % len(DASHES)]))
            drawing.add(_marker(index, x + 6, mid, color))
        else:
            drawing.add(Rect(x + 2, mid - 3, 8, 6, fillColor=color, strokeColor=None))
        drawing.add(_text(x + 15, y, name, LEGEND_SIZE))
        x += item
    return used


@dataclass
class _Frame:
    """Where the plot goes inside a drawing, and its value axis."""

    left: float
    right: float
    bottom: float
    top: float
    axis_top: float
    step: float

    def y(self, value: float) -> float:
        return self.bottom + (self.top - self.bottom) * max(0.0, value) / self.axis_top


def _axes(drawing: Drawing, series: Sequence[Series], categories: Sequence[str], width: float,
          height: float, fmt: Format, *, legend: bool, lines: bool, whole: bool,
          headroom: float = 0.0) -> _Frame:
    """The legend, the value axis with its grid and the category labels; returns the frame."""
    top = height
    if legend:
        top -= _legend(drawing, series, height, width, lines=lines) + 3
    maximum = max((v for row in series for v in row.values), default=0.0)
    axis_top, step = nice_scale(maximum, whole=whole)
    labels = [fmt(step * i) for i in range(round(axis_top / step) + 1)]
    left = max(text_width(label, LABEL_SIZE) for label in labels) + 5
    bottom = LABEL_SIZE + 5
    frame = _Frame(left, width - 4, bottom, top - 4 - headroom, axis_top, step)
    for i, label in enumerate(labels):
        y = frame.y(step * i)
        drawing.add(Line(left, y, frame.right, y, strokeColor=RULE if i == 0 else GRID,
                         strokeWidth=0.6 if i == 0 else 0.4))
        drawing.add(_text(left - 3, y - LABEL_SIZE / 3, label, anchor="end", color=MUTED))
    slot = (frame.right - left) / max(1, len(categories))
    widest = max((text_width(c, LABEL_SIZE) for c in categories), default=0.0)
    # Long names (spaces, events) are shortened to their slot; only when a slot is too narrow
    # for a few characters (many months) are labels thinned instead.
    every = 1 if slot >= 30 or widest + 4 <= slot else max(1, math.ceil((widest + 4) / slot))
    last = len(categories) - 1
    for i, category in enumerate(categories):
        if (last - i) % every:
            continue  # thinned: the latest category always keeps its label
        room = slot * every - 2
        drawing.add(_text(left + (i + 0.5) * slot, 1.5, fit_text(category, LABEL_SIZE, room),
                          anchor="middle", color=MUTED))
    return frame


def line_chart(categories: Sequence[str], series: Sequence[Series], *, width: float,
               height: float, no_data_text: str, fmt: Format = plain_number,
               whole: bool = True, legend: bool | None = None) -> Drawing:
    """A line per series over the categories (months, oldest first), with a legend when
    there is more than one series (or ``legend=True``)."""
    register_fonts()
    series = [s for s in series if len(s.values) == len(categories)]
    if not categories or not has_data(series):
        return no_data(width, height, no_data_text)
    drawing = _drawing(width, height)
    show_legend = len(series) > 1 if legend is None else legend
    frame = _axes(drawing, series, categories, width, height, fmt, legend=show_legend,
                  lines=True, whole=whole)
    slot = (frame.right - frame.left) / len(categories)
    for index, row in enumerate(series):
        color = colors.HexColor(PALETTE[index % len(PALETTE)])
        points: list[float] = []
        for i, value in enumerate(row.values):
            points += [frame.left + (i + 0.5) * slot, frame.y(value)]
        if len(row.values) > 1:
            drawing.add(PolyLine(points, strokeColor=color, strokeWidth=1.4,
                                 strokeDashArray=DASHES[index % len(DASHES)],
                                 strokeLineJoin=1))
        for i in range(0, len(points), 2):
            drawing.add(_marker(index, points[i], points[i + 1], color))
    if len(series) == 1:  # one line: its latest value written beside the last point
        value = series[0].values[-1]
        x = frame.left + (len(categories) - 0.5) * slot
        drawing.add(_text(x, frame.y(value) + 4, fmt(value), VALUE_SIZE, anchor="middle"))
    return drawing


def bar_chart(categories: Sequence[str], series: Sequence[Series], *, width: float,
              height: float, no_data_text: str, fmt: Format = plain_number,
              whole: bool = True, legend: bool | None = None) -> Drawing:
    """Grouped vertical bars: per category one bar per series side by side, each with its
    value above it where the label fits the bar (a zero has neither)."""
    register_fonts()
    series = [s for s in series if len(s.values) == len(categories)]
    if not categories or not has_data(series):
        return no_data(width, height, no_data_text)
    drawing = _drawing(width, height)
    show_legend = len(series) > 1 if legend is None else legend
    frame = _axes(drawing, series, categories, width, height, fmt, legend=show_legend,
                  lines=False, whole=whole, headroom=VALUE_SIZE + 2)
    slot = (frame.right - frame.left) / len(categories)
    group = slot * 0.78
    bar = group / max(1, len(series))
    for index, row in enumerate(series):
        color = colors.HexColor(PALETTE[index % len(PALETTE)])
        for i, value in enumerate(row.values):
            x = frame.left + i * slot + (slot - group) / 2 + index * bar
            y = frame.y(value)
            if value > 0:
                drawing.add(Rect(x + 0.4, frame.bottom, bar - 0.8, y - frame.bottom,
                                 fillColor=color, strokeColor=None))
            if not value:
                continue  # no bar, no "0": a gap reads as nothing and keeps the chart calm
            label = fmt(value)
            size = VALUE_SIZE
            while size > 4.5 and text_width(label, size) > bar + 2:
                size -= 0.5
            if text_width(label, size) <= bar + 2:
                drawing.add(_text(x + bar / 2, y + 1.5, label, size, anchor="middle"))
    return drawing


def heat_colour(fraction: float) -> colors.Color:
    """The heat map's colour for ``fraction`` of the busiest cell (0: nearly white)."""
    f = min(1.0, max(0.0, fraction))
    return colors.Color(HEAT_LOW.red + (HEAT_HIGH.red - HEAT_LOW.red) * f,
                        HEAT_LOW.green + (HEAT_HIGH.green - HEAT_LOW.green) * f,
                        HEAT_LOW.blue + (HEAT_HIGH.blue - HEAT_LOW.blue) * f)


def heat_map(rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[float]], *,
             width: float, height: float, no_data_text: str, scale_label: str = "",
             fmt: Format = plain_number) -> Drawing:
    """A grid of ``rows`` (weekdays) × ``columns`` (hours), each cell shaded by its value
    against the busiest cell, with the colour scale and its numbers underneath."""
    register_fonts()
    if not rows or not columns or not any(v for line in values for v in line):
        return no_data(width, height, no_data_text)
    drawing = _drawing(width, height)
    maximum = max(v for line in values for v in line)
    left = max(text_width(r, LABEL_SIZE) for r in rows) + 5
    legend_height = LABEL_SIZE * 2 + 10
    head = LABEL_SIZE + 4
    cell_w = (width - left - 2) / len(columns)
    cell_h = (height - head - legend_height) / len(rows)
    grid_top = height - head
    widest = max(text_width(c, LABEL_SIZE) for c in columns)
    every = max(1, math.ceil((widest + 2) / cell_w))
    for j, column in enumerate(columns):
        if j % every == 0:
            drawing.add(_text(left + (j + 0.5) * cell_w, grid_top + 2.5, column,
                              anchor="middle", color=MUTED))
    value_size = min(VALUE_SIZE, cell_h * 0.6)
    for i, row in enumerate(rows):
        y = grid_top - (i + 1) * cell_h
        drawing.add(_text(left - 3, y + cell_h / 2 - LABEL_SIZE / 3, row, anchor="end"))
        for j in range(len(columns)):
            value = values[i][j] if j < len(values[i]) else 0.0
            fraction = value / maximum if maximum else 0.0
            drawing.add(Rect(left + j * cell_w, y, cell_w, cell_h, fillColor=heat_colour(fraction),
                             strokeColor=colors.white, strokeWidth=0.6))
            label = fmt(value) if value else ""
            if label and text_width(label, value_size) <= cell_w - 1.5:
                ink = colors.white if fraction > 0.55 else INK
                drawing.add(_text(left + (j + 0.5) * cell_w, y + cell_h / 2 - value_size / 3,
                                  label, value_size, anchor="middle", color=ink))
    # The colour scale: five swatches from none to the busiest cell, numbered.
    swatch_w = min(26.0, (width - left) / 8)
    x = left
    y = 2 + LABEL_SIZE + 2
    if scale_label:
        label = fit_text(scale_label, LABEL_SIZE, width * 0.4)
        drawing.add(_text(0, y + 1, label, color=MUTED))
        x = max(left, text_width(label, LABEL_SIZE) + 8)
    steps = 5
    for k in range(steps):
        fraction = k / (steps - 1)
        drawing.add(Rect(x + k * swatch_w, y, swatch_w, LABEL_SIZE + 2,
                         fillColor=heat_colour(fraction), strokeColor=RULE, strokeWidth=0.3))
        drawing.add(_text(x + (k + 0.5) * swatch_w, 1.5, fmt(maximum * fraction),
                          anchor="middle", color=MUTED))
    return drawing
