"""The Circle view (issue 6, points 2–5): needs and offers entered through the dialogs, the
suggestions with their reasons, introductions from a suggestion, follow-ups and outcomes, the
refusals shown where the desk looks, and the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from desktop.circle.service import (
    IntroductionInput,
    ItemInput,
    create_introduction,
    create_item,
    list_introductions,
    list_items,
)
from desktop.members.service import set_archived
from desktop.services import Context
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.circle.intro_dialogs import IntroductionDialog, OutcomeDialog
from desktop.ui.circle.item_dialog import ItemDialog, TagCompleter
from desktop.ui.circle.models import IntroductionsModel, ItemsModel, MatchesModel
from desktop.ui.circle.view import FOLLOW_UPS, OFFERS, OUTCOMES, CircleView
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import make_members
from tests.ui.helpers import child

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# the tag completer's popup, offscreen
POPUP = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                  "This plugin does not support grabbing the keyboard")


@pytest.fixture
def people(owner_ctx: Context) -> dict[str, int]:
    return make_members(owner_ctx)


@pytest.fixture
def make_view(qtbot, inline: TaskRunner):
    def make(ctx: Context) -> CircleView:
        view = CircleView(ctx, inline)
        qtbot.addWidget(view)
        view.resize(1300, 860)
        with qtbot.waitActive(view):  # the view's shortcuts work in the active window
            view.show()
            view.activateWindow()
        return view

    return make


def pick_member(qtbot, picker: MemberPicker, text: str) -> None:
    """Type ASCII (name, number, phone) into a member field and take the first hit."""
    picker.setFocus()
    picker.clear()
    qtbot.keyClicks(picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.member is not None, f"no member found for {text}"


def texts(table, column: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def enter_item(qtbot, view: CircleView, side: str, member: str, title: str, tags: str) -> None:
    """Ctrl+Shift+N (need) or Ctrl+Shift+O (offer), fill the dialog, save."""
    key = Qt.Key.Key_N if side == "need" else Qt.Key.Key_O
    qtbot.keyClick(view.items_table, key, CTRL | SHIFT)
    dialog = view.dialog
    assert isinstance(dialog, ItemDialog) and dialog.side == side
    pick_member(qtbot, child(dialog, MemberPicker, "itemMemberEdit"), member)
    child(dialog, QLineEdit, "itemTitleEdit").setText(title)
    qtbot.keyClicks(child(dialog, QLineEdit, "itemTagsEdit"), tags)
    qtbot.mouseClick(child(dialog, QPushButton, "itemSaveButton"), Qt.MouseButton.LeftButton)
    assert dialog.result() == ItemDialog.DialogCode.Accepted


@POPUP
def test_a_need_and_an_offer_with_a_shared_tag_suggest_each_other_with_the_reason(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    enter_item(qtbot, view, "need", "Li Lap", "找钓鱼师傅", "fishing, weekend")
    assert view.item_tabs.currentIndex() == 0
    assert texts(view.needs_table, ItemsModel.TITLE) == ["找钓鱼师傅"]
    assert view.bar.text() == "“找钓鱼师傅” is saved."
    assert view.matches_model.rowCount() == 0
    assert "No suggestions yet" in view.reasons.text()

    enter_item(qtbot, view, "offer", "13912345678", "Weekend fishing lessons", "Fishing, boats")
    assert view.item_tabs.currentIndex() == OFFERS  # the new offer is shown, selected
    assert view.selected_item() is not None
    assert view.selected_item().title == "Weekend fishing lessons"
    assert texts(view.matches_table, MatchesModel.WHO) == ["Li Lapsed"]

    view.item_tabs.setCurrentIndex(0)
    assert texts(view.matches_table, MatchesModel.WHO) == ["张建华"]
    assert texts(view.matches_table, MatchesModel.WHAT) == ["Weekend fishing lessons"]
    assert texts(view.matches_table, MatchesModel.SCORE) == ["3"]
    reasons = child(view, type(view.reasons), "circleMatchReasons")
    assert reasons.isVisible()  # read without hovering
    assert "shared tags: fishing (+3)" in reasons.text()
    assert "score 3" in reasons.text()
    offer = list_items(desk_ctx, side="offer")[0]
    assert offer.tags == ("boats", "fishing")  # "Fishing" is the tag typed first


def test_introducing_from_a_suggestion_lists_it_with_warnings_shown(
        qtbot, make_view, desk_ctx: Context, owner_ctx: Context,
        people: dict[str, int]) -> None:
    need = create_item(desk_ctx, ItemInput("need", people["lapsed"], "Need a tea supplier",
                                           tags=("tea",)))
    create_item(desk_ctx, ItemInput("offer", people["zhang"], "Tea from our garden",
                                    tags=("Tea",)))
    view = make_view(desk_ctx)
    assert view.selected_item() is not None and view.selected_item().id == need.id
    # Another desk archives the member meanwhile: the introduction goes ahead with a warning.
    set_archived(owner_ctx, people["lapsed"], True)
    view.matches_table.setFocus()
    qtbot.keyClick(view.matches_table, Qt.Key.Key_Return)  # Enter on a match introduces
    dialog = view.dialog
    assert isinstance(dialog, IntroductionDialog)
    a = child(dialog, MemberPicker, "introMemberAEdit")
    b = child(dialog, MemberPicker, "introMemberBEdit")
    assert a.member is not None and a.member.id == people["lapsed"]  # the need's member
    assert b.member is not None and b.member.id == people["zhang"]  # the offer's member
    assert "Need a tea supplier" in child(dialog, QLabel, "introAbout").text()
    means = child(dialog, QComboBox, "introMeansCombo")
    means.setCurrentIndex(means.findData("wechat"))
    assert means.currentText() == "WeChat"
    qtbot.mouseClick(child(dialog, QPushButton, "introSaveButton"), Qt.MouseButton.LeftButton)
    assert dialog.result() == IntroductionDialog.DialogCode.Accepted

    (made,) = list_introductions(desk_ctx)
    assert (made.member_a_id, made.member_b_id, made.item_id, made.means) == (
        people["lapsed"], people["zhang"], need.id, "wechat")
    assert view.intro_tabs.currentIndex() == 0
    assert texts(view.recent_table, IntroductionsModel.OTHER) == ["张建华"]
    assert texts(view.recent_table, IntroductionsModel.OUTCOME) == ["Not yet"]
    assert view.intro_tabs.tabText(0) == "Recent introductions (1)"
    assert "Li Lapsed is introduced to 张建华." in view.bar.text()
    assert "Li Lapsed is archived." in view.bar.text()  # the warning, after saving


def test_introducing_a_partner_from_a_suggestion(qtbot, make_view, desk_ctx: Context,
                                                 owner_ctx: Context,
                                                 people: dict[str, int]) -> None:
    from desktop.partners.service import PartnerInput, create_partner

    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea", benefit="茶叶九折"))
    create_item(desk_ctx, ItemInput("need", people["zhang"], "想买茶叶"))
    view = make_view(desk_ctx)
    assert texts(view.matches_table, MatchesModel.KIND) == ["Partner"]
    dialog = view.introduce()
    assert dialog is not None
    assert child(dialog, QLabel, "introPartner").text() == "明前茶舍"
    assert dialog.findChild(MemberPicker, "introMemberBEdit") is None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (made,) = list_introductions(desk_ctx)
    assert made.partner_id == tea.id and made.member_a_id == people["zhang"]
    assert texts(view.recent_table, IntroductionsModel.OTHER) == ["明前茶舍"]


def test_a_member_introduced_to_themself_is_refused_at_the_field(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    create_item(desk_ctx, ItemInput("need", people["lapsed"], "Looking for a lawyer"))
    view = make_view(desk_ctx)
    qtbot.keyClick(view.needs_table, Qt.Key.Key_I, CTRL)
    dialog = view.dialog
    assert isinstance(dialog, IntroductionDialog)
    b = child(dialog, MemberPicker, "introMemberBEdit")
    assert b.member is None  # no suggestion, so nobody to prefill
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("member_b_id") == (
        "Choose the member from the list (Down, then Enter).")
    pick_member(qtbot, b, "Li Lap")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("member_b_id") == "A member cannot be introduced to themself."
    assert dialog.isVisible() and list_introductions(desk_ctx) == []


def test_an_old_introduction_is_followed_up_and_its_outcome_counted_this_month(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    old = create_introduction(desk_ctx, IntroductionInput(
        people["zhang"], "phone", member_b_id=people["lapsed"],
        introduced_on=dt.date(2026, 11, 2))).introduction
    create_introduction(desk_ctx, IntroductionInput(
        people["zhang"], "phone", member_b_id=people["suspended"]))  # today: not due yet
    view = make_view(desk_ctx)
    assert view.intro_tabs.tabText(FOLLOW_UPS) == "Follow up (1)"
    assert view.intro_tabs.tabText(OUTCOMES) == "Outcomes this month (0)"
    view.intro_tabs.setCurrentIndex(FOLLOW_UPS)
    assert texts(view.follow_table, IntroductionsModel.DAY) == ["2026-11-02"]
    view.follow_table.setFocus()
    qtbot.keyClick(view.follow_table, Qt.Key.Key_Return)  # Enter records the outcome
    dialog = view.dialog
    assert isinstance(dialog, OutcomeDialog)
    outcome = child(dialog, QComboBox, "outcomeCombo")
    assert [outcome.itemText(i) for i in range(outcome.count())] == [
        "Not yet", "Met", "Working together", "Deal done", "No fit"]
    outcome.setCurrentIndex(outcome.findData("deal_done"))
    qtbot.keyClicks(child(dialog, QLineEdit, "outcomeNoteEdit"), "signed a yearly order")
    value = child(dialog, QLineEdit, "outcomeValueEdit")
    qtbot.keyClicks(value, "a lot")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("value") == "The value must be an amount such as 80 or 80.50."
    value.setText("1200")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == OutcomeDialog.DialogCode.Accepted

    assert view.follow_model.rowCount() == 0
    assert view.intro_tabs.tabText(FOLLOW_UPS) == "Follow up (0)"
    assert view.intro_tabs.tabText(OUTCOMES) == "Outcomes this month (1)"
    assert "Deal done <b>1</b>" in view.outcome_counts.text()
    assert "¥1,200.00" in view.outcome_counts.text()
    assert [i.id for i in view.outcomes_model.rows] == [old.id]
    assert texts(view.outcomes_table, IntroductionsModel.NOTE) == ["signed a yearly order"]


def test_an_empty_title_is_refused_at_the_field(qtbot, make_view, desk_ctx: Context,
                                                people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    qtbot.keyClick(view.items_table, Qt.Key.Key_O, CTRL | SHIFT)
    dialog = view.dialog
    assert isinstance(dialog, ItemDialog) and dialog.windowTitle() == "New offer"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("member_id") == (
        "Choose the member from the list (Down, then Enter).")
    pick_member(qtbot, dialog.member, "Li Lap")
    qtbot.keyClicks(dialog.title_edit, "   ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("title") == "Give it a title."
    assert dialog.isVisible() and list_items(desk_ctx, status=None) == []


@POPUP
def test_existing_tags_are_offered_while_typing_the_last_one(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    create_item(desk_ctx, ItemInput("offer", people["zhang"], "Fly fishing",
                                    tags=("fishing", "tea")))
    view = make_view(desk_ctx)
    dialog = view.new_item("need")
    completer = dialog.tags.completer()
    assert isinstance(completer, TagCompleter)
    qtbot.keyClicks(dialog.tags, "tea, fi")
    assert completer.completionPrefix() == "tea, fi"
    assert completer.splitPath(completer.completionPrefix()) == ["fi"]
    offered = completer.completionModel()
    assert [offered.index(r, 0).data() for r in range(offered.rowCount())] == ["fishing"]
    popup = completer.popup()
    assert popup is not None and popup.isVisible()
    completer.setCurrentRow(0)
    assert completer.pathFromIndex(completer.currentIndex()) == "tea, fishing"


def test_the_keyboard_reaches_the_lists_and_enter_opens(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    create_item(desk_ctx, ItemInput("need", people["lapsed"], "Fishing buddy", tags=("fish",)))
    create_item(desk_ctx, ItemInput("need", people["zhang"], "Tea tutor", tags=("tea",)))
    create_item(desk_ctx, ItemInput("offer", people["zhang"], "Fishing boat", tags=("fish",)))
    view = make_view(desk_ctx)
    qtbot.keyClick(view.needs_table, Qt.Key.Key_F, CTRL)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "fish")
    assert texts(view.needs_table, ItemsModel.TITLE) == ["Fishing buddy"]
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.needs_table.hasFocus()
    qtbot.keyClick(view.needs_table, Qt.Key.Key_Return)  # Enter edits the item
    dialog = view.dialog
    assert isinstance(dialog, ItemDialog) and dialog.title_edit.text() == "Fishing buddy"
    assert dialog.member.isReadOnly()
    dialog.title_edit.setText("Fishing buddy for Sundays")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert texts(view.needs_table, ItemsModel.TITLE) == ["Fishing buddy for Sundays"]

    qtbot.keyClick(view.needs_table, Qt.Key.Key_Tab)  # on to the suggestions
    assert view.matches_table.hasFocus()
    assert texts(view.matches_table, MatchesModel.WHAT) == ["Fishing boat"]

    with qtbot.waitSignal(view.openMember) as opened:
        qtbot.keyClick(view.needs_table, Qt.Key.Key_M, CTRL | SHIFT)
    assert opened.args == [people["lapsed"]]
    qtbot.keyClick(view.needs_table, Qt.Key.Key_M, CTRL)  # mark matched: off the open list
    assert view.bar.text() == "“Fishing buddy for Sundays” is now Matched."
    assert list_items(desk_ctx, side="need")[0].title == "Tea tutor"
    assert view.needs_proxy.rowCount() == 0  # the search still says "fish"
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert texts(view.needs_table, ItemsModel.TITLE) == ["Tea tutor"]
    assert view.item_tabs.tabText(0) == "Open needs (1)"


def test_in_chinese_the_reasons_outcomes_and_means_read_in_chinese(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    from desktop.ui.bootstrap import set_ui_language

    create_item(desk_ctx, ItemInput("need", people["lapsed"], "找有机茶叶", tags=("茶艺",)))
    create_item(desk_ctx, ItemInput("offer", people["zhang"], "有机茶叶直供", tags=("茶艺",)))
    made = create_introduction(desk_ctx, IntroductionInput(
        people["zhang"], "event", member_b_id=people["lapsed"],
        introduced_on=dt.date(2026, 11, 1))).introduction
    set_ui_language("zh_CN")
    view = make_view(desk_ctx)
    assert "相同标签：茶艺（+3）" in view.reasons.text()
    assert "相同词语：有机, 机茶, 茶叶（+3）" in view.reasons.text()  # 有机, 机茶, 茶叶
    view.intro_tabs.setCurrentIndex(FOLLOW_UPS)
    assert texts(view.follow_table, IntroductionsModel.MEANS) == ["活动上"]
    assert texts(view.follow_table, IntroductionsModel.OUTCOME) == ["尚无结果"]
    dialog = view.record_outcome()
    assert dialog is not None and dialog.outcome.currentText() == "已见面"
    assert "已见面 <b>0</b>" in view.outcome_counts.text()
    chosen = view.selected_introduction()
    assert chosen is not None and chosen.id == made.id
