"""Importing members from a spreadsheet: choose a file, see what every row becomes and what is
wrong with it, then import (all of it, or the good rows), with progress, off the UI thread.

The preview and the import are the importer's services (``preview_import`` /
``apply_import``); the import checks the file again before writing, so a stale preview cannot
write what it did not show.  Progress arrives from the worker as (done, total) and is coalesced
to whole percents before it crosses to the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import phonenumbers
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.members.importer import (
    Action,
    ImportPreview,
    ImportResult,
    RowResult,
    apply_import,
    preview_import,
)
from desktop.members.keys import display_phone
from desktop.services import Context
from desktop.ui import dialogs
from desktop.ui.members.common import day
from desktop.ui.table_model import RowsModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import MessageBar, label

RED = "#b3261e"
AMBER = "#8a5a00"


class _Progress(QObject):
    """Carries (done, total) from the worker to the GUI thread, at most once a percent."""

    changed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = (-1, -1)

    def __call__(self, done: int, total: int) -> None:
        step = (done * 100 // total, total) if total else (-1, 0)
        if step != self._last or done == total:
            self._last = step
            self.changed.emit(done, total)


def _phone(value: str | None) -> str:
    try:
        return display_phone(value)
    except phonenumbers.NumberParseException:  # the file's text, not a stored number
        return value or ""


class ImportPreviewModel(RowsModel[RowResult]):
    """One line per data row of the file: what it becomes and what is wrong with it."""

    ROW, NAME, PHONE, ACTION, MEMBERSHIP, NOTES = range(6)

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.set_rows(preview.rows if preview is not None else [])

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Name"), self.tr("Phone"), self.tr("Becomes"),
                self.tr("Membership"), self.tr("Problems and warnings"))

    def action_text(self, result: RowResult) -> str:
        duplicate = result.duplicate_of
        who = f"{duplicate.name} ({duplicate.number})" if duplicate else ""
        if result.action is Action.CREATE:
            return self.tr("new member %1").replace("%1", result.number) if result.number \
                else self.tr("new member")
        if result.action is Action.UPDATE:
            return self.tr("updates %1").replace("%1", who)
        if result.action is Action.SKIP_DUPLICATE:
            return self.tr("skipped: already %1").replace("%1", who)
        return self.tr("not imported")

    def notes_text(self, result: RowResult) -> str:
        parts = []
        for note in result.problems:
            heading, text = note.heading(), note.message.render()
            parts.append(self.tr("problem at %1: %2").replace("%1", heading).replace("%2", text)
                         if heading else self.tr("problem: %1").replace("%1", text))
        for note in result.warnings:
            heading, text = note.heading(), note.message.render()
            parts.append(self.tr("warning at %1: %2").replace("%1", heading).replace("%2", text)
                         if heading else self.tr("warning: %1").replace("%1", text))
        return "; ".join(parts)

    def cell(self, result: RowResult, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.ROW:
                return str(result.row)
            if column == self.NAME:
                return result.data.name
            if column == self.PHONE:
                return _phone(result.data.phone)
            if column == self.ACTION:
                return self.action_text(result)
            if column == self.MEMBERSHIP:
                period = result.period
                if period is None:
                    return ""
                return f"{period.plan} · {day(period.starts_on)} – {day(period.ends_on)}"
            if column == self.NOTES:
                return self.notes_text(result)
        if role == Qt.ItemDataRole.ForegroundRole:
            if result.problems and column in (self.ACTION, self.NOTES):
                return QColor(RED)
            if result.warnings and column == self.NOTES:
                return QColor(AMBER)
            if result.action is Action.SKIP_DUPLICATE:
                return QColor("#5f6b67")
        if role == Qt.ItemDataRole.BackgroundRole and result.problems:
            return QColor("#fdf1ef")
        return None


class ImportDialog(QDialog):
    """Choose → preview (with problems by row) → import → summary."""

    imported = Signal(object)  # the ImportResult

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import members"))
        self._ctx = ctx
        self._runner = runner
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.outcome: ImportResult | None = None
        self._busy = False

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        column.addWidget(label(self.tr("A CSV (UTF-8 or GBK) or Excel file with a header row in "
                                       "English or Chinese. Nothing is written until you press "
                                       "Import; then every row is written, or none."), "hint",
                               wrap=True))
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFileEdit")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        file_row.addWidget(self.file_edit, 1)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("importChooseButton")
        self.choose_button.clicked.connect(self.choose_file)
        file_row.addWidget(self.choose_button)
        column.addLayout(file_row)

        options = QHBoxLayout()
        self.skip_invalid = QCheckBox(self.tr("Skip rows with problems and import the rest"))
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self._update_buttons())
        options.addWidget(self.skip_invalid)
        options.addStretch(1)
        options.addWidget(label(self.tr("Members already in the directory (same phone):")))
        self.on_duplicate = QComboBox()
        self.on_duplicate.setObjectName("importOnDuplicate")
        self.on_duplicate.addItem(self.tr("skip them"), "skip")
        self.on_duplicate.addItem(self.tr("update them from the file"), "update")
        self.on_duplicate.currentIndexChanged.connect(lambda _i: self.run_preview())
        options.addWidget(self.on_duplicate)
        column.addLayout(options)

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)
        column.addWidget(self.progress)
        self.bar = MessageBar("importMessage")
        column.addWidget(self.bar)
        self.summary = label("", wrap=True, object_name="importSummary")
        column.addWidget(self.summary)

        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("importTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for section, width in enumerate((46, 86, 112, 210, 250)):
            header.resizeSection(section, width)
        column.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("importCloseButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.run_import)
        buttons.addWidget(self.import_button)
        column.addLayout(buttons)
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)
        self.resize(980, 620)
        self._update_buttons()

    # -- steps ---------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = dialogs.choose_open_file(
            self, self.tr("Import members"), str(Path.home()),
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_edit.setText(str(path))
        self.outcome = None
        self.run_preview()

    def run_preview(self) -> None:
        if self.path is None or self._busy:
            return
        path = self.path
        ctx = self._ctx
        on_duplicate = str(self.on_duplicate.currentData())
        progress = self._progress
        self._start(self.tr("Reading %1…").replace("%1", path.name))
        self.preview = None
        self.model.set_preview(None)
        self._runner.run(
            lambda: preview_import(ctx, path, on_duplicate=on_duplicate, progress=progress),
            self._previewed, self._failed)

    def _previewed(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self._finish()
        self.preview = preview
        self.model.set_preview(preview)
        self.summary.setText(self._preview_summary(preview))
        if preview.has_problems:
            self.bar.show_error(self.tr("%1 rows have problems (in red). Fix them in the file "
                                        "and choose it again, or skip them.")
                                .replace("%1", f"{preview.invalid:,}"))
        else:
            self.bar.show_message(self.tr("Every row can be imported."))
        self._update_buttons()

    def _preview_summary(self, preview: ImportPreview) -> str:
        where = preview.detail
        text = self.tr("%1 rows read from %2 (%3): %4 new, %5 to update, %6 already in the "
                       "directory (skipped), %7 with problems.")
        for key, value in (("%1", f"{preview.read:,}"), ("%2", preview.file), ("%3", where),
                           ("%4", f"{preview.to_create:,}"), ("%5", f"{preview.to_update:,}"),
                           ("%6", f"{preview.skipped_duplicates:,}"),
                           ("%7", f"{preview.invalid:,}")):
            text = text.replace(key, value)
        if preview.ignored_columns:
            text += " " + self.tr("Columns not used: %1.").replace(
                "%1", ", ".join(preview.ignored_columns))
        return text

    def can_import(self) -> bool:
        preview = self.preview
        if preview is None or self._busy or self.outcome is not None:
            return False
        writes = preview.to_create + preview.to_update
        return writes > 0 and (not preview.has_problems or self.skip_invalid.isChecked())

    def run_import(self) -> None:
        if not self.can_import() or self.path is None:
            return
        path = self.path
        ctx = self._ctx
        skip = self.skip_invalid.isChecked()
        on_duplicate = str(self.on_duplicate.currentData())
        progress = self._progress
        self._start(self.tr("Importing…"))
        self._runner.run(
            lambda: apply_import(ctx, path, skip_invalid=skip, on_duplicate=on_duplicate,
                                 progress=progress),
            self._imported, self._failed)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self._finish()
        self.outcome = result
        self.preview = result.preview
        self.model.set_preview(result.preview)
        if result.written:
            text = (self.tr("Imported: %1 new members, %2 updated; %3 already in the directory "
                            "skipped; %4 rows with problems left out.")
                    .replace("%1", f"{result.created:,}").replace("%2", f"{result.updated:,}")
                    .replace("%3", f"{result.skipped_duplicates:,}")
                    .replace("%4", f"{result.skipped_invalid:,}"))
            self.bar.show_success(text)
            self.imported.emit(result)
        else:
            self.bar.show_error(self.tr("Nothing was imported: %1 rows have problems. Tick "
                                        "\"Skip rows with problems\" to import the rest.")
                                .replace("%1", f"{result.preview.invalid:,}"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()

    def _failed(self, error: ClubhouseError) -> None:
        self._finish()
        self.bar.show_error(error.render())
        self._update_buttons()

    # -- state ---------------------------------------------------------------------------------

    def _start(self, text: str) -> None:
        self._busy = True
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.bar.show_message(text)
        self._update_buttons()

    def _finish(self) -> None:
        self._busy = False
        self.progress.setVisible(False)

    def _show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)  # reading the file: length not known yet
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        self.choose_button.setEnabled(not self._busy)
        self.on_duplicate.setEnabled(not self._busy)
        if self.preview is not None and self.preview.has_problems and self.outcome is None:
            self.import_button.setToolTip("" if self.skip_invalid.isChecked() else self.tr(
                "Some rows have problems: fix the file, or skip them."))
        else:
            self.import_button.setToolTip("")
