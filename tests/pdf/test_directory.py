"""The member directory PDF, read back: who is in it, in which order, on which page, in which
language, and that its Chinese is embedded as text."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.members import service as ms
from desktop.members.status import Status
from desktop.reports.directory import print_directory
from desktop.services import Context
from desktop.settings.store import update_settings
from tests.pdf.conftest import AddMember, many_members
from tests.pdf.pdftools import fonts, images_per_page, in_order, page_texts, words_with_boxes

LABELS = {
    "en": ["No.", "Name", "Phone", "Company / title", "City", "Tags", "Plan", "Status", "Ends"],
    "zh_CN": ["会员号", "姓名", "电话", "公司 / 职位", "城市", "标签", "套餐", "状态", "到期日"],
}


def test_every_member_not_archived_is_listed_in_pinyin_order(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path
) -> None:
    add_member("张三", phone="13800138000", company="山水科技", title="总经理", city="杭州",
               tags=["茶", "钓鱼"])
    add_member("李四")
    add_member("Alice Wong", company="Acme")
    add_member("王五", paid=False)  # never paid: lapsed, still in the directory
    suspended = add_member("钱七")
    ms.suspend_member(owner_ctx, suspended.id, "unpaid bar bill")
    archived = add_member("赵六")
    ms.set_archived(owner_ctx, archived.id, True)

    count = print_directory(owner_ctx, None, tmp_path / "directory.pdf", lang="en")

    assert count == 5
    [text] = page_texts(tmp_path / "directory.pdf")
    assert "赵六" not in text
    order = ["Alice Wong", "李四", "钱七", "王五", "张三"]  # alice, li, qian, wang, zhang
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)
    for shown in ("138 0013 8000", "山水科技 · 总经理", "杭州", "茶, 钓鱼", "金卡 Gold",
                  "2027-11-25", "lapsed", "suspended", "new"):
        assert shown in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_page_has_the_venue_title_date_and_page_x_of_y_and_the_header_row(
    owner_ctx: Context, plan_id: int, tmp_path: Path, lang: str
) -> None:
    update_settings(owner_ctx, {"venue.name": "松风山庄 Pine Wind Lodge"})
    numbers = many_members(owner_ctx, plan_id, 75)
    path = tmp_path / "directory.pdf"

    assert print_directory(owner_ctx, None, path, lang=lang) == 75

    pages = page_texts(path)
    assert len(pages) == len(PdfReader(str(path)).pages) >= 2
    title, printed = (("Member directory", "Printed 2026-11-26 09:00") if lang == "en"
                      else ("会员名录", "打印于 2026-11-26 09:00"))
    for number, text in enumerate(pages, start=1):
        assert "松风山庄 Pine Wind Lodge" in text
        assert title in text
        assert printed in text
        page_x_of_y = (f"Page {number} of {len(pages)}" if lang == "en"
                       else f"第 {number} 页，共 {len(pages)} 页")
        assert page_x_of_y in text
        for label in LABELS[lang]:  # the header row repeats on every page
            assert label in text, (number, label)
    # A page break neither loses nor repeats a member.
    seen = [n for text in pages for n in numbers if n in text.split()]
    assert sorted(seen) == sorted(numbers)


def test_the_chinese_font_is_embedded_and_no_other_font_is_needed(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path
) -> None:
    add_member("欧阳娜娜", company="杭州西湖龙井茶叶有限公司")
    path = tmp_path / "directory.pdf"
    print_directory(owner_ctx, None, path, lang="zh_CN")

    used = fonts(path)
    assert used, "no font found"
    assert all(font["embedded"] and font["truetype"] for font in used), used
    assert any("WenQuanYi" in font["name"] for font in used)
    assert "欧阳娜娜" in page_texts(path)[0]  # Chinese as text, not as pictures


def test_long_company_names_wrap_inside_the_page_and_names_print_as_written(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path
) -> None:
    company = "浙江省杭州市西湖区龙井村山水茶文化传播与国际会议服务有限责任公司上海分公司"
    add_member("诸葛亮", company=company, title="董事长兼首席执行官", city="杭州")
    odd = "Smith & Sons <Holdings> Limited Partnership of Greater Hangzhou and Shanghai"
    add_member("O'Brien <Jr.> & Co", company=odd)
    path = tmp_path / "directory.pdf"
    print_directory(owner_ctx, None, path, lang="zh_CN")

    [text] = page_texts(path)
    assert in_order(company + "董事长兼首席执行官", text)  # wrapped, never cut short
    assert in_order(odd, text)
    assert "O'Brien <Jr.> & Co" in text
    right_margin = 14 / 25.4 * 72
    for _page, width, x0, _y0, x1, _y1, word in words_with_boxes(path):
        assert x0 >= 0 and x1 <= width - right_margin + 1, word


def test_printed_from_the_view_it_prints_the_current_filter(
    owner_ctx: Context, add_member: AddMember, tmp_path: Path
) -> None:
    add_member("张三")
    add_member("李四", paid=False)
    path = tmp_path / "lapsed.pdf"

    count = print_directory(owner_ctx, ms.MemberQuery(status=Status.LAPSED), path, lang="en")

    assert count == 1
    [text] = page_texts(path)
    assert "李四" in text and "张三" not in text
    assert "Only members matching: status lapsed" in text


def test_an_empty_directory_says_there_is_nothing_to_print(
    owner_ctx: Context, tmp_path: Path
) -> None:
    path = tmp_path / "empty.pdf"
    assert print_directory(owner_ctx, None, path, lang="zh_CN") == 0
    [text] = page_texts(path)
    assert "没有符合条件的会员，无可打印内容。" in text
    assert "第 1 页，共 1 页" in text


def test_the_logo_is_on_every_page(owner_ctx: Context, plan_id: int, tmp_path: Path) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (120, 60), (40, 110, 120)).save(logo, format="PNG")
    update_settings(owner_ctx, {"venue.logo": logo.getvalue().hex()})
    many_members(owner_ctx, plan_id, 45)
    path = tmp_path / "directory.pdf"
    print_directory(owner_ctx, None, path, lang="en")

    counts = images_per_page(path)
    assert len(counts) >= 2 and all(count == 1 for count in counts)


def test_text_is_composed_before_printing(owner_ctx: Context, tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Café Zoë Lodge")
    update_settings(owner_ctx, {"venue.name": decomposed})
    path = tmp_path / "directory.pdf"
    print_directory(owner_ctx, None, path, lang="en")
    [text] = page_texts(path)
    assert "Café Zoë Lodge" in unicodedata.normalize("NFC", text)
    assert "\u0301" not in text and "\u0308" not in text


def test_a_missing_folder_is_refused_and_nothing_is_left_behind(
    owner_ctx: Context, tmp_path: Path
) -> None:
    from desktop.errors import DomainError

    with pytest.raises(DomainError) as error:
        print_directory(owner_ctx, None, tmp_path / "nowhere" / "d.pdf", lang="en")
    assert error.value.field == "path"
    assert not (tmp_path / "nowhere").exists()
