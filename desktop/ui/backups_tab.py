"""Settings → Backups: the backups there are, "back up now", restore, and where they go.

Restore asks for an owner account OF THE BACKUP (the live database's owner may be the one that
was lost) and says plainly that the current data is replaced; a copy of it is kept first.
Afterwards the app reopens the database and everyone signs in again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.paths import default_backup_dir
from desktop.safety import backup as safety
from desktop.safety.backup import BackupInfo
from desktop.services import Context
from desktop.settings.registry import REGISTRY
from desktop.settings.store import all_settings, update_settings
from desktop.ui import dialogs
from desktop.ui.table_model import RowsModel
from desktop.ui.tasks import TaskRunner, file_errors
from desktop.ui.widgets import (
    FieldErrors,
    MessageBar,
    error_label,
    label,
    password_edit,
    with_error,
)


def kind_name(kind: str) -> str:
    names = {
        "auto": QCoreApplication.translate("BackupKinds", "Automatic"),
        "manual": QCoreApplication.translate("BackupKinds", "Manual"),
        "pre-upgrade": QCoreApplication.translate("BackupKinds", "Before an upgrade"),
        "pre-restore": QCoreApplication.translate("BackupKinds", "Before a restore"),
    }
    return names.get(kind, kind)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("BackupKinds", "%1 KB").replace(
            "%1", f"{max(1, round(size / 1024))}")
    return QCoreApplication.translate("BackupKinds", "%1 MB").replace(
        "%1", f"{size / (1024 * 1024):.1f}")


class BackupTableModel(RowsModel[BackupInfo]):
    CREATED, KIND, SIZE, FILE = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("File"))

    def cell(self, info: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CREATED:
                return info.created.strftime("%Y-%m-%d %H:%M")
            if column == self.KIND:
                return kind_name(info.kind)
            if column == self.SIZE:
                return size_text(info.size_bytes)
            if column == self.FILE:
                return info.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Who may restore this backup: an owner account in it.  Accepted after the restore."""

    def __init__(self, ctx: Context, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self._ctx = ctx
        self.source = source
        self.pre_restore: Path | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(10)
        column.addWidget(label(self.tr("Restore from %1").replace("%1", source.name), "title"))
        column.addWidget(label(str(source), "hint", wrap=True, object_name="restoreSource"))
        warning = MessageBar("restoreWarning")
        warning.setMinimumWidth(460)
        warning.show_error(self.tr(
            "Everything in the current database is replaced by the data in this backup, for "
            "every desk. A copy of the current data is kept in the backup folder first."))
        column.addWidget(warning)
        column.addWidget(label(self.tr("Sign in with an owner account of the backup (as it was "
                                       "when the backup was made):"), wrap=True))
        self.bar = MessageBar("restoreMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        self.username = QLineEdit(ctx.actor.username)
        self.username.setObjectName("restoreUsernameEdit")
        self.errors.add_row(form, self.tr("User name"), "username", self.username,
                            "restoreUsernameError")
        self.password = password_edit("restorePasswordEdit")
        self.errors.add_row(form, self.tr("Password"), "password", self.password,
                            "restorePasswordError")
        column.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("restoreCancelButton")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        self.confirm = QPushButton(self.tr("Replace my data"))
        self.confirm.setObjectName("restoreConfirmButton")
        self.confirm.setProperty("primary", True)
        self.confirm.clicked.connect(self.restore)
        row.addWidget(self.confirm)
        column.addLayout(row)
        self.password.setFocus()

    def restore(self) -> None:
        self.errors.clear()
        ctx = self._ctx
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pre_restore = safety.restore_backup(
                ctx.database, self.source, self.username.text().strip(), self.password.text(),
                clock=ctx.clock, hasher=ctx.hasher)
        except ClubhouseError as error:
            self.password.clear()
            self.errors.show(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


class BackupsTab(QWidget):
    """Emits ``restored`` after a restore: the database must be reopened."""

    restored = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsTab")
        self._ctx = ctx
        self._runner = runner
        self.dialog: RestoreDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(10)
        self.bar = MessageBar("backupsMessage")
        column.addWidget(self.bar)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.setProperty("primary", True)
        self.backup_button.clicked.connect(self.back_up_now)
        buttons.addWidget(self.backup_button)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.choose_restore)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for section, width in enumerate((160, 130, 90)):
            header.resizeSection(section, width)
        column.addWidget(self.table, 1)
        column.addWidget(label(self.tr(
            "Clubhouse backs up automatically when it opens and the last automatic backup is a "
            "day old. Manual backups and the copies made before a restore or an upgrade are "
            "never deleted automatically."), "hint", wrap=True))

        where = QGroupBox(self.tr("Where backups go"))
        form = QFormLayout(where)
        form.setSpacing(8)
        self.errors = FieldErrors(self.bar)
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolderEdit")
        self.folder.setPlaceholderText(str(default_backup_dir()))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseBackupFolderButton")
        choose.clicked.connect(self.choose_folder)
        folder_error = error_label("backupFolderError")
        form.addRow(REGISTRY["backup.folder"].label.render(),
                    with_error(self.folder, folder_error, choose))
        self.errors.add("backup.folder", self.folder, folder_error)
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeepSpin")
        self.keep.setRange(0, 999)
        self.keep.setMaximumWidth(110)
        self.errors.add_row(form, REGISTRY["backup.keep"].label.render(), "backup.keep",
                            self.keep, "backupKeepError")
        save_row = QHBoxLayout()
        save_row.addWidget(label(REGISTRY["backup.keep"].help.render(), "hint", wrap=True), 1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveBackupSettingsButton")
        self.save_button.clicked.connect(self.save_settings)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        column.addWidget(where)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(safety.list_backups(self._ctx))
        values = all_settings(self._ctx)
        self.folder.setText(str(values["backup.folder"] or ""))
        self.keep.setValue(int(values["backup.keep"]))

    def back_up_now(self) -> None:
        self.bar.show_message(self.tr("Backing up…"))
        self.backup_button.setEnabled(False)
        ctx = self._ctx
        self._runner.run(lambda: file_errors(safety.backup_now, ctx), self._backed_up,
                         self._backup_failed)

    def _backed_up(self, path: object) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        self.bar.show_success(self.tr("Backed up to %1.").replace("%1", str(path)))

    def _backup_failed(self, error: ClubhouseError) -> None:
        self.backup_button.setEnabled(True)
        self.bar.show_error(error.render())

    def choose_folder(self) -> None:
        start = self.folder.text() or str(default_backup_dir())
        folder = dialogs.choose_folder(self, self.tr("Where backups go"), start)
        if folder is not None:
            self.folder.setText(str(folder))

    def save_settings(self) -> None:
        self.errors.clear()
        try:
            update_settings(self._ctx, {"backup.folder": self.folder.text(),
                                        "backup.keep": self.keep.value()})
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.refresh()
        self.bar.show_success(self.tr("Saved."))

    def choose_restore(self) -> RestoreDialog | None:
        self.bar.clear()
        start = self.folder.text() or str(default_backup_dir())
        source = dialogs.choose_open_file(self, self.tr("Choose a backup to restore"), start,
                                          self.tr("Clubhouse backups (*.sqlite);;All files (*)"))
        if source is None:
            return None
        dialog = RestoreDialog(self._ctx, source, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.restored.emit(str(dialog.pre_restore or "")))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog
