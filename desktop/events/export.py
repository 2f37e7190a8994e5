"""Exporting events as CSV (UTF-8 with a BOM, for Excel) or XLSX: the occurrences, and one
event's people.

``export_events`` writes one row per occurrence (each date of the weekly reading club is its
own row with its own id), and the first column is ``id`` in every language: the value that
``clubhouse print roster --event ID`` and ``export attendance --event ID`` take, so a script
can go from the list to a roster.  ``export_attendance`` writes one event's people: the
registered in name order, then the waitlist, with who brings a guest, companions, status, paid
and when they were checked in.  Both are recorded in the audit log (counts only), as the
members and bookings exports are.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from desktop.audit.recorder import record
from desktop.errors import DomainError
from desktop.events.registrations import list_registrations, status_label
from desktop.events.service import get_event, kind_label, list_events
from desktop.i18n import Message, current_language, msg
from desktop.permissions import Permission
from desktop.services import Tx, service

Cell = str | int | Decimal | dt.datetime | dt.date | None

EVENT_HEADERS: tuple[Message | str, ...] = (
    "id", msg("Date"), msg("Start time"), msg("End time"), msg("Title"), msg("Kind"),
    msg("Space"), msg("Host"), msg("Capacity"), msg("Registered"), msg("Waitlisted"),
    msg("Checked in"), msg("Fee"), msg("Status"), msg("Series"),
)
ATTENDANCE_HEADERS: tuple[Message | str, ...] = (
    msg("Name"), msg("Member no."), msg("Phone"), msg("Guest of"), msg("Companions"),
    msg("Status"), msg("Paid"), msg("Checked in at"), msg("Walk-in"), msg("Registered at"),
)
_YES_NO = {"en": ("yes", "no"), "zh_CN": ("是", "否")}


def event_status_label(status: str) -> Message:
    return msg("cancelled") if status == "cancelled" else msg("scheduled")


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError(msg("Export to a file whose name ends in .csv or .xlsx."),
                          field="file")
    return suffix


def _headers(headers: Sequence[Message | str], lang: str) -> list[str]:
    return [h if isinstance(h, str) else h.render(lang) for h in headers]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, headers: list[str], rows: list[list[Cell]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([_text(value) for value in row] for row in rows)


def _write_xlsx(path: Path, sheet_name: str, headers: list[str],
                rows: list[list[Cell]]) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    for index, title in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(
            30, 2 + max([len(title)] + [len(_text(row[index - 1])) for row in rows[:200]])))
    bold = Font(bold=True)
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=None if value == "" else value)
            if isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, Decimal):
                cell.number_format = "0.00"
            elif isinstance(value, str) and value:
                cell.data_type = "s"  # text stays text: "=..." in a title is not a formula
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)


def _write(target: Path, sheet_name: str, headers: list[str], rows: list[list[Cell]]) -> None:
    """Write through a temporary file, so a failed export leaves no half file behind."""
    if not target.parent.is_dir():
        raise DomainError(msg("The folder {folder} does not exist.", folder=str(target.parent)),
                          field="file")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        if target.suffix.lower() == ".csv":
            _write_csv(temporary, headers, rows)
        else:
            _write_xlsx(temporary, sheet_name, headers, rows)
        os.replace(temporary, target)
    except OSError as error:
        raise DomainError(msg("Cannot write {path}: {reason}", path=str(target),
                              reason=error.strerror or str(error)), field="file") from None
    finally:
        if temporary.exists():
            temporary.unlink()


@service(Permission.RUN_EVENTS)
def export_events(tx: Tx, path: Path | str, first_day: dt.date | None = None,
                  last_day: dt.date | None = None, *, lang: str | None = None) -> int:
    """Write every event occurrence starting on first_day..last_day (all when no range is
    given, cancelled ones included) to ``path``: .csv or .xlsx by its name.  Returns how many
    occurrences were written."""
    target = Path(path)
    _suffix(target)
    if first_day is not None and last_day is not None and last_day < first_day:
        raise DomainError(msg("The last day must not be before the first."), field="last_day")
    language = lang or current_language()
    events = list_events(tx, first_day, last_day, limit=10_000_000)
    rows: list[list[Cell]] = [[
        event.id, event.starts.date(), f"{event.starts:%H:%M}", f"{event.ends:%H:%M}",
        event.title, kind_label(event.kind).render(language), event.space_name,
        event.host_name or "", event.capacity, event.registered, event.waitlisted,
        event.checked_in, event.fee, event_status_label(event.status).render(language),
        event.series_id if event.series_id is not None else "",
    ] for event in events]
    _write(target, "Events", _headers(EVENT_HEADERS, language), rows)
    record(tx.session, "export", "event", None, note=target.name, rows=len(rows))
    return len(rows)


@service(Permission.RUN_EVENTS)
def export_attendance(tx: Tx, event_id: int, path: Path | str, *,
                      lang: str | None = None) -> int:
    """Write one event's people (registered by name, then the waitlist; cancelled ones too,
    last) to ``path``: .csv or .xlsx by its name.  Returns how many registrations."""
    target = Path(path)
    _suffix(target)
    get_event(tx, event_id)  # NotFound for an unknown event, before any file is made
    language = lang or current_language()
    yes, no = _YES_NO.get(language, _YES_NO["en"])
    people = list_registrations(tx, event_id, include_cancelled=True)
    rows: list[list[Cell]] = [[
        person.guest_name or person.member_name or "", person.member_number or "",
        person.member_phone or person.guest_phone,
        (person.host_name or "") if person.guest_name else "", person.companions,
        status_label(person.status).render(language), yes if person.paid else no,
        person.checked_in_at, yes if person.walk_in else no, person.created_at,
    ] for person in people]
    _write(target, "Attendance", _headers(ATTENDANCE_HEADERS, language), rows)
    record(tx.session, "export", "registration", str(event_id), note=target.name,
           rows=len(rows))
    return len(rows)
