"""The app's frame: command-line options, the crash dialog, and the launcher's sign-in flow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app as app_module
from desktop.accounts.service import create_first_owner
from desktop.app import Launcher, build_parser, open_failed_dialog
from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.logs import setup_logging
from desktop.paths import default_backup_dir
from desktop.security import Hasher
from desktop.services import Actor, Context
from desktop.ui import crash
from desktop.ui.signin import SignInDialog


def test_command_line_options() -> None:
    args = build_parser().parse_args(["--db", "lodge.sqlite", "--lang", "zh_CN",
                                      "--user", "desk"])
    assert (args.db, args.lang, args.user) == ("lodge.sqlite", "zh_CN", "desk")
    with pytest.raises(SystemExit) as usage:
        build_parser().parse_args(["--lang", "fr"])
    assert usage.value.code == 2


def test_an_unexpected_error_is_logged_and_shown_plainly(qtbot) -> None:
    log_file = setup_logging()
    hook = crash.make_excepthook(log_file)
    try:
        raise RuntimeError("the pond pump broke")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)

    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog")
    assert isinstance(dialog, QMessageBox)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert str(log_file) in dialog.informativeText()
    assert "Traceback" not in dialog.text() + dialog.informativeText()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: the pond pump broke" in logged and "Traceback" in logged

    try:
        raise ValueError("again")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)
    shown = [w for w in QApplication.topLevelWidgets()
             if w.objectName() == "crashDialog" and w.isVisible()]
    assert shown == [dialog]  # one dialog, not a pile of them

    continue_button = dialog.buttons()[0]
    assert continue_button.text() == "Continue"
    continue_button.click()
    assert not dialog.isVisible()


def test_open_failed_dialog_offers_the_local_file_only_for_a_saved_server(qtbot) -> None:
    plain = open_failed_dialog("Cannot open.", from_profile=False)
    qtbot.addWidget(plain)
    assert [b.objectName() for b in plain.buttons()].count("localButton") == 0
    saved = open_failed_dialog("Cannot open.", from_profile=True)
    qtbot.addWidget(saved)
    assert "localButton" in [b.objectName() for b in saved.buttons()]


class _App:
    """Stands in for QApplication.quit in the launcher (tests keep their event loop)."""

    def __init__(self) -> None:
        self.quit_called = False

    def quit(self) -> None:
        self.quit_called = True


@pytest.fixture
def venue_db(tmp_path: Path, clock: FixedClock, hasher: Hasher) -> str:
    path = tmp_path / "venue.sqlite"
    database = open_database(str(path), create=True)
    create_first_owner(Context(database, Actor.system("test"), clock=clock, hasher=hasher),
                       "owner", "Owner", "owner-pass")
    database.close()
    return str(path)


def _sign_in_as(monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> list[str]:
    notices: list[str] = []

    def exec_(self: SignInDialog) -> int:
        notice = self.findChild(type(self.error), "signInNotice")
        notices.append(notice.text() if notice is not None else "")
        self.username.setText(username)
        self.password.setText(password)
        self.try_sign_in()
        return int(self.result())

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    return notices


def test_launcher_signs_in_shows_the_window_and_backs_up(
        qtbot, qapp, venue_db: str, clock: FixedClock, hasher: Hasher,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock.set(dt.datetime.now().replace(microsecond=0))
    _sign_in_as(monkeypatch, "owner", "owner-pass")
    launcher = Launcher(qapp, db=venue_db, lang="en", user=None, clock=clock, hasher=hasher)
    fake = _App()
    launcher._app = fake  # type: ignore[assignment]
    assert launcher.start()
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.ctx.actor.username == "owner"
    assert {"settings", "audit", "account"} <= set(window.view_names)
    qtbot.waitUntil(lambda: any(default_backup_dir().glob("*-auto.sqlite")), timeout=10_000)
    window.runner.wait()

    window.sign_out()  # and sign in again
    assert launcher.window is not None and launcher.window is not window
    qtbot.addWidget(launcher.window)
    assert not fake.quit_called

    launcher.window.close()
    assert fake.quit_called
    assert launcher.database is None


def test_launcher_quits_when_sign_in_is_cancelled(qapp, venue_db: str, clock: FixedClock,
                                                  hasher: Hasher,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SignInDialog, "exec", lambda self: 0)
    launcher = Launcher(qapp, db=venue_db, lang="en", user=None, clock=clock, hasher=hasher)
    assert not launcher.start()
    assert launcher.window is None
    assert launcher.database is not None
    launcher.database.close()


def test_a_missing_database_file_is_refused_with_exit_code_4(
        qapp, tmp_path: Path, clock: FixedClock, hasher: Hasher,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer(_self: Launcher, problem: object) -> str:
        asked.append(str(problem))
        return "quit"

    monkeypatch.setattr(Launcher, "_ask_after_failure", answer)
    launcher = Launcher(qapp, db=str(tmp_path / "missing.sqlite"), lang="en", user=None,
                        clock=clock, hasher=hasher)
    assert not launcher.start()
    assert launcher.exit_code == 4
    assert asked and "There is no database" in asked[0]


def test_language_comes_from_the_venue_setting(qapp, venue_db: str, clock: FixedClock,
                                               hasher: Hasher,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SignInDialog, "exec", lambda self: 0)
    chosen: list[str] = []
    monkeypatch.setattr(app_module, "set_ui_language", chosen.append)
    launcher = Launcher(qapp, db=venue_db, lang=None, user=None, clock=clock, hasher=hasher)
    launcher.start()
    assert chosen == ["zh_CN"]  # the setting's default
    assert launcher.database is not None
    launcher.database.close()


def test_after_a_restore_the_launcher_reopens_and_asks_to_sign_in(
        qtbot, qapp, venue_db: str, clock: FixedClock, hasher: Hasher,
        monkeypatch: pytest.MonkeyPatch) -> None:
    notices = _sign_in_as(monkeypatch, "owner", "owner-pass")
    launcher = Launcher(qapp, db=venue_db, lang="en", user=None, clock=clock, hasher=hasher)
    launcher._app = _App()  # type: ignore[assignment]
    assert launcher.start()
    first_window, first_database = launcher.window, launcher.database
    assert first_window is not None
    first_window.runner.wait()

    first_window.reopenRequested.emit("The backup is restored.")
    assert launcher.database is not None and launcher.database is not first_database
    assert launcher.window is not None and launcher.window is not first_window
    qtbot.addWidget(launcher.window)
    assert notices == ["", "The backup is restored."]
    launcher.window.runner.wait()
    launcher.window.close()
