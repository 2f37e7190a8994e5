"""Settings → Venue: the venue's name, address, time zone, currency, logo; language; idle lock.

The labels and help lines come from the settings registry (declared once); saving hands every
field to ``update_settings`` at once, so one bad field changes nothing and its message appears
beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.settings.registry import REGISTRY
from desktop.settings.store import all_settings, update_settings
from desktop.ui import dialogs
from desktop.ui.widgets import scrolling_form, time_zone_combo

LOGO_PREVIEW = 72
MAX_LOGO_BYTES = 2_000_000


class VenueTab(QWidget):
    """Emits ``saved`` with the stored values after a successful save."""

    saved = Signal(dict)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("venueTab")
        self._ctx = ctx
        self._logo_hex = ""
        self._stored: dict[str, Any] = {}

        self.page = page = scrolling_form(self, "venue")
        self.bar = page.bar
        self.errors = page.errors

        self.venue_name = QLineEdit()
        self.venue_name.setObjectName("venueNameEdit")
        self.venue_name.setMaximumWidth(560)
        self._row("venue.name", self.venue_name)
        self.address = QLineEdit()
        self.address.setObjectName("venueAddressEdit")
        self.address.setMaximumWidth(560)
        self._row("venue.address", self.address)
        self.time_zone = time_zone_combo("timeZoneCombo")
        self.time_zone.setMaximumWidth(320)
        self._row("venue.time_zone", self.time_zone)
        self.currency = QLineEdit()
        self.currency.setObjectName("currencyEdit")
        self.currency.setMaximumWidth(120)
        self._row("venue.currency", self.currency)

        logo_row = QWidget()
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(LOGO_PREVIEW, LOGO_PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet(
            "background: #ffffff; border: 1px dashed #c5cfcb; border-radius: 4px;")
        logo_layout.addWidget(self.logo_preview)
        self.logo_button = QPushButton(self.tr("Choose image…"))
        self.logo_button.setObjectName("logoButton")
        self.logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove"))
        self.remove_logo_button.setObjectName("removeLogoButton")
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(""))
        buttons = QVBoxLayout()
        buttons.addWidget(self.logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addStretch(1)
        logo_layout.addLayout(buttons)
        logo_layout.addStretch(1)
        self._row("venue.logo", logo_row, focus=self.logo_button)

        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setMaximumWidth(200)
        self._row("app.language", self.language,
                  note=self.tr("A new language applies the next time Clubhouse starts."))

        self.idle_lock = QSpinBox()
        self.idle_lock.setObjectName("idleLockSpin")
        # No lower bound of its own: the setting's rule decides, and says why at the field.
        self.idle_lock.setRange(-999, 24 * 60)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setMaximumWidth(120)
        self._row("app.idle_lock_minutes", self.idle_lock)

        self.revert_button, self.save_button = page.add_buttons(
            (self.tr("Undo changes"), "revertVenueButton", self.refresh),
            (self.tr("Save"), "saveVenueButton", self.save))
        self.refresh()

    def _row(self, name: str, widget: QWidget, *,
             focus: QWidget | None = None, note: str = "") -> None:
        definition = REGISTRY[name]
        hints = (definition.help.render(), note) if note else (definition.help.render(),)
        self.page.add_row(name, definition.label.render(), widget, *hints, focus=focus,
                          error_name="" if widget.objectName() else "logoError")

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.errors.clear()
        self._stored = all_settings(self._ctx)
        values = self._stored
        self.venue_name.setText(str(values["venue.name"]))
        self.address.setText(str(values["venue.address"]))
        self.time_zone.setCurrentText(str(values["venue.time_zone"]))
        self.currency.setText(str(values["venue.currency"]))
        self.set_logo(str(values["venue.logo"] or ""))
        index = self.language.findData(values["app.language"])
        self.language.setCurrentIndex(max(0, index))
        self.idle_lock.setValue(int(values["app.idle_lock_minutes"]))

    def values(self) -> dict[str, Any]:
        return {
            "venue.name": self.venue_name.text(),
            "venue.address": self.address.text(),
            "venue.time_zone": self.time_zone.currentText(),
            "venue.currency": self.currency.text(),
            "venue.logo": self._logo_hex,
            "app.language": self.language.currentData(),
            "app.idle_lock_minutes": self.idle_lock.value(),
        }

    def set_logo(self, hex_value: str) -> None:
        self._logo_hex = hex_value
        pixmap = QPixmap()
        if hex_value:
            try:
                pixmap.loadFromData(bytes.fromhex(hex_value))
            except ValueError:
                pixmap = QPixmap()
        if not pixmap.isNull():
            self.logo_preview.setPixmap(pixmap.scaled(
                LOGO_PREVIEW - 8, LOGO_PREVIEW - 8, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo") if not hex_value else "?")
        self.remove_logo_button.setEnabled(bool(hex_value))

    def choose_logo(self) -> None:
        path = dialogs.choose_open_file(self, self.tr("Choose the venue's logo"), str(Path.home()),
                                        self.tr("Images (*.png *.jpg *.jpeg)"))
        if path is None:
            return
        self.errors.clear()
        try:
            data = path.read_bytes()
        except OSError as error:
            self.errors.show_text("venue.logo", self.tr("Cannot read %1: %2")
                                  .replace("%1", str(path)).replace("%2", error.strerror or ""))
            return
        if len(data) > MAX_LOGO_BYTES:
            self.errors.show_text("venue.logo", self.tr("The image is larger than 2 MB; "
                                                        "choose a smaller one."))
            return
        self.set_logo(data.hex())

    def save(self) -> None:
        self.errors.clear()
        values = self.values()
        try:
            stored = update_settings(self._ctx, values)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        language_changed = stored.get("app.language") != self._stored.get("app.language")
        self._stored = {**self._stored, **stored}
        if language_changed:
            self.bar.show_success(self.tr("Saved. The new language applies the next time "
                                          "Clubhouse starts."))
        else:
            self.bar.show_success(self.tr("Saved."))
        self.saved.emit(stored)
