"""The panel beside the partners table: one partner's fields and notes, who used its benefit
(and when, for how much, with what warning), and the events it sponsored or co-hosted.

A member or an event in the lists opens where it lives (``openMember`` / ``openEvent``) on a
double-click or Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.partners.service import PartnerView, list_benefit_uses
from desktop.partners.sponsors import partner_events
from desktop.services import Context
from desktop.ui.members.common import day
from desktop.ui.partners.models import (
    BenefitUsesModel,
    PartnerEventsModel,
    agreement_colour,
    agreement_text,
    category_text,
)
from desktop.ui.widgets import EnterTable, label

PANEL_STYLE = """
QWidget#partnerDetail { background: #ffffff; border: 1px solid #d5dcd9; }
QLabel[role="section"] { font-weight: 600; color: #1f2b28; padding-top: 8px;
    border-bottom: 1px solid #e3e8e6; padding-bottom: 3px; }
QLabel[role="field"] { color: #5f6b67; }
QLabel#partnerDetailName { font-size: 15pt; font-weight: 600; color: #1f2b28; }
"""
FIELDS = ("category", "contact", "phone", "address", "city", "benefit", "agreement", "tier",
          "uses", "active", "notes")


_FIT = QHeaderView.ResizeMode.ResizeToContents
_STRETCH = QHeaderView.ResizeMode.Stretch


def _table(name: str, model: BenefitUsesModel | PartnerEventsModel,
           modes: tuple[QHeaderView.ResizeMode, ...]) -> EnterTable:
    """A list in the narrow panel: short columns sized to their content, the free text
    stretched over the rest and elided (its whole text in the tooltip), so it never scrolls
    sideways."""
    table = EnterTable()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(44)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    for section, mode in enumerate(modes):
        header.setSectionResizeMode(section, mode)
    return table


class PartnerDetailPanel(QWidget):
    openMember = Signal(int)
    openEvent = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerDetail")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        self._ctx = ctx
        self.partner: PartnerView | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(6)
        self.name = label("", object_name="partnerDetailName")
        self.name.setWordWrap(True)
        column.addWidget(self.name)
        self.empty = label(self.tr("Choose a partner to see its details."), "hint",
                           object_name="partnerDetailEmpty")
        column.addWidget(self.empty)

        self.body = QWidget()
        self.body.setObjectName("partnerDetailBody")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        form = QFormLayout()
        form.setSpacing(4)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        titles = {
            "category": self.tr("Category"), "contact": self.tr("Contact"),
            "phone": self.tr("Phone"), "address": self.tr("Address"), "city": self.tr("City"),
            "benefit": self.tr("Benefit"), "agreement": self.tr("Agreement"),
            "tier": self.tr("Tier"), "uses": self.tr("Used"), "active": self.tr("Active"),
            "notes": self.tr("Notes"),
        }
        self.values: dict[str, QLabel] = {}
        self._titles: dict[str, QLabel] = {}
        for field in FIELDS:
            title = label(titles[field], "field")
            value = label("", wrap=True, object_name="partnerDetail" + field.capitalize())
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(title, value)
            self.values[field] = value
            self._titles[field] = title
        body.addLayout(form)

        body.addWidget(label(self.tr("Benefit uses"), "section", object_name="usesSection"))
        self.uses_model = BenefitUsesModel(self)
        # date, member, value fit; the note and the warning (when some use has one)
        # share the rest
        self.uses_table = _table("partnerUsesTable", self.uses_model,
                                 (_FIT, _FIT, _FIT, _STRETCH, _STRETCH))
        # a warning (or a note) wraps onto more lines rather than be cut in the narrow panel
        self.uses_table.setWordWrap(True)
        self.uses_table.doubleClicked.connect(self._open_member)
        self.uses_table.entered.connect(lambda: self._open_member(self.uses_table.currentIndex()))
        body.addWidget(self.uses_table, 3)
        body.addWidget(label(self.tr("Events sponsored or co-hosted"), "section",
                             object_name="eventsSection"))
        self.events_model = PartnerEventsModel(self)
        self.events_table = _table("partnerEventsTable", self.events_model,
                                   (_FIT, _STRETCH, _FIT))
        self.events_table.doubleClicked.connect(self._open_event)
        self.events_table.entered.connect(
            lambda: self._open_event(self.events_table.currentIndex()))
        body.addWidget(self.events_table, 2)
        column.addWidget(self.body, 1)
        self.show_partner(None)

    def show_partner(self, partner: PartnerView | None) -> str | None:
        """Show ``partner`` (None: nothing chosen); an error's text when a list could not be
        read, for the view's message bar."""
        self.partner = partner
        self.body.setVisible(partner is not None)
        self.empty.setVisible(partner is None)
        if partner is None:
            self.name.setText("")
            self.uses_model.set_rows([])
            self._fit_uses()
            self.events_model.set_rows([])
            return None
        self.name.setText(partner.name)
        starts = day(partner.agreement_starts)
        ends = agreement_text(partner)
        agreement = (f"{starts} – {ends}" if starts and ends else
                     self.tr("from %1").replace("%1", starts) if starts else
                     self.tr("until %1").replace("%1", ends) if ends else self.tr("none"))
        if partner.uses == 1:
            uses = self.tr("once, on %1").replace("%1", day(partner.last_used))
        elif partner.uses and partner.members_served == 1:
            uses = (self.tr("%1 times by one member, last on %2")
                    .replace("%1", str(partner.uses)).replace("%2", day(partner.last_used)))
        elif partner.uses:
            uses = (self.tr("%1 times by %2 members, last on %3")
                    .replace("%1", str(partner.uses)).replace("%2", str(partner.members_served))
                    .replace("%3", day(partner.last_used)))
        else:
            uses = self.tr("not yet")
        texts = {
            "category": category_text(partner.category),
            "contact": partner.contact_person or "", "phone": partner.phone,
            "address": partner.address or "", "city": partner.city or "",
            "benefit": partner.benefit or "", "agreement": agreement, "tier": partner.tier or "",
            "uses": uses, "active": self.tr("Yes") if partner.active else self.tr("No"),
            "notes": partner.notes or "",
        }
        for field, text in texts.items():
            self.values[field].setText(text)
            shown = bool(text) or field in ("agreement", "uses", "active")
            self.values[field].setVisible(shown)
            self._titles[field].setVisible(shown)
        colour = agreement_colour(partner)
        self.values["agreement"].setStyleSheet(
            f"QLabel {{ color: {colour.name()}; font-weight: 600; }}" if colour else "")
        try:
            self.uses_model.set_rows(list_benefit_uses(self._ctx, partner_id=partner.id))
            self.events_model.set_rows(partner_events(self._ctx, partner.id))
        except ClubhouseError as error:
            return error.render()
        finally:
            self._fit_uses()
        return None

    def _fit_uses(self) -> None:
        """The note and the warning take room only when some use has one (the panel is
        narrow; most uses have neither)."""
        model, table = self.uses_model, self.uses_table
        notes, warnings = any(use.note for use in model.rows), model.has_warnings()
        table.setColumnHidden(model.NOTE, not notes)
        table.setColumnHidden(model.WARNING, not warnings)
        # with neither, the member's name takes the rest of the line
        table.horizontalHeader().setSectionResizeMode(
            model.WHO, _FIT if notes or warnings else _STRETCH)
        # rows grow to a wrapped text only when there is one (else the compact height)
        table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if notes or warnings
            else QHeaderView.ResizeMode.Fixed)

    def _open_member(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openMember.emit(self.uses_model.row_at(index.row()).member_id)

    def _open_event(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openEvent.emit(self.events_model.row_at(index.row()).event_id)
