"""Every view and dialog in Simplified Chinese: no visible English left behind.

Each window is opened in zh_CN (the compiled .qm loaded), every page and tab shown in turn,
and every visible text collected: labels, buttons, group boxes, tab texts, window titles,
header data, placeholders, combo items, list items, spin box suffixes, menus and actions.
A text without a Chinese character fails unless it is data (names, paths, numbers) or on the
short allow-list of words that stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from desktop.accounts.service import list_staff, sign_in, update_staff
from desktop.app import open_failed_dialog
from desktop.models.accounts import Role
from desktop.safety.backup import backup_now
from desktop.services import Context
from desktop.settings.store import update_settings
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.crash import show_crash_dialog
from desktop.ui.first_start import FirstStartDialog
from desktop.ui.signin import SignInDialog
from desktop.ui.staff_tab import ResetPasswordDialog, StaffDialog

CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Words that stay as they are in a Chinese UI: product and format names, units, the language
# choice written in its own language.
ALLOWED = {"English", "PostgreSQL", "SQLite", "CSV", "KB", "MB", "DEMO"}
# Data, not UI text: user names of the test accounts and the audit log's system actors.
DATA = {"owner", "desk", "test", "first-start"}
# IANA zone names are identifiers (Asia/Shanghai), listed as they are.
IDENTIFIER_COMBOS = {"timeZoneCombo", "setupTimeZoneCombo"}


def _is_fine(text: str) -> bool:
    text = text.replace("&", "").strip()
    if not text or CHINESE.search(text):
        return True
    if not re.search(r"[A-Za-z]", text):
        return True  # numbers, dates, punctuation
    if text in ALLOWED or text in DATA:
        return True
    return bool(re.match(r"^(/|[A-Za-z]:\\)", text))  # a path


def _visible(widget: QWidget, top: QWidget) -> bool:
    return widget is top or widget.isVisibleTo(top)


def _menu_texts(menu: QMenu) -> Iterable[str]:
    yield menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())  # type: ignore[arg-type]


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can see in ``top`` as it is now."""
    found: list[tuple[str, str]] = [(f"{top.objectName()} title", top.windowTitle())]
    for action in top.actions():
        found.append((f"action {action.objectName()}", action.text()))
    for widget in [top, *top.findChildren(QWidget)]:
        if not _visible(widget, top):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            found.append((where, re.sub(r"<[^>]+>", "", widget.text())))
        elif isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTabWidget):
            found.extend((where, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            found.append((where + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox) and widget.objectName() not in IDENTIFIER_COMBOS:
            found.extend((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QSpinBox):
            found.append((where + " suffix", widget.suffix()))
        elif isinstance(widget, QMenu):
            found.extend((where, text) for text in _menu_texts(widget))
        if isinstance(widget, QListWidget):
            found.extend((where, widget.item(i).text()) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found.extend((where + " header", str(model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""))
                for column in range(model.columnCount()))
    if hasattr(top, "menuBar"):
        for action in top.menuBar().actions():
            if action.menu() is not None:
                found.extend(("menu", text) for text in _menu_texts(action.menu()))
    return found


def untranslated(top: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(top) if not _is_fine(text)]


@pytest.fixture
def chinese_venue(owner_ctx: Context, desk_ctx: Context) -> Context:
    """A venue as it is in China: Chinese names (data), and the UI in zh_CN."""
    update_settings(owner_ctx, {"venue.name": "松山茶院", "app.language": "zh_CN"})
    assert owner_ctx.actor.id is not None and desk_ctx.actor.id is not None
    update_staff(owner_ctx, owner_ctx.actor.id, "陈晓梅", Role.OWNER)
    update_staff(owner_ctx, desk_ctx.actor.id, "李小婉", Role.DESK)
    owner = owner_ctx.as_actor(sign_in(owner_ctx.database, "owner", "owner-pass",
                                       clock=owner_ctx.clock, hasher=owner_ctx.hasher))
    backup_now(owner)
    set_ui_language("zh_CN")
    return owner


def _check(widget: QWidget, problems: list[tuple[str, str]]) -> None:
    problems.extend(untranslated(widget))


def test_chinese_is_detected(qtbot) -> None:
    """The check itself: English text is caught, Chinese and data pass."""
    label = QLabel("Save")
    qtbot.addWidget(label)
    assert untranslated(label) == [("QLabel ", "Save")]
    label.setText("保存")
    assert untranslated(label) == []
    assert _is_fine("2026-11-26") and _is_fine("/tmp/x.sqlite") and _is_fine("owner")


def test_the_check_sees_the_english_window(qtbot, make_window, owner_ctx: Context) -> None:
    """Without the translation the same walk finds English everywhere (it looks where it must)."""
    window = make_window(owner_ctx)
    window.show_view("settings")
    problems = dict(untranslated(window))
    assert problems["QPushButton saveVenueButton"] == "Save"
    assert problems["QTabWidget settingsTabs"] in {"Venue", "Staff", "Database", "Backups"}
    assert problems["QListWidget navigation"] in {"Settings", "Audit log", "Account"}
    assert problems["menu"] and problems["action lockAction"] == "Lock the screen"


def test_main_window_of_the_owner_is_all_chinese(qtbot, make_window,
                                                 chinese_venue: Context) -> None:
    window = make_window(chinese_venue)
    window.resize(1280, 800)
    window.show()
    problems: list[tuple[str, str]] = []
    for name in window.view_names:
        view = window.show_view(name)
        tabs = getattr(view, "tabs", None)
        if isinstance(tabs, QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                _check(window, problems)
        else:
            _check(window, problems)
    window.lock_now()
    _check(window, problems)
    assert problems == []


def test_messages_shown_in_the_views_are_chinese(qtbot, make_window,
                                                 chinese_venue: Context) -> None:
    window = make_window(chinese_venue)
    settings = window.show_view("settings")
    venue = settings.venue
    venue.time_zone.setCurrentText("Mars/Base")
    venue.save_button.click()
    staff = settings.staff
    staff.select_username("owner")
    staff.toggle_button.click()
    settings.show_tab("staff")
    assert staff.bar.text() == "不能停用最后一个有效的店主账号。"
    problems = untranslated(window)
    settings.show_tab("venue")
    assert venue.errors.text("venue.time_zone") == (
        "Mars/Base 不是有效的时区（例如 Asia/Shanghai）。")
    problems += untranslated(window)
    assert problems == []


def test_main_window_of_the_desk_is_all_chinese(qtbot, make_window,
                                                chinese_venue: Context) -> None:
    ctx = chinese_venue
    desk = sign_in(ctx.database, "desk", "desk-pass", clock=ctx.clock, hasher=ctx.hasher)
    window = make_window(ctx.as_actor(desk))
    window.show()
    assert untranslated(window) == []


def test_dialogs_are_all_chinese(qtbot, chinese_venue: Context, tmp_path: Path) -> None:
    ctx = chinese_venue
    problems: list[tuple[str, str]] = []

    signin = SignInDialog(ctx.database, clock=ctx.clock, hasher=ctx.hasher,
                          venue_name="松山茶院", demo=True, notice="备份已恢复。")
    qtbot.addWidget(signin)
    signin.sign_in_button.click()  # with an empty password: the refusal is shown too
    _check(signin, problems)

    first = FirstStartDialog(clock=ctx.clock, hasher=ctx.hasher,
                             database_path=tmp_path / "new.sqlite",
                             demo_path=tmp_path / "demo.sqlite")
    qtbot.addWidget(first)
    _check(first, problems)
    first.show_setup()
    first.create_button.click()  # empty fields: the messages are shown at them
    _check(first, problems)
    setup_only = FirstStartDialog(clock=ctx.clock, hasher=ctx.hasher,
                                  database_path=tmp_path / "x", demo_path=tmp_path / "y",
                                  database=ctx.database)
    qtbot.addWidget(setup_only)
    _check(setup_only, problems)

    for role in (Role.DESK, Role.OWNER):
        add = StaffDialog(ctx, role=role)
        qtbot.addWidget(add)
        _check(add, problems)
    staff_rows = list_staff(ctx)
    edit = StaffDialog(ctx, staff=staff_rows[0])
    qtbot.addWidget(edit)
    _check(edit, problems)
    reset = ResetPasswordDialog(ctx, staff_rows[0])
    qtbot.addWidget(reset)
    _check(reset, problems)

    crash = show_crash_dialog(tmp_path / "clubhouse.log")
    assert crash is not None
    qtbot.addWidget(crash)
    _check(crash, problems)
    crash.close()

    failed = open_failed_dialog("无法打开数据库。", from_profile=True)
    qtbot.addWidget(failed)
    _check(failed, problems)
    assert problems == []


def test_restore_dialog_is_all_chinese(qtbot, make_window, chinese_venue: Context,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui import dialogs

    source = backup_now(chinese_venue)
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *args: source)
    window = make_window(chinese_venue)
    backups = window.views["settings"].backups
    dialog = backups.choose_restore()
    assert dialog is not None
    dialog.confirm.click()  # empty password: the refusal is shown
    assert untranslated(dialog) == []
