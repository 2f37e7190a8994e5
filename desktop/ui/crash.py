"""The program's own errors (bugs): a plain dialog saying what happened and where the log is.

A person's errors (a wrong password, a bad field) never come here; they are shown where the
person is looking.  This dialog is for what nobody expected: the traceback goes to the log file,
the person reads a plain sentence, and the app goes on when it can.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.logs import setup_logging

log = logging.getLogger("desktop.crash")

_dialog: QMessageBox | None = None

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]



def show_crash_dialog(log_file: Path) -> QMessageBox | None:
    """Show (or keep showing) the one crash dialog; None when there is no application."""
    global _dialog
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    if _dialog is not None and _dialog.isVisible():
        return _dialog
    box = QMessageBox()
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "Something went wrong"))
    box.setText(QCoreApplication.translate(
        "CrashDialog", "Clubhouse ran into a problem it did not expect. The last action may "
        "not have been completed; your saved data is safe, because every change is saved "
        "completely or not at all."))
    box.setInformativeText(QCoreApplication.translate(
        "CrashDialog", "The details are written to the log file:\n%1\nPlease send it to "
        "whoever supports Clubhouse for you.").replace("%1", str(log_file)))
    go_on = box.addButton(QCoreApplication.translate("CrashDialog", "Continue"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("CrashDialog", "Quit Clubhouse"),
                  QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(go_on)
    box.setModal(True)

    def clicked(button: object) -> None:
        if button is not go_on:
            app.quit()

    def forget(*_args: object) -> None:
        global _dialog
        _dialog = None

    box.buttonClicked.connect(clicked)
    box.finished.connect(forget)
    box.destroyed.connect(forget)
    box.finished.connect(box.deleteLater)
    box.open()
    _dialog = box
    return box


def make_excepthook(log_file: Path | None = None) -> ExceptHook:
    def hook(exc_type: type[BaseException], error: BaseException,
             traceback: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, traceback)
            return
        path = log_file or setup_logging()
        log.error("unexpected error: %s", error, exc_info=(exc_type, error, traceback))
        for handler in logging.getLogger().handlers:
            handler.flush()
        if show_crash_dialog(path) is None:
            sys.__excepthook__(exc_type, error, traceback)
            print(f"The details are in {path}", file=sys.stderr)

    return hook


def install_excepthook(log_file: Path) -> None:
    sys.excepthook = make_excepthook(log_file)
