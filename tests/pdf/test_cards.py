"""Member cards, read back as a scanner and a person would: every QR code decodes to its
member's number, at least 18 mm wide with a white quiet zone; ten cards to a page; cut marks
on every cut; the card's text in the chosen language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import segno
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from desktop.errors import DomainError, NotFound
from desktop.members import service as ms
from desktop.reports.cards import (
    BOTTOM,
    CARD_HEIGHT,
    CARD_WIDTH,
    COLUMNS,
    LEFT,
    ROWS,
    print_cards,
)
from desktop.services import Context
from desktop.settings.store import update_settings
from tests.pdf.conftest import AddMember, many_members
from tests.pdf.pdftools import page_texts, render, words_with_boxes

DPI = 300
PX_PER_MM = DPI / 25.4
PT_PER_MM = 72 / 25.4


QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(image, formats=QR_ONLY))


def ink(image: Image.Image) -> Callable[[float, float], int]:
    """The grey level (0 black, 255 white) at a pixel of a greyscale page."""
    data, width = image.tobytes(), image.size[0]

    def at(x: float, y: float) -> int:
        return data[int(y) * width + int(x)]

    return at


def quiet_zone_is_white(image: Image.Image, code: zxingcpp.Barcode) -> bool:
    """The band of four modules around the symbol holds no ink."""
    position = code.position
    xs = [p.x for p in (position.top_left, position.top_right, position.bottom_left,
                        position.bottom_right)]
    ys = [p.y for p in (position.top_left, position.top_right, position.bottom_left,
                        position.bottom_right)]
    modules = segno.make_qr(code.text, error="m").symbol_size(border=0)[0]
    module = (max(xs) - min(xs)) / modules
    quiet = 4 * module
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    pixel = ink(image)
    edge = 3  # anti-aliasing at the symbol's own edge
    for x in range(int(left - quiet) + 1, int(right + quiet)):
        for y in range(int(top - quiet) + 1, int(bottom + quiet)):
            inside = left - edge <= x <= right + edge and top - edge <= y <= bottom + edge
            if not inside and pixel(x, y) < 200:
                return False
    return True


def test_every_qr_code_decodes_to_its_members_number(
    owner_ctx: Context, plan_id: int, tmp_path: Path
) -> None:
    numbers = many_members(owner_ctx, plan_id, 23)
    path = tmp_path / "cards.pdf"

    assert print_cards(owner_ctx, None, path, lang="en") == 23

    assert len(PdfReader(str(path)).pages) == 3
    pages = render(path, tmp_path / "png", DPI)
    decoded_per_page = [decode(page) for page in pages]
    assert [len(codes) for codes in decoded_per_page] == [10, 10, 3]
    decoded = [code.text for codes in decoded_per_page for code in codes]
    assert sorted(decoded) == sorted(numbers)
    for page, codes in zip(pages, decoded_per_page, strict=True):
        for code in codes:
            position = code.position
            width_mm = (position.top_right.x - position.top_left.x) / PX_PER_MM
            height_mm = (position.bottom_left.y - position.top_left.y) / PX_PER_MM
            assert width_mm >= 18 and height_mm >= 18, (code.text, width_mm, height_mm)
            assert quiet_zone_is_white(page, code), code.text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_card_shows_the_venue_name_number_plan_and_expiry(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path, lang: str
) -> None:
    update_settings(owner_ctx, {"venue.name": "松风山庄", "venue.address": "杭州市龙井路 88 号"})
    row = add_member("欧阳娜娜", company="杭州西湖龙井茶叶有限公司")
    path = tmp_path / "cards.pdf"
    print_cards(owner_ctx, [row.id], path, lang=lang)

    [text] = page_texts(path)
    for shown in ("松风山庄", "欧阳娜娜", row.number, "金卡 Gold", "2027-11-25",
                  "杭州市龙井路 88 号"):
        assert shown in text
    labels = (["Member no.", "Plan", "Valid until", "Member cards", "Page 1 of 1"]
              if lang == "en" else ["会员号", "套餐", "有效期至", "会员卡", "第 1 页，共 1 页"])
    for label in labels:
        assert label in text


def test_cards_for_chosen_members_or_every_member_not_archived(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path
) -> None:
    first, second = add_member("张三"), add_member("李四")
    unpaid = add_member("王五", paid=False)
    archived = add_member("赵六")
    ms.set_archived(owner_ctx, archived.id, True)

    assert print_cards(owner_ctx, [second.id, archived.id], tmp_path / "two.pdf") == 2
    [chosen] = page_texts(tmp_path / "two.pdf")
    assert "李四" in chosen and "赵六" in chosen and "张三" not in chosen

    assert print_cards(owner_ctx, None, tmp_path / "all.pdf") == 3
    [everyone] = page_texts(tmp_path / "all.pdf")
    for name in ("张三", "李四", "王五"):
        assert name in everyone
    assert "赵六" not in everyone
    assert unpaid.number in everyone and first.number in everyone


def test_an_unknown_member_is_refused(owner_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        print_cards(owner_ctx, [12345], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_no_member_prints_one_page_saying_so(owner_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "cards.pdf"
    assert print_cards(owner_ctx, None, path, lang="zh_CN") == 0
    [text] = page_texts(path)
    assert "没有可打印会员卡的会员。" in text


def test_cut_marks_sit_in_the_margins_on_every_cut(
    owner_ctx: Context, plan_id: int, tmp_path: Path
) -> None:
    many_members(owner_ctx, plan_id, 10)
    path = tmp_path / "cards.pdf"
    print_cards(owner_ctx, None, path)
    [page] = render(path, tmp_path / "png", 150)
    scale = 150 / 72
    pixel = ink(page)
    height_px = page.size[1]

    def dark_between(points: list[tuple[float, float]]) -> bool:
        return any(pixel(round(x * scale), round(y * scale)) < 128 for x, y in points)

    top = height_px / scale - (BOTTOM + ROWS * CARD_HEIGHT)  # the cards' top edge, from above
    for column in range(COLUMNS + 1):
        x = LEFT + column * CARD_WIDTH
        mark = [(x + dx, top - (2 + step * 0.5) * PT_PER_MM)
                for step in range(8) for dx in (-0.5, 0, 0.5)]
        assert dark_between(mark), f"no cut mark above x={x / PT_PER_MM:.1f} mm"
    for row in range(ROWS + 1):
        y = height_px / scale - (BOTTOM + row * CARD_HEIGHT)
        mark = [(LEFT - (2 + step * 0.5) * PT_PER_MM, y + dy)
                for step in range(8) for dy in (-0.5, 0, 0.5)]
        assert dark_between(mark), f"no cut mark left of row edge {row}"


def test_no_text_crosses_a_cut_even_for_long_names(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path
) -> None:
    venue = "松风山庄国际会员俱乐部暨山水茶文化交流中心 Pine Wind Lodge"
    update_settings(owner_ctx, {"venue.name": venue})
    add_member("Maximilian Alexander Wolfgang von Hohenzollern-Sigmaringen the Third")
    add_member("爱新觉罗·溥仪溥杰溥任毓嶦毓岷毓嵂恒煦恒钧恒镇")
    path = tmp_path / "cards.pdf"
    print_cards(owner_ctx, None, path, lang="zh_CN")

    cuts_x = [(LEFT + c * CARD_WIDTH) for c in range(COLUMNS + 1)]
    cuts_y_from_top = [842 - (BOTTOM + r * CARD_HEIGHT) for r in range(ROWS + 1)]
    for _page, _width, x0, y0, x1, y1, word in words_with_boxes(path):
        if y1 < cuts_y_from_top[-1]:
            continue  # the page header above the cards
        assert not any(x0 < cut < x1 for cut in cuts_x), word
        assert not any(y0 < cut < y1 for cut in cuts_y_from_top), word
    [text] = page_texts(path)
    assert "爱新觉罗·溥仪" in text


def test_an_erased_member_gets_no_card(owner_ctx: Context, add_member: AddMember,
                                       tmp_path: Path) -> None:
    import datetime as dt

    from desktop.models.members import Member

    row = add_member("张三")
    with owner_ctx.transaction() as tx:
        member = tx.session.get(Member, row.id)
        assert member is not None
        member.erased_at = dt.datetime(2026, 11, 1)
    with pytest.raises(DomainError):
        print_cards(owner_ctx, [row.id], tmp_path / "cards.pdf")
