"""The owner's plans: name, fee, duration, benefits, offered or not, and the default plan."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.members.membership import PlanInput, create_plan, update_plan
from desktop.members.service import list_plans
from desktop.models.members import Plan
from desktop.services import Context
from desktop.ui.members.common import money
from desktop.ui.table_model import RowsModel
from desktop.ui.widgets import FieldErrors, MessageBar, label


class PlansModel(RowsModel[Plan]):
    NAME, FEE, MONTHS, OFFERED = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Plan"), self.tr("Fee"), self.tr("Months"), self.tr("Offered"))

    def cell(self, plan: Plan, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return plan.name + ("  ★" if plan.is_default else "")
            if column == self.FEE:
                return money(plan.fee)
            if column == self.MONTHS:
                return str(plan.duration_months)
            return self.tr("yes") if plan.active else self.tr("no")
        if role == Qt.ItemDataRole.ForegroundRole and not plan.active:
            return Qt.GlobalColor.gray
        return None


class PlansDialog(QDialog):
    """A list of plans on the left, the chosen (or new) plan's form on the right."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plansDialog")
        self.setWindowTitle(self.tr("Membership plans"))
        self._ctx = ctx
        self.changed = False
        self._editing: Plan | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.addWidget(label(self.tr("What members can join on. A plan no longer offered stays "
                                       "on the memberships that used it. ★ marks the default "
                                       "plan (for imports without a plan column)."), "hint",
                               wrap=True))
        self.bar = MessageBar("plansMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        row = QHBoxLayout()
        row.setSpacing(16)
        left = QVBoxLayout()
        self.model = PlansModel(self)
        self.table = QTableView()
        self.table.setObjectName("plansTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PlansModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        left.addWidget(self.table, 1)
        self.new_button = QPushButton(self.tr("New plan"))
        self.new_button.setObjectName("newPlanButton")
        self.new_button.clicked.connect(self.new_plan)
        left.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(left, 3)

        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(8)
        self.form_title = label("", "subtitle", object_name="planFormTitle")
        form.addRow(self.form_title)
        self.name = QLineEdit()
        self.name.setObjectName("planNameEdit")
        self.errors.add_row(form, self.tr("Name"), "name", self.name)
        self.fee = QLineEdit()
        self.fee.setObjectName("planFeeEdit")
        self.errors.add_row(form, self.tr("Fee (¥)"), "fee", self.fee)
        self.months = QSpinBox()
        self.months.setObjectName("planMonthsSpin")
        self.months.setRange(1, 120)
        self.months.setValue(12)
        self.months.setSuffix(self.tr(" months"))
        self.errors.add_row(form, self.tr("Duration"), "duration_months", self.months)
        self.benefits = QPlainTextEdit()
        self.benefits.setObjectName("planBenefitsEdit")
        self.benefits.setFixedHeight(80)
        self.benefits.setTabChangesFocus(True)
        self.errors.add_row(form, self.tr("Benefits"), "benefits", self.benefits)
        self.active = QCheckBox(self.tr("Offered to new and renewing members"))
        self.active.setObjectName("planActiveCheck")
        self.active.setChecked(True)
        form.addRow("", self.active)
        self.default = QCheckBox(self.tr("Default plan"))
        self.default.setObjectName("planDefaultCheck")
        form.addRow("", self.default)
        self.save_button = QPushButton(self.tr("Save plan"))
        self.save_button.setObjectName("planSaveButton")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        row.addWidget(form_box, 2)
        column.addLayout(row, 1)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("plansCloseButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        close_row.addWidget(close)
        column.addLayout(close_row)
        self.resize(820, 460)
        self.refresh()
        self.new_plan()

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_rows(list_plans(self._ctx, include_inactive=True))
        if select_id is not None:
            for row, plan in enumerate(self.model.rows):
                if plan.id == select_id:
                    self.table.selectRow(row)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        plan = self.model.row_at(rows[0].row())
        self._editing = plan
        self.errors.clear()
        self.form_title.setText(self.tr("Edit %1").replace("%1", plan.name))
        self.name.setText(plan.name)
        self.fee.setText(f"{Decimal(plan.fee):.2f}")
        self.months.setValue(plan.duration_months)
        self.benefits.setPlainText(plan.benefits or "")
        self.active.setChecked(plan.active)
        self.default.setChecked(plan.is_default)

    def new_plan(self) -> None:
        self._editing = None
        self.table.clearSelection()
        self.errors.clear()
        self.form_title.setText(self.tr("New plan"))
        self.name.clear()
        self.fee.clear()
        self.months.setValue(12)
        self.benefits.clear()
        self.active.setChecked(True)
        self.default.setChecked(not self.model.rows)
        self.name.setFocus()

    def save(self) -> None:
        self.errors.clear()
        data = PlanInput(name=self.name.text(), fee=self.fee.text(),
                         duration_months=self.months.value(),
                         benefits=self.benefits.toPlainText(), active=self.active.isChecked(),
                         is_default=self.default.isChecked())
        try:
            if self._editing is None:
                plan_id = create_plan(self._ctx, data)
            else:
                plan_id = self._editing.id
                update_plan(self._ctx, plan_id, data)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.changed = True
        self.refresh(select_id=plan_id)
        self.bar.show_success(self.tr("The plan %1 is saved.").replace("%1", data.name.strip()))
