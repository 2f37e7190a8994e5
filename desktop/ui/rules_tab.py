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

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domains import load_setting_modules
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.settings.registry import REGISTRY
from desktop.settings.store import all_settings, update_settings
from desktop.ui.widgets import FieldErrors, MessageBar, error_label, label

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

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setObjectName("rulesScroll")
        body = QWidget()
        body.setObjectName("rulesBody")
        scroll.setWidget(body)
        outer.addWidget(scroll)
        body_row = QHBoxLayout(body)
        body_row.setContentsMargins(18, 14, 18, 14)
        content = QWidget()
        content.setMaximumWidth(860)
        body_row.addWidget(content, 1)
        body_row.addStretch(0)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.bar = MessageBar("rulesMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)

        used = self._where_used()
        headings = {
            "members.new_days": self.tr("Member status"),
            "booking.no_show_minutes": self.tr("Bookings and events"),
            "review.not_seen_days": self.tr("Review"),
        }
        # One form, so every section's labels share a column; a heading spans both.
        form = QFormLayout()
        form.setSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column.addLayout(form)
        for name, object_name in RULES:
            if name in headings:
                form.addRow(label(headings[name], "section",
                                  object_name=object_name.replace("Spin", "Heading")
                                  .replace("Edit", "Heading")))
            self._row(form, name, self._field(name, object_name), used[name])

        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setObjectName("revertRulesButton")
        self.revert_button.clicked.connect(self.refresh)
        save_row.addWidget(self.revert_button)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveRulesButton")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        column.addLayout(save_row)
        column.addStretch(1)
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

    def _row(self, form: QFormLayout, name: str, widget: QWidget, used: str) -> None:
        definition = REGISTRY[name]
        cell = QWidget()
        cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        cell_column = QVBoxLayout(cell)
        cell_column.setContentsMargins(0, 0, 0, 0)
        cell_column.setSpacing(2)
        cell_column.addWidget(widget)
        error = error_label(widget.objectName().replace("Spin", "Error")
                            .replace("Edit", "Error"))
        cell_column.addWidget(error)
        cell_column.addWidget(label(definition.help.render(), "hint", wrap=True))
        cell_column.addWidget(label(used, "hint", wrap=True))
        form.addRow(definition.label.render(), cell)
        self.errors.add(name, widget, error)

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
