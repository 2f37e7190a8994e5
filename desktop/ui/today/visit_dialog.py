""""Member came in": the desk records a visit outside any event (a card scan, or a name).

A scanner types the member number and Enter: that records the visit at once.  A typed name,
pinyin, number or phone lists members under the field; Enter picks one and moves to the note
("tea with guests"), and Enter there records it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import ClubhouseError
from desktop.events.visits import VisitView, record_visit
from desktop.members.service import find_by_number
from desktop.services import Context
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class VisitDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitDialog")
        self.setWindowTitle(self.tr("Member came in"))
        self._ctx = ctx
        self.visit: VisitView | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.addWidget(label(self.tr("Scan the member's card, or type a name, pinyin, "
                                       "number or phone and press Enter."), "hint", wrap=True,
                               object_name="visitHint"))
        self.bar = MessageBar("visitMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        self.member = MemberPicker(ctx)
        self.member.setObjectName("visitMember")
        self.member.hits.setObjectName("visitMemberList")
        self.member.setMinimumWidth(360)
        self.member.installEventFilter(self)
        self.member.changed.connect(self._member_changed)
        self.errors.add_row(form, self.tr("Member"), "member_id", self.member)
        self.note = QLineEdit()
        self.note.setObjectName("visitNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("Optional, e.g. tea with guests"))
        self.errors.add_row(form, self.tr("Note"), "note", self.note)
        column.addLayout(form)
        column.addStretch(1)
        # room under the member field for the list of matches, which lies over the form
        self.setMinimumSize(520, 340)
        buttons, self.ok_button = dialog_buttons(self, self.tr("Record the visit"),
                                                 "recordVisitButton")
        self.ok_button.clicked.connect(self.submit)
        column.addLayout(buttons)
        self.member.setFocus()

    def _member_changed(self) -> None:
        self.errors.clear()
        if self.member.member is not None:
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A scanned member number and Enter records the visit at once."""
        if (watched is self.member and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _ENTER
                and self.member.member is None and self.member.text().strip()):
            try:
                scanned = find_by_number(self._ctx, self.member.text())
            except ClubhouseError as error:
                self.errors.show(error)
                return True
            if scanned is not None:
                self.member.choose(scanned)
                self.submit()
                return True
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        self.errors.clear()
        chosen = self.member.member
        if chosen is None:
            if self.member.text().strip() and not self.member.lookup():
                self.errors.show_text("member_id", self.tr("No member matches this."))
            else:
                self.errors.show_text("member_id", self.tr("Choose the member who came in."))
            return
        try:
            self.visit = record_visit(self._ctx, chosen.id, self.note.text() or None)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
