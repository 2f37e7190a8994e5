"""The frame every printout shares: the embedded CJK font, the page furniture, tables.

Every page of every printout carries the venue's name and logo, the printout's title, when it
was printed and "page x of y" (DESIGN.md: Printing).  The total page count is only known at the
end, so pages are kept until the document is saved and the furniture is drawn then
(``PagedCanvas``).  The CJK font is shipped with the app and embedded (as a subset) in every
PDF, because a viewer without an Asian font pack shows blanks for a non-embedded CID font
(FIELD-NOTES).  No Qt here: the command line and tests print without a QApplication.

What a later printout reuses: ``print_info`` (venue, logo, title, date, language), ``build_pdf``
(flowables on A4 with the furniture) or ``pdf_canvas`` (hand-drawn pages, e.g. a grid), and
the blocks ``heading``, ``paragraph``, ``data_table`` (a long table whose header repeats) and
``nothing_to_print``.  Labels go through ``info.t(msg(...))``; names from the services are
printed as written (only NFC-composed).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.tables import Table, TableStyle

from desktop.errors import DomainError
from desktop.i18n import SUPPORTED_LANGUAGES, Message, current_language, msg
from desktop.paths import resource_path
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.store import get_setting

FONT = "ClubhouseCJK"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#b8c0c8")
HEADER_FILL = colors.HexColor("#e6eaee")
STRIPE_FILL = colors.HexColor("#f5f7f9")

MARGIN_X = 14 * mm
HEADER_BAND = 26 * mm  # from the top edge to the rule under the header
FOOTER_BAND = 14 * mm
PageSize = tuple[float, float]

_font_lock = threading.Lock()


def register_fonts() -> str:
    """Register the shipped CJK font with ReportLab once per process; returns its name.

    WenQuanYi Micro Hei has TrueType outlines (ReportLab cannot read CFF CJK fonts) and good
    Latin letters and digits, so one face prints names, numbers and dates alike.  The bold
    name maps to the same face so that ``<b>`` in a paragraph never fails; visible bold is
    synthetic (``draw_bold``, ``BoldText``).
    """
    with _font_lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            path = resource_path(*FONT_FILE)
            pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT,
                                          boldItalic=FONT)
    return FONT


def clean(value: object) -> str:
    """Text as it should be drawn: NFC (ReportLab does not combine accents), no control chars."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    if any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in text):
        text = "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\n" else ch
                       for ch in text)
    return text


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))


def fit_text(text: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` at ``size``."""
    if text_width(text, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ellipsis, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis if low else ""


def has_wide(text: str) -> bool:
    """Whether the text holds CJK (wide) characters, which wrap between any two of them."""
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


# ---------------------------------------------------------------- what every page shows


@dataclass(frozen=True)
class PrintInfo:
    """What the page furniture shows, gathered once per printout."""

    venue: str
    logo: bytes | None
    title: str
    printed_at: dt.datetime
    lang: str

    def t(self, message: Message) -> str:
        """A label in the printout's language."""
        return clean(message.render(self.lang))

    @property
    def printed_label(self) -> str:
        return self.t(msg("Printed {when}", when=self.printed_at.strftime("%Y-%m-%d %H:%M")))

    def page_label(self, page: int, pages: int) -> str:
        return self.t(msg("Page {page} of {pages}", page=page, pages=pages))


@service(Permission.PRINT, write=False)
def print_info(tx: Tx, title: Message, lang: str | None = None) -> PrintInfo:
    """The venue's name and logo (settings), the title and the moment of printing.

    The printout speaks ``lang`` when given (the UI passes its own language, the command line
    its ``--lang``), else the venue's setting ``app.language`` ("the language of the screens
    and printouts"), so a nightly print job needs no option to print in the venue's language.
    """
    register_fonts()
    logo_hex = str(get_setting(tx, "venue.logo") or "")
    logo: bytes | None = None
    if logo_hex:
        try:
            logo = bytes.fromhex(logo_hex)
        except ValueError:
            logo = None  # the settings check refuses this; an old value just prints no logo
    language = lang or str(get_setting(tx, "app.language") or current_language())
    if language not in SUPPORTED_LANGUAGES:
        language = current_language()
    return PrintInfo(
        venue=clean(get_setting(tx, "venue.name")),
        logo=logo,
        title=clean(title.render(language)),
        printed_at=tx.clock.now(),
        lang=language,
    )


@lru_cache(maxsize=4)
def _logo_reader(data: bytes) -> ImageReader | None:
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:
        return None
    return reader


def draw_logo(canvas: Canvas, data: bytes | None, x: float, y: float, height: float,
              max_width: float) -> float:
    """Draw the logo with its bottom-left at (x, y); returns the width it took (0: none)."""
    if not data:
        return 0.0
    reader = _logo_reader(data)
    if reader is None:
        return 0.0
    width_px, height_px = reader.getSize()
    if not width_px or not height_px:
        return 0.0
    width = min(max_width, height * width_px / height_px)
    drawn_height = width * height_px / width_px
    canvas.drawImage(reader, x, y + (height - drawn_height) / 2, width, drawn_height,
                     mask="auto")
    return float(width)


def draw_bold(canvas: Canvas, x: float, y: float, text: str, size: float, *,
              align: str = "left", color: Any = INK) -> None:
    """Draw text in a synthetic bold (filled and stroked) that stays selectable text."""
    width = text_width(text, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    canvas.setLineWidth(size * 0.035)
    obj = canvas.beginText(x, y)
    obj.setFont(FONT, size)
    obj.setTextRenderMode(2)
    obj.textOut(text)
    canvas.drawText(obj)
    canvas.restoreState()


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *,
              align: str = "left", color: Any = INK) -> None:
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setFont(FONT, size)
    if align == "right":
        canvas.drawRightString(x, y, text)
    elif align == "centre":
        canvas.drawCentredString(x, y, text)
    else:
        canvas.drawString(x, y, text)
    canvas.restoreState()


def draw_page_furniture(canvas: Canvas, info: PrintInfo, page: int, pages: int) -> None:
    """The header (logo, venue, title, when printed) and footer (page x of y) of a page."""
    width, height = canvas._pagesize
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 10 * mm
    logo_height = 12 * mm
    logo_width = draw_logo(canvas, info.logo, left, top - logo_height, logo_height, 40 * mm)
    text_left = left + (logo_width + 3 * mm if logo_width else 0)
    printed = info.printed_label
    printed_width = text_width(printed, 8)
    room = right - text_left - printed_width - 6 * mm
    draw_bold(canvas, text_left, top - 4.6 * mm, fit_text(info.venue, 12.5, room), 12.5)
    draw_text(canvas, text_left, top - 10.4 * mm, fit_text(info.title, 10.5, room), 10.5)
    draw_text(canvas, right, top - 10.4 * mm, printed, 8, align="right", color=MUTED)
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, height - HEADER_BAND + 2 * mm, right, height - HEADER_BAND + 2 * mm)
    canvas.line(left, FOOTER_BAND - 4 * mm, right, FOOTER_BAND - 4 * mm)
    canvas.restoreState()
    footer_y = FOOTER_BAND - 8 * mm
    page_text = info.page_label(page, pages)
    draw_text(canvas, right, footer_y, page_text, 8, align="right", color=MUTED)
    footer_room = right - left - text_width(page_text, 8) - 8 * mm
    draw_text(canvas, left, footer_y, fit_text(f"{info.venue} · {info.title}", 8, footer_room),
              8, color=MUTED)


Furniture = Callable[[Canvas, PrintInfo, int, int], None]


def paged_canvas_class(info: PrintInfo, furniture: Furniture) -> type[Canvas]:
    """A canvas that holds its pages until saved, then draws each page's furniture with the
    total page count known ("page x of y" in one pass)."""

    class PagedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start every page in the embedded font: with ReportLab's default (Helvetica) a
            # font the PDF does not embed would be listed on every page.
            kwargs["initialFontName"] = FONT
            kwargs["initialFontSize"] = 10
            kwargs["initialLeading"] = 12
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                furniture(self, info, number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return PagedCanvas


# ---------------------------------------------------------------- writing the file


@contextmanager
def _atomic(path: Path | str) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when the PDF is complete."""
    target = Path(path)
    if not target.parent.is_dir():
        raise DomainError(msg("The folder {folder} does not exist.", folder=str(target.parent)),
                          field="path")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as error:
        raise DomainError(msg("Cannot write {path}: {reason}", path=str(target),
                              reason=error.strerror or str(error)), field="path") from None
    finally:
        if temporary.exists():
            temporary.unlink()


def _metadata(info: PrintInfo) -> dict[str, Any]:
    return {"title": f"{info.title} — {info.venue}", "author": info.venue,
            "creator": "Clubhouse"}


def build_pdf(path: Path | str, info: PrintInfo, story: list[Flowable], *,
              wide: bool = False, furniture: Furniture = draw_page_furniture) -> int:
    """Lay ``story`` out on A4 (landscape when ``wide``) with the furniture on every page;
    returns the number of pages."""
    register_fonts()
    pagesize: PageSize = landscape(A4) if wide else A4
    width, height = pagesize
    frame = Frame(MARGIN_X, FOOTER_BAND, width - 2 * MARGIN_X,
                  height - HEADER_BAND - FOOTER_BAND, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    canvas_class = paged_canvas_class(info, furniture)
    pages = 0

    def count(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        nonlocal pages
        pages = max(pages, canvas.getPageNumber())

    with _atomic(path) as temporary:
        doc = BaseDocTemplate(str(temporary), pagesize=pagesize, leftMargin=MARGIN_X,
                              rightMargin=MARGIN_X, topMargin=HEADER_BAND,
                              bottomMargin=FOOTER_BAND, **_metadata(info))
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=count)])
        doc.build(story or [Spacer(1, 1)], canvasmaker=canvas_class)
    return pages


@contextmanager
def pdf_canvas(path: Path | str, info: PrintInfo, *, pagesize: PageSize = A4,
               furniture: Furniture = draw_page_furniture) -> Iterator[Canvas]:
    """A canvas for printouts drawn by hand (cards); call ``showPage()`` after each page.
    The furniture is drawn on every page when the block ends, and the file appears then."""
    register_fonts()
    with _atomic(path) as temporary:
        canvas = paged_canvas_class(info, furniture)(str(temporary), pagesize=pagesize)
        meta = _metadata(info)
        canvas.setTitle(meta["title"])
        canvas.setAuthor(meta["author"])
        canvas.setCreator(meta["creator"])
        yield canvas
        canvas.save()


# ---------------------------------------------------------------- building blocks


@cache
def _style(name: str, size: float, leading: float, color: str, wide: bool) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=register_fonts(), fontSize=size, leading=leading,
                          textColor=colors.HexColor(color), alignment=TA_LEFT,
                          wordWrap="CJK" if wide else None, splitLongWords=True)


def paragraph(text: str, *, size: float = 9.5, color: str = "#1f2328") -> Paragraph:
    """Running text (escaped: names may hold ``<`` or ``&``), wrapping Chinese correctly."""
    value = clean(text)
    style = _style(f"p{size}{color}{has_wide(value)}", size, size * 1.35, color, has_wide(value))
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


class BoldText(Flowable):  # type: ignore[misc]
    """A line (or a few) of synthetic bold text: headings and table headers."""

    def __init__(self, text: str, size: float, *, space_before: float = 0,
                 space_after: float = 0, color: Any = INK) -> None:
        super().__init__()
        self.text = clean(text)
        self.size = size
        self.leading = size * 1.25
        self.color = color
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._lines: list[str] = [self.text]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._lines = split_lines(self.text, self.size, available_width)
        self.width = available_width
        self.height = self.leading * len(self._lines)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - self.size
        for line in self._lines:
            draw_bold(self.canv, 0, y, line, self.size, color=self.color)
            y -= self.leading


def split_lines(text: str, size: float, width: float) -> list[str]:
    """Break text into lines within ``width``: at spaces, or between any two CJK characters."""
    lines: list[str] = []
    for part in text.split("\n"):
        if text_width(part, size) <= width or not has_wide(part):
            lines.extend(simpleSplit(part, FONT, size, width) or [""])
            continue
        line = ""
        for ch in part:
            if line and text_width(line + ch, size) > width:
                lines.append(line)
                line = ch.lstrip()
            else:
                line += ch
        lines.append(line)
    return lines


def heading(text: str, *, size: float = 12) -> Flowable:
    """A section heading."""
    return BoldText(text, size, space_before=size * 0.6, space_after=size * 0.4)


def nothing_to_print(info: PrintInfo, message: Message | None = None) -> Flowable:
    """What a printout says instead of an empty table."""
    return paragraph(info.t(message or msg("Nothing to print.")), size=11, color="#5b6470")


@dataclass(frozen=True)
class Column:
    """One column of a printed table: its header (translated), share of the width, alignment."""

    label: str
    share: float
    align: str = "LEFT"


class _TextTable(Table):  # type: ignore[misc]
    """A Table that writes its one-line string cells into a single text object.

    ReportLab draws every string cell as its own text object (and measures it even when it
    is left-aligned); for a 5,000-row directory that per-cell cost dominates the printout.
    Cells that are flowables (wrapped paragraphs, bold headers) are drawn by Table as usual.
    """

    def draw(self) -> None:
        self._text = self.canv.beginText()
        self._text_style: tuple[Any, ...] | None = None
        super().draw()
        self.canv.drawText(self._text)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],
                  size: tuple[float, float]) -> None:
        if not isinstance(cellval, str) or "\n" in cellval or cellstyle.valign != "TOP" \
                or cellstyle.alignment not in ("LEFT", "RIGHT", "CENTRE", "CENTER"):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        text = self._text
        style = (cellstyle.fontname, cellstyle.fontsize, cellstyle.leading, cellstyle.color)
        if style != self._text_style:
            text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            text.setFillColor(cellstyle.color)
            self._text_style = style
        y = rowpos + rowheight - cellstyle.topPadding - cellstyle.fontsize
        if cellstyle.alignment == "LEFT":
            x = colpos + cellstyle.leftPadding
        else:
            width = pdfmetrics.stringWidth(cellval, cellstyle.fontname, cellstyle.fontsize)
            if cellstyle.alignment == "RIGHT":
                x = colpos + colwidth - cellstyle.rightPadding - width
            else:
                x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding
                              - width) / 2
        text.setTextOrigin(x, y)
        text.textOut(cellval)


class DataTable(Flowable):  # type: ignore[misc]
    """A long table whose header row repeats on every page, split in time linear in its rows.

    ReportLab's own Table re-measures and copies every remaining row at each page break, so a
    5,000-row table costs quadratic time.  Here every row's height is measured once; a page
    break becomes a ReportLab ``Table`` (header + the rows that fit, ``repeatRows=1``) and a
    new DataTable that only moves its start index.
    """

    def __init__(self, rows: list[list[object]], heights: list[float], widths: list[float],
                 commands: list[tuple[Any, ...]], *, start: int = 0,
                 prefix: list[float] | None = None) -> None:
        super().__init__()
        self.rows = rows  # rows[0] is the header
        self.heights = heights
        self.widths = widths
        self.commands = commands
        self.start = max(start, 1)
        self.prefix = prefix if prefix is not None else list(accumulate(heights[1:], initial=0.0))

    def _rows_height(self, first: int, end: int) -> float:
        return self.prefix[end - 1] - self.prefix[first - 1]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.heights[0] + self._rows_height(self.start, len(self.rows))
        return self.width, self.height

    def _table(self, first: int, end: int) -> Table:
        """A ReportLab table of the header and rows ``first`` to ``end - 1``."""
        table = _TextTable([self.rows[0], *self.rows[first:end]], colWidths=self.widths,
                      rowHeights=[self.heights[0], *self.heights[first:end]], repeatRows=1,
                      hAlign="LEFT")
        table.setStyle(TableStyle(self.commands))
        return table

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - self.heights[0] + 1e-6
        # The last row index ``end`` whose rows start..end-1 fit in ``room``.
        end = bisect_right(self.prefix, self.prefix[self.start - 1] + room)
        end = min(end, len(self.rows))
        if end <= self.start:
            return []  # not even one row fits here: the frame moves on to the next page
        if end >= len(self.rows):
            return [self._table(self.start, len(self.rows))]
        rest = DataTable(self.rows, self.heights, self.widths, self.commands, start=end,
                         prefix=self.prefix)
        return [self._table(self.start, end), rest]

    def draw(self) -> None:
        table = self._table(self.start, len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def data_table(columns: Sequence[Column], rows: Iterable[Sequence[object]], width: float, *,
               size: float = 8.0) -> Flowable:
    """A table over the full ``width`` whose header row repeats on every page.

    A cell that fits its column on one line stays a plain string (fast); a longer one becomes
    a paragraph that wraps (between any two CJK characters), so long Chinese company names
    are never clipped.
    """
    register_fonts()
    total = sum(c.share for c in columns)
    widths = [width * c.share / total for c in columns]
    pad, top_pad, bottom_pad = 2.2, 1.6, 2.2
    leading = size * 1.25
    limits = [w - 2 * pad for w in widths]
    header = [BoldText(c.label, size) for c in columns]
    header_height = max(cell.wrap(limit, 1e6)[1]
                        for cell, limit in zip(header, limits, strict=True))
    data: list[list[object]] = [list(header)]
    heights: list[float] = [header_height + top_pad + bottom_pad]
    plain_style = _style(f"cell{size}", size, leading, "#1f2328", False)
    wide_style = _style(f"cellw{size}", size, leading, "#1f2328", True)
    string_width = pdfmetrics.stringWidth
    for row in rows:
        cells: list[object] = []
        height = leading
        for value, limit in zip(row, limits, strict=True):
            text = clean(value)
            if "\n" not in text and string_width(text, FONT, size) <= limit:
                cells.append(text)
                continue
            style = wide_style if has_wide(text) else plain_style
            cell = Paragraph(escape(text).replace("\n", "<br/>"), style)
            height = max(height, cell.wrap(limit, 1e6)[1])
            cells.append(cell)
        data.append(cells)
        heights.append(height + top_pad + bottom_pad)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, size, leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), top_pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_pad),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE_FILL]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    for index, column in enumerate(columns):
        if column.align != "LEFT":
            commands.append(("ALIGN", (index, 1), (index, -1), column.align))
    return DataTable(data, heights, widths, commands)


def frame_width(wide: bool = False) -> float:
    """The width of the text frame on A4 (landscape when ``wide``)."""
    width = landscape(A4)[0] if wide else A4[0]
    return float(width - 2 * MARGIN_X)
