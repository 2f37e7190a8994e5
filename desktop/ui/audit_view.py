"""Audit log (owner only): who changed what and when, filtered, paged, exported.

The table model asks the database for one page at a time (``canFetchMore``/``fetchMore``): the
log only grows, and the view stays quick however long it gets.  The detail pane shows the
fields of the selected entry before and after.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.audit.browse import (
    AuditFilter,
    AuditRow,
    count_entries,
    export_entries,
    filter_choices,
    find_entries,
)
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui import dialogs
from desktop.ui.table_model import ROOT, Index, RowsModel
from desktop.ui.tasks import TaskRunner, file_errors
from desktop.ui.widgets import MessageBar, label, view_column

PAGE_SIZE = 200


def entity_name(entity: str) -> str:
    names = {
        "staff_account": QCoreApplication.translate("AuditNames", "Staff account"),
        "setting": QCoreApplication.translate("AuditNames", "Setting"),
        "database": QCoreApplication.translate("AuditNames", "Database"),
        "member": QCoreApplication.translate("AuditNames", "Member"),
        "tag": QCoreApplication.translate("AuditNames", "Tag"),
        "member_tag": QCoreApplication.translate("AuditNames", "Member tag"),
        "plan": QCoreApplication.translate("AuditNames", "Plan"),
        "membership_period": QCoreApplication.translate("AuditNames", "Membership period"),
        "payment": QCoreApplication.translate("AuditNames", "Payment"),
    }
    return names.get(entity, entity)


def action_name(action: str) -> str:
    names = {
        "create": QCoreApplication.translate("AuditNames", "Created"),
        "update": QCoreApplication.translate("AuditNames", "Changed"),
        "delete": QCoreApplication.translate("AuditNames", "Deleted"),
        "reset_password": QCoreApplication.translate("AuditNames", "Password reset"),
        "backup": QCoreApplication.translate("AuditNames", "Backed up"),
        "restore": QCoreApplication.translate("AuditNames", "Restored"),
        "export": QCoreApplication.translate("AuditNames", "Exported"),
        "sign_in": QCoreApplication.translate("AuditNames", "Signed in"),
        "import": QCoreApplication.translate("AuditNames", "Imported"),
        "erase": QCoreApplication.translate("AuditNames", "Erased"),
        "export_data": QCoreApplication.translate("AuditNames", "Personal data exported"),
    }
    return names.get(action, action.replace("_", " "))


def record_name(entry: AuditRow) -> str:
    """"Setting venue.name", "Staff account 2": which record an entry is about."""
    name = entity_name(entry.entity)
    return f"{name} {entry.entity_id}" if entry.entity_id else name


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class AuditTableModel(RowsModel[AuditRow]):
    """The filtered log, newest first, fetched a page at a time."""

    WHEN, STAFF, ACTION, RECORD, CHANGES = range(5)

    def __init__(self, ctx: Context, page_size: int = PAGE_SIZE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._page_size = page_size
        self._filter = AuditFilter()
        self._seen: set[int] = set()
        self._total = 0
        self._exhausted = True

    @property
    def total(self) -> int:
        return self._total

    @property
    def audit_filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, flt: AuditFilter) -> None:
        """Start again from the newest entry with this filter."""
        self.beginResetModel()
        self._filter = flt
        self._rows = []
        self._seen = set()
        self._total = count_entries(self._ctx, flt)
        self._exhausted = self._total == 0
        self._rows = self._page()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def _page(self) -> list[AuditRow]:
        page = find_entries(self._ctx, self._filter, offset=len(self._rows),
                            limit=self._page_size)
        if len(page) < self._page_size:
            self._exhausted = True
        fresh = [row for row in page if row.id not in self._seen]
        self._seen.update(row.id for row in fresh)
        return fresh

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._page()
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Staff"), self.tr("Action"), self.tr("Record"),
                self.tr("Fields"))

    def cell(self, entry: AuditRow, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHEN:
            return entry.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == self.STAFF:
            return entry.staff
        if column == self.ACTION:
            return action_name(entry.action)
        if column == self.RECORD:
            return record_name(entry)
        if column == self.CHANGES:
            fields = sorted(set(entry.before or {}) | set(entry.after or {}))
            text = ", ".join(fields)
            if entry.note:
                text = f"{text} — {entry.note}" if text else entry.note
            return text
        return None


class AuditDetailModel(RowsModel[tuple[str, str, str]]):
    """The selected entry's fields: name, before, after."""

    def set_entry(self, entry: AuditRow | None) -> None:
        if entry is None:
            self.set_rows([])
            return
        before = entry.before or {}
        after = entry.after or {}
        names = list(dict.fromkeys([*before, *after]))
        self.set_rows((name, _shown(before.get(name)), _shown(after.get(name)))
                      for name in names)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Field"), self.tr("Before"), self.tr("After"))

    def cell(self, fields: tuple[str, str, str], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return fields[column]
        return None


class AuditView(QWidget):
    def __init__(self, ctx: Context, runner: TaskRunner, page_size: int = PAGE_SIZE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self._ctx = ctx
        self._runner = runner
        column = view_column(self, self.tr("Audit log"),
                             self.tr("Every change, who made it and when, with the fields "
                                     "before and after."))
        self.bar = MessageBar("auditMessage")
        column.addWidget(self.bar)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.staff_filter = QComboBox()
        self.staff_filter.setObjectName("staffFilter")
        self.staff_filter.setMinimumWidth(140)
        filters.addWidget(self.staff_filter)
        self.entity_filter = QComboBox()
        self.entity_filter.setObjectName("entityFilter")
        self.entity_filter.setMinimumWidth(140)
        filters.addWidget(self.entity_filter)
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setObjectName("sinceCheck")
        filters.addWidget(self.since_check)
        self.since_edit = self._date_edit("sinceEdit", today.addDays(-30))
        filters.addWidget(self.since_edit)
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setObjectName("untilCheck")
        filters.addWidget(self.until_check)
        self.until_edit = self._date_edit("untilEdit", today)
        filters.addWidget(self.until_edit)
        filters.addStretch(1)
        self.count_label = label("", "hint", object_name="auditCount")
        filters.addWidget(self.count_label)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        filters.addWidget(self.export_button)
        column.addLayout(filters)

        self.model = AuditTableModel(ctx, page_size, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for section, width in enumerate((150, 110, 100, 200)):
            header.resizeSection(section, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        detail = QWidget()
        detail_column = QVBoxLayout(detail)
        detail_column.setContentsMargins(0, 6, 0, 0)
        self.detail_title = label(self.tr("Select an entry to see what it changed."), "hint",
                                  wrap=True, object_name="auditDetailTitle")
        detail_column.addWidget(self.detail_title)
        self.detail_model = AuditDetailModel(self)
        self.detail = QTableView()
        self.detail.setObjectName("auditDetail")
        self.detail.setModel(self.detail_model)
        self.detail.setShowGrid(False)
        self.detail.setAlternatingRowColors(True)
        self.detail.verticalHeader().setVisible(False)
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.detail.horizontalHeader().resizeSection(0, 160)
        self.detail.horizontalHeader().resizeSection(1, 300)
        detail_column.addWidget(self.detail, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("auditSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        column.addWidget(splitter, 1)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.staff_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.entity_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for check in (self.since_check, self.until_check):
            check.toggled.connect(self._dates_toggled)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        self.refresh()

    def _date_edit(self, name: str, date: QDate) -> QDateEdit:
        edit = QDateEdit(date)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _dates_toggled(self, _checked: bool = False) -> None:
        self.since_edit.setEnabled(self.since_check.isChecked())
        self.until_edit.setEnabled(self.until_check.isChecked())
        self.apply_filter()

    def _fill_choices(self) -> None:
        staff, entities = filter_choices(self._ctx)
        for combo, everyone, values, shown in (
            (self.staff_filter, self.tr("All staff"), staff, lambda value: value),
            (self.entity_filter, self.tr("All records"), entities, entity_name),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for value in values:
                combo.addItem(shown(value), value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> dt.date:
            date = edit.date()
            return dt.date(date.year(), date.month(), date.day())

        return AuditFilter(
            staff=self.staff_filter.currentData(),
            entity=self.entity_filter.currentData(),
            since=day(self.since_edit) if self.since_check.isChecked() else None,
            until=day(self.until_edit) if self.until_check.isChecked() else None,
        )

    def apply_filter(self) -> None:
        if not hasattr(self, "model"):
            return
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("%1 entries").replace("%1", str(self.model.total)))
        if self.model.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self._show_detail()

    def refresh(self) -> None:
        self._fill_choices()
        self.apply_filter()

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail_model.set_entry(None)
            self.detail_title.setText(self.tr("Select an entry to see what it changed."))
            return
        entry = self.model.row_at(rows[0].row())
        self.detail_model.set_entry(entry)
        title = (self.tr("%1 · %2: %3, by %4")
                 .replace("%1", entry.at.strftime("%Y-%m-%d %H:%M:%S"))
                 .replace("%2", action_name(entry.action))
                 .replace("%3", record_name(entry))
                 .replace("%4", entry.staff))
        if entry.note:
            title += "\n" + entry.note
        self.detail_title.setText(title)

    def export(self) -> None:
        suggested = str(Path.home() / f"audit-log-{dt.date.today().isoformat()}.csv")
        path = dialogs.choose_save_file(self, self.tr("Export the audit log"), suggested,
                                        self.tr("CSV files (*.csv)"))
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        flt = self.current_filter()
        ctx = self._ctx
        self.export_button.setEnabled(False)
        self.bar.show_message(self.tr("Exporting…"))

        def done(count: object) -> None:
            self.export_button.setEnabled(True)
            self.bar.show_success(self.tr("%1 entries exported to %2.")
                                  .replace("%1", str(count)).replace("%2", str(path)))

        def failed(error: ClubhouseError) -> None:
            self.export_button.setEnabled(True)
            self.bar.show_error(error.render())

        self._runner.run(lambda: file_errors(export_entries, ctx, flt, path), done, failed)
