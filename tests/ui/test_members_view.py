"""Members view: search-as-you-type in the database, paging on scroll, sorting by header,
the detail panel, the keyboard, and what each role sees."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester

from desktop.members import service as ms
from desktop.members.status import Status
from desktop.services import Context
from desktop.ui.members.member_dialog import MemberDialog
from desktop.ui.members.membership_dialog import (
    MembershipDialog,
    PaymentDialog,
    VoidPaymentDialog,
)
from desktop.ui.members.table_model import MembersTableModel
from desktop.ui.pdf_preview import PdfPreviewDialog
from tests.ui.test_members_fixtures import make_view, names, people, plans, type_text

__all__ = ["make_view", "people", "plans"]


def _many(ctx: Context, count: int) -> None:
    """``count`` members in one transaction, through the service."""
    with ctx.transaction() as tx:
        for number in range(count):
            ms.create_member(tx, ms.MemberInput(f"Member {number:03d}"), allow_duplicates=True)


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, owner_ctx: Context,
                                       people: dict[str, int]) -> None:
    model = MembersTableModel(owner_ctx, first_page=2, page_size=2)
    model.set_query(ms.MemberQuery(include_archived=True))
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 4


def test_typing_pinyin_initials_finds_the_member(qtbot, make_view, desk_ctx: Context,
                                                 people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    assert set(names(view)) == {"张三", "张建华", "李四"}  # archived 周敏 hidden
    qtbot.keyClicks(view.search, "zs")
    assert view.model.query.text == ""  # not yet: the search waits for the typing to pause
    qtbot.waitUntil(lambda: names(view) == ["张三"], timeout=2000)
    assert view.model.query.text == "zs"
    qtbot.waitUntil(lambda: view.count_label.text() == "1 member")
    qtbot.waitUntil(lambda: view.detail.name.text() == "张三")


def test_typing_chinese_and_phone_digits(qtbot, make_view, desk_ctx: Context,
                                         people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.show()
    type_text(view.search, "张")
    qtbot.waitUntil(lambda: set(names(view)) == {"张三", "张建华"}, timeout=2000)
    view.search.clear()
    qtbot.keyClicks(view.search, "139-0013")
    qtbot.waitUntil(lambda: names(view) == ["李四"], timeout=2000)
    view.show_archived.setChecked(True)
    view.search.clear()
    qtbot.keyClicks(view.search, "1391234")
    qtbot.waitUntil(lambda: names(view) == ["周敏"], timeout=2000)
    assert "archived" in view.model.index(0, MembersTableModel.STATUS).data()


def test_filters_by_status_plan_and_tag(make_view, desk_ctx: Context, people: dict[str, int],
                                        plans: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.status_filter.setCurrentIndex(view.status_filter.findData(Status.LAPSED.value))
    assert names(view) == ["李四"]
    view.status_filter.setCurrentIndex(0)
    view.plan_filter.setCurrentIndex(view.plan_filter.findData(plans["annual"]))
    assert set(names(view)) == {"张三", "张建华"}
    view.plan_filter.setCurrentIndex(0)
    tag = view.tag_filter.findText("读书 (1)")
    view.tag_filter.setCurrentIndex(tag)
    assert names(view) == ["张三"]


def test_scrolling_fetches_more_rows(qtbot, make_view, desk_ctx: Context) -> None:
    _many(desk_ctx, 450)
    view = make_view(desk_ctx)
    view.show()
    qtbot.waitExposed(view)
    first = view.model.rowCount()
    assert first < 450
    bar = view.table.verticalScrollBar()
    while view.model.rowCount() < 450:
        shown = view.model.rowCount()
        qtbot.waitUntil(lambda: bar.maximum() > bar.value())  # the new rows are laid out
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda shown=shown: view.model.rowCount() > shown, timeout=3000)
    assert names(view) == [f"Member {n:03d}" for n in range(450)]
    assert not view.model.canFetchMore()
    qtbot.waitUntil(lambda: view.count_label.text() == "450 members")


def _click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_in_the_database(qtbot, make_view, desk_ctx: Context,
                                                 people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.show()
    qtbot.waitExposed(view)
    assert names(view) == ["李四", "张建华", "张三"]  # by pinyin: li si, zhang jian hua, zhang san
    _click_header(qtbot, view, MembersTableModel.NUMBER)
    assert view.model.query.sort == "number"
    numbers = [view.model.row_at(r).number for r in range(view.model.rowCount())]
    assert numbers == sorted(numbers)
    _click_header(qtbot, view, MembersTableModel.NUMBER)
    assert view.model.query.descending
    assert [view.model.row_at(r).number for r in range(3)] == sorted(numbers, reverse=True)
    _click_header(qtbot, view, MembersTableModel.EXPIRES)
    assert view.model.query.sort == "ends_on"
    ends = [view.model.row_at(r).ends_on for r in range(3)]
    assert ends == sorted(ends)
    # Tags have no sort key: the order and the header's indicator stay.
    before = names(view)
    _click_header(qtbot, view, MembersTableModel.TAGS)
    assert names(view) == before
    assert view.table.horizontalHeader().sortIndicatorSection() == MembersTableModel.EXPIRES


def test_detail_shows_history_with_gap_payments_and_referrals(
        qtbot, make_view, owner_ctx: Context, people: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    assert view.select_member(people["张三"])
    view.show_detail_now()
    detail = view.detail
    assert detail.name.text() == "张三"
    assert detail.status.text() == "active"
    history = detail.history.text()
    assert history.count("年卡") == 2
    assert "days without membership" in history
    assert "WeChat Pay" in history and "receipt R-001" in history  # the owner sees payments
    assert "void:" in history and "edit:" in history
    assert "张建华" in detail.referrals.text()
    assert detail.fields["phone"].text() == "138 0013 8000"
    assert "读书" in detail.tags.text()

    detail.referrals.linkActivated.emit(f"member:{people['张建华']}")  # click the referrer
    assert view.selected_row().name == "张建华"
    view.show_detail_now()
    assert "张三" in view.detail.referrals.text()  # whom he brought in


def test_desk_sees_no_payments_import_export_or_erase(make_view, desk_ctx: Context,
                                                      people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.select_member(people["张三"])
    view.show_detail_now()
    history = view.detail.history.text()
    assert "年卡" in history and "¥" not in history and "void:" not in history
    for action in (view.import_action, view.export_action, view.erase_action,
                   view.export_data_action, view.plans_action):
        assert not action.isVisible() and not action.isEnabled()
    assert not view.more_menu_action.isVisible()
    assert view.new_action.isVisible() and view.membership_action.isVisible()
    assert view.print_directory_action.isVisible()


def test_owner_sees_the_owner_actions(make_view, owner_ctx: Context,
                                      people: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    for action in (view.import_action, view.export_action, view.erase_action,
                   view.export_data_action, view.plans_action):
        assert action.isVisible()
    assert view.more_menu_action.isVisible()


def test_keyboard_new_edit_and_arrows_in_the_window(qtbot, make_window, owner_ctx: Context,
                                                    people: dict[str, int]) -> None:
    window = make_window(owner_ctx)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    view = window.show_view("members")
    assert window.current_view == "members"
    view.search.setFocus()
    QTest.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    first = view.selected_row()
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    second = view.selected_row()
    assert second is not None and first is not None and second.id != first.id
    qtbot.waitUntil(lambda: view.detail.name.text() == second.name)

    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert isinstance(view.dialog, MemberDialog)
    assert view.dialog.name.text() == second.name
    view.dialog.reject()

    QTest.keyClick(view.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(view.dialog, MemberDialog) and view.dialog.member is None
    view.dialog.reject()

    QTest.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(view.dialog, MembershipDialog)
    view.dialog.reject()

    QTest.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "lisi")
    qtbot.waitUntil(lambda: names(view) == ["李四"], timeout=2000)
    QTest.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    assert len(names(view)) == 3


def test_record_membership_renews_from_the_end_date(make_view, owner_ctx: Context,
                                                    people: dict[str, int],
                                                    plans: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    view.select_member(people["张建华"])
    view.show_detail_now()
    before = view.selected_row()
    assert before is not None and before.ends_on is not None
    dialog = view.record_membership()
    assert isinstance(dialog, MembershipDialog)
    start = before.ends_on + dt.timedelta(days=1)
    assert dialog.period_span is not None and dialog.period_span[0] == start
    assert "continues from the current end date" in dialog.period.text()
    assert dialog.fields.amount.text() == "1980.00"
    dialog.fields.method.setCurrentIndex(dialog.fields.method.findData("wechat"))
    dialog.fields.receipt.setText("R-777")
    dialog.save_button.click()
    assert dialog.result() == MembershipDialog.DialogCode.Accepted
    detail = ms.get_member(owner_ctx, people["张建华"])
    assert detail.row.ends_on == dialog.period_span[1]
    assert any(p.receipt_no == "R-777" and p.method == "wechat"
               for period in detail.periods for p in period.payments)
    assert "recorded" in view.bar.text()


def test_lapsed_member_restart_shows_the_gap(make_view, owner_ctx: Context,
                                             people: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    view.select_member(people["李四"])
    dialog = view.record_membership()
    assert dialog is not None
    assert dialog.period_span is not None
    assert dialog.period_span[0] == owner_ctx.clock.now().date()
    assert "starts afresh" in dialog.period.text()


def test_owner_edits_and_voids_a_payment(make_view, owner_ctx: Context,
                                         people: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    view.select_member(people["张三"])
    view.show_detail_now()
    payments = [p for period in view.detail.detail.periods
                for p in period.payments]
    first = payments[0]
    view.detail.history.linkActivated.emit(f"edit:{first.id}")
    dialog = view.dialog
    assert isinstance(dialog, PaymentDialog)
    dialog.fields.amount.setText("1880")
    dialog.save_button.click()
    view.detail.history.linkActivated.emit(f"void:{first.id}")
    void = view.dialog
    assert isinstance(void, VoidPaymentDialog)
    void.save_button.click()  # no reason: refused at the field
    assert void.errors.text("reason")
    void.reason.setText("entered twice")
    void.save_button.click()
    assert void.result() == VoidPaymentDialog.DialogCode.Accepted
    history = view.detail.history.text()
    assert "voided: entered twice" in history and "¥1,880.00" in history


def test_suspend_and_lift(make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.select_member(people["张三"])
    dialog = view.toggle_suspension()
    assert dialog is not None
    dialog.reason.setText("欠费")
    dialog.save_button.click()
    assert view.selected_row().status is Status.SUSPENDED
    assert view.suspend_action.text() == "Lift suspension"
    view.show_detail_now()
    assert "Suspended from" in view.detail.notice_text.text()
    view.toggle_suspension()
    assert view.selected_row().status is Status.ACTIVE


def test_archive_hides_and_reactivate_brings_back(make_view, desk_ctx: Context,
                                                  people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.select_member(people["李四"])
    view.toggle_archived()
    assert "李四" not in names(view)
    view.show_archived.setChecked(True)
    view.select_member(people["李四"])
    assert view.archive_action.text() == "Reactivate"
    view.toggle_archived()
    view.show_archived.setChecked(False)
    assert "李四" in names(view)


def test_print_directory_and_cards_open_a_preview(qtbot, make_view, desk_ctx: Context,
                                                  people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.print_directory()
    preview = view.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.count_label.text() == "1 page"
    assert preview.rendered_pages() == [0]
    pixmap = preview.page_labels[0].pixmap()
    assert not pixmap.isNull() and pixmap.toImage().pixelColor(3, 3).name() == "#ffffff"
    preview.accept()
    view.select_member(people["张三"])
    view.print_cards(all_shown=False)
    assert isinstance(view.dialog, PdfPreviewDialog)
    assert view.dialog.path.stat().st_size > 1000


def test_erase_names_the_member_and_erases(make_view, owner_ctx: Context,
                                           people: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    view.select_member(people["李四"])
    dialog = view.erase_member()
    assert dialog is not None
    texts = [widget.text() for widget in dialog.findChildren(QLabel)]
    assert "Erase 李四 (M00003)?" in texts
    assert any("Erased member M00003" in text for text in texts)
    dialog.save_button.click()
    assert dialog.errors.text("reason")  # a reason is required
    dialog.reason.setText("本人书面申请")
    dialog.save_button.click()
    assert ms.get_member(owner_ctx, people["李四"]).erased
    assert "李四" not in names(view)


def test_export_member_data_writes_json(make_view, owner_ctx: Context, people: dict[str, int],
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui import dialogs

    target = tmp_path / "zhangsan.json"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *args: target)
    view = make_view(owner_ctx)
    view.select_member(people["张三"])
    view.export_member_data()
    assert target.exists() and "张三" in target.read_text(encoding="utf-8")
    assert "张三" in view.bar.text()


def test_plans_dialog_creates_and_edits_a_plan(make_view, owner_ctx: Context,
                                               plans: dict[str, int]) -> None:
    view = make_view(owner_ctx)
    dialog = view.edit_plans()
    assert dialog.model.rowCount() == 2
    dialog.name.setText("月卡")
    dialog.fee.setText("-5")
    dialog.save_button.click()
    assert dialog.errors.text("fee")
    dialog.fee.setText("220")
    dialog.months.setValue(1)
    dialog.save_button.click()
    assert dialog.model.rowCount() == 3
    assert "月卡" in {plan.name for plan in ms.list_plans(owner_ctx)}
    dialog.accept()
    assert view.plan_filter.findText("月卡") > 0
