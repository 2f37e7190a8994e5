"""Name badges for an event: eight to an A4 page (2 × 4, 90 × 65 mm), with cut marks.

A badge is read from across a room: the name large (shrunk to fit, on two lines when long),
the member number under it and the member card's QR code (the same vector drawing as the
cards, desktop.reports.cards.draw_qr, so the door scanner reads a badge as it reads a card).
A guest's badge has their name and "Guest of" the member who brings them, no number or code.
The event's title is printed small at the top.  Everyone holding a place gets one, in the
roster's order (by name, pinyin order for Chinese names); the waitlist does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.events.registrations import list_registrations
from desktop.events.service import get_event
from desktop.i18n import msg
from desktop.permissions import Permission
from desktop.reports.base import (
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
from desktop.reports.cards import QUIET_MODULES, draw_qr, qr_matrix
from desktop.reports.roster import when_label
from desktop.services import Tx, service

BADGE_WIDTH = 90 * mm
BADGE_HEIGHT = 65 * mm
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = (PAGE_WIDTH - COLUMNS * BADGE_WIDTH) / 2  # 15 mm
BOTTOM = (PAGE_HEIGHT - ROWS * BADGE_HEIGHT) / 2  # 18.5 mm
PAD = 6 * mm
QR_WIDTH = 18 * mm
ACCENT = colors.HexColor("#2d6a73")
OUTLINE = colors.HexColor("#d3d8dd")
MARK_GAP = 1.5 * mm
MARK_LENGTH = 5 * mm


@dataclass(frozen=True)
class Badge:
    name: str
    number: str | None  # None: a guest
    host: str | None  # who brings a guest


def _fit_size(text: str, largest: float, smallest: float, width: float) -> float:
    size = largest
    while size > smallest and text_width(text, size) > width:
        size -= 1
    return size


def draw_big_name(canvas: Canvas, name: str, x: float, baseline: float, width: float) -> None:
    """The name on one line from 30 pt down to 18 pt; a longer one on two lines at 16 pt."""
    size = _fit_size(name, 30, 18, width)
    if text_width(name, size) <= width:
        draw_bold(canvas, x, baseline, name, size)
        return
    size = 16
    first, *rest = split_lines(name, size, width)
    second = ("" if has_wide(name) else " ").join(line.strip() for line in rest)
    draw_bold(canvas, x, baseline + 4 * mm, fit_text(first, size, width), size)
    draw_bold(canvas, x, baseline - 2.5 * mm, fit_text(second, size, width), size)


def draw_badge(canvas: Canvas, info: PrintInfo, title: str, when: str, badge: Badge,
               x: float, y: float) -> None:
    """One badge with its bottom-left corner at (x, y)."""
    canvas.saveState()
    canvas.setStrokeColor(OUTLINE)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, BADGE_WIDTH, BADGE_HEIGHT, stroke=1, fill=0)
    canvas.restoreState()
    left, right, top = x + PAD, x + BADGE_WIDTH - PAD, y + BADGE_HEIGHT
    width = right - left

    # The event, small, over an accent rule.
    draw_bold(canvas, left, top - 8.5 * mm, fit_text(title, 9, width), 9, color=ACCENT)
    draw_text(canvas, left, top - 12.5 * mm, fit_text(when, 7, width), 7, color=MUTED)
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.9)
    canvas.line(left, top - 15 * mm, right, top - 15 * mm)
    canvas.restoreState()

    draw_big_name(canvas, badge.name, left, top - 30 * mm, width)

    if badge.number is None:  # a guest: who brings them
        host = info.t(msg("Guest of {host}", host=badge.host or "—"))
        draw_text(canvas, left, y + 12 * mm, fit_text(host, 11, width), 11, color=MUTED)
        return
    module = QR_WIDTH / len(qr_matrix(badge.number))
    quiet = QUIET_MODULES * module
    qr_x = x + BADGE_WIDTH - quiet - QR_WIDTH
    qr_y = y + quiet
    draw_qr(canvas, badge.number, qr_x, qr_y, QR_WIDTH)
    room = qr_x - quiet - left
    draw_text(canvas, left, y + 15 * mm, info.t(msg("Member no.")), 7, color=MUTED)
    draw_bold(canvas, left, y + 9 * mm, fit_text(badge.number, 14, room), 14)


def draw_cut_marks(canvas: Canvas) -> None:
    """Short lines in the margins along every cut, clear of the badges."""
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.35)
    right = LEFT + COLUMNS * BADGE_WIDTH
    top = BOTTOM + ROWS * BADGE_HEIGHT
    for column in range(COLUMNS + 1):
        cut = LEFT + column * BADGE_WIDTH
        canvas.line(cut, top + MARK_GAP, cut, top + MARK_GAP + MARK_LENGTH)
        canvas.line(cut, BOTTOM - MARK_GAP, cut, BOTTOM - MARK_GAP - MARK_LENGTH)
    for row in range(ROWS + 1):
        cut = BOTTOM + row * BADGE_HEIGHT
        canvas.line(LEFT - MARK_GAP, cut, LEFT - MARK_GAP - MARK_LENGTH, cut)
        canvas.line(right + MARK_GAP, cut, right + MARK_GAP + MARK_LENGTH, cut)
    canvas.restoreState()


def badge_furniture(canvas: Canvas, info: PrintInfo, page: int, pages: int) -> None:
    """One line in the top margin, above the cut marks: venue and title, printed, page x of y."""
    baseline = PAGE_HEIGHT - 8 * mm
    left = LEFT
    right = LEFT + COLUMNS * BADGE_WIDTH
    logo_width = draw_logo(canvas, info.logo, left, baseline - 1.2 * mm, 4.5 * mm, 14 * mm)
    text_x = left + (logo_width + 1.5 * mm if logo_width else 0)
    right_text = f"{info.printed_label} · {info.page_label(page, pages)}"
    right_width = text_width(right_text, 8)
    draw_text(canvas, right, baseline, right_text, 8, align="right", color=MUTED)
    room = right - right_width - 6 * mm - text_x
    venue = fit_text(info.venue, 8, room * 0.5)
    draw_bold(canvas, text_x, baseline, venue, 8)
    title_x = text_x + text_width(venue, 8) + 1 * mm
    draw_text(canvas, title_x, baseline, fit_text(f"· {info.title}", 8,
                                                  text_x + room - title_x), 8)


@service(Permission.PRINT, write=False)
def print_badges(tx: Tx, event_id: int, path: Path | str, lang: str | None = None) -> int:
    """Write a name badge for everyone holding a place at the event; returns how many."""
    event = get_event(tx, event_id)
    info = print_info(tx, msg("Name badges: {title}", title=event.title), lang)
    badges = [Badge(clean(r.guest_name or r.member_name or "—"),
                    None if r.guest_name else r.member_number,
                    clean(r.host_name) if r.guest_name else None)
              for r in list_registrations(tx, event_id) if r.status == "registered"]
    title = clean(event.title)
    when = when_label(info, event.starts, event.ends)
    with pdf_canvas(path, info, furniture=badge_furniture) as canvas:
        if not badges:
            draw_text(canvas, PAGE_WIDTH / 2, PAGE_HEIGHT / 2,
                      info.t(msg("Nobody is registered yet.")), 12, align="centre",
                      color=MUTED)
            canvas.showPage()
        for start in range(0, len(badges), PER_PAGE):
            for index, badge in enumerate(badges[start:start + PER_PAGE]):
                column, row = index % COLUMNS, index // COLUMNS
                draw_badge(canvas, info, title, when, badge, LEFT + column * BADGE_WIDTH,
                           BOTTOM + (ROWS - 1 - row) * BADGE_HEIGHT)
            draw_cut_marks(canvas)
            canvas.showPage()
    return len(badges)
