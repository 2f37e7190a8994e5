"""A member's own data: the export of everything held about them, and erasure on request
(anonymised everywhere, the audit log included; counts and history kept) on SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.errors import DomainError, PermissionDenied
from desktop.members import membership as mm
from desktop.members import privacy
from desktop.members import service as ms
from desktop.models.audit import AuditEntry
from desktop.models.members import Member, Payment
from desktop.services import Context, Tx

PHOTO = b"\x89PNG\r\n\x1a\n" + b"photo" * 10
PERSONAL = ["张三", "zhangsan", "zhang san", "13800138000", "zs@example.com", "zs_wechat",
            "山庄茶社", "茶艺师", "杭州", "喜欢龙井", "1380013800", "欠费"]


@pytest.fixture
def zhang(owner_ctx: Context) -> int:
    """张三: every personal field, tags, a photo, two paid periods, a suspension, a referral
    each way, and an edit in the audit log."""
    plan = mm.create_plan(owner_ctx, mm.PlanInput("Annual 年卡", "1980", 12, is_default=True))
    boss = ms.create_member(owner_ctx, ms.MemberInput("周老板"))
    row = mm.join_member(owner_ctx, ms.MemberInput(
        "张三", phone="138-0013-8000", email="zs@example.com", wechat="zs_wechat",
        company="山庄茶社", title="茶艺师", city="杭州", notes="喜欢龙井", tags=["茶", "钓鱼"],
        referred_by_id=boss.id, joined_on=dt.date(2025, 11, 1)),
        plan, mm.PaymentInput(amount="1980", paid_on=dt.date(2025, 11, 1), receipt_no="R-1"))
    mm.record_membership(owner_ctx, row.id, plan, mm.PaymentInput(amount="1800",
                                                                  method="wechat"))
    ms.create_member(owner_ctx, ms.MemberInput("李四", referred_by_id=row.id))
    ms.update_member(owner_ctx, row.id, ms.MemberInput(
        "张三", phone="138 0013 8000", email="zs@example.com", wechat="zs_wechat",
        company="山庄茶社", title="茶艺师", city="杭州", notes="喜欢龙井，也喜欢白茶",
        tags=["茶", "钓鱼"], referred_by_id=boss.id))
    ms.suspend_member(owner_ctx, row.id, "欠费", until=dt.date(2026, 12, 1))
    with owner_ctx.transaction() as tx:
        member = tx.session.get(Member, row.id)
        assert member is not None
        member.photo = PHOTO
    return row.id


def audit_text(ctx: Context) -> str:
    with ctx.transaction(write=False) as tx:
        entries = tx.session.scalars(select(AuditEntry)).all()
        return json.dumps([[e.before, e.after, e.note] for e in entries], ensure_ascii=False)


# ---------------------------------------------------------------- export


def test_the_export_has_everything_held_about_the_member(owner_ctx: Context, zhang: int) -> None:
    data = privacy.export_member_data(owner_ctx, zhang)
    assert (data["format"], data["version"], data["member_number"]) == (
        "clubhouse-member-data", 1, "M00002")
    sections = data["sections"]
    assert set(sections) >= {"profile", "tags", "memberships", "referrals", "audit"}
    profile = sections["profile"]
    assert (profile["name"], profile["phone"], profile["email"], profile["wechat"]) == (
        "张三", "+8613800138000", "zs@example.com", "zs_wechat")
    assert (profile["company"], profile["title"], profile["city"]) == ("山庄茶社", "茶艺师", "杭州")
    assert profile["notes"] == "喜欢龙井，也喜欢白茶"
    assert base64.b64decode(profile["photo_base64"]) == PHOTO
    assert (profile["suspension_reason"], profile["joined_on"]) == ("欠费", "2025-11-01")
    assert sections["tags"] == ["茶", "钓鱼"]
    periods = sections["memberships"]
    assert [(p["starts_on"], p["ends_on"]) for p in periods] == [
        ("2025-11-01", "2026-10-31"), ("2026-11-01", "2027-10-31")]
    assert [pay["amount"] for p in periods for pay in p["payments"]] == ["1980.00", "1800.00"]
    assert periods[0]["payments"][0]["receipt_no"] == "R-1"
    assert sections["referrals"] == {"referred_by": {"number": "M00001", "name": "周老板"},
                                     "referred": [{"number": "M00003", "name": "李四"}]}
    audit = sections["audit"]
    kinds = {(entry["entity"], entry["action"]) for entry in audit}
    assert {("member", "create"), ("member", "update"), ("membership_period", "create"),
            ("payment", "create")} <= kinds
    edit = next(e for e in audit if e["entity"] == "member" and e["action"] == "update"
                and "notes" in (e["after"] or {}))
    assert edit["after"]["notes"] == "喜欢龙井，也喜欢白茶"
    json.dumps(data, ensure_ascii=False)  # plain data all the way down


def test_the_json_file_and_the_record_without_personal_data(owner_ctx: Context, zhang: int,
                                                            tmp_path: Path) -> None:
    path = privacy.write_member_data(owner_ctx, zhang, tmp_path / "张三.json")
    text = path.read_text(encoding="utf-8")
    assert "张三" in text  # Chinese as is, not \\u escapes
    data = json.loads(text)
    assert data["sections"]["profile"]["email"] == "zs@example.com"
    with owner_ctx.transaction(write=False) as tx:
        entry = tx.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "export_data")).one()
        assert (entry.entity, entry.entity_id, entry.before, entry.after, entry.note) == (
            "member", str(zhang), None, None, None)


def test_other_modules_add_sections_and_erasers(owner_ctx: Context, zhang: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def visits(tx: Tx, member: Member) -> list[dict[str, Any]]:
        return [{"on": dt.date(2026, 11, 20), "member": member.number}]

    def forget(tx: Tx, member: Member) -> None:
        calls.append(member.id)

    monkeypatch.setitem(privacy.CONTRIBUTORS, "visits", visits)
    monkeypatch.setitem(privacy.ERASERS, "visits", forget)
    data = privacy.export_member_data(owner_ctx, zhang)
    assert data["sections"]["visits"] == [{"on": "2026-11-20", "member": "M00002"}]
    privacy.erase_member(owner_ctx, zhang, "asked by email")
    assert calls == [zhang]


def test_the_member_data_pdf_holds_the_same_sections_as_the_json(
    owner_ctx: Context, zhang: int, tmp_path: Path,
) -> None:
    from pypdf import PdfReader

    path = privacy.write_member_data_pdf(owner_ctx, zhang, tmp_path / "z.pdf", lang="zh_CN")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    data = privacy.export_member_data(owner_ctx, zhang)
    profile = data["sections"]["profile"]
    assert profile["name"] in text and profile["number"] in text
    assert "资料" in text and "会籍与付款" in text  # the section titles, in Chinese
    assert "审计日志" in text
    with path.open("rb") as handle:
        assert b"/FontFile2" in handle.read()  # the Chinese font is embedded, not referenced


def test_the_desk_may_not_print_a_members_data(desk_ctx: Context, zhang: int,
                                               tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        privacy.write_member_data_pdf(desk_ctx, zhang, tmp_path / "z.pdf")
    assert not (tmp_path / "z.pdf").exists()


# ---------------------------------------------------------------- erasure


def test_erasure_anonymises_the_member_and_keeps_the_history(owner_ctx: Context,
                                                             zhang: int) -> None:
    assert any(word in audit_text(owner_ctx) for word in PERSONAL)
    privacy.erase_member(owner_ctx, zhang, "Asked in person on 2026-11-26")
    detail = ms.get_member(owner_ctx, zhang)
    assert detail.erased and detail.row.archived
    assert detail.row.name == "Erased member M00002"
    assert (detail.row.phone, detail.email, detail.wechat, detail.row.company, detail.title,
            detail.row.city, detail.notes, detail.has_photo, detail.suspension_reason) == (
        "", None, None, "", None, "", None, False, None)
    assert detail.row.tags == ()
    # History and counts stay: periods, payment amounts, referrals both ways.
    assert [(p.starts_on, p.ends_on) for p in detail.periods] == [
        (dt.date(2025, 11, 1), dt.date(2026, 10, 31)), (dt.date(2026, 11, 1),
                                                         dt.date(2027, 10, 31))]
    assert [pay.amount for p in detail.periods for pay in p.payments] == ["1980.00", "1800.00"]
    assert detail.referred_by is not None and detail.referred_by.name == "周老板"
    assert [r.name for r in detail.referrals] == ["李四"]
    assert ms.count_members(owner_ctx, ms.MemberQuery(include_archived=True)) == 3
    # Nothing finds the person any more, and their phone is free.
    for text in ("张三", "zs", "zhangsan", "13800138000", "山庄", "茶"):
        found = ms.search_members(owner_ctx, ms.MemberQuery(text=text, include_archived=True))
        assert zhang not in [r.id for r in found], text
    assert ms.find_duplicates(owner_ctx, "13800138000", "张三", "山庄茶社") == []
    # The audit log still says what happened, without who it was about.
    text = audit_text(owner_ctx)
    for word in PERSONAL:
        assert word not in text, word
    with owner_ctx.transaction(write=False) as tx:
        entries = tx.session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "member", AuditEntry.entity_id == str(zhang))
            .order_by(AuditEntry.id)).all()
        create = entries[0]
        assert create.action == "create" and create.after is not None
        assert create.after["name"] == privacy.ERASED and create.after["joined_on"] == "2025-11-01"
        erase = entries[-1]
        assert (erase.action, erase.note, erase.after) == (
            "erase", "Asked in person on 2026-11-26", None)
        change = entries[-2]
        assert change.action == "update"
        assert change.before is not None and change.after is not None
        assert change.before["name"] == privacy.ERASED
        assert change.after["name"] == "Erased member M00002"
        assert change.after["erased_at"] == "2026-11-26T09:00:00"
        amounts = tx.session.scalars(select(Payment.amount).order_by(Payment.id)).all()
        assert [str(a) for a in amounts] == ["1980.00", "1800.00"]


def test_an_erased_member_cannot_be_erased_again_nor_edited(owner_ctx: Context,
                                                            zhang: int) -> None:
    privacy.erase_member(owner_ctx, zhang, "request")
    with pytest.raises(DomainError) as error:
        privacy.erase_member(owner_ctx, zhang, "again")
    assert "already erased on 2026-11-26" in error.value.render("en")
    assert error.value.render("zh_CN") != error.value.render("en")
    with pytest.raises(DomainError):
        ms.update_member(owner_ctx, zhang, ms.MemberInput("张三"))
    with pytest.raises(DomainError):
        ms.set_archived(owner_ctx, zhang, False)


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_erasure_needs_a_reason(owner_ctx: Context, zhang: int, reason: str) -> None:
    with pytest.raises(DomainError) as error:
        privacy.erase_member(owner_ctx, zhang, reason)
    assert error.value.field == "reason"
    assert not ms.get_member(owner_ctx, zhang).erased


def test_only_the_owner_exports_or_erases(desk_ctx: Context, zhang: int, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        privacy.export_member_data(desk_ctx, zhang)
    with pytest.raises(PermissionDenied):
        privacy.write_member_data(desk_ctx, zhang, tmp_path / "z.json")
    with pytest.raises(PermissionDenied):
        privacy.erase_member(desk_ctx, zhang, "request")
    assert not (tmp_path / "z.json").exists()
    assert not ms.get_member(desk_ctx, zhang).erased


def test_a_member_who_does_not_exist(owner_ctx: Context) -> None:
    with pytest.raises(DomainError):
        privacy.export_member_data(owner_ctx, 999)
    with pytest.raises(DomainError):
        privacy.erase_member(owner_ctx, 999, "request")
