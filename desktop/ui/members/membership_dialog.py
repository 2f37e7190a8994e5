"""Recording a join or renewal with its payment (Ctrl+R), and the owner's corrections to a
recorded payment (edit, void with a reason).

The dialog shows the period it will create before saving: ``preview_renewal`` applies the same
rule ``record_membership`` does (a continuing member extends from the old end date; a lapsed
one starts today and the gap stays visible).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.members.membership import (
    PAYMENT_METHODS,
    PaymentInput,
    edit_payment,
    preview_renewal,
    record_membership,
    void_payment,
)
from desktop.members.service import MemberDetail, PaymentView, list_plans
from desktop.models.members import Plan
from desktop.services import Context
from desktop.ui.members.common import (
    day,
    from_qdate,
    method_text,
    money,
    status_text,
    to_qdate,
)
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label


class PaymentFields(QWidget):
    """Plan (optional), payment method, amount (the plan's fee until changed), paid on
    (optional) and receipt number, each with its error line."""

    def __init__(self, ctx: Context, errors: FieldErrors, *, with_plan: bool = True,
                 with_date: bool = True, prefix: str = "membership",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._amount_edited = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setSpacing(8)
        self.plans: list[Plan] = list_plans(ctx) if with_plan else []
        self.plan = QComboBox()
        self.plan.setObjectName(f"{prefix}PlanCombo")
        for plan in self.plans:
            months = self.tr("%1 months").replace("%1", str(plan.duration_months))
            self.plan.addItem(f"{plan.name} · {money(plan.fee)} · {months}", plan.id)
        if with_plan:
            errors.add_row(self.form, self.tr("Plan"), "plan", self.plan)
        self.method = QComboBox()
        self.method.setObjectName(f"{prefix}MethodCombo")
        for key in PAYMENT_METHODS:
            self.method.addItem(method_text(key), key)
        errors.add_row(self.form, self.tr("Paid by"), "method", self.method)
        self.amount = QLineEdit()
        self.amount.setObjectName(f"{prefix}AmountEdit")
        self.amount.setPlaceholderText(self.tr("the plan's fee"))
        self.amount.textEdited.connect(self._amount_typed)
        errors.add_row(self.form, self.tr("Amount (¥)"), "amount", self.amount)
        today = ctx.clock.now().date()
        self.paid_on = QDateEdit(to_qdate(today))
        self.paid_on.setObjectName(f"{prefix}PaidOnEdit")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        self.paid_on.setMaximumDate(to_qdate(today))
        if with_date:
            errors.add_row(self.form, self.tr("Paid on"), "paid_on", self.paid_on)
        self.receipt = QLineEdit()
        self.receipt.setObjectName(f"{prefix}ReceiptEdit")
        self.receipt.setPlaceholderText(self.tr("optional"))
        errors.add_row(self.form, self.tr("Receipt no."), "receipt_no", self.receipt)
        self._with_date = with_date
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self._plan_changed()

    def _amount_typed(self, _text: str) -> None:
        self._amount_edited = True

    def _plan_changed(self) -> None:
        plan = self.current_plan()
        if plan is not None and not self._amount_edited:
            self.amount.setText(f"{Decimal(plan.fee):.2f}")

    def current_plan(self) -> Plan | None:
        plan_id = self.plan.currentData()
        return next((plan for plan in self.plans if plan.id == plan_id), None)

    def select_plan(self, plan_id: int) -> None:
        index = self.plan.findData(plan_id)
        if index >= 0:
            self.plan.setCurrentIndex(index)

    def payment(self) -> PaymentInput:
        return PaymentInput(
            amount=self.amount.text().strip() or None,
            method=str(self.method.currentData()),
            paid_on=from_qdate(self.paid_on.date()) if self._with_date else None,
            receipt_no=self.receipt.text().strip() or None,
        )


class MembershipDialog(QDialog):
    """Join or renew the selected member: plan, payment, and the period it makes."""

    def __init__(self, ctx: Context, member: MemberDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membershipDialog")
        self._ctx = ctx
        self._member = member
        row = member.row
        self.setWindowTitle(self.tr("Record membership"))
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(10)
        heading = label(f"{row.name}  ·  {row.number}", "title", object_name="membershipMember")
        column.addWidget(heading)
        now = self.tr("Now %1").replace("%1", status_text(row.status))
        if row.ends_on is not None:
            now += " · " + self.tr("paid until %1").replace("%1", day(row.ends_on))
        column.addWidget(label(now, "hint", object_name="membershipNow"))
        self.bar = MessageBar("membershipMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        self.fields = PaymentFields(ctx, self.errors)
        column.addWidget(self.fields)
        self.period = label("", wrap=True, object_name="membershipPeriodLabel")
        self.period.setStyleSheet("QLabel { background: #e8f2ee; border: 1px solid #c4dcd2; "
                                  "border-radius: 4px; padding: 8px; }")
        column.addWidget(self.period)
        buttons, self.save_button = dialog_buttons(self, self.tr("Record"), "membershipSaveButton")
        self.save_button.clicked.connect(self.submit)
        column.addLayout(buttons)
        self.fields.plan.currentIndexChanged.connect(lambda _i: self._show_period())
        self.period_span: tuple[dt.date, dt.date] | None = None
        if not self.fields.plans:
            self.bar.show_error(self.tr("There is no plan to choose yet: the owner creates plans "
                                        "from the Members view."))
            self.save_button.setEnabled(False)
        self._show_period()
        self.setMinimumWidth(460)

    def _show_period(self) -> None:
        plan = self.fields.current_plan()
        if plan is None:
            self.period.setText("")
            self.period.setVisible(False)
            return
        try:
            start, end = preview_renewal(self._ctx, self._member.row.id, plan.id)
        except ClubhouseError as error:
            self.period_span = None
            self.period.setText(error.render())
            return
        self.period_span = (start, end)
        text = self.tr("This membership will run from %1 to %2.").replace(
            "%1", day(start)).replace("%2", day(end))
        latest = self._member.row.ends_on
        if latest is not None and start == latest + dt.timedelta(days=1):
            text += " " + self.tr("It continues from the current end date.")
        elif latest is not None:
            gap = (start - latest).days - 1
            text += " " + self.tr("It starts afresh; the %1 days since the last membership "
                                  "ended stay visible in the history.").replace(
                "%1", f"{gap:,}")
        self.period.setText(text)
        self.period.setVisible(True)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        plan = self.fields.current_plan()
        if plan is None:
            self.errors.show_text("plan", self.tr("Choose a plan."))
            return
        self.save_button.setEnabled(False)
        try:
            record_membership(self._ctx, self._member.row.id, plan.id, self.fields.payment())
        except ClubhouseError as error:
            self.errors.show(error)
            self.save_button.setEnabled(True)
            return
        self.accept()


class PaymentDialog(QDialog):
    """The owner corrects a recorded payment: amount, method, date, receipt number."""

    def __init__(self, ctx: Context, payment: PaymentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Edit payment"))
        self._ctx = ctx
        self._payment = payment
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        self.bar = MessageBar("paymentMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        self.fields = PaymentFields(ctx, self.errors, with_plan=False, prefix="payment")
        self.fields.amount.setText(payment.amount)
        self.fields.method.setCurrentIndex(max(0, self.fields.method.findData(payment.method)))
        self.fields.paid_on.setDate(to_qdate(payment.paid_on))
        self.fields.receipt.setText(payment.receipt_no or "")
        column.addWidget(self.fields)
        column.addWidget(label(self.tr("The change is kept in the audit log with the values "
                                       "before and after."), "hint", wrap=True))
        buttons, self.save_button = dialog_buttons(self, self.tr("Save"), "paymentSaveButton")
        self.save_button.clicked.connect(self.submit)
        column.addLayout(buttons)

    def submit(self) -> None:
        self.errors.clear()
        try:
            edit_payment(self._ctx, self._payment.id, self.fields.payment())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()


class VoidPaymentDialog(QDialog):
    """Void a payment (kept, marked, with the reason); by default its period goes too."""

    def __init__(self, ctx: Context, payment: PaymentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voidPaymentDialog")
        self.setWindowTitle(self.tr("Void payment"))
        self._ctx = ctx
        self._payment = payment
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        what = f"{money(payment.amount)} · {method_text(payment.method)} · {day(payment.paid_on)}"
        column.addWidget(label(self.tr("Void the payment %1? It stays in the history, marked "
                                       "as voided, with your reason.").replace("%1", what),
                               wrap=True))
        self.bar = MessageBar("voidMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("voidReasonEdit")
        self.reason.setMinimumWidth(300)
        self.errors.add_row(form, self.tr("Reason"), "reason", self.reason, "voidReasonError")
        column.addLayout(form)
        self.with_period = QCheckBox(self.tr("Void the membership period it paid for too"))
        self.with_period.setObjectName("voidPeriodCheck")
        self.with_period.setChecked(True)
        column.addWidget(self.with_period)
        buttons, self.save_button = dialog_buttons(self, self.tr("Void payment"),
                                                   "voidSaveButton")
        self.save_button.clicked.connect(self.submit)
        column.addLayout(buttons)

    def submit(self) -> None:
        self.errors.clear()
        try:
            void_payment(self._ctx, self._payment.id, self.reason.text(),
                         void_period=self.with_period.isChecked())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()

