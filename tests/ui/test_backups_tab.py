"""Settings → Backups: back up now, restore with the backup's owner, backup settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.safety.backup import backup_now, list_backups
from desktop.services import Context
from desktop.settings.store import all_settings, update_settings
from desktop.ui import dialogs
from desktop.ui.backups_tab import BackupsTab, BackupTableModel, RestoreDialog
from desktop.ui.tasks import TaskRunner
from tests.ui.helpers import child


@pytest.fixture
def tab(qtbot, owner_ctx: Context, inline: TaskRunner) -> BackupsTab:
    widget = BackupsTab(owner_ctx, inline)
    qtbot.addWidget(widget)
    return widget


def test_back_up_now_lists_the_new_backup(tab: BackupsTab, owner_ctx: Context) -> None:
    assert tab.model.rowCount() == 0
    tab.backup_button.click()

    assert tab.model.rowCount() == 1
    info = tab.model.row_at(0)
    assert info.path.exists()
    assert tab.model.index(0, BackupTableModel.KIND).data() == "Manual"
    assert str(info.path) in tab.bar.text()
    assert [b.path for b in list_backups(owner_ctx)] == [info.path]


def test_model_passes_the_model_tester(qtmodeltester, owner_ctx: Context) -> None:
    backup_now(owner_ctx)
    model = BackupTableModel()
    model.set_rows(list_backups(owner_ctx))
    qtmodeltester.check(model)


def _start_restore(tab: BackupsTab, source: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> RestoreDialog:
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *args: source)
    dialog = tab.choose_restore()
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_restore_needs_the_backups_owner_and_replaces_the_data(
        qtbot, tab: BackupsTab, owner_ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    update_settings(owner_ctx, {"venue.name": "Before The Backup"})
    source = backup_now(owner_ctx)
    update_settings(owner_ctx, {"venue.name": "After The Backup"})

    dialog = _start_restore(tab, source, monkeypatch)
    assert "replaced" in child(dialog, QLabel, "restoreWarning").text()
    assert dialog.username.text() == "owner"
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.confirm.click()
    assert dialog.errors.text("password") == "Wrong user name or password."
    assert all_settings(owner_ctx)["venue.name"] == "After The Backup"

    with qtbot.waitSignal(tab.restored, timeout=5000) as restored:
        qtbot.keyClicks(dialog.password, "owner-pass")
        dialog.confirm.click()
    assert all_settings(owner_ctx)["venue.name"] == "Before The Backup"
    pre_restore = Path(restored.args[0])
    assert pre_restore.exists()


def test_restore_refuses_a_file_that_is_not_a_backup(
        qtbot, tab: BackupsTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 20)
    dialog = _start_restore(tab, junk, monkeypatch)
    qtbot.keyClicks(dialog.password, "owner-pass")
    dialog.confirm.click()
    assert dialog.isVisible()
    assert "is not a Clubhouse backup" in dialog.bar.text()


def test_restore_refuses_a_desk_account_of_the_backup(
        qtbot, tab: BackupsTab, desk_ctx: Context, owner_ctx: Context,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = backup_now(owner_ctx)
    dialog = _start_restore(tab, source, monkeypatch)
    dialog.username.setText("desk")
    qtbot.keyClicks(dialog.password, "desk-pass")
    dialog.confirm.click()
    assert dialog.isVisible()
    assert "owner" in dialog.bar.text()


def test_backup_settings_are_saved_and_checked(tab: BackupsTab, owner_ctx: Context,
                                               tmp_path: Path) -> None:
    tab.keep.setValue(0)
    tab.save_button.click()
    assert tab.errors.text("backup.keep") == "This must be at least 1."

    folder = tmp_path / "elsewhere"
    folder.mkdir()
    tab.folder.setText(str(folder))
    tab.keep.setValue(5)
    tab.save_button.click()
    assert all_settings(owner_ctx)["backup.folder"] == str(folder)
    assert all_settings(owner_ctx)["backup.keep"] == 5
    tab.backup_button.click()
    assert tab.model.row_at(0).path.parent == folder


def test_a_restore_asks_the_app_to_reopen(qtbot, make_window, owner_ctx: Context,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(owner_ctx)
    backups = window.views["settings"].backups
    source = backup_now(owner_ctx)
    dialog = _start_restore(backups, source, monkeypatch)
    with qtbot.waitSignal(window.reopenRequested, timeout=5000) as reopen:
        qtbot.keyClicks(dialog.password, "owner-pass")
        dialog.confirm.click()
    assert "Sign in" in reopen.args[0]
