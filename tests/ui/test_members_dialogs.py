"""The member dialog: validation at the field, duplicates (SCENARIOS 6: reactivating the
archived record), joining with a plan and payment, one member per double click."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.members import service as ms
from desktop.members.status import Status
from desktop.services import Context
from desktop.ui.members.member_dialog import DuplicateDialog, MemberDialog
from tests.ui.test_members_fixtures import make_view, names, people, plans, type_text

__all__ = ["make_view", "people", "plans"]


def _count(ctx: Context) -> int:
    return ms.count_members(ctx, ms.MemberQuery(include_archived=True))


def _new(view) -> MemberDialog:
    dialog = view.new_member()
    assert isinstance(dialog, MemberDialog)
    return dialog


def test_invalid_phone_is_shown_at_the_phone_field_and_nothing_is_saved(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    dialog = _new(view)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "王小明")
    qtbot.keyClicks(dialog.phone, "12345")
    qtbot.keyClicks(dialog.city, "Hangzhou")
    before = _count(desk_ctx)
    dialog.save_button.click()
    assert dialog.errors.text("phone") == "12345 is not a valid phone number."
    assert dialog.focusWidget() is dialog.phone
    assert dialog.phone.property("invalid") is True
    assert _count(desk_ctx) == before
    assert dialog.isVisible()
    assert dialog.name.text() == "王小明" and dialog.city.text() == "Hangzhou"  # nothing lost

    dialog.phone.setText("138-0013-8001")
    dialog.membership.setChecked(False)
    dialog.save_button.click()
    assert _count(desk_ctx) == before + 1
    assert not dialog.isVisible()
    assert view.selected_row().name == "王小明"
    assert "王小明 is saved as member" in view.bar.text()


def test_empty_name_and_bad_email_are_refused_at_their_fields(
        make_view, desk_ctx: Context, plans: dict[str, int]) -> None:
    dialog = _new(make_view(desk_ctx))
    dialog.name.setText("   ")
    dialog.save_button.click()
    assert dialog.errors.text("name") == "A member needs a name."
    dialog.name.setText("Anna")
    dialog.email.setText("anna.example.com")
    dialog.save_button.click()
    assert "not an email address" in dialog.errors.text("email")
    assert dialog.errors.text("name") == ""
    assert _count(desk_ctx) == 0


def test_join_with_a_plan_and_payment(make_view, desk_ctx: Context, people: dict[str, int],
                                      plans: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    dialog = _new(view)
    dialog.name.setText("王芳")
    dialog.phone.setText("(+86)13700137000")
    dialog.tags.setText("读书， 茶艺")
    dialog.referrer.setText("zjh")
    assert dialog.referrer.lookup() == [f"张建华 · M0000{people['张建华']}"]
    dialog.referrer._picked(f"张建华 · M0000{people['张建华']}")
    assert dialog.membership.isChecked()
    dialog.payment.select_plan(plans["annual"])
    assert dialog.payment.amount.text() == "1980.00"  # the plan's fee
    dialog.payment.method.setCurrentIndex(dialog.payment.method.findData("wechat"))
    dialog.payment.receipt.setText("WX-20261126")
    dialog.save_button.click()

    row = dialog.saved_row
    assert row is not None
    detail = ms.get_member(desk_ctx, row.id)
    assert detail.row.phone == "137 0013 7000"
    assert set(detail.row.tags) == {"读书", "茶艺"}
    assert detail.referred_by is not None and detail.referred_by.name == "张建华"
    assert detail.row.plan == "年卡"
    assert len(detail.periods) == 1 and detail.periods[0].payments == ()  # desk: no payments
    assert view.selected_row().id == row.id


def test_payment_is_recorded_with_method_amount_and_receipt(
        make_view, owner_ctx: Context, plans: dict[str, int]) -> None:
    dialog = _new(make_view(owner_ctx))
    dialog.name.setText("Anna Schmidt")
    dialog.payment.select_plan(plans["quarterly"])
    dialog.payment.amount.setText("550")
    dialog.payment.method.setCurrentIndex(dialog.payment.method.findData("alipay"))
    dialog.payment.receipt.setText("A-1")
    dialog.save_button.click()
    assert dialog.saved_row is not None
    period = ms.get_member(owner_ctx, dialog.saved_row.id).periods[0]
    assert period.plan == "季卡"
    payment = period.payments[0]
    assert (payment.amount, payment.method, payment.receipt_no) == ("550.00", "alipay", "A-1")


def test_a_bad_amount_is_shown_at_the_amount_and_nothing_is_saved(
        make_view, desk_ctx: Context, plans: dict[str, int]) -> None:
    dialog = _new(make_view(desk_ctx))
    dialog.name.setText("Anna")
    dialog.payment.amount.setText("a lot")
    dialog.save_button.click()
    assert "is not an amount of money" in dialog.errors.text("amount")
    assert _count(desk_ctx) == 0  # the member and the payment are one transaction


def test_double_clicked_save_creates_one_member(qtbot, make_view, desk_ctx: Context,
                                                plans: dict[str, int]) -> None:
    dialog = _new(make_view(desk_ctx))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Lucas Brown")
    qtbot.mouseDClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.save()  # and once more, as a second click would
    assert _count(desk_ctx) == 1


def test_archived_phone_offers_reactivation_and_reactivating_works(
        qtbot, make_view, desk_ctx: Context, people: dict[str, int],
        plans: dict[str, int]) -> None:
    """SCENARIOS 6: Mrs Zhou's phone belongs to her archived record from last year."""
    view = make_view(desk_ctx)
    dialog = _new(view)
    type_text(dialog.name, "周敏")
    qtbot.keyClicks(dialog.phone, "+86 139 1234 5678")
    dialog.referrer._hits = {"张建华": ms.PersonRef(people["张建华"], "M00001", "张建华")}
    dialog.referrer._picked("张建华")
    dialog.payment.select_plan(plans["annual"])
    dialog.payment.method.setCurrentIndex(dialog.payment.method.findData("wechat"))
    dialog.payment.receipt.setText("R-ZHOU")
    before = _count(desk_ctx)
    dialog.save_button.click()

    duplicate = dialog.duplicate_dialog
    assert isinstance(duplicate, DuplicateDialog)
    assert "周敏" in duplicate.list.item(0).text() and "archived" in duplicate.list.item(0).text()
    assert duplicate.reactivate_button.isVisibleTo(duplicate)
    assert _count(desk_ctx) == before  # nothing written yet
    duplicate.reactivate_button.click()

    zhou = people["周敏"]
    assert dialog.member_id == zhou
    assert not ms.get_member(desk_ctx, zhou).row.archived
    assert "reactivated" in dialog.bar.text()
    assert dialog.windowTitle() == "Edit member 周敏 (M00004)"
    assert dialog.payment.receipt.text() == "R-ZHOU"  # what was typed is kept
    dialog.save_button.click()

    assert _count(desk_ctx) == before  # her old record, not a second one
    detail = ms.get_member(desk_ctx, zhou)
    assert len(detail.periods) == 2 and detail.row.plan == "年卡"
    assert detail.referred_by is not None and detail.referred_by.name == "张建华"
    assert detail.row.status is Status.ACTIVE
    assert detail.row.ends_on == dt.date(2027, 11, 25)  # a new year from today (the fixed clock)
    assert view.selected_row().id == zhou


def test_duplicate_create_anyway_and_open_that_record(make_view, desk_ctx: Context,
                                                      people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    dialog = _new(view)
    dialog.name.setText("张三")
    dialog.company.setText("云栖科技")
    dialog.membership.setChecked(False)
    dialog.save_button.click()
    duplicate = dialog.duplicate_dialog
    assert duplicate is not None
    assert "same name and company" in duplicate.list.item(0).text()
    assert not duplicate.reactivate_button.isVisibleTo(duplicate)
    duplicate.open_button.click()
    assert not dialog.isVisible()
    assert view.selected_row().id == people["张三"]
    assert _count(desk_ctx) == 4

    again = _new(view)
    again.name.setText("张三")
    again.company.setText("云栖科技")
    again.membership.setChecked(False)
    again.save_button.click()
    assert again.duplicate_dialog is not None
    again.duplicate_dialog.create_button.click()
    assert _count(desk_ctx) == 5
    assert names(view).count("张三") == 2


def test_edit_keeps_fields_and_saves_changes(make_view, desk_ctx: Context,
                                             people: dict[str, int]) -> None:
    view = make_view(desk_ctx)
    view.select_member(people["张三"])
    dialog = view.edit_member()
    assert dialog is not None
    assert not dialog.membership.isVisibleTo(dialog)
    assert dialog.phone.text() == "138 0013 8000"
    assert dialog.referrer.member is not None and dialog.referrer.member.name == "张建华"
    assert dialog.tags.tags() == ["读书"]
    dialog.tags.setText("读书, 钓鱼")
    dialog.save_button.click()
    assert set(ms.get_member(desk_ctx, people["张三"]).row.tags) == {"读书", "钓鱼"}
    assert "钓鱼" in view.detail.tags.text()


def test_tags_complete_from_existing_tags(make_view, desk_ctx: Context,
                                          people: dict[str, int]) -> None:
    dialog = _new(make_view(desk_ctx))
    dialog.tags.setText("钓鱼, 茶")
    dialog.tags._complete("钓鱼, 茶")
    assert dialog.tags._completer.currentCompletion() == "茶艺"
    dialog.tags._insert("茶艺")
    assert dialog.tags.tags() == ["钓鱼", "茶艺"]
