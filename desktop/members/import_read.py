"""Reading a spreadsheet someone made: CSV in whatever encoding Excel chose, or XLSX.

The file's content decides how it is read, not its name: a ZIP is an XLSX (Excel saves those),
anything else must be text.  Text is tried as UTF-8 (with or without a BOM) strictly, then as
GB18030 (which contains GBK), then as whatever charset-normalizer guesses; a file that is none
of these, or that holds control characters no spreadsheet has (a picture, a PDF, random
bytes), is refused with a message that says so rather than imported as garbage.

The header row is found, not assumed: a sheet often starts with a title row ("2025 年会员名单")
and sometimes has a two-row header (合并单元格 "联系方式" over 手机 and 邮箱).  The row among the
first ten with the most recognised column names wins; a row right above or below it adds the
names of columns it left out.  Row numbers are the ones the spreadsheet shows.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.members.import_columns import recognise

HEADER_SCAN_ROWS = 10
DELIMITERS = (",", "\t", ";")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x7fELF", "program"),
    (b"MZ", "program"),
)
_KIND_LABELS: dict[str, Message] = {
    "PNG image": msg("a PNG image"),
    "JPEG image": msg("a JPEG image"),
    "GIF image": msg("a GIF image"),
    "PDF document": msg("a PDF document"),
    "SQLite database": msg("a database file"),
    "program": msg("a program"),
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class SheetRow:
    number: int  # as the spreadsheet numbers it (1-based; CSV: the record's position)
    cells: tuple[object, ...]


@dataclass(frozen=True)
class Sheet:
    kind: str  # "csv" or "xlsx"
    detail: str  # the encoding of a CSV, the worksheet's name of an XLSX
    rows: list[SheetRow]


@dataclass(frozen=True)
class Header:
    """Where the header is and which column holds which field."""

    rows: tuple[int, ...]  # the spreadsheet rows that make the header
    keys: dict[int, str]  # column position -> field key
    titles: dict[int, str]  # column position -> the header text as the file has it
    data_start: int  # index into Sheet.rows of the first data row
    ignored: tuple[str, ...]  # header texts of columns the import does not use


def refuse(path: Path, reason: Message) -> DomainError:
    return DomainError(msg("{file} cannot be imported: {reason}", file=path.name, reason=reason),
                       field="file")


# ---------------------------------------------------------------- reading


def read_sheet(path: Path) -> Sheet:
    """The rows of the file at ``path``, CSV or XLSX by content."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DomainError(msg("There is no file at {path}.", path=str(path)),
                          field="file") from None
    except IsADirectoryError:
        raise refuse(path, msg("it is a folder, not a file.")) from None
    except OSError as error:
        reason = msg("it cannot be read ({error}).", error=error.strerror or "")
        raise refuse(path, reason) from None
    if not data.strip():
        raise refuse(path, msg("the file is empty."))
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(path)
    if data.startswith(OLE_MAGIC):
        raise refuse(path, msg("it is an old Excel (.xls) file; save it as .xlsx or CSV in "
                               "Excel and import that."))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise refuse(path, msg("it is {kind}, not a spreadsheet (CSV or XLSX).",
                                   kind=_KIND_LABELS[kind]))
    text, encoding = _decode(path, data)
    return _read_csv(text, encoding)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" is UTF-16 with a BOM, separated by tabs.
        candidates: list[str] = ["utf-16"]
    else:
        if b"\x00" in data:
            raise refuse(path, msg("it is not a text file (CSV) nor an XLSX workbook."))
        candidates = ["utf-8-sig", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "utf-8" if encoding == "utf-8-sig" else encoding
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        text = str(guess)
        if _looks_like_text(text):
            return text, guess.encoding
    raise refuse(path, msg("it is not a text file (CSV) nor an XLSX workbook."))


def _looks_like_text(text: str) -> bool:
    """No spreadsheet text holds control characters other than tab and line breaks."""
    if not text.strip():
        return False
    sample = text[:200_000]
    controls = sum(
        1 for ch in sample
        if ch not in "\t\r\n" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
    )
    return controls <= len(sample) // 1000


def _read_csv(text: str, encoding: str) -> Sheet:
    text = text.lstrip("\ufeff")
    delimiter = _choose_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [SheetRow(number, tuple(cells)) for number, cells in enumerate(reader, start=1)]
    return Sheet("csv", encoding, rows)


def _choose_delimiter(text: str) -> str:
    """The separator under which the header row recognises the most columns (comma on a tie):
    Excel writes commas, or semicolons and tabs in some locales and for "Unicode text"."""
    head = text[:65_536]
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
        rows = [tuple(cells) for cells in itertools.islice(reader, HEADER_SCAN_ROWS + 2)]
        score = max((_score(cells)[1] for cells in rows), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_xlsx(path: Path) -> Sheet:
    # Imported here: openpyxl costs a third of a second to import, and most runs never need it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise refuse(path, msg("it is a ZIP file but not an Excel workbook (XLSX).")) from None
    try:
        best: Sheet | None = None
        best_score = (-1, -1)
        for worksheet in workbook.worksheets:
            if not hasattr(worksheet, "iter_rows"):
                continue  # a chart sheet
            worksheet.reset_dimensions()  # some writers leave a wrong size in the file
            rows = [
                SheetRow(number, tuple(cells))
                for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1)
            ]
            score = max((_score(row.cells) for row in rows[:HEADER_SCAN_ROWS]), default=(0, 0))
            if score > best_score:
                best, best_score = Sheet("xlsx", str(worksheet.title), rows), score
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise refuse(path, msg("the workbook is damaged.")) from None
    finally:
        workbook.close()
    if best is None:
        raise refuse(path, msg("the workbook has no worksheet."))
    return best


# ---------------------------------------------------------------- the header


def is_blank(cells: Sequence[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _score(cells: Sequence[object]) -> tuple[int, int]:
    """(has a name column, how many different columns) a row would recognise as a header."""
    keys = {key for key in (recognise(cell) for cell in cells) if key is not None}
    return (1 if "name" in keys else 0, len(keys))


def _recognised(cells: Sequence[object]) -> dict[int, str]:
    found: dict[int, str] = {}
    for position, cell in enumerate(cells):
        key = recognise(cell)
        if key is not None:
            found[position] = key
    return found


def find_header(path: Path, sheet: Sheet) -> Header:
    """The header among the first rows that are not blank; refuse a sheet without one."""
    candidates = [i for i, row in enumerate(sheet.rows) if not is_blank(row.cells)]
    if not candidates:
        raise refuse(path, msg("it has no rows."))
    scan = candidates[:HEADER_SCAN_ROWS]
    best = max(scan, key=lambda i: (_score(sheet.rows[i].cells), -i))
    keys = _recognised(sheet.rows[best].cells)
    if "name" not in keys.values():
        raise refuse(path, msg("none of its first {n} rows has a column of names (a header "
                               "such as 姓名 or Name).", n=HEADER_SCAN_ROWS))
    header_rows = [best]
    name_column = next(position for position, key in keys.items() if key == "name")
    position_in_scan = candidates.index(best)
    neighbours = []
    if position_in_scan > 0:
        neighbours.append(candidates[position_in_scan - 1])
    if position_in_scan + 1 < len(candidates):
        neighbours.append(candidates[position_in_scan + 1])
    for neighbour in neighbours:
        # A second header row (the other half of merged header cells) names columns the
        # main row leaves unnamed, and holds no name under the name column: data rows do.
        cells = sheet.rows[neighbour].cells
        extra = {p: k for p, k in _recognised(cells).items() if p not in keys}
        under_name = cells[name_column] if name_column < len(cells) else None
        if extra and is_blank([under_name]):
            keys.update(extra)
            header_rows.append(neighbour)
    titles: dict[int, str] = {}
    for index in sorted(header_rows):
        for position, cell in enumerate(sheet.rows[index].cells):
            if position in keys and recognise(cell) == keys[position]:
                titles.setdefault(position, str(cell).strip())
    ignored: list[str] = []
    for index in header_rows:
        for position, cell in enumerate(sheet.rows[index].cells):
            if position not in keys and not is_blank([cell]) and str(cell).strip() not in ignored:
                ignored.append(str(cell).strip())
    return Header(
        rows=tuple(sheet.rows[i].number for i in sorted(header_rows)),
        keys=keys,
        titles=titles,
        data_start=max(header_rows) + 1,
        ignored=tuple(ignored),
    )


def repeats_header(header: Header, cells: Sequence[object]) -> bool:
    """A row that repeats the header (sheets pasted together, printouts with headers on every
    page) is not a member."""
    names = [position for position, key in header.keys.items() if key == "name"]
    if not any(position < len(cells) and recognise(cells[position]) == "name"
               for position in names):
        return False  # the usual case, decided by one cell
    same = sum(1 for position, key in header.keys.items()
               if position < len(cells) and isinstance(cells[position], str)
               and recognise(cells[position]) == key)
    return same >= min(2, len(header.keys))
