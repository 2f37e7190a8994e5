"""New or changed partner (the owner's): every field the partners service keeps, with the
agreement's dates optional.

The rules live in the service (a name, a known category, an agreement that does not end before
it starts, a phone number that is one); its refusal names the field and the message appears
under that field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.models.circle import PARTNER_CATEGORIES
from desktop.partners.service import PartnerInput, PartnerView, create_partner, update_partner
from desktop.services import Context
from desktop.ui.booking.common import DateField
from desktop.ui.members.common import from_qdate, to_qdate
from desktop.ui.partners.models import category_text
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons


class OptionalDate(QWidget):
    """A date that may be left out: a tick box, and the date it enables."""

    def __init__(self, text: str, value: dt.date | None, default: dt.date, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text)
        self.check.setObjectName(name + "Check")
        row.addWidget(self.check)
        self.date = DateField(value or default, name + "Edit")
        row.addWidget(self.date, 1)
        self.check.toggled.connect(self.date.setEnabled)
        self.check.setChecked(value is not None)
        self.date.setEnabled(value is not None)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return from_qdate(self.date.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.date.setDate(to_qdate(value))


class PartnerDialog(QDialog):
    """Create a partner (``partner`` None) or change one; ``saved`` after it is written."""

    saved = Signal(int)  # the partner's id

    def __init__(self, ctx: Context, partner: PartnerView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerDialog")
        self.setWindowTitle(self.tr("New partner") if partner is None
                            else self.tr("Edit partner"))
        self._ctx = ctx
        self.original = partner
        self.saved_view: PartnerView | None = None
        today = ctx.clock.now().date()

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        self.bar = MessageBar("partnerMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)

        self.name = self._line("partnerNameEdit", 120)
        self.name.setMinimumWidth(360)
        self.errors.add_row(form, self.tr("Name"), "name", self.name)
        self.category = QComboBox()
        self.category.setObjectName("partnerCategoryCombo")
        for category in PARTNER_CATEGORIES:
            self.category.addItem(category_text(category), category)
        self.errors.add_row(form, self.tr("Category"), "category", self.category)
        self.contact = self._line("partnerContactEdit", 120)
        self.errors.add_row(form, self.tr("Contact person"), "contact_person", self.contact)
        self.phone = self._line("partnerPhoneEdit", 40)
        self.errors.add_row(form, self.tr("Phone"), "phone", self.phone)
        self.address = self._line("partnerAddressEdit", 240)
        self.errors.add_row(form, self.tr("Address"), "address", self.address)
        self.city = self._line("partnerCityEdit", 80)
        self.errors.add_row(form, self.tr("City"), "city", self.city)
        self.benefit = self._text("partnerBenefitEdit", 52)
        self.benefit.setPlaceholderText(self.tr("What members get, e.g. 10% off tea"))
        self.errors.add_row(form, self.tr("Benefit"), "benefit", self.benefit)
        self.starts = OptionalDate(self.tr("from"), None, today, "partnerStarts")
        self.errors.add_row(form, self.tr("Agreement starts"), "agreement_starts", self.starts,
                            "partnerStartsError")
        self.ends = OptionalDate(self.tr("until"), None, today + dt.timedelta(days=365),
                                 "partnerEnds")
        self.errors.add_row(form, self.tr("Agreement ends"), "agreement_ends", self.ends,
                            "partnerEndsError")
        self.tier = self._line("partnerTierEdit", 40)
        self.tier.setPlaceholderText(self.tr("e.g. gold sponsor"))
        self.errors.add_row(form, self.tr("Tier"), "tier", self.tier)
        self.notes = self._text("partnerNotesEdit", 64)
        self.errors.add_row(form, self.tr("Notes"), "notes", self.notes)
        self.active = QCheckBox(self.tr("Active partner"))
        self.active.setObjectName("partnerActiveCheck")
        self.active.setChecked(True)
        self.errors.add_row(form, "", "active", self.active)

        buttons, self.save_button = dialog_buttons(
            self, self.tr("Create") if partner is None else self.tr("Save"), "partnerSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        if partner is not None:
            self._fill(partner)
        self.setMinimumWidth(560)
        self.name.setFocus()

    def _line(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        return edit

    def _text(self, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        return edit

    def _fill(self, partner: PartnerView) -> None:
        self.name.setText(partner.name)
        self.category.setCurrentIndex(max(self.category.findData(partner.category), 0))
        self.contact.setText(partner.contact_person or "")
        self.phone.setText(partner.phone)
        self.address.setText(partner.address or "")
        self.city.setText(partner.city or "")
        self.benefit.setPlainText(partner.benefit or "")
        self.starts.set_value(partner.agreement_starts)
        self.ends.set_value(partner.agreement_ends)
        self.tier.setText(partner.tier or "")
        self.notes.setPlainText(partner.notes or "")
        self.active.setChecked(partner.active)

    def data(self) -> PartnerInput:
        return PartnerInput(
            name=self.name.text(), category=str(self.category.currentData()),
            contact_person=self.contact.text() or None, phone=self.phone.text() or None,
            address=self.address.text() or None, city=self.city.text() or None,
            benefit=self.benefit.toPlainText() or None,
            agreement_starts=self.starts.value(), agreement_ends=self.ends.value(),
            tier=self.tier.text() or None, notes=self.notes.toPlainText() or None,
            active=self.active.isChecked())

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.original is None:
                self.saved_view = create_partner(self._ctx, self.data())
            else:
                self.saved_view = update_partner(self._ctx, self.original.id, self.data())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.saved.emit(self.saved_view.id)
        self.accept()
