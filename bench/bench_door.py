"""Door-mode benchmarks (issue 5): from the scanner's Enter to the outcome on the screen.

Two events today in a hall of their own (made through the event service), each with 500
registered members of the 50,000 generated ones (the registrations inserted directly: making
them is not what is measured).  Both rows drive the real ``DoorModeWindow`` offscreen, the way
a USB scanner does: the member number typed into the field and Enter pressed on it (QTest, so
the widget's own key handling runs), then the window painted.  The scan runs on the GUI thread
in one write transaction, so when the Enter returns the check-in is committed; each repeat
checks that the outcome shown is "checked in" and reads the check-in back from the database.

- "scan to confirmation": one check-in, a different member each repeat (target 50 ms);
- "a burst of 500 check-ins in a row": the whole burst (ms per check-in = the median / 500).
  So that every repeat checks in 500 people who are not yet in, the burst ends with one
  UPDATE annulling its check-ins (as an undo does, kept in the table); that statement is
  timed with the burst and costs a few ms of its seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select, update

from bench.framework import Operation, World, benchmark, fill
from desktop.booking.rules import OpeningRange
from desktop.booking.spaces import SpaceInput, create_space
from desktop.events.service import EventInput, create_event, list_events
from desktop.models import Member
from desktop.models.event import CheckIn, Registration
from desktop.ui.bootstrap import ensure_application, prepare_application
from desktop.ui.door import DoorModeWindow

PEOPLE = 500
SCAN_EVENT = "Bench door: members' tea"
BURST_EVENT = "Bench door: the big evening"


@fill(order=55)
def door_events(world: World) -> None:
    """Two events today, 500 registered members each (different members in each)."""
    owner = world.ctx("owner")
    hours = [OpeningRange(day, dt.time(6), dt.time(23)) for day in range(7)]
    space = create_space(owner, SpaceInput("Bench door hall", "meeting_room", 1200, True,
                                           min_minutes=30, max_minutes=600, advance_days=800,
                                           hours=hours))
    today = world.clock.now().date()
    with world.database.transaction(write=False) as session:
        everyone = list(session.scalars(select(Member.id).order_by(Member.id)))
    step = max(1, len(everyone) // (2 * PEOPLE))
    chosen = everyone[3::step][:2 * PEOPLE]  # spread over the directory
    for n, (title, starts) in enumerate(((SCAN_EVENT, dt.time(9, 30)),
                                         (BURST_EVENT, dt.time(13, 0)))):
        begin = dt.datetime.combine(today, starts)
        [event] = create_event(owner, EventInput(title, "networking", space.id, begin,
                                                 begin + dt.timedelta(hours=3), 1000))
        members = chosen[n * PEOPLE:(n + 1) * PEOPLE]
        with world.database.transaction() as session:
            session.execute(insert(Registration), [{
                "event_id": event.id, "member_id": member_id, "companions": i % 5 == 0,
                "status": "registered", "paid": True, "walk_in": False, "created_by": "bench",
                "created_at": world.clock.now() - dt.timedelta(days=3, minutes=i),
            } for i, member_id in enumerate(members)])
    world.counts["door registrations"] = 2 * PEOPLE


def _event_id(world: World, title: str) -> int:
    today = world.clock.now().date()
    [event] = [e for e in list_events(world.ctx("desk"), today, today) if e.title == title]
    return event.id


def _numbers(world: World, event_id: int) -> list[str]:
    with world.database.transaction(write=False) as session:
        return list(session.scalars(
            select(Member.number).join(Registration, Registration.member_id == Member.id)
            .where(Registration.event_id == event_id).order_by(Registration.id)))


def _door(world: World, event_id: int) -> DoorModeWindow:
    """The door window offscreen, laid out at a desk screen's size."""
    app = ensure_application()
    prepare_application(app)
    window = DoorModeWindow(world.ctx("desk"), event_id)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(1280, 800)
    window.show()
    window.timer.stop()  # the 3-second refresh is not part of a scan
    app.processEvents()
    return window


def _scan_once(app: QApplication, window: DoorModeWindow, number: str) -> None:
    """Type the number, press Enter on the field, paint the outcome."""
    window.input.setText(number)
    QTest.keyClick(window.input, Qt.Key.Key_Return)
    app.processEvents()  # lays out and paints what changed, as the event loop would next
    if window.outcome.property("outcome") != "checked_in":
        raise AssertionError(f"{number}: {window.outcome.text()}")


@benchmark("door: scan to confirmation (500 registered)", target_ms=50, repeats=30)
def scan_to_confirmation(world: World) -> Operation:
    event_id = _event_id(world, SCAN_EVENT)
    window = _door(world, event_id)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    numbers: Iterator[str] = iter(_numbers(world, event_id))

    def run() -> object:
        number = next(numbers)
        _scan_once(app, window, number)
        assert window.last_result is not None and window.last_result.registration is not None
        registration = window.last_result.registration
        with world.database.transaction(write=False) as session:  # committed, not just shown
            assert session.scalar(select(CheckIn.id).where(
                CheckIn.registration_id == registration.id,
                CheckIn.annulled_at.is_(None))) is not None
        return number

    return run


@benchmark(f"door: a burst of {PEOPLE} check-ins in a row", target_ms=PEOPLE * 50, repeats=3)
def burst(world: World) -> Operation:
    event_id = _event_id(world, BURST_EVENT)
    window = _door(world, event_id)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    numbers = _numbers(world, event_id)
    rounds = itertools.count()

    def run() -> object:
        for number in numbers:
            _scan_once(app, window, number)
        assert window.counter_panel.values()[3] == 0  # everyone expected is in
        with world.database.transaction() as session:  # ready for the next repeat
            session.execute(update(CheckIn).where(
                CheckIn.annulled_at.is_(None),
                CheckIn.registration_id.in_(select(Registration.id).where(
                    Registration.event_id == event_id)))
                .values(annulled_at=world.clock.now(), annulled_by="bench"))
        return next(rounds)

    return run
