"""Recording an introduction and, later, what came of it.

The introduction dialog is usually opened from a suggestion, prefilled: the member with the
need, the member with the offer (or the partner), the item it is about.  The service refuses
a member introduced to themself (shown at the field) and warns about an archived member or an
inactive partner after saving — the desk may know better, so it is recorded; the view shows
the warnings.  The outcome dialog records met / working together / deal done / no fit with a
note and an optional value.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.circle.service import (
    IntroductionInput,
    IntroductionResult,
    IntroductionView,
    ItemView,
    create_introduction,
    record_outcome,
)
from desktop.circle.summary import means_label, outcome_label
from desktop.errors import ClubhouseError
from desktop.members.service import MemberRow
from desktop.models.circle import MEANS, OUTCOMES
from desktop.services import Context
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.members.common import day
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label


class IntroductionDialog(QDialog):
    """Put ``member_a`` in touch with another member or with ``partner`` (id, name)."""

    def __init__(self, ctx: Context, *, member_a: MemberRow | None = None,
                 member_b: MemberRow | None = None, partner: tuple[int, str] | None = None,
                 item: ItemView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("introductionDialog")
        self.setWindowTitle(self.tr("Introduce"))
        self._ctx = ctx
        self._partner = partner
        self._item = item
        self.result_value: IntroductionResult | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        if item is not None:
            about = self.tr("About: %1").replace("%1", item.title)
            column.addWidget(label(about, "subtitle", wrap=True, object_name="introAbout"))
        self.bar = MessageBar("introMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)

        self.member_a = self._picker("introMemberAEdit", member_a)
        self.errors.add_row(form, self.tr("Member"), "member_a_id", self.member_a)
        self.member_b: MemberPicker | None = None
        if partner is not None:
            self.partner_label = label(partner[1], object_name="introPartner")
            self.errors.add_row(form, self.tr("Introduced to"), "partner_id",
                                self.partner_label)
        else:
            self.member_b = self._picker("introMemberBEdit", member_b)
            self.errors.add_row(form, self.tr("Introduced to"), "member_b_id", self.member_b)

        self.means = QComboBox()
        self.means.setObjectName("introMeansCombo")
        for means in MEANS:
            self.means.addItem(means_label(means).render(), means)
        self.errors.add_row(form, self.tr("By"), "means", self.means)
        self.note = QLineEdit()
        self.note.setObjectName("introNoteEdit")
        self.note.setPlaceholderText(self.tr("optional"))
        self.errors.add_row(form, self.tr("Note"), "note", self.note)

        buttons, self.save_button = dialog_buttons(self, self.tr("Record introduction"),
                                                   "introSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        self.setMinimumWidth(520)
        self.means.setFocus()

    def _picker(self, name: str, member: MemberRow | None) -> MemberPicker:
        picker = MemberPicker(self._ctx)
        picker.setObjectName(name)
        picker.setPlaceholderText(self.tr("name, pinyin, number or phone"))
        picker.setMinimumWidth(360)
        if member is not None:
            picker.choose(member)
        return picker

    def save(self) -> None:
        self.errors.clear()
        pickers = [("member_a_id", self.member_a), ("member_b_id", self.member_b)]
        for field, picker in pickers:
            if picker is not None and picker.member is None:
                self.errors.show_text(field, self.tr(
                    "Choose the member from the list (Down, then Enter)."))
                return
        assert self.member_a.member is not None
        member_b = self.member_b.member if self.member_b is not None else None
        try:
            self.result_value = create_introduction(self._ctx, IntroductionInput(
                self.member_a.member.id, str(self.means.currentData()),
                member_b_id=member_b.id if member_b is not None else None,
                partner_id=self._partner[0] if self._partner is not None else None,
                item_id=self._item.id if self._item is not None else None,
                note=self.note.text()))
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()


class OutcomeDialog(QDialog):
    """What came of ``intro``: the outcome, a note, a value if there is one."""

    def __init__(self, ctx: Context, intro: IntroductionView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("Record outcome"))
        self._ctx = ctx
        self._intro = intro
        self.result_value: IntroductionView | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        who = (self.tr("%1 and %2, introduced on %3").replace("%1", intro.member_a_name)
               .replace("%2", intro.other).replace("%3", day(intro.introduced_on)))
        column.addWidget(label(who, "subtitle", wrap=True, object_name="outcomeWho"))
        self.bar = MessageBar("outcomeMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcomeCombo")
        for outcome in OUTCOMES:
            self.outcome.addItem(outcome_label(outcome).render(), outcome)
        current = intro.outcome if intro.outcome != "not_yet" else "met"
        self.outcome.setCurrentIndex(self.outcome.findData(current))
        self.errors.add_row(form, self.tr("Outcome"), "outcome", self.outcome)
        self.note = QLineEdit(intro.outcome_note or "")
        self.note.setObjectName("outcomeNoteEdit")
        self.errors.add_row(form, self.tr("Note"), "note", self.note)
        self.value = QLineEdit("" if intro.outcome_value is None else str(intro.outcome_value))
        self.value.setObjectName("outcomeValueEdit")
        self.value.setPlaceholderText(self.tr("optional, e.g. 800"))
        self.errors.add_row(form, self.tr("Value (¥)"), "value", self.value)
        buttons, self.save_button = dialog_buttons(self, self.tr("Save"), "outcomeSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        self.setMinimumWidth(460)
        self.outcome.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            self.result_value = record_outcome(self._ctx, self._intro.id,
                                               str(self.outcome.currentData()),
                                               self.note.text(), self.value.text())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
