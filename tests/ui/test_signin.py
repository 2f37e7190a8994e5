"""Sign-in: success remembers the user name; failures say why, in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desktop.accounts.service import set_active
from desktop.services import Context
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.signin import SignInDialog
from tests.ui.helpers import child


def _dialog(qtbot, ctx: Context, **kwargs) -> SignInDialog:
    dialog = SignInDialog(ctx.database, clock=ctx.clock, hasher=ctx.hasher, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _type(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)


def test_sign_in_succeeds_and_remembers_the_user_name(qtbot, owner_ctx: Context) -> None:
    dialog = _dialog(qtbot, owner_ctx)
    _type(qtbot, dialog, "owner", "owner-pass")
    qtbot.mouseClick(dialog.findChild(type(dialog.sign_in_button), "signInButton"),
                     Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "owner"
    again = _dialog(qtbot, owner_ctx)
    assert again.username.text() == "owner"


def test_enter_in_the_password_field_signs_in(qtbot, owner_ctx: Context) -> None:
    dialog = _dialog(qtbot, owner_ctx)
    dialog.show()
    _type(qtbot, dialog, "owner", "owner-pass")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None


def test_wrong_password_says_so_and_clears_the_password(qtbot, owner_ctx: Context) -> None:
    dialog = _dialog(qtbot, owner_ctx)
    _type(qtbot, dialog, "owner", "nope-nope")
    dialog.sign_in_button.click()

    error = child(dialog, QLabel, "signInError")
    assert error.isVisibleTo(dialog)
    assert error.text() == "Wrong user name or password."
    assert dialog.password.text() == ""
    assert dialog.actor is None
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_failure_message_in_chinese(qtbot, owner_ctx: Context) -> None:
    set_ui_language("zh_CN")
    dialog = _dialog(qtbot, owner_ctx)
    _type(qtbot, dialog, "nobody", "whatever")
    dialog.sign_in_button.click()
    assert dialog.error.text() == "用户名或密码错误。"


def test_repeated_failures_slow_down_with_the_clock(qtbot, owner_ctx: Context) -> None:
    dialog = _dialog(qtbot, owner_ctx)
    for _ in range(3):
        _type(qtbot, dialog, "owner", "wrong-pass")
        dialog.sign_in_button.click()
    _type(qtbot, dialog, "owner", "owner-pass")
    dialog.sign_in_button.click()
    assert "Try again in" in dialog.error.text()
    assert dialog.actor is None

    owner_ctx.clock.advance(minutes=1)  # type: ignore[attr-defined]
    _type(qtbot, dialog, "owner", "owner-pass")
    dialog.sign_in_button.click()
    assert dialog.actor is not None


def test_disabled_account_is_told_to_ask_the_owner(qtbot, owner_ctx: Context,
                                                    desk_ctx: Context) -> None:
    assert desk_ctx.actor.id is not None
    set_active(owner_ctx, desk_ctx.actor.id, False)
    dialog = _dialog(qtbot, owner_ctx)
    _type(qtbot, dialog, "desk", "desk-pass")
    dialog.sign_in_button.click()
    assert dialog.error.text() == "This account is disabled. Ask the owner."


def test_empty_user_name_is_asked_for(qtbot, owner_ctx: Context) -> None:
    dialog = _dialog(qtbot, owner_ctx, username="")
    dialog.username.clear()
    dialog.sign_in_button.click()
    assert dialog.error.text() == "Enter your user name."
