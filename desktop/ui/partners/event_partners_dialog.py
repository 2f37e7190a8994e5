"""Choose an event's sponsors and co-hosts: a partner and its role, added to a list that is
saved as a whole (``set_event_partners`` replaces what the event had).

An inactive partner, or one whose agreement ended before the event, is accepted with a
warning; the warnings come back in ``result`` for the events view to show.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.events.service import EventView
from desktop.partners.service import PartnerView, search_partners
from desktop.partners.sponsors import (
    ROLES,
    EventPartnersResult,
    list_event_partners,
    role_label,
    set_event_partners,
)
from desktop.services import Context
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, error_label, label

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


class EventPartnersDialog(QDialog):
    def __init__(self, ctx: Context, event: EventView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPartnersDialog")
        self.setWindowTitle(self.tr("Sponsors and co-hosts"))
        self._ctx = ctx
        self._event = event
        self.result_value: EventPartnersResult | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        column.addWidget(label(event.title, "subtitle", wrap=True,
                               object_name="eventPartnersEvent"))
        self.bar = MessageBar("eventPartnersMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)

        self.partners: dict[int, PartnerView] = {
            p.id: p for p in search_partners(ctx, active_only=False)}
        pick = QHBoxLayout()
        self.partner = QComboBox()
        self.partner.setObjectName("eventPartnerCombo")
        for partner in self.partners.values():
            text = partner.name if partner.active else self.tr("%1 (inactive)").replace(
                "%1", partner.name)
            self.partner.addItem(text, partner.id)
        self.partner.setMinimumWidth(240)
        pick.addWidget(self.partner, 1)
        self.role = QComboBox()
        self.role.setObjectName("eventPartnerRoleCombo")
        for role in ROLES:
            self.role.addItem(role_label(role).render(), role)
        pick.addWidget(self.role)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("eventPartnerAddButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current)
        pick.addWidget(self.add_button)
        column.addLayout(pick)
        for combo in (self.partner, self.role):
            combo.installEventFilter(self)  # Enter there adds the line (not Save)
        self.list = QListWidget()
        self.list.setObjectName("eventPartnersList")
        self.list.installEventFilter(self)
        self.list.setMinimumHeight(120)
        column.addWidget(self.list, 1)
        self.list_error = error_label("eventPartnersListError")
        column.addWidget(self.list_error)
        for field in ("partner_id", "role"):
            self.errors.add(field, self.list, self.list_error)
        remove_row = QHBoxLayout()
        column.addWidget(label(self.tr("Delete removes the chosen line."), "hint",
                               object_name="eventPartnersHint"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("eventPartnerRemoveButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        remove_row.addWidget(self.remove_button)
        remove_row.addStretch(1)
        column.addLayout(remove_row)
        buttons, self.save_button = dialog_buttons(self, self.tr("Save"),
                                                   "eventPartnersSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        try:
            for shown in list_event_partners(ctx, event.id):
                self.add(shown.partner_id, shown.role)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
        if not self.partners:
            self.bar.show_message(self.tr("There are no partners yet; the owner adds them in "
                                          "Partners."))
        self.setMinimumWidth(480)
        self.partner.setFocus()

    def pairs(self) -> list[tuple[int, str]]:
        return [self.list.item(row).data(PAIR_ROLE) for row in range(self.list.count())]

    def add(self, partner_id: int, role: str) -> None:
        if (partner_id, role) in self.pairs():
            return
        partner = self.partners.get(partner_id)
        name = partner.name if partner is not None else str(partner_id)
        item = QListWidgetItem(f"{name} · {role_label(role).render()}")
        item.setData(PAIR_ROLE, (partner_id, role))
        self.list.addItem(item)
        self.list.setCurrentItem(item)

    def add_current(self) -> None:
        partner_id = self.partner.currentData()
        if partner_id is not None:
            self.add(int(partner_id), str(self.role.currentData()))

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.list and event.key() in (Qt.Key.Key_Delete,
                                                        Qt.Key.Key_Backspace):
                self.remove_current()
                return True
            if (watched in (self.partner, self.role)
                    and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
                self.add_current()
                return True
        return super().eventFilter(watched, event)

    def save(self) -> None:
        self.errors.clear()
        try:
            self.result_value = set_event_partners(self._ctx, self._event.id, self.pairs())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
