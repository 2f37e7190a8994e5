"""``clubhouse import KIND FILE`` and ``clubhouse export KIND FILE``: members first.

Each kind is a row of ``IMPORT_KINDS`` / ``EXPORT_KINDS`` (name, help, its own arguments, run),
so bookings, events… add an export by adding a row.  Both commands sign in (importing and
exporting members is the owner's).

``import members`` prints a summary, then every problem as one line ``row N: column: message``
(N as the spreadsheet numbers its rows, the column as its header says), then the warnings as
lines that never start with "row", then what was done.  It exits 1 when a row has a problem
and nothing was written; a dry run exits 1 when the real import would stop.  The "row N:"
prefix is the same in every language, so that scripts can read it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import Message, msg

if TYPE_CHECKING:
    from desktop.cli import Invocation
    from desktop.members.import_rows import RowNote
    from desktop.members.importer import ImportPreview

EXIT_OK = 0
# The values of import_rows.OnDuplicate, spelled here so that starting the command line does
# not load pypinyin (a quarter of a second) for commands that never import; a test checks both.
ON_DUPLICATE_CHOICES = ("skip", "update")
EXIT_REFUSED = 1


@dataclass(frozen=True)
class Kind:
    """One ``import`` or ``export`` subcommand."""

    name: str
    help: Callable[[], Message]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Invocation], int]


# ---------------------------------------------------------------- import members


def _import_members_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path,
                        help=msg("a CSV (UTF-8, UTF-8 with BOM, GBK) or XLSX file").render())
    parser.add_argument("--dry-run", action="store_true",
                        help=msg("check every row and say what would happen; write "
                                 "nothing").render())
    parser.add_argument("--skip-invalid", action="store_true",
                        help=msg("import the valid rows and leave out the rows with "
                                 "problems (otherwise nothing is written)").render())
    parser.add_argument("--on-duplicate", choices=list(ON_DUPLICATE_CHOICES),
                        default=ON_DUPLICATE_CHOICES[0],
                        help=msg("what to do with a row whose phone is an existing member's: "
                                 "skip it (default) or update the member").render())


def problem_line(row: int, note: RowNote, lang: str) -> str:
    heading = note.heading(lang)
    text = note.message.render(lang)
    return f"row {row}: {heading}: {text}" if heading else f"row {row}: {text}"


def warning_line(row: int, note: RowNote, lang: str) -> str:
    heading = note.heading(lang)
    prefix = msg("warning (row {row})", row=row).render(lang)
    text = note.message.render(lang)
    return f"{prefix}: {heading}: {text}" if heading else f"{prefix}: {text}"


def summary_lines(preview: ImportPreview, lang: str) -> list[str]:
    kind = "CSV" if preview.kind == "csv" else "XLSX"
    lines = [
        msg("{file}: {kind} ({detail}), header on row {rows}", file=preview.file, kind=kind,
            detail=preview.detail,
            rows=", ".join(str(row) for row in preview.header_rows)).render(lang),
        msg("Rows read: {n}", n=preview.read).render(lang),
        "  " + msg("to create: {n}", n=preview.to_create).render(lang),
        "  " + msg("to update: {n}", n=preview.to_update).render(lang),
        "  " + msg("skipped duplicates: {n}", n=preview.skipped_duplicates).render(lang),
        "  " + msg("invalid: {n}", n=preview.invalid).render(lang),
    ]
    if preview.ignored_columns:
        lines.append(msg("Ignored columns: {columns}",
                         columns=", ".join(preview.ignored_columns)).render(lang))
    return lines


def _run_import_members(inv: Invocation) -> int:
    from desktop.members.importer import apply_import, preview_import

    path = Path(inv.option("file")).expanduser()
    skip_invalid = bool(inv.option("skip_invalid"))
    on_duplicate = inv.option("on_duplicate") or ON_DUPLICATE_CHOICES[0]
    ctx = inv.sign_in(inv.open())
    if inv.option("dry_run"):
        preview = preview_import(ctx, path, on_duplicate=on_duplicate)
        written = False
    else:
        result = apply_import(ctx, path, skip_invalid=skip_invalid, on_duplicate=on_duplicate)
        preview = result.preview
        written = result.written
    for line in summary_lines(preview, inv.lang):
        inv.say(line)
    for row, note in preview.problems():
        inv.say(problem_line(row, note, inv.lang))
    for row, note in preview.warnings():
        inv.say(warning_line(row, note, inv.lang))
    stops = preview.has_problems and not skip_invalid
    if stops:
        inv.say(msg("Nothing was written: {n} row(s) have problems. Correct them, or import "
                    "with --skip-invalid to leave them out.", n=preview.invalid))
        return EXIT_REFUSED
    if not written:
        inv.say(msg("Dry run: nothing was written."))
        return EXIT_OK
    inv.say(msg("Imported: {created} created, {updated} updated, {duplicates} duplicates "
                "skipped, {invalid} invalid rows left out.", created=preview.to_create,
                updated=preview.to_update, duplicates=preview.skipped_duplicates,
                invalid=preview.invalid))
    return EXIT_OK


# ---------------------------------------------------------------- export members


def _export_members_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.csv|FILE.xlsx", type=Path,
                        help=msg("where to write: CSV (UTF-8 with BOM) or XLSX, by the "
                                 "name's ending").render())


def _run_export_members(inv: Invocation) -> int:
    from desktop.members.export import export_members

    path = Path(inv.option("file")).expanduser()
    ctx = inv.sign_in(inv.open())
    count = export_members(ctx, path, lang=inv.lang)
    inv.say(msg("{n} members written to {path}.", n=count, path=str(path)))
    return EXIT_OK


# ---------------------------------------------------------------- export bookings


def _file_and_days_arguments(parser: argparse.ArgumentParser, metavar: str, file_help: Message,
                             first_help: Message, last_help: Message) -> None:
    """FILE, --from and --to: an export of what happens on days (bookings, events)."""
    import datetime as dt

    parser.add_argument("file", metavar=metavar, type=Path, help=file_help.render())
    parser.add_argument("--from", dest="first_day", metavar="YYYY-MM-DD",
                        type=dt.date.fromisoformat, help=first_help.render())
    parser.add_argument("--to", dest="last_day", metavar="YYYY-MM-DD",
                        type=dt.date.fromisoformat, help=last_help.render())


def _export_bookings_arguments(parser: argparse.ArgumentParser) -> None:
    _file_and_days_arguments(
        parser, "FILE.ics|FILE.csv",
        msg("where to write: iCalendar or CSV (UTF-8 with BOM), by the name's ending"),
        msg("the first day (default: the earliest booking)"),
        msg("the last day (default: the latest booking)"))


def _run_export_bookings(inv: Invocation) -> int:
    from desktop.booking.export import export_bookings

    path = Path(inv.option("file")).expanduser()
    ctx = inv.sign_in(inv.open())
    count = export_bookings(ctx, path, inv.option("first_day"), inv.option("last_day"),
                            lang=inv.lang)
    inv.say(msg("{n} bookings written to {path}.", n=count, path=str(path)))
    return EXIT_OK


# ---------------------------------------------------------------- export events, attendance


def _export_events_arguments(parser: argparse.ArgumentParser) -> None:
    _file_and_days_arguments(
        parser, "FILE.csv|FILE.xlsx",
        msg("where to write: CSV (UTF-8 with BOM) or XLSX, by the name's ending"),
        msg("the first day (default: the earliest event)"),
        msg("the last day (default: the latest event)"))


def _run_export_events(inv: Invocation) -> int:
    from desktop.events.export import export_events

    path = Path(inv.option("file")).expanduser()
    ctx = inv.sign_in(inv.open())
    count = export_events(ctx, path, inv.option("first_day"), inv.option("last_day"),
                          lang=inv.lang)
    inv.say(msg("{n} event occurrences written to {path}.", n=count, path=str(path)))
    return EXIT_OK


def _export_attendance_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", metavar="ID", type=int, required=True,
                        help=msg("the event occurrence's id (the id column of "
                                 "`export events`)").render())
    _export_members_arguments(parser)


def _run_export_attendance(inv: Invocation) -> int:
    from desktop.errors import NotFound
    from desktop.events.export import export_attendance
    from desktop.events.service import get_event

    path = Path(inv.option("file")).expanduser()
    ctx = inv.sign_in(inv.open())
    event_id = inv.option("event")
    try:
        get_event(ctx, event_id)
    except NotFound:
        raise NotFound(msg("No event has the id {id}.", id=event_id), field="event") from None
    count = export_attendance(ctx, event_id, path, lang=inv.lang)
    inv.say(msg("{n} registrations written to {path}.", n=count, path=str(path)))
    return EXIT_OK


def _run_export_partners(inv: Invocation) -> int:
    from desktop.partners.export import export_partners

    path = Path(inv.option("file")).expanduser()
    ctx = inv.sign_in(inv.open())
    count = export_partners(ctx, path, lang=inv.lang)
    inv.say(msg("{n} partners written to {path}.", n=count, path=str(path)))
    return EXIT_OK


# ---------------------------------------------------------------- the tables

IMPORT_KINDS: list[Kind] = [
    Kind("members", lambda: msg("members from a spreadsheet (owner)"),
         _import_members_arguments, _run_import_members),
]
EXPORT_KINDS: list[Kind] = [
    Kind("members", lambda: msg("every member, archived included, as CSV or XLSX (owner)"),
         _export_members_arguments, _run_export_members),
    Kind("bookings", lambda: msg("bookings as iCalendar (.ics) or CSV, all or --from/--to"),
         _export_bookings_arguments, _run_export_bookings),
    Kind("events", lambda: msg("every event occurrence with its id, as CSV or XLSX, all or "
                               "--from/--to"),
         _export_events_arguments, _run_export_events),
    Kind("attendance", lambda: msg("one event's people (--event ID) as CSV or XLSX"),
         _export_attendance_arguments, _run_export_attendance),
    Kind("partners", lambda: msg("every partner with its benefit uses, as CSV or XLSX"),
         _export_members_arguments, _run_export_partners),
]


def _help(verb: Message, kinds: list[Kind]) -> Message:
    return msg("{verb}: {kinds}", verb=verb, kinds=", ".join(kind.name for kind in kinds))


def import_help() -> Message:
    return _help(msg("import from a file"), IMPORT_KINDS)


def export_help() -> Message:
    return _help(msg("export to a file"), EXPORT_KINDS)


def _add_kinds(parser: argparse.ArgumentParser, kinds: list[Kind], dest: str,
               title: Message) -> None:
    from desktop.cli import _global_options

    sub = parser.add_subparsers(dest=dest, metavar="KIND", required=True,
                                title=title.render())
    for kind in kinds:
        text = kind.help().render()
        kind_parser = sub.add_parser(kind.name, parents=[_global_options()], help=text,
                                     description=text)
        kind.add_arguments(kind_parser)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    _add_kinds(parser, IMPORT_KINDS, "import_kind", msg("what to import"))


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    _add_kinds(parser, EXPORT_KINDS, "export_kind", msg("what to export"))


def run_import(inv: Invocation) -> int:
    return {kind.name: kind.run for kind in IMPORT_KINDS}[inv.option("import_kind")](inv)


def run_export(inv: Invocation) -> int:
    return {kind.name: kind.run for kind in EXPORT_KINDS}[inv.option("export_kind")](inv)
