"""Shared data and helpers for the Members UI tests (no tests here; the test_members_* modules
import these fixtures).  Members are made through the services, as the desk would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.ui.members.view import MembersView
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def plans(owner_ctx: Context) -> dict[str, int]:
    """An annual plan (the default) and a quarterly one."""
    return {
        "annual": mm.create_plan(owner_ctx, mm.PlanInput("年卡", "1980", 12, is_default=True)),
        "quarterly": mm.create_plan(owner_ctx, mm.PlanInput("季卡", "600", 3)),
    }


@pytest.fixture
def people(owner_ctx: Context, plans: dict[str, int]) -> dict[str, int]:
    """张三 (active, referred by 张建华), 张建华, 李四 (lapsed), 周敏 (archived last year)."""
    ctx = owner_ctx
    today = ctx.clock.now().date()
    ids: dict[str, int] = {}
    ids["张建华"] = ms.create_member(ctx, ms.MemberInput(
        "张建华", phone="13805710001", company="建华茶业", city="杭州", tags=["茶艺"],
        joined_on=today - dt.timedelta(days=500))).id
    ids["张三"] = ms.create_member(ctx, ms.MemberInput(
        "张三", phone="13800138000", company="云栖科技", city="杭州", tags=["读书"],
        referred_by_id=ids["张建华"], joined_on=today - dt.timedelta(days=400))).id
    ids["李四"] = ms.create_member(ctx, ms.MemberInput(
        "李四", phone="13900139000", city="上海", joined_on=today - dt.timedelta(days=800))).id
    ids["周敏"] = ms.create_member(ctx, ms.MemberInput(
        "周敏", phone="+86 139 1234 5678", city="杭州",
        joined_on=today - dt.timedelta(days=700))).id
    # 张三: a year two years ago, a gap, and the current year (the gap shows in the history).
    mm.record_membership(ctx, ids["张三"], plans["annual"], mm.PaymentInput(
        method="wechat", paid_on=today - dt.timedelta(days=400), receipt_no="R-001"),
        starts_on=today - dt.timedelta(days=800))
    mm.record_membership(ctx, ids["张三"], plans["annual"], mm.PaymentInput(
        method="cash", paid_on=today - dt.timedelta(days=100)),
        starts_on=today - dt.timedelta(days=100))
    mm.record_membership(ctx, ids["张建华"], plans["annual"], mm.PaymentInput(
        method="alipay", paid_on=today - dt.timedelta(days=10)))
    mm.record_membership(ctx, ids["李四"], plans["quarterly"], mm.PaymentInput(
        method="cash", paid_on=today - dt.timedelta(days=500)),
        starts_on=today - dt.timedelta(days=500))
    mm.record_membership(ctx, ids["周敏"], plans["quarterly"], mm.PaymentInput(
        method="cash", paid_on=today - dt.timedelta(days=700)),
        starts_on=today - dt.timedelta(days=700))
    ms.set_archived(ctx, ids["周敏"], True)
    return ids


@pytest.fixture
def make_view(qtbot, inline: TaskRunner) -> Callable[..., MembersView]:
    def make(ctx: Context) -> MembersView:
        view = MembersView(ctx, inline)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        return view

    return make


def names(view: MembersView) -> list[str]:
    model = view.model
    return [model.row_at(row).name for row in range(model.rowCount())]


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese too: key events that carry the text (FIELD-NOTES: keyClicks
    aborts on non-ASCII)."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)
