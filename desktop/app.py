"""The GUI: ``clubhouse-gui`` (and ``clubhouse`` without a subcommand) starts here.

Bootstrap order: the log file, the QApplication (names, icon, the shipped CJK font, style),
the crash dialog hook; then which database (first start when there is none), its language,
sign-in, and the main window.  Signing out and reopening after a restore come back here,
because only this level opens and closes databases.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import connection
from desktop.accounts.service import has_accounts
from desktop.clock import Clock, SystemClock
from desktop.db import Database, open_database, resolve_url
from desktop.errors import ClubhouseError, DatabaseProblem
from desktop.i18n import SUPPORTED_LANGUAGES, msg
from desktop.logs import setup_logging
from desktop.paths import default_database_path, demo_database_path
from desktop.security import Argon2Hasher, Hasher
from desktop.services import Actor, Context
from desktop.settings.store import all_settings, follow_venue_zone
from desktop.ui.bootstrap import ensure_application, set_ui_language
from desktop.ui.crash import install_excepthook
from desktop.ui.first_start import FirstStartDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.signin import SignInDialog

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"


class Launcher(QObject):
    """Opens the database, signs someone in, and keeps the main window; one per process."""

    def __init__(self, app: QApplication, *, db: str | None, lang: str | None,
                 user: str | None, clock: Clock, hasher: Hasher) -> None:
        super().__init__(app)
        self._app = app
        self._db = db
        self._lang = lang
        self._user = user or ""
        self._clock = clock
        self._hasher = hasher
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.demo = False
        self._replacing = False
        self._demo_checked: Database | None = None
        self.exit_code = 0

    # -- start ---------------------------------------------------------------------------------

    def start(self) -> bool:
        """True when the main window is up; False when the person quit or nothing could open."""
        while True:
            if self._needs_first_start():
                return self._first_start()
            database, look_again = self._open()
            if look_again:
                continue
            if database is None:
                return False
            self.database = database
            self._apply_language(database)
            actor = self._first_actor(database)
            if actor is None:
                return False
            self._show_main(actor)
            return True

    def _needs_first_start(self) -> bool:
        return not self._explicit() and not default_database_path().exists() \
            and connection.load_profile() is None

    def _explicit(self) -> bool:
        return bool(self._db or os.environ.get("CLUBHOUSE_DATABASE_URL"))

    def _first_start(self) -> bool:
        set_ui_language(self._lang or DEFAULT_LANGUAGE)
        dialog = FirstStartDialog(clock=self._clock, hasher=self._hasher,
                                  database_path=default_database_path(),
                                  demo_path=demo_database_path())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            if dialog.database is not None:
                dialog.database.close()
            return False
        assert dialog.database is not None
        self.database = dialog.database
        self.demo = dialog.demo
        self._show_main(dialog.actor)
        return True

    def _open(self) -> tuple[Database | None, bool]:
        """The chosen database, or (None, look again) after a saved server was set aside."""
        while True:
            try:
                return open_database(resolve_url(self._db)), False
            except DatabaseProblem as problem:
                log.warning("cannot open the database: %s", problem)
                set_ui_language(self._lang or DEFAULT_LANGUAGE)
                choice = self._ask_after_failure(problem)
                if choice == "retry":
                    continue
                if choice == "local":
                    connection.clear_profile()
                    return None, True
                self.exit_code = problem.exit_code
                return None, False

    def _ask_after_failure(self, problem: ClubhouseError) -> str:
        box = open_failed_dialog(problem.render(),
                                 from_profile=not self._explicit()
                                 and connection.load_profile() is not None)
        box.exec()
        clicked = box.clickedButton()
        return clicked.objectName().removesuffix("Button") if clicked is not None else "quit"

    def _apply_language(self, database: Database) -> None:
        lang = self._lang
        if lang is None:
            try:
                settings = all_settings(Context(database, Actor.system("startup"),
                                                clock=self._clock, hasher=self._hasher))
                lang = str(settings.get("app.language") or DEFAULT_LANGUAGE)
            except ClubhouseError:
                lang = DEFAULT_LANGUAGE
        set_ui_language(lang if lang in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE)

    def _first_actor(self, database: Database) -> Actor | None:
        if not has_accounts(database):
            dialog = FirstStartDialog(clock=self._clock, hasher=self._hasher,
                                      database_path=default_database_path(),
                                      demo_path=demo_database_path(), database=database)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.actor
        return self._sign_in(database)

    def _sign_in(self, database: Database, notice: str = "") -> Actor | None:
        from desktop.demo import is_demo_database

        venue = ""
        with contextlib.suppress(ClubhouseError):
            venue = str(all_settings(Context(database, Actor.system("startup"),
                                             clock=self._clock, hasher=self._hasher))
                        .get("venue.name") or "")
        if self._demo_checked is not database:  # one password check per opened database
            self.demo = is_demo_database(database, self._hasher)
            self._demo_checked = database
        dialog = SignInDialog(database, clock=self._clock, hasher=self._hasher, venue_name=venue,
                              username=self._user, demo=self.demo, notice=notice)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor

    # -- the main window -----------------------------------------------------------------------

    def _show_main(self, actor: Actor) -> None:
        assert self.database is not None
        ctx = Context(self.database, actor, clock=self._clock, hasher=self._hasher)
        follow_venue_zone(ctx)
        window = MainWindow(ctx, demo=self.demo)
        window.signOutRequested.connect(self._sign_out)
        window.reopenRequested.connect(self._reopen)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()
        QTimer.singleShot(0, window, lambda: self._auto_backup(window))

    def _auto_backup(self, window: MainWindow) -> None:
        from desktop.safety.backup import auto_backup

        if self.window is not window:  # signed out or closed before the loop came round
            return
        ctx = window.ctx

        def run() -> object:
            try:
                return auto_backup(ctx)
            except OSError as error:
                raise DatabaseProblem(msg("The automatic backup failed: {reason}",
                                          reason=error.strerror or str(error))) from error

        def done(path: object) -> None:
            if path is not None:
                window.statusBar().showMessage(
                    self.tr("Automatic backup written to %1").replace("%1", str(path)), 10_000)

        def failed(error: ClubhouseError) -> None:
            window.statusBar().showMessage(error.render(), 20_000)

        window.runner.run(run, done, failed)

    def _close_window(self) -> None:
        if self.window is not None:
            self._replacing = True
            try:
                self.window.close()
            finally:
                self._replacing = False
            self.window.deleteLater()
            self.window = None

    def _sign_out(self) -> None:
        self._close_window()
        assert self.database is not None
        actor = self._sign_in(self.database)
        if actor is None:
            self._quit()
            return
        self._show_main(actor)

    def _reopen(self, notice: str) -> None:
        """After a restore: a fresh connection to the restored data, and sign in again."""
        self._close_window()
        assert self.database is not None
        url = self.database.url
        self.database.close()
        try:
            self.database = open_database(url)
        except DatabaseProblem as problem:
            QMessageBox.critical(None, self.tr("Cannot open the database"), problem.render())
            self.database = None
            self._quit()
            return
        actor = self._sign_in(self.database, notice)
        if actor is None:
            self._quit()
            return
        self._show_main(actor)

    def _window_closed(self) -> None:
        if not self._replacing:
            self.window = None
            self._quit()

    def _quit(self) -> None:
        if self.database is not None:
            self.database.close()
            self.database = None
        self._app.quit()


def open_failed_dialog(text: str, *, from_profile: bool) -> QMessageBox:
    """The question when the database does not open: try again, the local file, or quit.

    The clicked button's objectName (without "Button") is the answer: retry, local, quit.
    """
    box = QMessageBox()
    box.setObjectName("openFailedDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Launcher", "Cannot open the database"))
    box.setText(text)
    retry = box.addButton(QCoreApplication.translate("Launcher", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("retryButton")
    if from_profile:
        box.setInformativeText(QCoreApplication.translate(
            "Launcher", "The shared server saved in Settings → Database does not answer. You "
            "can try again, or set it aside and use the local file on this computer."))
        local = box.addButton(QCoreApplication.translate("Launcher", "Use the local file"),
                              QMessageBox.ButtonRole.ResetRole)
        local.setObjectName("localButton")
    quit_button = box.addButton(QCoreApplication.translate("Launcher", "Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    return box


def run_gui(db: str | None = None, lang: str | None = None, user: str | None = None) -> int:
    """Open the app; returns the process exit code when the last window closes."""
    log_file = setup_logging()
    app = ensure_application()
    app.setQuitOnLastWindowClosed(False)
    install_excepthook(log_file)
    log.info("Clubhouse starting (database %s)", db or "default")
    launcher = Launcher(app, db=db, lang=lang, user=user, clock=SystemClock(),
                        hasher=Argon2Hasher())
    if not launcher.start():
        if launcher.database is not None:
            launcher.database.close()
        return launcher.exit_code
    return int(app.exec())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clubhouse-gui",
        description="Clubhouse (山庄圈子): the desk and the owner's app for a members' lodge.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="the database: a SQLite file or a postgresql:// URL "
                             "(default: CLUBHOUSE_DATABASE_URL, the saved server, or the file "
                             "in the data folder)")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES,
                        help="the language of the screens (default: the venue's setting)")
    parser.add_argument("--user", metavar="NAME", help="the user name to sign in with")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_gui(args.db, args.lang, args.user)


if __name__ == "__main__":
    sys.exit(main())
