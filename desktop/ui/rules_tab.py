"""Settings → Rules: the thresholds the app's rules read, each with where it is used.

Member status (new, expiring soon, grace), when a booking becomes a no-show, how early the
door opens before an event, and what the owner's review counts as "not seen" and as the
hours of the day to measure utilisation in.  Labels and help lines come from the settings
registry (declared once, beside each rule); a line under each says where the value is used.
Saving hands every field to ``update_settings`` at once: one bad field changes nothing and
its message appears beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.domains import load_setting_modules
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.settings.registry import REGISTRY
from desktop.settings.store import all_settings, update_settings
from desktop.ui.widgets import label, scrolling_form

# (setting, object name of its field) in the order shown; ints get a spin box.
RULES = (
    ("members.new_days", "newDaysSpin"),
    ("members.expiring_days", "expiringDaysSpin"),
    ("members.grace_days", "graceDaysSpin"),
    ("booking.no_show_minutes", "noShowMinutesSpin"),
    ("events.doors_open_minutes", "doorsOpenMinutesSpin"),
    ("review.not_seen_days", "notSeenDaysSpin"),
    ("review.utilisation_hours", "utilisationHoursEdit"),
)


class RulesTab(QWidget):
    """Emits ``saved`` with the stored values after a successful save."""

    saved = Signal(dict)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesTab")
        self._ctx = ctx
        load_setting_modules()
        self.fields: dict[str, QSpinBox | QLineEdit] = {}
        self.spins: dict[str, QSpinBox] = {}  # the whole-number settings, by name

        # One form, so every section's labels share a column; a heading spans both.
        self.page = page = scrolling_form(self, "rules")
        form = page.form
        self.bar = page.bar
        self.errors = page.errors

        used = self._where_used()
        headings = {
            "members.new_days": self.tr("Member status"),
            "booking.no_show_minutes": self.tr("Bookings and events"),
            "review.not_seen_days": self.tr("Review"),
        }
        for name, object_name in RULES:
            if name in headings:
                form.addRow(label(headings[name], "section",
                                  object_name=object_name.replace("Spin", "Heading")
                                  .replace("Edit", "Heading")))
            self._row(name, self._field(name, object_name), used[name])

        self.revert_button, self.save_button = page.add_buttons(
            (self.tr("Undo changes"), "revertRulesButton", self.refresh),
            (self.tr("Save"), "saveRulesButton", self.save))
        self.refresh()

    def _where_used(self) -> dict[str, str]:
        return {
            "members.new_days": self.tr(
                "Used for the member's status everywhere (Members list, Today, booking and "
                "event rules) and the Review's status counts."),
            "members.expiring_days": self.tr(
                "Used for the \"expiring soon\" status in the Members list and the Review; "
                "the Review's call lists are for 30 and 60 days."),
            "members.grace_days": self.tr(
                "Members in grace may still book and register; after it they are lapsed. "
                "The Review's renewal rate counts a renewal within these days."),
            "booking.no_show_minutes": self.tr(
                "Used by the calendar and Today to mark no-shows, and by the Review's "
                "no-show rate."),
            "events.doors_open_minutes": self.tr("Used by door mode when checking people in."),
            "review.not_seen_days": self.tr("Used by Review → Engagement (\"not seen\")."),
            "review.utilisation_hours": self.tr(
                "Used by Review → Spaces: utilisation per week and the busy-hours map."),
        }

    def _field(self, name: str, object_name: str) -> QSpinBox | QLineEdit:
        widget: QSpinBox | QLineEdit
        if REGISTRY[name].kind is int:
            spin = QSpinBox()
            # No lower bound of its own: the setting's rule decides, and says why.
            spin.setRange(-999, 9999)
            spin.setMaximumWidth(120)
            self.spins[name] = widget = spin
        else:
            widget = self.hours_edit = QLineEdit()
            widget.setMaximumWidth(200)
        widget.setObjectName(object_name)
        self.fields[name] = widget
        return widget

    def _row(self, name: str, widget: QWidget, used: str) -> None:
        definition = REGISTRY[name]
        self.page.add_row(name, definition.label.render(), widget, definition.help.render(),
                          used)

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.errors.clear()
        stored = all_settings(self._ctx)
        for name, widget in self.fields.items():
            if isinstance(widget, QSpinBox):
                widget.setValue(int(stored[name]))
            else:
                widget.setText(str(stored[name]))

    def values(self) -> dict[str, Any]:
        return {name: widget.value() if isinstance(widget, QSpinBox) else widget.text()
                for name, widget in self.fields.items()}

    def save(self) -> None:
        self.errors.clear()
        try:
            stored = update_settings(self._ctx, self.values())
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.bar.show_success(self.tr("Saved."))
        self.saved.emit(stored)
