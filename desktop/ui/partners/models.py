"""The Partners view's tables: the partners with their agreement and use counts, and for the
selected partner its benefit uses and the events it sponsored or co-hosted.

An agreement that has ended, or ends within 60 days, says so in words ("ends in 12 days",
"ended") and in colour, so the desk sees it without reading the date.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from desktop.i18n import render_kept
from desktop.partners.service import BenefitUseView, PartnerView, category_label
from desktop.partners.sponsors import PartnerEventView
from desktop.ui.members.common import day, money
from desktop.ui.table_model import RowsModel

ENDED_COLOUR = QColor("#a3221b")
EXPIRING_COLOUR = QColor("#8a5a00")
_GREY = QColor("#8a9591")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def category_text(category: str) -> str:
    """A partner's category in the current language (the service's label, rendered)."""
    return category_label(category).render()


def agreement_text(partner: PartnerView) -> str:
    """2026-12-31 · ends in 35 days / 2026-11-20 · ended / 2026-12-31 / empty."""
    if partner.agreement_ends is None:
        return ""
    when = day(partner.agreement_ends)
    if partner.agreement_ended:
        return QCoreApplication.translate("PartnersModel", "%1 · ended").replace("%1", when)
    if partner.expiring:
        days = (partner.agreement_ends - partner.today).days
        if days == 0:
            return QCoreApplication.translate("PartnersModel", "%1 · ends today").replace(
                "%1", when)
        text = (QCoreApplication.translate("PartnersModel", "%1 · ends in 1 day") if days == 1
                else QCoreApplication.translate("PartnersModel", "%1 · ends in %2 days")
                .replace("%2", str(days)))
        return text.replace("%1", when)
    return when


def agreement_colour(partner: PartnerView) -> QColor | None:
    if partner.agreement_ended:
        return ENDED_COLOUR
    if partner.expiring:
        return EXPIRING_COLOUR
    return None


class PartnersModel(RowsModel[PartnerView]):
    """Partners, one line each; an inactive partner greyed and its agreement cell saying so
    (no column of its own: the table is narrow, and the filter chooses active or inactive
    ones)."""

    (NAME, CATEGORY, CONTACT, PHONE, CITY, BENEFIT, AGREEMENT, TIER, USES, SERVED,
     LAST_USED) = range(11)
    _NUMBERS = (USES, SERVED)
    _ELIDED = (CATEGORY, CONTACT, CITY, BENEFIT, TIER)  # their full text in the tooltip

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Category"), self.tr("Contact"), self.tr("Phone"),
                self.tr("City"), self.tr("Benefit"), self.tr("Agreement ends"), self.tr("Tier"),
                self.tr("Uses"), self.tr("Members"), self.tr("Last used"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self._NUMBERS:
                return int(_RIGHT)
            if role == Qt.ItemDataRole.ToolTipRole:
                return {self.USES: self.tr("How many times members used the benefit"),
                        self.SERVED: self.tr("Members served: how many members used it"),
                        self.LAST_USED: self.tr("The day it was last used")}.get(section)
        return super().headerData(section, orientation, role)

    def row_of(self, partner_id: int) -> int | None:
        for number, partner in enumerate(self.rows):
            if partner.id == partner_id:
                return number
        return None

    def cell(self, partner: PartnerView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(partner, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not partner.active:
                return _GREY
            return agreement_colour(partner) if column == self.AGREEMENT else None
        if role == Qt.ItemDataRole.FontRole and column == self.AGREEMENT and partner.active and (
                partner.agreement_ended or partner.expiring):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMBERS:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(partner, column)
        return None

    def _tooltip(self, partner: PartnerView, column: int) -> str | None:
        """The whole of a cell the narrow table may cut; on the name, also the contact
        columns a narrow table leaves out."""
        if column == self.NAME:
            name = partner.name if partner.active else self.tr("%1 (inactive)").replace(
                "%1", partner.name)
            reach = " · ".join(part for part in (partner.contact_person, partner.phone,
                                                 partner.city) if part)
            return "\n".join(part for part in (name, reach) if part)
        if column in self._ELIDED or column == self.AGREEMENT:
            return self._text(partner, column) or None
        if column == self.SERVED:
            return self.tr("Members served: how many members used it")
        return None

    def _agreement(self, partner: PartnerView) -> str:
        """The agreement's end, and for an inactive partner that it is inactive (the table
        has no Active column; the row is greyed too, and the filter picks them)."""
        if partner.active:
            return agreement_text(partner)
        ends = day(partner.agreement_ends)  # ended or not, it no longer matters
        return (self.tr("%1 · inactive").replace("%1", ends) if ends
                else self.tr("inactive"))

    def _text(self, partner: PartnerView, column: int) -> str:
        values: dict[int, str] = {
            self.NAME: partner.name,
            self.CATEGORY: category_text(partner.category),
            self.CONTACT: partner.contact_person or "",
            self.PHONE: partner.phone,
            self.CITY: partner.city or "",
            self.BENEFIT: " ".join((partner.benefit or "").split()),
            self.AGREEMENT: self._agreement(partner),
            self.TIER: partner.tier or "",
            self.USES: str(partner.uses),
            self.SERVED: str(partner.members_served),
            self.LAST_USED: day(partner.last_used),
        }
        return values.get(column, "")


class BenefitUsesModel(RowsModel[BenefitUseView]):
    """One partner's benefit uses, newest first; a use recorded with a warning in red."""

    WHEN, WHO, VALUE, NOTE, WARNING = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Member"), self.tr("Value"), self.tr("Note"),
                self.tr("Warning"))

    def has_warnings(self) -> bool:
        """Whether any use was logged with a warning (the Warning column is worth its room)."""
        return any(use.warning_note for use in self.rows)

    def row_of(self, use_id: int) -> int | None:
        for number, use in enumerate(self.rows):
            if use.id == use_id:
                return number
        return None

    def cell(self, use: BenefitUseView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {self.WHEN: day(use.used_on), self.WHO: use.member_name,
                    self.VALUE: money(use.value) if use.value is not None else "",
                    self.NOTE: use.note or "",
                    self.WARNING: render_kept(use.warning_note)}.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.WARNING:
            return ENDED_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.WARNING and use.warning_note:
                return render_kept(use.warning_note)
            if column == self.NOTE and use.note:
                return use.note
            return self.tr("Double-click to open the member")
        return None


class PartnerEventsModel(RowsModel[PartnerEventView]):
    """The events a partner sponsored or co-hosted, newest first."""

    WHEN, TITLE, ROLE = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Event"), self.tr("Role"))

    def cell(self, event: PartnerEventView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return f"{event.starts:%Y-%m-%d %H:%M}"
            if column == self.TITLE:
                if event.status == "cancelled":
                    return self.tr("%1 (cancelled)").replace("%1", event.title)
                return event.title
            return event.role_label.render()
        if role == Qt.ItemDataRole.ForegroundRole and event.status == "cancelled":
            return _GREY
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-click to open the event")
        return None

