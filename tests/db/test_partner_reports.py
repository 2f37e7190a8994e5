"""The partner directory and the circle board, read back as a person reads them, and the
partners export: active partners by category with the benefit, an expiring agreement flagged,
ended and inactive partners left out; the board always exactly one page, the newest items
that fit, "and N more", and never a phone number, e-mail or WeChat id; CSV and XLSX read back;
``clubhouse print partners|board`` and ``export partners``; the demo's partners and circle."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.circle.service import (
    ItemInput,
    create_item,
    follow_ups,
    list_introductions,
    set_item_status,
)
from desktop.cli import main
from desktop.clock import FixedClock
from desktop.db import Database
from desktop.demo import fill_demo
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.partners.export import export_partners
from desktop.partners.service import (
    PartnerInput,
    PartnerView,
    create_partner,
    list_benefit_uses,
    log_benefit_use,
    search_partners,
)
from desktop.partners.sponsors import partner_events
from desktop.reports.board import print_board, without_contacts
from desktop.reports.partners import print_partners
from desktop.security import Hasher
from desktop.services import Context
from tests.db.test_booking_demo import _owner
from tests.pdf.pdftools import fonts, page_texts, squeeze

TODAY = dt.date(2026, 11, 26)  # the test clock's day
DAY = dt.timedelta(days=1)


def partner(ctx: Context, name: str, category: str, **fields: object) -> PartnerView:
    return create_partner(ctx, PartnerInput(name, category, **fields))  # type: ignore[arg-type]


@pytest.fixture
def partners(owner_ctx: Context) -> dict[str, PartnerView]:
    """Five partners: a restaurant and a reading club running, a tea house whose agreement
    ends in 30 days, a fishing shop whose agreement ended, an inactive guesthouse."""
    return {
        "tea": partner(owner_ctx, "龙井山房茶馆", "tea", contact_person="周文涛",
                       phone="0571-87961234", address="杭州市西湖区龙井路 128 号", city="杭州",
                       benefit="会员茶饮 9折", agreement_starts=TODAY - 300 * DAY,
                       agreement_ends=TODAY + 30 * DAY, tier="金牌赞助"),
        "restaurant": partner(owner_ctx, "知味楼私房菜", "restaurant", contact_person="何美玲",
                              phone="13705716688", address="南山路 210 号", city="杭州",
                              benefit="堂食 8.8折（酒水除外）",
                              agreement_ends=TODAY + 400 * DAY),
        "reading": partner(owner_ctx, "Lakeside Readers", "reading_club",
                           benefit="30% off the annual card"),
        "fishing": partner(owner_ctx, "渔乐户外钓具", "fishing_gear", benefit="钓具 85折",
                           agreement_starts=TODAY - 400 * DAY, agreement_ends=TODAY - 5 * DAY),
        "lodging": partner(owner_ctx, "云栖山舍民宿", "lodging", benefit="住宿 8折",
                           active=False),
    }


def make_people(ctx: Context, names: list[str]) -> list[int]:
    """Paid members with a phone, an e-mail and a WeChat id on their record, in one
    transaction; returns their ids."""
    ids = []
    with ctx.transaction() as tx:
        plan = mm.create_plan(tx, mm.PlanInput("年卡 Annual", "1980", 12, is_default=True))
        for index, name in enumerate(names):
            row = ms.create_member(tx, ms.MemberInput(
                name, phone=f"1390571{index:04d}", email=f"person{index}@example.com",
                wechat=f"wx_person{index}"), allow_duplicates=True)
            mm.record_membership(tx, row.id, plan)
            ids.append(row.id)
    return ids


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel opens Chinese intact
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


# ---------------------------------------------------------------- the partner directory


def test_the_directory_lists_active_partners_by_category_with_the_benefit(
        owner_ctx: Context, partners: dict[str, PartnerView], tmp_path: Path) -> None:
    path = tmp_path / "partners.pdf"

    assert print_partners(owner_ctx, path, lang="en") == 3

    [text] = page_texts(path)
    flat = squeeze(text)
    # categories in their order, each partner under its own
    assert flat.index("Restaurant(1)") < flat.index("知味楼私房菜") < flat.index("Tea(1)") \
        < flat.index("龙井山房茶馆") < flat.index("Readingclubfranchise(1)") \
        < flat.index("LakesideReaders")
    for needle in ("会员茶饮9折", "堂食8.8折（酒水除外）", "30%offtheannualcard",
                   "Contact:周文涛", "Phone:057187961234", "Address:杭州市西湖区龙井路128号",
                   "Address:杭州南山路210号", "Tier:金牌赞助", "Agreementuntil2026-12-26",
                   "Agreement:noenddate"):
        assert needle in flat, needle
    # only the tea house's agreement ends within 60 days: flagged once
    assert flat.count("Agreementendswithin60days(30daysleft)") == 1
    # an ended agreement and an inactive partner are not offered to members
    assert "渔乐户外钓具" not in flat and "云栖山舍民宿" not in flat
    assert "Partnerdirectory" in flat and "Page1of1" in flat
    assert all(f["embedded"] for f in fonts(path))


def test_the_directory_in_chinese_and_on_many_pages_with_the_header_on_each(
        owner_ctx: Context, tmp_path: Path) -> None:
    with owner_ctx.transaction() as tx:
        for index in range(40):
            create_partner(tx, PartnerInput(
                f"合作餐厅{index:02d}", "restaurant", contact_person="王经理",
                phone=f"1380000{index:04d}", address="杭州市西湖区文三路 100 号",
                benefit="会员消费 9折，赠送甜品一份", agreement_ends=TODAY + (20 + index) * DAY))
    path = tmp_path / "partners-zh.pdf"

    assert print_partners(owner_ctx, path, lang="zh_CN") == 40

    texts = page_texts(path)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        flat = squeeze(text)
        assert "合作伙伴名录" in flat
        assert f"第{number}页，共{len(texts)}页" in flat
    everything = squeeze("".join(texts))
    assert "餐厅（40）" in everything
    assert all(f"合作餐厅{index:02d}" in everything for index in range(40))
    assert "会员消费9折，赠送甜品一份" in everything and "联系人：王经理" in everything
    # 20..60 days left: the first 41 days are flagged, i.e. every one but none past 60
    assert everything.count("协议将在60天内到期") == 40 - sum(1 for i in range(40) if 20 + i > 60)
    assert all(f["embedded"] for f in fonts(path))


def test_the_directory_with_no_partner_says_so(desk_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "none.pdf"
    assert print_partners(desk_ctx, path, lang="en") == 0  # the desk may print it
    assert "No active partner; nothing to print." in page_texts(path)[0]


# ---------------------------------------------------------------- the circle board


def test_the_board_shows_needs_and_offers_without_contact_details(
        owner_ctx: Context, tmp_path: Path) -> None:
    zhang, wang, li = make_people(owner_ctx, ["张三", "王五", "李四"])
    create_item(owner_ctx, ItemInput("need", zhang, "寻找有机绿茶供应商",
                                     "每月 20 斤明前龙井。电话 139 0571 0000，邮箱 "
                                     "person0@example.com，微信 zhang_tea88", ["茶艺", "餐饮"]))
    create_item(owner_ctx, ItemInput("offer", wang, "免费法律咨询",
                                     "执业十五年，擅长劳动法。WeChat: wx_person1", ["法律"]))
    create_item(owner_ctx, ItemInput("offer", li, "Garden design",
                                     "Call +86 139 0571 0002 or write to person2@example.com",
                                     ["设计"]))
    closed = create_item(owner_ctx, ItemInput("need", li, "已经解决的需求", None, ["读书"]))
    set_item_status(owner_ctx, closed.id, "closed")
    path = tmp_path / "board.pdf"

    made = print_board(owner_ctx, path, lang="zh_CN")

    assert (made.needs, made.offers, made.needs_shown, made.offers_shown) == (1, 2, 1, 2)
    [text] = page_texts(path)
    flat = squeeze(text)
    for needle in ("圈子布告栏", "需求（1）", "供给（2）", "寻找有机绿茶供应商", "每月20斤明前龙井",
                   "#茶艺", "#餐饮", "#法律", "免费法律咨询", "Gardendesign", "张三", "王五",
                   "李四", "想认识布告栏上的哪位会员？请到前台，我们为您引荐。", "第1页，共1页"):
        assert needle in flat, needle
    assert "已经解决的需求" not in flat  # only open items
    # no way to reach a member but through the desk
    assert not re.search(r"\d{7,}", flat), flat
    assert "@" not in flat and "example.com" not in flat
    assert "zhang_tea88" not in flat and "wx_person" not in flat
    assert all(f["embedded"] for f in fonts(path))


def test_the_board_is_one_page_with_200_items_newest_first_and_n_more(
        owner_ctx: Context, desk_ctx: Context, tmp_path: Path) -> None:
    [member] = make_people(owner_ctx, ["陈明"])
    with desk_ctx.transaction() as tx:
        for index in range(200):
            side = "need" if index % 2 else "offer"
            create_item(tx, ItemInput(side, member, f"{side} {index:03d} 一个相当长的标题，"
                                      "需要换行才能放得下的那种标题内容",
                                      "描述文字，" * 30, ["茶艺", "钓鱼", "读书"]))
    path = tmp_path / "board.pdf"

    made = print_board(desk_ctx, path, lang="en")

    assert pages(path) == 1
    assert made.needs == made.offers == 100
    assert 3 <= made.needs_shown < 100 and 3 <= made.offers_shown < 100
    [text] = page_texts(path)
    flat = squeeze(text)
    assert f"…and{100 - made.needs_shown}moreatthefrontdesk" in flat
    assert f"…and{100 - made.offers_shown}moreatthefrontdesk" in flat
    assert "need199" in flat and "offer198" in flat  # the newest are shown
    assert "need001" not in flat and "offer000" not in flat  # the oldest wait at the desk
    assert "Page1of1" in flat and "Wanttomeetsomeoneonthisboard?" in flat


def test_an_empty_board_says_so_on_its_one_page(owner_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    made = print_board(owner_ctx, path, lang="en")
    assert (made.needs, made.offers) == (0, 0)
    assert pages(path) == 1
    flat = squeeze(page_texts(path)[0])
    assert "Noopenneedsrightnow." in flat and "Noopenoffersrightnow." in flat


@pytest.mark.parametrize(("text", "printed"), [
    ("电话 138 0571 0001，微信 lin_tea2020", "电话 ***，微信 ***"),
    ("mail a.b+c@example.com.cn now", "mail *** now"),
    ("+86 139-1234-5678", "***"),
    ("wx_123 or vx: abcde12", "*** or vx ***"),
    ("预算 5000 元，2026 年 3 月", "预算 5000 元，2026 年 3 月"),  # amounts and dates stay
])
def test_contact_details_are_blanked(text: str, printed: str) -> None:
    assert without_contacts(text) == printed


# ---------------------------------------------------------------- the export


def test_export_partners_csv_has_every_field_and_the_uses(
        owner_ctx: Context, partners: dict[str, PartnerView], tmp_path: Path) -> None:
    a, b = make_people(owner_ctx, ["张三", "王五"])
    tea = partners["tea"].id
    log_benefit_use(owner_ctx, tea, a, used_on=TODAY - 40 * DAY, value="88")
    log_benefit_use(owner_ctx, tea, a, used_on=TODAY - 10 * DAY)
    log_benefit_use(owner_ctx, tea, b, used_on=TODAY - 3 * DAY, value="120.5")
    path = tmp_path / "partners.csv"

    assert export_partners(owner_ctx, path, lang="en") == 5

    header, *rows = read_csv(path)
    assert header == ["id", "Partner name", "Category", "Contact person", "Phone", "Address",
                      "City", "Benefit", "Agreement starts", "Agreement ends", "Tier", "Notes",
                      "Active", "Agreement", "Uses", "Members served", "Last used"]
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_name) == {"龙井山房茶馆", "知味楼私房菜", "Lakeside Readers", "渔乐户外钓具",
                            "云栖山舍民宿"}  # inactive and ended included
    row = by_name["龙井山房茶馆"]
    assert row["id"] == str(tea) and row["Category"] == "Tea"
    assert (row["Contact person"], row["Phone"], row["City"]) == ("周文涛", "0571 8796 1234",
                                                                 "杭州")
    assert (row["Agreement starts"], row["Agreement ends"]) == ("2026-01-30", "2026-12-26")
    assert (row["Tier"], row["Active"], row["Agreement"]) == ("金牌赞助", "yes",
                                                               "ends within 60 days")
    assert (row["Uses"], row["Members served"], row["Last used"]) == ("3", "2", "2026-11-23")
    assert by_name["渔乐户外钓具"]["Agreement"] == "ended"
    assert by_name["云栖山舍民宿"]["Active"] == "no"
    assert by_name["知味楼私房菜"]["Agreement"] == "running"
    assert by_name["知味楼私房菜"]["Uses"] == "0" and by_name["知味楼私房菜"]["Last used"] == ""


def test_export_partners_xlsx_in_chinese(desk_ctx: Context, partners: dict[str, PartnerView],
                                         tmp_path: Path) -> None:
    path = tmp_path / "partners.xlsx"

    assert export_partners(desk_ctx, path, lang="zh_CN") == 5

    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[:4] == ["id", "合作伙伴名称", "类别", "联系人"] and header[-3:] == [
        "使用次数", "服务会员数", "最近使用"]
    tea = next(row for row in rows if row[1] == "龙井山房茶馆")
    assert tea[2] == "茶" and tea[12] == "是" and tea[13] == "60 天内到期"
    assert tea[9] == dt.datetime(2026, 12, 26)  # a real date cell
    assert next(row for row in rows if row[1] == "云栖山舍民宿")[12] == "否"


# ---------------------------------------------------------------- the command line


@pytest.fixture
def signed(owner_ctx: Context, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    url = owner_ctx.database.url.render_as_string(hide_password=False)
    return ["--db", url, "--user", "owner"]


def test_the_command_line_prints_and_exports(
        signed: list[str], owner_ctx: Context, partners: dict[str, PartnerView],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [member] = make_people(owner_ctx, ["张三"])
    create_item(owner_ctx, ItemInput("need", member, "寻找有机绿茶供应商", None, ["茶艺"]))
    directory, board = tmp_path / "partners.pdf", tmp_path / "board.pdf"
    table = tmp_path / "partners.csv"

    assert main(["print", "partners", "-o", str(directory), *signed]) == 0
    assert main([*signed, "--lang", "zh_CN", "print", "board", "-o", str(board)]) == 0
    assert main(["export", "partners", str(table), *signed]) == 0

    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        f"Partner directory of 3 partners written to {directory}.",
        f"圈子布告栏（需求 1/1 条，供给 0/0 条）已写入 {board}。",
        f"5 partners written to {table}.",
    ]
    assert "寻找有机绿茶供应商" in page_texts(board)[0]
    assert len(read_csv(table)) == 6


def test_the_command_line_refuses_a_wrong_file_kind(
        signed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "partners", str(tmp_path / "partners.pdf"), *signed]) == 1
    assert capsys.readouterr().err.strip() == (
        "clubhouse: Export to a file whose name ends in .csv or .xlsx.")
    assert not (tmp_path / "partners.pdf").exists()


# ---------------------------------------------------------------- the demo


def test_the_demo_has_partners_uses_sponsors_offers_needs_and_introductions(
        database: Database, clock: FixedClock, hasher: Hasher, tmp_path: Path) -> None:
    made = fill_demo(database, clock=clock, hasher=hasher)
    lines = [line.render("en") for line in made]
    assert any("6 partners, 25 benefit uses (1 after an agreement ended)" in line
               for line in lines), lines
    ctx = _owner(database, clock, hasher)

    everyone = search_partners(ctx, "", active_only=False)
    assert {p.category for p in everyone} == {"tea", "farm_orchard", "restaurant",
                                             "fishing_gear", "lodging", "reading_club"}
    assert sum(p.expiring for p in everyone) == 1
    assert sum(p.agreement_ended for p in everyone) == 1
    assert sum(not p.active for p in everyone) == 1
    uses = [u for p in everyone for u in list_benefit_uses(ctx, partner_id=p.id)]
    assert len(uses) == 25 and sum(1 for u in uses if u.value is not None) >= 15
    assert [u.warning_note for u in uses if u.warning_note] and all(
        u.used_on <= clock.now().date() for u in uses)
    assert sum(len(partner_events(ctx, p.id)) for p in everyone) >= 2

    intros = list_introductions(ctx)
    outcomes = {i.outcome for i in intros}
    assert outcomes == {"not_yet", "met", "working_together", "deal_done", "no_fit"}
    assert any(i.outcome == "deal_done" and i.outcome_value for i in intros)
    assert any(i.partner_id for i in intros) and any(i.member_b_id for i in intros)
    assert len(follow_ups(ctx)) >= 2

    directory, board = tmp_path / "partners.pdf", tmp_path / "board.pdf"
    assert print_partners(ctx, directory, lang="zh_CN") == 4
    assert "协议将在60天内到期" in squeeze(page_texts(directory)[0])
    result = print_board(ctx, board, lang="zh_CN")
    assert pages(board) == 1 and result.needs >= 8 and result.offers >= 8
    assert not re.search(r"\d{7,}", squeeze(page_texts(board)[0]))

