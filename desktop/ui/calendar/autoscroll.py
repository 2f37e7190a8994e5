"""Scrolling the calendar while a drag holds the pointer at the edge of what is seen.

A booking dragged from 09:00 to 18:00 leaves the visible hours; without help the desk would
have to drop it halfway, scroll and drag again.  ``EdgeScroller`` watches where the pointer is
in the scroll area's viewport during a drag: within ``ZONE`` pixels of an edge (or beyond it)
a timer scrolls by a step that grows with how deep the pointer is, and after each step hands
the unchanged viewport point back to the grid, which re-runs its drag update there (the
content moved under a still pointer, so the snapped target and its check change).

The grid's header stays at the top of the viewport (it is painted at the scroll offset), so
the top edge is the header's bottom: ``top_inset`` says how tall it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar

ZONE = 24  # pixels from an edge where scrolling starts
INTERVAL = 30  # milliseconds between steps
MIN_STEP = 2  # pixels per step at the zone's inner border
MAX_STEP = 60  # pixels per step however far beyond the edge the pointer is
PER_PIXEL = 0.75  # step pixels per pixel of depth into the zone


def step_for(depth: float) -> int:
    """Pixels to scroll per tick for a pointer ``depth`` pixels into the edge zone (0 outside
    it); deeper, and beyond the edge, is faster, up to ``MAX_STEP``."""
    if depth <= 0:
        return 0
    return int(min(MAX_STEP, max(MIN_STEP, round(depth * PER_PIXEL))))


def axis_step(at: float, low: float, high: float) -> int:
    """Signed step along one axis: negative near ``low``, positive near ``high``."""
    if high - low <= 2 * ZONE:
        return 0  # a viewport too small for two zones: no scrolling by accident
    if at < low + ZONE:
        return -step_for(low + ZONE - at)
    if at > high - ZONE:
        return step_for(at - (high - ZONE))
    return 0


class EdgeScroller(QObject):
    """Auto-scroll for one scroll area; the grid calls ``follow`` on every drag move and
    ``stop`` when the drag ends (release, Esc, new data)."""

    def __init__(self, area: QAbstractScrollArea, scrolled: Callable[[QPointF], None],
                 top_inset: Callable[[], float] = lambda: 0.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else area)
        self.setObjectName("calendarEdgeScroller")
        self.area = area
        self._scrolled = scrolled
        self._top_inset = top_inset
        self.point = QPointF()  # where the pointer is in the viewport
        self.velocity = (0, 0)  # pixels per tick across and down
        self.timer = QTimer(self)
        self.timer.setObjectName("calendarAutoScrollTimer")
        self.timer.setInterval(INTERVAL)
        self.timer.timeout.connect(self.tick)

    def follow(self, viewport_point: QPointF) -> None:
        """The pointer moved during a drag: start, retune or stop scrolling."""
        self.point = QPointF(viewport_point)
        viewport = self.area.viewport()
        dx = self._step(self.area.horizontalScrollBar(), viewport_point.x(), 0,
                        viewport.width())
        dy = self._step(self.area.verticalScrollBar(), viewport_point.y(),
                        self._top_inset(), viewport.height())
        self.velocity = (dx, dy)
        if dx or dy:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    @staticmethod
    def _step(bar: QScrollBar, at: float, low: float, high: float) -> int:
        if bar.maximum() <= bar.minimum():
            return 0  # nothing to scroll this way
        return axis_step(at, low, high)

    def stop(self) -> None:
        self.timer.stop()
        self.velocity = (0, 0)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def tick(self) -> None:
        """One step; the grid re-runs its drag at the same viewport point if anything moved."""
        dx, dy = self.velocity
        moved = False
        for bar, step in ((self.area.horizontalScrollBar(), dx),
                          (self.area.verticalScrollBar(), dy)):
            if step:
                before = bar.value()
                bar.setValue(before + step)
                moved = moved or bar.value() != before
        if moved:
            self._scrolled(QPointF(self.point))
