"""Importing members from spreadsheets: every rule of the preview, all-or-nothing writing,
duplicates, encodings, XLSX layouts and files that are not spreadsheets (SQLite and PostgreSQL).

The files are generated here, so every test shows the exact bytes it imports.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.errors import DomainError, PermissionDenied
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.members.importer import Action, apply_import, preview_import
from desktop.models.audit import AuditEntry
from desktop.models.members import Member, MembershipPeriod, Tag
from desktop.services import Context

HEADER = ["姓名", "手机", "邮箱", "公司", "标签", "入会日期", "到期日期"]


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8-sig",
              delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def plan_id(owner_ctx: Context) -> int:
    return mm.create_plan(owner_ctx, mm.PlanInput("Annual 年卡", "1980", 12, is_default=True))


@pytest.fixture
def csv_file(tmp_path: Path):
    def make(*rows: Sequence[object], header: list[str] | None = None, **kwargs: str) -> Path:
        return write_csv(tmp_path / "members.csv", [header or HEADER, *rows], **kwargs)

    return make


def members(ctx: Context) -> list[ms.MemberRow]:
    return ms.search_members(ctx, ms.MemberQuery(include_archived=True, sort="number"))


def member_count(ctx: Context) -> int:
    return ms.count_members(ctx, ms.MemberQuery(include_archived=True))


def problems(preview) -> list[tuple[int, str | None, str]]:
    return [(row, note.field, note.message.render("en")) for row, note in preview.problems()]


# ---------------------------------------------------------------- names, phones, emails, dates


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_an_empty_or_blank_name_stops_the_row(owner_ctx: Context, plan_id: int, csv_file,
                                              name: str) -> None:
    path = csv_file([name, "13800138000"], ["张三", "13900139000"])
    preview = preview_import(owner_ctx, path)
    assert [r.action for r in preview.rows] == [Action.INVALID, Action.CREATE]
    assert problems(preview) == [(2, "name", "A member needs a name.")]
    assert next(preview.problems())[1].heading() == "姓名"
    result = apply_import(owner_ctx, path)
    assert not result.written
    assert member_count(owner_ctx) == 0


@pytest.mark.parametrize("phone", ["138-0013-8000", "+86 138 0013 8000", "(+86)13800138000",
                                   "13800138000", "８６１３８００１３８０００"])
def test_every_way_of_writing_a_phone_is_one_number(owner_ctx: Context, plan_id: int,
                                                    csv_file, phone: str) -> None:
    ms.create_member(owner_ctx, ms.MemberInput("老会员", phone="13800138000"))
    path = csv_file(["张三", phone])
    preview = preview_import(owner_ctx, path)
    assert preview.rows[0].data.phone == "+8613800138000"
    assert preview.rows[0].action is Action.SKIP_DUPLICATE
    assert preview.rows[0].duplicate_of is not None
    assert preview.rows[0].duplicate_of.name == "老会员"


def test_the_formats_of_one_phone_in_one_file_are_a_repeated_phone(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(["张三", "138-0013-8000"], ["李四", "+86 138 0013 8000"],
                    ["王五", "(+86)13800138000"], ["赵六", "13800138000"])
    preview = preview_import(owner_ctx, path)
    assert [r.action for r in preview.rows] == [Action.CREATE] + [Action.INVALID] * 3
    assert problems(preview) == [(row, "phone", "Row 2 already has this phone number.")
                                 for row in (3, 4, 5)]


@pytest.mark.parametrize("phone", ["12345", "1380013800", "phone", "+86 999 0000 0000"])
def test_an_invalid_phone_stops_the_row(owner_ctx: Context, plan_id: int, csv_file,
                                        phone: str) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", phone]))
    assert preview.rows[0].action is Action.INVALID
    [(row, field, text)] = problems(preview)
    assert (row, field) == (2, "phone")
    assert "phone number" in text


@pytest.mark.parametrize("email", ["zhang.example.com", "@example.com", "zhang@"])
def test_an_email_without_an_at_or_domain_stops_the_row(owner_ctx: Context, plan_id: int,
                                                        csv_file, email: str) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", "", email]))
    assert problems(preview) == [(2, "email", f"{email} is not an email address.")]


def test_an_expiry_before_the_join_date_stops_the_row(owner_ctx: Context, plan_id: int,
                                                      csv_file) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", "", "", "", "", "2025-03-01",
                                                  "2025-02-28"]))
    assert problems(preview) == [
        (2, "expires", "The expiry date 2025-02-28 is before the join date 2025-03-01.")]
    assert next(preview.problems())[1].heading() == "到期日期"


@pytest.mark.parametrize(("joined", "expires"), [
    ("2025-03-01", "2026-02-28"),
    ("2025/3/1", "2026/2/28"),
    ("2025.3.1", "2026.2.28"),
    ("2025年3月1日", "2026年2月28日"),
    ("20250301", "20260228"),
    ("45717", "46081"),  # Excel serial numbers
    ("２０２５－０３－０１", "2026-02-28 00:00:00"),
])
def test_dates_in_the_forms_people_write_them(owner_ctx: Context, plan_id: int, csv_file,
                                              joined: str, expires: str) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", "", "", "", "", joined, expires]))
    row = preview.rows[0]
    assert row.problems == []
    assert row.data.joined_on == dt.date(2025, 3, 1)
    assert row.period is not None
    assert (row.period.starts_on, row.period.ends_on) == (dt.date(2025, 3, 1),
                                                          dt.date(2026, 2, 28))
    assert row.period.plan == "Annual 年卡"


@pytest.mark.parametrize("value", ["1/3/2025", "March 1", "2025-02-30", "2025", "soon"])
def test_a_date_nobody_can_read_stops_the_row(owner_ctx: Context, plan_id: int, csv_file,
                                              value: str) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", "", "", "", "", value]))
    [(row, field, text)] = problems(preview)
    assert (row, field) == (2, "joined")
    assert value in text


def test_warnings_do_not_stop_a_row(owner_ctx: Context, plan_id: int, csv_file) -> None:
    ms.create_member(owner_ctx, ms.MemberInput("王伟", phone="13700137000", company="山庄茶社"))
    path = csv_file(["王伟", "13900139000", "", "山庄茶社", "茶艺、Fishing", "2027-01-01",
                     "2027-12-31"])
    preview = preview_import(owner_ctx, path)
    row = preview.rows[0]
    assert row.action is Action.CREATE
    assert row.problems == []
    texts = [note.message.render("en") for note in row.warnings]
    assert any("same name and company" in text for text in texts)
    assert "The join date 2027-01-01 is in the future." in texts
    assert "The tag 茶艺 is new and will be created." in texts
    assert "The tag Fishing is new and will be created." in texts
    assert apply_import(owner_ctx, path).written
    assert member_count(owner_ctx) == 2


def test_an_unknown_plan_stops_the_row_and_names_the_plans(owner_ctx: Context, plan_id: int,
                                                           csv_file) -> None:
    mm.create_plan(owner_ctx, mm.PlanInput("Quarterly 季卡", "600", 3))
    path = csv_file(["张三", "", "", "", "", "2026-01-01", "2026-12-31", "Gold"],
                    ["李四", "", "", "", "", "2026-10-01", "2026-12-31", "quarterly 季卡"],
                    header=[*HEADER, "套餐"])
    preview = preview_import(owner_ctx, path)
    assert problems(preview) == [
        (2, "plan", "There is no plan called Gold (plans: Annual 年卡, Quarterly 季卡).")]
    assert preview.rows[1].period is not None
    assert preview.rows[1].period.plan == "Quarterly 季卡"


def test_an_expiry_without_a_join_date_starts_one_plan_length_before(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", "", "", "", "", "", "2027-02-28"]))
    row = preview.rows[0]
    assert row.period is not None
    assert row.period.starts_on == dt.date(2026, 3, 1)
    assert row.data.joined_on == dt.date(2026, 3, 1)
    assert any("No join date" in note.message.render("en") for note in row.warnings)


def test_expiry_dates_need_a_plan_to_exist(owner_ctx: Context, csv_file) -> None:
    preview = preview_import(owner_ctx, csv_file(["张三", "", "", "", "", "2026-01-01",
                                                  "2026-12-31"]))
    assert [field for _row, field, _text in problems(preview)] == ["expires"]


# ---------------------------------------------------------------- writing


def test_an_import_writes_members_periods_tags_and_audit_entries(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    ms.create_member(owner_ctx, ms.MemberInput("已有", tags=["tea"]))
    path = csv_file(["张三", "138-0013-8000", "zs@example.com", "山庄",
                     "TEA；钓鱼 , ｆｉｓｈｉｎｇ", "2026-01-01", "2026-12-31"],
                    ["Li Si", "", "", "", "", "", ""])
    result = apply_import(owner_ctx, path)
    assert result.written and (result.created, result.updated) == (2, 0)
    rows = {row.name: row for row in members(owner_ctx)}
    zhang = rows["张三"]
    assert zhang.number == "M00002"
    assert zhang.phone == "138 0013 8000"
    assert set(zhang.tags) == {"tea", "钓鱼", "fishing"}  # TEA is the tag tea
    assert zhang.plan == "Annual 年卡" and zhang.ends_on == dt.date(2026, 12, 31)
    assert rows["Li Si"].number == "M00003"
    assert rows["Li Si"].joined_on == dt.date(2026, 11, 26)
    assert rows["Li Si"].plan is None
    # The database searches the imported members like any other: pinyin, phone digits, tags.
    assert [r.name for r in ms.search_members(owner_ctx, ms.MemberQuery(text="zs"))] == ["张三"]
    assert [r.name for r in ms.search_members(owner_ctx, ms.MemberQuery(text="0013 8000"))] == [
        "张三"]
    assert [r.name for r in ms.search_members(owner_ctx, ms.MemberQuery(text="钓鱼"))] == ["张三"]
    # The next member added by hand gets the next number.
    assert ms.create_member(owner_ctx, ms.MemberInput("王五")).number == "M00004"
    with owner_ctx.transaction(write=False) as tx:
        entries = tx.session.execute(
            select(AuditEntry.entity, AuditEntry.action, AuditEntry.entity_id, AuditEntry.after)
            .where(AuditEntry.entity.in_(["member", "membership_period"]))
            .order_by(AuditEntry.id)).all()
        created = [(e.entity, e.after["name"]) for e in entries
                   if e.entity == "member" and e.action == "create"]
        assert ("member", "张三") in created and ("member", "Li Si") in created
        zhang_entry = next(e for e in entries if e.entity == "member" and e.action == "create"
                           and e.after["name"] == "张三")
        member = tx.session.get(Member, int(zhang_entry.entity_id))
        assert member is not None
        assert zhang_entry.after["search_text"] == member.search_text
        assert zhang_entry.after["phone"] == "+8613800138000"
        assert any(e.entity == "membership_period" and e.action == "create"
                   and e.after["member_id"] == member.id for e in entries)
        summary = tx.session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
        assert summary.after == {"rows": 2, "created": 2, "updated": 0,
                                 "skipped_duplicates": 0, "skipped_invalid": 0}
        assert summary.note == "members.csv"


def test_one_bad_row_writes_nothing(owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(["张三", "13800138000"], ["李四", "not a phone"], ["王五", "13900139000"])
    result = apply_import(owner_ctx, path)
    assert not result.written
    assert (result.created, result.updated) == (0, 0)
    assert result.preview.invalid == 1 and result.preview.to_create == 2
    assert member_count(owner_ctx) == 0
    with owner_ctx.transaction(write=False) as tx:
        assert tx.session.scalar(select(func.count()).select_from(Tag)) == 0
        assert tx.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "member")) == 0


def test_skip_invalid_writes_the_valid_rows(owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(["张三", "13800138000"], ["李四", "not a phone"], ["王五", "13900139000"])
    result = apply_import(owner_ctx, path, skip_invalid=True)
    assert result.written
    assert (result.created, result.skipped_invalid) == (2, 1)
    assert sorted(r.name for r in members(owner_ctx)) == ["张三", "王五"]


def test_apply_checks_the_file_again_rather_than_trusting_a_preview(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(["张三", "13800138000"])
    assert preview_import(owner_ctx, path).to_create == 1
    ms.create_member(owner_ctx, ms.MemberInput("张三", phone="13800138000"))
    result = apply_import(owner_ctx, path)
    assert (result.created, result.skipped_duplicates) == (0, 1)
    assert member_count(owner_ctx) == 1


def test_duplicates_are_skipped_by_default_archived_ones_too(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    old = ms.create_member(owner_ctx, ms.MemberInput("张三", phone="13800138000",
                                                     email="old@example.com"))
    ms.set_archived(owner_ctx, old.id, True)
    path = csv_file(["张三丰", "+86 138 0013 8000", "new@example.com"], ["李四", "13900139000"])
    result = apply_import(owner_ctx, path)
    assert (result.created, result.updated, result.skipped_duplicates) == (1, 0, 1)
    assert result.preview.rows[0].duplicate_of == ms.PersonRef(old.id, old.number, "张三")
    detail = ms.get_member(owner_ctx, old.id)
    assert (detail.row.name, detail.email) == ("张三", "old@example.com")


def test_a_new_tag_is_announced_by_the_row_that_creates_it(owner_ctx: Context, plan_id: int,
                                                           csv_file) -> None:
    ms.create_member(owner_ctx, ms.MemberInput("张三", phone="13800138000"))
    path = csv_file(["张三", "13800138000", "", "", "围棋"], ["", "", "", "", "围棋"],
                    ["李四", "13900139000", "", "", "围棋"])
    rows = preview_import(owner_ctx, path).rows
    assert [r.action for r in rows] == [Action.SKIP_DUPLICATE, Action.INVALID, Action.CREATE]
    assert [[n.message.render("en") for n in r.warnings] for r in rows] == [
        [], [], ["The tag 围棋 is new and will be created."]]


def test_duplicates_are_updated_when_asked_blank_cells_keep_values(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    old = mm.join_member(owner_ctx, ms.MemberInput("张三", phone="13800138000",
                                                   email="old@example.com", company="旧公司",
                                                   tags=["茶"]), plan_id)
    path = csv_file(["张三", "138 0013 8000", "", "新公司", "围棋", "", "2028-06-30"])
    preview = preview_import(owner_ctx, path, on_duplicate="update")
    row = preview.rows[0]
    assert row.action is Action.UPDATE
    assert row.data.email == "old@example.com" and row.data.company == "新公司"
    assert row.period is not None
    assert row.period.starts_on == dt.date(2027, 11, 26)  # continues after the current end
    result = apply_import(owner_ctx, path, on_duplicate="update")
    assert (result.created, result.updated) == (0, 1)
    detail = ms.get_member(owner_ctx, old.id)
    assert detail.email == "old@example.com"
    assert detail.row.company == "新公司"
    assert detail.row.tags == ("围棋",)
    assert detail.row.ends_on == dt.date(2028, 6, 30)
    assert [r.name for r in ms.search_members(owner_ctx, ms.MemberQuery(text="新公司"))] == [
        "张三"]
    with owner_ctx.transaction(write=False) as tx:
        update = tx.session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "member", AuditEntry.action == "update")).one()
        assert update.before is not None and update.after is not None
        assert update.before["company"] == "旧公司" and update.after["company"] == "新公司"


def test_a_member_number_matches_only_with_the_same_name(owner_ctx: Context, plan_id: int,
                                                         csv_file) -> None:
    first = ms.create_member(owner_ctx, ms.MemberInput("张三"))
    path = csv_file([first.number, "张三", "zs@example.com"], [first.number, "李四", ""],
                    ["A-100", "王五", ""], header=["会员号", "姓名", "邮箱"])
    preview = preview_import(owner_ctx, path, on_duplicate="update")
    assert [r.action for r in preview.rows] == [Action.UPDATE, Action.INVALID, Action.CREATE]
    assert problems(preview) == [
        (3, "number", f"The member number {first.number} already belongs to 张三."),
        (3, "number", "Row 2 already has this member number.")]
    apply_import(owner_ctx, path, on_duplicate="update", skip_invalid=True)
    assert {r.number: r.name for r in members(owner_ctx)} == {first.number: "张三",
                                                              "A-100": "王五"}
    assert ms.get_member(owner_ctx, first.id).email == "zs@example.com"


def test_referrers_by_number_or_name_in_the_database_or_the_file(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    boss = ms.create_member(owner_ctx, ms.MemberInput("周老板"))
    path = csv_file(["M00100", "李四", "张三"],  # a row further down
                    ["M00101", "张三", boss.number],
                    ["M00102", "王五", "周老板"],
                    ["M00103", "赵六", "M00100"],
                    ["M00104", "钱七", "nobody"],
                    header=["会员号", "姓名", "推荐人"])
    preview = preview_import(owner_ctx, path)
    assert [r.referrer_row for r in preview.rows] == [3, None, None, 2, None]
    assert [r.data.referred_by_id for r in preview.rows] == [None, boss.id, boss.id, None, None]
    assert [n.field for n in preview.rows[4].warnings] == ["referred_by"]
    apply_import(owner_ctx, path)
    by_number = {r.number: r.id for r in members(owner_ctx)}
    referrer = {number: ms.get_member(owner_ctx, member_id).referred_by
                for number, member_id in by_number.items()}
    assert referrer["M00100"] is not None and referrer["M00100"].number == "M00101"
    assert referrer["M00101"] is not None and referrer["M00101"].id == boss.id
    assert referrer["M00103"] is not None and referrer["M00103"].number == "M00100"
    assert referrer["M00104"] is None


def test_only_the_owner_imports(desk_ctx: Context, csv_file) -> None:
    path = csv_file(["张三", "13800138000"])
    with pytest.raises(PermissionDenied):
        preview_import(desk_ctx, path)
    with pytest.raises(PermissionDenied):
        apply_import(desk_ctx, path)


def test_progress_rises_to_the_total(owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(*[[f"会员{i}", f"139{i:08d}"] for i in range(250)])
    seen: list[tuple[int, int]] = []
    apply_import(owner_ctx, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 0)
    counted = [done for done, total in seen[1:]]
    assert counted == sorted(counted)
    assert seen[-1] == (500, 500)


# ---------------------------------------------------------------- encodings and layouts


def test_a_csv_in_gbk(owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(["张三", "13800138000", "", "山庄茶社", "茶；钓鱼"], encoding="gbk")
    preview = preview_import(owner_ctx, path)
    assert (preview.kind, preview.detail) == ("csv", "gb18030")
    row = preview.rows[0]
    assert (row.data.name, row.data.company, row.data.tags) == ("张三", "山庄茶社",
                                                                 ["茶", "钓鱼"])


def test_a_csv_in_utf8_with_and_without_a_bom(owner_ctx: Context, plan_id: int,
                                              csv_file) -> None:
    with_bom = csv_file(["张三", "13800138000"], encoding="utf-8-sig")
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbf")
    preview = preview_import(owner_ctx, with_bom)
    assert preview.detail == "utf-8"
    assert preview.columns["name"] == "姓名"  # the BOM is not part of the first header
    assert preview.rows[0].data.name == "张三"
    without = csv_file(["张三", "13800138000"], encoding="utf-8")
    assert preview_import(owner_ctx, without).rows[0].data.name == "张三"


def test_semicolons_tabs_and_utf16_unicode_text(owner_ctx: Context, plan_id: int,
                                                csv_file) -> None:
    for kwargs in ({"delimiter": ";"}, {"delimiter": "\t"},
                   {"delimiter": "\t", "encoding": "utf-16"}):
        path = csv_file(["张三", "13800138000", "z@example.com"], **kwargs)
        row = preview_import(owner_ctx, path).rows[0]
        assert (row.data.name, row.data.email) == ("张三", "z@example.com"), kwargs


def test_english_headers_under_a_title_and_unknown_columns(owner_ctx: Context, plan_id: int,
                                                           tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [
        ["Members of the Lodge, 2025"],
        [],
        ["Full name", "Mobile", "E-mail", "Favourite colour", "WeChat ID", "Job title", "City",
         "Tags", "Joined", "Expiry date", "Referred by", "Remarks", "Company"],
        ["Zhang Wei", "13800138000", "zw@example.com", "green", "zhangwei88", "CEO",
         "Hangzhou", "tea, go", "2026-01-05", "2027-01-04", "", "likes oolong", "Acme"],
    ])
    preview = preview_import(owner_ctx, path)
    assert preview.header_rows == (3,)
    assert preview.ignored_columns == ("Favourite colour",)
    row = preview.rows[0]
    assert row.row == 4
    data = row.data
    assert (data.name, data.wechat, data.title, data.city, data.notes, data.company) == (
        "Zhang Wei", "zhangwei88", "CEO", "Hangzhou", "likes oolong", "Acme")
    assert data.tags == ["tea", "go"]


def test_a_row_with_fifty_columns(owner_ctx: Context, plan_id: int, tmp_path: Path) -> None:
    header = ["姓名", *[f"其他{i}" for i in range(1, 48)], "手机", "备注"]
    row = ["张三", *[f"x{i}" for i in range(1, 48)], "13800138000", "五十列"]
    assert len(header) == len(row) == 50
    path = write_csv(tmp_path / "wide.csv", [header, row])
    preview = preview_import(owner_ctx, path)
    assert len(preview.ignored_columns) == 47
    result = apply_import(owner_ctx, path)
    assert result.created == 1
    detail = ms.get_member(owner_ctx, members(owner_ctx)[0].id)
    assert (detail.row.phone, detail.notes) == ("138 0013 8000", "五十列")


def test_blank_rows_are_skipped_silently_and_rows_keep_their_numbers(
        owner_ctx: Context, plan_id: int, csv_file) -> None:
    path = csv_file(["张三", "13800138000"], [], ["", "", "  "], ["李四", "bad"])
    preview = preview_import(owner_ctx, path)
    assert [r.row for r in preview.rows] == [2, 5]
    assert problems(preview)[0][0] == 5


def test_an_xlsx_with_a_merged_title_merged_headers_and_empty_rows(
        owner_ctx: Context, plan_id: int, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "会员"
    sheet["A1"] = "山庄圈子 2025 年会员名单"
    sheet.merge_cells("A1:H1")
    # A two-row header: 姓名 and 公司 merged down, 联系方式 merged across over 手机 and 邮箱.
    sheet["A2"], sheet["B2"], sheet["D2"], sheet["E2"] = "姓名", "联系方式", "公司", "入会日期"
    sheet["F2"], sheet["G2"] = "到期日期", "会员号"
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("D2:D3")
    sheet["B3"], sheet["C3"] = "手机", "邮箱"
    sheet.append([])
    sheet["A5"], sheet["B5"], sheet["C5"] = "张三", 13800138000, "zs@example.com"
    sheet["D5"], sheet["E5"], sheet["F5"] = "山庄茶社", dt.datetime(2025, 3, 1), 46081
    sheet["G5"] = 1001
    sheet["A8"], sheet["B8"], sheet["E8"] = "李四", "139-0013-9000", "2025年5月1日"
    path = tmp_path / "members.xlsx"
    workbook.save(path)

    preview = preview_import(owner_ctx, path)
    assert (preview.kind, preview.detail, preview.header_rows) == ("xlsx", "会员", (2, 3))
    assert preview.columns["phone"] in ("联系方式", "手机")
    assert preview.columns["email"] == "邮箱"
    assert [r.row for r in preview.rows] == [5, 8]
    first, second = preview.rows
    assert first.problems == [] and second.problems == []
    assert (first.data.phone, first.data.email, first.data.company) == (
        "+8613800138000", "zs@example.com", "山庄茶社")
    assert first.number == "1001"
    assert first.period is not None
    assert (first.period.starts_on, first.period.ends_on) == (dt.date(2025, 3, 1),
                                                              dt.date(2026, 2, 28))
    assert second.data.joined_on == dt.date(2025, 5, 1)
    assert apply_import(owner_ctx, path).created == 2


def test_an_xlsx_whose_header_is_on_a_later_sheet(owner_ctx: Context, plan_id: int,
                                                  tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["说明：第二页是名单"])
    roster = workbook.create_sheet("名单")
    roster.append(["name", "phone"])
    roster.append(["Zhang San", "13800138000"])
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    preview = preview_import(owner_ctx, path)
    assert preview.detail == "名单"
    assert preview.rows[0].data.name == "Zhang San"


# ---------------------------------------------------------------- not a spreadsheet


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.mark.parametrize(("content", "says"), [
    (os.urandom(4096), "not a text file"),
    (bytes(range(256)) * 8, "not a text file"),
    (PNG, "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
    (b"PK\x03\x04" + os.urandom(200), "not an Excel workbook"),
    (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(500), "old Excel"),
    (b"", "empty"),
    ("名单\n张三,13800138000\n".encode(), "column of names"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused_clearly(
        owner_ctx: Context, tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "members.csv"
    path.write_bytes(content)
    for action in (preview_import, apply_import):
        with pytest.raises(DomainError) as error:
            action(owner_ctx, path)
        assert error.value.field == "file"
        assert says in error.value.render("en")
        assert "members.csv" in error.value.render("en")
        assert error.value.render("zh_CN") != error.value.render("en")
    assert member_count(owner_ctx) == 0


def test_a_missing_file(owner_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as error:
        preview_import(owner_ctx, tmp_path / "nope.csv")
    assert "There is no file" in error.value.render("en")


# ---------------------------------------------------------------- 10,000 rows


@pytest.mark.slow  # 6-10 s on SQLite, 10-15 s on PostgreSQL on a busy 2-core machine
def test_ten_thousand_rows(owner_ctx: Context, plan_id: int, tmp_path: Path) -> None:
    surnames, given = "王李张刘陈杨黄赵吴周", "伟芳娜秀英敏静丽强磊军洋勇艳杰"
    rows: list[Sequence[object]] = [HEADER]
    for i in range(10_000):
        rows.append([surnames[i % 10] + given[i % 15] + given[(i // 15) % 15],
                     f"139{i:08d}", f"m{i}@example.com", f"公司{i % 300}",
                     "茶、钓鱼" if i % 2 else "读书", "2026-01-01", "2026-12-31"])
    path = write_csv(tmp_path / "big.csv", rows)
    result = apply_import(owner_ctx, path)
    assert result.written and result.created == 10_000
    assert member_count(owner_ctx) == 10_000
    with owner_ctx.transaction(write=False) as tx:
        assert tx.session.scalar(select(func.count()).select_from(MembershipPeriod)) == 10_000
        assert tx.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "member", AuditEntry.action == "create")) == 10_000
        numbers = tx.session.scalars(select(Member.number).order_by(Member.number)).all()
    assert numbers[0] == "M00001" and numbers[-1] == "M10000"
    found = ms.search_members(owner_ctx, ms.MemberQuery(text="13900009999"))
    assert [r.number for r in found] == ["M10000"]
