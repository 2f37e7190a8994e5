"""Register someone for an event: a member (found by name, pinyin, number or phone) or a guest
a member brings (name, phone, host), with companions, and paid when the event has a fee.

A lapsed or suspended member is not refused outright: the service warns, the dialog shows the
warning and asks "Register anyway?", and the second press registers with the warning recorded.
A full event puts the person on the waitlist, and the view says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.events.registrations import (
    MAX_COMPANIONS,
    NeedsConfirmation,
    RegistrationInput,
    RegistrationResult,
    register,
)
from desktop.events.service import EventView
from desktop.services import Context
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.events.common import when_text
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label


class RegisterDialog(QDialog):
    """A member (``guest`` False) or a hosted guest; ``result`` holds the registration."""

    def __init__(self, ctx: Context, event: EventView, *, guest: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerGuestDialog" if guest else "registerMemberDialog")
        self.setWindowTitle(self.tr("Register a guest") if guest else self.tr("Register a member"))
        self._ctx = ctx
        self._event = event
        self.guest = guest
        self.outcome: RegistrationResult | None = None
        self._confirming = False

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        left = event.places_left
        column.addWidget(label(
            f"{event.title} · {when_text(event.starts, event.ends)}", "subtitle", wrap=True,
            object_name="registerEvent"))
        column.addWidget(label(
            (self.tr("%1 places left.").replace("%1", str(left)) if left
             else self.tr("The event is full: new registrations go on the waitlist.")),
            "hint", object_name="registerPlacesLeft"))
        self.bar = MessageBar("registerMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)

        self.guest_name: QLineEdit | None = None
        self.guest_phone: QLineEdit | None = None
        if guest:
            self.guest_name = QLineEdit()
            self.guest_name.setObjectName("guestNameEdit")
            self.guest_name.setMaxLength(120)
            self.errors.add_row(form, self.tr("Guest's name"), "guest_name", self.guest_name)
            self.guest_phone = QLineEdit()
            self.guest_phone.setObjectName("guestPhoneEdit")
            self.guest_phone.setPlaceholderText(self.tr("optional"))
            self.errors.add_row(form, self.tr("Guest's phone"), "guest_phone", self.guest_phone)
        self.member = MemberPicker(ctx)
        self.member.setObjectName("registerMemberEdit")
        self.member.setPlaceholderText(self.tr("name, pinyin, number or phone"))
        self.member.setMinimumWidth(340)
        self.errors.add_row(form, self.tr("Host member") if guest else self.tr("Member"),
                            "host_member_id" if guest else "member_id", self.member)
        if guest and self.guest_name is not None:
            # "choose a member or name the guest", "already registered": about the guest here
            error = self.findChild(QLabel, "guestNameEditError")
            assert error is not None
            self.errors.add("member_id", self.guest_name, error)
        self.companions = QSpinBox()
        self.companions.setObjectName("companionsSpin")
        self.companions.setRange(0, MAX_COMPANIONS)
        self.companions.setPrefix("+ ")
        self.companions.setMaximumWidth(100)
        self.errors.add_row(form, self.tr("Companions"), "companions", self.companions)
        self.paid = QCheckBox(self.tr("Paid"))
        self.paid.setObjectName("paidCheck")
        self.paid.setVisible(event.has_fee)
        if event.has_fee:
            fee = f"¥{event.fee:,.2f}"
            self.paid.setText(self.tr("Paid (%1 a person)").replace("%1", fee))
            self.errors.add_row(form, "", "paid", self.paid)
        self.confirm_label = label("", "error", wrap=True, object_name="registerWarning")
        self.confirm_label.setVisible(False)
        column.addWidget(self.confirm_label)
        buttons, self.save_button = dialog_buttons(self, self.tr("Register"),
                                                   "registerSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        self.member.changed.connect(self._reset_confirmation)
        self.companions.valueChanged.connect(lambda _v: self._reset_confirmation())
        self.setMinimumWidth(520)
        (self.guest_name or self.member).setFocus()

    def _reset_confirmation(self) -> None:
        """A different person (or party) is a different question: ask again."""
        if self._confirming:
            self._confirming = False
            self.confirm_label.setVisible(False)
            self.save_button.setText(self.tr("Register"))

    def data(self) -> RegistrationInput:
        member = self.member.member
        member_id = member.id if member is not None else None
        if self.guest:
            assert self.guest_name is not None and self.guest_phone is not None
            return RegistrationInput(
                guest_name=self.guest_name.text(), guest_phone=self.guest_phone.text() or None,
                host_member_id=member_id, companions=self.companions.value(),
                paid=self.paid.isChecked())
        return RegistrationInput(member_id=member_id, companions=self.companions.value(),
                                 paid=self.paid.isChecked())

    def save(self) -> None:
        self.errors.clear()
        if self.member.text().strip() and self.member.member is None:
            self.errors.show_text("host_member_id" if self.guest else "member_id",
                                  self.tr("Choose the member from the list (Down, then Enter)."))
            return
        try:
            self.outcome = register(self._ctx, self._event.id, self.data(),
                                   confirm_warnings=self._confirming)
        except NeedsConfirmation as warning:
            self._confirming = True
            text = "\n".join(w.render() for w in warning.warnings)
            self.confirm_label.setText(text + "\n" + self.tr("Register anyway?"))
            self.confirm_label.setVisible(True)
            self.save_button.setText(self.tr("Register anyway"))
            self.save_button.setFocus()
            return
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
