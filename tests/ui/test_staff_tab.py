"""Settings → Staff: the owner adds, edits, resets and disables accounts; the last owner stays."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester

from desktop.accounts.service import list_staff, sign_in
from desktop.models.accounts import Role
from desktop.services import Context
from desktop.ui.staff_tab import ResetPasswordDialog, StaffDialog, StaffTab, StaffTableModel
from tests.ui.helpers import child


@pytest.fixture
def tab(qtbot, owner_ctx: Context) -> StaffTab:
    widget = StaffTab(owner_ctx)
    qtbot.addWidget(widget)
    return widget


def _rows(tab: StaffTab) -> list[tuple[str, str, str, str]]:
    model = tab.model
    return [tuple(model.index(row, column).data() for column in range(4))
            for row in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, owner_ctx: Context) -> None:
    model = StaffTableModel()
    model.set_rows(list_staff(owner_ctx))
    qtmodeltester.check(model)


def test_lists_the_accounts(tab: StaffTab, desk_ctx: Context) -> None:
    tab.refresh()
    assert _rows(tab) == [("Xiao Li", "desk", "Front desk", "Active"),
                          ("Owner", "owner", "Owner", "Active")]


def test_owner_creates_a_desk_account(qtbot, tab: StaffTab, owner_ctx: Context) -> None:
    tab.add_desk_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, StaffDialog) and dialog.isVisible()
    assert dialog.role.currentData() == Role.DESK.value
    qtbot.keyClicks(dialog.username, "xiaoli")
    qtbot.keyClicks(dialog.display_name, "Xiao Li")
    qtbot.keyClicks(dialog.password, "desk-pass-1")
    qtbot.keyClicks(dialog.repeat, "desk-pass-1")
    child(dialog, QPushButton, "staffOkButton").click()

    assert not dialog.isVisible()
    assert ("Xiao Li", "xiaoli", "Front desk", "Active") in _rows(tab)
    assert tab.bar.text() == "The account is created."
    actor = sign_in(owner_ctx.database, "xiaoli", "desk-pass-1", clock=owner_ctx.clock,
                    hasher=owner_ctx.hasher)
    assert actor.role == Role.DESK


def test_add_dialog_shows_errors_at_fields(qtbot, tab: StaffTab) -> None:
    tab.add_desk_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, StaffDialog)
    qtbot.keyClicks(dialog.username, "owner")  # taken
    qtbot.keyClicks(dialog.display_name, "Someone")
    qtbot.keyClicks(dialog.password, "long-enough")
    qtbot.keyClicks(dialog.repeat, "long-enough")
    dialog.submit()
    assert dialog.errors.text("username") == "The user name owner is taken."
    assert dialog.isVisible()

    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "different")
    dialog.submit()
    assert dialog.errors.text("password_repeat") == "The two passwords differ."
    dialog.reject()


def test_the_last_owner_cannot_be_disabled(tab: StaffTab, owner_ctx: Context) -> None:
    assert tab.select_username("owner")
    assert tab.toggle_button.text() == "Disable"
    tab.toggle_button.click()

    assert tab.bar.text() == "The last active owner cannot be disabled."
    assert [s.active for s in list_staff(owner_ctx) if s.username == "owner"] == [True]


def test_disable_and_enable_a_desk_account(tab: StaffTab, desk_ctx: Context) -> None:
    tab.refresh()
    assert tab.select_username("desk")
    tab.toggle_button.click()
    assert tab.bar.text() == "Xiao Li can no longer sign in."
    assert ("Xiao Li", "desk", "Front desk", "Disabled") in _rows(tab)
    assert tab.toggle_button.text() == "Enable"
    tab.toggle_button.click()
    assert ("Xiao Li", "desk", "Front desk", "Active") in _rows(tab)


def test_reset_a_password(qtbot, tab: StaffTab, desk_ctx: Context) -> None:
    tab.refresh()
    tab.select_username("desk")
    tab.reset_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    qtbot.keyClicks(dialog.password, "brand-new-pass")
    qtbot.keyClicks(dialog.repeat, "brand-new-pass")
    dialog.submit()
    assert tab.bar.text() == "The new password for desk is set."
    sign_in(desk_ctx.database, "desk", "brand-new-pass", clock=desk_ctx.clock,
            hasher=desk_ctx.hasher)


def test_edit_name_and_role_but_not_the_last_owners_role(qtbot, tab: StaffTab,
                                                         desk_ctx: Context) -> None:
    tab.refresh()
    tab.select_username("desk")
    dialog = tab.open_edit()
    assert dialog is not None and not dialog.username.isEnabled()
    dialog.display_name.clear()
    qtbot.keyClicks(dialog.display_name, "Li Xiaowan")
    dialog.submit()
    assert ("Li Xiaowan", "desk", "Front desk", "Active") in _rows(tab)

    tab.select_username("owner")
    dialog = tab.open_edit()
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData(Role.DESK.value))
    dialog.submit()
    assert dialog.errors.text("role") == "The last active owner must stay an owner."
    dialog.reject()


def test_buttons_need_a_selection(tab: StaffTab) -> None:
    tab.table.clearSelection()
    assert not tab.edit_button.isEnabled()
    assert not tab.reset_button.isEnabled()
    assert not tab.toggle_button.isEnabled()
    assert tab.open_edit() is None
