"""Exporting bookings: an iCalendar file for calendar apps, or a CSV for a spreadsheet.

The ICS is RFC 5545 written with the ``icalendar`` library: one VEVENT per booking (each
occurrence of a series too, so a moved or cancelled date is exactly what the desk sees),
times in the venue's time zone (TZID from the setting venue.time_zone, with its VTIMEZONE)
or floating local times when the setting names no known zone.  An occurrence shares its
series' UID and carries RECURRENCE-ID (the start the series' rule gave it), so a calendar
app groups the dates of the weekly tea club as one recurring event with its exceptions.
Cancelled bookings are kept with STATUS:CANCELLED, so a calendar that imported an earlier
export drops them.  The CSV is UTF-8 with a BOM (Excel opens it with Chinese intact), one
row per booking.  Both are recorded in the audit log (counts only).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import zoneinfo
from collections.abc import Callable, Sequence
from pathlib import Path

import icalendar
from sqlalchemy import select

from desktop.audit.recorder import record
from desktop.booking.rules import status_label
from desktop.booking.service import who_of
from desktop.errors import DomainError
from desktop.i18n import current_language, msg
from desktop.models.booking import Booking, Space
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.store import get_setting

PRODID = "-//Clubhouse//Bookings//EN"
CSV_HEADERS = (
    msg("Booking"), msg("Space"), msg("Date"), msg("Start time"), msg("End time"),
    msg("Member no."), msg("Member"), msg("Guest"), msg("Party size"), msg("Purpose"),
    msg("Status"), msg("Cancel reason"), msg("Series"),
)

Row = tuple[Booking, str, Member | None]


def _rows(tx: Tx, first_day: dt.date | None, last_day: dt.date | None) -> list[Row]:
    stmt = (select(Booking, Space.name, Member)
            .join(Space, Space.id == Booking.space_id)
            .outerjoin(Member, Member.id == Booking.member_id)
            .order_by(Booking.starts, Space.sort_order, Booking.id))
    if first_day is not None:
        stmt = stmt.where(Booking.starts >= dt.datetime.combine(first_day, dt.time()))
    if last_day is not None:
        stmt = stmt.where(
            Booking.starts < dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time()))
    return [(b, name, m) for b, name, m in tx.session.execute(stmt)]


def _zone(tx: Tx) -> zoneinfo.ZoneInfo | None:
    try:
        name = str(get_setting(tx, "venue.time_zone") or "")
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _local(moment: dt.datetime, zone: zoneinfo.ZoneInfo | None) -> dt.datetime:
    return moment.replace(tzinfo=zone) if zone is not None else moment


def _calendar(tx: Tx, rows: Sequence[Row]) -> icalendar.Calendar:
    zone = _zone(tx)
    venue = str(get_setting(tx, "venue.name") or "")
    now = tx.clock.now()
    stamp = (now.replace(tzinfo=zone) if zone is not None else now.astimezone()).astimezone(
        dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{venue} bookings" if venue else "Bookings")
    for booking, space_name, member in rows:
        event = icalendar.Event()
        if booking.series_id is not None and booking.occurrence_start is not None:
            event.add("uid", f"series-{booking.series_id}@clubhouse")
            event.add("recurrence-id", _local(booking.occurrence_start, zone))
        else:
            event.add("uid", f"booking-{booking.id}@clubhouse")
        event.add("dtstamp", stamp)
        event.add("dtstart", _local(booking.starts, zone))
        event.add("dtend", _local(booking.ends, zone))
        who = who_of(member.name if member else None, booking.guest_name)
        event.add("summary", f"{space_name} · {who}")
        if venue:
            event.add("location", venue)
        lines = [f"{space_name}: {who}, {booking.party_size}"]
        if member is not None:
            lines.append(member.number)
        if booking.purpose:
            lines.append(booking.purpose)
        if booking.cancel_reason:
            lines.append(booking.cancel_reason)
        event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if booking.status == "cancelled" else "CONFIRMED")
        calendar.add_component(event)
    if zone is not None:
        calendar.add_missing_timezones()
    return calendar


def _csv_rows(rows: Sequence[Row], lang: str) -> list[list[str]]:
    return [[
        str(booking.id), space_name, f"{booking.starts:%Y-%m-%d}", f"{booking.starts:%H:%M}",
        f"{booking.ends:%H:%M}", member.number if member else "",
        member.name if member else "", booking.guest_name or "", str(booking.party_size),
        booking.purpose or "", status_label(booking.status).render(lang),
        booking.cancel_reason or "", str(booking.series_id or ""),
    ] for booking, space_name, member in rows]


def _write(target: Path, write: Callable[[Path], object]) -> None:
    """Write through a temporary file, so a failed export leaves no half file behind."""
    if not target.parent.is_dir():
        raise DomainError(msg("The folder {folder} does not exist.", folder=str(target.parent)),
                          field="file")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        write(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise DomainError(msg("Cannot write {path}: {reason}", path=str(target),
                              reason=error.strerror or str(error)), field="file") from None
    finally:
        if temporary.exists():
            temporary.unlink()


@service(Permission.PRINT)
def export_bookings(tx: Tx, path: Path | str, first_day: dt.date | None = None,
                    last_day: dt.date | None = None, *, lang: str | None = None) -> int:
    """Write the bookings starting on first_day..last_day (every booking when no range is
    given, cancelled ones included) to ``path``: .ics or .csv by its name.  Returns how many
    bookings were written."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".ics", ".csv"):
        raise DomainError(msg("Export bookings to a file whose name ends in .ics or .csv."),
                          field="file")
    if first_day is not None and last_day is not None and last_day < first_day:
        raise DomainError(msg("The last day must not be before the first."), field="last_day")
    rows = _rows(tx, first_day, last_day)
    if suffix == ".ics":
        data = _calendar(tx, rows).to_ical()
        _write(target, lambda p: p.write_bytes(data))
    else:
        language = lang or current_language()
        headers = [h.render(language) for h in CSV_HEADERS]
        table = _csv_rows(rows, language)

        def write_csv(p: Path) -> None:
            with p.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(headers)
                writer.writerows(table)

        _write(target, write_csv)
    record(tx.session, "export", "booking", None, note=target.name, rows=len(rows))
    return len(rows)
