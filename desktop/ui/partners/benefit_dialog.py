"""The desk logs that a member used a partner's benefit: who (found as in quick booking), on
which day (today unless changed), the value when known, and a note.

An ended agreement or an inactive partner does not stop it (the member was served); the
dialog says so before saving, and the service's warnings come back in ``result`` for the view
to show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import ClubhouseError
from desktop.partners.service import BenefitUseResult, PartnerView, log_benefit_use
from desktop.services import Context
from desktop.ui.booking.common import DateField
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.members.common import day, from_qdate
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label


class BenefitUseDialog(QDialog):
    def __init__(self, ctx: Context, partner: PartnerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benefitUseDialog")
        self.setWindowTitle(self.tr("Log a benefit use"))
        self._ctx = ctx
        self.partner = partner
        self.result_value: BenefitUseResult | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        column.addWidget(label(partner.name, "subtitle", object_name="benefitPartnerName"))
        if partner.benefit:
            column.addWidget(label(partner.benefit, "hint", wrap=True,
                                   object_name="benefitText"))
        notice = self._notice(partner)
        self.notice = label(notice, "error", wrap=True, object_name="benefitNotice")
        self.notice.setVisible(bool(notice))
        column.addWidget(self.notice)
        self.bar = MessageBar("benefitMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        self.member = MemberPicker(ctx)
        self.member.setObjectName("benefitMemberEdit")
        self.member.hits.setObjectName("benefitMemberList")
        self.member.setPlaceholderText(self.tr("name, pinyin, number or phone"))
        self.member.setMinimumWidth(340)
        self.errors.add_row(form, self.tr("Member"), "member_id", self.member)
        self.used_on = DateField(ctx.clock.now().date(), "benefitDateEdit")
        self.errors.add_row(form, self.tr("Date"), "used_on", self.used_on)
        self.value = QLineEdit()
        self.value.setObjectName("benefitValueEdit")
        self.value.setPlaceholderText(self.tr("optional, in yuan, e.g. 80"))
        self.value.setMaxLength(14)
        self.errors.add_row(form, self.tr("Value"), "value", self.value)
        self.note = QLineEdit()
        self.note.setObjectName("benefitNoteEdit")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("optional"))
        self.errors.add_row(form, self.tr("Note"), "note", self.note)
        column.addLayout(form)
        column.addStretch(1)
        buttons, self.save_button = dialog_buttons(self, self.tr("Log the use"),
                                                   "benefitSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        self.member.changed.connect(self._member_changed)
        # room under the member field for the list of matches, which lies over the form
        self.setMinimumSize(540, 380)
        self.member.setFocus()

    def _notice(self, partner: PartnerView) -> str:
        lines = []
        if partner.agreement_ended and partner.agreement_ends is not None:
            lines.append(self.tr("The agreement ended on %1: the use is logged with a warning.")
                         .replace("%1", day(partner.agreement_ends)))
        if not partner.active:
            lines.append(self.tr("This partner is no longer active."))
        return "\n".join(lines)

    def _member_changed(self) -> None:
        if self.member.member is not None:
            self.errors.clear()
            self.value.setFocus()

    def save(self) -> None:
        self.errors.clear()
        chosen = self.member.member
        if chosen is None:
            if self.member.text().strip():
                self.errors.show_text("member_id", self.tr(
                    "Choose the member from the list (Down, then Enter)."))
            else:
                self.errors.show_text("member_id", self.tr("Choose the member who used it."))
            return
        try:
            self.result_value = log_benefit_use(
                self._ctx, self.partner.id, chosen.id, used_on=from_qdate(self.used_on.date()),
                value=self.value.text() or None, note=self.note.text() or None)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
