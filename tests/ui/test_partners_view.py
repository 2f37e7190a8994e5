"""The Partners view as the owner and the desk use it: search and filters, the owner creating
and editing a partner (the desk cannot), a refused agreement shown at its field, a benefit use
logged for a partner whose agreement ended (warned, listed), and the links out of the panel."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.clock import FixedClock
from desktop.partners.service import (
    PartnerInput,
    PartnerView,
    create_partner,
    list_benefit_uses,
    log_benefit_use,
    search_partners,
)
from desktop.services import Context
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.members.common import to_qdate
from desktop.ui.partners.benefit_dialog import BenefitUseDialog
from desktop.ui.partners.models import PartnersModel
from desktop.ui.partners.partner_dialog import PartnerDialog
from desktop.ui.partners.view import PartnersView
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import make_members
from tests.ui.helpers import child

TODAY = dt.date(2026, 11, 26)  # the test clock's day


@pytest.fixture
def partners(owner_ctx: Context) -> dict[str, PartnerView]:
    made = [
        PartnerInput("明前茶舍", "tea", "周老板", "13800138000", city="杭州", benefit="会员九折",
                     agreement_starts=dt.date(2026, 1, 1), agreement_ends=dt.date(2026, 12, 31),
                     tier="Gold"),
        PartnerInput("Green Valley Farm", "farm_orchard", "Li Wei", city="Anji",
                     benefit="Orchard day pass", agreement_ends=dt.date(2027, 12, 31)),
        PartnerInput("Lakeside Inn", "lodging", city="Qiandao Lake", benefit="15% off rooms",
                     agreement_starts=dt.date(2025, 11, 1), agreement_ends=dt.date(2026, 11, 20)),
        PartnerInput("Old Rods", "fishing_gear", active=False),
    ]
    return {data.name: create_partner(owner_ctx, data) for data in made}


@pytest.fixture
def make_view(qtbot, inline: TaskRunner):
    def make(ctx: Context) -> PartnersView:
        view = PartnersView(ctx, inline)
        qtbot.addWidget(view)
        view.resize(1300, 800)
        with qtbot.waitActive(view):  # the view's shortcuts work in the active window
            view.show()
            view.activateWindow()
        return view

    return make


def names(view: PartnersView) -> list[str]:
    return [view.model.row_at(row).name for row in range(view.model.rowCount())]


def cell(view: PartnersView, name: str, column: int) -> str:
    row = names(view).index(name)
    return str(view.model.index(row, column).data())


def select(view: PartnersView, name: str) -> None:
    assert view.select_partner(next(p.id for p in view.model.rows if p.name == name))


# -- the list ----------------------------------------------------------------------------------

def test_the_search_and_filters_narrow_the_table(qtbot, make_view, desk_ctx: Context,
                                                partners: dict[str, PartnerView]) -> None:
    view = make_view(desk_ctx)
    # active partners by default, in pinyin order of their names
    assert names(view) == ["Green Valley Farm", "Lakeside Inn", "明前茶舍"]
    assert view.count_label.text() == "3 partners"

    qtbot.keyClicks(view.search, "mingqian")  # live: the table follows as one types
    qtbot.waitUntil(lambda: names(view) == ["明前茶舍"], timeout=2000)
    assert view.count_label.text() == "1 partner"
    assert view.detail.name.text() == "明前茶舍"
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert names(view) == ["Green Valley Farm", "Lakeside Inn", "明前茶舍"]
    view.search.setText("杭州")  # the city (Chinese is set, never typed: FIELD-NOTES)
    qtbot.waitUntil(lambda: names(view) == ["明前茶舍"], timeout=2000)
    view.search.setText("138 0013")  # phone digits
    qtbot.waitUntil(lambda: names(view) == ["明前茶舍"], timeout=2000)
    view.search.clear()
    qtbot.waitUntil(lambda: len(names(view)) == 3, timeout=2000)

    view.category_filter.setCurrentIndex(view.category_filter.findData("lodging"))
    assert names(view) == ["Lakeside Inn"]
    view.category_filter.setCurrentIndex(0)
    view.active_filter.setCurrentIndex(view.active_filter.findData("inactive"))
    assert names(view) == ["Old Rods"]
    view.active_filter.setCurrentIndex(view.active_filter.findData("all"))
    assert len(names(view)) == 4
    view.expiring_filter.setChecked(True)  # ends within 60 days, not ended
    assert names(view) == ["明前茶舍"]


def test_the_agreement_column_says_how_long_is_left_and_flags_it(
        make_view, owner_ctx: Context, partners: dict[str, PartnerView]) -> None:
    view = make_view(owner_ctx)
    agreement = PartnersModel.AGREEMENT
    assert cell(view, "明前茶舍", agreement) == "2026-12-31 · ends in 35 days"
    assert cell(view, "Lakeside Inn", agreement) == "2026-11-20 · ended"
    assert cell(view, "Green Valley Farm", agreement) == "2027-12-31"
    colours = {name: view.model.index(names(view).index(name), agreement).data(
        Qt.ItemDataRole.ForegroundRole) for name in names(view)}
    assert colours["Green Valley Farm"] is None
    assert colours["Lakeside Inn"] is not None and colours["明前茶舍"] is not None
    assert colours["Lakeside Inn"] != colours["明前茶舍"]
    select(view, "明前茶舍")
    assert "ends in 35 days" in view.detail.values["agreement"].text()
    assert view.detail.values["contact"].text() == "周老板"
    assert view.detail.values["uses"].text() == "not yet"


# -- the owner's partner dialog ------------------------------------------------------------

def test_the_owner_creates_a_partner_from_the_keyboard(qtbot, make_view, owner_ctx: Context,
                                                     partners: dict[str, PartnerView]) -> None:
    view = make_view(owner_ctx)
    assert view.new_action.isVisible() and view.new_action.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.dialog
    assert isinstance(dialog, PartnerDialog) and dialog.isVisible()
    assert dialog.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "Hillside Tea Garden")
    dialog.category.setFocus()
    qtbot.keyClicks(dialog.category, "T")  # type-ahead picks "Tea"
    assert dialog.category.currentData() == "tea"
    qtbot.keyClicks(dialog.contact, "Chen")
    qtbot.keyClicks(dialog.phone, "13912340000")
    qtbot.keyClicks(dialog.city, "Hangzhou")
    qtbot.keyClicks(dialog.benefit, "A free pot of tea")
    qtbot.mouseClick(dialog.ends.check, Qt.MouseButton.LeftButton)
    dialog.ends.date.setDate(to_qdate(dt.date(2027, 1, 10)))
    qtbot.keyClicks(dialog.tier, "Silver")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # the default button saves
    assert not dialog.isVisible()

    made = search_partners(owner_ctx, "Hillside")
    assert [(p.category, p.contact_person, p.phone, p.city, p.tier, p.agreement_starts,
             p.agreement_ends) for p in made] == [
        ("tea", "Chen", "139 1234 0000", "Hangzhou", "Silver", None, dt.date(2027, 1, 10))]
    chosen = view.selected_partner()
    assert chosen is not None and chosen.name == "Hillside Tea Garden"
    assert "Hillside Tea Garden is saved." in view.bar.text()
    assert cell(view, "Hillside Tea Garden", PartnersModel.AGREEMENT) == (
        "2027-01-10 · ends in 45 days")


def test_the_owner_edits_a_partner(qtbot, make_view, owner_ctx: Context,
                                   partners: dict[str, PartnerView]) -> None:
    view = make_view(owner_ctx)
    select(view, "Green Valley Farm")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = view.dialog
    assert isinstance(dialog, PartnerDialog)
    assert dialog.name.text() == "Green Valley Farm" and dialog.ends.check.isChecked()
    assert not dialog.starts.check.isChecked() and not dialog.starts.date.isEnabled()
    dialog.tier.setText("Gold")
    qtbot.keyClick(dialog.active, Qt.Key.Key_Space)  # no longer active
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (farm,) = search_partners(owner_ctx, "Green", active_only=False)
    assert farm.tier == "Gold" and not farm.active
    # still shown and chosen, though inactive: the filter widens to show what was saved
    assert view.active_filter.currentData() == "all"
    assert view.selected_partner() is not None and view.selected_partner().id == farm.id
    assert view.detail.values["active"].text() == "No"


def test_an_agreement_ending_before_it_starts_is_shown_at_the_end_date(
        qtbot, make_view, owner_ctx: Context) -> None:
    view = make_view(owner_ctx)
    dialog = view.new_partner()
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "Backwards Bakery")
    dialog.starts.check.setChecked(True)
    dialog.starts.date.setDate(to_qdate(dt.date(2026, 6, 1)))
    dialog.ends.check.setChecked(True)
    dialog.ends.date.setDate(to_qdate(dt.date(2026, 5, 31)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    error = child(dialog, QLabel, "partnerEndsError")
    assert error.isVisible()
    assert error.text() == "The agreement cannot end (2026-05-31) before it starts (2026-06-01)."
    assert dialog.errors.text("name") == ""
    assert search_partners(owner_ctx, active_only=False) == []
    # a wrong phone shows at the phone; a missing name at the name
    dialog.ends.check.setChecked(False)
    dialog.phone.setText("12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("phone") and not error.isVisible()
    dialog.phone.clear()
    dialog.name.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("name") == "Give the partner a name."
    assert search_partners(owner_ctx, active_only=False) == []


def test_the_desk_cannot_create_or_edit_a_partner(qtbot, make_view, desk_ctx: Context,
                                                  partners: dict[str, PartnerView]) -> None:
    view = make_view(desk_ctx)
    for action in (view.new_action, view.edit_action):
        assert not action.isVisible() and not action.isEnabled()
    assert view.use_action.isVisible() and view.use_action.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.dialog is None
    assert view.new_partner() is None and view.edit_partner() is None


# -- benefit uses ------------------------------------------------------------------------------

def test_the_desk_logs_a_use_after_the_agreement_ended_and_is_warned(
        qtbot, make_view, owner_ctx: Context, desk_ctx: Context,
        partners: dict[str, PartnerView]) -> None:
    people = make_members(owner_ctx)
    view = make_view(desk_ctx)
    select(view, "Lakeside Inn")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert isinstance(dialog, BenefitUseDialog) and dialog.isVisible()
    assert dialog.notice.isVisible() and "2026-11-20" in dialog.notice.text()
    assert dialog.used_on.date() == to_qdate(TODAY)  # today, from the injected clock
    assert dialog.focusWidget() is dialog.member
    qtbot.keyClicks(dialog.member, "13912345678")
    qtbot.keyClick(dialog.member, Qt.Key.Key_Return)
    assert dialog.member.member is not None and dialog.member.member.id == people["zhang"]
    assert dialog.focusWidget() is dialog.value  # picking the member moves on
    qtbot.keyClicks(dialog.value, "380")
    qtbot.keyClicks(dialog.note, "two nights")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert "张建华's use of Lakeside Inn is logged." in view.bar.text()
    assert "Lakeside Inn's agreement ended on 2026-11-20." in view.bar.text()
    assert view.bar.property("kind") == "error"  # shown as a warning, not a success
    assert view.detail.partner is not None and view.detail.partner.name == "Lakeside Inn"
    uses = view.detail.uses_model
    assert uses.rowCount() == 1
    texts = [str(uses.index(0, column).data()) for column in range(5)]
    assert texts[:4] == ["2026-11-26", "张建华", "¥380.00", "two nights"]
    assert "agreement ended" in texts[4]
    assert cell(view, "Lakeside Inn", PartnersModel.USES) == "1"
    assert cell(view, "Lakeside Inn", PartnersModel.LAST_USED) == "2026-11-26"
    assert view.detail.values["uses"].text() == "once, on 2026-11-26"


def test_a_use_needs_a_member_and_a_sensible_value(qtbot, make_view, owner_ctx: Context,
                                                   partners: dict[str, PartnerView]) -> None:
    make_members(owner_ctx)
    view = make_view(owner_ctx)
    select(view, "明前茶舍")
    dialog = view.log_use()
    assert dialog is not None and not dialog.notice.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("member_id") == "Choose the member who used it."
    qtbot.keyClicks(dialog.member, "13912345678")
    qtbot.keyClick(dialog.member, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.value, "lots")
    dialog.used_on.setDate(to_qdate(TODAY - dt.timedelta(days=3)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.text("value") == "The value must be an amount such as 80 or 80.50."
    dialog.value.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert view.bar.property("kind") == "success"
    (use,) = list_benefit_uses(owner_ctx, partner_id=partners["明前茶舍"].id)
    assert use.used_on == TODAY - dt.timedelta(days=3) and use.value is None


def test_a_member_in_the_uses_opens_with_a_double_click(qtbot, make_view, owner_ctx: Context,
                                                        partners: dict[str, PartnerView]) -> None:
    people = make_members(owner_ctx)
    log_benefit_use(owner_ctx, partners["明前茶舍"].id, people["zhang"])
    view = make_view(owner_ctx)
    select(view, "明前茶舍")
    table = view.detail.uses_table
    rect = table.visualRect(view.detail.uses_model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.openMember) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [people["zhang"]]


def test_the_view_reads_in_chinese(make_view, owner_ctx: Context,
                                   partners: dict[str, PartnerView]) -> None:
    set_ui_language("zh_CN")
    view = make_view(owner_ctx)
    assert cell(view, "明前茶舍", PartnersModel.CATEGORY) == "茶"
    select(view, "Lakeside Inn")
    assert view.detail.values["category"].text() == "住宿"


def test_the_clock_decides_what_is_expiring(qtbot, inline: TaskRunner, owner_ctx: Context,
                                            partners: dict[str, PartnerView]) -> None:
    later = Context(owner_ctx.database, owner_ctx.actor,
                    clock=FixedClock(dt.datetime(2027, 11, 15, 9, 0)), hasher=owner_ctx.hasher)
    view = PartnersView(later, inline)
    qtbot.addWidget(view)
    view.expiring_filter.setChecked(True)
    assert names(view) == ["Green Valley Farm"]
    assert cell(view, "Green Valley Farm", PartnersModel.AGREEMENT) == (
        "2027-12-31 · ends in 46 days")


# -- fitting a 1280-pixel window ---------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_1040_pixels_the_table_needs_no_sideways_scrolling(
        qtbot, inline: TaskRunner, owner_ctx: Context, partners: dict[str, PartnerView],
        language: str) -> None:
    """A 1280×800 window leaves the view about 1040 pixels beside the sidebar: the table and
    the panel share them without a sideways scrollbar and without a header cut short."""
    set_ui_language(language)
    create_partner(owner_ctx, PartnerInput(
        "悦享读书会（西溪店）", "reading_club", "陶然", "13588001122", city="杭州",
        benefit="年卡 7折；每月第一个周六读书会免费入场，会员可带一位朋友",
        agreement_ends=dt.date(2026, 12, 20)))
    view = PartnersView(owner_ctx, inline)
    qtbot.addWidget(view)
    view.resize(1040, 800)
    view.show()
    qtbot.waitExposed(view)
    table, header, model = view.table, view.table.horizontalHeader(), view.model

    assert view.detail.width() <= 340
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.horizontalScrollBar().isVisible()
    used = sum(header.sectionSize(c) for c in range(model.columnCount())
               if not table.isColumnHidden(c))
    assert used <= table.viewport().width()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    for column in (PartnersModel.NAME, PartnersModel.BENEFIT, PartnersModel.AGREEMENT,
                   PartnersModel.USES, PartnersModel.SERVED, PartnersModel.LAST_USED):
        assert column in shown
    for column in shown:  # every title whole
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    # the agreement's warning is never elided: its column takes the longest one
    agreement = max(table.sizeHintForColumn(PartnersModel.AGREEMENT), 0)
    assert header.sectionSize(PartnersModel.AGREEMENT) >= agreement
    # a long benefit is elided in its cell, whole in the tooltip
    row = names(view).index("悦享读书会（西溪店）")
    benefit = model.index(row, PartnersModel.BENEFIT)
    assert benefit.data(Qt.ItemDataRole.ToolTipRole) == benefit.data()
    assert table.fontMetrics().horizontalAdvance(benefit.data()) > header.sectionSize(
        PartnersModel.BENEFIT)
    # what a narrow table leaves out is in the name's tooltip and the panel
    if PartnersModel.PHONE not in shown:
        tip = model.index(row, PartnersModel.NAME).data(Qt.ItemDataRole.ToolTipRole)
        assert "陶然" in tip and "135 8800 1122" in tip and "杭州" in tip
    select(view, "悦享读书会（西溪店）")
    assert view.detail.values["phone"].text() == "135 8800 1122"

    # a wider window (or the splitter dragged) brings the other columns back
    view.resize(1600, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(PartnersModel.PHONE), timeout=2000)
    assert table.horizontalScrollBar().maximum() == 0


def test_an_inactive_partner_says_so_without_a_column(
        make_view, owner_ctx: Context, partners: dict[str, PartnerView]) -> None:
    view = make_view(owner_ctx)
    view.active_filter.setCurrentIndex(view.active_filter.findData("all"))
    assert cell(view, "Old Rods", PartnersModel.AGREEMENT) == "inactive"
    assert cell(view, "Old Rods", PartnersModel.NAME) == "Old Rods"
    row = names(view).index("Old Rods")
    assert view.model.index(row, PartnersModel.NAME).data(
        Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert view.model.index(row, PartnersModel.NAME).data(
        Qt.ItemDataRole.ToolTipRole) == "Old Rods (inactive)"
    assert view.model.index(names(view).index("Lakeside Inn"), PartnersModel.NAME).data(
        Qt.ItemDataRole.ForegroundRole) is None
    view.model.set_rows([replace(partners["Lakeside Inn"], active=False)])
    assert cell(view, "Lakeside Inn", PartnersModel.AGREEMENT) == "2026-11-20 · inactive"
    served = view.model.headerData(PartnersModel.SERVED, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole)
    assert view.model.headerData(PartnersModel.SERVED, Qt.Orientation.Horizontal) == "Members"
    assert "Members served" in served


def test_the_warning_column_shows_only_when_a_use_has_a_warning(
        make_view, owner_ctx: Context, partners: dict[str, PartnerView]) -> None:
    people = make_members(owner_ctx)
    log_benefit_use(owner_ctx, partners["明前茶舍"].id, people["zhang"])
    log_benefit_use(owner_ctx, partners["Lakeside Inn"].id, people["zhang"])  # ended: warned
    view = make_view(owner_ctx)
    uses = view.detail.uses_table
    select(view, "明前茶舍")
    assert view.detail.uses_model.rowCount() == 1
    assert uses.isColumnHidden(4)
    select(view, "Lakeside Inn")
    assert not uses.isColumnHidden(4)
    assert uses.horizontalHeader().sectionSize(4) > 0
    assert uses.horizontalScrollBar().maximum() == 0
