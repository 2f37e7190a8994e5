"""The Members view and every dialog it opens, in Simplified Chinese: no English left visible
(the walk of tests/ui/test_translation.py, applied to each window in the states people see:
empty, filled, with errors at the fields, with a duplicate warning, with an import preview)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop.accounts.service import sign_in
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.settings.store import update_settings
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.members.action_dialogs import EraseDialog, SuspendDialog
from desktop.ui.members.import_dialog import ImportDialog
from desktop.ui.members.member_dialog import MemberDialog
from desktop.ui.members.membership_dialog import (
    MembershipDialog,
    PaymentDialog,
    VoidPaymentDialog,
)
from desktop.ui.members.plans_dialog import PlansDialog
from desktop.ui.members.view import MembersView
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.tasks import TaskRunner
from tests.ui.test_translation import untranslated


@pytest.fixture
def chinese_members(owner_ctx: Context) -> tuple[Context, dict[str, int]]:
    """A venue in China with Chinese plans and members (data), the UI in zh_CN."""
    ctx = owner_ctx
    update_settings(ctx, {"venue.name": "松山茶院", "app.language": "zh_CN"})
    today = ctx.clock.now().date()
    annual = mm.create_plan(ctx, mm.PlanInput("年卡", "1980", 12, "全年使用茶室", is_default=True))
    ids = {
        "张建华": ms.create_member(ctx, ms.MemberInput(
            "张建华", phone="13805710001", company="建华茶业", city="杭州", tags=["茶艺"],
            notes="常来喝茶", joined_on=today - dt.timedelta(days=600))).id,
    }
    ids["张三"] = ms.create_member(ctx, ms.MemberInput(
        "张三", phone="13800138000", company="云栖科技", title="工程师", city="杭州",
        tags=["读书"], referred_by_id=ids["张建华"],
        joined_on=today - dt.timedelta(days=600))).id
    ids["周敏"] = ms.create_member(ctx, ms.MemberInput(
        "周敏", phone="13912345678", city="杭州", joined_on=today - dt.timedelta(days=700))).id
    mm.record_membership(ctx, ids["张三"], annual, mm.PaymentInput(
        method="wechat", paid_on=today - dt.timedelta(days=600), receipt_no="收据001"),
        starts_on=today - dt.timedelta(days=600))
    mm.record_membership(ctx, ids["张三"], annual, mm.PaymentInput(method="cash"))
    mm.record_membership(ctx, ids["张建华"], annual, mm.PaymentInput(method="alipay"))
    ms.suspend_member(ctx, ids["张建华"], "欠费未结清")
    ms.set_archived(ctx, ids["周敏"], True)
    set_ui_language("zh_CN")
    return ctx, ids


def _check(widget: QWidget, problems: list[tuple[str, str]], where: str) -> None:
    problems.extend((f"{where}: {place}", text) for place, text in untranslated(widget))


def test_members_view_is_all_chinese_for_owner_and_desk(
        qtbot, make_window, chinese_members: tuple[Context, dict[str, int]],
        desk_ctx: Context) -> None:
    ctx, ids = chinese_members
    problems: list[tuple[str, str]] = []
    window = make_window(ctx)
    window.resize(1280, 800)
    window.show()
    view = window.show_view("members")
    assert isinstance(view, MembersView)
    for name in ("张三", "张建华"):
        view.select_member(ids[name])
        view.show_detail_now()
        _check(window, problems, name)
    assert view.detail.subtitle.text() == f"会员 M0000{ids['张建华']} · 年卡"
    view.bar.show_message(view.tr("This column cannot be sorted; the order stays."))
    view.show_archived.setChecked(True)
    view.select_member(ids["周敏"])
    view.show_detail_now()
    _check(window, problems, "archived")

    desk = ctx.as_actor(sign_in(ctx.database, "desk", "desk-pass", clock=ctx.clock,
                                hasher=ctx.hasher))
    desk_window = make_window(desk)
    desk_window.show()
    desk_window.show_view("members")
    _check(desk_window, problems, "desk")
    assert problems == []


def test_member_dialogs_are_all_chinese(qtbot, chinese_members: tuple[Context, dict[str, int]],
                                        tmp_path: Path) -> None:
    ctx, ids = chinese_members
    runner = TaskRunner(inline=True)
    view = MembersView(ctx, runner)
    qtbot.addWidget(view)
    problems: list[tuple[str, str]] = []

    new = view.new_member()
    assert isinstance(new, MemberDialog)
    _check(new, problems, "new member")
    new.save_button.click()  # empty name: the message at the field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in new.errors.text("name"))
    new.phone.setText("12345")
    new.name.setText("周敏")
    new.save_button.click()
    _check(new, problems, "new member with errors")
    new.phone.setText("139 1234 5678")
    new.save_button.click()
    duplicate = new.duplicate_dialog
    assert duplicate is not None
    _check(duplicate, problems, "duplicate")
    duplicate.reactivate_button.click()
    _check(new, problems, "reactivated")
    new.reject()

    view.select_member(ids["张三"])
    view.show_detail_now()
    edit = view.edit_member()
    assert edit is not None
    _check(edit, problems, "edit member")
    edit.reject()

    membership = view.record_membership()
    assert isinstance(membership, MembershipDialog)
    membership.fields.amount.setText("很多")
    membership.save_button.click()
    _check(membership, problems, "membership")
    membership.reject()

    payment = view.detail.detail.periods[0].payments[0]  # type: ignore[union-attr]
    edit_payment = view.edit_payment(payment.id)
    assert isinstance(edit_payment, PaymentDialog)
    _check(edit_payment, problems, "edit payment")
    edit_payment.reject()
    void = view.void_payment(payment.id)
    assert isinstance(void, VoidPaymentDialog)
    void.save_button.click()  # no reason given
    _check(void, problems, "void payment")
    void.reject()

    suspend = view.toggle_suspension()
    assert isinstance(suspend, SuspendDialog)
    suspend.save_button.click()
    _check(suspend, problems, "suspend")
    suspend.reject()

    erase = view.erase_member()
    assert isinstance(erase, EraseDialog)
    erase.save_button.click()
    _check(erase, problems, "erase")
    erase.reject()

    plans = view.edit_plans()
    assert isinstance(plans, PlansDialog)
    _check(plans, problems, "plans")
    plans.table.selectRow(0)
    plans.fee.setText("-1")
    plans.save_button.click()
    _check(plans, problems, "plans with error")
    plans.reject()

    view.print_directory()
    preview = view.dialog
    assert isinstance(preview, PdfPreviewDialog)
    _check(preview, problems, "pdf preview")
    preview.reject()
    assert problems == []


def test_import_dialog_is_all_chinese(qtbot, chinese_members: tuple[Context, dict[str, int]],
                                      tmp_path: Path) -> None:
    ctx, _ids = chinese_members
    buffer = io.StringIO()
    csv.writer(buffer).writerows([
        ["会员名单"], ["姓名", "手机", "标签", "入会日期", "到期日期"],
        ["陈静", "13800138101", "读书", "2025-03-01", "2026-02-28"],
        ["", "13800138102", "", "", ""],
        ["赵磊", "12345", "新标签", "2027-01-01", "2026-01-01"],
    ])
    path = tmp_path / "名单.csv"
    path.write_bytes(buffer.getvalue().encode("gbk"))
    dialog = ImportDialog(ctx, TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    problems: list[tuple[str, str]] = []
    _check(dialog, problems, "empty")
    dialog.set_file(path)
    assert dialog.preview is not None and dialog.preview.invalid == 2
    _check(dialog, problems, "preview")
    notes = [dialog.model.notes_text(row) for row in dialog.model.rows]
    actions = [dialog.model.action_text(row) for row in dialog.model.rows]
    problems.extend(("preview cell", text) for text in notes + actions
                    if text and not any("\u4e00" <= ch <= "\u9fff" for ch in text))
    dialog.skip_invalid.setChecked(True)
    dialog.import_button.click()
    _check(dialog, problems, "imported")
    assert problems == []
