"""Exporting the members directory as CSV (UTF-8 with a BOM, for Excel) or XLSX.

The columns are the import's (desktop.members.import_columns), so an exported file imports
back unchanged: member number, the person's fields, tags, the plan and end date of the latest
membership, the join date, the referrer's member number, the status (for reading; the import
derives it again), archived, and a suspension.  Archived members are included with
archived = yes; erased members are not (they are no longer a person, only a count).  The
membership history beyond the latest period is not a directory column: an import makes one
period from the join date to the end date.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.audit.recorder import record
from desktop.errors import DomainError
from desktop.i18n import current_language, msg
from desktop.members.import_columns import BY_KEY, TAG_JOINER
from desktop.members.keys import DEFAULT_REGION, display_phone
from desktop.members.service import _row, status_rules
from desktop.models.members import Member, MembershipPeriod
from desktop.permissions import Permission
from desktop.services import Tx, service

EXPORT_COLUMNS = (
    "number", "name", "phone", "email", "wechat", "company", "title", "city", "tags", "plan",
    "joined", "expires", "referred_by", "notes", "status", "archived", "suspended_from",
    "suspended_until", "suspension_reason",
)
DATE_COLUMNS = frozenset({"joined", "expires", "suspended_from", "suspended_until"})
_YES_NO = {"en": ("yes", "no"), "zh_CN": ("是", "否")}

Cell = str | dt.date | None


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS)
def export_members(tx: Tx, path: Path | str, *, lang: str | None = None) -> int:
    """Write every member (archived included, erased not) to ``path``; .csv or .xlsx by its
    name.  Headers and the status in ``lang`` (the current language by default).  Returns
    how many members were written; the export is recorded in the audit log (counts only)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError(msg("Export to a file whose name ends in .csv or .xlsx."),
                          field="file")
    language = lang or current_language()
    headers = [BY_KEY[key].zh if language == "zh_CN" else BY_KEY[key].en
               for key in EXPORT_COLUMNS]
    rows = _rows(tx, language)
    try:
        count = _write_csv(target, headers, rows) if suffix == ".csv" else _write_xlsx(
            target, headers, rows)
    except OSError as error:
        raise DomainError(msg("Cannot write {path}: {reason}", path=str(target),
                              reason=error.strerror or str(error)), field="file") from None
    record(tx.session, "export", "member", None, note=target.name, rows=count)
    return count


def _rows(tx: Tx, language: str) -> Iterator[list[Cell]]:
    today = tx.clock.now().date()
    rules = status_rules(tx)
    numbers: dict[int, str] = {
        member_id: number
        for member_id, number in tx.session.execute(select(Member.id, Member.number))}
    yes, no = _YES_NO.get(language, _YES_NO["en"])
    stmt = (
        select(Member)
        .where(Member.erased_at.is_(None))
        .order_by(Member.number)
        .options(selectinload(Member.periods).joinedload(MembershipPeriod.plan),
                 selectinload(Member.tags))
        .execution_options(yield_per=1000)
    )
    for member in tx.session.scalars(stmt):
        row = _row(member, today, rules)
        values: dict[str, Cell] = {
            "number": member.number,
            "name": member.name,
            "phone": _phone(member.phone),
            "email": member.email,
            "wechat": member.wechat,
            "company": member.company,
            "title": member.title,
            "city": member.city,
            "tags": TAG_JOINER.join(tag.name for tag in member.tags),
            "plan": row.plan,
            "joined": member.joined_on,
            "expires": row.ends_on,
            "referred_by": numbers.get(member.referred_by_id) if member.referred_by_id else None,
            "notes": member.notes,
            "status": row.status.label.render(language),
            "archived": yes if member.archived else no,
            "suspended_from": member.suspended_from,
            "suspended_until": member.suspended_until,
            "suspension_reason": member.suspension_reason,
        }
        yield [values[key] for key in EXPORT_COLUMNS]


def _phone(e164: str | None) -> str:
    """A mainland number as people write it (138 0013 8000); another country's as dialled
    from China (00 1 202-555-0123): Excel takes a leading + for a formula."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, None)
    if number.country_code == 86:
        return display_phone(e164)
    return phonenumbers.format_out_of_country_calling_number(number, DEFAULT_REGION)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _write_csv(path: Path, headers: list[str], rows: Iterator[list[Cell]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_text(value) for value in row])
            count += 1
    return count


def _write_xlsx(path: Path, headers: list[str], rows: Iterator[list[Cell]]) -> int:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Members")
    sheet.freeze_panes = "A2"
    for index, key in enumerate(EXPORT_COLUMNS, start=1):
        width = 12 if key in DATE_COLUMNS else 30 if key in ("notes", "tags", "email") else 16
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in rows:
        cells = []
        for key, value in zip(EXPORT_COLUMNS, row, strict=True):
            cell = WriteOnlyCell(sheet, value=value if value != "" else None)
            if key in DATE_COLUMNS and value is not None:
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str) and value:
                cell.data_type = "s"  # text stays text: "=..." in a note is not a formula
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count
