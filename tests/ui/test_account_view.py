"""Account: a desk account sees who it is and changes its own password."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from desktop.accounts.service import sign_in
from desktop.errors import SignInFailed
from desktop.services import Context
from desktop.ui.account_view import AccountView
from tests.ui.helpers import child


@pytest.fixture
def view(qtbot, desk_ctx: Context) -> AccountView:
    widget = AccountView(desk_ctx)
    qtbot.addWidget(widget)
    return widget


def test_shows_who_is_signed_in(view: AccountView, desk_ctx: Context) -> None:
    texts = {name: child(view, QLabel, name).text()
             for name in ("accountName", "accountUsername", "accountRole", "accountDatabase")}
    assert texts == {"accountName": "Xiao Li", "accountUsername": "desk",
                     "accountRole": "Front desk",
                     "accountDatabase": desk_ctx.database.description}


def test_desk_changes_own_password(qtbot, view: AccountView, desk_ctx: Context) -> None:
    qtbot.keyClicks(view.current, "desk-pass")
    qtbot.keyClicks(view.new, "new-desk-pass")
    qtbot.keyClicks(view.repeat, "new-desk-pass")
    view.change_button.click()

    assert view.bar.text() == "Your password is changed. Use it from now on."
    assert view.current.text() == view.new.text() == view.repeat.text() == ""
    sign_in(desk_ctx.database, "desk", "new-desk-pass", clock=desk_ctx.clock,
            hasher=desk_ctx.hasher)
    with pytest.raises(SignInFailed):
        sign_in(desk_ctx.database, "desk", "desk-pass", clock=desk_ctx.clock,
                hasher=desk_ctx.hasher)


def test_wrong_current_password_is_shown_at_its_field(qtbot, view: AccountView) -> None:
    qtbot.keyClicks(view.current, "not-it")
    qtbot.keyClicks(view.new, "new-desk-pass")
    qtbot.keyClicks(view.repeat, "new-desk-pass")
    view.change_button.click()
    assert view.errors.text("current_password") == "The current password is wrong."
    assert view.bar.text() == ""


def test_short_or_differing_new_passwords_are_refused(qtbot, view: AccountView) -> None:
    qtbot.keyClicks(view.current, "desk-pass")
    qtbot.keyClicks(view.new, "abc")
    qtbot.keyClicks(view.repeat, "abd")
    view.change_button.click()
    assert view.errors.text("new_password_repeat") == "The two passwords differ."

    view.repeat.clear()
    qtbot.keyClicks(view.repeat, "abc")
    view.change_button.click()
    assert view.errors.text("new_password") == "A password needs at least 6 characters."
