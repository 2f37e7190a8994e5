"""A member's part of the circle in the members view's detail pane (issue 6, points 2 and 4):
their offers and needs with status, the introductions they were part of, and adding an offer
or a need for them from there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.circle.service import (
    IntroductionInput,
    ItemInput,
    create_introduction,
    create_item,
    list_items,
    record_outcome,
    set_item_status,
)
from desktop.partners.service import PartnerInput, create_partner
from desktop.services import Context
from desktop.ui.circle.item_dialog import ItemDialog
from tests.ui.helpers import child
from tests.ui.test_members_fixtures import make_view, people, plans

__all__ = ["make_view", "people", "plans"]


def test_the_member_shows_offers_needs_and_introductions(
        qtbot, make_view, desk_ctx: Context, owner_ctx: Context,
        people: dict[str, int]) -> None:
    zhang, san = people["张建华"], people["张三"]
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))
    offer = create_item(desk_ctx, ItemInput("offer", zhang, "自家茶园直供", tags=("茶艺",)))
    need = create_item(desk_ctx, ItemInput("need", zhang, "找设计师"))
    set_item_status(desk_ctx, need.id, "matched")
    create_item(desk_ctx, ItemInput("need", san, "not his"))
    made = create_introduction(desk_ctx, IntroductionInput(
        san, "wechat", member_b_id=zhang, item_id=offer.id,
        introduced_on=dt.date(2026, 11, 2))).introduction
    record_outcome(desk_ctx, made.id, "deal_done", None, "1200")
    create_introduction(desk_ctx, IntroductionInput(zhang, "phone", partner_id=tea.id))

    view = make_view(desk_ctx)
    assert view.select_member(zhang)
    view.show_detail_now()
    section = view.detail.circle
    assert section.isVisibleTo(view)
    items = section.items_label.text()
    assert "自家茶园直供" in items and "茶艺" in items and "Open" in items
    assert "找设计师" in items and "Matched · 2026-11-26" in items
    assert "not his" not in items
    intros = section.intro_label.text()
    assert f"2026-11-02 · with <a href='member:{san}'" in intros
    assert "Deal done (¥1,200.00)" in intros
    assert "明前茶舍" in intros and "Not yet" in intros

    with qtbot.waitSignal(view.detail.openMember) as opened:
        section.intro_label.linkActivated.emit(f"member:{san}")  # click the other member
    assert opened.args == [san]


def test_add_a_need_for_the_member_from_the_detail(qtbot, make_view, desk_ctx: Context,
                                                   people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    assert view.select_member(people["李四"])
    view.show_detail_now()
    section = view.detail.circle
    assert "No offers or needs yet." in section.items_label.text()
    qtbot.mouseClick(child(view, QPushButton, "memberAddNeedButton"), Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert isinstance(dialog, ItemDialog) and dialog.side == "need"
    assert dialog.member.member is not None and dialog.member.member.id == people["李四"]
    assert dialog.member.isReadOnly() and dialog.focusWidget() is dialog.title_edit
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("title") == "Give it a title."  # empty title, at the field
    dialog.title_edit.setText("想找钓鱼搭子")
    qtbot.keyClicks(dialog.tags, "fishing")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ItemDialog.DialogCode.Accepted
    (need,) = list_items(desk_ctx, member_id=people["李四"])
    assert (need.side, need.title, need.tags) == ("need", "想找钓鱼搭子", ("fishing",))
    assert "想找钓鱼搭子" in section.items_label.text()

    qtbot.mouseClick(child(view, QPushButton, "memberAddOfferButton"),
                     Qt.MouseButton.LeftButton)
    assert section.dialog is not None and section.dialog.side == "offer"
    assert section.dialog.windowTitle() == "New offer"
