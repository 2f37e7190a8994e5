"""The pieces of an import that need no database: reading one cell, recognising a header,
splitting tags, deciding whether bytes are text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.errors import DomainError
from desktop.members import import_values as values
from desktop.members.import_columns import recognise, split_tags
from desktop.members.import_read import read_sheet


@pytest.mark.parametrize(("cell", "text"), [
    (None, ""),
    (13800138000, "13800138000"),
    (13800138000.0, "13800138000"),  # Excel's number for a phone
    (1.5, "1.5"),
    ("  张三 ", "张三"),
    ('="00123"', "00123"),
    (dt.datetime(2025, 3, 1), "2025-03-01"),
    (True, "yes"),
])
def test_a_cell_as_text(cell: object, text: str) -> None:
    assert values.text(cell) == text


@pytest.mark.parametrize("cell", [
    "2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "2025 年 3 月 1 日", "20250301",
    "2025-03-01 00:00:00", "2025-03-01T08:30", "２０２５／３／１", 45717, 45717.0, "45717",
    dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 12, 0),
])
def test_dates_in_every_form_people_and_excel_use(cell: object) -> None:
    assert values.date(cell) == dt.date(2025, 3, 1)


@pytest.mark.parametrize("cell", ["3/1/2025", "1.3.2025", "2025-13-01", "2025-02-29", "next week",
                                  "12", 10.0**12, "0"])
def test_dates_nobody_can_read_are_refused_with_a_message(cell: object) -> None:
    with pytest.raises(values.CellError) as error:
        values.date(cell)
    assert "2025-03-01" in error.value.message.render("en") or "calendar" in (
        error.value.message.render("en"))


def test_an_empty_date_cell_is_no_date() -> None:
    assert values.date(None) is None
    assert values.date("  ") is None


@pytest.mark.parametrize(("cell", "answer"), [
    ("yes", True), ("是", True), ("X", True), ("✓", True), (1, True), (True, True),
    ("no", False), ("否", False), ("0", False), (False, False), (None, None), ("", None),
])
def test_yes_and_no(cell: object, answer: bool | None) -> None:
    assert values.yes_no(cell) is answer


def test_neither_yes_nor_no() -> None:
    with pytest.raises(values.CellError):
        values.yes_no("maybe")


@pytest.mark.parametrize(("header", "key"), [
    ("姓名", "name"), ("Name", "name"), ("NAME *", "name"), ("姓名（必填）", "name"),
    ("手机", "phone"), ("电话", "phone"), ("手机号码", "phone"), ("Mobile", "phone"),
    ("Phone (mobile)", "phone"), ("ＰＨＯＮＥ", "phone"), ("邮箱", "email"), ("E-mail", "email"),
    ("微信", "wechat"), ("WeChat ID", "wechat"), ("公司", "company"), ("单位", "company"),
    ("职位", "title"), ("Job title", "title"), ("城市", "city"), ("标签", "tags"),
    ("Tags", "tags"), ("入会日期", "joined"), ("Joined", "joined"), ("到期日期", "expires"),
    ("Expiry date", "expires"), ("推荐人", "referred_by"), ("Referred by", "referred_by"),
    ("备注", "notes"), ("Remarks", "notes"), ("会员号", "number"), ("Member No.", "number"),
    ("套餐", "plan"), ("会籍", "plan"), ("Plan", "plan"),
    ("序号", None), ("No.", None), ("Favourite colour", None), (42, None), (None, None),
])
def test_headers_in_english_or_chinese(header: object, key: str | None) -> None:
    assert recognise(header) == key


def test_tags_split_on_commas_semicolons_and_enumeration_commas_not_spaces() -> None:
    assert split_tags("茶，钓鱼;读书会；Board games、 AI/ML | 围棋\n果园,,") == [
        "茶", "钓鱼", "读书会", "Board games", "AI/ML", "围棋", "果园"]


@pytest.mark.parametrize(("data", "encoding"), [
    ("姓名,手机\n张三,13800138000\n".encode("gbk"), "gb18030"),
    ("姓名,手机\n张三,13800138000\n".encode("gb18030"), "gb18030"),
    ("姓名,手机\n张三,13800138000\n".encode("utf-8-sig"), "utf-8"),
    ("姓名,手机\n张三,13800138000\n".encode(), "utf-8"),
    ("姓名\t手机\n张三\t13800138000\n".encode("utf-16"), "utf-16"),
    (b"name,phone\nZhang San,13800138000\n", "utf-8"),
])
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes(data)
    sheet = read_sheet(path)
    assert sheet.detail == encoding
    assert [str(cell) for cell in sheet.rows[1].cells][1] == "13800138000"


def test_a_text_file_with_control_characters_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes(b"name,phone\n" + bytes(range(1, 9)) * 50)
    with pytest.raises(DomainError) as error:
        read_sheet(path)
    assert "not a text file" in error.value.render("en")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as error:
        read_sheet(tmp_path)
    assert "folder" in error.value.render("en")
