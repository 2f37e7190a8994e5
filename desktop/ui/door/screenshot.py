"""Door mode for ``clubhouse screenshot door``: the busiest event of today, else the next one,
else the latest one (the demo always has one of them)."""

from __future__ import annotations

from desktop.errors import NotFound
from desktop.events.service import EventView, list_events
from desktop.i18n import msg
from desktop.services import Context
from desktop.ui.door.window import DoorModeWindow


def _pick(ctx: Context) -> EventView:
    today = ctx.clock.now().date()
    events = [e for e in list_events(ctx, include_cancelled=False) if e.status == "scheduled"]
    todays = [e for e in events if e.starts.date() == today]
    if todays:
        return max(todays, key=lambda e: (e.registered, -e.starts.timestamp()))
    coming = [e for e in events if e.starts.date() > today]
    if coming:
        return min(coming, key=lambda e: e.starts)
    if events:
        return max(events, key=lambda e: e.starts)
    raise NotFound(msg("That event does not exist."), field="event_id")


def door_for_screenshot(ctx: Context, size: tuple[int, int]) -> DoorModeWindow:
    window = DoorModeWindow(ctx, _pick(ctx).id)
    window.timer.stop()
    window.resize(*size)
    return window
