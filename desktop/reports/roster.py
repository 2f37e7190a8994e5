"""The event roster: who is expected at the door, and afterwards who came and when.

One A4 portrait printout per event occurrence.  Above the table: the event's title, kind,
space, time and host, and the counts.  The table lists the people holding a place in name
order (pinyin order for Chinese names: list_registrations sorts so) with the member number,
companions (+N), paid (when the event has a fee), a tick box, the check-in time and a column
to sign; its header repeats on every page.  The waitlist follows, in the order it will be
promoted.  An optional last page of blank rows takes the walk-ins by hand.

The same printout serves before and after the event: once people are checked in (or the event
has begun) the tick column shows who came, the time column when, and the counts say "came N
of M".  Rows are tall enough to sign in; the table is base.data_table's (fast, header
repeated), with taller rows and centred text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.events.registrations import RegistrationView, list_registrations
from desktop.events.service import EventView, get_event, kind_label
from desktop.i18n import Message, msg
from desktop.permissions import Permission
from desktop.reports.base import (
    FONT,
    BoldText,
    Column,
    DataTable,
    PrintInfo,
    build_pdf,
    data_table,
    frame_width,
    heading,
    paragraph,
    print_info,
)
from desktop.reports.schedule import WEEKDAYS
from desktop.services import Tx, service

ROW_HEIGHT = 22.0  # points (7.8 mm): room to sign
BOX = "□"  # the tick box (the embedded font has it; U+2610 it has not)
TICK = "✔"
WALK_IN_ROWS = 24
SIZE = 9.0
BOX_SIZE = 14.0


def when_label(info: PrintInfo, starts: dt.datetime, ends: dt.datetime) -> str:
    """"2026-11-26 Thursday 14:00–16:00" (the end's date too when it is another day)."""
    day = info.t(WEEKDAYS[starts.weekday()])
    end = f"{ends:%H:%M}" if ends.date() == starts.date() else f"{ends:%Y-%m-%d %H:%M}"
    return f"{starts:%Y-%m-%d} {day} {starts:%H:%M}–{end}"


def person_label(info: PrintInfo, row: RegistrationView) -> str:
    """A member's name; a guest's name and who brings them; "walk-in" for who registered at
    the door."""
    name = row.member_name or "—"
    if row.guest_name:
        name = row.guest_name
        if row.host_name:
            name += " · " + info.t(msg("guest of {host}", host=row.host_name))
    if row.walk_in:
        name += " · " + info.t(msg("walk-in"))
    return name


def _has_begun(tx: Tx, event: EventView) -> bool:
    """After the event (or during it): the roster shows who came."""
    return event.checked_in > 0 or tx.clock.now() >= event.starts


def _details(info: PrintInfo, event: EventView, after: bool) -> list[Flowable]:
    """The event's title and facts above the table."""
    separator = " · "
    facts = [info.t(kind_label(event.kind)), event.space_name,
             when_label(info, event.starts, event.ends)]
    lines = [separator.join(facts)]
    second: list[str] = []
    if event.host_name:
        second.append(info.t(msg("Host: {name}", name=event.host_name)))
    if event.has_fee:
        second.append(info.t(msg("Fee: {amount}", amount=f"{event.fee:,.2f}")))
    second.append(info.t(msg("Capacity: {n}", n=event.capacity)))
    lines.append(separator.join(second))
    counts = [info.t(msg("Registered: {n} people", n=event.registered))]
    if event.waitlisted:
        counts.append(info.t(msg("Waitlisted: {n} people", n=event.waitlisted)))
    lines.append(separator.join(counts))
    story: list[Flowable] = [BoldText(event.title, 15, space_after=4)]
    story.extend(paragraph(line, size=9.5, color="#3a4048") for line in lines)
    if event.status == "cancelled":
        story.append(BoldText(info.t(msg("This event is cancelled.")), 11, space_before=4,
                              color="#b42318"))
    if after:
        story.append(BoldText(info.t(msg("Came: {came} of {expected}", came=event.checked_in,
                                         expected=event.registered)), 12, space_before=5))
    story.append(Spacer(1, 6))
    return story


def _tall(table: Flowable, centred: set[int], boxes: set[int] | None = None,
          size: float = SIZE) -> DataTable:
    """``data_table``'s table with rows tall enough to sign in and the text centred in them
    (its fast text path draws from the top padding, so the padding does the centring); the
    ``boxes`` columns hold tick boxes, drawn larger."""
    assert isinstance(table, DataTable)
    pad = max((ROW_HEIGHT - size) / 2 - 1.0, 1.6)
    heights = [table.heights[0]] + [max(h - 1.6 + pad, ROW_HEIGHT) for h in table.heights[1:]]
    commands: list[tuple[Any, ...]] = [
        *table.commands,
        ("TOPPADDING", (0, 1), (-1, -1), pad),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, "#d3d8dd"),
    ]
    for index in centred:
        commands.append(("ALIGN", (index, 0), (index, -1), "CENTRE"))
    for index in boxes or ():
        commands.append(("FONT", (index, 1), (index, -1), FONT, BOX_SIZE, BOX_SIZE))
        commands.append(("TOPPADDING", (index, 1), (index, -1),
                         max((ROW_HEIGHT - BOX_SIZE) / 2 - 0.5, 1.0)))
    return DataTable(table.rows, heights, table.widths, commands)


def _box_column(info: PrintInfo, label: Message, share: float) -> Column:
    return Column(info.t(label), share, "CENTRE")


def _registered_table(info: PrintInfo, event: EventView,
                      rows: list[RegistrationView]) -> Flowable:
    columns = [Column("#", 6, "RIGHT"), Column(info.t(msg("Name")), 46),
               Column(info.t(msg("Member no.")), 19), _box_column(info, msg("+N"), 9)]
    if event.has_fee:
        columns.append(_box_column(info, msg("Paid"), 10))
    columns += [_box_column(info, msg("Came"), 10), _box_column(info, msg("Time"), 13),
                Column(info.t(msg("Signature")), 42)]
    cells: list[list[str]] = []
    for number, row in enumerate(rows, start=1):
        line = [str(number), person_label(info, row), row.member_number or "",
                f"+{row.companions}" if row.companions else ""]
        if event.has_fee:
            line.append(TICK if row.paid else BOX)
        came = row.checked_in_at is not None
        line += [TICK if came else BOX,
                 f"{row.checked_in_at:%H:%M}" if row.checked_in_at is not None else "", ""]
        cells.append(line)
    table = data_table(columns, cells, frame_width(), size=SIZE)
    centred = {i for i, c in enumerate(columns) if c.align == "CENTRE"}
    boxes = {len(columns) - 3} | ({4} if event.has_fee else set())
    return _tall(table, centred, boxes)


def _waitlist_table(info: PrintInfo, rows: list[RegistrationView]) -> Flowable:
    columns = [Column("#", 6, "RIGHT"), Column(info.t(msg("Name")), 56),
               Column(info.t(msg("Member no.")), 19), _box_column(info, msg("+N"), 9),
               Column(info.t(msg("Phone")), 30), Column(info.t(msg("Waiting since")), 35)]
    cells = [[str(n), person_label(info, row), row.member_number or "",
              f"+{row.companions}" if row.companions else "",
              row.member_phone or row.guest_phone, f"{row.created_at:%Y-%m-%d %H:%M}"]
             for n, row in enumerate(rows, start=1)]
    table = data_table(columns, cells, frame_width(), size=SIZE)
    return _tall(table, {3})


def _walk_in_table(info: PrintInfo, event: EventView) -> Flowable:
    columns = [Column("#", 6, "RIGHT"), Column(info.t(msg("Name")), 44),
               Column(info.t(msg("Member no. or phone")), 30), _box_column(info, msg("+N"), 9)]
    if event.has_fee:
        columns.append(_box_column(info, msg("Paid"), 10))
    columns += [_box_column(info, msg("Time"), 13), Column(info.t(msg("Signature")), 43)]
    cells = [[str(n)] + [""] * (len(columns) - 1) for n in range(1, WALK_IN_ROWS + 1)]
    if event.has_fee:
        paid = 4
        for line in cells:
            line[paid] = BOX
    table = data_table(columns, cells, frame_width(), size=SIZE)
    result = _tall(table, {i for i, c in enumerate(columns) if c.align == "CENTRE"},
                   {4} if event.has_fee else set())
    result.heights[1:] = [ROW_HEIGHT * 1.15] * WALK_IN_ROWS
    return DataTable(result.rows, result.heights, result.widths, result.commands)


@service(Permission.PRINT, write=False)
def print_roster(tx: Tx, event_id: int, path: Path | str, lang: str | None = None,
                 walk_in_page: bool = False) -> int:
    """Write the roster of one event occurrence to ``path``; returns the number of pages.

    Raises NotFound for an unknown event (the command line says so on one line)."""
    event = get_event(tx, event_id)
    people = list_registrations(tx, event_id)
    info = print_info(tx, msg("Roster: {title}", title=event.title), lang)
    after = _has_begun(tx, event)
    registered = [r for r in people if r.status == "registered"]
    waiting = [r for r in people if r.status == "waitlisted"]
    story = _details(info, event, after)
    if registered:
        story.append(_registered_table(info, event, registered))
        story.append(Spacer(1, 3))
        story.append(paragraph(info.t(msg("{n} registrations, {people} people with "
                                          "companions.", n=len(registered),
                                          people=sum(r.people for r in registered))),
                               size=8.5, color="#5b6470"))
    else:
        story.append(paragraph(info.t(msg("Nobody is registered yet.")), size=11,
                               color="#5b6470"))
    if waiting:
        story.append(heading(info.t(msg("Waitlist ({n})", n=len(waiting)))))
        story.append(_waitlist_table(info, waiting))
    if walk_in_page:
        story.append(PageBreak())
        story.append(BoldText(info.t(msg("Walk-ins: {title}", title=event.title)), 13))
        story.append(paragraph(when_label(info, event.starts, event.ends), size=9.5,
                               color="#3a4048"))
        story.append(Spacer(1, 6))
        story.append(_walk_in_table(info, event))
    return build_pdf(path, info, story)
