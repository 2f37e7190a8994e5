"""The circle board: one A4 page of the members' open needs and offers, to pin up in the lodge.

Needs on the left, offers on the right, each with its title, a short description, its tags and
the member's name — never a phone number, e-mail or WeChat id: the page hangs where guests
see it, and the desk makes the introduction (the band at the bottom says to ask there).  A
description may hold contact details a member mentioned in the conversation, so digits that
look like a phone number, e-mail addresses and WeChat ids are blanked out of every printed
text.  The page is exactly one page whatever the number of items: each column shows the
newest items that fit and ends with "and N more at the front desk".  Drawn by hand
(``pdf_canvas``) because the fitting is done here, not by a page-breaking layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.circle.service import ItemView, list_items
from desktop.i18n import Message, msg
from desktop.permissions import Permission
from desktop.reports.base import (
    FOOTER_BAND,
    HEADER_BAND,
    INK,
    MARGIN_X,
    MUTED,
    RULE,
    PrintInfo,
    clean,
    draw_bold,
    draw_text,
    fit_text,
    has_wide,
    pdf_canvas,
    print_info,
    split_lines,
    text_width,
)
from desktop.services import Tx, service

NEED_COLOUR = colors.HexColor("#9a3412")
OFFER_COLOUR = colors.HexColor("#0b5d3b")
TAG_COLOUR = colors.HexColor("#1d4ed8")
BAND_FILL = colors.HexColor("#fff7e6")

GAP = 8 * mm  # between the two columns
TITLE_SIZE, TITLE_LEADING, TITLE_LINES = 14.0, 17.5, 2
TEXT_SIZE, TEXT_LEADING, TEXT_LINES = 11.0, 14.5, 3
META_SIZE, META_LEADING = 10.5, 14.0
ITEM_GAP = 9.0  # between two items, with a rule in the middle
MORE_HEIGHT = 24.0  # the "and N more" line at the foot of a column
HIDDEN = "***"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WECHAT = re.compile(r"(?i)(微信号?|(?<![a-z])(?:wechat|weixin|vx|wx))\s*(?:id|号)?\s*[:：]?"
                     r"\s*[a-z][-_a-z0-9]{4,}")
_WECHAT_ID = re.compile(r"(?i)\bwx(?:id)?_[-_a-z0-9]+")
_DIGITS = re.compile(r"\+?\d[\d\s()\-－]{5,}\d")


def without_contacts(text: str) -> str:
    """``text`` with e-mail addresses, WeChat ids and phone-like numbers (7 digits or more)
    replaced by ``***``: the board shows no way to reach a member except through the desk."""
    text = _EMAIL.sub(HIDDEN, text)
    text = _WECHAT.sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
    text = _WECHAT_ID.sub(HIDDEN, text)
    return _DIGITS.sub(lambda m: HIDDEN if sum(ch.isdigit() for ch in m.group()) >= 7
                       else m.group(), text)


@dataclass(frozen=True)
class BoardResult:
    """How many open needs and offers there are, and how many of each the page shows."""

    needs: int
    offers: int
    needs_shown: int
    offers_shown: int


@dataclass(frozen=True)
class _Card:
    """One item laid out for a column: its wrapped lines and its height."""

    title: list[str]
    text: list[str]
    name: str
    tags: str

    @property
    def height(self) -> float:
        return (len(self.title) * TITLE_LEADING + len(self.text) * TEXT_LEADING
                + META_LEADING + 2)


_NO_LINE_START = set("，。、；：！？）》」』】,.;:!?)…%")


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` within ``width``; Chinese breaks between any two characters, but a
    comma or full stop never starts a line (it hangs at the end of the line before)."""
    if not has_wide(text):
        return split_lines(text, size, width)
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and text_width(line + ch, size) > width and ch not in _NO_LINE_START:
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    lines.append(line)
    return lines


def _lines(text: str, size: float, width: float, most: int) -> list[str]:
    """At most ``most`` lines of ``text`` within ``width``, the last ending in "…" when cut."""
    lines = [line for line in _wrap(text, size, width) if line.strip()]
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    kept[-1] = fit_text(kept[-1].rstrip() + "…", size, width)
    return kept


def _card(info: PrintInfo, item: ItemView, width: float) -> _Card:
    title = without_contacts(clean(" ".join(item.title.split())))
    text = without_contacts(clean(" ".join((item.description or "").split())))
    separator = "  "
    tags = separator.join(f"#{tag}" for tag in item.tags)
    return _Card(_lines(title, TITLE_SIZE, width, TITLE_LINES) or [""],
                 _lines(text, TEXT_SIZE, width, TEXT_LINES), clean(item.member_name),
                 clean(tags))


def _fitting(cards: Sequence[_Card], room: float) -> int:
    """How many of the (newest first) cards fit ``room``, leaving space for "and N more"
    when not all of them do."""
    total = sum(c.height for c in cards) + ITEM_GAP * max(len(cards) - 1, 0)
    if total <= room:
        return len(cards)
    used, count = 0.0, 0
    for card in cards:
        needed = card.height + (ITEM_GAP if count else 0)
        if used + needed > room - MORE_HEIGHT:
            break
        used += needed
        count += 1
    return count


def _draw_card(canvas: Canvas, card: _Card, x: float, top: float, width: float) -> float:
    """Draw ``card`` from ``top`` down; returns the y below it."""
    y = top
    for line in card.title:
        y -= TITLE_LEADING
        draw_bold(canvas, x, y + 3.5, line, TITLE_SIZE)
    for line in card.text:
        y -= TEXT_LEADING
        draw_text(canvas, x, y + 3.5, line, TEXT_SIZE, color=colors.HexColor("#30363d"))
    y -= META_LEADING + 2
    name = "— " + card.name
    draw_bold(canvas, x, y + 4, fit_text(name, META_SIZE, width * 0.45), META_SIZE,
              color=MUTED)
    name_width = min(text_width(name, META_SIZE), width * 0.45)
    room = width - name_width - 10
    if card.tags and room > 20:
        draw_text(canvas, x + width, y + 4, fit_text(card.tags, META_SIZE, room), META_SIZE,
                  align="right", color=TAG_COLOUR)
    return y


def _draw_column(canvas: Canvas, info: PrintInfo, heading: Message, colour: colors.Color,
                 items: list[ItemView], empty: Message, x: float, top: float, bottom: float,
                 width: float) -> int:
    """A column: its coloured heading, the newest items that fit, "and N more"; returns
    how many items it shows."""
    band = 26.0
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.roundRect(x, top - band, width, band, 4, stroke=0, fill=1)
    canvas.restoreState()
    draw_bold(canvas, x + 8, top - band + 8, fit_text(info.t(heading), 15, width - 16), 15,
              color=colors.white)
    inner_x, inner_width = x + 4, width - 8
    y = top - band - 6
    if not items:
        draw_text(canvas, inner_x, y - 18, info.t(empty), 12, color=MUTED)
        return 0
    cards = [_card(info, item, inner_width) for item in items]
    shown = _fitting(cards, y - bottom)
    for index, card in enumerate(cards[:shown]):
        if index:
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(inner_x, y - ITEM_GAP / 2, inner_x + inner_width, y - ITEM_GAP / 2)
            canvas.restoreState()
            y -= ITEM_GAP
        y = _draw_card(canvas, card, inner_x, y, inner_width)
    if shown < len(cards):
        more = info.t(msg("… and {n} more at the front desk", n=len(cards) - shown))
        draw_bold(canvas, inner_x, bottom + 6, fit_text(more, 12.5, inner_width), 12.5,
                  color=colour)
    return shown


def _draw_band(canvas: Canvas, info: PrintInfo, left: float, bottom: float,
               width: float) -> None:
    """The line telling members how to meet someone on the board: through the desk."""
    height = 34.0
    canvas.saveState()
    canvas.setFillColor(BAND_FILL)
    canvas.setStrokeColor(colors.HexColor("#e0b86a"))
    canvas.roundRect(left, bottom, width, height, 5, stroke=1, fill=1)
    canvas.restoreState()
    text = info.t(msg("Want to meet someone on this board? Ask at the front desk and we will "
                      "introduce you."))
    size = 14.0
    while size > 9 and text_width(text, size) > width - 16:
        size -= 0.5
    draw_bold(canvas, left + width / 2, bottom + (height - size) / 2 + 2,
              fit_text(text, size, width - 16), size, align="centre")


@service(Permission.PRINT, write=False)
def print_board(tx: Tx, path: Path | str, *, lang: str | None = None) -> BoardResult:
    """Write the one-page circle board to ``path``: open needs and offers, newest first."""
    info = print_info(tx, msg("Circle board"), lang)
    needs = list_items(tx, side="need", status="open")
    offers = list_items(tx, side="offer", status="open")
    width, height = A4
    left, right = MARGIN_X, width - MARGIN_X
    top = height - HEADER_BAND - 4
    with pdf_canvas(path, info) as canvas:
        draw_bold(canvas, left, top - 24, info.t(msg("Circle board")), 24)
        draw_text(canvas, left, top - 44,
                  fit_text(info.t(msg("What our members are looking for, and what they can "
                                      "offer")), 12.5, right - left), 12.5, color=INK)
        band_bottom = FOOTER_BAND + 2
        _draw_band(canvas, info, left, band_bottom, right - left)
        column_width = (right - left - GAP) / 2
        columns_top, columns_bottom = top - 58, band_bottom + 34 + 8
        needs_shown = _draw_column(
            canvas, info, msg("Looking for ({n})", n=len(needs)), NEED_COLOUR, needs,
            msg("No open needs right now."), left, columns_top, columns_bottom, column_width)
        offers_shown = _draw_column(
            canvas, info, msg("Can offer ({n})", n=len(offers)), OFFER_COLOUR, offers,
            msg("No open offers right now."), left + column_width + GAP, columns_top,
            columns_bottom, column_width)
        canvas.showPage()
    return BoardResult(len(needs), len(offers), needs_shown, offers_shown)
