"""Exporting the members directory (CSV with a BOM, XLSX): every member with the import's
columns, and the round trip: export, import into a fresh database, export again, the same
data (SQLite and PostgreSQL)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.accounts import service as accounts
from desktop.db import Database, open_database
from desktop.errors import DomainError, PermissionDenied
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.members.export import export_members
from desktop.members.importer import apply_import
from desktop.members.privacy import erase_member
from desktop.models.audit import AuditEntry
from desktop.services import Context
from tests import pg

PLANS = [("Annual 年卡", "1980", 12, True), ("Quarterly 季卡", "600", 3, False)]


def make_plans(ctx: Context) -> dict[str, int]:
    return {name: mm.create_plan(ctx, mm.PlanInput(name, fee, months, is_default=default))
            for name, fee, months, default in PLANS}


@contextlib.contextmanager
def fresh_owner(database: Database, template: Context, tmp_path: Path) -> Iterator[Context]:
    """An owner on a new, empty database of the same kind (SQLite file or PostgreSQL)."""
    with contextlib.ExitStack() as stack:
        if database.is_sqlite:
            other = open_database(str(tmp_path / "fresh.sqlite"), create=True)
        else:
            other = open_database(stack.enter_context(pg.fresh_database(migrated=True)))
        stack.callback(other.close)
        system = Context(other, template.actor, clock=template.clock, hasher=template.hasher)
        system = system.as_actor(system.actor.system("test"))
        accounts.create_first_owner(system, "owner", "Owner", "owner-pass")
        owner = system.as_actor(accounts.sign_in(other, "owner", "owner-pass",
                                                 clock=system.clock, hasher=system.hasher))
        make_plans(owner)
        yield owner


def fill(ctx: Context) -> None:
    """Members of every kind the export has to carry."""
    plans = make_plans(ctx)
    boss = mm.join_member(ctx, ms.MemberInput(
        "周老板", phone="13800138000", email="zhou@example.com", wechat="zhou_tea",
        company="西湖龙井茶业", title="董事长", city="杭州", tags=["茶艺", "企业家"],
        notes="喜欢龙井, 不喝咖啡\n第二行", joined_on=dt.date(2025, 11, 1)),
        plans["Annual 年卡"], mm.PaymentInput(paid_on=dt.date(2025, 11, 1)))
    mm.join_member(ctx, ms.MemberInput(
        "Alice Wong", phone="+1 202 555 0123", email="alice@example.com", company="Acme",
        tags=["Board games"], referred_by_id=boss.id, joined_on=dt.date(2026, 11, 10),
        notes="=1+1 is not a formula"), plans["Quarterly 季卡"],
        mm.PaymentInput(paid_on=dt.date(2026, 11, 10)))
    lapsed = mm.join_member(ctx, ms.MemberInput("李四", phone="13900139000",
                                                joined_on=dt.date(2023, 1, 1)),
                            plans["Annual 年卡"], mm.PaymentInput(paid_on=dt.date(2023, 1, 1)))
    ms.set_archived(ctx, lapsed.id, True)
    paused = ms.create_member(ctx, ms.MemberInput("王五", joined_on=dt.date(2026, 6, 1),
                                                  referred_by_id=boss.id))
    ms.suspend_member(ctx, paused.id, "欠费", starting=dt.date(2026, 11, 1),
                      until=dt.date(2026, 12, 31))
    ms.create_member(ctx, ms.MemberInput("赵六"))


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def read_xlsx(path: Path) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in workbook.active.iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_the_csv_has_a_bom_the_import_columns_and_every_member(
        owner_ctx: Context, tmp_path: Path) -> None:
    fill(owner_ctx)
    path = tmp_path / "members.csv"
    assert export_members(owner_ctx, path) == 5
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(path)
    assert rows[0] == ["Member number", "Name", "Phone", "Email", "WeChat", "Company", "Title",
                       "City", "Tags", "Plan", "Joined", "Expires", "Referred by", "Notes",
                       "Status", "Archived", "Suspended from", "Suspended until",
                       "Suspension reason"]
    by_name = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == ["M00001", "M00002", "M00003", "M00004", "M00005"]
    zhou = by_name["周老板"]
    assert (zhou["Phone"], zhou["Tags"], zhou["Plan"], zhou["Joined"], zhou["Expires"]) == (
        "138 0013 8000", "企业家, 茶艺", "Annual 年卡", "2025-11-01", "2026-10-31")
    assert zhou["Notes"] == "喜欢龙井, 不喝咖啡\n第二行"
    assert zhou["Status"] == "in grace"
    alice = by_name["Alice Wong"]
    assert alice["Phone"] == "00 1 202-555-0123"  # no leading +: Excel would take a formula
    assert (alice["Referred by"], alice["Status"]) == ("M00001", "new")
    assert (by_name["李四"]["Archived"], by_name["李四"]["Status"]) == ("yes", "lapsed")
    wang = by_name["王五"]
    assert (wang["Status"], wang["Suspended from"], wang["Suspended until"],
            wang["Suspension reason"]) == ("suspended", "2026-11-01", "2026-12-31", "欠费")
    with owner_ctx.transaction(write=False) as tx:
        entry = tx.session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        assert (entry.entity, entry.after, entry.note) == ("member", {"rows": 5}, "members.csv")


def test_chinese_headers_and_status_in_chinese(owner_ctx: Context, tmp_path: Path) -> None:
    fill(owner_ctx)
    path = tmp_path / "会员.csv"
    export_members(owner_ctx, path, lang="zh_CN")
    rows = read_csv(path)
    assert rows[0][:4] == ["会员号", "姓名", "手机", "邮箱"]
    statuses = {row[1]: (row[14], row[15]) for row in rows[1:]}
    assert statuses["李四"] == ("已失效", "是")
    assert statuses["赵六"] == ("已失效", "否")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_exported_file_imports_back_unchanged(database: Database, owner_ctx: Context,
                                                 tmp_path: Path, suffix: str) -> None:
    fill(owner_ctx)
    first = tmp_path / f"first{suffix}"
    export_members(owner_ctx, first)
    with fresh_owner(database, owner_ctx, tmp_path) as fresh:
        result = apply_import(fresh, first)
        assert result.written, [(r, n.message.render()) for r, n in result.preview.problems()]
        assert (result.created, result.preview.invalid) == (5, 0)
        second = tmp_path / f"second{suffix}"
        export_members(fresh, second)
        read = read_csv if suffix == ".csv" else read_xlsx
        assert read(second) == read(first)
        # Imported again into the same database, every row is a duplicate and nothing changes.
        again = apply_import(fresh, second, on_duplicate="update")
        assert (again.created, again.updated, again.preview.invalid) == (0, 5, 0)
        third = tmp_path / f"third{suffix}"
        export_members(fresh, third)
        assert read(third) == read(first)


def test_the_xlsx_keeps_dates_as_dates_and_text_as_text(owner_ctx: Context,
                                                        tmp_path: Path) -> None:
    fill(owner_ctx)
    path = tmp_path / "members.xlsx"
    export_members(owner_ctx, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    alice = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "Alice Wong")
    cells = dict(zip(header, alice, strict=True))
    assert cells["Joined"].value == dt.datetime(2026, 11, 10)
    assert cells["Joined"].number_format == "yyyy-mm-dd"
    assert cells["Notes"].value == "=1+1 is not a formula"
    assert cells["Notes"].data_type == "s"


def test_erased_members_are_not_exported(owner_ctx: Context, tmp_path: Path) -> None:
    fill(owner_ctx)
    erase_member(owner_ctx, 5, "asked in person")
    path = tmp_path / "m.csv"
    assert export_members(owner_ctx, path) == 4
    assert all("Erased" not in row[1] for row in read_csv(path))


def test_only_the_owner_exports_and_only_to_csv_or_xlsx(owner_ctx: Context, desk_ctx: Context,
                                                        tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        export_members(desk_ctx, tmp_path / "m.csv")
    with pytest.raises(DomainError) as error:
        export_members(owner_ctx, tmp_path / "m.txt")
    assert error.value.field == "file"
    with pytest.raises(DomainError) as error:
        export_members(owner_ctx, tmp_path / "no-such-folder" / "m.csv")
    assert "Cannot write" in error.value.render("en")
