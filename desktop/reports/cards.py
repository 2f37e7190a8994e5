"""Member cards: credit-card size (85.6 × 54 mm), ten to an A4 page in 2 × 5, with cut marks.

Each card shows the venue (name and logo), the member's name, number, plan and expiry, and a
QR code of the member number that the door scanner reads.  The QR code is drawn as vector
squares (sharp at any printer resolution), 20 mm wide, with its four-module quiet zone kept
white inside the card: scanners need that margin to find the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.errors import DomainError
from desktop.i18n import msg
from desktop.members.service import MemberQuery, MemberRow, get_member
from desktop.permissions import Permission
from desktop.reports.base import (
    INK,
    MUTED,
    PrintInfo,
    clean,
    draw_bold,
    draw_logo,
    draw_text,
    fit_text,
    has_wide,
    pdf_canvas,
    print_info,
    split_lines,
    text_width,
)
from desktop.reports.directory import _member_pages
from desktop.services import Tx, service
from desktop.settings.store import get_setting

CARD_WIDTH = 85.6 * mm
CARD_HEIGHT = 54 * mm
COLUMNS, ROWS = 2, 5
PER_PAGE = COLUMNS * ROWS
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = (PAGE_WIDTH - COLUMNS * CARD_WIDTH) / 2  # 19.4 mm
BOTTOM = (PAGE_HEIGHT - ROWS * CARD_HEIGHT) / 2  # 13.5 mm

QR_WIDTH = 20 * mm  # the symbol itself, without its quiet zone (at least 18 mm is required)
QUIET_MODULES = 4  # the quiet zone the QR specification asks for
PAD = 4.5 * mm
ACCENT = colors.HexColor("#2d6a73")
OUTLINE = colors.HexColor("#d3d8dd")

MARK_GAP = 1.5 * mm  # cut marks start this far outside the card edge
MARK_LENGTH = 5 * mm


@dataclass(frozen=True)
class Card:
    number: str
    name: str
    plan: str
    ends_on: str


def qr_matrix(text: str) -> list[list[bool]]:
    """The dark modules of the QR code of ``text``, rows from the top, without quiet zone."""
    code = segno.make_qr(text, error="m")
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=0)]


def draw_qr(canvas: Canvas, text: str, x: float, y: float, width: float) -> float:
    """Draw the QR code of ``text`` with its symbol's bottom-left at (x, y) and ``width`` wide
    (quiet zone not included: the caller keeps it clear); returns the module size."""
    matrix = qr_matrix(text)
    module = width / len(matrix)
    path = canvas.beginPath()
    for index, row in enumerate(matrix):
        top = y + width - (index + 1) * module
        start: int | None = None
        for column, dark in enumerate([*row, False]):  # runs of dark modules as one rectangle
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                path.rect(x + start * module, top, (column - start) * module, module)
                start = None
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return module


def _fit_size(text: str, largest: float, smallest: float, width: float) -> float:
    size = largest
    while size > smallest and text_width(text, size) > width:
        size -= 0.5
    return size


def draw_name(canvas: Canvas, name: str, x: float, baseline: float, width: float) -> None:
    """The name on one line, shrunk down to 11 pt; a longer one on two lines at 10 pt (the
    second one shortened with an ellipsis only if even that is not enough)."""
    size = _fit_size(name, 15, 11, width)
    if text_width(name, size) <= width:
        draw_bold(canvas, x, baseline, name, size)
        return
    size = 10
    first, *rest = split_lines(name, size, width)
    second = ("" if has_wide(name) else " ").join(line.strip() for line in rest)
    draw_bold(canvas, x, baseline + 2.6 * mm, fit_text(first, size, width), size)
    draw_bold(canvas, x, baseline - 1.4 * mm, fit_text(second, size, width), size)


def draw_card(canvas: Canvas, info: PrintInfo, card: Card, address: str, x: float,
              y: float) -> None:
    """One card with its bottom-left corner at (x, y)."""
    canvas.saveState()
    canvas.setStrokeColor(OUTLINE)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    canvas.restoreState()
    right = x + CARD_WIDTH - PAD
    top = y + CARD_HEIGHT

    # The venue: logo and name, over an accent rule.
    logo_width = draw_logo(canvas, info.logo, x + PAD, top - 11.5 * mm, 8 * mm, 22 * mm)
    venue_x = x + PAD + (logo_width + 2 * mm if logo_width else 0)
    venue_size = _fit_size(info.venue, 10, 7, right - venue_x)
    draw_bold(canvas, venue_x, top - 8.8 * mm, fit_text(info.venue, venue_size, right - venue_x),
              venue_size, color=ACCENT)
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.9)
    canvas.line(x + PAD, top - 13.5 * mm, right, top - 13.5 * mm)
    canvas.restoreState()

    # The QR code, bottom right, with its quiet zone inside the card.
    matrix_size = len(qr_matrix(card.number))
    module = QR_WIDTH / matrix_size
    quiet = QUIET_MODULES * module
    qr_x = x + CARD_WIDTH - quiet - 1.2 * mm - QR_WIDTH
    qr_y = y + quiet + 1.2 * mm
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(qr_x - quiet, qr_y - quiet, QR_WIDTH + 2 * quiet, QR_WIDTH + 2 * quiet,
                stroke=0, fill=1)
    canvas.restoreState()
    draw_qr(canvas, card.number, qr_x, qr_y, QR_WIDTH)

    # The member's name: above the QR code's quiet zone, so it may use the full width.
    draw_name(canvas, card.name, x + PAD, top - 21.5 * mm, right - (x + PAD))

    # Number, plan and expiry: left of the QR code's quiet zone.
    labels = [
        (info.t(msg("Member no.")), card.number, 10.5),
        (info.t(msg("Plan")), card.plan, 8.5),
        (info.t(msg("Valid until")), card.ends_on, 8.5),
    ]
    label_size = 6.5
    label_width = max(text_width(label, label_size) for label, _, _ in labels) + 2.5 * mm
    value_x = x + PAD + label_width
    value_room = qr_x - quiet - 1.5 * mm - value_x
    line_y = top - 29 * mm
    for index, (label, value, largest) in enumerate(labels):
        draw_text(canvas, x + PAD, line_y, label, label_size, color=MUTED)
        size = _fit_size(value, largest, 7, value_room)
        shown = fit_text(value, size, value_room)
        if index == 0:  # the number is what the desk reads out: bold
            draw_bold(canvas, value_x, line_y, shown, size)
        else:
            draw_text(canvas, value_x, line_y, shown, size, color=INK)
        line_y -= 6 * mm
    if address:
        room = qr_x - quiet - 1.5 * mm - (x + PAD)
        draw_text(canvas, x + PAD, y + 3.2 * mm, fit_text(address, 6, room), 6, color=MUTED)


def draw_cut_marks(canvas: Canvas) -> None:
    """Short lines in the margins along every cut, clear of the cards themselves."""
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.35)
    right = LEFT + COLUMNS * CARD_WIDTH
    top = BOTTOM + ROWS * CARD_HEIGHT
    for column in range(COLUMNS + 1):
        cut = LEFT + column * CARD_WIDTH
        canvas.line(cut, top + MARK_GAP, cut, top + MARK_GAP + MARK_LENGTH)
        canvas.line(cut, BOTTOM - MARK_GAP, cut, BOTTOM - MARK_GAP - MARK_LENGTH)
    for row in range(ROWS + 1):
        cut = BOTTOM + row * CARD_HEIGHT
        canvas.line(LEFT - MARK_GAP, cut, LEFT - MARK_GAP - MARK_LENGTH, cut)
        canvas.line(right + MARK_GAP, cut, right + MARK_GAP + MARK_LENGTH, cut)
    canvas.restoreState()


def card_furniture(canvas: Canvas, info: PrintInfo, page: int, pages: int) -> None:
    """The page header of a card sheet: one line in the top margin, between the cut marks."""
    baseline = PAGE_HEIGHT - 7.5 * mm
    middle = LEFT + CARD_WIDTH  # the middle cut mark
    left = LEFT + 2.5 * mm
    logo_width = draw_logo(canvas, info.logo, left, baseline - 1.2 * mm, 4.5 * mm, 14 * mm)
    text_x = left + (logo_width + 1.5 * mm if logo_width else 0)
    room = middle - 2.5 * mm - text_x
    venue = fit_text(info.venue, 8, room * 0.6)
    draw_bold(canvas, text_x, baseline, venue, 8)
    title_x = text_x + text_width(venue, 8) + 1 * mm
    draw_text(canvas, title_x, baseline, fit_text(f"· {info.title}", 8, middle - 2.5 * mm -
                                                  title_x), 8)
    right_text = f"{info.printed_label} · {info.page_label(page, pages)}"
    right = LEFT + COLUMNS * CARD_WIDTH - 2.5 * mm
    draw_text(canvas, right, baseline, fit_text(right_text, 8, right - middle - 2.5 * mm), 8,
              align="right", color=MUTED)


def _card(info: PrintInfo, row: MemberRow) -> Card:
    return Card(number=row.number, name=clean(row.name), plan=clean(row.plan or "—"),
                ends_on=row.ends_on.isoformat() if row.ends_on else "—")


def _cards_for(tx: Tx, info: PrintInfo, member_ids: Sequence[int] | None) -> list[Card]:
    if member_ids is None:
        return [_card(info, row) for page in _member_pages(tx, MemberQuery()) for row in page]
    cards: list[Card] = []
    for member_id in dict.fromkeys(member_ids):  # each member once, in the order asked
        detail = get_member(tx, member_id)
        if detail.erased:
            raise DomainError(msg("{number} was erased; there is no card to print.",
                                  number=detail.row.number), field="member")
        cards.append(_card(info, detail.row))
    return cards


@service(Permission.PRINT, write=False)
def print_cards(tx: Tx, member_ids: list[int] | None, path: Path | str, *,
                lang: str | None = None) -> int:
    """Write member cards to ``path``; returns how many cards it holds.

    ``member_ids`` None prints a card for every member not archived, by name.
    """
    info = print_info(tx, msg("Member cards"), lang)
    cards = _cards_for(tx, info, member_ids)
    address = clean(get_setting(tx, "venue.address") or "").replace("\n", " ")
    with pdf_canvas(path, info, furniture=card_furniture) as canvas:
        if not cards:
            draw_text(canvas, PAGE_WIDTH / 2, PAGE_HEIGHT / 2,
                      info.t(msg("No member to print a card for.")), 12, align="centre",
                      color=MUTED)
            canvas.showPage()
        for start in range(0, len(cards), PER_PAGE):
            for index, card in enumerate(cards[start:start + PER_PAGE]):
                column, row = index % COLUMNS, index // COLUMNS
                x = LEFT + column * CARD_WIDTH
                y = BOTTOM + (ROWS - 1 - row) * CARD_HEIGHT
                draw_card(canvas, info, card, address, x, y)
            draw_cut_marks(canvas)
            canvas.showPage()
    return len(cards)

