"""Event benchmarks (issue 5): the roster PDF of an event with 1,000 attendees.

Two rows: the roster as ``clubhouse print roster`` writes it (reading the event and its
registrations through the services, in pinyin order, laying out the table whose header
repeats on every page, embedding the font subset), and beside it a bare ReportLab table of
the same rows in the same font on A4 (``SimpleDocTemplate`` + ``Table(repeatRows=1)``), the
floor any roster stands on; the runner prints the ratio of the two (``compare_to``).

The event is made through the event service in a space of its own; its 1,000 registrations
(on 1,000 of the 50,000 generated members, 60 % of them checked in, so the roster shows who
came and when) are inserted directly, because making them one by one through the service is
not what is measured.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from sqlalchemy import insert, select

from bench.framework import Operation, World, benchmark, fill
from desktop.booking.rules import OpeningRange
from desktop.booking.spaces import SpaceInput, create_space
from desktop.clock import FixedClock
from desktop.events.registrations import list_registrations
from desktop.events.service import EventInput, create_event, list_events
from desktop.models import Member
from desktop.models.event import CheckIn, Registration
from desktop.reports.base import FONT, register_fonts
from desktop.reports.roster import print_roster

ATTENDEES = 1_000
TITLE = "Bench: annual members' evening"
STARTS = dt.datetime(2026, 11, 25, 18, 0)  # the evening before the world's clock


def _event_id(world: World) -> int:
    [event] = [e for e in list_events(world.ctx("desk"), STARTS.date(), STARTS.date())
               if e.title == TITLE]
    return event.id


@fill(order=50)
def event_with_1000_registrations(world: World) -> None:
    owner = world.ctx("owner")
    hours = [OpeningRange(day, dt.time(6), dt.time(23)) for day in range(7)]
    space = create_space(owner, SpaceInput("Bench hall", "meeting_room", 1500, True,
                                           min_minutes=30, max_minutes=600, advance_days=800,
                                           hours=hours))
    before = replace(owner, clock=FixedClock(STARTS - dt.timedelta(days=20)))
    [event] = create_event(before, EventInput(TITLE, "networking", space.id, STARTS,
                                              STARTS + dt.timedelta(hours=3), 1500, fee="50"))
    with world.database.transaction() as session:
        everyone = list(session.scalars(select(Member.id).order_by(Member.id)))
        members = everyone[::max(1, len(everyone) // ATTENDEES)][:ATTENDEES]
        opened = STARTS - dt.timedelta(days=14)
        rows = [{
            "event_id": event.id, "member_id": member_id, "companions": 1 if n % 4 == 0 else 0,
            "status": "registered", "paid": n % 3 != 0, "walk_in": False,
            "created_by": "bench", "created_at": opened + dt.timedelta(minutes=n),
        } for n, member_id in enumerate(members)]
        session.execute(insert(Registration), rows)
        ids = list(session.scalars(select(Registration.id)
                                   .where(Registration.event_id == event.id)))
        session.execute(insert(CheckIn), [{
            "registration_id": rid, "at": STARTS + dt.timedelta(seconds=7 * n),
            "by": "desk"} for n, rid in enumerate(ids) if n % 5 < 3])
    world.counts["event registrations"] = len(members)


@benchmark("print roster: 1,000 attendees to PDF", target_ms=1000, repeats=5,
           compare_to="print roster: bare ReportLab table, same rows")
def roster_1000(world: World) -> Operation:
    register_fonts()
    event_id = _event_id(world)
    path = world.folder / "roster-1000.pdf"
    desk = world.ctx("desk")
    return lambda: print_roster(desk, event_id, path, lang="zh_CN")


@benchmark("print roster: bare ReportLab table, same rows", target_ms=1000, repeats=5)
def bare_table_1000(world: World) -> Operation:
    """The floor: the same rows as plain strings in one ReportLab Table, header repeated."""
    register_fonts()
    people = list_registrations(world.ctx("desk"), _event_id(world))
    data = [["#", "姓名", "会员号", "同行", "已付", "到场", "时间", "签名"]]
    data += [[str(n), p.member_name or "", p.member_number or "",
              f"+{p.companions}" if p.companions else "", "✔" if p.paid else "□",
              "✔" if p.checked_in_at else "□",
              f"{p.checked_in_at:%H:%M}" if p.checked_in_at else "", ""]
             for n, p in enumerate(people, start=1)]
    widths = [w * mm for w in (7, 54, 22, 11, 12, 12, 15, 49)]
    style = TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#d3d8dd")])
    path = world.folder / "bare-1000.pdf"

    def build() -> None:
        table = Table(data, colWidths=widths, rowHeights=22, repeatRows=1)
        table.setStyle(style)
        SimpleDocTemplate(str(path), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm,
                          topMargin=26 * mm, bottomMargin=14 * mm).build([table])

    return build
