"""One cell of an imported sheet as the value it means: text, a date, yes or no.

Excel hands over numbers where people see text (a phone 13800138000 arrives as 13800138000.0),
dates as datetime cells or as serial numbers (45717 is 2025-03-01) and people type dates in
many ways; each converter accepts the forms people use and raises ``ValueError`` with a
message for a value that means nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from desktop.i18n import Message, msg

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug aside)
_EARLIEST = dt.date(1900, 1, 1)
_LATEST = dt.date(2199, 12, 31)

_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_EXCEL_TEXT = re.compile(r'="(.*)"', re.DOTALL)

_YES = {"yes", "y", "true", "t", "1", "x", "✓", "✔", "√", "是", "已归档", "归档", "archived"}
_NO = {"no", "n", "false", "f", "0", "否", "不", "未归档"}


class CellError(ValueError):
    """A cell's value is not what its column holds; ``message`` says so to a person."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text)
        self.message = message


def text(cell: object) -> str:
    """The cell as text, "" for an empty one; integral numbers without a ".0"."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        if math.isfinite(cell) and cell.is_integer():
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    value = str(cell).strip()
    if match := _EXCEL_TEXT.fullmatch(value):
        return match[1].strip()  # ="00123": how some systems keep Excel from eating zeros
    return value


def _from_serial(value: float, shown: str) -> dt.date:
    try:
        day = EXCEL_EPOCH + dt.timedelta(days=int(value))
    except (OverflowError, ValueError):
        raise CellError(_not_a_date(shown)) from None
    if not _EARLIEST <= day <= _LATEST:
        raise CellError(_not_a_date(shown))
    return day


def _not_a_date(shown: str) -> Message:
    return msg("{value} is not a date; write it as 2025-03-01.", value=shown)


def date(cell: object) -> dt.date | None:
    """A date from a date cell, an Excel serial number, or text such as 2025-03-01, 2025/3/1,
    2025.3.1, 2025年3月1日 or 20250301; None for an empty cell.  Day-first and month-first
    forms (1/3/2025) are refused: nobody can tell which one a person meant."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, bool):
        raise CellError(_not_a_date(text(cell)))
    if isinstance(cell, int | float):
        if not math.isfinite(cell):
            raise CellError(_not_a_date(text(cell)))
        return _from_serial(cell, text(cell))
    raw = unicodedata.normalize("NFKC", str(cell)).strip()
    if not raw:
        return None
    parts: tuple[str, str, str] | None = None
    if (match := _YMD.fullmatch(raw)) or (match := _COMPACT.fullmatch(raw)):
        parts = (match[1], match[2], match[3])
    elif _SERIAL.fullmatch(raw):
        return _from_serial(float(raw), raw)
    if parts is None:
        raise CellError(_not_a_date(raw))
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise CellError(msg("{value} is not a day of the calendar.", value=raw)) from None
    if not _EARLIEST <= day <= _LATEST:
        raise CellError(_not_a_date(raw))
    return day


def yes_no(cell: object) -> bool | None:
    """yes / no in the forms people type (是/否, x, ✓, 1/0, true/false); None when empty."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return cell
    raw = unicodedata.normalize("NFKC", text(cell)).strip().casefold()
    if not raw:
        return None
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise CellError(msg("{value} is neither yes nor no.", value=text(cell)))
